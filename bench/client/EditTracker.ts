// Propagation bookkeeping for one document. Every edit gets an id (its
// sender's Yjs client id and the clock just past it) and a send time; a
// receiver has an edit once an update reaching that clock has arrived and
// everything of the sender's before it had (Yjs holds an update back until
// the gap before it is filled, and so does this). The update's range is read
// from its header (`Y.parseUpdateMeta`) as the frame arrives: the receiving
// client integrates it later (BenchClient.deferRemote), or has just
// integrated it (StockPeer). Whether the edits were really integrated is
// checked on the replicas themselves at the end (lostEdits).
import * as Y from 'yjs';
import { SampleBuffer } from '../stats.js';
import type { RemoteUpdateListener } from './BenchClient.js';

/** What the tracker needs of a replica: a light BenchClient, or a StockPeer (a stock WebsocketProvider). */
export interface Replica {
  readonly clientID: number;
  /** The replica's document, with everything received so far integrated. */
  readonly doc: Y.Doc;
  /** The replica's clock for `client`, not counting the updates handed to the listener and not integrated before it. */
  integratedClock(client: number): number;
  /** From now on, every update from the server is handed to `listener` with when it arrived (or was integrated). */
  deferRemote(listener: RemoteUpdateListener): void;
}

interface SenderLog {
  clockEnd: number[];
  sentAt: number[];
  /** Whether the edit was sent inside the measured window. */
  measured: boolean[];
}

interface Receiver {
  client: Replica;
  /** Per sender: index of the first edit not yet received. */
  next: Map<number, number>;
  /** Per sender: the clock up to which the receiver has everything (what its state vector will say). */
  has: Map<number, number>;
  /** Updates that arrived before an earlier one of their sender: received once the gap is filled. */
  held: Array<{ sender: number; from: number; to: number }>;
}

export class EditTracker {
  private readonly senders = new Map<number, SenderLog>();
  private readonly receivers: Receiver[] = [];
  /** Edits sent while this is true are measured. */
  measuring = false;
  editsSent = 0;
  editsMeasured = 0;
  deliveries = 0;
  /** Updates that arrived before an earlier update of their sender (relayed out of order; none expected). */
  heldBack = 0;

  /** Where measured latencies go (swappable, to measure stretch by stretch). */
  constructor(public latencies: SampleBuffer = new SampleBuffer()) {}

  /** The clients attached, i.e. the document's replicas. */
  get members(): Replica[] {
    return this.receivers.map((r) => r.client);
  }

  /** Follows what `client` receives. Attach right after it synced; edits sent before that are not expected of it. */
  attach(client: Replica): void {
    const receiver: Receiver = { client, next: new Map(), has: new Map(), held: [] };
    for (const [sender, log] of this.senders) receiver.next.set(sender, log.clockEnd.length);
    this.receivers.push(receiver);
    client.deferRemote((update, arrivedAt) => this.arrived(receiver, update, arrivedAt));
  }

  /** Records an edit just made (and sent) by `client`. */
  sent(client: Replica, sentAt: number): void {
    const sender = client.clientID;
    let log = this.senders.get(sender);
    if (!log) {
      log = { clockEnd: [], sentAt: [], measured: [] };
      this.senders.set(sender, log);
      // Receivers attached before the sender's first edit expect all of it.
      for (const receiver of this.receivers) if (!receiver.next.has(sender)) receiver.next.set(sender, 0);
    }
    log.clockEnd.push(Y.getState(client.doc.store, sender));
    log.sentAt.push(sentAt);
    log.measured.push(this.measuring);
    this.editsSent++;
    if (this.measuring) this.editsMeasured++;
  }

  private arrived(receiver: Receiver, update: Uint8Array, at: number): void {
    const { from, to } = Y.parseUpdateMeta(update);
    const own = receiver.client.clientID;
    for (const [sender, end] of to) {
      // A server that relays to every member sends the sender its own edit back: not a delivery.
      if (sender === own) continue;
      const start = from.get(sender) ?? 0;
      if (start > this.clockOf(receiver, sender)) {
        receiver.held.push({ sender, from: start, to: end });
        this.heldBack++;
      } else {
        this.advance(receiver, sender, end, at);
      }
    }
    // Whatever was held back and now follows on.
    for (let released = true; released && receiver.held.length > 0;) {
      released = false;
      for (let i = 0; i < receiver.held.length; i++) {
        const held = receiver.held[i];
        if (held.from > this.clockOf(receiver, held.sender)) continue;
        receiver.held.splice(i--, 1);
        this.advance(receiver, held.sender, held.to, at);
        released = true;
      }
    }
  }

  private clockOf(receiver: Receiver, sender: number): number {
    let clock = receiver.has.get(sender);
    if (clock === undefined) {
      // First of this sender's updates to arrive: nothing of it is deferred yet, so the replica's own clock.
      clock = receiver.client.integratedClock(sender);
      receiver.has.set(sender, clock);
    }
    return clock;
  }

  private advance(receiver: Receiver, sender: number, clock: number, now: number): void {
    if (clock <= this.clockOf(receiver, sender)) return;
    receiver.has.set(sender, clock);
    const log = this.senders.get(sender);
    if (!log) return;
    let i = receiver.next.get(sender) ?? log.clockEnd.length;
    while (i < log.clockEnd.length && log.clockEnd[i] <= clock) {
      if (log.measured[i]) this.latencies.push(now - log.sentAt[i]);
      this.deliveries++;
      i++;
    }
    receiver.next.set(sender, i);
  }

  /**
   * Deliveries still missing: (edit, receiver) pairs where the receiver expected the edit; receivers for
   * which `gone` holds (closed for good: nothing more will reach them) left out.
   */
  missingDeliveries(gone: (replica: Replica) => boolean = () => false): number {
    let missing = 0;
    for (const receiver of this.receivers) {
      if (gone(receiver.client)) continue;
      for (const [sender, log] of this.senders) {
        if (sender === receiver.client.clientID) continue;
        missing += log.clockEnd.length - (receiver.next.get(sender) ?? log.clockEnd.length);
      }
    }
    return missing;
  }

  /** Edits that at least one replica that expected them has not integrated (read from the replicas themselves). */
  lostEdits(): number {
    let lost = 0;
    for (const [sender, log] of this.senders) {
      let lastIntegrated = Infinity;
      for (const receiver of this.receivers) {
        if (sender === receiver.client.clientID) continue;
        lastIntegrated = Math.min(lastIntegrated, Y.getState(receiver.client.doc.store, sender));
      }
      if (lastIntegrated === Infinity) continue;
      lost += log.clockEnd.filter((clockEnd) => clockEnd > lastIntegrated).length;
    }
    return lost;
  }

  /** Whether every sender's final clock is in `doc` (a fresh replica loaded from the server). */
  containsAll(doc: Y.Doc): boolean {
    for (const [sender, log] of this.senders) {
      const last = log.clockEnd[log.clockEnd.length - 1];
      if (last !== undefined && Y.getState(doc.store, sender) < last) return false;
    }
    return true;
  }
}
