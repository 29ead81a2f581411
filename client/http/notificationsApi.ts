import type { NotificationsDto } from '../../shared/api.js';
import { request } from './request.js';

export const NOTIFICATIONS_LIMIT = 50;

/** The signed-in user's notifications (mentions, sections assigned), newest first, and how many are unread. */
export const listNotifications = () => request<NotificationsDto>(`/api/notifications?limit=${NOTIFICATIONS_LIMIT}`);

/** Marks these notifications read, or all of them. */
export const markNotificationsRead = (ids?: string[]) => request<unknown>('/api/notifications/read', { method: 'POST', body: ids ? { ids } : {} });
