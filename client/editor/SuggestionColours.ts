// 修订: each suggestion drawn in its author's colour (an insertion underlined,
// a deletion struck through, a format change with a dotted underline), as
// inline decorations over the marks' own <ins>/<del>/<span>, which carry no
// colour since the schema knows no people. The page sets who is who
// (setSuggestionColours); an author it does not know is drawn in grey. The
// decorations carry the suggestion's id, for the hover card and the panel,
// and the one chosen in the panel is tinted (the selection alone is not
// shown while the focus stays in the panel).
import { Extension } from '@tiptap/core';
import type { Node } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Mapping, StepMap } from '@tiptap/pm/transform';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { SUGGESTION_DELETE, SUGGESTION_FORMAT, SUGGESTION_INSERT } from '../../shared/Suggestion.js';
import { isSuggestionMark } from '../../shared/suggestions.js';
import { personOf, type PeopleByUsername } from '../suggestions/suggestionPeople.js';
import { changedBlocks } from './changedBlocks.js';

const KIND_CLASS: Record<string, string> = {
  [SUGGESTION_INSERT]: 'suggestion--insert',
  [SUGGESTION_DELETE]: 'suggestion--delete',
  [SUGGESTION_FORMAT]: 'suggestion--format',
};

interface SuggestionColoursState {
  people: PeopleByUsername;
  /** The suggestion chosen in the panel or the text. */
  activeId: string | null;
  decorations: DecorationSet;
}

type ColoursChange = Partial<Pick<SuggestionColoursState, 'people' | 'activeId'>>;

export const suggestionColoursKey = new PluginKey<SuggestionColoursState>('suggestionColours');

/** A transaction that colours the suggestions by these people, or marks this one as chosen. */
export function setSuggestionColours(tr: Transaction, change: ColoursChange): Transaction {
  return tr.setMeta(suggestionColoursKey, change);
}

/** The decorations of the suggestions in the blocks between `from` and `to` (the whole document by default). */
function decorationsOf(doc: Node, people: PeopleByUsername, activeId: string | null, from = 0, to = doc.content.size): Decoration[] {
  const decorations: Decoration[] = [];
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isInline) return true;
    for (const mark of node.marks) {
      if (!isSuggestionMark(mark)) continue;
      const id = String(mark.attrs.id);
      decorations.push(
        Decoration.inline(pos, pos + node.nodeSize, {
          // A span per mark: overlapping suggestions (an insertion inside another's deletion) each keep their id and colour.
          nodeName: 'span',
          class: `suggestion ${KIND_CLASS[mark.type.name]}${id === activeId ? ' suggestion--focused' : ''}`,
          style: `--suggestion-color: ${personOf(people, String(mark.attrs.author)).color}`,
          'data-suggestion-id': id,
        }),
      );
    }
    return false;
  });
  return decorations;
}

/**
 * The decorations after an edit: those of the blocks it left alone, moved by
 * the edit, and those of the blocks it changed, read again. Marks come and go
 * without the text moving (an accepted insertion), so the transaction's own
 * mapping is not enough; comparing the documents finds those blocks too.
 */
function redrawnChanged(value: SuggestionColoursState, before: Node, after: Node): DecorationSet {
  const changed = changedBlocks(before, after);
  if (!changed) return value.decorations;
  const { from, toBefore, toAfter } = changed;
  // Decorations inside the changed blocks map to nothing (their start after their end): they are dropped.
  const moved = value.decorations.map(new Mapping([new StepMap([from, toBefore - from, toAfter - from])]), after);
  return moved.add(after, decorationsOf(after, value.people, value.activeId, from, toAfter));
}

/** The plugin itself (apart from the extension, for tests on a bare EditorState). */
export function suggestionColoursPlugin(): Plugin<SuggestionColoursState> {
  return new Plugin<SuggestionColoursState>({
    key: suggestionColoursKey,
    state: {
      init: (_config, state) => ({
        people: new Map(),
        activeId: null,
        decorations: DecorationSet.create(state.doc, decorationsOf(state.doc, new Map(), null)),
      }),
      apply(tr, value, oldState, newState) {
        const change = tr.getMeta(suggestionColoursKey) as ColoursChange | undefined;
        if (change) {
          // other colours, or another one chosen: every suggestion is drawn again (rare: not on a keystroke)
          const next = { people: value.people, activeId: value.activeId, ...change };
          return { ...next, decorations: DecorationSet.create(newState.doc, decorationsOf(newState.doc, next.people, next.activeId)) };
        }
        if (!tr.docChanged) return value;
        // A keystroke reads its own block again, not the whole document (issue 26).
        return { ...value, decorations: redrawnChanged(value, oldState.doc, newState.doc) };
      },
    },
    props: {
      decorations: (state) => suggestionColoursKey.getState(state)?.decorations,
    },
  });
}

export const SuggestionColours = Extension.create({
  name: 'suggestionColours',

  addProseMirrorPlugins() {
    return [suggestionColoursPlugin()];
  },
});
