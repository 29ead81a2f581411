// Table rows as both SQL stores read them (same column names in SQLite and
// PostgreSQL), and the records they become.
import type { DocumentStatus, VersionKind } from '../../shared/api.js';
import type { NotificationRecord, ReplyRecord, ThreadRecord } from './CommentStore.js';
import type { DocumentRecord, InviteRecord, UserRecord } from './records.js';
import type { NewVersion, RestoredFrom, VersionRecord } from './VersionStore.js';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  /** SQLite stores 0/1, PostgreSQL a boolean. */
  is_admin: number | boolean;
  created_at: number;
}

export const USER_COLUMNS = 'u.id, u.username, u.display_name, u.password_hash, u.is_admin, u.created_at';

export function userFromRow(row: UserRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    isAdmin: row.is_admin === true || row.is_admin === 1,
    createdAt: row.created_at,
  };
}

export interface DocumentRow {
  id: string;
  title: string;
  status: DocumentStatus;
  owner_id: string;
  template: string;
  created_at: number;
  updated_at: number;
  /** SQLite hands out 0 or 1, PostgreSQL a boolean. */
  suggest_only: number | boolean;
}

export const DOCUMENT_COLUMNS = 'd.id, d.title, d.status, d.owner_id, d.template, d.created_at, d.updated_at, d.suggest_only';

export function documentFromRow(row: DocumentRow): DocumentRecord {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    ownerId: row.owner_id,
    template: row.template,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    suggestOnly: Boolean(row.suggest_only),
  };
}

/** Members listed owners first, then editors, commenters, viewers. */
export const ROLE_ORDER = `CASE m.role WHEN 'owner' THEN 0 WHEN 'editor' THEN 1 WHEN 'commenter' THEN 2 ELSE 3 END`;

export interface VersionRow {
  id: string;
  document_id: string;
  kind: VersionKind;
  name: string | null;
  created_at: number;
  created_by: string | null;
  authors: string;
  /** JSON of a RestoredFrom, or null. */
  restored_from: string | null;
  /** The imported file's name, or null. */
  imported_from: string | null;
}

export const VERSION_COLUMNS = 'id, document_id, kind, name, created_at, created_by, authors, restored_from, imported_from';

/** The columns a new version is inserted with, in this order (both stores' INSERT lists them so). */
export const VERSION_INSERT_COLUMNS = 'id, document_id, kind, name, created_at, created_by, authors, state, content, html, text, restored_from, imported_from';

/** A new version's values for VERSION_INSERT_COLUMNS. */
export function versionInsertValues(version: NewVersion, authors: string[]): unknown[] {
  return [
    version.id,
    version.documentId,
    version.kind,
    version.name,
    version.createdAt,
    version.createdBy,
    JSON.stringify(authors),
    Buffer.from(version.state),
    version.json,
    version.html,
    version.text,
    version.restoredFrom ? JSON.stringify(version.restoredFrom) : null,
    version.importedFrom ?? null,
  ];
}

export function versionFromRow(row: VersionRow): VersionRecord {
  return {
    id: row.id,
    documentId: row.document_id,
    kind: row.kind,
    name: row.name,
    createdAt: row.created_at,
    createdBy: row.created_by,
    authors: JSON.parse(row.authors) as string[],
    restoredFrom: row.restored_from ? (JSON.parse(row.restored_from) as RestoredFrom) : null,
    importedFrom: row.imported_from ?? null,
  };
}

export interface ThreadRow {
  id: string;
  document_id: string;
  author_id: string;
  body: string;
  quote: string;
  anchor: string;
  anchor_offset: number | null;
  created_at: number;
  resolved_at: number | null;
  resolved_by: string | null;
}

export const THREAD_COLUMNS = 'id, document_id, author_id, body, quote, anchor, anchor_offset, created_at, resolved_at, resolved_by';

/** A new thread's values for THREAD_COLUMNS, in their order. */
export function threadInsertValues(t: Omit<ThreadRecord, 'replies'>): unknown[] {
  return [t.id, t.documentId, t.authorId, t.body, t.quote, JSON.stringify(t.anchor), t.anchorOffset, t.createdAt, t.resolvedAt, t.resolvedBy];
}

export function threadFromRow(row: ThreadRow, replies: ReplyRecord[]): ThreadRecord {
  return {
    id: row.id,
    documentId: row.document_id,
    authorId: row.author_id,
    body: row.body,
    quote: row.quote,
    anchor: JSON.parse(row.anchor) as ThreadRecord['anchor'],
    anchorOffset: row.anchor_offset,
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
    replies,
  };
}

export interface ReplyRow {
  id: string;
  thread_id: string;
  author_id: string;
  body: string;
  created_at: number;
}

export const replyFromRow = (r: ReplyRow): ReplyRecord => ({ id: r.id, threadId: r.thread_id, authorId: r.author_id, body: r.body, createdAt: r.created_at });

/** Replies grouped by thread, in the order given. */
export function repliesByThread(rows: ReplyRow[]): Map<string, ReplyRecord[]> {
  const byThread = new Map<string, ReplyRecord[]>();
  for (const row of rows) {
    const list = byThread.get(row.thread_id) ?? [];
    list.push(replyFromRow(row));
    byThread.set(row.thread_id, list);
  }
  return byThread;
}

export interface NotificationRow {
  id: string;
  user_id: string;
  document_id: string;
  /** '' for an assignment (the column predates them and is NOT NULL). */
  thread_id: string;
  comment_id: string;
  actor_id: string;
  excerpt: string;
  created_at: number;
  read_at: number | null;
  kind: string;
  section_id: string | null;
}

export const NOTIFICATION_COLUMNS = 'id, user_id, document_id, thread_id, comment_id, actor_id, excerpt, created_at, read_at, kind, section_id';

/** A notification's values in NOTIFICATION_COLUMNS order, for SQLite and PostgreSQL alike. */
export const notificationInsertValues = (n: NotificationRecord) => [
  n.id,
  n.userId,
  n.documentId,
  n.threadId ?? '',
  n.commentId ?? '',
  n.actorId,
  n.excerpt,
  n.createdAt,
  n.readAt,
  n.kind,
  n.sectionId,
];

export const notificationFromRow = (r: NotificationRow): NotificationRecord => ({
  id: r.id,
  userId: r.user_id,
  documentId: r.document_id,
  kind: r.kind === 'assigned' || r.kind === 'suggested' ? r.kind : 'mention',
  threadId: r.thread_id || null,
  commentId: r.comment_id || null,
  sectionId: r.section_id ?? null,
  actorId: r.actor_id,
  excerpt: r.excerpt,
  createdAt: r.created_at,
  readAt: r.read_at,
});

/** Deletion snapshots grouped by account. */
export function groupByUser(rows: { user_id: string; deletes: Buffer }[], into = new Map<string, Uint8Array[]>()): Map<string, Uint8Array[]> {
  for (const row of rows) {
    const list = into.get(row.user_id) ?? [];
    list.push(new Uint8Array(row.deletes));
    into.set(row.user_id, list);
  }
  return into;
}

export interface InviteRow {
  code: string;
  created_by: string;
  created_at: number;
  expires_at: number;
  used_by_username: string | null;
}

/** Invitations with the username of whoever used them. */
export const INVITE_QUERY = `SELECT i.code, i.created_by, i.created_at, i.expires_at, u.username AS used_by_username
   FROM invites i LEFT JOIN users u ON u.id = i.used_by`;

export const inviteFromRow = (r: InviteRow): InviteRecord => ({
  code: r.code,
  createdBy: r.created_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  usedBy: r.used_by_username,
});
