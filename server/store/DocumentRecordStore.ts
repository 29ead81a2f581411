import type { DocumentStatus, Role } from '../../shared/api.js';
import type { DocumentRecord, MemberDocumentRecord, MemberRecord, NewDocumentRecord } from './records.js';

/** Document metadata and membership. Deleted documents are invisible to every method. */
export interface DocumentRecordStore {
  /**
   * Creates the document, makes its creator the owner and stores its initial
   * content as the first entry of its update log, all in one transaction, so
   * no client can ever open it unseeded.
   */
  createDocument(record: NewDocumentRecord, initialState: Uint8Array): Promise<void>;
  getDocument(id: string): Promise<DocumentRecord | null>;
  listDocumentsForUser(userId: string): Promise<MemberDocumentRecord[]>;
  /** Every document, oldest first (for the data check). */
  listAllDocuments(): Promise<DocumentRecord[]>;
  renameDocument(id: string, title: string, now: number): Promise<void>;
  setStatus(id: string, status: DocumentStatus, now: number): Promise<void>;
  /** 修订: whether editors may only suggest changes to the body. */
  setSuggestOnly(id: string, suggestOnly: boolean, now: number): Promise<void>;
  /** Soft delete: the row stays for an administrator to recover. */
  deleteDocument(id: string, now: number): Promise<void>;

  getRole(documentId: string, userId: string): Promise<Role | null>;
  listMembers(documentId: string): Promise<MemberRecord[]>;
  setMember(documentId: string, userId: string, role: Role, now: number): Promise<void>;
  removeMember(documentId: string, userId: string): Promise<void>;
  /** Makes another member the document's listed owner (when the listed one leaves the role). */
  setListedOwner(documentId: string, userId: string): Promise<void>;
}
