// 署名 and 成文日期 typed at the end of a Word file (right-aligned, or pushed
// right by indent or spaces): read as the schema's one signature block, which
// every export lays out as GB/T 9704 asks.
import type { MammothParagraph } from './docxModel.js';
import { readOfficialDate } from './officialDates.js';
import { piecesText, type Piece } from './inline.js';

/** An issuer's name is one short line without sentence punctuation. */
const ISSUER_MAX_CHARS = 40;
/** A left indent of at least this many twips (about a third of the A4 type area) puts a line "far right". */
const FAR_RIGHT_TWIPS = 3000;
/** Leading spaces that push a line right (a tab counts as four). */
const PUSHED_SPACES = 4;

export interface EndParagraph {
  paragraph: MammothParagraph;
  pieces: Piece[];
}

/** Whether a line sits at the right: aligned right, indented far, or pushed by typed spaces. */
function atRight({ paragraph, pieces }: EndParagraph): boolean {
  if (paragraph.alignment === 'right' || paragraph.alignment === 'end') return true;
  if (Number(paragraph.indent.start ?? 0) >= FAR_RIGHT_TWIPS) return true;
  const leading = /^[ \t\u3000]*/.exec(piecesText(pieces))![0];
  return [...leading].reduce((n, c) => n + (c === '\t' ? 4 : 1), 0) >= PUSHED_SPACES;
}

const isIssuer = (text: string): boolean =>
  text !== '' && [...text].length <= ISSUER_MAX_CHARS && !/[。！？；：，,;:!?]/.test(text) && readOfficialDate(text) === null;

/**
 * The signature the last paragraphs make, and how many of them it takes (1
 * or 2): the last is a date at the right (its own line, or the last line of
 * a paragraph whose line before is the issuer); the one before it, when it is
 * a short line at the right (or centred over the date), is the issuer.
 */
export function readSignature(last: EndParagraph[]): { issuer: string; date: string; count: number } | null {
  const end = last[last.length - 1];
  if (!end || end.paragraph.numbering || !atRight(end)) return null;
  const lines = piecesText(end.pieces)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const date = readOfficialDate(lines[lines.length - 1] ?? '');
  if (!date) return null;
  if (lines.length === 2 && isIssuer(lines[0])) return { issuer: lines[0], date, count: 1 };
  if (lines.length !== 1) return null;
  const before = last[last.length - 2];
  if (before && !before.paragraph.numbering && (atRight(before) || before.paragraph.alignment === 'center')) {
    const issuer = piecesText(before.pieces).trim();
    if (isIssuer(issuer) && !issuer.includes('\n')) return { issuer, date, count: 2 };
  }
  return { issuer: '', date, count: 1 };
}
