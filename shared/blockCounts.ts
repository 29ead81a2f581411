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

/** Counts per block node, one table per way of reading leaf nodes (undefined: the node type's own leafText). */
const caches = new Map<string | undefined, WeakMap<Node, number>>();
/** The document counted last, whose blocks' counts a new version's equal blocks take over. */
let last: Node | null = null;

/**
 * A document may arrive with every block built anew, equal to the old ones
 * but not the same objects: the collaboration binding did so for every change
 * from another person before @tiptap/y-tiptap 3.3 (which rebuilds only the
 * blocks that changed), and still does when it draws the document afresh
 * (a restore, a merge after an input method's hold). Comparing them
 * (Node.eq, a string comparison for text) costs far less than counting them,
 * so the unchanged blocks at the start and the end take their old counts, in
 * every table at once: the documents are compared once however many tables there are.
 */
function carryOver(doc: Node): void {
  const before = last;
  last = doc;
  if (!before || before === doc) return;
  // Equal blocks go on being compared when one was never counted (a heading, outside every section's body).
  const take = (old: Node, next: Node): boolean => {
    if (old === next) return true;
    if (!old.eq(next)) return false;
    for (const counts of caches.values()) {
      const count = counts.get(old);
      if (count !== undefined) counts.set(next, count);
    }
    return true;
  };
  let start = 0;
  const shorter = Math.min(before.childCount, doc.childCount);
  while (start < shorter && take(before.child(start), doc.child(start))) start++;
  for (let back = 1; back <= shorter - start && take(before.child(before.childCount - back), doc.child(doc.childCount - back)); back++);
}

/** 字数 of the agreed text of top-level block `block`, which starts at `pos` in `doc`. */
function blockCharacters(counts: WeakMap<Node, number>, doc: Node, block: Node, pos: number, leafText: string | undefined): number {
  let count = counts.get(block);
  if (count === undefined) {
    count = countCharacters(agreedTextBetween(doc, pos, pos + block.nodeSize, '\n', leafText));
    counts.set(block, count);
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
  let counts = caches.get(leafText);
  if (!counts) caches.set(leafText, (counts = new WeakMap()));
  carryOver(doc);
  let count = 0;
  let pos = from.pos;
  for (let index = from.index; index < toIndex; index++) {
    const block = doc.child(index);
    count += blockCharacters(counts, doc, block, pos, leafText);
    pos += block.nodeSize;
  }
  return count;
}
