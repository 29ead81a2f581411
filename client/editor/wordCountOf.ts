// 字数 for the status bar: a document's count, cached per document node, and
// an editor's count, which leaves out pinyin that an input method is still composing.
// Both count the text as agreed so far (shared/agreedText.ts): a proposed
// insertion (修订) counts once accepted, a proposed deletion until then.
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { EditorView } from '@tiptap/pm/view';
import { charactersOfBlocks } from '../../shared/blockCounts.js';

// Selection changes don't change the document node, so most transactions hit the cache;
// an edit counts again only the blocks it changed (shared/blockCounts.ts).
const counts = new WeakMap<ProseMirrorNode, number>();

/** 字数 of a document: its agreed text, blocks separated by line breaks, counted as Word does. */
export function wordCountOf(doc: ProseMirrorNode): number {
  let count = counts.get(doc);
  if (count === undefined) {
    count = charactersOfBlocks(doc);
    counts.set(doc, count);
  }
  return count;
}

// Each editor's count from before its current composition.
const settledCounts = new WeakMap<Pick<EditorView, 'composing' | 'state'>, number>();

/** 字数 of an editor's document, without an open IME composition: while one is open, the count from before it. */
export function settledWordCountOf(view: Pick<EditorView, 'composing' | 'state'>): number {
  const settled = settledCounts.get(view);
  if (view.composing && settled !== undefined) return settled;
  const count = wordCountOf(view.state.doc);
  if (!view.composing) settledCounts.set(view, count);
  return count;
}
