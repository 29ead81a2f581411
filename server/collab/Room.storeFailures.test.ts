// Room: what the room does when the store refuses a change or fails.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DocumentFrozenError } from '../store/DocumentStore.js';
import { encodeUpdate } from './protocol.js';
import { ImmediateStore, paragraphUpdate, setupRoom, textOf } from './roomTestFixtures.js';

describe('Room', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('takes nothing into an approved document when the store refuses a change, and tries again on any other error', async () => {
    vi.useFakeTimers();
    const store = new ImmediateStore();
    const { room, join } = setupRoom({ store });
    const a = join('editor');
    const b = join('editor');
    store.next = new DocumentFrozenError('doc1');
    room.receive(a.connection, encodeUpdate(paragraphUpdate('批准之后')));
    await vi.advanceTimersByTimeAsync(0);
    expect(a.socket.acks).toEqual([1]);
    expect(room.body.toString()).not.toContain('批准之后');
    expect(b.socket.updates).toHaveLength(0);
    expect(room.canWrite(a.connection)).toBe(false);

    const other = setupRoom({ store: new ImmediateStore() });
    const c = other.join('editor');
    const d = other.join('editor');
    (other.store as ImmediateStore).next = new Error('disk I/O error');
    other.room.receive(c.connection, encodeUpdate(paragraphUpdate('重试')));
    await vi.advanceTimersByTimeAsync(0);
    expect(other.room.healthy).toBe(false);
    expect(d.socket.updates).toHaveLength(0);
    expect(c.socket.acks).toEqual([]);
    await vi.advanceTimersByTimeAsync(10);
    expect(textOf(d.socket.updates)).toContain('重试');
    expect(c.socket.acks).toEqual([1]);
    expect(other.room.healthy).toBe(true);
  });

  it('withholds acknowledgements while the store fails', async () => {
    vi.useFakeTimers();
    const { store, room, join } = setupRoom();
    const a = join('editor');
    store.failNext = 1;
    room.receive(a.connection, encodeUpdate(paragraphUpdate('一')));
    await store.commit();
    expect(a.socket.acks).toEqual([]);
    await vi.advanceTimersByTimeAsync(20);
    await store.commit();
    expect(a.socket.acks).toEqual([1]);
  });

  it('keeps changes when the store fails, withholds them and retries until they are stored', async () => {
    vi.useFakeTimers();
    const { store, room, join } = setupRoom();
    const a = join('editor');
    const b = join('editor');
    store.failNext = 1;
    room.receive(a.connection, encodeUpdate(paragraphUpdate('重试')));
    await store.commit();
    expect(room.healthy).toBe(false);
    expect(b.socket.updates).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(20);
    await store.commit();
    expect(room.healthy).toBe(true);
    expect(textOf(b.socket.updates)).toContain('重试');
    expect(store.committed).toHaveLength(1);
  });
});
