// A title wider than a line breaks into lines of about equal length, so that
// it wraps into a symmetric shape (GONGWEN.md), and only between words, so
// that every line reads whole (GB/T 9704-2012 7.3.1: 回行时，要做到词意完整，
// 排列对称).
import { schema } from '../../shared/schema.js';
import { TITLE_CHARS_PER_LINE } from './gongwen.js';
import type { InlineItem } from './inline.js';

/**
 * Width in characters of 3号 type as Word sets it, for the signature block
 * (docxPage.ts): full-width (CJK) one, Latin letters, digits and spaces half,
 * and a quarter more wherever a Chinese character and a Latin letter or digit
 * meet (Word's automatic space between Asian text and Latin text or numbers,
 * w:autoSpaceDE and w:autoSpaceDN, on by default: 2026年12月20日 has five such
 * places). LibreOffice puts about a fifth of a character there.
 */
export function widthInChars(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u0000-\u024F\u2000-\u206F]/.test(char) && !/[\u2014\u2018-\u201F\u2026]/.test(char) ? 0.5 : 1;
  return width + 0.25 * (text.match(AUTO_SPACED) ?? []).length;
}

const HAN = '\\u3400-\\u9FFF\\uF900-\\uFAFF';
/** A Chinese character with a Latin letter or digit after it, or a Latin letter or digit with a Chinese character after it (lookahead: each place counts once). */
const AUTO_SPACED = new RegExp(`[${HAN}](?=[A-Za-z0-9])|[A-Za-z0-9](?=[${HAN}])`, 'g');

/**
 * Advance widths, in em, of Times New Roman's printable ASCII (U+0020 to
 * U+007E in order), in which the title's Latin letters and digits are set: read
 * from the hmtx table of Liberation Serif 1.07 (2048 units an em), which is
 * metric-compatible with Times New Roman by design. Digits are exactly half an em.
 */
// prettier-ignore
const TIMES_EM = [
  0.25, 0.333, 0.408, 0.5, 0.5, 0.833, 0.778, 0.18, 0.333, 0.333, 0.5, 0.564, 0.25, 0.333, 0.25, 0.278,
  0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.278, 0.278, 0.564, 0.564, 0.564, 0.444,
  0.921, 0.722, 0.667, 0.667, 0.722, 0.611, 0.556, 0.722, 0.722, 0.333, 0.389, 0.722, 0.611, 0.889, 0.722, 0.722,
  0.556, 0.722, 0.667, 0.556, 0.611, 0.722, 0.722, 0.944, 0.722, 0.722, 0.611, 0.333, 0.278, 0.333, 0.469, 0.5,
  0.333, 0.444, 0.5, 0.444, 0.5, 0.444, 0.333, 0.5, 0.5, 0.278, 0.278, 0.5, 0.278, 0.778, 0.5, 0.5,
  0.5, 0.5, 0.333, 0.389, 0.278, 0.5, 0.5, 0.722, 0.5, 0.5, 0.444, 0.48, 0.2, 0.48, 0.541,
];
/** Other Latin letters (é, ü): as wide as most capitals, so a line is never underestimated. */
const OTHER_LATIN_EM = 0.722;
/**
 * The space Word and LibreOffice add between Chinese and a run of Latin letters
 * or digits (w:autoSpaceDE and w:autoSpaceDN, on unless turned off): LibreOffice
 * 7.4 adds a fifth of the font size (measured: 4.4 pt at 22 pt), Word about a
 * quarter; the larger is taken.
 */
const CJK_LATIN_GAP_EM = 0.25;

const isAscii = (char: string) => char >= ' ' && char <= '~';
const isLatin = (char: string) => char >= '\u00A0' && char <= '\u024F';
const isAlphanumeric = (char: string) => /^[0-9A-Za-z\u00C0-\u024F]$/.test(char);
/** Set full width in the East Asian font: ideographs, full-width punctuation, and (the runs' font hint being eastAsia) “”‘’—…. */
const isWide = (char: string) => !isAscii(char) && !isLatin(char);

/** Width in em of a title's type: Chinese one em, Latin letters and digits their Times New Roman advance, and the gaps between them. */
export function titleWidthEm(text: string): number {
  let width = 0;
  let previous = '';
  for (const char of text) {
    width += isAscii(char) ? TIMES_EM[char.charCodeAt(0) - 32] : isLatin(char) ? OTHER_LATIN_EM : 1;
    const mixed = (isWide(previous) && isAlphanumeric(char)) || (isAlphanumeric(previous) && isWide(char));
    if (previous && mixed) width += CJK_LATIN_GAP_EM;
    previous = char;
  }
  return width;
}

// Line-breaking rules (禁则, GB/T 15834): a line neither starts with a closing or pausing mark nor ends with an opening one.
const NO_LINE_START = /^[、，。．：；！？）］｝》〉」』】〗〕”’…—·％%,.;:!?)\]}]/u;
const NO_LINE_END = /[（［｛《〈「『【〖〔“‘([{]$/u;
/** One-character words that may start a line: conjunctions, and prefixes that bind to the word after them. */
const CONJUNCTIONS = /^[暨和及与并或]$/u;
const PREFIXES = /^[省市县区乡各第本该]$/u;
const IDEOGRAPH = /^\p{Script=Han}$/u;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** The words of a text as Intl.Segmenter finds them. */
export function titleWords(text: string): string[] {
  return [...segmenter.segment(text)].map((s) => s.segment);
}

/**
 * Where a line may break (UTF-16 offsets): between Intl.Segmenter's words, but
 * not where the line-breaking rules forbid, not between a numeral and what it
 * counts (2026年度, 3次), not inside a Latin run except after a space, and not
 * before a one-character word (委员|会, 青石|镇, 情况|的, which the segmenter's
 * dictionary splits off the word it belongs to) unless that is a conjunction
 * or a prefix, nor after such a prefix (县|政协).
 */
export function titleBreakOpportunities(text: string): number[] {
  const words = titleWords(text);
  const out: number[] = [];
  let offset = 0;
  for (let i = 0; i < words.length - 1; i += 1) {
    offset += words[i].length;
    const before = words[i];
    const after = words[i + 1];
    const last = [...before].pop()!;
    const first = [...after][0];
    const forbidden =
      NO_LINE_START.test(after) ||
      NO_LINE_END.test(before) ||
      /\s/u.test(first) ||
      (/[0-9]/.test(last) && !/\s/u.test(first)) ||
      (!isWide(last) && !isWide(first) && !/\s/u.test(last)) ||
      (IDEOGRAPH.test(after) && !CONJUNCTIONS.test(after) && !PREFIXES.test(after)) ||
      PREFIXES.test(before);
    if (!forbidden) out.push(offset);
  }
  return out;
}

/**
 * The lines (UTF-16 offsets where each but the first starts) that set `text` in
 * the fewest lines no wider than `maxEm`, as even as the words allow. A lower
 * line longer than the one above counts its excess twice: 公文 titles mostly
 * narrow downwards (上长下短), but an even shape comes first. Empty when the
 * title fits one line, or when some unbreakable run is wider than a line
 * (left to the word processor).
 */
export function titleBreaks(text: string, maxEm: number): number[] {
  if (titleWidthEm(text) <= maxEm) return [];
  const ends = [...titleBreakOpportunities(text), text.length];
  const starts = [0, ...ends.slice(0, -1)];
  const width = (first: number, last: number) => titleWidthEm(text.slice(starts[first], ends[last]));
  if (starts.some((_, i) => width(i, i) > maxEm)) return [];
  for (let lines = 2; lines <= ends.length; lines += 1) {
    const lasts = mostEvenSplit(ends.length, lines, width, maxEm);
    if (lasts) return lasts.slice(0, -1).map((unit) => ends[unit]);
  }
  return [];
}

/** How much lower lines stand out past the lines above them. */
function rise(widths: number[]): number {
  let total = 0;
  for (let i = 1; i < widths.length; i += 1) total += Math.max(0, widths[i] - widths[i - 1]);
  return total;
}

/** The spread of the lines' widths, a lower line's excess over the line above counted again. */
const unevenness = (widths: number[]): number => Math.max(...widths) - Math.min(...widths) + rise(widths);

/** Splits `units` into `lines` lines no wider than `maxEm` (each the index of its last unit), the most even found, or null. */
function mostEvenSplit(units: number, lines: number, width: (first: number, last: number) => number, maxEm: number): number[] | null {
  let best: { cost: number; rise: number; lasts: number[] } | undefined;
  const lasts: number[] = [];
  const widths: number[] = [];
  const visit = (first: number) => {
    const remaining = lines - lasts.length;
    if (width(first, units - 1) > remaining * maxEm) return;
    if (remaining === 1) {
      const all = [...widths, width(first, units - 1)];
      const candidate = { cost: unevenness(all), rise: rise(all), lasts: [...lasts, units - 1] };
      // Of two as even, the one narrowing downwards.
      if (!best || candidate.cost < best.cost - 1e-9 || (candidate.cost < best.cost + 1e-9 && candidate.rise < best.rise - 1e-9)) best = candidate;
      return;
    }
    for (let last = first; last <= units - remaining; last += 1) {
      const w = width(first, last);
      if (w > maxEm) break;
      lasts.push(last);
      widths.push(w);
      visit(last + 1);
      lasts.pop();
      widths.pop();
    }
  };
  visit(0);
  return best?.lasts ?? null;
}

/** The title's inline items with hard breaks between its lines. A title the writer broke by hand is left alone. */
export function balanceTitle(items: InlineItem[], maxEm = TITLE_CHARS_PER_LINE): InlineItem[] {
  const nodes = items.flatMap((item) => (item.kind === 'node' ? [item.node] : []));
  if (nodes.some((node) => !node.isText)) return items;
  const breaks = titleBreaks(nodes.map((node) => node.text ?? '').join(''), maxEm);
  if (!breaks.length) return items;
  const hardBreak: InlineItem = { kind: 'node', node: schema.nodes.hardBreak.create() };
  const out: InlineItem[] = [];
  let position = 0;
  for (const item of items) {
    if (item.kind !== 'node') {
      out.push(item);
      continue;
    }
    const { node } = item;
    const end = position + node.nodeSize;
    let from = position;
    for (const at of breaks.filter((b) => b > position && b < end)) {
      out.push({ kind: 'node', node: node.cut(from - position, at - position) }, hardBreak);
      from = at;
    }
    out.push({ kind: 'node', node: from === position ? node : node.cut(from - position) });
    if (breaks.includes(end)) out.push(hardBreak);
    position = end;
  }
  return out;
}
