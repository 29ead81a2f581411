// Placement: honest changes are taken, and a change that builds on what has not arrived waits.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mulberry32 } from '../../shared/random.js';
import { BODY_FRAGMENT } from '../../shared/schema.js';
import { FuzzEditor } from '../../tests/helpers/fuzzEdits.js';
import { seedState } from '../documents/seed.js';
import { checkPlacement } from './placement.js';
import { bindingHistory, problemsOf, verdict } from './placementTestFixtures.js';
import { inspectUpdate } from './protocol.js';

describe('placement: where each item of a change lands', () => {
  it('takes every change the binding makes between random documents of the schema, and the whole state at once', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const server = new Y.Doc();
      const updates = bindingHistory(seed, 12);
      for (const update of updates) expect(verdict(update, server), `seed ${seed}`).toBe('taken');
      expect(problemsOf(server), `seed ${seed}`).toEqual([]);
      expect(verdict(Y.encodeStateAsUpdate(server), new Y.Doc()), `seed ${seed}`).toBe('taken');
    }
  });

  it('takes random honest editing with undo and redo, and the seeded templates', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const doc = new Y.Doc();
      const server = new Y.Doc();
      const verdicts = new Set<string>();
      doc.on('update', (u: Uint8Array) => verdicts.add(verdict(u, server)));
      const editor = new FuzzEditor(1, doc, mulberry32(seed));
      for (let i = 0; i < 150; i++) editor.edit();
      editor.destroy();
      expect([...verdicts], `seed ${seed}`).toEqual(['taken']);
    }
    for (const template of ['year-end-summary', 'blank'] as const) expect(verdict(seedState(template, '2026年工作总结'), new Y.Doc())).toBe('taken');
  });

  it('lets a change wait while what it builds on has not arrived, and takes it once that has', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const p = new Y.XmlElement('paragraph');
    const t = new Y.XmlText();
    doc.transact(() => {
      doc.getXmlFragment(BODY_FRAGMENT).insert(0, [p]);
      p.insert(0, [t]);
    });
    t.insert(0, '离线');
    t.insert(2, '写的');
    const server = new Y.Doc();
    expect(verdict(updates[2], server)).toBe('waits');
    expect(verdict(updates[1], server)).toBe('waits');
    expect(verdict(updates[0], server)).toBe('taken');
    expect(verdict(Y.mergeUpdates([updates[1], updates[2]]), server)).toBe('taken');
    expect(server.getXmlFragment(BODY_FRAGMENT).toString()).toContain('离线写的');
    // a change staged (taken, not yet applied) counts as arrived
    const later = new Y.Doc();
    Y.applyUpdate(later, updates[0]);
    const staged = inspectUpdate(updates[1]).shape!;
    expect(checkPlacement(inspectUpdate(updates[2]).shape!, later, [staged.structs])).toBe('placed');
  });
});
