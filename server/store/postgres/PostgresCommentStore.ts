import type { CommentStore, NotificationRecord, ReplyRecord, ThreadRecord } from '../CommentStore.js';
import {
  NOTIFICATION_COLUMNS,
  notificationFromRow,
  notificationInsertValues,
  repliesByThread,
  replyFromRow,
  THREAD_COLUMNS,
  threadFromRow,
  type NotificationRow,
  type ReplyRow,
  type ThreadRow,
  threadInsertValues,
} from '../rows.js';
import type { PostgresDatabase } from './PostgresDatabase.js';

const REPLY_COLUMNS = 'r.id, r.thread_id, r.author_id, r.body, r.created_at';

export class PostgresCommentStore implements CommentStore {
  constructor(private readonly db: PostgresDatabase) {}

  async createThread(t: Omit<ThreadRecord, 'replies'>): Promise<void> {
    await this.db.query(`INSERT INTO comment_threads (${THREAD_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, threadInsertValues(t));
  }

  async addReply(r: ReplyRecord): Promise<void> {
    await this.db.query('INSERT INTO comment_replies (id, thread_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5)', [
      r.id,
      r.threadId,
      r.authorId,
      r.body,
      r.createdAt,
    ]);
  }

  async setResolved(threadId: string, resolvedAt: number | null, resolvedBy: string | null): Promise<void> {
    await this.db.query('UPDATE comment_threads SET resolved_at = $1, resolved_by = $2 WHERE id = $3', [resolvedAt, resolvedBy, threadId]);
  }

  async updateAnchors(anchors: Map<string, Pick<ThreadRecord, 'quote' | 'anchor' | 'anchorOffset'>>): Promise<void> {
    await this.db.transaction(async (client) => {
      for (const [id, a] of anchors) {
        await client.query('UPDATE comment_threads SET quote = $1, anchor = $2, anchor_offset = $3 WHERE id = $4', [
          a.quote,
          JSON.stringify(a.anchor),
          a.anchorOffset,
          id,
        ]);
      }
    });
  }

  async listThreads(documentId: string): Promise<ThreadRecord[]> {
    const replies = await this.db.query<ReplyRow>(
      `SELECT ${REPLY_COLUMNS} FROM comment_replies r JOIN comment_threads t ON t.id = r.thread_id
        WHERE t.document_id = $1 ORDER BY r.created_at, r.row_order`,
      [documentId],
    );
    const byThread = repliesByThread(replies.rows);
    const { rows } = await this.db.query<ThreadRow>(`SELECT ${THREAD_COLUMNS} FROM comment_threads WHERE document_id = $1 ORDER BY created_at, row_order`, [
      documentId,
    ]);
    return rows.map((row) => threadFromRow(row, byThread.get(row.id) ?? []));
  }

  async getThread(documentId: string, threadId: string): Promise<ThreadRecord | null> {
    const { rows } = await this.db.query<ThreadRow>(`SELECT ${THREAD_COLUMNS} FROM comment_threads WHERE document_id = $1 AND id = $2`, [documentId, threadId]);
    if (!rows[0]) return null;
    const replies = await this.db.query<ReplyRow>(`SELECT ${REPLY_COLUMNS} FROM comment_replies r WHERE r.thread_id = $1 ORDER BY r.created_at, r.row_order`, [
      threadId,
    ]);
    return threadFromRow(rows[0], replies.rows.map(replyFromRow));
  }

  async addNotifications(list: NotificationRecord[]): Promise<void> {
    if (list.length === 0) return;
    await this.db.transaction(async (client) => {
      for (const n of list) {
        await client.query(
          `INSERT INTO notifications (${NOTIFICATION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          notificationInsertValues(n),
        );
      }
    });
  }

  async listNotifications(userId: string, limit: number): Promise<NotificationRecord[]> {
    const { rows } = await this.db.query<NotificationRow>(
      `SELECT ${NOTIFICATION_COLUMNS} FROM notifications WHERE user_id = $1 ORDER BY created_at DESC, row_order DESC LIMIT $2`,
      [userId, limit],
    );
    return rows.map(notificationFromRow);
  }

  async unreadCount(userId: string): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL', [userId]);
    return rows[0].n;
  }

  async markRead(userId: string, ids: string[] | 'all', at: number): Promise<void> {
    if (ids === 'all') await this.db.query('UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL', [at, userId]);
    else await this.db.query('UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND id = ANY($3) AND read_at IS NULL', [at, userId, ids]);
  }
}
