// Room: compacting the log into a snapshot.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeUpdate } from './protocol.js';
import { ControlledStore, expectSnapshotOf, paragraphUpdate, setupRoom, storeParagraphs, textOf } from './roomTestFixtures.js';

describe('Room', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('compacts the log into one snapshot of everything stored once enough updates have come', async () => {
    vi.useFakeTimers();
    const { store, room, join } = setupRoom({ compactAfterUpdates: 3 });
    const a = join('editor');
    await storeParagraphs(room, a.connection, store, ['一', '二', '三']);
    // not while people type: after a pause
    await vi.advanceTimersByTimeAsync(500);
    expect(store.compactions).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(600);
    expect(store.compactions).toHaveLength(1);
    expect(store.compactions[0].throughSeq).toBe(3);
    expect(textOf([store.compactions[0].state])).toMatch(/一|二|三/);
    expectSnapshotOf(room, store.compactions[0].state);
  });

  it('reads the log back before compacting only when other instances may have written to it', async () => {
    vi.useFakeTimers();
    for (const exclusive of [false, true]) {
      const store = new ControlledStore();
      store.exclusive = exclusive;
      const { room, join } = setupRoom({ compactAfterUpdates: 3, store });
      const a = join('editor');
      await storeParagraphs(room, a.connection, store, ['一', '二', '三']);
      await vi.advanceTimersByTimeAsync(1_100);
      expect(store.compactions).toHaveLength(1);
      // a store of this process alone: the doc has every entry, and the store replaces all it holds
      expect(store.loadSinceCalls).toBe(exclusive ? 0 : 1);
      expect(store.compactions[0].throughSeq).toBe(exclusive ? Number.MAX_SAFE_INTEGER : 3);
      expectSnapshotOf(room, store.compactions[0].state);
      room.awareness.destroy();
    }
  });

  it('waits for a pause after the last change, with one timer however many changes come', async () => {
    vi.useFakeTimers();
    const { store, room, join } = setupRoom({ compactAfterUpdates: 3 });
    const a = join('editor');
    await storeParagraphs(room, a.connection, store, ['一', '二', '三']);
    await vi.advanceTimersByTimeAsync(900);
    const armed = vi.spyOn(globalThis, 'setTimeout');
    await storeParagraphs(room, a.connection, store, ['四', '五']);
    // no new compaction timer per keystroke
    expect(armed.mock.calls.filter(([, ms]) => ms === 1_000)).toHaveLength(0);
    armed.mockRestore();
    await vi.advanceTimersByTimeAsync(900);
    expect(store.compactions).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(150);
    expect(store.compactions).toHaveLength(1);
    expect(store.compactions[0].throughSeq).toBe(5);
  });

  it('compacts under typing that never pauses once the log is far past the threshold', async () => {
    vi.useFakeTimers();
    const { store, room, join } = setupRoom({ compactAfterUpdates: 3 });
    const a = join('editor');
    for (let i = 0; i < 12; i++) {
      room.receive(a.connection, encodeUpdate(paragraphUpdate(`第${i}段`)));
      await store.commit();
      await vi.advanceTimersByTimeAsync(200);
      if (i < 11) expect(store.compactions).toHaveLength(0);
    }
    expect(store.compactions).toHaveLength(1);
    expect(store.compactions[0].throughSeq).toBe(12);
  });
});
