// 修订 (suggestions): reading the suggestions a document holds, and accepting
// or rejecting them, on any ProseMirror Transform (an editor's transaction,
// the server's own). Pure ProseMirror, no DOM.
// - accepting an insertion drops its mark; a deletion deletes its text; a
//   format change applies its add and remove and drops its mark;
// - rejecting an insertion deletes its text (with any other suggestion's
//   marks on it); a deletion or a format change drops its mark.
// Only inline content is ever deleted, so a textblock emptied stays an empty
// textblock and the document stays valid.
import type { Mark, MarkType, Node } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { SUGGESTION_DELETE, SUGGESTION_FORMAT, SUGGESTION_INSERT, SUGGESTION_MARKS, type SuggestionMarkName } from './Suggestion.js';

export type SuggestionKind = 'insert' | 'delete' | 'format';

export interface SuggestionSummary {
  id: string;
  /** The author's username. */
  author: string;
  kind: SuggestionKind;
  /** The text it covers, its blocks joined with newlines. */
  text: string;
  /** ms since the epoch. */
  createdAt: number;
}

const KINDS: Record<SuggestionMarkName, SuggestionKind> = {
  [SUGGESTION_INSERT]: 'insert',
  [SUGGESTION_DELETE]: 'delete',
  [SUGGESTION_FORMAT]: 'format',
};

export const isSuggestionMark = (mark: Mark): boolean => (SUGGESTION_MARKS as readonly string[]).includes(mark.type.name);

/** A suggestion's mark on a stretch of inline content of one textblock: [from, to). */
interface Span {
  from: number;
  to: number;
  mark: Mark;
}

/** The inline content carrying suggestion `id`'s marks (of one type when `type` is given), merged where adjacent, in document order. */
function spansOf(doc: Node, id: string, type?: string): Span[] {
  const spans: Span[] = [];
  doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    for (const mark of node.marks) {
      if (!isSuggestionMark(mark) || mark.attrs.id !== id || (type && mark.type.name !== type)) continue;
      const last = spans[spans.length - 1];
      if (last && last.to === pos && last.mark.eq(mark)) last.to = pos + node.nodeSize;
      else spans.push({ from: pos, to: pos + node.nodeSize, mark });
    }
    return false;
  });
  return spans;
}

/** The suggestions in the document, one per id, in the order they start; their text joined across blocks. */
export function listSuggestions(doc: Node): SuggestionSummary[] {
  const byId = new Map<string, SuggestionSummary & { block: Node | null }>();
  doc.descendants((node, _pos, parent) => {
    if (!node.isInline) return true;
    const text = node.isText ? node.text! : node.type.name === 'hardBreak' ? '\n' : '';
    for (const mark of node.marks) {
      if (!isSuggestionMark(mark)) continue;
      const id = String(mark.attrs.id);
      const entry = byId.get(id);
      if (!entry) {
        byId.set(id, {
          id,
          author: String(mark.attrs.author),
          kind: KINDS[mark.type.name as SuggestionMarkName],
          text,
          createdAt: Number(mark.attrs.createdAt) || 0,
          block: parent,
        });
      } else {
        entry.text += (entry.block === parent ? '' : '\n') + text;
        entry.block = parent;
      }
    }
    return false;
  });
  return [...byId.values()].map(({ block: _block, ...summary }) => summary);
}

/** Deletes the spans, last first so that the earlier positions hold. */
function deleteSpans(tr: Transform, spans: Span[]): void {
  for (const span of [...spans].sort((a, b) => b.from - a.from)) tr.delete(span.from, span.to);
}

function dropMarks(tr: Transform, spans: Span[]): void {
  for (const span of spans) tr.removeMark(span.from, span.to, span.mark);
}

/** A suggestion's id and author (a username, at most 40 characters) are at most this long (the server refuses longer). */
export const MAX_SUGGESTION_TEXT = 64;

/** The marks a format suggestion may set or clear: plain formatting without attributes. */
export const FORMAT_MARK_NAMES = ['bold', 'italic', 'strike', 'underline'] as const;

function formatType(doc: Node, name: unknown): MarkType | null {
  if (typeof name !== 'string' || !(FORMAT_MARK_NAMES as readonly string[]).includes(name)) return null;
  return doc.type.schema.marks[name] ?? null;
}

function applyFormat(tr: Transform, spans: Span[]): void {
  for (const span of spans) {
    const add = Array.isArray(span.mark.attrs.add) ? (span.mark.attrs.add as unknown[]) : [];
    const remove = Array.isArray(span.mark.attrs.remove) ? (span.mark.attrs.remove as unknown[]) : [];
    for (const name of remove) {
      const type = formatType(tr.doc, name);
      if (type) tr.removeMark(span.from, span.to, type);
    }
    for (const name of add) {
      const type = formatType(tr.doc, name);
      if (type) tr.addMark(span.from, span.to, type.create());
    }
  }
}

/** Accepts suggestion `id`: its insertions stay, its deletions go, its format changes are applied. */
export function acceptSuggestion(tr: Transform, id: string): Transform {
  dropMarks(tr, spansOf(tr.doc, id, SUGGESTION_INSERT));
  const format = spansOf(tr.doc, id, SUGGESTION_FORMAT);
  applyFormat(tr, format);
  dropMarks(tr, format);
  deleteSpans(tr, spansOf(tr.doc, id, SUGGESTION_DELETE));
  return tr;
}

/** Rejects suggestion `id`: its insertions go, its deletions and format changes are dropped. */
export function rejectSuggestion(tr: Transform, id: string): Transform {
  dropMarks(tr, spansOf(tr.doc, id, SUGGESTION_DELETE));
  dropMarks(tr, spansOf(tr.doc, id, SUGGESTION_FORMAT));
  deleteSpans(tr, spansOf(tr.doc, id, SUGGESTION_INSERT));
  return tr;
}

const idsOf = (doc: Node, author?: string): string[] =>
  listSuggestions(doc)
    .filter((s) => author === undefined || s.author === author)
    .map((s) => s.id);

/** Accepts every suggestion, or every one of `author`'s. */
export function acceptAll(tr: Transform, author?: string): Transform {
  for (const id of idsOf(tr.doc, author)) acceptSuggestion(tr, id);
  return tr;
}

/** Rejects every suggestion, or every one of `author`'s. */
export function rejectAll(tr: Transform, author?: string): Transform {
  for (const id of idsOf(tr.doc, author)) rejectSuggestion(tr, id);
  return tr;
}

/** Whether the document holds a suggestion. */
export function hasSuggestions(doc: Node): boolean {
  let found = false;
  doc.descendants((node) => {
    if (found) return false;
    if (node.isInline && node.marks.some(isSuggestionMark)) found = true;
    return !node.isInline;
  });
  return found;
}

/** The document as agreed so far: every suggestion rejected (insertions left out, deletions kept, formats not applied). */
export function agreedDoc(doc: Node): Node {
  return hasSuggestions(doc) ? rejectAll(new Transform(doc)).doc : doc;
}
