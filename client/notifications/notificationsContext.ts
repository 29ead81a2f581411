import { createContext, useContext } from 'react';
import type { NotificationsDto } from '../../shared/api.js';

export interface Notifications {
  data: NotificationsDto | undefined;
  error: unknown;
  /** Asks the server again (the 'notifications' event, a click on the bell). */
  refresh: () => void;
  /** Marks these (or all) read, at once on screen. */
  markRead: (ids?: string[]) => Promise<void>;
}

export const NotificationsContext = createContext<Notifications | null>(null);

/** The signed-in user's notifications; null outside a signed-in page. */
export function useNotifications(): Notifications | null {
  return useContext(NotificationsContext);
}
