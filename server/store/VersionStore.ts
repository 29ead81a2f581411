import type { VersionKind } from '../../shared/api.js';

export interface VersionRecord {
  id: string;
  documentId: string;
  kind: VersionKind;
  name: string | null;
  createdAt: number;
  /** Who asked for it; null for automatic versions. */
  createdBy: string | null;
  /** Accounts whose changes were stored since the version before. */
  authors: string[];
  /** A restore's version: the version it brought back, as that was when restored (absent or null otherwise). */
  restoredFrom?: RestoredFrom | null;
  /** The first version of a document imported from Word: the file's name (absent or null otherwise). */
  importedFrom?: string | null;
}

/** The version a restore brought back: enough for a reader to name it in their own language. */
export interface RestoredFrom {
  id: string;
  /** Its name; null for an automatic version (known by its time) or an approved one. */
  name: string | null;
  kind: VersionKind;
  createdAt: number;
}

/** A version with its full state (garbage-collected) and renderings for a quick preview. */
export interface StoredVersion extends VersionRecord {
  state: Uint8Array;
  json: string;
  html: string;
  text: string;
}

export interface NewVersion extends Omit<StoredVersion, 'authors'> {}

/**
 * Versions of documents, and who wrote what: which account each Yjs client id
 * belongs to, and who deleted what, collected while people edit (the update
 * log records them with each append) and sealed into each version.
 */
export interface VersionStore {
  /**
   * Stores a version; the authors and deletions collected since the version
   * before move into it, in the same transaction.
   */
  createVersion(version: NewVersion): Promise<VersionRecord>;
  /** Newest first; `before` (a version id) pages back. */
  listVersions(documentId: string, options: { limit: number; before?: string }): Promise<VersionRecord[]>;
  getVersion(documentId: string, versionId: string): Promise<StoredVersion | null>;
  /** The newest version of this kind, with its state. */
  latestVersion(documentId: string, kind: VersionKind): Promise<StoredVersion | null>;
  /** Accounts whose changes were stored since the last version: non-empty means there is something to version. */
  pendingAuthors(documentId: string): Promise<string[]>;
  /** Which account each Yjs client id of the document belongs to. */
  clientAuthors(documentId: string): Promise<Map<number, string>>;
  /**
   * Deletions per account made after `afterCreatedAt` (exclusive) up to
   * `untilCreatedAt` (inclusive; null: up to now, the pending ones included).
   */
  deletionsBetween(documentId: string, afterCreatedAt: number, untilCreatedAt: number | null): Promise<Map<string, Uint8Array[]>>;
}
