import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyReport } from '../../../shared/moderation';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading } from '../../ui/Status';
import { TimeAgo } from '../../ui/TimeAgo';
import { useMyReports } from './queueApi';

function ReportItem({ report }: { report: MyReport }) {
  const { t } = useTranslation();
  return (
    <article className={`card my-report my-report--${report.status}`} aria-labelledby={`report-${report.id}`}>
      <h2 className="card-title my-report-title" id={`report-${report.id}`}>
        {t(`myReports.what.${report.targetType}`)}
      </h2>
      <p className="card-meta">
        <span>{t(`report.reasons.${report.reason}`)}</span>
        <span>
          {t('myReports.sent')} <TimeAgo value={report.createdAt} />
        </span>
      </p>
      <p className="my-report-status">
        <span className={report.status === 'open' ? 'badge' : 'badge badge--joined'}>{t(`myReports.statusBadge.${report.status}`)}</span> {t(`myReports.status.${report.status}`)}
        {report.resolvedAt !== null && (
          <>
            {' '}
            <span className="contact-note">
              (<TimeAgo value={report.resolvedAt} />)
            </span>
          </>
        )}
      </p>
      {report.link && (
        <p>
          <Link to={report.link}>{t('myReports.open')}</Link>
        </p>
      )}
    </article>
  );
}

/** /reports — what the member reported and what became of it, in kind words; never who else reported. */
export function MyReportsPage() {
  const { t } = useTranslation();
  const reports = useMyReports();
  const items = reports.data ?? [];
  return (
    <>
      <PageHeading>{t('myReports.title')}</PageHeading>
      <p className="lead">{t('myReports.intro')}</p>
      {reports.isPending && <Loading label={t('myReports.loading')} />}
      {reports.isError && <LoadError message={reports.error.message} onRetry={() => void reports.refetch()} />}
      {reports.isSuccess && items.length === 0 && <p className="empty-state">{t('myReports.none')}</p>}
      {items.length > 0 && (
        <ul className="card-list">
          {items.map((r) => (
            <li key={r.id}>
              <ReportItem report={r} />
            </li>
          ))}
        </ul>
      )}
      <div className="notice notice--help">
        <p>
          {t('myReports.crisis')} <Link to="/help">{t('report.crisisLink')}</Link>
        </p>
      </div>
    </>
  );
}
