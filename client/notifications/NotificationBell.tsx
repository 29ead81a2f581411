// The bell in the header: how many notifications are unread (mentions in
// comments, sections assigned), and the list of them; a click on one marks it
// read and opens its thread or section.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../components/Avatar.js';
import { Icon } from '../components/Icon.js';
import { RelativeTime } from '../components/RelativeTime.js';
import { usePopover } from '../components/usePopover.js';
import { useErrorMessage } from '../lib/useErrorMessage.js';
import { useNow } from '../lib/useNow.js';
import { navigate } from '../router/navigation.js';
import { badgeText, groupNotifications, notificationPath, notificationTitle, type NotificationGroup } from './notificationGroups.js';
import { useNotifications, type Notifications } from './notificationsContext.js';

export function NotificationBell() {
  const notifications = useNotifications();
  return notifications ? <Bell notifications={notifications} /> : null;
}

function Bell({ notifications }: { notifications: Notifications }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const { open, setOpen, rootRef, buttonRef, onEscape } = usePopover();
  const panelId = useId();
  const now = useNow(30_000);
  const { data, error, refresh, markRead } = notifications;
  const unread = data?.unread ?? 0;
  const badge = badgeText(unread);
  const groups = groupNotifications(data?.items ?? []);
  const label = unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell');

  function openGroup(group: NotificationGroup) {
    setOpen(false);
    if (group.unreadIds.length > 0) void markRead(group.unreadIds).catch(() => {});
    navigate(notificationPath(group.latest));
  }

  return (
    <div className="dropdown notifications" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="icon-button notifications__bell"
        aria-label={label}
        title={label}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        data-testid="notifications-bell"
        onClick={() => {
          if (!open) refresh();
          setOpen(!open);
        }}
      >
        <Icon name="bell" size={20} />
        {badge && (
          <span className="notifications__count" data-testid="notifications-count" aria-hidden="true">
            {badge}
          </span>
        )}
      </button>
      {open && (
        <div
          className="dropdown__menu notifications__panel"
          id={panelId}
          role="dialog"
          aria-label={t('notifications.title')}
          onKeyDown={onEscape}
          data-testid="notifications-panel"
        >
          <header className="notifications__header">
            <h2 className="notifications__title">{t('notifications.title')}</h2>
            <button type="button" className="link-button" disabled={unread === 0} onClick={() => void markRead().catch(() => {})} data-testid="mark-all-read">
              {t('notifications.markAllRead')}
            </button>
          </header>
          {error !== undefined && !data && (
            <p className="form-error notifications__message" role="alert">
              {t('notifications.loadError')} {describeError(error)}
            </p>
          )}
          {data && groups.length === 0 && <p className="notifications__message muted">{t('notifications.empty')}</p>}
          {groups.length > 0 && (
            <ul className="notifications__list">
              {groups.map((group) => {
                const { latest } = group;
                const isUnread = group.unreadIds.length > 0;
                const assigned = latest.kind === 'assigned';
                const title = notificationTitle(latest);
                return (
                  <li key={group.key}>
                    <button
                      type="button"
                      className={isUnread ? 'notification-item notification-item--unread' : 'notification-item'}
                      data-testid="notification-item"
                      data-unread={isUnread}
                      data-kind={latest.kind}
                      data-thread-id={latest.threadId ?? undefined}
                      data-section-id={latest.sectionId ?? undefined}
                      onClick={() => openGroup(group)}
                    >
                      <Avatar name={latest.actor.displayName} color={latest.actor.color} size={28} />
                      <span className="notification-item__text">
                        <span className="notification-item__title">{t(title.key, title.values)}</span>
                        <span className="notification-item__excerpt">
                          {assigned ? t('notifications.inDocument', { title: latest.document.title }) : latest.excerpt}
                        </span>
                        <span className="notification-item__meta">
                          <RelativeTime iso={latest.createdAt} now={now} />
                          {latest.kind === 'mention' && group.ids.length > 1 && ` · ${t('notifications.more', { count: group.ids.length })}`}
                        </span>
                      </span>
                      {isUnread && <span className="notification-item__dot" aria-label={t('notifications.unread')} />}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
