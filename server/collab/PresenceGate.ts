// What of a connection's presence (awareness) updates a room takes, counts and
// relays. Stock clients send more than their own news: the y-websocket
// provider sends back every presence update it receives, others' included,
// and Tiptap's caret plugin sends its unchanged caret again after every remote
// change while the editor has focus. Neither grows the member's own rate:
// - others' states sent back are skipped unread;
// - an unchanged state is not counted, and relayed only as the renewal that
//   keeps it from timing out at the others (at most every RENEW_MS);
// - what remains, a change to the member's own presence, counts against the
//   connection's presence rate.
// Every state taken is stamped with the sender's account.
import { equalityDeep } from 'lib0/function';
import type { Awareness } from 'y-protocols/awareness';
import { CloseCode } from '../../shared/collab.js';
import { type AwarenessEntry, decodeAwarenessUpdate, stampAwareness } from './awarenessIdentity.js';
import type { Connection } from './Connection.js';
import { LimitError } from './LimitError.js';

/** An unchanged presence is passed on this often, well within y-protocols' 30 s timeout. */
export const RENEW_MS = 10_000;

export class PresenceGate {
  /** Which connection introduced each awareness client id present here. */
  private readonly owners = new Map<number, Connection>();
  /** Awareness client ids of other instances' members: no connection here may speak for them. */
  private readonly remote = new Set<number>();
  /** When each client's state was last passed on. */
  private readonly passedOn = new Map<number, number>();

  constructor(
    private readonly awareness: Awareness,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The entries of `update` to apply (stamped), empty when none: the
   * connection's own clients, changed or due for renewal. Throws LimitError
   * when the connection changes its presence too often.
   */
  admit(connection: Connection, update: Uint8Array): AwarenessEntry[] {
    const entries = decodeAwarenessUpdate(update, (clientId, clock) => this.speaksFor(connection, clientId, clock));
    if (entries.length === 0) return [];
    const stamped = stampAwareness(entries, connection.identity);
    const states = this.awareness.getStates();
    const changed = stamped.filter((entry) => entry.state === null || !equalityDeep(entry.state, states.get(entry.clientId)));
    if (changed.length > 0 && !connection.takeAwarenessUpdate()) throw new LimitError(CloseCode.rateLimited, 'too many presence updates');
    const now = this.now();
    const taken = stamped.filter((entry) => changed.includes(entry) || now - (this.passedOn.get(entry.clientId) ?? 0) >= RENEW_MS);
    for (const entry of stamped) {
      connection.clientIds.add(entry.clientId);
      this.owners.set(entry.clientId, connection);
    }
    for (const entry of taken) this.passedOn.set(entry.clientId, now);
    return taken;
  }

  /**
   * Whether an awareness entry is the connection's own: a client it
   * introduced, or a client nobody here holds with a newer clock than the
   * room has seen (a new member, or one come back). Another connection's
   * client, another instance's, or a state the room already has is someone
   * else's, sent back.
   */
  private speaksFor(connection: Connection, clientId: number, clock: number): boolean {
    if (connection.clientIds.has(clientId)) return true;
    if (this.owners.has(clientId) || this.remote.has(clientId)) return false;
    const known = this.awareness.meta.get(clientId);
    return known === undefined || known.clock < clock;
  }

  /** The connection's clients are gone (it left, or removed them). */
  released(connection: Connection, clientIds: Iterable<number>): void {
    for (const id of clientIds) {
      connection.clientIds.delete(id);
      if (this.owners.get(id) === connection) this.owners.delete(id);
      this.passedOn.delete(id);
    }
  }

  /** Presence from another instance was applied. */
  remoteChanged({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }): void {
    for (const id of added) this.remote.add(id);
    for (const id of updated) this.remote.add(id);
    // Gone from its instance: the member may come back through this one.
    for (const id of removed) this.remote.delete(id);
  }
}
