import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { parseContent } from './content.js';
import { anchorComments, indexTexts } from './documentTexts.js';
import { CommentBoundaries, inlineItems, type InlineItem } from './inline.js';
import type { ExportComment } from './types.js';

const text = (value: string, ...types: string[]): JSONContent =>
  types.length ? { type: 'text', text: value, marks: types.map((type) => ({ type })) } : { type: 'text', text: value };
const comment = (from: number, to: number): ExportComment => ({ id: `${from}`, author: 'a', date: new Date(0), body: '', replies: [], from, to });

/** The items as a string: text as is, a hard break as ⏎, comment i's start as [i and end as i]. */
function show(items: InlineItem[]): string {
  return items
    .map((item) =>
      item.kind === 'commentStart' ? `[${item.comment}` : item.kind === 'commentEnd' ? `${item.comment}]` : item.node.isText ? item.node.text : '⏎',
    )
    .join('');
}

describe('inlineItems', () => {
  const doc = parseContent({
    type: 'doc',
    content: [
      { type: 'paragraph', content: [text('一是', 'bold'), text('正文'), { type: 'hardBreak' }, text('第二行')] },
      { type: 'paragraph', content: [text('下一段')] },
    ],
  });
  const index = indexTexts(doc); // "一是正文\n第二行\n下一段"
  const items = (comments: ExportComment[]) => {
    const boundaries = new CommentBoundaries(anchorComments(comments, index));
    return [doc.child(0), doc.child(1)].map((block) => show(inlineItems(block, index, boundaries)));
  };

  it('cuts text where passages start and end', () => {
    expect(items([comment(1, 3)])).toEqual(['一[0是正0]文⏎第二行', '下一段']);
  });

  it('closes a passage at the end of a text, not at the start of the next', () => {
    expect(items([comment(0, 4)])).toEqual(['[0一是正文0]⏎第二行', '下一段']);
    expect(items([comment(2, 4), comment(4, 7)])).toEqual(['一是[0正文0]⏎[1第二1]行', '下一段']);
  });

  it('spans passages across hard breaks and paragraphs', () => {
    expect(items([comment(3, 11)])).toEqual(['一是正[0文⏎第二行', '下一0]段']);
  });

  it('closes one passage before opening the next at the same place, and keeps a collapsed one in order', () => {
    // [00] is the collapsed comment 0: its start and its end.
    expect(items([comment(2, 2), comment(0, 2), comment(2, 3)])).toEqual(['[1一是1][00][2正2]文⏎第二行', '下一段']);
  });

  it('leaves the content whole without comments', () => {
    expect([doc.child(0), doc.child(1)].map((block) => show(inlineItems(block, index, null)))).toEqual(['一是正文⏎第二行', '下一段']);
  });
});
