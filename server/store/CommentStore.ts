export interface ReplyRecord {
  id: string;
  threadId: string;
  authorId: string;
  body: string;
  createdAt: number;
}

export interface ThreadRecord {
  id: string;
  documentId: string;
  authorId: string;
  body: string;
  /** The words it was anchored to when last seen (kept for when they are deleted). */
  quote: string;
  /** Where the passage is: two Yjs relative positions, as JSON. */
  anchor: { start: unknown; end: unknown };
  /** Where the passage started in the document's text when last seen (to find moved words again). */
  anchorOffset: number | null;
  createdAt: number;
  resolvedAt: number | null;
  resolvedBy: string | null;
  replies: ReplyRecord[];
}

export interface NotificationRecord {
  id: string;
  /** `mention` in a comment, a section `assigned` to the user (分工), or someone `suggested` changes (修订). */
  kind: 'mention' | 'assigned' | 'suggested';
  userId: string;
  documentId: string;
  /** Mentions: the thread, and the thread's or the reply's id that mentions the user. */
  threadId: string | null;
  commentId: string | null;
  /** Assignments: the section; suggestions: the section they are in (null: outside every section). */
  sectionId: string | null;
  actorId: string;
  excerpt: string;
  createdAt: number;
  readAt: number | null;
}

/** Comment threads (anchored by Yjs relative positions, see comments/anchors.ts) and members' notifications. */
export interface CommentStore {
  createThread(thread: Omit<ThreadRecord, 'replies'>): Promise<void>;
  addReply(reply: ReplyRecord): Promise<void>;
  setResolved(threadId: string, resolvedAt: number | null, resolvedBy: string | null): Promise<void>;
  /** Records where threads are anchored now and the words they cover. */
  updateAnchors(anchors: Map<string, Pick<ThreadRecord, 'quote' | 'anchor' | 'anchorOffset'>>): Promise<void>;
  /** Every thread of the document, oldest first, with its replies oldest first. */
  listThreads(documentId: string): Promise<ThreadRecord[]>;
  getThread(documentId: string, threadId: string): Promise<ThreadRecord | null>;

  addNotifications(notifications: NotificationRecord[]): Promise<void>;
  /** Newest first. */
  listNotifications(userId: string, limit: number): Promise<NotificationRecord[]>;
  unreadCount(userId: string): Promise<number>;
  /** Marks the user's notifications read: the given ones, or all. */
  markRead(userId: string, ids: string[] | 'all', at: number): Promise<void>;
}
