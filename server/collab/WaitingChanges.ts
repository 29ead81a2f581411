// Changes a connection sent that cannot be placed yet (placement.ts): they
// depend on changes the document does not have, most often the sender's own
// offline edits, which its sync step 2 brings a moment later. Held here, per
// connection and unacknowledged, instead of entering Yjs unchecked; what the
// connection sends next is merged in, and they are checked again whenever
// the document changes. Bounded: a connection waiting on more than
// MAX_WAITING_BYTES is refused.
import type { Connection } from './Connection.js';
import type { UpdateAttribution } from './protocol.js';
import { RuleError } from './updateRules.js';

export const MAX_WAITING_BYTES = 4 * 1024 * 1024;

export interface WaitingChange {
  update: Uint8Array;
  attribution: UpdateAttribution;
  /** The connection's last update frame merged into it: acknowledged once it is stored. */
  frame: number;
}

export class WaitingChanges {
  private readonly waiting = new Map<Connection, WaitingChange>();

  get size(): number {
    return this.waiting.size;
  }

  /** Takes the connection's waiting change out, if it has one. */
  take(connection: Connection): WaitingChange | null {
    const change = this.waiting.get(connection) ?? null;
    this.waiting.delete(connection);
    return change;
  }

  hold(connection: Connection, change: WaitingChange): void {
    if (change.update.length > MAX_WAITING_BYTES) throw new RuleError('depends on changes nobody sent');
    this.waiting.set(connection, change);
  }

  /** Notes a later frame of the connection with nothing to store, acknowledged with the waiting change. */
  extend(connection: Connection, frame: number): boolean {
    const change = this.waiting.get(connection);
    if (change) change.frame = frame;
    return change !== undefined;
  }

  drop(connection: Connection): void {
    this.waiting.delete(connection);
  }

  connections(): Connection[] {
    return [...this.waiting.keys()];
  }
}
