// Rewrites a client's awareness update so that every state it carries shows
// the account of the connection that sent it, and drops entries for client
// ids that belong to another connection: nobody can appear as, or remove,
// someone else.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { equalityDeep } from 'lib0/function';
import { ProtocolError } from './protocol.js';

export interface AwarenessIdentity {
  username: string;
  name: string;
  color: string;
}

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

/**
 * Decodes an awareness update. `keep` sees each entry's client id and clock
 * first: entries it declines are skipped without parsing their state (a
 * stock client echoes every presence update it receives, so most entries a
 * busy room gets are others' states sent back).
 */
export function decodeAwarenessUpdate(update: Uint8Array, keep: (clientId: number, clock: number) => boolean = () => true): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  try {
    const count = decoding.readVarUint(decoder);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      if (!keep(clientId, clock)) {
        decoding.readVarUint8Array(decoder); // the state's JSON, unread
        continue;
      }
      const state = JSON.parse(decoding.readVarString(decoder)) as unknown;
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) throw new ProtocolError('awareness state is not an object');
      entries.push({ clientId, clock, state: state as Record<string, unknown> | null });
    }
    if (decoder.pos !== update.length) throw new ProtocolError('malformed awareness update');
    return entries;
  } catch (err) {
    if (err instanceof ProtocolError) throw err;
    throw new ProtocolError('malformed awareness update');
  }
}

export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

/** Stamps the connection's identity on every state it sends (a removal stays a removal). */
export function stampAwareness(entries: AwarenessEntry[], identity: AwarenessIdentity): AwarenessEntry[] {
  return entries.map((entry) => (entry.state === null ? entry : { ...entry, state: { ...entry.state, user: { ...identity } } }));
}

/** The smallest part of y-protocols' Awareness that applying entries needs. */
interface AwarenessLike {
  clientID: number;
  states: Map<number, Record<string, unknown>>;
  meta: Map<number, { clock: number; lastUpdated: number }>;
  getLocalState(): Record<string, unknown> | null;
  emit(name: string, args: unknown[]): void;
}

/**
 * y-protocols' applyAwarenessUpdate for entries already decoded (and
 * stamped): the same clock rules and the same 'change' and 'update' events,
 * without parsing every state's JSON a second time.
 */
export function applyAwarenessEntries(awareness: AwarenessLike, entries: readonly AwarenessEntry[], origin: unknown): void {
  const timestamp = Date.now();
  const added: number[] = [];
  const updated: number[] = [];
  const filteredUpdated: number[] = [];
  const removed: number[] = [];
  for (const { clientId, state, clock: sentClock } of entries) {
    let clock = sentClock;
    const clientMeta = awareness.meta.get(clientId);
    const prevState = awareness.states.get(clientId);
    const currClock = clientMeta === undefined ? 0 : clientMeta.clock;
    if (!(currClock < clock || (currClock === clock && state === null && awareness.states.has(clientId)))) continue;
    if (state === null) {
      // A remote client may not remove the local state (the server keeps none, but the rule is y-protocols').
      if (clientId === awareness.clientID && awareness.getLocalState() != null) clock++;
      else awareness.states.delete(clientId);
    } else {
      awareness.states.set(clientId, state);
    }
    awareness.meta.set(clientId, { clock, lastUpdated: timestamp });
    if (clientMeta === undefined && state !== null) added.push(clientId);
    else if (clientMeta !== undefined && state === null) removed.push(clientId);
    else if (state !== null) {
      if (!equalityDeep(state, prevState)) filteredUpdated.push(clientId);
      updated.push(clientId);
    }
  }
  if (added.length > 0 || filteredUpdated.length > 0 || removed.length > 0) {
    awareness.emit('change', [{ added, updated: filteredUpdated, removed }, origin]);
  }
  if (added.length > 0 || updated.length > 0 || removed.length > 0) {
    awareness.emit('update', [{ added, updated, removed }, origin]);
  }
}
