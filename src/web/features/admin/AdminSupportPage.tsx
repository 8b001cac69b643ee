import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SupportStats } from '../../../shared/support';
import { api } from '../../api/client';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading } from '../../ui/Status';
import { durationWords } from '../moderation/duration';
import { AdminNav } from './AdminNav';

/** /admin/support — how one-to-one support is going, for operators: numbers only, never who. */
export function AdminSupportPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const stats = useQuery({ queryKey: ['support', 'stats'], queryFn: ({ signal }) => api<SupportStats>('/api/v1/support/stats', { signal }) });
  const wait = (seconds: number | null) => (seconds === null ? t('adminSupport.none') : (durationWords(seconds, lang) ?? t('adminSupport.underMinute')));
  const share = (x: number | null) => (x === null ? t('adminSupport.none') : `${Math.round(x * 100)} %`);
  const s = stats.data;
  return (
    <>
      <PageHeading>{t('adminSupport.title')}</PageHeading>
      <AdminNav />
      <p className="lead">{t('adminSupport.intro', { days: s?.days ?? 30 })}</p>
      {stats.isPending && <Loading />}
      {stats.isError && <LoadError message={stats.error.message} onRetry={() => void stats.refetch()} />}
      {s && (
        <dl className="alert-stats">
          <div className="alert-stat">
            <dt>{t('adminSupport.requests')}</dt>
            <dd>{s.requests.toLocaleString(lang)}</dd>
          </div>
          <div className="alert-stat">
            <dt>{t('adminSupport.matched')}</dt>
            <dd>{s.matched.toLocaleString(lang)}</dd>
          </div>
          <div className="alert-stat">
            <dt>{t('adminSupport.unmatched')}</dt>
            <dd>{share(s.unmatchedShare)}</dd>
          </div>
          <div className="alert-stat alert-stat--wide">
            <dt>{t('adminSupport.wait')}</dt>
            <dd>{t('adminSupport.waitValues', { p50: wait(s.waitSeconds.p50), p90: wait(s.waitSeconds.p90) })}</dd>
          </div>
          <div className="alert-stat">
            <dt>{t('adminSupport.perListener')}</dt>
            <dd>{s.chatsPerListenerPerWeek === null ? t('adminSupport.none') : s.chatsPerListenerPerWeek.toLocaleString(lang, { maximumFractionDigits: 1 })}</dd>
          </div>
          <div className="alert-stat alert-stat--wide">
            <dt>{t('adminSupport.helped')}</dt>
            <dd>{t('adminSupport.helpedValues', { yes: s.helped.yes, somewhat: s.helped.somewhat, no: s.helped.no })}</dd>
          </div>
        </dl>
      )}
    </>
  );
}
