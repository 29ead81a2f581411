// Ctrl+E centres the paragraph, as in Word and WPS. Tiptap centres with
// Ctrl+Shift+E, which Word and WPS use for 修订 and so does this editor
// (useSuggestMode): centring keeps the key people know from Word.
import { Extension } from '@tiptap/core';

export const CENTRE_SHORTCUT = 'Mod-e';

export const CentreShortcut = Extension.create({
  name: 'centreShortcut',

  addKeyboardShortcuts() {
    return { [CENTRE_SHORTCUT]: () => this.editor.commands.setTextAlign('center') };
  },
});
