import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { countCharacters } from '../../shared/wordCount.js';

// Selection changes don't change the document node, so most transactions hit the cache.
const counts = new WeakMap<ProseMirrorNode, number>();

/** 字数 of a document: its plain text, blocks separated by line breaks, counted as Word does. */
export function wordCountOf(doc: ProseMirrorNode): number {
  let count = counts.get(doc);
  if (count === undefined) {
    count = countCharacters(doc.textBetween(0, doc.content.size, '\n'));
    counts.set(doc, count);
  }
  return count;
}
