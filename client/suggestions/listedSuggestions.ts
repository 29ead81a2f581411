// The suggestions as the 修订 pane and the hover card list them: those of
// listSuggestions (shared/suggestions.ts), a format change with the marks it
// would set and clear, so that the card can say 设为加粗 rather than only 格式.
import type { Node } from '@tiptap/pm/model';
import { SUGGESTION_FORMAT } from '../../shared/Suggestion.js';
import { listSuggestions, type SuggestionSummary } from '../../shared/suggestions.js';

export interface ListedSuggestion extends SuggestionSummary {
  /** A format change's marks to set and to clear (bold, italic…); empty for the others. */
  add: string[];
  remove: string[];
}

const names = (value: unknown): string[] => (Array.isArray(value) ? value.filter((name): name is string => typeof name === 'string') : []);

export function listedSuggestions(doc: Node): ListedSuggestion[] {
  const formats = new Map<string, { add: string[]; remove: string[] }>();
  doc.descendants((node) => {
    if (!node.isInline) return true;
    for (const mark of node.marks) {
      const id = String(mark.attrs.id);
      if (mark.type.name === SUGGESTION_FORMAT && !formats.has(id)) formats.set(id, { add: names(mark.attrs.add), remove: names(mark.attrs.remove) });
    }
    return false;
  });
  return listSuggestions(doc).map((suggestion) => ({ ...suggestion, ...(formats.get(suggestion.id) ?? { add: [], remove: [] }) }));
}
