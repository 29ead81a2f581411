// Room: storing, relaying and acknowledging editors' changes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/collab.js';
import { encodeUpdate } from './protocol.js';
import { ImmediateStore, paragraphUpdate, setupRoom, textOf } from './roomTestFixtures.js';

describe('Room', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("relays an editor's update only after the store has committed it", async () => {
    vi.useFakeTimers();
    const { store, room, join } = setupRoom();
    const a = join('editor');
    const b = join('editor');
    room.receive(a.connection, encodeUpdate(paragraphUpdate('第一段')));
    await vi.advanceTimersByTimeAsync(0);
    expect(b.socket.updates).toHaveLength(0);
    expect(store.pendingCount).toBe(1);
    await store.commit();
    expect(textOf(b.socket.updates)).toContain('第一段');
    expect(textOf(a.socket.updates)).not.toContain('第一段');
    expect(room.body.toString()).toContain('第一段');
    expect(store.committed[0].userId).toBe('id-user1');
  });

  it('stores, relays and acknowledges a lone change as the turn ends when the store is durable at once', async () => {
    vi.useFakeTimers();
    const store = new ImmediateStore();
    const { room, join } = setupRoom({ store });
    const a = join('editor');
    const b = join('editor');
    const update = paragraphUpdate('当场');
    room.receive(a.connection, encodeUpdate(update));
    expect(store.committed).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(store.committed).toHaveLength(1);
    expect(b.socket.updates.at(-1)).toEqual(update);
    expect(b.socket.flushes).toBeGreaterThan(0);
    expect(a.socket.acks).toEqual([1]);
    expect(room.body.toString()).toContain('当场');
    expect(room.hasPendingWrites).toBe(false);
  });

  it('takes the changes of one turn to the store in one append, and keeps their order', async () => {
    vi.useFakeTimers();
    const store = new ImmediateStore();
    const { room, join } = setupRoom({ store });
    const a = join('editor');
    const b = join('editor');
    const first = paragraphUpdate('排队');
    room.receive(a.connection, encodeUpdate(first));
    // the next change is placed after the first, which is taken but not yet applied
    const doc = new Y.Doc();
    Y.applyUpdate(doc, first);
    const before = Y.encodeStateVector(doc);
    doc.getXmlFragment('default').insert(1, [new Y.XmlElement('paragraph')]);
    const second = Y.encodeStateAsUpdate(doc, before);
    room.receive(a.connection, encodeUpdate(second));
    expect(b.socket.updates).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(store.appends).toEqual([2]);
    expect(b.socket.updates).toEqual([first, second]);
    expect(a.socket.acks).toEqual([2]);
  });

  it('acknowledges a frame only once it is stored, counting every update frame of the connection', async () => {
    vi.useFakeTimers();
    const { store, room, join } = setupRoom();
    const a = join('editor');
    room.receive(a.connection, encodeUpdate(paragraphUpdate('一')));
    room.receive(a.connection, encodeUpdate(Y.encodeStateAsUpdate(new Y.Doc())));
    await vi.advanceTimersByTimeAsync(0);
    expect(a.socket.acks).toEqual([]);
    await store.commit();
    // the empty frame came after the stored one, so it is acknowledged with it (an acknowledgement counts every frame up to it)
    expect(a.socket.acks).toEqual([2]);
    room.receive(a.connection, encodeUpdate(Y.encodeStateAsUpdate(new Y.Doc())));
    await vi.advanceTimersByTimeAsync(0);
    expect(a.socket.acks).toEqual([2, 3]);
  });

  it('holds a change that builds on what has not arrived (unacknowledged, unstored, unrelayed) and takes it with what it waited for', async () => {
    vi.useFakeTimers();
    const { store, room, join } = setupRoom();
    const a = join('editor');
    const b = join('editor');
    // offline: a paragraph, then words typed into it; on reconnecting the typing goes out before the step 2
    const offline = new Y.Doc();
    const updates: Uint8Array[] = [];
    offline.on('update', (u: Uint8Array) => updates.push(u));
    const p = new Y.XmlElement('paragraph');
    const t = new Y.XmlText();
    offline.transact(() => {
      offline.getXmlFragment('default').insert(0, [p]);
      p.insert(0, [t]);
    });
    t.insert(0, '离线');
    t.insert(2, '之后');
    room.receive(a.connection, encodeUpdate(updates[2]));
    room.receive(a.connection, encodeUpdate(Y.encodeStateAsUpdate(new Y.Doc()))); // an empty frame behind it
    await vi.advanceTimersByTimeAsync(0);
    expect(store.pendingCount).toBe(0);
    expect(b.socket.updates).toHaveLength(0);
    expect(a.socket.acks).toEqual([]);
    expect(room.doc.store.pendingStructs).toBeNull();
    room.receive(a.connection, encodeUpdate(Y.mergeUpdates(updates.slice(0, 2))));
    await store.commit();
    expect(room.body.toString()).toContain('离线之后');
    expect(textOf(b.socket.updates)).toContain('离线之后');
    expect(a.socket.acks).toEqual([3]);
    expect(a.socket.closeCode).toBeNull();
  });

  it("places a change against changes taken but not yet stored, and a held one once another member's change arrives", async () => {
    vi.useFakeTimers();
    const { store, room, join } = setupRoom();
    const a = join('editor');
    const b = join('editor');
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getXmlFragment('default').insert(0, [new Y.XmlElement('paragraph')]);
    (doc.getXmlFragment('default').get(0) as Y.XmlElement).insert(0, [new Y.XmlText('接着写')]);
    room.receive(a.connection, encodeUpdate(updates[0]));
    room.receive(a.connection, encodeUpdate(updates[1])); // placed against the first, taken but not yet stored
    await vi.advanceTimersByTimeAsync(0);
    expect(store.pendingCount).toBe(1);
    await store.commit();
    await store.commit();
    expect(room.body.toString()).toContain('接着写');
    // b's change builds on a's next one, which reaches the room after it
    const docB = new Y.Doc();
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(doc));
    const next: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => next.push(u));
    doc.getXmlFragment('default').insert(1, [new Y.XmlElement('horizontalRule')]);
    Y.applyUpdate(docB, next[0]);
    const before = Y.encodeStateVector(docB);
    docB.getXmlFragment('default').insert(2, [new Y.XmlElement('paragraph')]);
    room.receive(b.connection, encodeUpdate(Y.encodeStateAsUpdate(docB, before)));
    expect(store.pendingCount).toBe(0);
    room.receive(a.connection, encodeUpdate(next[0]));
    await store.commit();
    await vi.advanceTimersByTimeAsync(0);
    await store.commit();
    expect(room.body.length).toBe(3);
    expect(b.socket.closeCode).toBeNull();
  });

  it('refuses a connection whose held change grows past the bound with 4422', () => {
    const { room, join } = setupRoom();
    const a = join('editor');
    const orphan = new Y.Doc();
    orphan.getXmlFragment('default').insert(0, [new Y.XmlElement('paragraph')]);
    const sv = Y.encodeStateVector(orphan);
    const big = orphan.getXmlFragment('default').get(0) as Y.XmlElement;
    big.insert(0, [new Y.XmlText('字'.repeat(2_000_000))]);
    room.receive(a.connection, encodeUpdate(Y.encodeStateAsUpdate(orphan, sv)));
    expect(a.socket.closeCode).toBe(CloseCode.invalidChange);
  });

  it('closes only the connection that sent a malformed frame', () => {
    const { room, join } = setupRoom();
    const bad = join('editor');
    const good = join('editor');
    room.receive(bad.connection, new Uint8Array([0, 2, 250, 250, 250, 250, 1]));
    expect(bad.socket.closeCode).toBe(CloseCode.malformedFrame);
    expect(good.socket.closeCode).toBeNull();
    expect(room.connections.has(good.connection)).toBe(true);
  });
});
