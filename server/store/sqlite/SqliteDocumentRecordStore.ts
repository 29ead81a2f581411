import type Database from 'better-sqlite3';
import type { DocumentStatus, Role } from '../../../shared/api.js';
import type { DocumentRecordStore } from '../DocumentRecordStore.js';
import type { DocumentRecord, MemberDocumentRecord, MemberRecord, NewDocumentRecord } from '../records.js';
import { DOCUMENT_COLUMNS, documentFromRow, ROLE_ORDER, userFromRow, type DocumentRow, type UserRow } from '../rows.js';

export class SqliteDocumentRecordStore implements DocumentRecordStore {
  private readonly statements;
  private readonly createTransaction;

  constructor(
    private readonly db: Database.Database,
    /** Told when a document's status changes (the document store keeps what it knows of it). */
    private readonly onStatusChange: (documentId: string) => void = () => {},
  ) {
    this.statements = {
      insertDocument: db.prepare('INSERT INTO documents (id, title, status, owner_id, template, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      insertMember: db.prepare(
        'INSERT INTO members (document_id, user_id, role, added_at) VALUES (?, ?, ?, ?) ' +
          'ON CONFLICT (document_id, user_id) DO UPDATE SET role = excluded.role',
      ),
      insertUpdate: db.prepare('INSERT INTO document_updates (document_id, data, user_id, created_at) VALUES (?, ?, ?, ?)'),
      document: db.prepare<[string], DocumentRow>(`SELECT ${DOCUMENT_COLUMNS} FROM documents d WHERE d.id = ? AND d.deleted_at IS NULL`),
      forUser: db.prepare<[string], DocumentRow & { role: Role; owner_username: string; owner_display_name: string }>(
        `SELECT ${DOCUMENT_COLUMNS}, m.role, o.username AS owner_username, o.display_name AS owner_display_name
           FROM members m
           JOIN documents d ON d.id = m.document_id
           JOIN users o ON o.id = d.owner_id
          WHERE m.user_id = ? AND d.deleted_at IS NULL
          ORDER BY d.updated_at DESC`,
      ),
      all: db.prepare<[], DocumentRow>(`SELECT ${DOCUMENT_COLUMNS} FROM documents d WHERE d.deleted_at IS NULL ORDER BY d.created_at, d.id`),
      rename: db.prepare('UPDATE documents SET title = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL'),
      setStatus: db.prepare('UPDATE documents SET status = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL'),
      setSuggestOnly: db.prepare('UPDATE documents SET suggest_only = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL'),
      delete: db.prepare('UPDATE documents SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL'),
      role: db.prepare<[string, string], { role: Role }>(
        `SELECT m.role FROM members m JOIN documents d ON d.id = m.document_id
          WHERE m.document_id = ? AND m.user_id = ? AND d.deleted_at IS NULL`,
      ),
      members: db.prepare(
        `SELECT u.id, u.username, u.display_name, u.password_hash, u.is_admin, u.created_at, m.role
           FROM members m JOIN users u ON u.id = m.user_id
          WHERE m.document_id = ?
          ORDER BY ${ROLE_ORDER}, m.added_at`,
      ),
      removeMember: db.prepare('DELETE FROM members WHERE document_id = ? AND user_id = ?'),
      setOwner: db.prepare('UPDATE documents SET owner_id = ? WHERE id = ?'),
    };
    this.createTransaction = db.transaction((record: NewDocumentRecord, initialState: Uint8Array) => {
      const s = this.statements;
      s.insertDocument.run(record.id, record.title, record.status, record.ownerId, record.template, record.createdAt, record.updatedAt);
      s.insertMember.run(record.id, record.ownerId, 'owner', record.createdAt);
      s.insertUpdate.run(record.id, Buffer.from(initialState), null, record.createdAt);
    });
  }

  async createDocument(record: NewDocumentRecord, initialState: Uint8Array): Promise<void> {
    this.createTransaction(record, initialState);
  }

  async listAllDocuments(): Promise<DocumentRecord[]> {
    return this.statements.all.all().map(documentFromRow);
  }

  async getDocument(id: string): Promise<DocumentRecord | null> {
    const row = this.statements.document.get(id);
    return row ? documentFromRow(row) : null;
  }

  async listDocumentsForUser(userId: string): Promise<MemberDocumentRecord[]> {
    return this.statements.forUser.all(userId).map((row) => ({
      ...documentFromRow(row),
      role: row.role,
      ownerUsername: row.owner_username,
      ownerDisplayName: row.owner_display_name,
    }));
  }

  async renameDocument(id: string, title: string, now: number): Promise<void> {
    this.statements.rename.run(title, now, id);
  }

  async setStatus(id: string, status: DocumentStatus, now: number): Promise<void> {
    this.statements.setStatus.run(status, now, id);
    this.onStatusChange(id);
  }

  async setSuggestOnly(id: string, suggestOnly: boolean, now: number): Promise<void> {
    this.statements.setSuggestOnly.run(suggestOnly ? 1 : 0, now, id);
  }

  async deleteDocument(id: string, now: number): Promise<void> {
    this.statements.delete.run(now, id);
  }

  async getRole(documentId: string, userId: string): Promise<Role | null> {
    return this.statements.role.get(documentId, userId)?.role ?? null;
  }

  async listMembers(documentId: string): Promise<MemberRecord[]> {
    const rows = this.statements.members.all(documentId) as (UserRow & { role: Role })[];
    return rows.map((row) => ({ user: userFromRow(row), role: row.role }));
  }

  async setMember(documentId: string, userId: string, role: Role, now: number): Promise<void> {
    this.statements.insertMember.run(documentId, userId, role, now);
  }

  async removeMember(documentId: string, userId: string): Promise<void> {
    this.statements.removeMember.run(documentId, userId);
  }

  async setListedOwner(documentId: string, userId: string): Promise<void> {
    this.statements.setOwner.run(userId, documentId);
  }
}
