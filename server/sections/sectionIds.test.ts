import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BODY_FRAGMENT, schema } from '../../shared/schema.js';
import { giveSectionIds, headingsWithoutId, presentSectionIds, sectionIdOf, sectionsOfBlocks, sectionTitles, topLevelBlock } from './sectionIds.js';

const text = (t: string) => [{ type: 'text', text: t }];
const h = (level: number, t: string, sectionId: string | null = null) => ({ type: 'heading', attrs: { level, sectionId }, content: text(t) });
const p = (t: string) => ({ type: 'paragraph', content: text(t) });
const body = (...content: object[]) => prosemirrorJSONToYDoc(schema, { type: 'doc', content }, BODY_FRAGMENT).getXmlFragment(BODY_FRAGMENT);
const A = 'aaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbb';

describe('section ids in the Yjs document', () => {
  it('finds headings without an id, with a malformed one, and later copies of an id', () => {
    const b = body(h(1, '标题'), h(2, '一', A), h(3, '二'), h(2, '三', A), h(2, '四', 'bad id'), h(4, '五'), p('正文'));
    expect(headingsWithoutId(b).map((e) => e.toArray().join(''))).toEqual(['二', '三', '四']);
    b.doc!.transact(() => giveSectionIds(headingsWithoutId(b)));
    expect(headingsWithoutId(b)).toEqual([]);
    const ids = presentSectionIds(b);
    expect(ids).toHaveLength(4);
    expect(ids[0]).toBe(A);
    expect(new Set(ids).size).toBe(4);
  });

  it('reads titles with their numbers, and which sections each block belongs to', () => {
    const b = body(h(1, '标题'), h(2, '参政议政', A), p('正文一'), h(3, '调研', B), p('正文二'), h(1, '附件'), p('正文三'));
    expect([...sectionTitles(b)]).toEqual([
      [A, '一、参政议政'],
      [B, '（一）调研'],
    ]);
    const owners = sectionsOfBlocks(b);
    const blocks = b.toArray() as Y.XmlElement[];
    expect(blocks.map((block) => owners.get(block))).toEqual([[], [A], [A], [A, B], [A, B], [], []]);
    const inner = blocks[4].get(0) as Y.XmlText;
    expect(topLevelBlock(b, inner)).toBe(blocks[4]);
    expect(sectionIdOf(blocks[1])).toBe(A);
  });
});
