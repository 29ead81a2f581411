// The bell's list: mentions in one thread shown as one entry (the newest),
// so that a busy thread does not push everything else out of view.
import type { NotificationDto, PersonDto } from '../../shared/api.js';

export interface NotificationGroup {
  key: string;
  /** The newest notification of the thread: what the entry shows. */
  latest: NotificationDto;
  /** Who mentioned the user there, the most recent first. */
  actors: PersonDto[];
  /** Every notification of the group, to mark read together. */
  ids: string[];
  unreadIds: string[];
}

/** Groups notifications (newest first) by thread, in the order of each thread's newest. */
export function groupNotifications(items: readonly NotificationDto[]): NotificationGroup[] {
  const groups = new Map<string, NotificationGroup>();
  for (const item of items) {
    const key = `${item.document.id}/${item.threadId}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, latest: item, actors: [], ids: [], unreadIds: [] };
      groups.set(key, group);
    }
    group.ids.push(item.id);
    if (!item.read) group.unreadIds.push(item.id);
    if (!group.actors.some((actor) => actor.username === item.actor.username)) group.actors.push(item.actor);
  }
  return [...groups.values()];
}

/** What the badge says: nothing at zero, "99+" past 99. */
export function badgeText(unread: number): string | null {
  if (unread <= 0) return null;
  return unread > 99 ? '99+' : String(unread);
}
