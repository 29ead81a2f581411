import { describe, expect, it } from 'vitest';
import { decodeAwarenessUpdate, encodeAwarenessEntries, stampAwareness } from './awarenessIdentity.js';
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
    const [entry] = stampAwareness([{ clientId: 1, clock: 1, state: { user: { name: '张丽', color: '#000' }, cursor: 5 } }], bob, () => true);
    expect(entry.state).toEqual({ user: bob, cursor: 5 });
  });

  it('drops entries for client ids the connection may not use, including removals', () => {
    const kept = stampAwareness(
      [
        { clientId: 1, clock: 2, state: { a: 1 } },
        { clientId: 2, clock: 2, state: null },
      ],
      bob,
      (id) => id === 1,
    );
    expect(kept.map((e) => e.clientId)).toEqual([1]);
  });

  it('refuses malformed updates and non-object states', () => {
    expect(() => decodeAwarenessUpdate(new Uint8Array([5, 1]))).toThrow(ProtocolError);
    expect(() => decodeAwarenessUpdate(encodeAwarenessEntries([{ clientId: 1, clock: 1, state: 5 as never }]))).toThrow(ProtocolError);
  });
});
