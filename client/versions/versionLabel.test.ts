import { describe, expect, it } from 'vitest';
import { authorNames, formatVersionTime, labelOf, type LabelWords } from './versionLabel.js';

const at = (y: number, mo: number, d: number, h: number, mi: number) => new Date(y, mo - 1, d, h, mi).toISOString();
const words = { separator: '、', andOthers: (names: string, count: number) => `${names}等 ${count} 人` };
const person = (displayName: string) => ({ displayName });
const zh: LabelWords = { approved: '定稿', restored: (from) => `恢复到“${from}”`, imported: (file) => `导入：${file}` };
const en: LabelWords = { approved: 'Approved', restored: (from) => `Restored “${from}”`, imported: (file) => `Imported from ${file}` };

describe('formatVersionTime', () => {
  it('writes the local date and time to the minute, zero-padded', () => {
    expect(formatVersionTime(new Date(2026, 10, 28, 10, 20, 59))).toBe('2026-11-28 10:20');
    expect(formatVersionTime(new Date(2027, 0, 3, 7, 5))).toBe('2027-01-03 07:05');
  });
});

describe('labelOf', () => {
  it('names a named version by its name and makes it prominent', () => {
    expect(labelOf({ name: '征求意见稿', kind: 'named', createdAt: at(2026, 11, 28, 10, 20) }, zh)).toEqual({
      name: '征求意见稿',
      time: '2026-11-28 10:20',
      clock: '10:20',
      prominent: true,
    });
  });

  it('words an imported document’s first version from the file’s name, in each language', () => {
    const imported = { name: '导入：2025年总结.docx', kind: 'named' as const, importedFrom: '2025年总结.docx', createdAt: at(2026, 12, 7, 9, 0) };
    expect(labelOf(imported, zh).name).toBe('导入：2025年总结.docx');
    expect(labelOf(imported, en).name).toBe('Imported from 2025年总结.docx');
  });

  it('knows an automatic version by its time only, and keeps it quiet', () => {
    expect(labelOf({ name: null, kind: 'auto', createdAt: at(2026, 11, 28, 9, 5) }, zh)).toMatchObject({ name: null, clock: '09:05', prominent: false });
  });

  it("names an approved version in the UI's words, whatever the server called it", () => {
    expect(labelOf({ name: null, kind: 'approved', createdAt: at(2026, 12, 1, 16, 0) }, zh)).toMatchObject({ name: '定稿', prominent: true });
    expect(labelOf({ name: '定稿', kind: 'approved', createdAt: at(2026, 12, 1, 16, 0) }, en)).toMatchObject({ name: 'Approved', prominent: true });
  });

  it("names a restore's version after what it brought back, in the UI's words", () => {
    const restored = (from: { name: string | null; kind: 'named' | 'auto' | 'approved' }) => ({
      name: '恢复到“…”',
      kind: 'named' as const,
      createdAt: at(2026, 12, 2, 9, 0),
      restoredFrom: { id: 'v1', ...from, createdAt: at(2026, 11, 28, 10, 20) },
    });
    expect(labelOf(restored({ name: '征求意见稿', kind: 'named' }), zh).name).toBe('恢复到“征求意见稿”');
    expect(labelOf(restored({ name: '征求意见稿', kind: 'named' }), en).name).toBe('Restored “征求意见稿”');
    expect(labelOf(restored({ name: null, kind: 'auto' }), en).name).toBe('Restored “2026-11-28 10:20”');
    expect(labelOf(restored({ name: null, kind: 'approved' }), zh).name).toBe('恢复到“定稿”');
  });
});

describe('authorNames', () => {
  it("lists up to three names with the language's separator", () => {
    expect(authorNames([person('张丽'), person('王明')], words)).toBe('张丽、王明');
    expect(authorNames([], words)).toBe('');
  });

  it('shortens a long list to the first names and a count', () => {
    expect(authorNames(['张丽', '王明', '李红', '赵强', '周芳'].map(person), words)).toBe('张丽、王明、李红等 5 人');
  });
});
