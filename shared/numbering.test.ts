import { describe, expect, it } from 'vitest';
import { chineseNumeral, headingNumbers, numberText, takeOverTypedNumbers, typedNumberLength, type NumberedHeading } from './numbering.js';

const h = (level: number, numbering: NumberedHeading['numbering'] = 'auto'): NumberedHeading => ({ level, numbering });

describe('automatic numbering', () => {
  it('writes Chinese numerals as 公文 do', () => {
    expect([1, 9, 10, 11, 19, 20, 21, 99].map(chineseNumeral)).toEqual(['一', '九', '十', '十一', '十九', '二十', '二十一', '九十九']);
    expect([numberText(2, 3), numberText(3, 12), numberText(4, 2), numberText(5, 10)]).toEqual(['三、', '（十二）', '2.', '（10）']);
  });

  it('numbers the four levels by structure, each within the section above it, the title never', () => {
    const numbers = headingNumbers([h(1), h(2), h(3), h(3), h(4), h(5), h(5), h(4), h(2), h(3), h(2)]);
    expect(numbers).toEqual([null, '一、', '（一）', '（二）', '1.', '（1）', '（2）', '2.', '二、', '（一）', '三、']);
  });

  it('skips unnumbered headings without counting them, and counts a skipped level within the nearest heading above', () => {
    expect(headingNumbers([h(2), h(2, 'none'), h(2), h(4), h(3), h(4)])).toEqual(['一、', null, '二、', '1.', '（一）', '1.']);
  });

  it('recognises typed numbers of each level, and nothing else', () => {
    expect(typedNumberLength(2, '一、参政议政')).toBe(2);
    expect(typedNumberLength(2, '十二、其他')).toBe(3);
    expect(typedNumberLength(3, '（一）加强学习')).toBe(3);
    expect(typedNumberLength(3, '(二) 加强')).toBe(4);
    expect(typedNumberLength(4, '1. 做法')).toBe(3);
    expect(typedNumberLength(4, '2026年工作打算')).toBe(0);
    expect(typedNumberLength(4, '1.5倍')).toBe(0);
    expect(typedNumberLength(5, '（1）做法')).toBe(3);
    expect(typedNumberLength(2, '一是围绕')).toBe(0);
    expect(typedNumberLength(2, '参政议政')).toBe(0);
  });

  it('takes over typed numbers once: stripped and numbered, or left as written and unnumbered, never both', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '一、不是章节的标题' }] },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '一、参政议政更主动' }] },
        {
          type: 'heading',
          attrs: { level: 3 },
          content: [
            { type: 'text', text: '（一）' },
            { type: 'text', text: '加强', marks: [{ type: 'bold' }] },
          ],
        },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '结语' }] },
        { type: 'heading', attrs: { level: 2, numbering: 'auto' }, content: [{ type: 'text', text: '三、已经是自动编号的' }] },
      ],
    };
    expect(takeOverTypedNumbers(doc)).toBe(3);
    expect(doc.content.map((node) => [(node.attrs as Record<string, unknown>).numbering, node.content.map((c) => c.text).join('')])).toEqual([
      [undefined, '一、不是章节的标题'],
      ['auto', '参政议政更主动'],
      ['auto', '加强'],
      ['none', '结语'],
      ['auto', '三、已经是自动编号的'],
    ]);
    expect(takeOverTypedNumbers(doc)).toBe(0);
  });
});
