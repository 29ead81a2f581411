// Room: presence (awareness): whose it is, when it is relayed, when it goes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CloseCode } from '../../shared/collab.js';
import { type ConnectionRates } from './Connection.js';
import { decodeAwarenessUpdate, encodeAwarenessEntries } from './awarenessIdentity.js';
import { encodeAwareness, encodeUpdate } from './protocol.js';
import { paragraphUpdate, setupRoom, textOf } from './roomTestFixtures.js';

describe('Room', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("stamps presence with the account and refuses to let one connection touch another's client id", () => {
    const { room, join } = setupRoom();
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
    const { room, join } = setupRoom();
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
    const { room, join } = setupRoom();
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
    const { room, join } = setupRoom();
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
    const { store, room, join } = setupRoom();
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
    const { store, room, join } = setupRoom();
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
    const { room, join, onEmpty } = setupRoom();
    const a = join('editor');
    room.receive(a.connection, encodeAwareness(encodeAwarenessEntries([{ clientId: 21, clock: 1, state: { x: 1 } }])));
    room.leave(a.connection);
    expect(room.awareness.getStates().has(21)).toBe(false);
    expect(onEmpty).toHaveBeenCalledWith(room);
    room.awareness.destroy();
  });
});
