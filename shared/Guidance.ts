// Guidance text (〔…〕 placeholders from a template): shown differently from
// written text, and findable so that approval and export can warn about it.
import { Mark, mergeAttributes } from '@tiptap/core';
import { GUIDANCE_MARK } from './guidanceMark.js';

export { GUIDANCE_MARK };

export const Guidance = Mark.create({
  name: GUIDANCE_MARK,
  // Typing right after a placeholder writes ordinary text, not more guidance.
  inclusive: false,
  parseHTML() {
    return [{ tag: 'span[data-guidance]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { 'data-guidance': '', class: 'guidance' }), 0];
  },
});
