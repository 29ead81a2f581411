// A member's notifications (mentions in comments), across documents.
import type { NotificationsDto } from '../../shared/api.js';
import { colorForUser } from '../../shared/colors.js';
import type { DocumentAccess } from '../access/DocumentAccess.js';
import type { UserRecord } from '../store/records.js';
import type { Storage } from '../store/Storage.js';

export class NotificationService {
  constructor(
    private readonly storage: Storage,
    private readonly access: DocumentAccess,
    private readonly now: () => number = Date.now,
  ) {}

  async list(user: UserRecord, limit: number): Promise<NotificationsDto> {
    const [records, unread] = await Promise.all([this.storage.comments.listNotifications(user.id, limit), this.storage.comments.unreadCount(user.id)]);
    const items = [];
    for (const n of records) {
      // Only documents the user can still open: a removed member's old mentions disappear.
      const [access, actor] = await Promise.all([this.access.document(n.documentId, user.id), this.storage.accounts.findUserById(n.actorId)]);
      if (!access.ok) continue;
      const document = access.record;
      items.push({
        id: n.id,
        document: { id: document.id, title: document.title },
        kind: n.kind,
        threadId: n.threadId,
        commentId: n.commentId,
        sectionId: n.sectionId,
        actor: { username: actor?.username ?? '?', displayName: actor?.displayName ?? '?', color: colorForUser(n.actorId) },
        excerpt: n.excerpt,
        createdAt: new Date(n.createdAt).toISOString(),
        read: n.readAt !== null,
      });
    }
    return { unread, items };
  }

  async markRead(user: UserRecord, ids: string[] | 'all'): Promise<void> {
    await this.storage.comments.markRead(user.id, ids, this.now());
  }
}
