// Reading something of the whole document again after it changes, at most so
// often: the first change is read as soon as the page is idle, changes after
// it wait until `everyMs` after the last read. With a dozen people typing the
// document changes at every frame; a 字数 or an outline a quarter of a second
// late is not seen, reading and drawing them at every frame is (issue 26).
// Idle, not in the next animation frame: work there delays that frame's
// paint, which may be the one showing a keystroke.
import type { Editor } from '@tiptap/core';
import type { Transaction } from '@tiptap/pm/state';

/** Calls `read` after the transactions `matters` picks, throttled as above; returns what stops it. */
export function readThrottled(editor: Editor, matters: (transaction: Transaction) => boolean, read: () => void, everyMs: number): () => void {
  let idle: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRead = 0;
  const due = () => {
    timer = undefined;
    idle = whenIdle(() => {
      idle = null;
      lastRead = performance.now();
      read();
    }, everyMs);
  };
  const onTransaction = ({ transaction }: { transaction: Transaction }) => {
    if (idle || timer !== undefined || !matters(transaction)) return;
    timer = setTimeout(due, Math.max(0, lastRead + everyMs - performance.now()));
  };
  editor.on('transaction', onTransaction);
  return () => {
    idle?.();
    clearTimeout(timer);
    editor.off('transaction', onTransaction);
  };
}

/**
 * Calls `then` when the page is next idle (requestIdleCallback), at the
 * latest after `timeoutMs` of a page kept busy; returns what cancels it.
 * Where there is no idle callback (Safari), in a task of its own.
 */
function whenIdle(then: () => void, timeoutMs: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(then, { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(then);
  return () => clearTimeout(handle);
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
