import type Database from 'better-sqlite3';
import type { CommentStore, NotificationRecord, ReplyRecord, ThreadRecord } from '../CommentStore.js';
import {
  NOTIFICATION_COLUMNS,
  notificationFromRow,
  notificationInsertValues,
  repliesByThread,
  replyFromRow,
  THREAD_COLUMNS,
  threadFromRow,
  threadInsertValues,
  type NotificationRow,
  type ReplyRow,
  type ThreadRow,
} from '../rows.js';

export class SqliteCommentStore implements CommentStore {
  private readonly statements;
  private readonly updateAnchorsTransaction;
  private readonly addNotificationsTransaction;

  constructor(db: Database.Database) {
    this.statements = {
      insertThread: db.prepare(`INSERT INTO comment_threads (${THREAD_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insertReply: db.prepare('INSERT INTO comment_replies (id, thread_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)'),
      setResolved: db.prepare('UPDATE comment_threads SET resolved_at = ?, resolved_by = ? WHERE id = ?'),
      setAnchor: db.prepare('UPDATE comment_threads SET quote = ?, anchor = ?, anchor_offset = ? WHERE id = ?'),
      threads: db.prepare<[string], ThreadRow>('SELECT * FROM comment_threads WHERE document_id = ? ORDER BY created_at, rowid'),
      thread: db.prepare<[string, string], ThreadRow>('SELECT * FROM comment_threads WHERE document_id = ? AND id = ?'),
      repliesOfDocument: db.prepare<[string], ReplyRow>(
        `SELECT r.* FROM comment_replies r JOIN comment_threads t ON t.id = r.thread_id
          WHERE t.document_id = ? ORDER BY r.created_at, r.rowid`,
      ),
      repliesOfThread: db.prepare<[string], ReplyRow>('SELECT * FROM comment_replies WHERE thread_id = ? ORDER BY created_at, rowid'),
      insertNotification: db.prepare(`INSERT INTO notifications (${NOTIFICATION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      notifications: db.prepare<[string, number], NotificationRow>(
        'SELECT * FROM notifications WHERE user_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?',
      ),
      unread: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL'),
      readOne: db.prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND id = ? AND read_at IS NULL'),
      readAll: db.prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL'),
    };
    this.updateAnchorsTransaction = db.transaction((anchors: Map<string, Pick<ThreadRecord, 'quote' | 'anchor' | 'anchorOffset'>>) => {
      for (const [id, a] of anchors) this.statements.setAnchor.run(a.quote, JSON.stringify(a.anchor), a.anchorOffset, id);
    });
    this.addNotificationsTransaction = db.transaction((list: NotificationRecord[]) => {
      for (const n of list) {
        this.statements.insertNotification.run(...notificationInsertValues(n));
      }
    });
  }

  async createThread(t: Omit<ThreadRecord, 'replies'>): Promise<void> {
    this.statements.insertThread.run(...threadInsertValues(t));
  }

  async addReply(r: ReplyRecord): Promise<void> {
    this.statements.insertReply.run(r.id, r.threadId, r.authorId, r.body, r.createdAt);
  }

  async setResolved(threadId: string, resolvedAt: number | null, resolvedBy: string | null): Promise<void> {
    this.statements.setResolved.run(resolvedAt, resolvedBy, threadId);
  }

  async updateAnchors(anchors: Map<string, Pick<ThreadRecord, 'quote' | 'anchor' | 'anchorOffset'>>): Promise<void> {
    this.updateAnchorsTransaction(anchors);
  }

  async listThreads(documentId: string): Promise<ThreadRecord[]> {
    const byThread = repliesByThread(this.statements.repliesOfDocument.all(documentId));
    return this.statements.threads.all(documentId).map((row) => threadFromRow(row, byThread.get(row.id) ?? []));
  }

  async getThread(documentId: string, threadId: string): Promise<ThreadRecord | null> {
    const row = this.statements.thread.get(documentId, threadId);
    return row ? threadFromRow(row, this.statements.repliesOfThread.all(threadId).map(replyFromRow)) : null;
  }

  async addNotifications(list: NotificationRecord[]): Promise<void> {
    this.addNotificationsTransaction(list);
  }

  async listNotifications(userId: string, limit: number): Promise<NotificationRecord[]> {
    return this.statements.notifications.all(userId, limit).map(notificationFromRow);
  }

  async unreadCount(userId: string): Promise<number> {
    return this.statements.unread.get(userId)!.n;
  }

  async markRead(userId: string, ids: string[] | 'all', at: number): Promise<void> {
    if (ids === 'all') this.statements.readAll.run(at, userId);
    else for (const id of ids) this.statements.readOne.run(at, userId, id);
  }
}
