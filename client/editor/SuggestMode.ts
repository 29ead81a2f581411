// 修订 mode (issue 25): while it is on, what this member types becomes their
// suggestion instead of a change. Contract for the rest of the editor:
// - `SuggestMode.configure({ author, onRefused })`: `author` is the member's
//   username (the marks' author); `onRefused` is told when an edit cannot be
//   made as a suggestion (splitting or joining paragraphs, a change of block
//   type, alignment, links…), so the page can say why nothing happened.
// - `editor.commands.setSuggesting(on)` turns it on and off;
//   `isSuggesting(editor)` reads it (also `suggestModeKey.getState(state)`).
// The transform itself is in suggestTransform.ts.
import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';

/** Why an edit was not made in 修订 mode. */
export type SuggestRefusal = 'structure' | 'format';

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
    return [
      new Plugin<SuggestModeState>({
        key: suggestModeKey,
        state: {
          init: () => ({ suggesting: false }),
          apply: (tr, value) => (tr.getMeta(suggestModeKey) as SuggestModeState | undefined) ?? value,
        },
      }),
    ];
  },
});
