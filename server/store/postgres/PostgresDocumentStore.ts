import { DocumentFrozenError, type DocumentStore, type StoredUpdates, type UpdateEntry } from '../DocumentStore.js';
import { StateRegressionError, stateCovers } from '../stateCoverage.js';
import type { PostgresDatabase } from './PostgresDatabase.js';

interface PendingAppend {
  documentId: string;
  entries: UpdateEntry[];
  resolve: (lastSeq: number) => void;
  reject: (err: unknown) => void;
}

/**
 * The update log in PostgreSQL. Appends made while a commit is in flight are
 * committed together in the next transaction (group commit): under many
 * typists the number of commits stays small and each waits at most one.
 */
export class PostgresDocumentStore implements DocumentStore {
  private pending: PendingAppend[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly db: PostgresDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  append(documentId: string, entries: UpdateEntry[]): Promise<number> {
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
          const results = await this.commit(batch);
          batch.forEach((item, i) => {
            const result = results[i];
            if (result instanceof DocumentFrozenError) item.reject(result);
            else item.resolve(result);
          });
        } catch (err) {
          for (const item of batch) item.reject(err);
        }
      }
    } finally {
      this.flushing = null;
    }
  }

  private commit(batch: PendingAppend[]): Promise<(number | DocumentFrozenError)[]> {
    const at = this.now();
    return this.db.transaction(async (client) => {
      const seqs: (number | DocumentFrozenError)[] = [];
      const touched = new Set<string>();
      const frozen = new Map<string, boolean>();
      for (const item of batch) {
        // FOR SHARE: an approval (which updates the row) waits for this commit, and appends after it see it.
        if (!frozen.has(item.documentId)) {
          const { rows } = await client.query<{ status: string }>('SELECT status FROM documents WHERE id = $1 FOR SHARE', [item.documentId]);
          frozen.set(item.documentId, rows[0]?.status === 'approved');
        }
        if (frozen.get(item.documentId)) {
          seqs.push(new DocumentFrozenError(item.documentId));
          continue;
        }
        let seq = 0;
        for (const entry of item.entries) {
          const { rows } = await client.query<{ seq: number }>(
            'INSERT INTO document_updates (document_id, data, user_id, created_at) VALUES ($1, $2, $3, $4) RETURNING seq',
            [item.documentId, Buffer.from(entry.update), entry.userId, at],
          );
          seq = rows[0].seq;
          if (entry.userId) {
            await client.query('INSERT INTO pending_authors (document_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [item.documentId, entry.userId]);
            for (const c of entry.attribution?.clients ?? []) {
              await client.query('INSERT INTO client_authors (document_id, client_id, user_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
                item.documentId,
                c,
                entry.userId,
              ]);
            }
            if (entry.attribution?.deletes) {
              await client.query('INSERT INTO pending_deletes (document_id, user_id, deletes) VALUES ($1, $2, $3)', [
                item.documentId,
                entry.userId,
                Buffer.from(entry.attribution.deletes),
              ]);
            }
          }
        }
        if (!touched.has(item.documentId)) {
          touched.add(item.documentId);
          await client.query('UPDATE documents SET updated_at = $1 WHERE id = $2', [at, item.documentId]);
        }
        seqs.push(seq);
      }
      return seqs;
    });
  }

  async load(documentId: string): Promise<StoredUpdates> {
    const { rows } = await this.db.query<{ seq: number; data: Buffer }>('SELECT seq, data FROM document_updates WHERE document_id = $1 ORDER BY seq', [documentId]);
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

  async compact(documentId: string, state: Uint8Array, throughSeq: number): Promise<void> {
    await this.db.transaction(async (client) => {
      // One compaction of a document at a time, whichever instance runs it.
      await client.query('SELECT id FROM documents WHERE id = $1 FOR UPDATE', [documentId]);
      const { rows } = await client.query<{ data: Buffer }>('SELECT data FROM document_updates WHERE document_id = $1 AND seq <= $2 ORDER BY seq', [
        documentId,
        throughSeq,
      ]);
      if (!stateCovers(state, rows.map((r) => new Uint8Array(r.data)))) throw new StateRegressionError(documentId);
      await client.query('DELETE FROM document_updates WHERE document_id = $1 AND seq <= $2', [documentId, throughSeq]);
      await client.query('INSERT INTO document_updates (seq, document_id, data, user_id, created_at) VALUES ($1, $2, $3, NULL, $4)', [
        throughSeq,
        documentId,
        Buffer.from(state),
        this.now(),
      ]);
    });
  }

  async count(documentId: string): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM document_updates WHERE document_id = $1', [documentId]);
    return rows[0].n;
  }
}
