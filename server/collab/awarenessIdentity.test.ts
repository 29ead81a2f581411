import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { type AwarenessEntry, applyAwarenessEntries, decodeAwarenessUpdate, encodeAwarenessEntries, stampAwareness } from './awarenessIdentity.js';
import { ProtocolError } from './protocol.js';

const bob = { username: 'bob', name: '王明', color: '#1971c2' };

describe('awareness identity', () => {
  it('round-trips entries through the wire format', () => {
    const entries = [
      { clientId: 7, clock: 3, state: { user: { name: 'x' }, cursor: null } },
      { clientId: 8, clock: 1, state: null },
    ];
    expect(decodeAwarenessUpdate(encodeAwarenessEntries(entries))).toEqual(entries);
  });

  it('stamps the account on every state, whatever name the client claimed', () => {
    const [entry] = stampAwareness([{ clientId: 1, clock: 1, state: { user: { name: '张丽', color: '#000' }, cursor: 5 } }], bob);
    expect(entry.state).toEqual({ user: bob, cursor: 5 });
  });

  it('skips the entries a filter declines without reading their states', () => {
    const update = encodeAwarenessEntries([
      { clientId: 1, clock: 2, state: { a: 1 } },
      { clientId: 2, clock: 3, state: null },
      { clientId: 3, clock: 4, state: { b: 2 } },
    ]);
    const seen: [number, number][] = [];
    const kept = decodeAwarenessUpdate(update, (id, clock) => {
      seen.push([id, clock]);
      return id !== 2;
    });
    expect(seen).toEqual([
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
    expect(kept.map((e) => e.clientId)).toEqual([1, 3]);
    // a skipped state must still be well framed
    expect(() => decodeAwarenessUpdate(update.slice(0, update.length - 2), (id) => id === 1)).toThrow(ProtocolError);
  });

  it('refuses malformed updates and non-object states', () => {
    expect(() => decodeAwarenessUpdate(new Uint8Array([5, 1]))).toThrow(ProtocolError);
    expect(() => decodeAwarenessUpdate(encodeAwarenessEntries([{ clientId: 1, clock: 1, state: 5 as never }]))).toThrow(ProtocolError);
  });
});

describe('applyAwarenessEntries', () => {
  it("leaves an awareness exactly as y-protocols' applyAwarenessUpdate does, with the same events", () => {
    const steps: AwarenessEntry[][] = [
      [
        { clientId: 1, clock: 1, state: { cursor: 1 } },
        { clientId: 2, clock: 1, state: { cursor: 2 } },
      ],
      [{ clientId: 1, clock: 1, state: { cursor: 9 } }], // same clock: ignored
      [{ clientId: 1, clock: 2, state: { cursor: 1 } }], // renewed, unchanged: 'update' only
      [{ clientId: 2, clock: 3, state: { cursor: 3 } }],
      [{ clientId: 1, clock: 2, state: null }], // same clock, removal: applied
      [{ clientId: 3, clock: 5, state: null }], // removal of someone unknown
      [{ clientId: 1, clock: 1, state: { cursor: 7 } }], // older than the removal: ignored
    ];
    const theirs = new awarenessProtocol.Awareness(new Y.Doc());
    const ours = new awarenessProtocol.Awareness(new Y.Doc());
    for (const a of [theirs, ours]) a.setLocalState(null);
    const events = (a: awarenessProtocol.Awareness) => {
      const seen: unknown[] = [];
      a.on('change', (e: unknown, origin: unknown) => seen.push(['change', e, origin]));
      a.on('update', (e: unknown, origin: unknown) => seen.push(['update', e, origin]));
      return seen;
    };
    const theirEvents = events(theirs);
    const ourEvents = events(ours);
    for (const step of steps) {
      awarenessProtocol.applyAwarenessUpdate(theirs, encodeAwarenessEntries(step), 'o');
      applyAwarenessEntries(ours, step, 'o');
      expect([...ours.getStates()]).toEqual([...theirs.getStates()]);
      const clocks = (a: awarenessProtocol.Awareness) => [...a.meta].filter(([id]) => id !== a.clientID).map(([id, m]) => [id, m.clock]);
      expect(clocks(ours)).toEqual(clocks(theirs));
    }
    expect(ourEvents).toEqual(theirEvents);
    theirs.destroy();
    ours.destroy();
  });
});
