// Where a suggestion is in the document: from the start of its first mark to
// the end of its last (a suggestion may span blocks), to select and show it.
import type { Node } from '@tiptap/pm/model';
import { isSuggestionMark } from '../../shared/suggestions.js';

export interface SuggestionRange {
  from: number;
  to: number;
}

export function rangeOfSuggestion(doc: Node, id: string): SuggestionRange | null {
  let range: SuggestionRange | null = null;
  doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    if (node.marks.some((mark) => isSuggestionMark(mark) && String(mark.attrs.id) === id)) {
      range = { from: range?.from ?? pos, to: pos + node.nodeSize };
    }
    return false;
  });
  return range;
}
