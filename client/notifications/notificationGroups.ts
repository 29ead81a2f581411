// The bell's list: mentions in one thread shown as one entry (the newest), and
// assignments of one section likewise, and suggestions (修订) in one section,
// so that a busy thread does not push everything else out of view.
import type { NotificationDto, PersonDto } from '../../shared/api.js';
import { documentPath, sectionPath, threadPath } from '../router/routes.js';

export interface NotificationGroup {
  key: string;
  /** The newest notification of the thread or section: what the entry shows. */
  latest: NotificationDto;
  /** Who mentioned the user there (or assigned the section), the most recent first. */
  actors: PersonDto[];
  /** Every notification of the group, to mark read together. */
  ids: string[];
  unreadIds: string[];
}

/** What a notification is about: its thread (a mention) or its section (an assignment). */
function groupKey(item: NotificationDto): string {
  if (item.kind === 'assigned') return `${item.document.id}/section/${item.sectionId ?? item.id}`;
  if (item.kind === 'suggested') return `${item.document.id}/suggested/${item.sectionId ?? ''}`;
  return `${item.document.id}/thread/${item.threadId ?? item.id}`;
}

/** Groups notifications (newest first) by thread or section, in the order of each one's newest. */
export function groupNotifications(items: readonly NotificationDto[]): NotificationGroup[] {
  const groups = new Map<string, NotificationGroup>();
  for (const item of items) {
    const key = groupKey(item);
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

/** Where a click on it goes: the document opened at the thread, or at the section. */
export function notificationPath(item: NotificationDto): string {
  if ((item.kind === 'assigned' || item.kind === 'suggested') && item.sectionId) return sectionPath(item.document.id, item.sectionId);
  if (item.kind === 'mention' && item.threadId) return threadPath(item.document.id, item.threadId);
  return documentPath(item.document.id);
}

/** The entry's wording, as a message key of the `notifications` namespace and its values. */
export function notificationTitle(item: NotificationDto): {
  key: 'notifications.mentioned' | 'notifications.assigned' | 'notifications.suggested';
  values: { name: string; title: string; section: string };
} {
  const values = { name: item.actor.displayName, title: item.document.title, section: item.excerpt };
  const key = item.kind === 'assigned' ? 'notifications.assigned' : item.kind === 'suggested' ? 'notifications.suggested' : 'notifications.mentioned';
  return { key, values };
}

/** What the badge says: nothing at zero, "99+" past 99. */
export function badgeText(unread: number): string | null {
  if (unread <= 0) return null;
  return unread > 99 ? '99+' : String(unread);
}
