// A room's view of its document's stored log: how large it is (for the size
// limit), how far the room has read it (catching up on what other instances
// stored), and when to replace it by one snapshot (compaction, in a pause of
// the typing).
import type { Logger } from 'pino';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/collab.js';
import type { DocumentStore, StoredUpdates } from '../store/DocumentStore.js';
import { StateRegressionError } from '../store/stateCoverage.js';
import { LimitError } from './LimitError.js';
import { storedBytes } from './storedAnswer.js';
import { COMPACT_ANYWAY_FACTOR, COMPACT_WHEN_IDLE_MS } from './timing.js';

/** Transaction origins of changes read from the log. */
export const LogOrigin = {
  /** Replaying the stored log at load: neither stored again nor relayed. */
  load: Symbol('load'),
  /** A change another instance stored, or one read back from the log: relayed to this instance's clients only. */
  remote: Symbol('remote'),
} as const;

export interface RoomLogOptions {
  documentId: string;
  doc: Y.Doc;
  store: DocumentStore;
  logger: Logger;
  compactAfterUpdates: number;
  /** The pause in changes compaction waits for. */
  compactWhenIdleMs?: number;
  /** The stored state may not grow past this. */
  maxDocumentBytes: number;
  /** Resolves once every change received so far is stored (the room's write pipeline). */
  flushed: () => Promise<void>;
}

export class RoomLog {
  /** Every log entry up to this sequence number is in the doc (read at load or caught up since). */
  private syncedSeq: number;
  private entriesSinceCompaction: number;
  /** Bytes of the stored log (an upper bound of the document's size), for the size limit. */
  private bytes: number;
  /** Stored entries Yjs could not read (at load or when catching up): a compaction may set them aside. */
  private unreadableEntries = 0;
  private catchingUp: Promise<void> | null = null;
  private compacting: Promise<void> | null = null;
  private compactTimer: ReturnType<typeof setTimeout> | null = null;
  /** When the last change was stored (Date.now()): compaction waits for a pause after it. */
  private lastChangeAt = 0;
  private closed = false;

  constructor(
    private readonly options: RoomLogOptions,
    stored: StoredUpdates,
  ) {
    this.syncedSeq = stored.lastSeq;
    this.entriesSinceCompaction = stored.updates.length;
    this.bytes = storedBytes(stored);
    this.applyAll(stored.updates, LogOrigin.load);
  }

  /** Counts a change about to be stored against the size limit (LimitError past it). */
  reserve(bytes: number, enforce = true): void {
    if (enforce && this.bytes + bytes > this.options.maxDocumentBytes) throw new LimitError(CloseCode.documentTooLarge, 'document size limit reached');
    this.bytes += bytes;
  }

  /** Entries were stored: a compaction follows in the next pause. */
  stored(entries: number): void {
    this.entriesSinceCompaction += entries;
    this.compactWhenIdle();
  }

  /** Applies stored updates in one transaction, skipping (and counting) those Yjs cannot read. */
  private applyAll(updates: Uint8Array[], origin: symbol): void {
    const { doc, logger, documentId } = this.options;
    Y.transact(
      doc,
      () => {
        for (const update of updates) {
          try {
            Y.applyUpdate(doc, update, origin);
          } catch (err) {
            // One bad entry must not make the whole document unloadable.
            this.unreadableEntries++;
            logger.error({ err, documentId }, 'skipped an unreadable stored update');
          }
        }
      },
      origin,
    );
  }

  /**
   * Compaction encodes the whole document and checks the snapshot against
   * every entry it replaces: it waits for a pause in the typing (edits arriving
   * meanwhile would wait behind it), unless the log has grown far past the
   * threshold without one.
   */
  compactWhenIdle(): void {
    const threshold = this.options.compactAfterUpdates;
    if (this.entriesSinceCompaction < threshold || this.closed) return;
    if (this.entriesSinceCompaction >= threshold * COMPACT_ANYWAY_FACTOR) {
      void this.compact();
      return;
    }
    // One timer for the whole burst, not one per keystroke: when it fires it
    // looks at the last change and waits out the rest of the pause.
    this.lastChangeAt = Date.now();
    if (!this.compactTimer) this.compactAfter(this.pauseMs);
  }

  private get pauseMs(): number {
    return this.options.compactWhenIdleMs ?? COMPACT_WHEN_IDLE_MS;
  }

  private compactAfter(delayMs: number): void {
    this.compactTimer = setTimeout(() => {
      this.compactTimer = null;
      if (this.closed) return;
      const quietFor = Date.now() - this.lastChangeAt;
      if (quietFor < this.pauseMs) this.compactAfter(this.pauseMs - quietFor);
      else void this.compact();
    }, delayMs);
    this.compactTimer.unref?.();
  }

  /** Replaces the stored log with one snapshot of the current state. */
  compact(): Promise<void> {
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = null;
    if (this.compacting) return this.compacting;
    this.compacting = (async () => {
      await this.options.flushed();
      const { store, doc, logger, documentId } = this.options;
      // The snapshot must hold every entry it replaces, other instances' included. A store
      // of this process alone holds nothing the doc lacks (reading the log back into it
      // would apply thousands of updates in one go, while people type).
      if (!store.exclusive) await this.catchUp();
      if (this.closed || this.entriesSinceCompaction <= 1) return;
      const through = store.exclusive ? Number.MAX_SAFE_INTEGER : this.syncedSeq;
      const counted = this.entriesSinceCompaction;
      try {
        const snapshot = Y.encodeStateAsUpdate(doc);
        const before = this.bytes;
        await this.compactInto(snapshot, through);
        this.entriesSinceCompaction -= counted - 1;
        this.bytes = snapshot.length + Math.max(0, this.bytes - before);
      } catch (err) {
        logger.error({ err, documentId }, 'compaction failed; the log stays as it is');
      }
    })().finally(() => {
      this.compacting = null;
    });
    return this.compacting;
  }

  /**
   * Replaces the log through `through` by the snapshot. Entries it cannot
   * hold although the doc has read them all (Yjs could not read them, or
   * waits for what nobody stored) would block every compaction for good:
   * they are set aside in the document's quarantine, with a line for the
   * operator, and the rest compacted. (The snapshot keeps what waits.)
   */
  private async compactInto(snapshot: Uint8Array, through: number): Promise<void> {
    const { store, logger, doc, documentId } = this.options;
    try {
      await store.compact(documentId, snapshot, through);
    } catch (err) {
      const explained = this.unreadableEntries > 0 || doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
      if (!(err instanceof StateRegressionError) || !explained) throw err;
      const setAside = await store.compact(documentId, snapshot, through, { setAside: true });
      this.unreadableEntries = 0;
      logger.warn(
        { documentId, entries: setAside },
        'set aside stored updates the document cannot take in (kept in quarantined_updates; `npm run check-data` lists them)',
      );
    }
  }

  /**
   * Reads the log entries the room has not read yet (other instances'
   * changes it may have missed, and its own) and applies them: after it, the
   * doc holds everything stored.
   */
  catchUp(): Promise<void> {
    if (this.catchingUp) return this.catchingUp;
    this.catchingUp = (async () => {
      if (this.closed) return;
      const fresh = await this.options.store.loadSince(this.options.documentId, this.syncedSeq);
      if (this.closed || fresh.updates.length === 0) return;
      this.applyAll(fresh.updates, LogOrigin.remote);
      this.syncedSeq = Math.max(this.syncedSeq, fresh.lastSeq);
    })().finally(() => {
      this.catchingUp = null;
    });
    return this.catchingUp;
  }

  /** Waits for a compaction under way, and schedules no more. */
  async close(): Promise<void> {
    if (this.compacting) await this.compacting;
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.closed = true;
  }
}
