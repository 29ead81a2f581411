import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { admitUpdate } from './authorship.js';
import { inspectUpdate } from './protocol.js';

/** A document with a paragraph each from two writers, and the server's copy of it. */
function twoWriters() {
  const alice = new Y.Doc();
  const bob = new Y.Doc();
  alice.getText('t').insert(0, 'alice ');
  Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
  bob.getText('t').insert(6, 'bob');
  Y.applyUpdate(alice, Y.encodeStateAsUpdate(bob));
  const server = new Y.Doc();
  Y.applyUpdate(server, Y.encodeStateAsUpdate(alice));
  const authors = new Map([
    [alice.clientID, 'alice'],
    [bob.clientID, 'bob'],
  ]);
  return { alice, bob, server, authors };
}

const admit = (update: Uint8Array, sender: string, authors: Map<number, string>, doc: Y.Doc) =>
  admitUpdate(update, inspectUpdate(update), sender, authors, doc);

describe('admitUpdate', () => {
  it("takes a whole local copy that carries others' structs the server has, claiming nothing of theirs", () => {
    const { alice, bob, server, authors } = twoWriters();
    alice.getText('t').insert(0, '新');
    const whole = Y.encodeStateAsUpdate(alice); // as a reloaded IndexedDB copy sends it
    const admitted = admit(whole, 'alice', authors, server);
    expect(admitted.foreign).toEqual([]);
    expect(admitted.update).toBe(whole);
    expect(authors.get(bob.clientID)).toBe('bob');
  });

  it("leaves out new structs under another member's client id, and keeps the sender's own", () => {
    const { alice, bob, server, authors } = twoWriters();
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(server));
    forged.clientID = bob.clientID; // after loading: Yjs would pick another id on seeing its own
    forged.getText('t').insert(0, '冒充');
    const mallory = new Y.Doc();
    Y.applyUpdate(mallory, Y.encodeStateAsUpdate(forged));
    mallory.getText('t').insert(0, 'm');
    const update = Y.encodeStateAsUpdate(mallory, Y.encodeStateVector(server));
    const admitted = admit(update, 'mallory', authors, server);
    expect(admitted.foreign).toEqual([bob.clientID]);
    expect(admitted.attribution.clients).toEqual([mallory.clientID]);
    expect(authors.get(bob.clientID)).toBe('bob');
    expect(authors.get(mallory.clientID)).toBe('mallory');
    Y.applyUpdate(server, admitted.update!);
    expect(server.getText('t').toString()).not.toContain('冒充');
    expect(alice.getText('t').toString()).toBe('alice bob');
  });

  it("answers a change made only of others' new structs with nothing to store", () => {
    const { bob, server, authors } = twoWriters();
    const ahead = new Y.Doc();
    Y.applyUpdate(ahead, Y.encodeStateAsUpdate(server));
    ahead.clientID = bob.clientID;
    ahead.getText('t').insert(0, 'x');
    const update = Y.encodeStateAsUpdate(ahead, Y.encodeStateVector(server));
    expect(admit(update, 'alice', authors, server)).toMatchObject({ update: null, foreign: [bob.clientID] });
  });

  it('claims a new client id for its first writer, but not one whose structs the server already has', () => {
    const server = new Y.Doc();
    const seed = new Y.Doc();
    seed.getText('t').insert(0, '模板');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(seed));
    const carol = new Y.Doc();
    Y.applyUpdate(carol, Y.encodeStateAsUpdate(server));
    carol.getText('t').insert(2, '！');
    const authors = new Map<number, string>();
    const admitted = admit(Y.encodeStateAsUpdate(carol), 'carol', authors, server);
    expect(admitted.attribution.clients).toEqual([carol.clientID]);
    expect(authors.has(seed.clientID)).toBe(false);
  });
});
