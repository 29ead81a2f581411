import type { Editor } from '@tiptap/core';

/** Scrolls the page so that a position of the body is in view, a third of the way down, unless it already is. */
export function revealPosition(editor: Editor, pos: number): void {
  if (editor.isDestroyed) return;
  const workspace = editor.view.dom.closest('.workspace');
  if (!(workspace instanceof HTMLElement)) return;
  let top: number;
  try {
    top = editor.view.coordsAtPos(Math.min(pos, editor.state.doc.content.size)).top;
  } catch {
    return;
  }
  const frame = workspace.getBoundingClientRect();
  const margin = 48;
  if (top >= frame.top + margin && top <= frame.bottom - margin) return;
  workspace.scrollTo({ top: workspace.scrollTop + top - frame.top - workspace.clientHeight / 3, behavior: 'smooth' });
}

/** Scrolls the page so that the block at `pos` (a heading) is near the top, as a jump from the outline or a link does. */
export function scrollBlockToTop(editor: Editor, pos: number, above = 32): void {
  if (editor.isDestroyed) return;
  const block = editor.view.nodeDOM(pos);
  const workspace = editor.view.dom.closest('.workspace');
  if (!(block instanceof HTMLElement) || !(workspace instanceof HTMLElement)) return;
  workspace.scrollTo({ top: workspace.scrollTop + block.getBoundingClientRect().top - workspace.getBoundingClientRect().top - above });
}
