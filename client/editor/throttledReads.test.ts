import type { Editor } from '@tiptap/core';
import type { Transaction } from '@tiptap/pm/state';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readThrottled, readWhenSettled, SETTLED_AFTER_MS } from './throttledReads.js';

/** An editor that only emits the events these reads listen to. */
function fakeEditor() {
  const handlers = new Map<string, Set<(props: { transaction: Transaction }) => void>>();
  const editor = {
    on: (event: string, handler: (props: { transaction: Transaction }) => void) =>
      void (handlers.get(event) ?? handlers.set(event, new Set()).get(event)!).add(handler),
    off: (event: string, handler: (props: { transaction: Transaction }) => void) => void handlers.get(event)?.delete(handler),
  };
  const emit = (event: string, docChanged = true) => {
    for (const handler of handlers.get(event) ?? []) handler({ transaction: { docChanged } as Transaction });
  };
  return { editor: editor as unknown as Editor, emit, listeners: () => [...handlers.values()].reduce((n, set) => n + set.size, 0) };
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Frames every 16 ms, on the (fake) timers. */
function frames() {
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => setTimeout(() => callback(performance.now()), 16));
  vi.stubGlobal('cancelAnimationFrame', (handle: ReturnType<typeof setTimeout>) => clearTimeout(handle));
}

describe('readThrottled', () => {
  it('reads the first change in the next frame, then at most every so often while changes go on, and never for changes that do not matter', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
    frames();
    const { editor, emit } = fakeEditor();
    const read = vi.fn();
    readThrottled(editor, (tr) => tr.docChanged, read, 250);
    emit('transaction', false);
    vi.advanceTimersByTime(1000);
    expect(read).not.toHaveBeenCalled();

    emit('transaction');
    vi.advanceTimersByTime(20);
    expect(read).toHaveBeenCalledTimes(1);
    // a change every 20 ms for a second: read about every 250 ms, not 50 times
    for (let t = 0; t < 1000; t += 20) {
      emit('transaction');
      vi.advanceTimersByTime(20);
    }
    vi.advanceTimersByTime(600);
    expect(read.mock.calls.length).toBeGreaterThanOrEqual(4);
    expect(read.mock.calls.length).toBeLessThanOrEqual(6);
  });

  it('stops: nothing pending is read, nothing listened to', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
    frames();
    const { editor, emit, listeners } = fakeEditor();
    const read = vi.fn();
    const stop = readThrottled(editor, () => true, read, 250);
    emit('transaction');
    stop();
    vi.advanceTimersByTime(1000);
    expect(read).not.toHaveBeenCalled();
    expect(listeners()).toBe(0);
  });
});

describe('readWhenSettled', () => {
  it('reads once the document has stopped changing for a while', () => {
    vi.useFakeTimers();
    const { editor, emit } = fakeEditor();
    const read = vi.fn();
    readWhenSettled(editor, read);
    for (let i = 0; i < 10; i++) {
      emit('update');
      vi.advanceTimersByTime(SETTLED_AFTER_MS / 2);
    }
    expect(read).not.toHaveBeenCalled();
    vi.advanceTimersByTime(SETTLED_AFTER_MS);
    expect(read).toHaveBeenCalledTimes(1);
  });
});
