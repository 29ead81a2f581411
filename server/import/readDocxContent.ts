// Import from Word (API.md "Import from Word"): a .docx read into the shared
// schema with its 公文 structure recognised — the title, the section headings
// (from Word's heading styles or from their typed numbers, which become
// automatic numbering), the 署名 and 成文日期 as the signature block — and
// its paragraphs, tables, lists and links carried over. The archive's safety
// checks and archive-level warnings are docxArchive.ts's.
import type { JSONContent } from '@tiptap/core';
import { SIGNATURE_NODE } from '../../shared/Signature.js';
import { listsJSON, paragraphJSON, tableJSON, textAlign, type ListEntry } from './blocks.js';
import { readModel, type MammothParagraph } from './docxModel.js';
import { Dropped, inlineJSON, isBlank, piecesText, readInline, slicePieces, trimPieces, type Piece } from './inline.js';
import { bodyFontSize, clearlyLarger, headingFromText, isTitle, isTitleStyle, largestFontSize, styleLevel, TITLE_MAX_CHARS, typedNumber } from './recognize.js';
import { readSignature } from './signature.js';
import type { ImportedContent, ImportWarning, ImportWarningCode } from './types.js';

/** mammoth's messages about elements it skips that are objects the schema has no place for: equations (named m:… or {…/math}…). */
const OBJECT_MESSAGE = /unrecognised element was ignored: (?:m:|\{[^}]*\/math\})oMath(?:Para)?$/;

type Item = { kind: 'paragraph'; paragraph: MammothParagraph; pieces: Piece[] } | { kind: 'table'; json: JSONContent };

export async function readDocxContent(file: Uint8Array): Promise<ImportedContent> {
  const { document, messages } = await readModel(file);
  const dropped = new Dropped();
  dropped.add('objects', messages.filter((message) => OBJECT_MESSAGE.test(message)).length);

  // empty paragraphs between blocks are spacing, not content
  const items: Item[] = [];
  for (const block of document.children) {
    if (block.type === 'table') {
      const json = tableJSON(block, dropped);
      if (json) items.push({ kind: 'table', json });
    } else if (block.type === 'paragraph') {
      const pieces = readInline(block.children, dropped);
      if (!isBlank(pieces)) items.push({ kind: 'paragraph', paragraph: block, pieces });
    }
  }
  const paragraphs = items.flatMap((item) => (item.kind === 'paragraph' ? [item] : []));
  // the body's size, apart from centred lines (a title in 二号 may be longer than a short body)
  const bodySize = bodyFontSize(paragraphs.flatMap((item) => (item.paragraph.alignment === 'center' || isTitleStyle(item.paragraph) ? [] : [item.pieces])));
  const styled = paragraphs.some((item) => styleLevel(item.paragraph) !== null);

  // the title: the first paragraph when it looks like one, with a second title line like it
  let start = 0;
  let titlePieces: Piece[] | null = null;
  const first = items[0];
  if (first?.kind === 'paragraph' && isTitle(first.paragraph, first.pieces, bodySize)) {
    titlePieces = trimPieces(first.pieces);
    start = 1;
    const second = items[1];
    if (second?.kind === 'paragraph' && isSecondTitleLine(first, second, bodySize)) {
      titlePieces = [...titlePieces, ...trimPieces(second.pieces)];
      start = 2;
    }
  }

  // the signature: the last one or two paragraphs
  let end = items.length;
  const tail: { paragraph: MammothParagraph; pieces: Piece[] }[] = [];
  for (let i = items.length - 1; i >= Math.max(start, items.length - 2); i--) {
    const item = items[i];
    if (item.kind !== 'paragraph') break;
    tail.unshift(item);
  }
  const signature = readSignature(tail);
  if (signature) end -= signature.count;

  const body: JSONContent[] = [];
  let list: ListEntry[] = [];
  const flushList = () => {
    body.push(...listsJSON(list));
    list = [];
  };
  for (const item of items.slice(start, end)) {
    if (item.kind === 'table') {
      flushList();
      body.push(item.json);
      continue;
    }
    const { paragraph, pieces } = item;
    const level = styleLevel(paragraph);
    if (level !== null) {
      flushList();
      body.push(styledHeading(paragraph, pieces, level));
      continue;
    }
    if (paragraph.numbering) {
      list.push({
        level: Number(paragraph.numbering.level) || 0,
        ordered: paragraph.numbering.isOrdered,
        paragraph: paragraphJSON(paragraph, trimPieces(pieces)),
      });
      continue;
    }
    flushList();
    const recognised = headingFromText(pieces, styled);
    if (recognised) {
      body.push(heading(recognised.level, inlineJSON(recognised.heading, { without: ['bold'] }), headingAlign(paragraph), 'auto'));
      if (recognised.rest && !isBlank(recognised.rest)) body.push(paragraphJSON(paragraph, recognised.rest));
      continue;
    }
    body.push(paragraphJSON(paragraph, trimPieces(pieces)));
  }
  flushList();

  const title = titlePieces ? piecesText(titlePieces).replace(/\n/g, '').trim() : null;
  const titleContent = titlePieces ? inlineJSON(titlePieces, { without: ['bold'], joinLines: true }) : [];
  const content: JSONContent[] = [heading(1, titleContent, 'center', 'auto'), ...body];
  if (signature) content.push({ type: SIGNATURE_NODE, attrs: { issuer: signature.issuer, date: signature.date } });
  if (content.length === 1) content.push({ type: 'paragraph', attrs: { textAlign: null } });
  return { json: { type: 'doc', content }, title: title || null, warnings: warnings(dropped) };
}

function heading(level: number, content: JSONContent[], align: string | null, numbering: 'auto' | 'none'): JSONContent {
  return { type: 'heading', attrs: { level, textAlign: align, numbering }, ...(content.length ? { content } : {}) };
}

/** A heading keeps a centred or right alignment (justified is the default, see textAlign). */
function headingAlign(paragraph: MammothParagraph): string | null {
  return textAlign(paragraph);
}

/**
 * A Word heading. Its typed number decides its level when it has one (the
 * number is what a reader of the file sees: a Heading 2 typed 一、 is a 一、
 * heading) and is taken over by automatic numbering; without one the style
 * decides, and the heading is numbered when Word numbered it, otherwise left
 * unnumbered as the file shows it (the take-over of numbering.ts).
 */
function styledHeading(paragraph: MammothParagraph, pieces: Piece[], styleLevel: number): JSONContent {
  const trimmed = trimPieces(pieces);
  const typed = typedNumber(piecesText(trimmed));
  const content = inlineJSON(trimPieces(slicePieces(trimmed, typed?.length ?? 0)), { without: ['bold'] });
  return heading(typed?.level ?? styleLevel, content, headingAlign(paragraph), typed || paragraph.numbering ? 'auto' : 'none');
}

/** A title set on two lines as two paragraphs: the second styled Title too, or centred in the same large font. */
function isSecondTitleLine(
  first: { paragraph: MammothParagraph; pieces: Piece[] },
  second: { paragraph: MammothParagraph; pieces: Piece[] },
  bodySize: number | null,
): boolean {
  const text = piecesText(trimPieces([...first.pieces, ...second.pieces]));
  if ([...text].length > TITLE_MAX_CHARS || !isTitle(second.paragraph, second.pieces, bodySize)) return false;
  if (isTitleStyle(first.paragraph) && isTitleStyle(second.paragraph)) return true;
  const size = largestFontSize(first.pieces);
  return (
    first.paragraph.alignment === 'center' &&
    second.paragraph.alignment === 'center' &&
    clearlyLarger(size, bodySize) &&
    largestFontSize(second.pieces) === size
  );
}

function warnings(dropped: Dropped): ImportWarning[] {
  return [...dropped.counts].map(([code, count]: [ImportWarningCode, number]) => ({ code, count }));
}
