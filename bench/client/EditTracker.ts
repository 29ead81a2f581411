// Propagation bookkeeping for one document. Every edit gets an id (its
// sender's Yjs client id and the clock just past it) and a send time; a
// receiver has an edit once its state vector reaches that clock, which the
// transaction's before/after state tells without decoding anything.
import * as Y from 'yjs';
import { SampleBuffer } from '../stats.js';
import { REMOTE, type BenchClient } from './BenchClient.js';

interface SenderLog {
  clockEnd: number[];
  sentAt: number[];
  /** Whether the edit was sent inside the measured window. */
  measured: boolean[];
}

interface Receiver {
  client: BenchClient;
  /** Per sender: index of the first edit not yet received. */
  next: Map<number, number>;
}

export class EditTracker {
  private readonly senders = new Map<number, SenderLog>();
  private readonly receivers: Receiver[] = [];
  /** Edits sent while this is true are measured. */
  measuring = false;
  editsSent = 0;
  editsMeasured = 0;
  deliveries = 0;

  /** Where measured latencies go (swappable, to measure stretch by stretch). */
  constructor(public latencies: SampleBuffer = new SampleBuffer()) {}

  /** The clients attached, i.e. the document's replicas. */
  get members(): BenchClient[] {
    return this.receivers.map((r) => r.client);
  }

  /** Follows what `client` receives. Attach right after it synced; edits sent before that are not expected of it. */
  attach(client: BenchClient): void {
    const receiver: Receiver = { client, next: new Map() };
    for (const [sender, log] of this.senders) receiver.next.set(sender, log.clockEnd.length);
    this.receivers.push(receiver);
    client.doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin !== REMOTE) return;
      const now = performance.now();
      for (const [sender, after] of tr.afterState) {
        if (after === (tr.beforeState.get(sender) ?? 0)) continue;
        const log = this.senders.get(sender);
        if (log) this.receive(receiver, sender, log, after, now);
      }
    });
  }

  /** Records an edit just made (and sent) by `client`. */
  sent(client: BenchClient, sentAt: number): void {
    const sender = client.doc.clientID;
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

  private receive(receiver: Receiver, sender: number, log: SenderLog, clock: number, now: number): void {
    let i = receiver.next.get(sender) ?? log.clockEnd.length;
    while (i < log.clockEnd.length && log.clockEnd[i] <= clock) {
      if (log.measured[i]) this.latencies.push(now - log.sentAt[i]);
      this.deliveries++;
      i++;
    }
    receiver.next.set(sender, i);
  }

  /** Deliveries still missing: (edit, receiver) pairs where the receiver expected the edit. */
  missingDeliveries(): number {
    let missing = 0;
    for (const receiver of this.receivers) {
      for (const [sender, log] of this.senders) {
        if (sender === receiver.client.doc.clientID) continue;
        missing += log.clockEnd.length - (receiver.next.get(sender) ?? log.clockEnd.length);
      }
    }
    return missing;
  }

  /** Edits that at least one receiver that expected them does not have. */
  lostEdits(): number {
    let lost = 0;
    for (const [sender, log] of this.senders) {
      let firstMissing = log.clockEnd.length;
      for (const receiver of this.receivers) {
        if (sender === receiver.client.doc.clientID) continue;
        firstMissing = Math.min(firstMissing, receiver.next.get(sender) ?? log.clockEnd.length);
      }
      lost += log.clockEnd.length - firstMissing;
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
