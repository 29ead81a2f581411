// 修订 mode (issue 25): while it is on, what this member types becomes their
// suggestion instead of a change. Contract for the rest of the editor:
// - `SuggestMode.configure({ author, onRefused })`: `author` is the member's
//   username (the marks' author); `onRefused` is told when an edit cannot be
//   made as a suggestion (splitting or joining paragraphs, a change of block
//   type, alignment, links…), so the page can say why nothing happened.
// - `editor.commands.setSuggesting(on)` turns it on and off;
//   `isSuggesting(editor)` reads it (also `suggestModeKey.getState(state)`).
// The transform itself is in suggestTransform.ts; this plugin decides when it
// runs: on the member's own edits while 修订 is on, once a composition ends.
import { Extension, type Editor } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { deleteBlockwise, refusalOfTransaction, suggestBatch, type Batch, type SuggestRefusal, type SuggestionMaker } from './suggestTransform.js';

export type { SuggestRefusal };

/** Marks the transaction that turns an edit into suggestions (not itself an edit to turn). */
const madeSuggestions = new PluginKey('suggestModeMade');

/** A suggestion's id: 16 random bytes in hex (crypto.randomUUID needs a secure context, which a county server on plain http is not). */
export function newSuggestionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The member's own edit (not a remote change, not Yjs undo, not this plugin's rewriting). */
const ownEdit = (tr: Transaction): boolean => tr.docChanged && !isChangeOrigin(tr) && !tr.getMeta(madeSuggestions);

const suggestingIn = (state: EditorState): boolean => suggestModeKey.getState(state)?.suggesting ?? false;

export interface SuggestModeOptions {
  /** The member's username: the author of the suggestions they make. */
  author: string;
  onRefused: (reason: SuggestRefusal) => void;
}

export interface SuggestModeState {
  suggesting: boolean;
}

export const suggestModeKey = new PluginKey<SuggestModeState>('suggestMode');

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    suggestMode: {
      /** Turns 修订 mode on or off for this member. */
      setSuggesting: (on: boolean) => ReturnType;
    };
  }
}

export const isSuggesting = (editor: Editor): boolean => suggestModeKey.getState(editor.state)?.suggesting ?? false;

export const SuggestMode = Extension.create<SuggestModeOptions>({
  name: 'suggestMode',

  addOptions() {
    return { author: '', onRefused: () => undefined };
  },

  addCommands() {
    return {
      setSuggesting:
        (on) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(suggestModeKey, { suggesting: on });
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    return [suggestModePlugin({ author: this.options.author, onRefused: this.options.onRefused })];
  },
});

/**
 * The plugin, for the extension and for tests: `now` and `newId` stamp the
 * suggestions made.
 */
export function suggestModePlugin({
  author,
  onRefused,
  now = () => Date.now(),
  newId = newSuggestionId,
}: SuggestModeOptions & Partial<Pick<SuggestionMaker, 'now' | 'newId'>>): Plugin<SuggestModeState> {
  const maker: SuggestionMaker = { author, now, newId };
  let view: EditorView | null = null;
  // The edit not yet made suggestions: an IME composition's, until it ends.
  let batch: Batch | null = null;

  return new Plugin<SuggestModeState>({
    key: suggestModeKey,
    state: {
      init: () => ({ suggesting: false }),
      apply: (tr, value) => (tr.getMeta(suggestModeKey) as SuggestModeState | undefined) ?? value,
    },
    // What cannot be a suggestion is not made (the server would refuse it and close the connection).
    filterTransaction(tr, state) {
      if (!suggestingIn(state) || !ownEdit(tr)) return true;
      const refusal = refusalOfTransaction(tr, author);
      if (refusal === null) return true;
      // Other plugins' follow-ups (a section id for a heading) are dropped quietly: the member did nothing.
      if (!tr.getMeta('appendedTransaction')) onRefused(refusal);
      return false;
    },
    appendTransaction(transactions, oldState, newState) {
      if (!suggestingIn(newState)) {
        batch = null;
        return null;
      }
      for (const tr of transactions) {
        if (!ownEdit(tr)) continue;
        batch ??= { before: tr.before, selectionBefore: tr === transactions[0] ? oldState.selection : newState.selection, steps: [] };
        tr.steps.forEach((step, i) => batch?.steps.push({ step, doc: tr.docs[i] }));
      }
      // Pinyin being composed is not a suggestion yet (CompositionHold keeps it on this computer).
      if (batch === null || view?.composing) return null;
      const made = suggestBatch(batch, newState, maker);
      batch = null;
      return made?.setMeta(madeSuggestions, true) ?? null;
    },
    props: {
      // A selection across paragraphs is struck through paragraph by paragraph (deleting it would join them).
      handleKeyDown(editorView, event) {
        if (!suggestingIn(editorView.state) || (event.key !== 'Backspace' && event.key !== 'Delete')) return false;
        const tr = deleteBlockwise(editorView.state);
        if (tr) editorView.dispatch(tr);
        return tr !== null;
      },
      handleTextInput(editorView, _from, _to, text) {
        if (!suggestingIn(editorView.state)) return false;
        const tr = deleteBlockwise(editorView.state);
        if (tr) editorView.dispatch(tr.insertText(text));
        return tr !== null;
      },
    },
    view(editorView) {
      view = editorView;
      return {
        // A composition can end without a transaction of its own: its text is made a suggestion then.
        update(current) {
          if (batch !== null && !current.composing) current.dispatch(current.state.tr);
        },
        destroy() {
          view = null;
        },
      };
    },
  });
}
