// The one way a room's changes reach durable storage. Steps are kept in the
// order they arrived; at the end of the turn (timing.ts) everything queued
// goes to the store in one append, and once the store says it is durable the
// batch is released to the room, which applies, relays and acknowledges it
// (Room.release): stored before relayed, acknowledged after stored. Steps
// that arrive while an append is under way (a slow or failing store) go in
// the next one. A failing store keeps the changes here and is tried again.
import type { Logger } from 'pino';
import { DocumentFrozenError, type DocumentStore, type UpdateEntry } from '../store/DocumentStore.js';
import type { AwarenessEntry } from './awarenessIdentity.js';
import type { Connection } from './Connection.js';
import type { ScannedStruct } from './scanUpdate.js';
import { atEndOfTurn, storeRetryDelayMs } from './timing.js';

export type Attribution = NonNullable<UpdateEntry['attribution']>;

/**
 * One step of the write path: a change to store (from a client, or from the
 * server and already applied), only an acknowledgement point (a client's
 * frame with nothing to store), or presence that arrived behind changes (a
 * caret is relayed after the text it points into).
 */
export type Step =
  | { kind: 'client'; update: Uint8Array; from: Connection; frame: number; attribution: Attribution; structs: ScannedStruct[] }
  | { kind: 'server'; update: Uint8Array; userId: string | null; attribution: Attribution }
  | { kind: 'ackOnly'; from: Connection; frame: number }
  | { kind: 'presence'; entries: AwarenessEntry[]; from: Connection };

/** What the pipeline hands back to its room. */
export interface Released {
  /** The batch's changes (`entries`) are durable: apply, relay and acknowledge it, in order. */
  stored(batch: Step[], entries: UpdateEntry[]): void;
  /** The document was approved meanwhile: nothing of the batch was stored. */
  frozen(batch: Step[]): void;
  /** The store failed: presence is not held up by it. */
  presenceNow(step: Extract<Step, { kind: 'presence' }>): void;
}

export class WritePipeline {
  private queue: Step[] = [];
  private running: Promise<void> | null = null;
  private failedAttempts = 0;
  private stopped = false;

  constructor(
    private readonly documentId: string,
    private readonly store: DocumentStore,
    private readonly logger: Logger,
    private readonly released: Released,
    private readonly retryDelayMs: (attempt: number) => number = storeRetryDelayMs,
  ) {}

  /** False while the store refuses writes (the changes are kept and tried again). */
  get healthy(): boolean {
    return this.failedAttempts === 0;
  }

  /** Whether steps are queued or being stored (presence arriving now waits behind them). */
  get busy(): boolean {
    return this.running !== null;
  }

  submit(step: Step): void {
    this.queue.push(step);
    this.start();
  }

  /** Resolves once every step submitted so far is released. */
  async flushed(): Promise<void> {
    while (this.running) await this.running;
  }

  /** No more appends (the room is gone); what is queued stays unstored. */
  stop(): void {
    this.stopped = true;
  }

  private start(): void {
    if (this.running) return;
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.queue.length > 0 && !this.stopped) this.start();
    });
  }

  private async run(): Promise<void> {
    await new Promise<void>((resolve) => atEndOfTurn(resolve));
    while (this.queue.length > 0 && !this.stopped) {
      const batch = this.queue;
      this.queue = [];
      const entries = batch.flatMap(entryOf);
      if (entries.length > 0) {
        try {
          await this.store.append(this.documentId, entries);
        } catch (err) {
          if (err instanceof DocumentFrozenError) {
            this.released.frozen(batch);
            continue;
          }
          await this.failed(batch, err);
          continue;
        }
        this.failedAttempts = 0;
      }
      this.released.stored(batch, entries);
    }
  }

  /** Keeps the changes (and their acknowledgements) back from everyone, and waits before trying again. */
  private async failed(batch: Step[], err: unknown): Promise<void> {
    const waiting = batch.concat(this.queue);
    for (const step of waiting) if (step.kind === 'presence') this.released.presenceNow(step);
    this.queue = waiting.filter((step) => step.kind !== 'presence');
    this.failedAttempts++;
    this.logger.error({ err, documentId: this.documentId, attempt: this.failedAttempts }, 'storing updates failed; retrying');
    await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs(this.failedAttempts)));
  }
}

function entryOf(step: Step): UpdateEntry[] {
  if (step.kind === 'client') return [{ update: step.update, userId: step.from.user.id, attribution: step.attribution }];
  if (step.kind === 'server') return [{ update: step.update, userId: step.userId, attribution: step.attribution }];
  return [];
}
