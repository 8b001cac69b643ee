import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading } from '../../ui/Status';
import { AdminNav } from '../admin/AdminNav';
import { durationWords } from './duration';
import { useModerationDashboard } from './queueApi';

/** /admin/moderation — for operators: how much waits for moderators and how fast they act. Numbers only, never who. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const dashboard = useModerationDashboard();
  const d = dashboard.data;
  const lang = i18n.resolvedLanguage ?? 'en';
  const n = (value: number) => value.toLocaleString(lang);
  const median = d?.medianMinutesToFirstAction;
  const medianText = median === null || median === undefined ? t('moderationNumbers.noMedian') : (durationWords(median * 60, lang) ?? t('alerts.stats.underMinute'));

  return (
    <>
      <PageHeading>{t('moderationNumbers.title')}</PageHeading>
      <AdminNav />
      <p className="lead">{t('moderationNumbers.intro')}</p>
      {dashboard.isPending && <Loading label={t('moderationNumbers.loading')} />}
      {dashboard.isError && !d && <LoadError message={dashboard.error.message} onRetry={() => void dashboard.refetch()} />}
      {d && (
        <dl className="alert-stats">
          <div className={d.urgentAlerts > 0 ? 'alert-stat alert-stat--urgent' : 'alert-stat'}>
            <dt>{t('moderationNumbers.urgentAlerts')}</dt>
            <dd>{n(d.urgentAlerts)}</dd>
          </div>
          <div className="alert-stat">
            <dt>{t('moderationNumbers.openAlerts')}</dt>
            <dd>{n(d.openAlerts)}</dd>
          </div>
          <div className="alert-stat">
            <dt>{t('moderationNumbers.openReports')}</dt>
            <dd>{n(d.openReports)}</dd>
          </div>
          <div className="alert-stat">
            <dt>{t('moderationNumbers.heldItems')}</dt>
            <dd>{n(d.heldItems)}</dd>
          </div>
          <div className="alert-stat">
            <dt>{t('moderationNumbers.openFlags')}</dt>
            <dd>{n(d.openFlags)}</dd>
          </div>
          <div className="alert-stat">
            <dt>{t('moderationNumbers.actionsLast7Days')}</dt>
            <dd>{n(d.actionsLast7Days)}</dd>
          </div>
          <div className="alert-stat alert-stat--wide">
            <dt>{t('moderationNumbers.median')}</dt>
            <dd>{medianText}</dd>
          </div>
        </dl>
      )}
      <p>
        <Link to="/moderation/queue">{t('nav.reviewQueue')}</Link>
        {' · '}
        <Link to="/moderation/audit">{t('nav.auditLog')}</Link>
      </p>
    </>
  );
}
