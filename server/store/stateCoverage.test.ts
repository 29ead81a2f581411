import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { stateCovers } from './stateCoverage.js';
import { mulberry32 } from '../../shared/random.js';

function edits() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const text = doc.getText('t');
  text.insert(0, '政协委员');
  text.insert(4, '建言献策');
  text.delete(0, 2);
  return { doc, updates };
}

describe('stateCovers', () => {
  it('accepts the full state of a document as covering its updates, garbage-collected or not', async () => {
    const { doc, updates } = edits();
    expect(await stateCovers(Y.encodeStateAsUpdate(doc), updates)).toBe(true);
    expect(await stateCovers(Y.mergeUpdates(updates), updates)).toBe(true);
  });

  it('refuses a state that misses an insertion', async () => {
    const { updates } = edits();
    expect(await stateCovers(Y.mergeUpdates(updates.slice(0, 1)), updates.slice(0, 2))).toBe(false);
  });

  it('refuses a state that misses a deletion', async () => {
    const { updates } = edits();
    expect(await stateCovers(Y.mergeUpdates(updates.slice(0, 2)), updates)).toBe(false);
  });

  it('accepts anything for an empty log', async () => {
    expect(await stateCovers(Y.encodeStateAsUpdate(new Y.Doc()), [])).toBe(true);
  });

  it('lets the event loop take turns while it checks a long log, and still finds a missing change at its end', async () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const text = doc.getText('t');
    for (let i = 0; i < 300; i++) text.insert(i, '字');
    const missingLast = Y.mergeUpdates(updates.slice(0, -1));
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    try {
      // a slice of 0 ms gives way after every update
      expect(await stateCovers(Y.encodeStateAsUpdate(doc), updates, 0)).toBe(true);
      expect(turns).toBeGreaterThan(0);
      expect(await stateCovers(missingLast, updates, 0)).toBe(false);
    } finally {
      clearInterval(ticker);
    }
  });
});

describe('stateCovers against applying the updates', () => {
  /** Three replicas editing one XmlFragment, syncing now and then; every update recorded. */
  function history(seed: number) {
    const random = mulberry32(seed);
    const docs = [0, 1, 2].map((i) => {
      const doc = new Y.Doc();
      doc.clientID = 1000 + i;
      return doc;
    });
    const updates: Uint8Array[] = [];
    docs.forEach((doc) => doc.on('update', (u: Uint8Array, origin: unknown) => origin !== 'sync' && updates.push(u)));
    for (let step = 0; step < 120; step++) {
      const doc = docs[Math.floor(random() * 3)];
      const body = doc.getXmlFragment('default');
      if (body.length === 0 || random() < 0.1) {
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText('委员')]);
        body.insert(Math.floor(random() * (body.length + 1)), [p]);
      } else {
        const text = (body.get(Math.floor(random() * body.length)) as Y.XmlElement).get(0) as Y.XmlText;
        if (text.length > 2 && random() < 0.4) text.delete(Math.floor(random() * (text.length - 1)), 1 + Math.floor(random() * 2));
        else text.insert(Math.floor(random() * (text.length + 1)), '政协'.slice(0, 1 + Math.floor(random() * 2)));
      }
      if (random() < 0.3) {
        const [a, b] = [docs[Math.floor(random() * 3)], docs[Math.floor(random() * 3)]];
        Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'sync');
      }
    }
    return updates;
  }

  it('agrees, on random multi-client histories, with whether applying the updates would change the state', async () => {
    let refused = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const updates = history(seed);
      // A state made of a random subset of the updates (with or without a snapshot among the replaced ones).
      const chosen = updates.filter((_, i) => (i * 7 + seed) % 11 !== 0 || seed % 3 === 0);
      const holder = new Y.Doc();
      for (const u of chosen) Y.applyUpdate(holder, u);
      const state = Y.encodeStateAsUpdate(holder);
      const replaced = seed % 2 === 0 ? [Y.mergeUpdates(updates.slice(0, 20)), ...updates.slice(20)] : updates;
      const before = Y.snapshot(holder);
      for (const u of replaced) Y.applyUpdate(holder, u);
      const unchanged = Y.equalSnapshots(before, Y.snapshot(holder)) && holder.store.pendingStructs === null;
      expect(await stateCovers(state, replaced), `seed ${seed}`).toBe(unchanged);
      if (!unchanged) refused++;
    }
    expect(refused).toBeGreaterThan(5);
  });

  it('refuses a state whose insertions have a gap (changes it could not integrate)', async () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const text = doc.getText('t');
    text.insert(0, 'a');
    text.insert(1, 'b');
    text.insert(2, 'c');
    const gapped = new Y.Doc();
    Y.applyUpdate(gapped, updates[0]);
    Y.applyUpdate(gapped, updates[2]); // pending: needs updates[1]
    expect(await stateCovers(Y.encodeStateAsUpdate(gapped), [updates[2]])).toBe(false);
    expect(await stateCovers(Y.encodeStateAsUpdate(doc), updates)).toBe(true);
  });
});
