import { DocumentFrozenError, type DocumentStore, type QuarantinedEntry, type StoredUpdates, type UpdateEntry } from '../DocumentStore.js';
import { type SetAsideEntry, StateRegressionError, uncoveredEntries } from '../stateCoverage.js';
import type { PoolClient } from 'pg';
import type { PostgresDatabase } from './PostgresDatabase.js';

interface PendingAppend {
  documentId: string;
  entries: UpdateEntry[];
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * The update log in PostgreSQL. Appends made while a commit is in flight are
 * committed together in the next transaction (group commit): under many
 * typists the number of commits stays small and each waits at most one.
 */
export class PostgresDocumentStore implements DocumentStore {
  /** Other instances write to the same log. */
  readonly exclusive = false;
  private pending: PendingAppend[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly db: PostgresDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  append(documentId: string, entries: UpdateEntry[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ documentId, entries, resolve, reject });
      if (!this.flushing) this.flushing = this.flushLoop();
    });
  }

  /** Resolves once every append made so far is committed (or failed). */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flushLoop(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        try {
          const frozen = await this.commit(batch);
          for (const item of batch) {
            if (frozen.has(item.documentId)) item.reject(new DocumentFrozenError(item.documentId));
            else item.resolve();
          }
        } catch (err) {
          for (const item of batch) item.reject(err);
        }
      }
    } finally {
      this.flushing = null;
    }
  }

  /**
   * One transaction, a fixed number of statements whatever the batch holds.
   * The documents' rows are locked first, in id order: two instances
   * committing to the same documents queue up instead of deadlocking, and an
   * approval (which updates the row) waits for this commit, and appends after
   * it see it.
   */
  private commit(batch: PendingAppend[]): Promise<Set<string>> {
    const at = this.now();
    return this.db.transaction(async (client) => {
      const ids = [...new Set(batch.map((item) => item.documentId))].sort();
      const { rows: locked } = await client.query<{ id: string; status: string }>(
        'SELECT id, status FROM documents WHERE id = ANY($1::text[]) ORDER BY id FOR NO KEY UPDATE',
        [ids],
      );
      const frozen = new Set(locked.filter((r) => r.status === 'approved').map((r) => r.id));
      const live = batch.filter((item) => !frozen.has(item.documentId));
      const entries = live.flatMap((item) => item.entries.map((entry) => ({ documentId: item.documentId, entry })));
      // Sequence numbers are drawn in the order of the rows (ORDER BY n): the entries' order.
      await client.query(
        `INSERT INTO document_updates (document_id, data, user_id, created_at)
         SELECT d, u, w, $4 FROM unnest($1::text[], $2::bytea[], $3::text[]) WITH ORDINALITY AS t(d, u, w, n) ORDER BY n`,
        [entries.map((e) => e.documentId), entries.map((e) => Buffer.from(e.entry.update)), entries.map((e) => e.entry.userId), at],
      );
      await this.recordAttribution(client, entries);
      const touched = [...new Set(live.map((item) => item.documentId))];
      if (touched.length > 0) await client.query('UPDATE documents SET updated_at = $1 WHERE id = ANY($2::text[])', [at, touched]);
      return frozen;
    });
  }

  /** Who wrote what (see UpdateEntry.attribution), in three statements. */
  private async recordAttribution(client: PoolClient, entries: { documentId: string; entry: UpdateEntry }[]): Promise<void> {
    const authored = entries.filter((e) => e.entry.userId !== null);
    if (authored.length === 0) return;
    const authors = new Map<string, [string, string]>();
    const clients = new Map<string, [string, number, string]>();
    const deletes: [string, string, Buffer][] = [];
    for (const { documentId, entry } of authored) {
      const userId = entry.userId!;
      authors.set(`${documentId} ${userId}`, [documentId, userId]);
      // the first claim of a client id wins, as with ON CONFLICT DO NOTHING one at a time
      for (const c of entry.attribution?.clients ?? []) if (!clients.has(`${documentId} ${c}`)) clients.set(`${documentId} ${c}`, [documentId, c, userId]);
      if (entry.attribution?.deletes) deletes.push([documentId, userId, Buffer.from(entry.attribution.deletes)]);
    }
    const columns = <T extends unknown[]>(rows: T[], i: number) => rows.map((r) => r[i]);
    const a = [...authors.values()];
    await client.query('INSERT INTO pending_authors (document_id, user_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING', [
      columns(a, 0),
      columns(a, 1),
    ]);
    const c = [...clients.values()];
    if (c.length > 0) {
      await client.query(
        'INSERT INTO client_authors (document_id, client_id, user_id) SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[]) ON CONFLICT DO NOTHING',
        [columns(c, 0), columns(c, 1), columns(c, 2)],
      );
    }
    if (deletes.length > 0) {
      await client.query(
        'INSERT INTO pending_deletes (document_id, user_id, deletes) SELECT d, w, x FROM unnest($1::text[], $2::text[], $3::bytea[]) WITH ORDINALITY AS t(d, w, x, n) ORDER BY n',
        [columns(deletes, 0), columns(deletes, 1), columns(deletes, 2)],
      );
    }
  }

  async load(documentId: string): Promise<StoredUpdates> {
    const { rows } = await this.db.query<{ seq: number; data: Buffer }>('SELECT seq, data FROM document_updates WHERE document_id = $1 ORDER BY seq', [
      documentId,
    ]);
    return {
      updates: rows.map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength)),
      lastSeq: rows.length ? rows[rows.length - 1].seq : 0,
    };
  }

  async loadSince(documentId: string, afterSeq: number): Promise<StoredUpdates> {
    const { rows } = await this.db.query<{ seq: number; data: Buffer }>(
      'SELECT seq, data FROM document_updates WHERE document_id = $1 AND seq > $2 ORDER BY seq',
      [documentId, afterSeq],
    );
    return {
      updates: rows.map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength)),
      lastSeq: rows.length ? rows[rows.length - 1].seq : afterSeq,
    };
  }

  async compact(documentId: string, state: Uint8Array, throughSeq: number, options: { setAside?: boolean } = {}): Promise<SetAsideEntry[]> {
    return this.db.transaction(async (client) => {
      // One compaction of a document at a time, whichever instance runs it.
      await client.query('SELECT id FROM documents WHERE id = $1 FOR UPDATE', [documentId]);
      const { rows } = await client.query<{ seq: string; data: Buffer }>(
        'SELECT seq, data FROM document_updates WHERE document_id = $1 AND seq <= $2 ORDER BY seq',
        [documentId, throughSeq],
      );
      const uncovered = (
        await uncoveredEntries(
          state,
          rows.map((r) => new Uint8Array(r.data)),
          !options.setAside,
        )
      ).map(({ index, reason }) => ({
        seq: Number(rows[index].seq),
        reason,
      }));
      if (uncovered.length > 0 && !options.setAside) throw new StateRegressionError(documentId, uncovered);
      for (const { seq, reason } of uncovered) {
        await client.query(
          `INSERT INTO quarantined_updates (document_id, seq, data, user_id, reason, set_aside_at)
           SELECT document_id, seq, data, user_id, $3, $4 FROM document_updates WHERE document_id = $1 AND seq = $2 ON CONFLICT DO NOTHING`,
          [documentId, seq, reason, this.now()],
        );
      }
      await client.query('DELETE FROM document_updates WHERE document_id = $1 AND seq <= $2', [documentId, throughSeq]);
      await client.query('INSERT INTO document_updates (seq, document_id, data, user_id, created_at) VALUES ($1, $2, $3, NULL, $4)', [
        throughSeq,
        documentId,
        Buffer.from(state),
        this.now(),
      ]);
      return uncovered;
    });
  }

  async quarantined(documentId: string): Promise<QuarantinedEntry[]> {
    const { rows } = await this.db.query<{ seq: string; data: Buffer; user_id: string | null; reason: string; set_aside_at: string }>(
      'SELECT seq, data, user_id, reason, set_aside_at FROM quarantined_updates WHERE document_id = $1 ORDER BY seq',
      [documentId],
    );
    return rows.map((row) => ({
      seq: Number(row.seq),
      update: new Uint8Array(row.data),
      userId: row.user_id,
      reason: row.reason as QuarantinedEntry['reason'],
      setAsideAt: Number(row.set_aside_at),
    }));
  }

  async count(documentId: string): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM document_updates WHERE document_id = $1', [documentId]);
    return rows[0].n;
  }
}
