import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { stateCovers } from './stateCoverage.js';

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
  it('accepts the full state of a document as covering its updates, garbage-collected or not', () => {
    const { doc, updates } = edits();
    expect(stateCovers(Y.encodeStateAsUpdate(doc), updates)).toBe(true);
    expect(stateCovers(Y.mergeUpdates(updates), updates)).toBe(true);
  });

  it('refuses a state that misses an insertion', () => {
    const { updates } = edits();
    expect(stateCovers(Y.mergeUpdates(updates.slice(0, 1)), updates.slice(0, 2))).toBe(false);
  });

  it('refuses a state that misses a deletion', () => {
    const { updates } = edits();
    expect(stateCovers(Y.mergeUpdates(updates.slice(0, 2)), updates)).toBe(false);
  });

  it('accepts anything for an empty log', () => {
    expect(stateCovers(Y.encodeStateAsUpdate(new Y.Doc()), [])).toBe(true);
  });
});
