import type Database from 'better-sqlite3';
import type { VersionKind } from '../../../shared/api.js';
import { groupByUser, VERSION_COLUMNS, VERSION_INSERT_COLUMNS, versionFromRow, versionInsertValues, type VersionRow } from '../rows.js';
import { mergeDeletions } from '../deletions.js';
import type { NewVersion, StoredVersion, VersionRecord, VersionStore } from '../VersionStore.js';

export class SqliteVersionStore implements VersionStore {
  private readonly statements;
  private readonly createTransaction;

  constructor(
    db: Database.Database,
    /** Brings the document log's attribution up to date first (the edit journal is taken in). */
    private readonly beforeRead: () => void = () => {},
    /** Told once a version has sealed (deleted) a document's pending authors. */
    private readonly authorsSealed: (documentId: string) => void = () => {},
  ) {
    this.statements = {
      insert: db.prepare(`INSERT INTO versions (${VERSION_INSERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      pendingAuthors: db.prepare<[string], { user_id: string }>('SELECT user_id FROM pending_authors WHERE document_id = ? ORDER BY user_id'),
      pendingDeletes: db.prepare<[string], { user_id: string; deletes: Buffer }>(
        'SELECT user_id, deletes FROM pending_deletes WHERE document_id = ? ORDER BY seq',
      ),
      insertDeletes: db.prepare('INSERT INTO version_deletes (version_id, user_id, deletes) VALUES (?, ?, ?)'),
      clearAuthors: db.prepare('DELETE FROM pending_authors WHERE document_id = ?'),
      clearDeletes: db.prepare('DELETE FROM pending_deletes WHERE document_id = ?'),
      list: db.prepare<[string, number], VersionRow>(
        `SELECT ${VERSION_COLUMNS} FROM versions WHERE document_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?`,
      ),
      listBefore: db.prepare<[string, string, string, number], VersionRow>(
        `SELECT ${VERSION_COLUMNS} FROM versions
          WHERE document_id = ?
            AND (created_at, rowid) < (SELECT created_at, rowid FROM versions WHERE id = ? AND document_id = ?)
          ORDER BY created_at DESC, rowid DESC LIMIT ?`,
      ),
      get: db.prepare<[string, string], VersionRow & { state: Buffer; content: string; html: string; text: string }>(
        `SELECT ${VERSION_COLUMNS}, state, content, html, text FROM versions WHERE document_id = ? AND id = ?`,
      ),
      latestOfKind: db.prepare<[string, string], { id: string }>(
        'SELECT id FROM versions WHERE document_id = ? AND kind = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
      ),
      clientAuthors: db.prepare<[string], { client_id: number; user_id: string }>('SELECT client_id, user_id FROM client_authors WHERE document_id = ?'),
      deletionsBetween: db.prepare<[string, number, number], { user_id: string; deletes: Buffer }>(
        `SELECT d.user_id, d.deletes FROM version_deletes d JOIN versions v ON v.id = d.version_id
          WHERE v.document_id = ? AND v.created_at > ? AND v.created_at <= ?`,
      ),
    };
    this.createTransaction = db.transaction((version: NewVersion): VersionRecord => {
      const s = this.statements;
      const authors = s.pendingAuthors.all(version.documentId).map((r) => r.user_id);
      const byUser = groupByUser(s.pendingDeletes.all(version.documentId));
      s.insert.run(...versionInsertValues(version, authors));
      for (const [userId, deletes] of byUser) s.insertDeletes.run(version.id, userId, Buffer.from(mergeDeletions(deletes)));
      s.clearAuthors.run(version.documentId);
      s.clearDeletes.run(version.documentId);
      const { state: _state, json: _json, html: _html, text: _text, ...record } = version;
      return { ...record, authors };
    });
  }

  async createVersion(version: NewVersion): Promise<VersionRecord> {
    this.beforeRead();
    const record = this.createTransaction(version);
    this.authorsSealed(version.documentId);
    return record;
  }

  async listVersions(documentId: string, options: { limit: number; before?: string }): Promise<VersionRecord[]> {
    const rows = options.before
      ? this.statements.listBefore.all(documentId, options.before, documentId, options.limit)
      : this.statements.list.all(documentId, options.limit);
    return rows.map(versionFromRow);
  }

  async getVersion(documentId: string, versionId: string): Promise<StoredVersion | null> {
    const row = this.statements.get.get(documentId, versionId);
    if (!row) return null;
    return { ...versionFromRow(row), state: new Uint8Array(row.state), json: row.content, html: row.html, text: row.text };
  }

  async latestVersion(documentId: string, kind: VersionKind): Promise<StoredVersion | null> {
    const row = this.statements.latestOfKind.get(documentId, kind);
    return row ? this.getVersion(documentId, row.id) : null;
  }

  async pendingAuthors(documentId: string): Promise<string[]> {
    this.beforeRead();
    return this.statements.pendingAuthors.all(documentId).map((r) => r.user_id);
  }

  async clientAuthors(documentId: string): Promise<Map<number, string>> {
    this.beforeRead();
    return new Map(this.statements.clientAuthors.all(documentId).map((r) => [r.client_id, r.user_id]));
  }

  async deletionsBetween(documentId: string, afterCreatedAt: number, untilCreatedAt: number | null): Promise<Map<string, Uint8Array[]>> {
    this.beforeRead();
    const byUser = groupByUser(this.statements.deletionsBetween.all(documentId, afterCreatedAt, untilCreatedAt ?? Number.MAX_SAFE_INTEGER));
    return untilCreatedAt === null ? groupByUser(this.statements.pendingDeletes.all(documentId), byUser) : byUser;
  }
}
