import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { parseContent } from './content.js';
import { anchorComments, documentTexts, indexTexts, passageText } from './documentTexts.js';
import type { ExportComment } from './types.js';

const text = (value: string, marks?: JSONContent['marks']): JSONContent => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const br: JSONContent = { type: 'hardBreak' };

const content: JSONContent = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [text('标题')] },
    p(text('一是', [{ type: 'bold' }]), text('正文'), br, text('第二行'), br, br),
    p(),
    { type: 'bulletList', content: [{ type: 'listItem', content: [p(text('列表'))] }] },
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [
            { type: 'tableCell', content: [p(text('甲')), p(text('乙'))] },
            { type: 'tableHeader', content: [p(text('丙'))] },
          ],
        },
      ],
    },
    { type: 'blockquote', content: [p(br, text('引用'))] },
    { type: 'horizontalRule' },
  ],
};

const comment = (from: number, to: number): ExportComment => ({ id: 'c', author: 'a', date: new Date(0), body: '', replies: [], from, to });

describe('documentTexts', () => {
  it('lists the runs of text between hard breaks, in every textblock in document order', () => {
    expect(documentTexts(content)).toEqual(['标题', '一是正文', '第二行', '列表', '甲', '乙', '丙', '引用']);
  });

  it('gives the document string whose offsets comments use', () => {
    expect(documentTexts(content).join('\n')).toBe('标题\n一是正文\n第二行\n列表\n甲\n乙\n丙\n引用');
  });

  it('is empty for a document without text', () => {
    expect(documentTexts({ type: 'doc', content: [p()] })).toEqual([]);
  });

  it('rejects content the schema does not allow', () => {
    expect(() => documentTexts({ type: 'doc', content: [{ type: 'image' }] })).toThrow(/schema/);
  });
});

describe('anchorComments', () => {
  const index = indexTexts(parseContent(content));
  const anchor = (from: number, to: number) => {
    const [a] = anchorComments([comment(from, to)], index);
    return { from: a.from, to: a.to, text: passageText(index, a) };
  };

  it('keeps a passage inside the text', () => {
    expect(anchor(3, 7)).toEqual({ from: 3, to: 7, text: '一是正文' });
  });

  it('keeps a passage that spans texts, with the newline between them', () => {
    expect(anchor(4, 10)).toEqual({ from: 4, to: 10, text: '是正文\n第二' });
  });

  it('moves a start on a joining newline forward and an end on one back', () => {
    expect(anchor(2, 8)).toEqual({ from: 3, to: 7, text: '一是正文' });
  });

  it('collapses a passage that covers only a newline to its start', () => {
    expect(anchor(7, 8)).toEqual({ from: 8, to: 8, text: '' });
  });

  it('clamps offsets outside the document string', () => {
    const length = index.length;
    expect(anchor(-5, 2)).toEqual({ from: 0, to: 2, text: '标题' });
    expect(anchor(length - 2, length + 10)).toEqual({ from: length - 2, to: length, text: '引用' });
    expect(anchor(length + 3, length + 9)).toEqual({ from: length, to: length, text: '' });
    expect(anchor(6, 2)).toEqual({ from: 6, to: 6, text: '' });
  });

  it('anchors nothing in a document without text', () => {
    expect(anchorComments([comment(0, 3)], indexTexts(parseContent({ type: 'doc', content: [p()] })))).toEqual([]);
  });
});
