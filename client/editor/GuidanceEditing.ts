// Placeholders (〔…〕 guidance) behave like Word's content controls: a click
// selects the whole placeholder so typing replaces it, a second click places
// the caret inside; and whatever the user types is written text, never guidance.
import { Extension, getMarkRange } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import { Plugin, PluginKey, TextSelection, type Transaction } from '@tiptap/pm/state';
import { GUIDANCE_MARK } from '../../shared/Guidance.js';

type Range = readonly [from: number, to: number];

const key = new PluginKey<Range[]>('guidanceEditing');
const NONE: Range[] = [];

/** Ranges of the new document where this transaction inserted content typed or pasted here. */
function insertedRanges(tr: Transaction): Range[] {
  // Remote edits and undo arrive through the Yjs binding: they restore guidance as it was.
  if (!tr.docChanged || isChangeOrigin(tr)) return [];
  const ranges: Range[] = [];
  tr.mapping.maps.forEach((stepMap, index) => {
    const rest = tr.mapping.slice(index + 1);
    stepMap.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      if (newEnd > newStart) ranges.push([rest.map(newStart, 1), rest.map(newEnd, -1)]);
    });
  });
  return ranges;
}

export const GuidanceEditing = Extension.create({
  name: 'guidanceEditing',

  addProseMirrorPlugins() {
    const type = this.editor.schema.marks[GUIDANCE_MARK];
    if (!type) return [];
    const editor = this.editor;
    return [
      new Plugin<Range[]>({
        key,
        // Text inserted but not yet made ordinary: kept while an input method is composing,
        // because changing marks under a composition breaks it (stray pinyin, doubled text).
        state: {
          init: () => NONE,
          apply(tr, pending) {
            if (tr.getMeta(key) === 'flushed') return NONE;
            if (!tr.docChanged) return pending;
            const mapped = pending.map(([from, to]): Range => [tr.mapping.map(from, 1), tr.mapping.map(to, -1)]).filter(([from, to]) => to > from);
            const inserted = insertedRanges(tr).filter(([from, to]) => tr.doc.rangeHasMark(from, to, type));
            return mapped.length + inserted.length === 0 ? NONE : [...mapped, ...inserted];
          },
        },
        appendTransaction(_transactions, _oldState, newState) {
          const pending = key.getState(newState) ?? [];
          if (pending.length === 0 || editor.view.composing) return null;
          const tr = newState.tr.setMeta(key, 'flushed');
          for (const [from, to] of pending) {
            if (newState.doc.rangeHasMark(from, to, type)) tr.removeMark(from, to, type);
          }
          return tr;
        },
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
          handleDOMEvents: {
            compositionend(view) {
              // The composition may end without another transaction: flush what it typed.
              setTimeout(() => {
                if (!view.isDestroyed && !view.composing && (key.getState(view.state)?.length ?? 0) > 0) view.dispatch(view.state.tr);
              });
              return false;
            },
          },
        },
      }),
    ];
  },
});
