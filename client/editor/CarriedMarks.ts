// Formatting is not carried where the templates' writers don't expect it.
// ProseMirror keeps the marks at the caret when Enter splits a block, so after
// a bold run-in lead (一是…。) the next paragraph started bold; and a paragraph
// made a heading kept its bold, so a new 一级标题 came out bold instead of in
// the heading's own 黑体. Here a block made by Enter starts with the marks of
// its own text (none when it is empty), and a paragraph made a heading drops
// bold, italic and underline: the heading's style decides its look (docxFormat.ts
// HEADING_ROLES, page.css).
import { Extension } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { ReplaceAroundStep } from '@tiptap/pm/transform';

/** The marks a heading's style replaces. */
export const HEADING_STYLE_MARKS = ['bold', 'italic', 'underline'] as const;

/** Local edits only: remote ones and Yjs undo arrive as they were made. */
const localEdits = (transactions: readonly Transaction[]) => transactions.filter((tr) => tr.docChanged && !isChangeOrigin(tr));

/** Whether the caret ended at the start of a block other than the one it was in: a split (Enter). */
function caretMovedToNewBlock(transactions: readonly Transaction[], oldState: EditorState, newState: EditorState): boolean {
  const { selection } = newState;
  if (!(selection instanceof TextSelection) || !selection.$cursor || selection.$cursor.parentOffset !== 0) return false;
  const start = transactions.reduce((pos, tr) => tr.mapping.map(pos, -1), oldState.selection.$from.start());
  return start !== selection.$cursor.start();
}

/** Positions, in the final document, of the blocks these transactions turned from paragraphs into headings. */
function paragraphsMadeHeadings(transactions: readonly Transaction[], doc: PMNode): number[] {
  const positions = new Set<number>();
  transactions.forEach((tr, t) => {
    if (!localEdits([tr]).length) return;
    tr.steps.forEach((step, i) => {
      // setBlockType's step: the block's content kept, the block itself replaced by one new node.
      if (!(step instanceof ReplaceAroundStep) || step.slice.content.firstChild?.type.name !== 'heading') return;
      if (tr.docs[i].nodeAt(step.from)?.type.name !== 'paragraph') return;
      let pos = tr.mapping.slice(i + 1).map(step.from, 1);
      for (const later of transactions.slice(t + 1)) pos = later.mapping.map(pos, 1);
      if (doc.nodeAt(pos)?.type.name === 'heading') positions.add(pos);
    });
  });
  return [...positions];
}

/** The extension's one plugin, on its own so that it can be tried on an editor without a view. */
export function carriedMarksPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('carriedMarks'),
    appendTransaction(transactions, oldState, newState) {
      if (!localEdits(transactions).length) return null;
      const tr = newState.tr;
      const styleMarks = HEADING_STYLE_MARKS.flatMap((name) => newState.schema.marks[name] ?? []);
      for (const pos of paragraphsMadeHeadings(transactions, newState.doc)) {
        const heading = newState.doc.nodeAt(pos)!;
        for (const type of styleMarks) tr.removeMark(pos + 1, pos + heading.nodeSize - 1, type);
      }
      if (tr.storedMarks && caretMovedToNewBlock(transactions, oldState, newState)) tr.setStoredMarks(null);
      return tr.docChanged || tr.storedMarksSet ? tr : null;
    },
  });
}

export const CarriedMarks = Extension.create({
  name: 'carriedMarks',
  addProseMirrorPlugins: () => [carriedMarksPlugin()],
});
