// Shared set-up for the placement tests (placement.*.test.ts): the door's
// verdict on an update, the oracle it is checked against, and honest changes
// as the editor's binding makes them.
import { updateYFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { mulberry32 } from '../../shared/random.js';
import { BODY_FRAGMENT } from '../../shared/schema.js';
import { editedDoc, randomDoc } from '../../tests/helpers/randomDocs.js';
import { documentProblems } from '../documents/documentProblems.js';
import { checkPlacement } from './placement.js';
import { inspectUpdate } from './protocol.js';
import { checkDeletesKnown, checkUpdateShape, RuleError } from './updateRules.js';

/** The door's verdict on an update for a server whose document is `server`: 'taken' (and applied to it), 'waits', or why it is refused. */
export function verdict(update: Uint8Array, server: Y.Doc): string {
  try {
    const { shape } = inspectUpdate(update);
    checkUpdateShape(shape);
    checkDeletesKnown(shape, server);
    if (checkPlacement(shape, server) === 'waits') return 'waits';
    Y.applyUpdate(server, update);
    return 'taken';
  } catch (err) {
    if (err instanceof RuleError) return err.message;
    throw err;
  }
}

/** What is wrong with a document, read from what Yjs integrated (not from the update): the oracle the door is checked against. */
export const problemsOf = (doc: Y.Doc): string[] => documentProblems(doc).map(({ at, problem }) => `${at}: ${problem}`);

export const clone = (doc: Y.Doc): Y.Doc => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};

/** Honest changes as the editor makes them: the binding's updateYFragment from one random document to the next. */
export function bindingHistory(seed: number, steps: number): Uint8Array[] {
  const rng = mulberry32(seed);
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(BODY_FRAGMENT);
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const meta = { mapping: new Map(), isOMark: new Map() };
  let pm = randomDoc(rng);
  for (let i = 0; i < steps; i++) {
    doc.transact(() => updateYFragment(doc, fragment, pm, meta));
    pm = editedDoc(rng, pm);
  }
  return updates;
}
