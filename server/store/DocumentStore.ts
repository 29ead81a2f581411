import type { SetAsideEntry } from './stateCoverage.js';

/** One entry appended to a document's update log. */
export interface UpdateEntry {
  update: Uint8Array;
  /** The account whose connection sent it (or who asked the server to make it); null for none. */
  userId: string | null;
  /**
   * Who wrote what, for versions' authors and the compare view: the Yjs client
   * ids the update inserts for (they become the user's), and what it deletes
   * (a snapshot with an empty state vector).
   */
  attribution?: { clients: number[]; deletes: Uint8Array | null };
}

export interface StoredUpdates {
  updates: Uint8Array[];
  /** Sequence number of the last entry, 0 when the log is empty. */
  lastSeq: number;
}

/**
 * The append-only log of Yjs updates of every document, with compaction.
 * `append` is the one way changes reach durable storage; how each store makes
 * them durable (a journal record, a group commit) is its own business.
 */
export interface DocumentStore {
  /**
   * True when this process is the log's only writer (SQLite): a loaded room's
   * document then holds every stored entry, as they all came through it, and
   * compacting need not read the log back into it first. False when other
   * instances write to the same log (PostgreSQL).
   */
  readonly exclusive: boolean;
  /**
   * Appends in order and resolves once the entries are durable: after it,
   * they survive the process being killed, and later appends and reads come
   * after them. Appends made together may be committed together. An approved
   * document takes nothing: the append rejects with DocumentFrozenError,
   * checked against the stored status, so that no server instance can slip a
   * change in after the freeze.
   */
  append(documentId: string, entries: UpdateEntry[]): Promise<void>;
  load(documentId: string): Promise<StoredUpdates>;
  /** The entries after `afterSeq` (a snapshot that replaced later entries included); lastSeq is afterSeq when none. */
  loadSince(documentId: string, afterSeq: number): Promise<StoredUpdates>;
  /**
   * Replaces every entry up to and including `throughSeq` with one entry
   * holding `state`, which must contain all of them: when it does not, nothing
   * changes and StateRegressionError is thrown, naming the entries it lacks.
   * With `setAside`, those entries (unreadable ones, or ones Yjs can never
   * integrate) are instead moved into the document's quarantine, in the same
   * transaction, and returned: kept, never loaded, for an operator to look at
   * (npm run check-data). Later entries stay. The snapshot takes the place of
   * the last entry it replaces; an exclusive store takes
   * Number.MAX_SAFE_INTEGER as "every entry there is now".
   */
  compact(documentId: string, state: Uint8Array, throughSeq: number, options?: { setAside?: boolean }): Promise<SetAsideEntry[]>;
  /** The entries compactions set aside for the document, oldest first. */
  quarantined(documentId: string): Promise<QuarantinedEntry[]>;
  /** Number of entries in the log (for deciding when to compact). */
  count(documentId: string): Promise<number>;
}

/** An entry a compaction set aside (DocumentStore.compact). */
export interface QuarantinedEntry extends SetAsideEntry {
  update: Uint8Array;
  userId: string | null;
  /** When it was set aside (ms since the epoch). */
  setAsideAt: number;
}

/** The document is approved: its log takes no more entries until it is reopened. */
export class DocumentFrozenError extends Error {
  constructor(readonly documentId: string) {
    super(`document ${documentId} is approved and takes no changes`);
    this.name = 'DocumentFrozenError';
  }
}
