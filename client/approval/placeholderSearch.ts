// Finding a placeholder the approval check listed (its text, as the server
// found it) in the editor's document, to select it there.
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

export interface TextRange {
  from: number;
  to: number;
}

/** Stands for an inline node that is not text (a line break), so that text never matches across it. */
const INLINE_LEAF = '\ufffc';

/** Every place where `text` occurs inside one textblock, in document order. */
export function findTextRanges(doc: ProseMirrorNode, text: string): TextRange[] {
  const ranges: TextRange[] = [];
  if (!text) return ranges;
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    // The block's text with one character per position, so an index in it is an offset from the block's start.
    let content = '';
    node.forEach((child) => {
      content += child.isText ? (child.text ?? '') : INLINE_LEAF.repeat(child.nodeSize);
    });
    const start = pos + 1;
    for (let at = content.indexOf(text); at >= 0; at = content.indexOf(text, at + text.length)) {
      ranges.push({ from: start + at, to: start + at + text.length });
    }
    return false;
  });
  return ranges;
}

/**
 * Where to select `text`: its first occurrence, or, when the selection already is
 * one, the next (then the first again), so that choosing it again moves on.
 */
export function nextPlaceholderRange(doc: ProseMirrorNode, text: string, selection: TextRange): TextRange | null {
  const ranges = findTextRanges(doc, text);
  const current = ranges.findIndex((range) => range.from === selection.from && range.to === selection.to);
  return ranges[(current + 1) % Math.max(ranges.length, 1)] ?? null;
}
