import type { DocumentStatus, Role } from '../../../shared/api.js';
import type { DocumentRecordStore } from '../DocumentRecordStore.js';
import type { DocumentRecord, MemberDocumentRecord, MemberRecord, NewDocumentRecord } from '../records.js';
import type { PostgresDatabase } from './PostgresDatabase.js';
import { DOCUMENT_COLUMNS, documentFromRow, ROLE_ORDER, userFromRow, type DocumentRow, type UserRow } from '../rows.js';

export class PostgresDocumentRecordStore implements DocumentRecordStore {
  constructor(private readonly db: PostgresDatabase) {}

  async createDocument(record: NewDocumentRecord, initialState: Uint8Array): Promise<void> {
    await this.db.transaction(async (client) => {
      await client.query('INSERT INTO documents (id, title, status, owner_id, template, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        record.id,
        record.title,
        record.status,
        record.ownerId,
        record.template,
        record.createdAt,
        record.updatedAt,
      ]);
      await client.query('INSERT INTO members (document_id, user_id, role, added_at) VALUES ($1, $2, $3, $4)', [
        record.id,
        record.ownerId,
        'owner',
        record.createdAt,
      ]);
      await client.query('INSERT INTO document_updates (document_id, data, user_id, created_at) VALUES ($1, $2, NULL, $3)', [
        record.id,
        Buffer.from(initialState),
        record.createdAt,
      ]);
    });
  }

  async listAllDocuments(): Promise<DocumentRecord[]> {
    const { rows } = await this.db.query<DocumentRow>(`SELECT ${DOCUMENT_COLUMNS} FROM documents d WHERE d.deleted_at IS NULL ORDER BY d.created_at, d.id`);
    return rows.map(documentFromRow);
  }

  async getDocument(id: string): Promise<DocumentRecord | null> {
    const { rows } = await this.db.query<DocumentRow>(`SELECT ${DOCUMENT_COLUMNS} FROM documents d WHERE d.id = $1 AND d.deleted_at IS NULL`, [id]);
    return rows[0] ? documentFromRow(rows[0]) : null;
  }

  async listDocumentsForUser(userId: string): Promise<MemberDocumentRecord[]> {
    const { rows } = await this.db.query<DocumentRow & { role: Role; owner_username: string; owner_display_name: string }>(
      `SELECT ${DOCUMENT_COLUMNS}, m.role, o.username AS owner_username, o.display_name AS owner_display_name
         FROM members m JOIN documents d ON d.id = m.document_id JOIN users o ON o.id = d.owner_id
        WHERE m.user_id = $1 AND d.deleted_at IS NULL
        ORDER BY d.updated_at DESC`,
      [userId],
    );
    return rows.map((row) => ({ ...documentFromRow(row), role: row.role, ownerUsername: row.owner_username, ownerDisplayName: row.owner_display_name }));
  }

  async renameDocument(id: string, title: string, now: number): Promise<void> {
    await this.db.query('UPDATE documents SET title = $1, updated_at = $2 WHERE id = $3 AND deleted_at IS NULL', [title, now, id]);
  }

  async setStatus(id: string, status: DocumentStatus, now: number): Promise<void> {
    await this.db.query('UPDATE documents SET status = $1, updated_at = $2 WHERE id = $3 AND deleted_at IS NULL', [status, now, id]);
  }

  async setSuggestOnly(id: string, suggestOnly: boolean, now: number): Promise<void> {
    await this.db.query('UPDATE documents SET suggest_only = $1, updated_at = $2 WHERE id = $3 AND deleted_at IS NULL', [suggestOnly, now, id]);
  }

  async deleteDocument(id: string, now: number): Promise<void> {
    await this.db.query('UPDATE documents SET deleted_at = $1 WHERE id = $2 AND deleted_at IS NULL', [now, id]);
  }

  async getRole(documentId: string, userId: string): Promise<Role | null> {
    const { rows } = await this.db.query<{ role: Role }>(
      `SELECT m.role FROM members m JOIN documents d ON d.id = m.document_id
        WHERE m.document_id = $1 AND m.user_id = $2 AND d.deleted_at IS NULL`,
      [documentId, userId],
    );
    return rows[0]?.role ?? null;
  }

  async listMembers(documentId: string): Promise<MemberRecord[]> {
    const { rows } = await this.db.query(
      `SELECT u.id, u.username, u.display_name, u.password_hash, u.is_admin, u.created_at, m.role
         FROM members m JOIN users u ON u.id = m.user_id
        WHERE m.document_id = $1 ORDER BY ${ROLE_ORDER}, m.added_at`,
      [documentId],
    );
    return rows.map((row) => ({ user: userFromRow(row as UserRow), role: row.role as Role }));
  }

  async setMember(documentId: string, userId: string, role: Role, now: number): Promise<void> {
    await this.db.query(
      `INSERT INTO members (document_id, user_id, role, added_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (document_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
      [documentId, userId, role, now],
    );
  }

  async removeMember(documentId: string, userId: string): Promise<void> {
    await this.db.query('DELETE FROM members WHERE document_id = $1 AND user_id = $2', [documentId, userId]);
  }

  async setListedOwner(documentId: string, userId: string): Promise<void> {
    await this.db.query('UPDATE documents SET owner_id = $1 WHERE id = $2', [userId, documentId]);
  }
}
