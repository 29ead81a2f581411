import type Database from 'better-sqlite3';
import { DocumentFrozenError, type DocumentStore, type StoredUpdates, type UpdateEntry } from '../DocumentStore.js';
import { StateRegressionError, stateCovers } from '../stateCoverage.js';

interface PendingAppend {
  documentId: string;
  entries: UpdateEntry[];
  resolve: (lastSeq: number) => void;
  reject: (err: unknown) => void;
}

/** After this long without a commit, a lone append is committed at once (appendNow, or when the current callback ends). */
const QUIET_MS = 5;
/** The document's updated_at is moved at most this often while people type (and always by the first commit after). */
const TOUCH_EVERY_MS = 1_000;

/**
 * The update log in SQLite. Appends made in the same turn of the event loop
 * are committed together in one transaction (group commit), so many typists
 * cost one commit, not one each. When the store has been quiet, an append is
 * committed at the end of the callback that made it (appends made in it, such
 * as the other frames of one socket read, still go together) instead of
 * waiting for the rest of the turn, or at once through appendNow: typing
 * alone is not made to wait for a batch that is not coming.
 */
export class SqliteDocumentStore implements DocumentStore {
  private readonly statements;
  private readonly commitBatch;
  private readonly compactTransaction;
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
  private lastFlushAt = -Infinity;
  /** When each document's updated_at was last moved (by this store). */
  private readonly touchedAt = new Map<string, number>();

  constructor(db: Database.Database, private readonly now: () => number = Date.now) {
    this.statements = {
      insert: db.prepare('INSERT INTO document_updates (document_id, data, user_id, created_at) VALUES (?, ?, ?, ?)'),
      touch: db.prepare('UPDATE documents SET updated_at = ? WHERE id = ?'),
      load: db.prepare<[string], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM document_updates WHERE document_id = ? ORDER BY seq',
      ),
      loadSince: db.prepare<[string, number], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM document_updates WHERE document_id = ? AND seq > ? ORDER BY seq',
      ),
      status: db.prepare<[string], { status: string }>('SELECT status FROM documents WHERE id = ?'),
      deleteThrough: db.prepare('DELETE FROM document_updates WHERE document_id = ? AND seq <= ?'),
      loadThrough: db.prepare<[string, number], { data: Buffer }>(
        'SELECT data FROM document_updates WHERE document_id = ? AND seq <= ? ORDER BY seq',
      ),
      insertWithSeq: db.prepare(
        'INSERT INTO document_updates (seq, document_id, data, user_id, created_at) VALUES (?, ?, ?, NULL, ?)',
      ),
      count: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM document_updates WHERE document_id = ?'),
      clientAuthor: db.prepare('INSERT OR IGNORE INTO client_authors (document_id, client_id, user_id) VALUES (?, ?, ?)'),
      pendingAuthor: db.prepare('INSERT OR IGNORE INTO pending_authors (document_id, user_id) VALUES (?, ?)'),
      pendingDeletes: db.prepare('INSERT INTO pending_deletes (document_id, user_id, deletes) VALUES (?, ?, ?)'),
    };
    this.commitBatch = db.transaction((batch: Array<Pick<PendingAppend, 'documentId' | 'entries'>>) => {
      const at = this.now();
      return batch.map((item): number | DocumentFrozenError => {
        if (this.statements.status.get(item.documentId)?.status === 'approved') return new DocumentFrozenError(item.documentId);
        let seq = 0;
        for (const entry of item.entries) {
          seq = Number(this.statements.insert.run(item.documentId, Buffer.from(entry.update), entry.userId, at).lastInsertRowid);
          if (entry.userId) this.recordAttribution(item.documentId, entry.userId, entry);
        }
        // One page less to write per keystroke: while people type, the list's "last edited" moves once a second.
        if (!(at - (this.touchedAt.get(item.documentId) ?? -Infinity) < TOUCH_EVERY_MS)) {
          this.statements.touch.run(at, item.documentId);
          this.touchedAt.set(item.documentId, at);
        }
        return seq;
      });
    });
    this.compactTransaction = db.transaction((documentId: string, state: Uint8Array, throughSeq: number) => {
      const replaced = this.statements.loadThrough.all(documentId, throughSeq).map((row) => new Uint8Array(row.data));
      if (!stateCovers(state, replaced)) throw new StateRegressionError(documentId);
      this.statements.deleteThrough.run(documentId, throughSeq);
      // The snapshot takes the place of the last entry it replaces, so order is kept.
      this.statements.insertWithSeq.run(throughSeq, documentId, Buffer.from(state), this.now());
    });
  }

  private recordAttribution(documentId: string, userId: string, entry: UpdateEntry): void {
    this.statements.pendingAuthor.run(documentId, userId);
    if (!entry.attribution) return;
    for (const client of entry.attribution.clients) this.statements.clientAuthor.run(documentId, client, userId);
    if (entry.attribution.deletes) this.statements.pendingDeletes.run(documentId, userId, Buffer.from(entry.attribution.deletes));
  }

  append(documentId: string, entries: UpdateEntry[]): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ documentId, entries, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        if (performance.now() - this.lastFlushAt > QUIET_MS) process.nextTick(this.scheduledFlush);
        else setImmediate(this.scheduledFlush);
      }
    });
  }

  appendNow(documentId: string, entries: UpdateEntry[]): number | null {
    if (this.pending.length > 0 || performance.now() - this.lastFlushAt <= QUIET_MS) return null;
    this.lastFlushAt = performance.now();
    const [result] = this.commitBatch([{ documentId, entries }]);
    if (result instanceof DocumentFrozenError) throw result;
    return result;
  }

  private readonly scheduledFlush = (): void => this.flush();

  /** Commits every pending append now. */
  flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    this.lastFlushAt = performance.now();
    let results: (number | DocumentFrozenError)[];
    try {
      results = this.commitBatch(batch);
    } catch (err) {
      for (const item of batch) item.reject(err);
      return;
    }
    batch.forEach((item, i) => {
      const result = results[i];
      if (result instanceof DocumentFrozenError) item.reject(result);
      else item.resolve(result);
    });
  }

  async load(documentId: string): Promise<StoredUpdates> {
    const rows = this.statements.load.all(documentId);
    return {
      updates: rows.map((row) => new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength)),
      lastSeq: rows.length ? rows[rows.length - 1].seq : 0,
    };
  }

  async loadSince(documentId: string, afterSeq: number): Promise<StoredUpdates> {
    const rows = this.statements.loadSince.all(documentId, afterSeq);
    return {
      updates: rows.map((row) => new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength)),
      lastSeq: rows.length ? rows[rows.length - 1].seq : afterSeq,
    };
  }

  async compact(documentId: string, state: Uint8Array, throughSeq: number): Promise<void> {
    this.compactTransaction(documentId, state, throughSeq);
  }

  async count(documentId: string): Promise<number> {
    return this.statements.count.get(documentId)!.n;
  }
}
