// What the toolbar shows for the current selection, read from the editor in one pass.
import type { Editor } from '@tiptap/core';
import { FIRST_NUMBERED_LEVEL, LAST_NUMBERED_LEVEL, NUMBERING_ATTR } from '../../shared/numbering.js';
import { styleOfBlock, type ParagraphStyle } from './paragraphStyles.js';

const isSectionHeading = (type: string, level: unknown): boolean =>
  type === 'heading' && Number(level) >= FIRST_NUMBERED_LEVEL && Number(level) <= LAST_NUMBERED_LEVEL;

export const ALIGNMENTS = ['left', 'center', 'right', 'justify'] as const;
export type Alignment = (typeof ALIGNMENTS)[number];

export interface ToolbarState {
  canUndo: boolean;
  canRedo: boolean;
  style: ParagraphStyle | null;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  bulletList: boolean;
  orderedList: boolean;
  alignment: Alignment;
  /** Some text is selected: something to comment on. */
  textSelected: boolean;
  /** A section heading's automatic numbering (shared/numbering.ts); null outside one. */
  numbering: 'auto' | 'none' | null;
}

/** Before the editor exists: nothing active, nothing to undo. */
export const EMPTY_STATE: ToolbarState = {
  canUndo: false,
  canRedo: false,
  style: 'paragraph',
  bold: false,
  italic: false,
  underline: false,
  bulletList: false,
  orderedList: false,
  alignment: 'left',
  textSelected: false,
  numbering: null,
};

export function readToolbarState(editor: Editor): ToolbarState {
  const { $from, from, to, empty } = editor.state.selection;
  const block = $from.parent;
  // An unaligned title is centred by the page style; everything else starts left.
  const fallback: Alignment = block.type.name === 'heading' && block.attrs.level === 1 ? 'center' : 'left';
  const alignment = (block.attrs.textAlign as Alignment | null | undefined) ?? fallback;
  return {
    canUndo: editor.can().undo(),
    canRedo: editor.can().redo(),
    style: styleOfBlock(block.type.name, block.attrs.level),
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    underline: editor.isActive('underline'),
    bulletList: editor.isActive('bulletList'),
    orderedList: editor.isActive('orderedList'),
    alignment: ALIGNMENTS.includes(alignment) ? alignment : 'left',
    textSelected: !empty && editor.state.doc.textBetween(from, to, '').trim() !== '',
    numbering: isSectionHeading(block.type.name, block.attrs.level) ? (block.attrs[NUMBERING_ATTR] === 'none' ? 'none' : 'auto') : null,
  };
}
