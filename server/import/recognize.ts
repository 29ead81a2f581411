// 公文 structure recognised in a Word paragraph: the title, and the section
// headings 一、 （一） 1. （1） — from Word's heading styles, and from the text
// itself for the many files where everything is 正文 (Normal) and the
// headings are only typed numbers, bold or 黑体/楷体 runs.
import { typedNumberLength } from '../../shared/numbering.js';
import type { MammothParagraph } from './docxModel.js';
import { piecesText, slicePieces, trimPieces, type Piece } from './inline.js';

/** A heading of one line is at most this many characters (after its number); longer is a paragraph. */
export const HEADING_MAX_CHARS = 40;
/** A heading that runs on into its section's text ("一、xxx。今年以来…") has a first sentence at most this long. */
export const RUN_IN_MAX_CHARS = 30;
/** A title is at most this long. */
export const TITLE_MAX_CHARS = 80;

/** Fonts that mark a heading typed in 正文 (in run.font, when the file names them there). */
const HEADING_FONTS = /黑体|楷体|SimHei|KaiTi|Hei|Kai|小标宋|标宋/i;

const length = (text: string): number => [...text].length;

/** The 公文 level (2–5) of Word's Heading 1–4 (or 标题 1–4); null for other styles. */
export function styleLevel(paragraph: MammothParagraph): number | null {
  const name = /^(?:heading|标题)\s*([1-4])$/i.exec(paragraph.styleName?.trim() ?? '');
  // a style the file does not define (as our own export leaves Heading4) has its id only
  const id = name ? null : /^heading([1-4])$/i.exec(paragraph.styleId ?? '');
  const n = name?.[1] ?? id?.[1];
  return n ? Number(n) + 1 : null;
}

/** Whether the paragraph's style is Word's Title (标题). */
export function isTitleStyle(paragraph: MammothParagraph): boolean {
  return /^(?:title|标题)$/i.test(paragraph.styleName?.trim() ?? '') || paragraph.styleId === 'Title';
}

/** The level (2–5) of a typed 公文 number at the start of `text`, and its length; null when none. */
export function typedNumber(typed: string): { level: number; length: number } | null {
  // full-width digits (１．) as ASCII: one character for one, so lengths hold
  const text = typed.replace(/[０-９]/g, (digit) => String(digit.charCodeAt(0) - 0xff10));
  for (const level of [2, 3, 4, 5]) {
    const cut = typedNumberLength(level, text);
    // 1–99: "2026、" or "300." start sentences, not headings
    if (cut > 0 && (level < 4 || Number(/\d+/.exec(text)![0]) < 100)) return { level, length: cut };
  }
  return null;
}

/** The font size (pt) most of the text is in; null when the file sets none. */
export function bodyFontSize(paragraphs: Piece[][]): number | null {
  const chars = new Map<number, number>();
  for (const piece of paragraphs.flat()) {
    if (piece.kind === 'text' && piece.fontSize) chars.set(piece.fontSize, (chars.get(piece.fontSize) ?? 0) + piece.text.length);
  }
  let best: number | null = null;
  for (const [size, count] of chars) if (best === null || count > chars.get(best)!) best = size;
  return best;
}

/** The largest font size (pt) of the paragraph's text; null when it sets none. */
export function largestFontSize(pieces: Piece[]): number | null {
  const sizes = pieces.flatMap((piece) => (piece.kind === 'text' && piece.fontSize ? [piece.fontSize] : []));
  return sizes.length ? Math.max(...sizes) : null;
}

/** Clearly larger than the body: at least 2 pt (二号 22 or 小二 18 over 三号 16). */
export const clearlyLarger = (size: number | null, body: number | null): boolean => size !== null && body !== null && size >= body + 2;

/**
 * Whether the document's first non-empty paragraph is its title: styled
 * Title, centred, or in a clearly larger font; never one that starts with a
 * section number, nor a long one.
 */
export function isTitle(paragraph: MammothParagraph, pieces: Piece[], bodySize: number | null): boolean {
  const text = piecesText(trimPieces(pieces));
  if (typedNumber(text) || length(text) > TITLE_MAX_CHARS) return false;
  return isTitleStyle(paragraph) || paragraph.alignment === 'center' || clearlyLarger(largestFontSize(pieces), bodySize);
}

/** A heading recognised from a paragraph's text: its level and text (typed number taken off), and the text it ran on into. */
export interface TextHeading {
  level: number;
  heading: Piece[];
  /** The rest of the paragraph after a run-in heading's first sentence; null when the whole paragraph is the heading. */
  rest: Piece[] | null;
}

/** Bold, or in a heading font: how 正文 files mark their headings. */
function emphasised(pieces: Piece[]): boolean {
  const texts = pieces.filter((piece) => piece.kind === 'text' && piece.text.trim() !== '');
  return texts.length > 0 && texts.every((piece) => piece.kind === 'text' && (piece.marks.includes('bold') || HEADING_FONTS.test(piece.font ?? '')));
}

/**
 * The heading a paragraph's text makes, by its typed number. The rules:
 * - one sentence (or none ended): a heading when at most HEADING_MAX_CHARS
 *   after its number, at every level;
 * - a first sentence (or line) running on into more text: a heading (the
 *   first sentence, without its 。) and a paragraph (the rest) when the first
 *   sentence is at most RUN_IN_MAX_CHARS, and, for 1. and （1）, which body
 *   text also uses to count, only when the number and that sentence are bold
 *   or in 黑体/楷体;
 * - in a file that marks its headings with Word's heading styles (`styled`),
 *   at every level only when the number and the first sentence are so
 *   emphasised: the file's other numbered paragraphs were meant as paragraphs.
 */
export function headingFromText(pieces: Piece[], styled: boolean): TextHeading | null {
  const trimmed = trimPieces(pieces);
  const text = piecesText(trimmed);
  const number = typedNumber(text);
  if (!number) return null;
  const after = text.slice(number.length);
  const stop = /[。！？!?\n]/.exec(after);
  const first = stop ? after.slice(0, stop.index) : after;
  const runsOn = stop !== null && after.slice(stop.index + 1).trim() !== '';
  if (first.trim() === '') return null;
  const strong = emphasised(slicePieces(trimmed, 0, number.length + first.length));
  if (styled && !strong) return null;
  if (!runsOn) {
    if (length(after) > HEADING_MAX_CHARS) return null;
    return { level: number.level, heading: trimPieces(slicePieces(trimmed, number.length)), rest: null };
  }
  if (length(first) > RUN_IN_MAX_CHARS) return null;
  if (number.level >= 4 && !strong) return null;
  return {
    level: number.level,
    heading: trimPieces(slicePieces(trimmed, number.length, number.length + first.length)),
    rest: trimPieces(slicePieces(trimmed, number.length + stop!.index + 1)),
  };
}
