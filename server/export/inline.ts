// A textblock's inline content as the exporters write it: its text and hard
// break nodes, cut where a comment's passage starts or ends, with the comment
// boundaries between them (the Word export writes comment ranges there).
import type { Node as PMNode } from '@tiptap/pm/model';
import type { Anchor, TextIndex } from './documentTexts.js';

export type InlineItem =
  | { kind: 'node'; node: PMNode } // a text node (maybe cut) or a hard break
  | { kind: 'commentStart'; comment: number }
  | { kind: 'commentEnd'; comment: number };

interface Boundary {
  at: number;
  item: InlineItem;
}

/**
 * Hands out each comment boundary once, to the first textblock position that
 * reaches it, in document order.
 */
export class CommentBoundaries {
  private readonly pending: Boundary[];
  private readonly isClosing: (b: Boundary) => boolean;

  constructor(anchors: readonly Anchor[]) {
    const boundaries: Boundary[] = [];
    for (const anchor of anchors) {
      boundaries.push({ at: anchor.from, item: { kind: 'commentStart', comment: anchor.index } });
      boundaries.push({ at: anchor.to, item: { kind: 'commentEnd', comment: anchor.index } });
    }
    // At one offset, a passage that ends there closes before one that starts there opens;
    // a collapsed passage (start and end at one offset) keeps its start first.
    const collapsed = new Set(anchors.filter((a) => a.from === a.to).map((a) => a.index));
    this.isClosing = (b) => b.item.kind === 'commentEnd' && !collapsed.has(b.item.comment);
    this.pending = boundaries
      .map((b, order) => ({ b, order }))
      .sort((x, y) => x.b.at - y.b.at || Number(this.isClosing(y.b)) - Number(this.isClosing(x.b)) || x.order - y.order)
      .map(({ b }) => b);
  }

  /** Boundaries at offsets up to and including `offset`, in order, each handed out once. */
  takeUpTo(offset: number): InlineItem[] {
    let count = 0;
    while (count < this.pending.length && this.pending[count].at <= offset) count += 1;
    return this.pending.splice(0, count).map((b) => b.item);
  }

  /** The ends of passages (not collapsed ones) at offsets up to and including `offset`. */
  takeClosingUpTo(offset: number): InlineItem[] {
    let count = 0;
    while (count < this.pending.length && this.pending[count].at <= offset && this.isClosing(this.pending[count])) count += 1;
    return this.pending.splice(0, count).map((b) => b.item);
  }

  /** The offsets strictly between `from` and `to` where a boundary is pending. */
  cutsBetween(from: number, to: number): number[] {
    const cuts = new Set<number>();
    for (const b of this.pending) if (b.at > from && b.at < to) cuts.add(b.at);
    return [...cuts].sort((a, b) => a - b);
  }
}

/** The textblock's inline items; `boundaries` null when comments are not exported. */
export function inlineItems(block: PMNode, index: TextIndex, boundaries: CommentBoundaries | null): InlineItem[] {
  const offsets = index.childOffsets.get(block) ?? [];
  const items: InlineItem[] = [];
  block.forEach((child, _pos, i) => {
    const start = offsets[i];
    if (!child.isText || start == null || !boundaries) {
      items.push({ kind: 'node', node: child });
      return;
    }
    const end = start + child.nodeSize;
    items.push(...boundaries.takeUpTo(start));
    let from = start;
    for (const cut of boundaries.cutsBetween(start, end)) {
      items.push({ kind: 'node', node: child.cut(from - start, cut - start) });
      items.push(...boundaries.takeUpTo(cut));
      from = cut;
    }
    items.push({ kind: 'node', node: from === start ? child : child.cut(from - start) });
    // A passage ending with this text closes here, not at the start of the next text.
    const next = block.maybeChild(i + 1);
    items.push(...(next?.isText ? boundaries.takeClosingUpTo(end) : boundaries.takeUpTo(end)));
  });
  return items;
}
