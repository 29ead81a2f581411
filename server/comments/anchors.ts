// Comment anchors: a passage held by two Yjs relative positions (its first
// character and its last), so the body text itself is never touched by a
// comment. Typing before or inside the passage moves the positions with it.
// When a split or a join of the paragraph moves the passage's words into
// other Yjs items, the positions point at deleted items: the passage is then
// found again by its last known words, near where it was, and re-anchored.
// When the words are gone, the thread is orphaned.
import * as Y from 'yjs';

export interface TextRange {
  text: Y.XmlText;
  index: number;
  length: number;
}

/** Two Yjs relative positions, as JSON: where the passage starts and where it ends. */
export interface Anchor {
  start: unknown;
  end: unknown;
}

export type Resolution =
  /** `offset`: where the passage starts in the document string (kept to find moved words next time). */
  { state: 'anchored'; quote: string; offset: number; ranges: TextRange[]; anchor: Anchor; moved: boolean } | { state: 'orphaned' };

/** Every text of the body, in document order. */
export function textsOf(fragment: Y.XmlFragment): Y.XmlText[] {
  const out: Y.XmlText[] = [];
  const walk = (el: Y.XmlFragment | Y.XmlElement) => {
    for (const child of el.toArray()) {
      if (child instanceof Y.XmlText) out.push(child);
      else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(fragment);
  return out;
}

export const plainText = (text: Y.XmlText): string =>
  (text.toDelta() as { insert: unknown }[]).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('');

export function textOfRanges(ranges: TextRange[]): string {
  return ranges.map((r) => plainText(r.text).slice(r.index, r.index + r.length)).join('\n');
}

/** The anchor of a passage: a position at its first character, and one at its last. */
export function anchorOf(ranges: TextRange[]): Anchor {
  const first = ranges[0];
  const last = ranges[ranges.length - 1];
  return {
    start: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(first.text, first.index, 0)),
    end: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(last.text, last.index + last.length, -1)),
  };
}

/** The whole document as one string (paragraphs joined by "\n"), with the way back to each text. */
function documentString(fragment: Y.XmlFragment): { all: string; texts: { text: Y.XmlText; offset: number; length: number }[] } {
  const texts: { text: Y.XmlText; offset: number; length: number }[] = [];
  let all = '';
  for (const text of textsOf(fragment)) {
    const content = plainText(text);
    // an emptied text is no text (as in the exporters' document string)
    if (content.length === 0) continue;
    if (texts.length > 0) all += '\n';
    texts.push({ text, offset: all.length, length: content.length });
    all += content;
  }
  return { all, texts };
}

/** The ranges of texts that the span [from, to) of the document string covers. */
function rangesOfSpan(texts: { text: Y.XmlText; offset: number; length: number }[], from: number, to: number): TextRange[] {
  const ranges: TextRange[] = [];
  for (const t of texts) {
    const start = Math.max(from, t.offset);
    const end = Math.min(to, t.offset + t.length);
    if (end > start) ranges.push({ text: t.text, index: start - t.offset, length: end - start });
  }
  return ranges;
}

/** How far (in characters) moved words may be found from where their anchor last was. */
const MAX_MOVE = 64;

/**
 * Where `quote` occurs near `near` (an offset in the document string; null
 * when unknown, and then only a single occurrence counts): exactly, or across
 * paragraph boundaries that a split or join added or took away. The same
 * words farther away are another passage, not this one.
 */
function findNear(all: string, quote: string, near: number | null): [number, number] | null {
  const candidates: [number, number][] = [];
  for (let at = all.indexOf(quote); at >= 0; at = all.indexOf(quote, at + 1)) candidates.push([at, at + quote.length]);
  if (candidates.length === 0) {
    const chars = [...quote.replace(/\n/g, '')];
    if (chars.length === 0) return null;
    const pattern = new RegExp(chars.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\n?'), 'gu');
    for (const m of all.matchAll(pattern)) candidates.push([m.index, m.index + m[0].length]);
  }
  if (near === null) return candidates.length === 1 ? candidates[0] : null;
  const nearest = candidates.reduce<[number, number] | null>((best, c) => (best === null || Math.abs(c[0] - near) < Math.abs(best[0] - near) ? c : best), null);
  return nearest && Math.abs(nearest[0] - near) <= MAX_MOVE ? nearest : null;
}

/** The first occurrence of `quote` (within a paragraph or across paragraphs), or null. */
export function findQuote(fragment: Y.XmlFragment, quote: string): TextRange[] | null {
  if (!quote) return null;
  const { all, texts } = documentString(fragment);
  const at = all.indexOf(quote);
  if (at < 0) return null;
  const ranges = rangesOfSpan(texts, at, at + quote.length);
  return ranges.length ? ranges : null;
}

function absolute(doc: Y.Doc, json: unknown): { position: Y.AbsolutePosition | null; item: Y.ID | null } {
  try {
    const relative = Y.createRelativePositionFromJSON(json);
    return { position: Y.createAbsolutePositionFromRelativePosition(relative, doc), item: relative.item };
  } catch {
    return { position: null, item: null };
  }
}

/** A selection from the editor (relative positions), as ranges of text; null when it is not in this document. */
export function resolveSelection(doc: Y.Doc, fragment: Y.XmlFragment, anchor: Anchor): TextRange[] | null {
  const start = absolute(doc, anchor.start).position;
  const end = absolute(doc, anchor.end).position;
  if (!start || !end || !(start.type instanceof Y.XmlText) || !(end.type instanceof Y.XmlText)) return null;
  const { texts } = documentString(fragment);
  const first = texts.find((t) => t.text === start.type);
  const last = texts.find((t) => t.text === end.type);
  if (!first || !last) return null;
  const ranges = rangesOfSpan(texts, first.offset + start.index, last.offset + end.index);
  return ranges.length ? ranges : null;
}

/**
 * Where a thread's passage is now, given where it was last seen (its words
 * and their offset in the document string). `deleted` is the document's
 * delete set (Y.createDeleteSetFromStructStore), shared by all threads of one pass.
 */
export function resolveAnchor(
  doc: Y.Doc,
  fragment: Y.XmlFragment,
  anchor: Anchor,
  last: { quote: string; offset: number | null },
  deleted: ReturnType<typeof Y.createDeleteSetFromStructStore>,
): Resolution {
  const { all, texts } = documentString(fragment);
  const start = absolute(doc, anchor.start);
  const end = absolute(doc, anchor.end);
  const offsetOf = (p: Y.AbsolutePosition | null) => {
    const t = p && texts.find((x) => x.text === p.type);
    return t ? t.offset + p!.index : null;
  };
  const alive = (id: Y.ID | null) => id !== null && !Y.isDeleted(deleted, id);
  const from = offsetOf(start.position);
  const to = offsetOf(end.position);
  if (alive(start.item) && alive(end.item) && from !== null && to !== null && to > from) {
    const ranges = rangesOfSpan(texts, from, to);
    if (ranges.length) return { state: 'anchored', quote: all.slice(from, to), offset: from, ranges, anchor, moved: false };
  }
  // Its words were moved (a split, a join) or deleted: look for them near where they were.
  const found = findNear(all, last.quote, from ?? to ?? last.offset);
  if (!found) return { state: 'orphaned' };
  const ranges = rangesOfSpan(texts, found[0], found[1]);
  if (!ranges.length) return { state: 'orphaned' };
  return { state: 'anchored', quote: all.slice(found[0], found[1]), offset: found[0], ranges, anchor: anchorOf(ranges), moved: true };
}
