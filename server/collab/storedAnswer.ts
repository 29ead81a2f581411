// Opening a long document after a restart: building the room's Y.Doc from the
// stored state takes Yjs a while (a quarter of a second for 100,000 edits),
// and the first readers need not wait for it. They are answered from the
// stored bytes themselves, which Yjs can merge and diff without integrating
// them, and the room is built once their answer is on its way.
import * as Y from 'yjs';
import type { StoredUpdates } from '../store/DocumentStore.js';
import { encodeSyncStep2Of } from './protocol.js';

/** Below this many stored bytes the room is built at once: answering from the store would not be faster. */
export const ANSWER_FROM_STORE_BYTES = 64 * 1024;

/** The state vector of an empty document, as a fresh client sends it. */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}

export function storedBytes(stored: StoredUpdates): number {
  let n = 0;
  for (const u of stored.updates) n += u.length;
  return n;
}

/** The sync step 2 answering a client's step 1 with everything stored that it lacks. */
export function answerFromStore(stored: StoredUpdates, stateVector: Uint8Array): Uint8Array {
  const state = stored.updates.length === 1 ? stored.updates[0] : Y.mergeUpdates(stored.updates);
  return encodeSyncStep2Of(isEmptyStateVector(stateVector) ? state : Y.diffUpdate(state, stateVector));
}
