import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { AlertStats, AlertView } from '../../api/safetyTypes';
import { isApiError } from '../../api/client';
import { focusSoon } from '../../ui/focusSoon';
import { LoadMore } from '../../ui/LoadMore';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading } from '../../ui/Status';
import { AlertCard } from './AlertCard';
import { useAlerts, useAlertStats } from './api';
import { durationWords } from './duration';

const VIEWS: AlertView[] = ['active', 'resolved'];
const viewOf = (value: string | null): AlertView => VIEWS.find((v) => v === value) ?? 'active';

function StatsHeader({ stats }: { stats: AlertStats }) {
  const { t, i18n } = useTranslation();
  const median = stats.medianSecondsToAcknowledge;
  const medianText = median === null ? t('alerts.stats.noMedian') : (durationWords(median, i18n.resolvedLanguage ?? 'en') ?? t('alerts.stats.underMinute'));
  return (
    <dl className="alert-stats">
      <div className={stats.urgentOpen > 0 ? 'alert-stat alert-stat--urgent' : 'alert-stat'}>
        <dt>{t('alerts.stats.urgentOpen')}</dt>
        <dd>{stats.urgentOpen.toLocaleString(i18n.resolvedLanguage)}</dd>
      </div>
      <div className="alert-stat">
        <dt>{t('alerts.stats.open')}</dt>
        <dd>{stats.open.toLocaleString(i18n.resolvedLanguage)}</dd>
      </div>
      <div className="alert-stat">
        <dt>{t('alerts.stats.acknowledged')}</dt>
        <dd>{stats.acknowledged.toLocaleString(i18n.resolvedLanguage)}</dd>
      </div>
      <div className="alert-stat alert-stat--wide">
        <dt>{t('alerts.stats.median')}</dt>
        <dd>
          {medianText}
          {median !== null && <span className="contact-note"> {t('alerts.stats.medianOver', { count: stats.acknowledgedLast30Days })}</span>}
        </dd>
      </div>
    </dl>
  );
}

function AlertList({ view }: { view: AlertView }) {
  const { t } = useTranslation();
  const alerts = useAlerts(view);
  const listRef = useRef<HTMLOListElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState('');
  const items = alerts.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section aria-labelledby="alert-list-title">
      <h2 id="alert-list-title" ref={headingRef} tabIndex={-1}>
        {view === 'active' ? t('alerts.activeTitle') : t('alerts.resolvedTitle')}
      </h2>
      <p className="field-status" role="status">
        {status}
      </p>
      {alerts.isPending && <Loading label={t('alerts.loading')} />}
      {alerts.isError && items.length === 0 && <LoadError message={alerts.error.message} onRetry={() => void alerts.refetch()} />}
      {alerts.isSuccess && items.length === 0 && <p className="empty-state">{view === 'active' ? t('alerts.noneActive') : t('alerts.noneResolved')}</p>}
      {items.length > 0 && (
        <ol className="card-list alert-list" ref={listRef}>
          {items.map((alert) => (
            <li key={alert.id}>
              <AlertCard
                alert={alert}
                onResolved={() => {
                  setStatus(t('alerts.resolvedStatus'));
                  focusSoon(headingRef);
                }}
              />
            </li>
          ))}
        </ol>
      )}
      <LoadMore pager={alerts} listRef={listRef} count={items.length} />
    </section>
  );
}

/**
 * /moderation/alerts — risk alerts for moderators and admins: how many wait and how fast they
 * are answered, then the active alerts, urgent first and then oldest first. Asks again every
 * 15 seconds until alerts arrive in real time.
 */
export function AlertsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const view = viewOf(params.get('view'));
  const stats = useAlertStats();

  if (stats.isError && isApiError(stats.error) && stats.error.status === 403) {
    return (
      <>
        <PageHeading>{t('alerts.notAllowedTitle')}</PageHeading>
        <p>{t('alerts.notAllowed')}</p>
      </>
    );
  }

  return (
    <>
      <PageHeading>{t('alerts.title')}</PageHeading>
      <p className="lead">{t('alerts.intro')}</p>
      <p className="field-hint">{t('alerts.wellbeing')}</p>
      <p>
        <Link to="/moderation/flags">{t('flags.title')}</Link>
        {' · '}
        <Link to="/moderation/listeners">{t('listeners.review.title')}</Link>
      </p>
      <section aria-labelledby="alert-stats-title">
        <h2 id="alert-stats-title" className="visually-hidden">
          {t('alerts.stats.title')}
        </h2>
        {stats.isPending && <Loading label={t('alerts.stats.loading')} />}
        {stats.isError && !stats.data && <LoadError message={stats.error.message} onRetry={() => void stats.refetch()} />}
        {stats.data && <StatsHeader stats={stats.data} />}
      </section>
      <nav aria-label={t('alerts.viewsLabel')} className="feed-tabs">
        <ul>
          {VIEWS.map((v) => (
            <li key={v}>
              <Link to={{ search: v === 'active' ? '' : `?view=${v}` }} aria-current={v === view ? 'page' : undefined} preventScrollReset>
                {t(`alerts.views.${v}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <AlertList key={view} view={view} />
    </>
  );
}
