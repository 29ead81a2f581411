// Which top-level blocks a transaction changed, found by comparing the two
// documents rather than read from its steps: a mark accepted or rejected moves
// no position at all, and a change from another person comes through the
// collaboration binding as one step replacing the whole body. Blocks are
// compared by identity only (ProseMirror shares the blocks an edit did not
// touch), which costs nothing; so does the binding (@tiptap/y-tiptap 3.3)
// for a change from another person. Where the body is drawn afresh (before
// 3.3, every remote change) every block counts as changed and is read again;
// comparing the blocks' content instead (Node.eq) cost more than reading them
// (issue 26, docs/performance.md).
import type { Node } from '@tiptap/pm/model';

/** The changed run of top-level blocks: from `from` to `toBefore` in the old document, to `toAfter` in the new. */
export interface ChangedBlocks {
  from: number;
  toBefore: number;
  toAfter: number;
}

/** The smallest run of whole top-level blocks outside which `before` and `after` hold the same blocks; null when they hold the same. */
export function changedBlocks(before: Node, after: Node): ChangedBlocks | null {
  const shorter = Math.min(before.childCount, after.childCount);
  let start = 0;
  let from = 0;
  while (start < shorter && before.child(start) === after.child(start)) {
    from += before.child(start).nodeSize;
    start++;
  }
  if (start === before.childCount && start === after.childCount) return null;
  let toBefore = before.content.size;
  let toAfter = after.content.size;
  for (let back = 1; back <= shorter - start; back++) {
    const a = before.child(before.childCount - back);
    const b = after.child(after.childCount - back);
    if (a !== b) break;
    toBefore -= a.nodeSize;
    toAfter -= b.nodeSize;
  }
  return { from, toBefore, toAfter };
}
