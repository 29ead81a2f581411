// Which top-level blocks a transaction changed, found by comparing the two
// documents rather than read from its steps: a change from another person
// comes through the collaboration binding (y-tiptap 3.0.9) as one step
// replacing the whole body with blocks built anew, and a mark accepted or
// rejected moves no position at all. Blocks still the same object are passed
// over at once; others are compared (Node.eq, a string comparison for text),
// which costs far less than reading them again.
import type { Node } from '@tiptap/pm/model';

/** The changed run of top-level blocks: from `from` to `toBefore` in the old document, to `toAfter` in the new. */
export interface ChangedBlocks {
  from: number;
  toBefore: number;
  toAfter: number;
}

const same = (a: Node, b: Node): boolean => a === b || a.eq(b);

/** The smallest run of whole top-level blocks outside which `before` and `after` are equal; null when they are equal. */
export function changedBlocks(before: Node, after: Node): ChangedBlocks | null {
  const shorter = Math.min(before.childCount, after.childCount);
  let start = 0;
  let from = 0;
  while (start < shorter && same(before.child(start), after.child(start))) {
    from += before.child(start).nodeSize;
    start++;
  }
  if (start === before.childCount && start === after.childCount) return null;
  let toBefore = before.content.size;
  let toAfter = after.content.size;
  for (let back = 1; back <= shorter - start; back++) {
    const a = before.child(before.childCount - back);
    const b = after.child(after.childCount - back);
    if (!same(a, b)) break;
    toBefore -= a.nodeSize;
    toAfter -= b.nodeSize;
  }
  return { from, toBefore, toAfter };
}
