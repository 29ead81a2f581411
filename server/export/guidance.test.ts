import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { parseContent } from './content.js';
import { indexTexts, passageText, anchorComments } from './documentTexts.js';
import { omitGuidance } from './guidance.js';
import type { ExportComment } from './types.js';

const text = (value: string, ...marks: string[]): JSONContent =>
  marks.length ? { type: 'text', text: value, marks: marks.map((type) => ({ type })) } : { type: 'text', text: value };
const guide = (value: string): JSONContent => text(value, 'guidance');
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const h = (level: number, ...content: JSONContent[]): JSONContent => ({ type: 'heading', attrs: { level }, content });
const item = (...content: JSONContent[]): JSONContent => ({ type: 'listItem', content });
const br: JSONContent = { type: 'hardBreak' };
const doc = (...content: JSONContent[]) => parseContent({ type: 'doc', content });
const comment = (from: number, to: number): ExportComment => ({ id: `${from}-${to}`, author: 'a', date: new Date(0), body: '', replies: [], from, to });

/** Each textblock's text, '' for an empty one. */
const blockTexts = (content: JSONContent): string[] => {
  const out: string[] = [];
  parseContent(content).descendants((node) => {
    if (!node.isTextblock) return true;
    out.push(node.textContent);
    return false;
  });
  return out;
};
const omitted = (...content: JSONContent[]) => omitGuidance(doc(...content), null).doc;

describe('omitGuidance', () => {
  it('takes out the guidance and keeps the text around it', () => {
    const out = omitted(p(text('一是围绕中心工作建言献策。', 'bold'), guide('〔做法与成效〕')), p(guide('〔年〕'), text('年'), guide('〔月〕'), text('月')));
    expect(blockTexts(out.toJSON())).toEqual(['一是围绕中心工作建言献策。', '年月']);
    expect(out.firstChild!.firstChild!.marks.map((mark) => mark.type.name)).toEqual(['bold']);
  });

  it('drops a paragraph or heading left without text, but keeps one that was empty before', () => {
    const out = omitted(
      h(1, text('标题')),
      p(guide('〔一年工作的总体情况〕')),
      p(text('　'), guide('〔只有空格留下〕')),
      p(guide('〔甲〕'), br, guide('〔乙〕')),
      h(2, guide('〔整节标题〕')),
      p(),
      p(text('正文')),
    );
    expect(blockTexts(out.toJSON())).toEqual(['标题', '', '正文']);
  });

  it('keeps a line break between written text', () => {
    expect(omitted(p(text('第一行'), br, guide('〔提示〕'), br, text('第三行'))).firstChild!.childCount).toBe(4);
  });

  it('drops list items, lists and quotes left empty, and keeps a table cell with an empty paragraph', () => {
    const out = omitted(
      { type: 'bulletList', content: [item(p(guide('〔第一项〕'))), item(p(text('第二项')))] },
      { type: 'orderedList', content: [item(p(guide('〔只有提示〕')))] },
      { type: 'blockquote', content: [p(guide('〔引用〕'))] },
      {
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [
              { type: 'tableCell', content: [p(guide('〔表格〕'))] },
              { type: 'tableCell', content: [p(text('乙'))] },
            ],
          },
        ],
      },
    );
    out.check();
    expect(out.content.content.map((node) => node.type.name)).toEqual(['bulletList', 'table']);
    expect(out.firstChild!.childCount).toBe(1);
    expect(blockTexts(out.toJSON())).toEqual(['第二项', '', '乙']);
  });

  it('keeps a list item whose first paragraph goes, for the list in it', () => {
    const out = omitted({ type: 'bulletList', content: [item(p(guide('〔提示〕')), { type: 'bulletList', content: [item(p(text('嵌套')))] })] });
    out.check();
    expect(blockTexts(out.toJSON())).toEqual(['', '嵌套']);
  });

  it('leaves a valid document when everything was guidance', () => {
    const out = omitted(p(guide('〔全部〕')));
    out.check();
    expect(out.textContent).toBe('');
  });

  it('moves comment passages with their words, and collapses one on guidance alone', () => {
    const before = doc(h(1, text('标题')), p(guide('〔导语〕')), p(text('一是'), guide('〔提示〕'), text('正文'), br, guide('〔乙〕'), br, text('末行')));
    // 标题\n〔导语〕\n一是〔提示〕正文\n〔乙〕\n末行
    const string = indexTexts(before).texts.join('\n');
    const at = (words: string) => comment(string.indexOf(words), string.indexOf(words) + words.length);
    const comments = [at('正文'), at('〔导语〕'), at('一是〔提示〕正文'), at('题\n〔导语〕\n一'), at('末行'), at('〔乙〕')];
    const out = omitGuidance(before, comments);
    const index = indexTexts(out.doc);
    expect(index.texts).toEqual(['标题', '一是正文', '末行']);
    const quotes = anchorComments(out.comments!, index).map((anchor) => passageText(index, anchor));
    expect(quotes).toEqual(['正文', '', '一是正文', '题\n一', '末行', '']);
  });

  it('keeps offsets past the end at the end, and passes null comments on', () => {
    const before = doc(p(text('正文'), guide('〔提示〕')));
    const out = omitGuidance(before, [comment(0, 999)]);
    expect(out.comments).toEqual([{ ...comment(0, 999), to: 2 }]);
    expect(omitGuidance(before, null).comments).toBeNull();
  });
});
