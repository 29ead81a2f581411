import type { VersionKind } from '../../../shared/api.js';
import { groupByUser, VERSION_COLUMNS, VERSION_INSERT_COLUMNS, versionFromRow, versionInsertValues, type VersionRow } from '../rows.js';
import { mergeDeletions } from '../deletions.js';
import type { NewVersion, StoredVersion, VersionRecord, VersionStore } from '../VersionStore.js';
import type { PostgresDatabase } from './PostgresDatabase.js';

export class PostgresVersionStore implements VersionStore {
  constructor(private readonly db: PostgresDatabase) {}

  async createVersion(version: NewVersion): Promise<VersionRecord> {
    return this.db.transaction(async (client) => {
      // Lock the document's pending rows so that two instances cannot seal the same authors twice.
      await client.query('SELECT id FROM documents WHERE id = $1 FOR UPDATE', [version.documentId]);
      const authors = (
        await client.query<{ user_id: string }>('SELECT user_id FROM pending_authors WHERE document_id = $1 ORDER BY user_id', [version.documentId])
      ).rows.map((r) => r.user_id);
      const pending = await client.query<{ user_id: string; deletes: Buffer }>(
        'SELECT user_id, deletes FROM pending_deletes WHERE document_id = $1 ORDER BY seq',
        [version.documentId],
      );
      const byUser = groupByUser(pending.rows);
      await client.query(
        `INSERT INTO versions (${VERSION_INSERT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        versionInsertValues(version, authors),
      );
      for (const [userId, deletes] of byUser) {
        await client.query('INSERT INTO version_deletes (version_id, user_id, deletes) VALUES ($1, $2, $3)', [
          version.id,
          userId,
          Buffer.from(mergeDeletions(deletes)),
        ]);
      }
      await client.query('DELETE FROM pending_authors WHERE document_id = $1', [version.documentId]);
      await client.query('DELETE FROM pending_deletes WHERE document_id = $1', [version.documentId]);
      const { state: _state, json: _json, html: _html, text: _text, ...record } = version;
      return { ...record, authors };
    });
  }

  async listVersions(documentId: string, options: { limit: number; before?: string }): Promise<VersionRecord[]> {
    const { rows } = options.before
      ? await this.db.query<VersionRow>(
          `SELECT ${VERSION_COLUMNS} FROM versions
            WHERE document_id = $1 AND (created_at, row_order) < (SELECT created_at, row_order FROM versions WHERE id = $2 AND document_id = $1)
            ORDER BY created_at DESC, row_order DESC LIMIT $3`,
          [documentId, options.before, options.limit],
        )
      : await this.db.query<VersionRow>(`SELECT ${VERSION_COLUMNS} FROM versions WHERE document_id = $1 ORDER BY created_at DESC, row_order DESC LIMIT $2`, [
          documentId,
          options.limit,
        ]);
    return rows.map(versionFromRow);
  }

  async getVersion(documentId: string, versionId: string): Promise<StoredVersion | null> {
    const { rows } = await this.db.query<VersionRow & { state: Buffer; content: string; html: string; text: string }>(
      `SELECT ${VERSION_COLUMNS}, state, content, html, text FROM versions WHERE document_id = $1 AND id = $2`,
      [documentId, versionId],
    );
    const row = rows[0];
    return row ? { ...versionFromRow(row), state: new Uint8Array(row.state), json: row.content, html: row.html, text: row.text } : null;
  }

  async latestVersion(documentId: string, kind: VersionKind): Promise<StoredVersion | null> {
    const { rows } = await this.db.query<{ id: string }>(
      'SELECT id FROM versions WHERE document_id = $1 AND kind = $2 ORDER BY created_at DESC, row_order DESC LIMIT 1',
      [documentId, kind],
    );
    return rows[0] ? this.getVersion(documentId, rows[0].id) : null;
  }

  async pendingAuthors(documentId: string): Promise<string[]> {
    return (await this.db.query<{ user_id: string }>('SELECT user_id FROM pending_authors WHERE document_id = $1 ORDER BY user_id', [documentId])).rows.map(
      (r) => r.user_id,
    );
  }

  async clientAuthors(documentId: string): Promise<Map<number, string>> {
    const { rows } = await this.db.query<{ client_id: number; user_id: string }>('SELECT client_id, user_id FROM client_authors WHERE document_id = $1', [
      documentId,
    ]);
    return new Map(rows.map((r) => [r.client_id, r.user_id]));
  }

  async deletionsBetween(documentId: string, afterCreatedAt: number, untilCreatedAt: number | null): Promise<Map<string, Uint8Array[]>> {
    const sealed = await this.db.query<{ user_id: string; deletes: Buffer }>(
      `SELECT d.user_id, d.deletes FROM version_deletes d JOIN versions v ON v.id = d.version_id
        WHERE v.document_id = $1 AND v.created_at > $2 AND v.created_at <= $3`,
      [documentId, afterCreatedAt, untilCreatedAt ?? Number.MAX_SAFE_INTEGER],
    );
    const byUser = groupByUser(sealed.rows);
    if (untilCreatedAt === null) {
      const pending = await this.db.query<{ user_id: string; deletes: Buffer }>(
        'SELECT user_id, deletes FROM pending_deletes WHERE document_id = $1 ORDER BY seq',
        [documentId],
      );
      groupByUser(pending.rows, byUser);
    }
    return byUser;
  }
}
