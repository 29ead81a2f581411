// What a member typed that the server refused (they may only suggest now: the
// draft went to review, or the owner asked for suggestions, while they typed
// or were offline) is not thrown away: the page's copy is rebuilt from the
// server's (it has to be: Yjs would hold everything typed after the refused
// change back), and then the words are typed again as the member's
// suggestions. Here: what differs between the server's document and the
// refused copy, paragraph by paragraph, as replacements of inline content in
// the server's document, which SuggestMode turns into suggestions.
//
// Paragraphs are matched in order: the equal ones at the start and the end
// are skipped, those in between are paired one to one; the copy's extra
// paragraphs (new ones typed) are added at the end of the last paired one, as
// a suggestion cannot add a paragraph; the server's extra ones (deleted in the
// copy) are struck through. Within a pair only the stretch that differs is
// replaced (ProseMirror's findDiffStart and findDiffEnd), so one changed
// sentence is one suggestion, not a whole paragraph struck and retyped.
import { Fragment, type Node } from '@tiptap/pm/model';

/** A replacement of [from, to) of the server's document by `content` (inline content of one paragraph). */
export interface InlineReplacement {
  from: number;
  to: number;
  content: Fragment;
}

interface Block {
  /** Where its content starts. */
  start: number;
  node: Node;
}

function textblocks(doc: Node): Block[] {
  const blocks: Block[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    blocks.push({ start: pos + 1, node });
    return false;
  });
  return blocks;
}

/** The stretch of `a` that `b` differs in: [start, endA) of a, [start, endB) of b; null when equal. */
function differing(a: Fragment, b: Fragment): { start: number; endA: number; endB: number } | null {
  const start = a.findDiffStart(b);
  if (start === null) return null;
  let { a: endA, b: endB } = a.findDiffEnd(b) ?? { a: a.size, b: b.size };
  // An ambiguous repeat (typing "aa" after "a"): the end must not pass the start.
  const overlap = start - Math.min(endA, endB);
  if (overlap > 0) {
    endA += overlap;
    endB += overlap;
  }
  return { start, endA, endB };
}

/**
 * The replacements that make the server's document read as the refused copy,
 * as far as suggestions can: last first, so that each applies where it was
 * computed after those before it in the list.
 */
export function refusedReplacements(server: Node, copy: Node): InlineReplacement[] {
  const ours = textblocks(server);
  const theirs = textblocks(copy);
  let head = 0;
  while (head < ours.length && head < theirs.length && ours[head].node.eq(theirs[head].node)) head++;
  let tail = 0;
  while (tail < ours.length - head && tail < theirs.length - head && ours[ours.length - 1 - tail].node.eq(theirs[theirs.length - 1 - tail].node)) tail++;
  const changed = ours.slice(head, ours.length - tail);
  const local = theirs.slice(head, theirs.length - tail);
  const out: InlineReplacement[] = [];
  const paired = Math.min(changed.length, local.length);
  for (let i = 0; i < paired; i++) {
    const { start, node } = changed[i];
    const diff = differing(node.content, local[i].node.content);
    if (diff) out.push({ from: start + diff.start, to: start + diff.endA, content: local[i].node.content.cut(diff.start, diff.endB) });
  }
  // New paragraphs of the copy: their words after the last paired paragraph (or the one before the changed stretch).
  const extra = local.slice(paired).map((block) => block.node.content);
  const host = paired > 0 ? changed[paired - 1] : ours[head - 1];
  if (extra.length > 0 && host) {
    const end = host.start + host.node.content.size;
    const known = out.findIndex((r) => r.from <= end && r.to === end);
    const added = extra.reduce((all, content) => all.append(content), Fragment.empty);
    if (known >= 0) out[known] = { ...out[known], content: out[known].content.append(added) };
    else out.push({ from: end, to: end, content: added });
  }
  // Paragraphs the copy no longer has: their words struck through.
  for (const { start, node } of changed.slice(paired)) {
    if (node.content.size > 0) out.push({ from: start, to: start + node.content.size, content: Fragment.empty });
  }
  return out.sort((a, b) => b.from - a.from);
}
