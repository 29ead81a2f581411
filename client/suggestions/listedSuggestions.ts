// The suggestions as the 修订 pane and the hover card list them: those of
// listSuggestions (shared/suggestions.ts), a format change with the marks it
// would set and clear, so that the card can say 设为加粗 rather than only 格式.
//
// The page reads the list after every transaction, so it is read block by
// block and kept per top-level block node (ProseMirror shares the blocks an
// edit did not touch): a keystroke reads its own block again, not the whole
// document (issue 26). The blocks' lists join as listSuggestions joins a
// suggestion's pieces: text from different blocks on separate lines, each
// suggestion where it first appears, described by its first piece.
import type { Node } from '@tiptap/pm/model';
import { SUGGESTION_FORMAT } from '../../shared/Suggestion.js';
import { listSuggestions, type SuggestionSummary } from '../../shared/suggestions.js';

export interface ListedSuggestion extends SuggestionSummary {
  /** A format change's marks to set and to clear (bold, italic…); empty for the others. */
  add: string[];
  remove: string[];
}

type FormatChange = Pick<ListedSuggestion, 'add' | 'remove'>;

interface BlockSuggestions {
  summaries: SuggestionSummary[];
  /** Each format change's marks, from its first piece in the block. */
  formats: Map<string, FormatChange>;
}

const names = (value: unknown): string[] => (Array.isArray(value) ? value.filter((name): name is string => typeof name === 'string') : []);

const byBlock = new WeakMap<Node, BlockSuggestions>();
// A selection change keeps the document: the same list.
const byDoc = new WeakMap<Node, ListedSuggestion[]>();

function suggestionsOfBlock(block: Node): BlockSuggestions {
  let found = byBlock.get(block);
  if (found) return found;
  const formats = new Map<string, FormatChange>();
  block.descendants((node) => {
    if (!node.isInline) return true;
    for (const mark of node.marks) {
      const id = String(mark.attrs.id);
      if (mark.type.name === SUGGESTION_FORMAT && !formats.has(id)) formats.set(id, { add: names(mark.attrs.add), remove: names(mark.attrs.remove) });
    }
    return false;
  });
  found = { summaries: listSuggestions(block), formats };
  byBlock.set(block, found);
  return found;
}

export function listedSuggestions(doc: Node): ListedSuggestion[] {
  const cached = byDoc.get(doc);
  if (cached) return cached;
  const summaries = new Map<string, SuggestionSummary>();
  const formats = new Map<string, FormatChange>();
  doc.forEach((block) => {
    const found = suggestionsOfBlock(block);
    for (const summary of found.summaries) {
      const entry = summaries.get(summary.id);
      if (entry) entry.text += `\n${summary.text}`;
      else summaries.set(summary.id, { ...summary });
    }
    for (const [id, format] of found.formats) if (!formats.has(id)) formats.set(id, format);
  });
  const list = [...summaries.values()].map((summary) => {
    const format = formats.get(summary.id);
    return { ...summary, add: format ? [...format.add] : [], remove: format ? [...format.remove] : [] };
  });
  byDoc.set(doc, list);
  return list;
}
