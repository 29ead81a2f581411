import { describe, expect, it } from 'vitest';
import { schema } from '../../shared/schema.js';
import { TITLE_CHARS_PER_LINE } from './gongwen.js';
import type { InlineItem } from './inline.js';
import { balanceTitle, titleBreaks, titleWidthEm, titleWords, widthInChars } from './titleLines.js';

/** Long titles as committees write them: numerals, Latin letters, quotation marks and book titles. */
const LONG_TITLES = [
  '青石镇政协工作联络委员会2026年度工作总结暨2027年工作计划',
  '关于2026年度乡村振兴重点工作推进情况的调研报告',
  '青山镇政协联工委关于开展委员履职能力提升年活动情况和下一步工作打算的报告',
  '青石镇政协工作联络委员会关于2026年度委员履职情况和2027年度重点工作安排意见的报告',
  '关于CPPCC委员（2026）履职“回头看”工作的通知',
  '青石镇政协工作联络委员会关于推进“五个一”CPPCC委员之家建设的实施方案',
  '中共青石镇委员会关于印发《2026年度工作要点》的通知',
  '市政协办公室关于转发省政协《关于做好委员培训工作的通知》的通知',
  '关于青石镇CPPCC Liaison Committee 2026 Annual Work Report的说明',
];

const linesOf = (text: string, maxEm = TITLE_CHARS_PER_LINE): string[] => {
  const cuts = [0, ...titleBreaks(text, maxEm), text.length];
  return cuts.slice(0, -1).map((from, i) => text.slice(from, cuts[i + 1]));
};

/** Offsets where Intl.Segmenter puts a word boundary. */
const wordBoundaries = (text: string): Set<number> => {
  const out = new Set<number>();
  let offset = 0;
  for (const word of titleWords(text)) out.add((offset += word.length));
  return out;
};

describe('titleWidthEm', () => {
  it('counts a Chinese character or full-width mark one em', () => {
    expect(titleWidthEm('青石镇政协工作总结')).toBe(9);
    expect(titleWidthEm('（“《》”）、，')).toBe(8);
  });

  it('counts digits half an em and Latin letters their Times New Roman width', () => {
    expect(titleWidthEm('2026')).toBe(2);
    expect(titleWidthEm('CPPCC')).toBeCloseTo(0.667 + 0.556 + 0.556 + 0.667 + 0.667, 6);
    expect(titleWidthEm('ill')).toBeCloseTo(0.834, 6);
    expect(titleWidthEm('WM')).toBeCloseTo(1.833, 6);
  });

  it('adds a quarter em where Chinese meets digits or Latin letters', () => {
    expect(titleWidthEm('2026年')).toBe(3.25);
    expect(titleWidthEm('关于2026年度')).toBe(6.5);
    expect(titleWidthEm('关于CPPCC的')).toBeCloseTo(3 + 3.113 + 0.5, 6);
    // not between a Latin letter and a space
    expect(titleWidthEm('Work Report')).toBeCloseTo(titleWidthEm('Work') + 0.25 + titleWidthEm('Report'), 6);
  });
});

describe('titleBreaks', () => {
  it.each(LONG_TITLES)('breaks "%s" between words only, every line within the type area', (title) => {
    const breaks = titleBreaks(title, TITLE_CHARS_PER_LINE);
    const boundaries = wordBoundaries(title);
    for (const at of breaks) expect(boundaries.has(at), `${title.slice(0, at)} / ${title.slice(at)}`).toBe(true);
    const lines = linesOf(title);
    expect(lines.join('')).toBe(title);
    for (const line of lines) expect(titleWidthEm(line), line).toBeLessThanOrEqual(TITLE_CHARS_PER_LINE);
    // no more lines than the width needs, counting a line's worth of slack for whole words
    expect(lines.length).toBeLessThanOrEqual(Math.ceil(titleWidthEm(title) / TITLE_CHARS_PER_LINE) + 1);
  });

  it.each(LONG_TITLES)('starts no line of "%s" with a closing mark nor ends one with an opening mark', (title) => {
    const lines = linesOf(title);
    for (const line of lines.slice(1)) expect(line).not.toMatch(/^[、，。：；！？）》」”’]/u);
    for (const line of lines.slice(0, -1)) expect(line).not.toMatch(/[（《「“‘]$/u);
  });

  it('keeps a number with what it counts and a suffix with its word', () => {
    const lines = linesOf('青石镇政协工作联络委员会2026年度工作总结暨2027年工作计划');
    expect(lines).toEqual(['青石镇政协工作联络委员会2026年度', '工作总结暨2027年工作计划']);
    // the segmenter splits 委员|会 and 年|度 apart from the numeral; neither is broken
    for (const line of linesOf('青石镇政协工作联络委员会关于2026年度委员履职情况和2027年度重点工作安排意见的报告')) {
      expect(line).not.toMatch(/^(会|年|度)/u);
      expect(line).not.toMatch(/\d$/u);
    }
  });

  it('balances the lines, the lower no longer than the upper where the words allow it', () => {
    const widths = (title: string) => linesOf(title).map(titleWidthEm);
    expect(widths('青山镇政协联工委关于开展委员履职能力提升年活动情况和下一步工作打算的报告')).toEqual([18, 18]);
    expect(widths('关于2026年度乡村振兴重点工作推进情况的调研报告')).toEqual([12.5, 11]);
    expect(linesOf('关于2026年度乡村振兴重点工作推进情况的调研报告')).toEqual(['关于2026年度乡村振兴重点', '工作推进情况的调研报告']);
    // a book title kept whole is worth a lower line a little longer than the upper
    expect(linesOf('中共青石镇委员会关于印发《2026年度工作要点》的通知')).toEqual(['中共青石镇委员会关于印发', '《2026年度工作要点》的通知']);
  });

  it("breaks a title of more than two lines' width into three even lines", () => {
    const lines = linesOf('青石镇政协工作联络委员会关于2026年度委员履职情况和2027年度重点工作安排意见的报告');
    expect(lines).toEqual(['青石镇政协工作联络委员会关于', '2026年度委员履职情况和2027年度', '重点工作安排意见的报告']);
    const widths = lines.map(titleWidthEm);
    // as even as 12, 13.5, 15.25 em (the lines widening downwards), and so preferred to it
    expect(widths).toEqual([14, 15.75, 11]);
  });

  it('breaks Latin words at their spaces', () => {
    for (const line of linesOf('关于青石镇CPPCC Liaison Committee 2026 Annual Work Report的说明')) {
      expect(line).not.toMatch(/^\s/u);
      expect(line).not.toMatch(/[A-Za-z0-9]$/u);
    }
  });

  it('leaves a title that fits one line, or one with a run wider than a line, unbroken', () => {
    expect(titleBreaks('青山镇政协联工委2026年工作总结', TITLE_CHARS_PER_LINE)).toEqual([]);
    expect(titleBreaks('二十个字宽的标题刚好排满一行不用回行了', TITLE_CHARS_PER_LINE)).toEqual([]);
    expect(titleBreaks(`关于${'x'.repeat(60)}的说明`, TITLE_CHARS_PER_LINE)).toEqual([]);
  });
});

describe('balanceTitle', () => {
  const text = (value: string, bold = false): InlineItem => ({
    kind: 'node',
    node: schema.text(value, bold ? [schema.marks.bold.create()] : []),
  });
  const shown = (items: InlineItem[]) => items.map((item) => (item.kind !== 'node' ? `<${item.kind}>` : item.node.isText ? item.node.text : '/')).join('');

  it('puts hard breaks between the lines, cutting the text nodes and keeping their marks', () => {
    const items = [text('青石镇政协工作联络委员会'), text('2026年度工作总结', true), { kind: 'commentStart', comment: 0 } as const, text('暨2027年工作计划')];
    const out = balanceTitle(items);
    expect(shown(out)).toBe('青石镇政协工作联络委员会2026年度/工作总结<commentStart>暨2027年工作计划');
    const bold = out.filter((item) => item.kind === 'node' && item.node.marks.length).map((item) => (item.kind === 'node' ? item.node.text : ''));
    expect(bold).toEqual(['2026年度', '工作总结']);
  });

  it('leaves a title the writer broke by hand alone', () => {
    const items = [
      text('青石镇政协工作联络委员会关于2026年度'),
      { kind: 'node', node: schema.nodes.hardBreak.create() } as const,
      text('委员履职情况和2027年度重点工作安排意见的报告'),
    ];
    expect(balanceTitle(items)).toEqual(items);
  });
});

describe('widthInChars (the signature block)', () => {
  it('counts Chinese characters one, digits and Latin letters half, and a quarter where the two meet, as Word spaces them', () => {
    expect(widthInChars('青山镇政协联工委')).toBe(8);
    // 2026 and 年, 年 and 12, 12 and 月, 月 and 20, 20 and 日
    expect(widthInChars('2026年12月20日')).toBe(7 + 5 * 0.25);
    expect(widthInChars('第3组')).toBe(2.5 + 2 * 0.25);
    // none beside punctuation or a space
    expect(widthInChars('（2026）')).toBe(4);
    expect(widthInChars('CPPCC 委员')).toBe(5);
  });
});
