// Shows each numbered heading's automatic number (shared/numbering.ts) in
// front of its text, as a decoration: not text anyone typed or can delete,
// the same on every screen because it is computed from the shared document,
// and renumbered the moment a section is inserted, deleted or moved by
// anyone.
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { numberedHeadings } from '../../shared/numberedDoc.js';
import { sameHeadings } from './outline.js';

export const headingNumbersKey = new PluginKey<DecorationSet>('headingNumbers');

function decorations(state: EditorState): DecorationSet {
  const widgets = numberedHeadings(state.doc).map(({ pos, number, node }) =>
    Decoration.widget(
      pos + 1,
      () => {
        const span = document.createElement('span');
        span.className = 'heading-number';
        span.textContent = number;
        span.contentEditable = 'false';
        return span;
      },
      // the same number at the same level keeps its DOM node across renders
      { side: -1, ignoreSelection: true, key: `${node.attrs.level as number}:${number}`, marks: [] },
    ),
  );
  return DecorationSet.create(state.doc, widgets);
}

export const HeadingNumbers = Extension.create({
  name: 'headingNumbers',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: headingNumbersKey,
        state: {
          init: (_config, state) => decorations(state),
          apply: (tr, old, oldState, newState) => {
            if (!tr.docChanged) return old;
            // Typing into a paragraph changes no number: the numbers move with the text (a long document is not
            // read again). Unless the change replaced a stretch holding headings, even with the same ones (the
            // binding replaces the run from the first block another person changed to the last): then the
            // mapping dropped their numbers, and they are read again.
            if (sameHeadings(oldState.doc, newState.doc)) {
              const moved = old.map(tr.mapping, newState.doc);
              if (moved.find().length === old.find().length) return moved;
            }
            return decorations(newState);
          },
        },
        props: {
          decorations: (state) => headingNumbersKey.getState(state),
        },
      }),
    ];
  },
});
