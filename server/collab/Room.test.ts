import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { Role } from '../../shared/api.js';
import { CloseCode } from '../../shared/collab.js';
import { DocumentFrozenError, type DocumentStore, type UpdateEntry } from '../store/DocumentStore.js';
import type { SetAsideEntry } from '../store/stateCoverage.js';
import { Connection, type ConnectionRates } from './Connection.js';
import { decodeAwarenessUpdate, encodeAwarenessEntries } from './awarenessIdentity.js';
import { encodeAwareness, encodeUpdate } from './protocol.js';
import { Room } from './Room.js';
import { TestSocket } from './testSocket.js';

/** A store whose commits happen only when the test says so, or fail when told to. */
class ControlledStore implements DocumentStore {
  exclusive = false;
  loadSinceCalls = 0;
  readonly committed: UpdateEntry[] = [];
  private waiting: { entries: UpdateEntry[]; resolve: () => void; reject: (e: Error) => void }[] = [];
  failNext = 0;
  compactions: { state: Uint8Array; throughSeq: number }[] = [];

  append(_id: string, entries: UpdateEntry[]): Promise<void> {
    return new Promise((resolve, reject) => this.waiting.push({ entries, resolve, reject }));
  }
  /** Commits (or fails) everything waiting, then lets the room react. */
  async commit(): Promise<void> {
    await vi.advanceTimersByTimeAsync(0);
    const batch = this.waiting.splice(0);
    for (const w of batch) {
      if (this.failNext > 0) {
        this.failNext--;
        w.reject(new Error('disk full'));
      } else {
        this.committed.push(...w.entries);
        w.resolve();
      }
    }
    await vi.advanceTimersByTimeAsync(0);
  }
  get pendingCount(): number {
    return this.waiting.length;
  }
  async load() {
    return { updates: [], lastSeq: 0 };
  }
  async loadSince(_id: string, afterSeq: number) {
    this.loadSinceCalls++;
    const updates = this.committed.slice(afterSeq).map((e) => e.update);
    return { updates, lastSeq: Math.max(afterSeq, this.committed.length) };
  }
  async compact(_id: string, state: Uint8Array, throughSeq: number): Promise<SetAsideEntry[]> {
    this.compactions.push({ state, throughSeq });
    return [];
  }
  async quarantined() {
    return [];
  }
  async count() {
    return this.committed.length;
  }
}

/** A store whose appends are durable at once (as SQLite's journal is), or refuse once. */
class ImmediateStore extends ControlledStore {
  /** What the next append does: commit, or fail with this (once). */
  next: 'commit' | Error = 'commit';
  /** The number of entries of each append. */
  readonly appends: number[] = [];
  override append(_id: string, entries: UpdateEntry[]): Promise<void> {
    this.appends.push(entries.length);
    const next = this.next;
    this.next = 'commit';
    if (next instanceof Error) return Promise.reject(next);
    this.committed.push(...entries);
    return Promise.resolve();
  }
}

function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc.getXmlFragment('default').toString();
}

function paragraphUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('default').insert(0, [p]);
  return Y.encodeStateAsUpdate(doc);
}

/** Each text as a new paragraph from `connection`, committed before the next. */
async function storeParagraphs(room: Room, connection: Connection, store: ControlledStore, texts: string[]): Promise<void> {
  for (const t of texts) {
    room.receive(connection, encodeUpdate(paragraphUpdate(t)));
    await store.commit();
  }
}

/** The compaction snapshot holds exactly what the room's document holds. */
function expectSnapshotOf(room: Room, state: Uint8Array): void {
  const snapshotDoc = new Y.Doc();
  Y.applyUpdate(snapshotDoc, state);
  expect(Y.encodeStateVector(snapshotDoc)).toEqual(Y.encodeStateVector(room.doc));
}

function setup(options: { compactAfterUpdates?: number; store?: ControlledStore } = {}) {
  const store = options.store ?? new ControlledStore();
  const onEmpty = vi.fn();
  const room = new Room(
    {
      documentId: 'doc1',
      status: 'draft',
      store,
      logger: pino({ level: 'silent' }),
      compactAfterUpdates: options.compactAfterUpdates ?? 1000,
      onEmpty,
      retryDelayMs: () => 10,
    },
    { updates: [], lastSeq: 0 },
  );
  let n = 0;
  const join = (role: Role, name = `user${++n}`, extended = true, rates?: ConnectionRates) => {
    const socket = new TestSocket();
    const connection = new Connection(socket, { id: `id-${name}`, username: name, displayName: name.toUpperCase(), color: '#123456' }, role, extended, rates);
    room.join(connection);
    return { socket, connection };
  };
  return { store, room, join, onEmpty };
}

describe('Room', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("relays an editor's update only after the store has committed it", async () => {
    vi.useFakeTimers();
    const { store, room, join } = setup();
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
    const { room, join } = setup({ store });
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
    const { room, join } = setup({ store });
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

  it('takes nothing into an approved document when the store refuses a change, and tries again on any other error', async () => {
    vi.useFakeTimers();
    const store = new ImmediateStore();
    const { room, join } = setup({ store });
    const a = join('editor');
    const b = join('editor');
    store.next = new DocumentFrozenError('doc1');
    room.receive(a.connection, encodeUpdate(paragraphUpdate('批准之后')));
    await vi.advanceTimersByTimeAsync(0);
    expect(a.socket.acks).toEqual([1]);
    expect(room.body.toString()).not.toContain('批准之后');
    expect(b.socket.updates).toHaveLength(0);
    expect(room.canWrite(a.connection)).toBe(false);

    const other = setup({ store: new ImmediateStore() });
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

  it('acknowledges a frame only once it is stored, counting every update frame of the connection', async () => {
    vi.useFakeTimers();
    const { store, room, join } = setup();
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
    const { store, room, join } = setup();
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
    const { store, room, join } = setup();
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
    const { room, join } = setup();
    const a = join('editor');
    const orphan = new Y.Doc();
    orphan.getXmlFragment('default').insert(0, [new Y.XmlElement('paragraph')]);
    const sv = Y.encodeStateVector(orphan);
    const big = orphan.getXmlFragment('default').get(0) as Y.XmlElement;
    big.insert(0, [new Y.XmlText('字'.repeat(2_000_000))]);
    room.receive(a.connection, encodeUpdate(Y.encodeStateAsUpdate(orphan, sv)));
    expect(a.socket.closeCode).toBe(CloseCode.invalidChange);
  });

  it('withholds acknowledgements while the store fails', async () => {
    vi.useFakeTimers();
    const { store, room, join } = setup();
    const a = join('editor');
    store.failNext = 1;
    room.receive(a.connection, encodeUpdate(paragraphUpdate('一')));
    await store.commit();
    expect(a.socket.acks).toEqual([]);
    await vi.advanceTimersByTimeAsync(20);
    await store.commit();
    expect(a.socket.acks).toEqual([1]);
  });

  it("acknowledges a read-only connection's frames as processed, and sends acks only to clients that asked", async () => {
    vi.useFakeTimers();
    const { store, room, join } = setup();
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
    const { store, room, join } = setup();
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

  it('keeps changes when the store fails, withholds them and retries until they are stored', async () => {
    vi.useFakeTimers();
    const { store, room, join } = setup();
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

  it('closes only the connection that sent a malformed frame', () => {
    const { room, join } = setup();
    const bad = join('editor');
    const good = join('editor');
    room.receive(bad.connection, new Uint8Array([0, 2, 250, 250, 250, 250, 1]));
    expect(bad.socket.closeCode).toBe(CloseCode.malformedFrame);
    expect(good.socket.closeCode).toBeNull();
    expect(room.connections.has(good.connection)).toBe(true);
  });

  it('follows a role change at once: an editor made viewer can no longer write', async () => {
    vi.useFakeTimers();
    const { store, room, join } = setup();
    const a = join('editor');
    a.connection.role = 'viewer';
    room.receive(a.connection, encodeUpdate(paragraphUpdate('降级后')));
    expect(store.pendingCount).toBe(0);
    await store.commit();
    expect(room.body.toString()).not.toContain('降级后');
  });

  it('makes an approved document read-only for every connection', () => {
    const { store, room, join } = setup();
    const owner = join('owner');
    room.setStatus('approved');
    room.receive(owner.connection, encodeUpdate(paragraphUpdate('定稿后')));
    expect(store.pendingCount).toBe(0);
  });

  it("stamps presence with the account and refuses to let one connection touch another's client id", () => {
    const { room, join } = setup();
    const a = join('editor', 'alice');
    const b = join('editor', 'bob');
    room.receive(a.connection, encodeAwareness(encodeAwarenessEntries([{ clientId: 11, clock: 1, state: { user: { name: 'BOB' } } }])));
    expect(room.awareness.getStates().get(11)).toEqual({ user: { username: 'alice', name: 'ALICE', color: '#123456' } });
    // bob tries to overwrite and to remove alice's client
    room.receive(b.connection, encodeAwareness(encodeAwarenessEntries([{ clientId: 11, clock: 5, state: { user: { name: 'x' } } }])));
    room.receive(b.connection, encodeAwareness(encodeAwarenessEntries([{ clientId: 11, clock: 6, state: null }])));
    expect(room.awareness.getStates().get(11)?.user).toMatchObject({ username: 'alice' });
    // everyone was told about alice's presence, as alice
    const seen = b.socket.awareness.flatMap((u) => decodeAwarenessUpdate(u));
    expect(seen.some((e) => e.clientId === 11 && (e.state?.user as { username: string }).username === 'alice')).toBe(true);
    room.awareness.destroy();
  });

  it("lets a stock client echo everyone's presence without counting or relaying it, and counts what it says of its own", () => {
    const { room, join } = setup();
    const tight: ConnectionRates = { messagesPerSecond: 1000, awarenessPerSecond: 1 };
    const a = join('editor', 'alice', true, tight);
    const b = join('editor', 'bob', true, tight);
    room.receive(a.connection, encodeAwareness(encodeAwarenessEntries([{ clientId: 51, clock: 1, state: { cursor: 1 } }])));
    const relayedToA = a.socket.awareness.length;
    // bob's provider sends alice's state back, again and again (a burst of 3 is all bob's own rate allows)
    for (let i = 0; i < 20; i++) {
      room.receive(b.connection, encodeAwareness(encodeAwarenessEntries([{ clientId: 51, clock: 1, state: { cursor: 1, user: { name: 'x' } } }])));
    }
    expect(b.socket.closeCode).toBeNull();
    expect(a.socket.awareness.length).toBe(relayedToA);
    expect(room.awareness.getStates().get(51)?.user).toMatchObject({ username: 'alice' });
    // bob's own presence still counts: past its burst, bob is closed
    for (let clock = 1; clock <= 4; clock++) {
      room.receive(b.connection, encodeAwareness(encodeAwarenessEntries([{ clientId: 52, clock, state: { cursor: clock } }])));
    }
    expect(b.socket.closeCode).toBe(CloseCode.rateLimited);
    room.awareness.destroy();
  });

  it('neither counts nor relays a caret sent again unchanged (as Tiptap does after every remote change), but passes it on as a renewal', () => {
    vi.useFakeTimers();
    const { room, join } = setup();
    const a = join('editor', 'alice', true, { messagesPerSecond: 1000, awarenessPerSecond: 1 });
    const b = join('editor', 'bob');
    const caret = { cursor: { anchor: 7, head: 7 } };
    room.receive(a.connection, encodeAwareness(encodeAwarenessEntries([{ clientId: 71, clock: 1, state: caret }])));
    const relayed = b.socket.awareness.length;
    for (let clock = 2; clock <= 40; clock++) room.receive(a.connection, encodeAwareness(encodeAwarenessEntries([{ clientId: 71, clock, state: caret }])));
    expect(a.socket.closeCode).toBeNull();
    expect(b.socket.awareness.length).toBe(relayed);
    // ten seconds on, the same caret is passed on once, so that it does not time out at the others
    vi.advanceTimersByTime(10_000);
    room.receive(a.connection, encodeAwareness(encodeAwarenessEntries([{ clientId: 71, clock: 41, state: caret }])));
    room.receive(a.connection, encodeAwareness(encodeAwarenessEntries([{ clientId: 71, clock: 42, state: caret }])));
    expect(b.socket.awareness.length).toBe(relayed + 1);
    // a caret that moves is news, and counts
    room.receive(a.connection, encodeAwareness(encodeAwarenessEntries([{ clientId: 71, clock: 43, state: { cursor: { anchor: 8, head: 8 } } }])));
    expect(room.awareness.getStates().get(71)).toMatchObject({ cursor: { anchor: 8 } });
    room.awareness.destroy();
  });

  it("takes back a member's client id after they left only with newer presence, and never another instance's", () => {
    const { room, join } = setup();
    const a = join('editor', 'alice');
    room.receive(a.connection, encodeAwareness(encodeAwarenessEntries([{ clientId: 61, clock: 3, state: { cursor: 1 } }])));
    room.leave(a.connection);
    const b = join('editor', 'bob');
    // bob's provider still holds alice's last state and sends it back: not bob's
    room.receive(b.connection, encodeAwareness(encodeAwarenessEntries([{ clientId: 61, clock: 3, state: { cursor: 1 } }])));
    expect(room.awareness.getStates().has(61)).toBe(false);
    expect(b.connection.clientIds.has(61)).toBe(false);
    // alice back on a new connection, with the same client and a newer clock
    const a2 = join('editor', 'alice');
    room.receive(a2.connection, encodeAwareness(encodeAwarenessEntries([{ clientId: 61, clock: 4, state: { cursor: 2 } }])));
    expect(room.awareness.getStates().get(61)).toMatchObject({ cursor: 2, user: { username: 'alice' } });
    // a member of another instance: nobody here speaks for them, even with a newer clock
    room.applyRemote({ t: 'awareness', update: encodeAwarenessEntries([{ clientId: 62, clock: 1, state: { user: { username: 'carol' } } }]) });
    room.receive(b.connection, encodeAwareness(encodeAwarenessEntries([{ clientId: 62, clock: 2, state: { cursor: 9 } }])));
    expect(room.awareness.getStates().get(62)).toEqual({ user: { username: 'carol' } });
    expect(b.socket.closeCode).toBeNull();
    room.awareness.destroy();
  });

  it('relays presence that came behind a change after that change, in the order it arrived', async () => {
    vi.useFakeTimers();
    const { store, room, join } = setup();
    const a = join('editor', 'alice');
    const b = join('editor', 'bob');
    const sentBefore = b.socket.sent.length;
    room.receive(a.connection, encodeUpdate(paragraphUpdate('光标之前')));
    room.receive(a.connection, encodeAwareness(encodeAwarenessEntries([{ clientId: 31, clock: 1, state: { cursor: 4 } }])));
    // the caret points into text that is not stored yet: nobody sees it before the text
    expect(b.socket.awareness).toHaveLength(0);
    expect(room.awareness.getStates().has(31)).toBe(false);
    await store.commit();
    const kinds = b.socket.sent.slice(sentBefore).map((frame) => frame[0]);
    expect(kinds).toEqual([0, 1]);
    expect(room.awareness.getStates().get(31)).toMatchObject({ cursor: 4 });
    // with nothing waiting to be stored, presence goes out at once
    room.receive(a.connection, encodeAwareness(encodeAwarenessEntries([{ clientId: 31, clock: 2, state: { cursor: 5 } }])));
    expect(room.awareness.getStates().get(31)).toMatchObject({ cursor: 5 });
    room.awareness.destroy();
  });

  it('does not bring back the presence of a connection that left while it waited, nor hold presence while the store fails', async () => {
    vi.useFakeTimers();
    const { store, room, join } = setup();
    const a = join('editor', 'alice');
    const b = join('editor', 'bob');
    room.receive(a.connection, encodeUpdate(paragraphUpdate('离开')));
    room.receive(a.connection, encodeAwareness(encodeAwarenessEntries([{ clientId: 41, clock: 1, state: { cursor: 1 } }])));
    room.leave(a.connection);
    await store.commit();
    expect(room.awareness.getStates().has(41)).toBe(false);
    expect(textOf(b.socket.updates)).toContain('离开');

    store.failNext = 1;
    room.receive(b.connection, encodeUpdate(paragraphUpdate('磁盘满')));
    room.receive(b.connection, encodeAwareness(encodeAwarenessEntries([{ clientId: 42, clock: 1, state: { cursor: 2 } }])));
    await store.commit();
    // the change is withheld and retried; the presence is not
    expect(room.awareness.getStates().get(42)).toMatchObject({ cursor: 2 });
    expect(room.body.toString()).not.toContain('磁盘满');
    await vi.advanceTimersByTimeAsync(20);
    await store.commit();
    expect(room.body.toString()).toContain('磁盘满');
    room.awareness.destroy();
  });

  it("removes a connection's presence when it leaves and reports the room empty", () => {
    const { room, join, onEmpty } = setup();
    const a = join('editor');
    room.receive(a.connection, encodeAwareness(encodeAwarenessEntries([{ clientId: 21, clock: 1, state: { x: 1 } }])));
    room.leave(a.connection);
    expect(room.awareness.getStates().has(21)).toBe(false);
    expect(onEmpty).toHaveBeenCalledWith(room);
    room.awareness.destroy();
  });

  it('compacts the log into one snapshot of everything stored once enough updates have come', async () => {
    vi.useFakeTimers();
    const { store, room, join } = setup({ compactAfterUpdates: 3 });
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
      const { room, join } = setup({ compactAfterUpdates: 3, store });
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
    const { store, room, join } = setup({ compactAfterUpdates: 3 });
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
    const { store, room, join } = setup({ compactAfterUpdates: 3 });
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

  it('sends a reader answered from the stored state whatever reached the room after the load, and nothing more otherwise', () => {
    const store = new ControlledStore();
    const stored = paragraphUpdate('已存的');
    const room = new Room(
      { documentId: 'doc1', status: 'draft', store, logger: pino({ level: 'silent' }), compactAfterUpdates: 1000, onEmpty: vi.fn() },
      { updates: [stored], lastSeq: 1 },
    );
    const user = { id: 'id-a', username: 'a', displayName: 'A', color: '#123456' };
    const quiet = new TestSocket();
    room.join(new Connection(quiet, user, 'editor', true), true);
    expect(quiet.updates).toHaveLength(0);
    // another instance stored a change between the load and this reader's joining
    room.applyRemote({ t: 'update', update: paragraphUpdate('别处的') });
    const late = new TestSocket();
    room.join(new Connection(late, user, 'editor', true), true);
    expect(textOf(late.updates)).toContain('别处的');
    expect(textOf(late.updates)).not.toContain('已存的');
    room.awareness.destroy();
  });
});
