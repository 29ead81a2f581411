import { describe, expect, it } from 'vitest';
import { locateQuote } from './quoteSpans.js';

describe('locateQuote', () => {
  it('finds words inside one piece', () => {
    expect(locateQuote([{ text: '参政议政更主动', block: 0 }], '议政')).toEqual([{ piece: 0, start: 2, end: 4 }]);
  });

  it("finds words running over pieces of one paragraph (text split by the diff's marks)", () => {
    const pieces = [
      { text: '围绕中心', block: 0 },
      { text: '重点', block: 0 },
      { text: '工作建言', block: 0 },
    ];
    expect(locateQuote(pieces, '中心重点工作')).toEqual([
      { piece: 0, start: 2, end: 4 },
      { piece: 1, start: 0, end: 2 },
      { piece: 2, start: 0, end: 2 },
    ]);
  });

  it('finds words over two paragraphs, joined by a line break as the server quotes them', () => {
    const pieces = [
      { text: '参政议政更主动', block: 0 },
      { text: '民主监督更有效', block: 1 },
    ];
    expect(locateQuote(pieces, '更主动\n民主')).toEqual([
      { piece: 0, start: 4, end: 7 },
      { piece: 1, start: 0, end: 2 },
    ]);
  });

  it("falls back to the quote's lines one after the other when an empty paragraph between them has no piece", () => {
    const pieces = [
      { text: '第一段', block: 0 },
      { text: '第三段', block: 2 },
    ];
    expect(locateQuote(pieces, '一段\n\n第三')).toEqual([
      { piece: 0, start: 1, end: 3 },
      { piece: 1, start: 0, end: 2 },
    ]);
  });

  it('finds nothing for words that are not there', () => {
    expect(locateQuote([{ text: '参政议政', block: 0 }], '民主监督')).toEqual([]);
    expect(locateQuote([], '民主')).toEqual([]);
    expect(locateQuote([{ text: '参政议政', block: 0 }], '')).toEqual([]);
  });
});
