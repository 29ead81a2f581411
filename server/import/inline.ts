// A Word paragraph's runs as the schema's inline content: text with marks
// (bold, italic, underline, strike, safe links, 〔…〕 guidance), hard breaks;
// with what it leaves out counted. Inline content is kept as a flat list of
// pieces so that recognition can cut a paragraph at a character offset.
import type { JSONContent } from '@tiptap/core';
import { GUIDANCE_MARK } from '../../shared/guidanceMark.js';
import { schema } from '../../shared/schema.js';
import type { MammothInline, MammothRun } from './docxModel.js';
import type { ImportWarningCode } from './types.js';

export type MarkName = 'bold' | 'italic' | 'underline' | 'strike';

/** A piece of text with one look, or a hard break (one character, "\n", in offsets). */
export type Piece =
  | { kind: 'text'; text: string; marks: MarkName[]; href: string | null; highlighted: boolean; font: string | null; fontSize: number | null }
  | { kind: 'break' };

/** What the import could not carry over, counted. */
export class Dropped {
  readonly counts = new Map<ImportWarningCode, number>();
  add(code: ImportWarningCode, count = 1): void {
    if (count > 0) this.counts.set(code, (this.counts.get(code) ?? 0) + count);
  }
}

/** A link's target when it is http, https or mailto; else null (the text stays). */
export function safeLink(href: string | undefined): string | null {
  const trimmed = href?.trim() ?? '';
  if (!/^(https?:|mailto:)/i.test(trimmed)) return null;
  try {
    return new URL(trimmed).href;
  } catch {
    return null;
  }
}

/** The pieces of a paragraph's children. */
export function readInline(children: MammothInline[], dropped: Dropped): Piece[] {
  const out: Piece[] = [];
  const walk = (nodes: MammothInline[], run: MammothRun | null, href: string | null) => {
    for (const node of nodes) {
      switch (node.type) {
        case 'run':
          walk(node.children, node, href);
          break;
        case 'hyperlink':
          walk(node.children, run, node.href !== undefined ? safeLink(node.href) : href);
          break;
        case 'text':
          addText(out, node.value, run, href);
          break;
        case 'tab':
          addText(out, '\t', run, href);
          break;
        case 'checkbox':
          addText(out, node.checked ? '☑' : '☐', run, href);
          break;
        case 'break':
          // page and column breaks: the 公文 layout sets its own pages
          if (node.breakType === 'line') out.push({ kind: 'break' });
          break;
        case 'image':
          dropped.add('images');
          break;
        case 'noteReference':
          dropped.add('notes');
          break;
        default:
          // comment references and bookmarks: the archive's warnings say what comments there were
          break;
      }
    }
  };
  walk(children, null, null);
  return out;
}

function addText(out: Piece[], text: string, run: MammothRun | null, href: string | null): void {
  if (text === '') return;
  const marks: MarkName[] = [];
  if (run?.isBold) marks.push('bold');
  if (run?.isItalic) marks.push('italic');
  if (run?.isUnderline && !href) marks.push('underline');
  if (run?.isStrikethrough) marks.push('strike');
  const piece = {
    kind: 'text' as const,
    text,
    marks,
    href,
    highlighted: run?.highlight != null && run.highlight !== 'none',
    font: run?.font ?? null,
    fontSize: run?.fontSize ?? null,
  };
  const last = out[out.length - 1];
  if (last?.kind === 'text' && sameLook(last, piece)) last.text += text;
  else out.push(piece);
}

function sameLook(a: Extract<Piece, { kind: 'text' }>, b: Extract<Piece, { kind: 'text' }>): boolean {
  return a.href === b.href && a.highlighted === b.highlighted && a.font === b.font && a.fontSize === b.fontSize && a.marks.join() === b.marks.join();
}

/** The pieces' text; a break is "\n". */
export function piecesText(pieces: Piece[]): string {
  return pieces.map((piece) => (piece.kind === 'text' ? piece.text : '\n')).join('');
}

/** The pieces covering characters [from, to) of piecesText. */
export function slicePieces(pieces: Piece[], from: number, to = Infinity): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const piece of pieces) {
    const length = piece.kind === 'text' ? piece.text.length : 1;
    const start = Math.max(from - at, 0);
    const end = Math.min(to - at, length);
    if (start < end) out.push(piece.kind === 'text' ? { ...piece, marks: [...piece.marks], text: piece.text.slice(start, end) } : piece);
    at += length;
  }
  return out;
}

const SPACE = /^[\s\u3000]+/;
const TRAILING_SPACE = /[\s\u3000]+$/;

/** The pieces without white space (ASCII, ideographic) or breaks at either end. */
export function trimPieces(pieces: Piece[]): Piece[] {
  const text = piecesText(pieces);
  const start = SPACE.exec(text)?.[0].length ?? 0;
  const end = text.length - (TRAILING_SPACE.exec(text.slice(start))?.[0].length ?? 0);
  return slicePieces(pieces, start, end);
}

/** Whether the paragraph has nothing to read. */
export const isBlank = (pieces: Piece[]): boolean => piecesText(pieces).replace(/[\s\u3000]/g, '') === '';

export interface InlineOptions {
  /** Marks the block's own look implies (a heading's bold), left off its text. */
  without?: MarkName[];
  /** Breaks become nothing (a title's lines are one title). */
  joinLines?: boolean;
}

const GUIDANCE = /〔[^〔〕]*〕/g;

/** Schema inline content: highlighted 〔…〕 as guidance, other highlights dropped. */
export function inlineJSON(pieces: Piece[], options: InlineOptions = {}): JSONContent[] {
  const out: JSONContent[] = [];
  for (const piece of pieces) {
    if (piece.kind === 'break') {
      if (!options.joinLines) out.push({ type: 'hardBreak' });
      continue;
    }
    const marks: JSONContent['marks'] = piece.marks.filter((mark) => !options.without?.includes(mark)).map((type) => ({ type }));
    if (piece.href) marks.push({ type: 'link', attrs: { href: piece.href } });
    const parts: { text: string; guidance: boolean }[] = [];
    if (piece.highlighted) {
      let last = 0;
      for (const match of piece.text.matchAll(GUIDANCE)) {
        parts.push({ text: piece.text.slice(last, match.index), guidance: false }, { text: match[0], guidance: true });
        last = match.index + match[0].length;
      }
      parts.push({ text: piece.text.slice(last), guidance: false });
    } else {
      parts.push({ text: piece.text, guidance: false });
    }
    for (const part of parts) {
      if (part.text === '') continue;
      const partMarks = (part.guidance ? [...marks, { type: GUIDANCE_MARK }] : marks).sort((a, b) => rank(a.type) - rank(b.type));
      const last = out[out.length - 1];
      if (last?.type === 'text' && JSON.stringify(last.marks ?? []) === JSON.stringify(partMarks)) last.text += part.text;
      else out.push(partMarks.length ? { type: 'text', text: part.text, marks: partMarks } : { type: 'text', text: part.text });
    }
  }
  return out;
}

/** The schema's order of marks (a node's marks must be in it). */
const MARK_ORDER = Object.keys(schema.marks);
const rank = (name: string): number => MARK_ORDER.indexOf(name);
