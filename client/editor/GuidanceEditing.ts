// Placeholders (〔…〕 guidance) behave like Word's content controls: a click
// selects the whole placeholder so typing replaces it, a second click places
// the caret inside; and whatever the user types is written text, never guidance.
import { Extension, getMarkRange } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import { Plugin, PluginKey, TextSelection, type Transaction } from '@tiptap/pm/state';
import { GUIDANCE_MARK } from '../../shared/Guidance.js';

/** Ranges of the new document where the user's transactions inserted content. */
function insertedRanges(transactions: readonly Transaction[]): Array<[number, number]> {
  let ranges: Array<[number, number]> = [];
  for (const tr of transactions) {
    // Remote edits and undo arrive through the Yjs binding: they restore guidance as it was.
    if (!tr.docChanged || isChangeOrigin(tr)) continue;
    ranges = ranges.map(([from, to]) => [tr.mapping.map(from, 1), tr.mapping.map(to, -1)]);
    tr.mapping.maps.forEach((stepMap, index) => {
      const rest = tr.mapping.slice(index + 1);
      stepMap.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
        if (newEnd > newStart) ranges.push([rest.map(newStart, 1), rest.map(newEnd, -1)]);
      });
    });
  }
  return ranges.filter(([from, to]) => to > from);
}

export const GuidanceEditing = Extension.create({
  name: 'guidanceEditing',

  addProseMirrorPlugins() {
    const type = this.editor.schema.marks[GUIDANCE_MARK];
    if (!type) return [];
    return [
      new Plugin({
        key: new PluginKey('guidanceEditing'),
        props: {
          handleClick(view, pos, event) {
            if (!view.editable || event.shiftKey || event.detail > 1) return false;
            if (!(event.target instanceof Element) || !event.target.closest('.guidance')) return false;
            const range = getMarkRange(view.state.doc.resolve(pos), type);
            if (!range) return false;
            const { from, to, empty } = view.state.selection;
            // Already selected: this second click places the caret, to edit inside the placeholder.
            if (!empty && from === range.from && to === range.to) return false;
            view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, range.from, range.to)));
            return true;
          },
        },
        appendTransaction(transactions, _oldState, newState) {
          const ranges = insertedRanges(transactions);
          if (ranges.length === 0) return null;
          const tr = newState.tr;
          for (const [from, to] of ranges) {
            if (newState.doc.rangeHasMark(from, to, type)) tr.removeMark(from, to, type);
          }
          return tr.steps.length > 0 ? tr : null;
        },
      }),
    ];
  },
});
