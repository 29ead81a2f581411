import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeClientMessage, encodeUpdate, ProtocolError } from './protocol.js';

function frame(...parts: ((e: encoding.Encoder) => void)[]): Uint8Array {
  const e = encoding.createEncoder();
  for (const part of parts) part(e);
  return encoding.toUint8Array(e);
}
const uint = (n: number) => (e: encoding.Encoder) => encoding.writeVarUint(e, n);
const bytes = (b: Uint8Array) => (e: encoding.Encoder) => encoding.writeVarUint8Array(e, b);

function someUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, '你好');
  return Y.encodeStateAsUpdate(doc);
}

describe('decodeClientMessage', () => {
  it('reads sync step 1 with its state vector', () => {
    const sv = Y.encodeStateVector(new Y.Doc());
    expect(decodeClientMessage(frame(uint(0), uint(0), bytes(sv)))).toEqual({ kind: 'syncStep1', stateVector: sv });
  });

  it('reads sync step 2 and live updates as document updates', () => {
    const update = someUpdate();
    expect(decodeClientMessage(frame(uint(0), uint(1), bytes(update)))).toMatchObject({ kind: 'update', update });
    expect(decodeClientMessage(encodeUpdate(update))).toMatchObject({ kind: 'update', update });
  });

  it('reads an update that carries nothing as an update with nothing to store', () => {
    const empty = Y.encodeStateAsUpdate(new Y.Doc());
    expect(decodeClientMessage(frame(uint(0), uint(1), bytes(empty)))).toMatchObject({ kind: 'update', update: null });
  });

  it('reads awareness and awareness queries, and ignores the auth message', () => {
    expect(decodeClientMessage(frame(uint(1), bytes(new Uint8Array([0]))))).toEqual({ kind: 'awareness', update: new Uint8Array([0]) });
    expect(decodeClientMessage(frame(uint(3)))).toEqual({ kind: 'queryAwareness' });
    expect(decodeClientMessage(frame(uint(2), uint(0)))).toEqual({ kind: 'ignored' });
  });

  it('tells which clients an update inserts for and what it deletes', () => {
    const doc = new Y.Doc();
    const before = Y.encodeStateVector(doc);
    doc.getText('t').insert(0, '政协委员');
    const insert = Y.encodeStateAsUpdate(doc, before);
    const middle = Y.encodeStateVector(doc);
    doc.getText('t').delete(0, 2);
    const remove = Y.encodeStateAsUpdate(doc, middle);
    const inserted = decodeClientMessage(encodeUpdate(insert));
    expect(inserted).toMatchObject({ attribution: { empty: false, clients: [doc.clientID], deletes: null } });
    const removed = decodeClientMessage(encodeUpdate(remove));
    if (removed.kind !== 'update' || !removed.attribution.deletes) throw new Error('expected deletes');
    const ds = Y.decodeSnapshot(removed.attribution.deletes).ds;
    expect(ds.clients.get(doc.clientID)).toEqual([expect.objectContaining({ clock: 0, len: 2 })]);
  });

  it.each([
    ['an empty frame', new Uint8Array([])],
    ['an unknown message type', new Uint8Array([9, 0])],
    ['an unknown sync step', new Uint8Array([0, 7, 0])],
    ['a payload longer than the frame', new Uint8Array([0, 2, 250, 250, 250, 250, 1])],
    [
      'a truncated update',
      (() => {
        const u = someUpdate();
        return frame(uint(0), uint(2), bytes(u.subarray(0, u.length - 3)));
      })(),
    ],
    ['garbage in an update', frame(uint(0), uint(2), bytes(new Uint8Array([1, 200, 3, 4, 5, 6, 7, 8])))],
  ])('refuses %s with a ProtocolError', (_name, bad) => {
    expect(() => decodeClientMessage(bad)).toThrow(ProtocolError);
  });
});
