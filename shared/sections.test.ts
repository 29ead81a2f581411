import { Node } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { schema } from './schema.js';
import { sectionAtIndex, sectionsOf } from './sections.js';

const text = (t: string) => (t ? [{ type: 'text', text: t }] : []);
const h = (level: number, t: string, sectionId: string | null = null, numbering = 'auto') => ({
  type: 'heading',
  attrs: { level, sectionId, numbering },
  content: text(t),
});
const p = (t: string) => ({ type: 'paragraph', content: text(t) });
const doc = (...content: object[]) => Node.fromJSON(schema, { type: 'doc', content });

describe('sectionsOf', () => {
  const d = doc(
    h(1, '工作总结'),
    p('前言两句话。'),
    h(2, '参政议政', 'a'),
    p('开展调研3次'),
    h(3, '调研', 'b'),
    p('走访企业'),
    h(4, '细目', 'c'),
    p('一项'),
    h(3, '协商', 'd'),
    h(2, '服务发展', 'e', 'none'),
    p('办实事'),
    h(1, '附件'),
    p('不属于任何部分'),
  );
  const sections = sectionsOf(d);

  it('lists the 一、 and （一） headings in order with their numbers, levels and titles', () => {
    expect(sections.map((s) => [s.id, s.level, s.number, s.title])).toEqual([
      ['a', 1, '一、', '参政议政'],
      ['b', 2, '（一）', '调研'],
      ['d', 2, '（二）', '协商'],
      ['e', 1, '', '服务发展'],
    ]);
  });

  it('bounds each body by the next heading of its level or above, a 一、 holding its （一）', () => {
    const [a, b, dd, e] = sections;
    // 开展调研 4 + 3 (a word) + 次 1; its （一） 调研 2 with 走访企业 4, 细目 2, 一项 2; （二） 协商 2
    expect(a.chars).toBe(6 + 2 + 4 + 2 + 2 + 2);
    expect(b.chars).toBe(4 + 2 + 2);
    expect(dd.chars).toBe(0);
    // the title heading (level 1) ends the section: 附件's paragraph is nobody's
    expect(e.chars).toBe(3);
    expect(sectionAtIndex(sections, 3)?.id).toBe('a');
    expect(sectionAtIndex(sections, 5)?.id).toBe('b');
    expect(sectionAtIndex(sections, 1)).toBeNull();
    expect(sectionAtIndex(sections, 12)).toBeNull();
    expect(d.nodeAt(a.pos)?.textContent).toBe('参政议政');
    expect(d.resolve(e.end).index(0)).toBe(e.endIndex);
  });

  it('gives null for a heading without an id yet', () => {
    expect(sectionsOf(doc(h(2, '新写的'))).map((s) => s.id)).toEqual([null]);
  });

  it("counts a section's body as agreed: a proposed insertion not until accepted, a proposed deletion until then", () => {
    const attrs = (id: string) => ({ id, author: 'wang', createdAt: 1000 });
    const d = Node.fromJSON(schema, {
      type: 'doc',
      content: [
        h(2, '参政议政', 'a'),
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '开展' },
            { type: 'text', text: '专题', marks: [{ type: 'suggestionInsert', attrs: attrs('s1') }] },
            { type: 'text', text: '调研', marks: [{ type: 'suggestionDelete', attrs: attrs('s2') }] },
          ],
        },
      ],
    });
    expect(sectionsOf(d)[0].chars).toBe(4);
  });
});
