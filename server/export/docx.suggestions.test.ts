// exportDocx: suggestions (修订) as Word's tracked changes.
import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { documentTexts } from './documentTexts.js';
import { W, attr, comment, commentedText, exported, isBold } from './testing/docxQuery.js';
import { approvedSummary } from './testing/fixtures.js';
import { child, find, findAll, type XmlElement } from './testing/xml.js';

const AT = Date.UTC(2026, 11, 7, 11, 43, 5);
const ins = (id: string, author = 'alice') => ({ type: 'suggestionInsert', attrs: { id, author, createdAt: AT } });
const del = (id: string, author = 'bob') => ({ type: 'suggestionDelete', attrs: { id, author, createdAt: AT } });
const fmt = (id: string, add: string[], remove: string[] = []) => ({ type: 'suggestionFormat', attrs: { id, author: 'carol', createdAt: AT, add, remove } });
const text = (value: string, ...marks: NonNullable<JSONContent['marks']>): JSONContent =>
  marks.length ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });

const strings = (el: XmlElement, name: string) =>
  findAll(el, name)
    .map((t) => t.children.filter((c): c is string => typeof c === 'string').join(''))
    .join('');

describe('exportDocx: suggestions as tracked changes', async () => {
  const content: JSONContent = {
    type: 'doc',
    content: [
      p(text('会议'), text('于周五', del('d1')), text('在村委会', ins('i1')), text('召开', fmt('f1', ['bold']))),
      p(text('新', ins('A')), text('增', ins('A'), del('B', 'dave')), { type: 'hardBreak', marks: [ins('A')] }, text('行', ins('A'))),
      {
        type: 'table',
        content: [
          { type: 'tableRow', content: [{ type: 'tableCell', content: [p(text('单元格'), text('删去', del('d2')), text('〔填写〕', { type: 'guidance' }))] }] },
        ],
      },
    ],
  };
  const { body } = await exported({ ...approvedSummary(content), authors: { alice: '王委员', bob: '李主任' } });
  const inserted = findAll(body, W('ins'));
  const deleted = findAll(body, W('del')).filter((d) => d.children.some((c) => typeof c !== 'string' && c.name === W('r')));

  it('writes proposed insertions as w:ins with the display name and the ISO date', () => {
    const first = inserted.find((el) => strings(el, W('t')) === '在村委会')!;
    expect(first).toBeDefined();
    expect(attr(first, 'author')).toBe('王委员');
    expect(attr(first, 'date')).toBe('2026-12-07T11:43:05Z');
    expect(inserted.map((el) => strings(el, W('t'))).join('|')).toBe('在村委会|新||行');
    // the line break is inside the insertion too
    expect(inserted.some((el) => find(el, W('br')))).toBe(true);
  });

  it('writes proposed deletions as w:del with w:delText, the username where no display name is known', () => {
    expect(deleted.map((el) => [strings(el, W('delText')), attr(el, 'author')])).toEqual([
      ['于周五', '李主任'],
      ['增', 'dave'],
      ['删去', '李主任'],
    ]);
    for (const el of deleted) {
      expect(find(el, W('t'))).toBeUndefined();
      expect(attr(el, 'date')).toBe('2026-12-07T11:43:05Z');
    }
  });

  it('gives every revision its own id', () => {
    const ids = [...inserted, ...deleted].map((el) => attr(el, 'id'));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('writes a proposed format change as the run with it applied and the format before in w:rPrChange', () => {
    const run = findAll(body, W('r')).find((r) => strings(r, W('t')) === '召开')!;
    expect(isBold(run)).toBe(true);
    const change = child(child(run, W('rPr')), W('rPrChange'))!;
    expect(change).toBeDefined();
    expect(attr(change, 'author')).toBe('carol');
    expect(attr(change, 'date')).toBe('2026-12-07T11:43:05Z');
    const before = child(change, W('rPr'))!;
    expect(isBold({ name: W('r'), attrs: {}, children: [before] })).toBe(false);
  });

  it('keeps the guidance highlight and the text of the runs outside suggestions as they were', () => {
    const guidance = findAll(body, W('r')).find((r) => strings(r, W('t')) === '〔填写〕')!;
    expect(attr(child(child(guidance, W('rPr')), W('highlight')), 'val')).toBe('yellow');
    const plain = findAll(body, W('r')).find((r) => strings(r, W('t')) === '会议')!;
    expect(child(child(plain, W('rPr')), W('rPrChange'))).toBeUndefined();
  });

  it('keeps comments on passages that hold suggestions', async () => {
    const all = documentTexts(content).join('\n');
    const from = all.indexOf('于周五');
    const to = all.indexOf('召开');
    const withComments = await exported({ ...approvedSummary(content), comments: [comment(from, to), comment(all.indexOf('删去'), all.indexOf('删去') + 2)] });
    const covered = commentedText(withComments.body);
    expect(covered.get('0')).toBe('于周五在村委会');
    expect(covered.get('1')).toBe('删去');
    expect(findAll(withComments.body, W('ins')).length).toBe(inserted.length);
  });
});
