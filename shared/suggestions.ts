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

type Spans = Record<SuggestionMarkName, Span[]>;

/**
 * The inline content carrying the marks of the suggestions `ids`, by mark
 * type, merged where adjacent: one walk of the document, however many
 * suggestions.
 */
function spansOf(doc: Node, ids: ReadonlySet<string>): Spans {
  const spans: Spans = { [SUGGESTION_INSERT]: [], [SUGGESTION_DELETE]: [], [SUGGESTION_FORMAT]: [] };
  const last = new Map<string, Span>();
  doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    for (const mark of node.marks) {
      if (!isSuggestionMark(mark) || !ids.has(String(mark.attrs.id))) continue;
      const key = `${mark.type.name} ${String(mark.attrs.id)}`;
      const open = last.get(key);
      if (open && open.to === pos && open.mark.eq(mark)) {
        open.to = pos + node.nodeSize;
      } else {
        const span = { from: pos, to: pos + node.nodeSize, mark };
        spans[mark.type.name as SuggestionMarkName].push(span);
        last.set(key, span);
      }
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

/** Deletes the spans' content (overlapping ones once), last first so that the earlier positions hold. */
function deleteSpans(tr: Transform, spans: Span[]): void {
  const ranges: { from: number; to: number }[] = [];
  for (const { from, to } of [...spans].sort((x, y) => x.from - y.from)) {
    const last = ranges[ranges.length - 1];
    if (last && from <= last.to) last.to = Math.max(last.to, to);
    else ranges.push({ from, to });
  }
  for (let i = ranges.length - 1; i >= 0; i--) tr.delete(ranges[i].from, ranges[i].to);
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

/**
 * Accepts the suggestions `ids`: their insertions stay, their format changes
 * are applied, their deletions go. The marks change first (no position
 * moves), the deletions last.
 */
function accept(tr: Transform, ids: ReadonlySet<string>): Transform {
  const spans = spansOf(tr.doc, ids);
  dropMarks(tr, spans[SUGGESTION_INSERT]);
  applyFormat(tr, spans[SUGGESTION_FORMAT]);
  dropMarks(tr, spans[SUGGESTION_FORMAT]);
  deleteSpans(tr, spans[SUGGESTION_DELETE]);
  return tr;
}

/** Rejects the suggestions `ids`: their insertions go (with any other suggestion's marks on them), their deletions and format changes are dropped. */
function reject(tr: Transform, ids: ReadonlySet<string>): Transform {
  const spans = spansOf(tr.doc, ids);
  dropMarks(tr, spans[SUGGESTION_DELETE]);
  dropMarks(tr, spans[SUGGESTION_FORMAT]);
  deleteSpans(tr, spans[SUGGESTION_INSERT]);
  return tr;
}

/** Accepts suggestion `id`: its insertions stay, its deletions go, its format changes are applied. */
export const acceptSuggestion = (tr: Transform, id: string): Transform => accept(tr, new Set([id]));

/** Rejects suggestion `id`: its insertions go, its deletions and format changes are dropped. */
export const rejectSuggestion = (tr: Transform, id: string): Transform => reject(tr, new Set([id]));

/**
 * Gives the marks of suggestions `renames`' keys the ids they map to, their
 * other attributes (author, time, formats) unchanged: text that came back
 * under the id of a suggestion already decided becomes a suggestion of its own.
 */
export function renameSuggestions(tr: Transform, renames: ReadonlyMap<string, string>): Transform {
  const spans = spansOf(tr.doc, new Set(renames.keys()));
  for (const span of Object.values(spans).flat()) {
    const id = renames.get(String(span.mark.attrs.id))!;
    tr.removeMark(span.from, span.to, span.mark);
    tr.addMark(span.from, span.to, span.mark.type.create({ ...span.mark.attrs, id }));
  }
  return tr;
}

/** The ids of the suggestions, or of `author`'s (a suggestion's author is that of its first mark). */
const idsOf = (doc: Node, author?: string): Set<string> =>
  new Set(
    listSuggestions(doc)
      .filter((s) => author === undefined || s.author === author)
      .map((s) => s.id),
  );

/** Accepts every suggestion, or every one of `author`'s. */
export const acceptAll = (tr: Transform, author?: string): Transform => accept(tr, idsOf(tr.doc, author));

/** Rejects every suggestion, or every one of `author`'s. */
export const rejectAll = (tr: Transform, author?: string): Transform => reject(tr, idsOf(tr.doc, author));

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
