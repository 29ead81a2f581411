// Whose name a client's change is written in. Yjs clients forward what they
// hold: a provider reconnecting, or loading its IndexedDB copy, sends every
// struct the server's state vector does not cover, and an update made from a
// whole local copy carries everyone's structs. Structs the server already has
// change nothing and are nobody's claim. New structs become the sender's when
// their client id is the sender's or nobody's yet; new structs under another
// member's client id are not the sender's to write (they would take that
// member's place in the document and its history), so they are left out of
// what is stored: their author's own connection delivers them.
import * as Y from 'yjs';
import { inspectUpdate, type UpdateAttribution } from './protocol.js';

export interface AdmittedUpdate {
  /** What to store and relay; null when nothing is left. */
  update: Uint8Array | null;
  /** The client ids that are now the sender's, and what the update deletes. */
  attribution: Pick<UpdateAttribution, 'clients' | 'deletes'>;
  /** Client ids of other members whose new structs were left out. */
  foreign: number[];
}

/** Far past any clock: a state vector entry that covers every struct of a client. */
const EVERY_CLOCK = 2 ** 52;

/**
 * Decides what of `update` the account `senderId` may store, given which
 * account each client id belongs to (`authors`) and what the document holds;
 * records the sender's new client ids in `authors`.
 */
export function admitUpdate(update: Uint8Array, attribution: UpdateAttribution, senderId: string, authors: Map<number, string>, doc: Y.Doc): AdmittedUpdate {
  const unclaimed = attribution.clients.filter((client) => authors.get(client) !== senderId);
  // Every keystroke but a member's first: all of it under the sender's own client id.
  if (unclaimed.length === 0) return { update, attribution, foreign: [] };
  const ends = Y.parseUpdateMeta(update).to;
  const fresh = unclaimed.filter((client) => (ends.get(client) ?? 0) > Y.getState(doc.store, client));
  const foreign = fresh.filter((client) => authors.has(client));
  const clients = attribution.clients.filter((client) => authors.get(client) === senderId || (fresh.includes(client) && !authors.has(client)));
  for (const client of clients) authors.set(client, senderId);
  if (foreign.length === 0) return { update, attribution: { clients, deletes: attribution.deletes }, foreign };
  const kept = Y.diffUpdate(update, Y.encodeStateVector(new Map(foreign.map((client) => [client, EVERY_CLOCK]))));
  const rest = inspectUpdate(kept);
  return { update: rest.empty ? null : kept, attribution: { clients, deletes: rest.deletes }, foreign };
}
