// Reading something of the whole document again after it changes, at most so
// often: the first change is read in the next frame, changes after it wait
// until `everyMs` after the last read. With a dozen people typing the
// document changes at every frame; a 字数 or an outline a quarter of a second
// late is not seen, reading and drawing them at every frame is (issue 26).
import type { Editor } from '@tiptap/core';
import type { Transaction } from '@tiptap/pm/state';

/** Calls `read` after the transactions `matters` picks, throttled as above; returns what stops it. */
export function readThrottled(editor: Editor, matters: (transaction: Transaction) => boolean, read: () => void, everyMs: number): () => void {
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRead = 0;
  const due = () => {
    timer = undefined;
    frame = requestAnimationFrame(() => {
      frame = 0;
      lastRead = performance.now();
      read();
    });
  };
  const onTransaction = ({ transaction }: { transaction: Transaction }) => {
    if (frame || timer !== undefined || !matters(transaction)) return;
    timer = setTimeout(due, Math.max(0, lastRead + everyMs - performance.now()));
  };
  editor.on('transaction', onTransaction);
  return () => {
    if (frame) cancelAnimationFrame(frame);
    clearTimeout(timer);
    editor.off('transaction', onTransaction);
  };
}

/** How long after the document's last change it counts as settled (ms): typing has paused. */
export const SETTLED_AFTER_MS = 250;

/** Calls `read` once the document has stopped changing for SETTLED_AFTER_MS; returns what stops it. */
export function readWhenSettled(editor: Editor, read: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onUpdate = () => {
    clearTimeout(timer);
    timer = setTimeout(read, SETTLED_AFTER_MS);
  };
  editor.on('update', onUpdate);
  return () => {
    clearTimeout(timer);
    editor.off('update', onUpdate);
  };
}
