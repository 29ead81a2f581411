// The text as agreed so far (content.text's rule, suggestions.ts agreedDoc):
// proposed insertions (修订) left out, proposed deletions kept until they are
// accepted. 字数 (the status bar, a section's `chars`) counts this text, so a
// pending suggestion changes no count until it is accepted: the count is of
// what the document says, whoever has proposed what.
// ProseMirror's textBetween with the inserted text skipped, read in place
// (no agreed document built) because the status bar reads it on every change.
import type { Node } from '@tiptap/pm/model';
import { SUGGESTION_INSERT } from './Suggestion.js';

const isProposedInsertion = (node: Node): boolean => node.isInline && node.marks.some((mark) => mark.type.name === SUGGESTION_INSERT);

/**
 * `doc.textBetween(from, to, blockSeparator, leafText)` of the agreed text:
 * the same blocks and separators, without the text of proposed insertions.
 */
export function agreedTextBetween(doc: Node, from: number, to: number, blockSeparator: string, leafText?: string): string {
  let text = '';
  let first = true;
  doc.nodesBetween(from, to, (node, pos) => {
    if (isProposedInsertion(node)) return false;
    const nodeText = node.isText
      ? node.text!.slice(Math.max(from, pos) - pos, to - pos)
      : !node.isLeaf
        ? ''
        : (leafText ?? node.type.spec.leafText?.(node) ?? '');
    // as textBetween: a separator before every textblock (and text-bearing leaf block) but the first
    if (node.isBlock && ((node.isLeaf && nodeText) || node.isTextblock)) {
      if (first) first = false;
      else text += blockSeparator;
    }
    text += nodeText;
    return true;
  });
  return text;
}
