// 字数 of a run of top-level blocks, counted block by block and kept per block
// node. ProseMirror's nodes never change: an edit makes a new document that
// shares every block it did not touch with the old one. So after a keystroke
// only the block typed in is counted again, instead of the whole document's
// text (70,000 characters at 100 pages, ~50 ms a keystroke; issue 26).
//
// The sum is exactly the count of the whole run's agreed text: that text puts a
// separator (whitespace, which counts nothing and ends a word) before every
// textblock but the first, so no word runs from one block into the next, and a
// block's own text does not depend on where it stands.
import type { Node } from '@tiptap/pm/model';
import { agreedTextBetween } from './agreedText.js';
import { countCharacters } from './wordCount.js';

interface Cache {
  counts: WeakMap<Node, number>;
  /** The document counted last, whose blocks' counts a new version's equal blocks take over. */
  last: Node | null;
}

/** One cache per way of reading leaf nodes (undefined: the node type's own leafText). */
const caches = new Map<string | undefined, Cache>();

/**
 * A change from another person arrives through the collaboration binding
 * (y-tiptap 3.0.9), which builds every block of the document anew: the blocks
 * are equal to the old ones but not the same objects. Comparing them
 * (Node.eq, a string comparison for text) costs far less than counting them,
 * so the unchanged blocks at the start and the end take their old counts.
 */
function carryOver(cache: Cache, doc: Node): void {
  const last = cache.last;
  cache.last = doc;
  if (!last || last === doc) return;
  // Equal blocks go on being compared when one was never counted (a heading, outside every section's body).
  const take = (before: Node, after: Node): boolean => {
    if (before === after) return true;
    if (!before.eq(after)) return false;
    const count = cache.counts.get(before);
    if (count !== undefined) cache.counts.set(after, count);
    return true;
  };
  let start = 0;
  const shorter = Math.min(last.childCount, doc.childCount);
  while (start < shorter && take(last.child(start), doc.child(start))) start++;
  for (let back = 1; back <= shorter - start && take(last.child(last.childCount - back), doc.child(doc.childCount - back)); back++);
}

/** 字数 of the agreed text of top-level block `block`, which starts at `pos` in `doc`. */
function blockCharacters(cache: Cache, doc: Node, block: Node, pos: number, leafText: string | undefined): number {
  let count = cache.counts.get(block);
  if (count === undefined) {
    count = countCharacters(agreedTextBetween(doc, pos, pos + block.nodeSize, '\n', leafText));
    cache.counts.set(block, count);
  }
  return count;
}

/** Where a run of top-level blocks starts: the first one's index, and its position in the document. */
export interface BlockStart {
  index: number;
  pos: number;
}

/**
 * `countCharacters(agreedTextBetween(doc, from.pos, to, '\n', leafText))`
 * where `to` is the end of the block before `toIndex`: the top-level blocks
 * from `from.index` up to (not including) `toIndex`; the whole body by default.
 */
export function charactersOfBlocks(doc: Node, from: BlockStart = { index: 0, pos: 0 }, toIndex = doc.childCount, leafText?: string): number {
  let cache = caches.get(leafText);
  if (!cache) caches.set(leafText, (cache = { counts: new WeakMap(), last: null }));
  carryOver(cache, doc);
  let count = 0;
  let pos = from.pos;
  for (let index = from.index; index < toIndex; index++) {
    const block = doc.child(index);
    count += blockCharacters(cache, doc, block, pos, leafText);
    pos += block.nodeSize;
  }
  return count;
}
