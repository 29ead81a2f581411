// The signed-in user's notifications for every page: fetched every 30 s, when
// the window regains focus, and when an open document's socket says so.
import { useCallback, useMemo, type ReactNode } from 'react';
import { listNotifications, markNotificationsRead } from '../http/notificationsApi.js';
import { useRefreshOnFocus } from '../lib/useRefreshOnFocus.js';
import { useResource } from '../lib/useResource.js';
import { NotificationsContext, type Notifications } from './notificationsContext.js';

const POLL_INTERVAL_MS = 30_000;

export function NotificationsProvider({ userId, children }: { userId: string; children: ReactNode }) {
  const resource = useResource(listNotifications, userId);
  const { data, error, reload, setData } = resource;
  const refresh = useCallback(() => void reload(), [reload]);
  useRefreshOnFocus(refresh, POLL_INTERVAL_MS);

  const markRead = useCallback(
    async (ids?: string[]) => {
      const marked = ids ? new Set(ids) : null;
      setData((current) => {
        if (!current) return current;
        const items = current.items.map((item) => (marked === null || marked.has(item.id) ? { ...item, read: true } : item));
        const newlyRead = current.items.filter((item) => !item.read && (marked === null || marked.has(item.id))).length;
        return { unread: Math.max(0, current.unread - newlyRead), items };
      });
      try {
        await markNotificationsRead(ids);
      } finally {
        await reload();
      }
    },
    [reload, setData],
  );

  const value = useMemo<Notifications>(() => ({ data, error, refresh, markRead }), [data, error, refresh, markRead]);
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}
