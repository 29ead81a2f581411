// The heading attribute of automatic numbering (numbering.ts): 'auto' (the
// default: numbered by structure) or 'none'. Shared by the editor and the
// server as part of the schema; the editor's decorations are the client's.
import { Extension } from '@tiptap/core';
import { NUMBERING_ATTR } from './numbering.js';

export const HeadingNumbering = Extension.create({
  name: 'headingNumbering',
  addGlobalAttributes() {
    return [
      {
        types: ['heading'],
        attributes: {
          [NUMBERING_ATTR]: {
            default: 'auto',
            parseHTML: (element) => (element.getAttribute('data-numbering') === 'none' ? 'none' : 'auto'),
            renderHTML: (attributes) => (attributes[NUMBERING_ATTR] === 'none' ? { 'data-numbering': 'none' } : {}),
          },
        },
      },
    ];
  },
});
