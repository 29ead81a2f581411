import type { CommentStore, NotificationRecord, ReplyRecord, ThreadRecord } from '../CommentStore.js';
import type { PostgresDatabase } from './PostgresDatabase.js';

interface ThreadRow {
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

interface ReplyRow {
  id: string;
  thread_id: string;
  author_id: string;
  body: string;
  created_at: number;
}

interface NotificationRow {
  id: string;
  user_id: string;
  document_id: string;
  thread_id: string;
  comment_id: string;
  actor_id: string;
  excerpt: string;
  created_at: number;
  read_at: number | null;
}

const THREAD_COLUMNS = 'id, document_id, author_id, body, quote, anchor, anchor_offset, created_at, resolved_at, resolved_by';
const REPLY_COLUMNS = 'r.id, r.thread_id, r.author_id, r.body, r.created_at';
const NOTIFICATION_COLUMNS = 'id, user_id, document_id, thread_id, comment_id, actor_id, excerpt, created_at, read_at';

const reply = (r: ReplyRow): ReplyRecord => ({ id: r.id, threadId: r.thread_id, authorId: r.author_id, body: r.body, createdAt: r.created_at });

const thread = (row: ThreadRow, replies: ReplyRecord[]): ThreadRecord => ({
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
});

const notification = (r: NotificationRow): NotificationRecord => ({
  id: r.id,
  userId: r.user_id,
  documentId: r.document_id,
  threadId: r.thread_id,
  commentId: r.comment_id,
  actorId: r.actor_id,
  excerpt: r.excerpt,
  createdAt: r.created_at,
  readAt: r.read_at,
});

export class PostgresCommentStore implements CommentStore {
  constructor(private readonly db: PostgresDatabase) {}

  async createThread(t: Omit<ThreadRecord, 'replies'>): Promise<void> {
    await this.db.query(`INSERT INTO comment_threads (${THREAD_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, [
      t.id,
      t.documentId,
      t.authorId,
      t.body,
      t.quote,
      JSON.stringify(t.anchor),
      t.anchorOffset,
      t.createdAt,
      t.resolvedAt,
      t.resolvedBy,
    ]);
  }

  async addReply(r: ReplyRecord): Promise<void> {
    await this.db.query('INSERT INTO comment_replies (id, thread_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5)', [r.id, r.threadId, r.authorId, r.body, r.createdAt]);
  }

  async setResolved(threadId: string, resolvedAt: number | null, resolvedBy: string | null): Promise<void> {
    await this.db.query('UPDATE comment_threads SET resolved_at = $1, resolved_by = $2 WHERE id = $3', [resolvedAt, resolvedBy, threadId]);
  }

  async updateAnchors(anchors: Map<string, Pick<ThreadRecord, 'quote' | 'anchor' | 'anchorOffset'>>): Promise<void> {
    await this.db.transaction(async (client) => {
      for (const [id, a] of anchors) {
        await client.query('UPDATE comment_threads SET quote = $1, anchor = $2, anchor_offset = $3 WHERE id = $4', [a.quote, JSON.stringify(a.anchor), a.anchorOffset, id]);
      }
    });
  }

  async listThreads(documentId: string): Promise<ThreadRecord[]> {
    const replies = await this.db.query<ReplyRow>(
      `SELECT ${REPLY_COLUMNS} FROM comment_replies r JOIN comment_threads t ON t.id = r.thread_id
        WHERE t.document_id = $1 ORDER BY r.created_at, r.row_order`,
      [documentId],
    );
    const byThread = new Map<string, ReplyRecord[]>();
    for (const row of replies.rows) {
      const list = byThread.get(row.thread_id) ?? [];
      list.push(reply(row));
      byThread.set(row.thread_id, list);
    }
    const { rows } = await this.db.query<ThreadRow>(`SELECT ${THREAD_COLUMNS} FROM comment_threads WHERE document_id = $1 ORDER BY created_at, row_order`, [documentId]);
    return rows.map((row) => thread(row, byThread.get(row.id) ?? []));
  }

  async getThread(documentId: string, threadId: string): Promise<ThreadRecord | null> {
    const { rows } = await this.db.query<ThreadRow>(`SELECT ${THREAD_COLUMNS} FROM comment_threads WHERE document_id = $1 AND id = $2`, [documentId, threadId]);
    if (!rows[0]) return null;
    const replies = await this.db.query<ReplyRow>(`SELECT ${REPLY_COLUMNS} FROM comment_replies r WHERE r.thread_id = $1 ORDER BY r.created_at, r.row_order`, [threadId]);
    return thread(rows[0], replies.rows.map(reply));
  }

  async addNotifications(list: NotificationRecord[]): Promise<void> {
    if (list.length === 0) return;
    await this.db.transaction(async (client) => {
      for (const n of list) {
        await client.query(`INSERT INTO notifications (${NOTIFICATION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [
          n.id,
          n.userId,
          n.documentId,
          n.threadId,
          n.commentId,
          n.actorId,
          n.excerpt,
          n.createdAt,
          n.readAt,
        ]);
      }
    });
  }

  async listNotifications(userId: string, limit: number): Promise<NotificationRecord[]> {
    const { rows } = await this.db.query<NotificationRow>(
      `SELECT ${NOTIFICATION_COLUMNS} FROM notifications WHERE user_id = $1 ORDER BY created_at DESC, row_order DESC LIMIT $2`,
      [userId, limit],
    );
    return rows.map(notification);
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
