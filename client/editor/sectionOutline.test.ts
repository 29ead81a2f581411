import { getSchema, type JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import type { SectionDto } from '../../shared/api.js';
import { schemaExtensions } from '../../shared/schema.js';
import { keepUnchanged, outlineSections } from './sectionOutline.js';

const schema = getSchema(schemaExtensions);
const A = 'AAAAAAAAAAAAAAAA';
const B = 'BBBBBBBBBBBBBBBB';
const heading = (level: number, text: string, sectionId: string | null): JSONContent => ({
  type: 'heading',
  attrs: { level, sectionId },
  content: [{ type: 'text', text }],
});
const paragraph = (text: string): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text }] });

const record = (id: string, change: Partial<SectionDto> = {}): SectionDto => ({
  id,
  level: 1,
  number: '一、',
  title: 'old title',
  assignees: ['li'],
  status: 'todo',
  due: null,
  chars: 0,
  openThreads: 0,
  people: [{ username: 'li', displayName: '李华', color: '#123456' }],
  overdue: false,
  ...change,
});

describe('outline sections', () => {
  const doc = schema.nodeFromJSON({
    type: 'doc',
    content: [heading(2, '思想建设', A), paragraph('学习五次'), heading(3, '专题学习', B), paragraph('两次'), heading(2, '新的一节', null), paragraph('正文')],
  });

  it('shows the live numbers, titles and 字数 with the server’s assignment (a 一、 holds its （一）), removed records left out', () => {
    const sections = outlineSections(doc, [], [record(A), record(B, { removed: true })]);
    expect(sections.map((s) => [s.number, s.title, s.chars, s.record?.assignees ?? null])).toEqual([
      ['一、', '思想建设', 10, ['li']],
      ['（一）', '专题学习', 2, null],
      ['二、', '新的一节', 2, null],
    ]);
  });

  it('counts an open thread in its section and in the first-level section around it', () => {
    let inSub = -1;
    doc.descendants((node, pos) => {
      if (node.isText && node.text === '两次') inSub = pos;
    });
    const sections = outlineSections(doc, [inSub, doc.content.size - 2], undefined);
    expect(sections.map((s) => s.openThreads)).toEqual([1, 1, 1]);
  });

  it('keeps the objects of unchanged sections, and the whole list when nothing changed, so that their rows need not draw again', () => {
    const records = [record(A)];
    const before = outlineSections(doc, [], records);
    expect(keepUnchanged(before, outlineSections(doc, [], records))).toBe(before);
    // a keystroke in the last section: its 字数 changes, the others stay as they were
    const typed = schema.nodeFromJSON({ ...doc.toJSON(), content: [...doc.toJSON().content.slice(0, 5), paragraph('正文多了')] });
    const after = keepUnchanged(before, outlineSections(typed, [], records));
    expect(after).not.toBe(before);
    expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toBe(before[1]);
    expect(after[2]).not.toBe(before[2]);
    expect(after[2].chars).toBe(4);
  });
});
