import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useAlertStats } from './api';

/** The moderators' way to risk alerts, with how many are open and how many urgent, wherever they are in Kindred. */
export function AlertsNavLink() {
  const { t } = useTranslation();
  const stats = useAlertStats();
  const open = stats.data?.open ?? 0;
  const urgent = stats.data?.urgentOpen ?? 0;
  const label = open === 0 ? t('nav.alerts') : urgent > 0 ? t('nav.alertsUrgent', { count: open, urgent }) : t('nav.alertsOpen', { count: open });
  return (
    <NavLink to="/moderation/alerts" className={urgent > 0 ? 'alerts-link alerts-link--urgent' : 'alerts-link'}>
      {label}
    </NavLink>
  );
}
