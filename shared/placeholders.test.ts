import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { templateContent } from './templates.js';
import { guidancePlaceholders, unfilledPlaceholders } from './placeholders.js';

const guidance = (text: string, ...marks: string[]): JSONContent => ({ type: 'text', text, marks: [{ type: 'guidance' }, ...marks.map((type) => ({ type }))] });
const text = (value: string): JSONContent => ({ type: 'text', text: value });
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });

describe('unfilledPlaceholders', () => {
  it('lists every guidance placeholder of the template once', () => {
    const found = unfilledPlaceholders(templateContent('year-end-summary', '标题'));
    expect(found[0]).toBe('〔年份〕');
    expect(found).toContain('〔调研题目、走访的企业和村组、形成的建议或提案、相关部门采纳情况〕');
    expect(found.length).toBe(18);
  });
  it('also finds 〔…〕 typed or pasted as ordinary text, and nothing in filled text', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '2026年，〔镇名〕政协联工委……' }] },
        { type: 'paragraph', content: [{ type: 'text', text: '全部写完了。' }] },
      ],
    };
    expect(unfilledPlaceholders(doc)).toEqual(['〔镇名〕']);
  });
});

describe('guidancePlaceholders', () => {
  it('lists every guidance placeholder where it is, a repeated one each time', () => {
    const found = guidancePlaceholders(templateContent('year-end-summary-three-part'));
    expect(found.filter((placeholder) => placeholder === '〔镇名〕')).toHaveLength(2); // title, 导语 (the signature block has fields, not placeholders)
    expect(found.slice(0, 3)).toEqual(['〔镇名〕', '〔年份〕', '〔年份〕']);
    expect(found.slice(-2)).toEqual(['〔下一年份〕', '〔……〕']);
  });

  it('reads a placeholder written in several runs (part of it bold) as one, and one each side of a line break as two', () => {
    const doc = {
      type: 'doc',
      content: [p(guidance('〔调研'), guidance('题目〕', 'bold'), text('，')), p(guidance('〔甲〕'), { type: 'hardBreak' }, guidance('〔乙〕'))],
    };
    expect(guidancePlaceholders(doc)).toEqual(['〔调研题目〕', '〔甲〕', '〔乙〕']);
  });

  it('finds guidance in lists, quotes and tables, and not 〔…〕 written as ordinary text', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'bulletList', content: [{ type: 'listItem', content: [p(guidance('〔列表〕'))] }] },
        { type: 'blockquote', content: [p(text('镇政发〔2026〕1号'))] },
        { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [p(guidance('〔表格〕'))] }] }] },
      ],
    };
    expect(guidancePlaceholders(doc)).toEqual(['〔列表〕', '〔表格〕']);
  });

  it('finds none in a filled document', () => {
    expect(guidancePlaceholders({ type: 'doc', content: [p(text('全部写完了。'))] })).toEqual([]);
    expect(guidancePlaceholders({ type: 'doc', content: [p(guidance('  '))] })).toEqual([]);
  });
});
