import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useLiveNotifications, useUnreadCount } from './api';

function Bell() {
  return (
    <svg className="bell" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M12 3a6 6 0 0 0-6 6v3.6l-1.6 2.7A1 1 0 0 0 5.3 17h13.4a1 1 0 0 0 .9-1.7L18 12.6V9a6 6 0 0 0-6-6Zm-2.5 15.5a2.5 2.5 0 0 0 5 0"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** The header's way to notifications: a bell with the unread count, "Notifications (2 unread)" to a screen reader. */
export function NotificationsLink() {
  const { t } = useTranslation();
  const unread = useUnreadCount(true);
  useLiveNotifications();
  const count = unread.data ?? 0;
  return (
    <NavLink to="/notifications" className="notifications-link" aria-label={count > 0 ? t('nav.notificationsUnread', { count }) : t('nav.notifications')}>
      <Bell />
      {count > 0 && (
        <span className="notifications-badge" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </NavLink>
  );
}
