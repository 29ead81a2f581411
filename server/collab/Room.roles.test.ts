// Room: who may write: viewers, commenters, role changes, approval.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeUpdate } from './protocol.js';
import { paragraphUpdate, setupRoom, textOf } from './roomTestFixtures.js';

describe('Room', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("acknowledges a read-only connection's frames as processed, and sends acks only to clients that asked", async () => {
    vi.useFakeTimers();
    const { store, room, join } = setupRoom();
    const viewer = join('viewer');
    const stock = join('editor', 'stock', false);
    room.receive(viewer.connection, encodeUpdate(paragraphUpdate('观察者')));
    room.receive(stock.connection, encodeUpdate(paragraphUpdate('普通客户端')));
    await store.commit();
    expect(viewer.socket.acks).toEqual([1]);
    expect(stock.socket.acks).toEqual([]);
    expect(room.body.toString()).toContain('普通客户端');
  });

  it('drops body updates from a viewer and a commenter, while they still receive everything', async () => {
    vi.useFakeTimers();
    const { store, room, join } = setupRoom();
    const viewer = join('viewer');
    const commenter = join('commenter');
    const editor = join('editor');
    room.receive(viewer.connection, encodeUpdate(paragraphUpdate('观察者')));
    room.receive(commenter.connection, encodeUpdate(paragraphUpdate('批注者')));
    expect(store.pendingCount).toBe(0);
    room.receive(editor.connection, encodeUpdate(paragraphUpdate('编辑者')));
    await store.commit();
    expect(room.body.toString()).not.toMatch(/观察者|批注者/);
    expect(textOf(viewer.socket.updates)).toContain('编辑者');
    expect(viewer.socket.closeCode).toBeNull();
  });

  it('follows a role change at once: an editor made viewer can no longer write', async () => {
    vi.useFakeTimers();
    const { store, room, join } = setupRoom();
    const a = join('editor');
    a.connection.role = 'viewer';
    room.receive(a.connection, encodeUpdate(paragraphUpdate('降级后')));
    expect(store.pendingCount).toBe(0);
    await store.commit();
    expect(room.body.toString()).not.toContain('降级后');
  });

  it('makes an approved document read-only for every connection', () => {
    const { store, room, join } = setupRoom();
    const owner = join('owner');
    room.setStatus('approved');
    room.receive(owner.connection, encodeUpdate(paragraphUpdate('定稿后')));
    expect(store.pendingCount).toBe(0);
  });
});
