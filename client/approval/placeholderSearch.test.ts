import { Node } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { schema } from '../../shared/schema.js';
import { templateContent } from '../../shared/templates.js';
import { findTextRanges, nextPlaceholderRange } from './placeholderSearch.js';

const guidance = (text: string) => ({ type: 'text', text, marks: [{ type: 'guidance' }] });
const doc = Node.fromJSON(schema, {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '〔年份〕工作总结' }] },
    { type: 'paragraph', content: [guidance('〔年份〕'), { type: 'text', text: '年，我镇政协联工委' }] },
    // a placeholder in two runs (part of it bold) is still one text
    { type: 'paragraph', content: [guidance('〔调研'), { type: 'text', text: '题目〕', marks: [{ type: 'guidance' }, { type: 'bold' }] }] },
    { type: 'paragraph', content: [{ type: 'text', text: '〔镇' }, { type: 'hardBreak' }, { type: 'text', text: '名〕' }] },
  ],
});
const textAt = (range: { from: number; to: number } | null, within: Node = doc) => (range ? within.textBetween(range.from, range.to) : null);

describe('placeholder search', () => {
  it('finds every occurrence, in document order, with the positions of its text', () => {
    const ranges = findTextRanges(doc, '〔年份〕');
    expect(ranges).toHaveLength(2);
    expect(ranges.map((range) => textAt(range))).toEqual(['〔年份〕', '〔年份〕']);
    expect(ranges[0]!.from).toBe(1);
    expect(ranges[1]!.from).toBeGreaterThan(ranges[0]!.to);
  });

  it('finds a placeholder written in several runs with different marks', () => {
    expect(findTextRanges(doc, '〔调研题目〕').map((range) => textAt(range))).toEqual(['〔调研题目〕']);
  });

  it('does not match across a line break or between paragraphs', () => {
    expect(findTextRanges(doc, '〔镇名〕')).toEqual([]);
    expect(findTextRanges(doc, '联工委〔调研')).toEqual([]);
  });

  it('selects the first occurrence, then the next one when it is already selected, then the first again', () => {
    const [first, second] = findTextRanges(doc, '〔年份〕');
    expect(nextPlaceholderRange(doc, '〔年份〕', { from: 0, to: 0 })).toEqual(first);
    expect(nextPlaceholderRange(doc, '〔年份〕', first!)).toEqual(second);
    expect(nextPlaceholderRange(doc, '〔年份〕', second!)).toEqual(first);
    expect(nextPlaceholderRange(doc, '〔不存在〕', { from: 0, to: 0 })).toBeNull();
  });

  it('finds the placeholders of the template', () => {
    const template = Node.fromJSON(schema, templateContent('year-end-summary', '标题'));
    const placeholder = '〔调研题目、走访的企业和村组、形成的建议或提案、相关部门采纳情况〕';
    expect(textAt(findTextRanges(template, placeholder)[0] ?? null, template)).toBe(placeholder);
  });
});
