import { useCallback, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ReviewQuery } from '../../../shared/moderation';
import { isApiError } from '../../api/client';
import { Field } from '../../ui/Field';
import { focusSoon } from '../../ui/focusSoon';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading } from '../../ui/Status';
import { BreakReminder } from './BreakReminder';
import { ModerationNav } from './ModerationNav';
import { useReviewQueue } from './queueApi';
import { ReviewCard } from './ReviewCard';
import { REVIEW_TYPES } from './rules';

/** The filters, as kept in the address (so a reload or a shared link shows the same list). */
function useFilters(): [ReviewQuery, (name: keyof ReviewQuery, value: string) => void] {
  const [params, setParams] = useSearchParams();
  const type = REVIEW_TYPES.find((v) => v === params.get('type'));
  const group = params.get('group') || undefined;
  const urgency = params.get('urgency') === 'urgent' ? 'urgent' : undefined;
  const filters: ReviewQuery = { ...(type ? { type } : {}), ...(group ? { group } : {}), ...(urgency ? { urgency } : {}) };
  const set = (name: keyof ReviewQuery, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  return [filters, set];
}

/**
 * /moderation/queue — one list of everything waiting for a moderator: reports, held posts and
 * replies, risk alerts and flags, oldest urgent first. A moderator claims an item so two never act
 * on one thing at once; it follows the live connection.
 */
export function QueuePage() {
  const { t } = useTranslation();
  const [filters, setFilter] = useFilters();
  const queue = useReviewQueue(filters);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState('');
  const data = queue.data;
  const items = data?.items ?? [];
  // Groups with items now, plus the chosen one (so the select never loses what is chosen).
  const groups = data?.groups ?? [];
  const groupChoices = filters.group && !groups.some((g) => g.slug === filters.group) ? [...groups, { slug: filters.group, name: filters.group }] : groups;

  const announce = useCallback((message: string, focus: RefObject<HTMLElement | null> | null) => {
    setStatus(message);
    setTimeout(() => {
      const el = focus?.current;
      (el?.isConnected ? el : headingRef.current)?.focus();
    }, 50);
  }, []);

  if (queue.isError && isApiError(queue.error) && queue.error.status === 403) {
    return (
      <>
        <PageHeading>{t('alerts.notAllowedTitle')}</PageHeading>
        <p>{t('alerts.notAllowed')}</p>
      </>
    );
  }

  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <PageHeading>{t('moderationQueue.title')}</PageHeading>
      <ModerationNav />
      <p className="lead">{t('moderationQueue.intro')}</p>
      <p className="field-hint">{t('alerts.wellbeing')}</p>
      <BreakReminder onDismissed={() => focusSoon(headingRef)} />

      <div className="queue-filters" role="group" aria-label={t('moderationQueue.filtersLabel')}>
        <Field label={t('moderationQueue.filterType')}>
          {(control) => (
            <select {...control} name="type" value={filters.type ?? ''} onChange={(e) => setFilter('type', e.target.value)}>
              <option value="">{t('moderationQueue.allTypes')}</option>
              {REVIEW_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`moderationQueue.types.${type}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('moderationQueue.filterGroup')}>
          {(control) => (
            <select {...control} name="group" value={filters.group ?? ''} onChange={(e) => setFilter('group', e.target.value)}>
              <option value="">{t('moderationQueue.allGroups')}</option>
              {groupChoices.map((g) => (
                <option key={g.slug} value={g.slug}>
                  {g.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('moderationQueue.filterUrgency')}>
          {(control) => (
            <select {...control} name="urgency" value={filters.urgency ?? ''} onChange={(e) => setFilter('urgency', e.target.value)}>
              <option value="">{t('moderationQueue.urgencyAll')}</option>
              <option value="urgent">{t('moderationQueue.urgencyUrgent')}</option>
            </select>
          )}
        </Field>
      </div>

      <section aria-labelledby="queue-list-title">
        <h2 id="queue-list-title" ref={headingRef} tabIndex={-1}>
          {t('moderationQueue.listTitle')}
        </h2>
        {data && (
          <p className="queue-counts">
            {data.counts.urgent > 0 ? t('moderationQueue.countsUrgent', { count: data.counts.total, urgent: data.counts.urgent }) : t('moderationQueue.counts', { count: data.counts.total })}
          </p>
        )}
        <p className="field-status" role="status">
          {status}
        </p>
        {queue.isPending && <Loading label={t('moderationQueue.loading')} />}
        {queue.isError && !data && <LoadError message={queue.error.message} onRetry={() => void queue.refetch()} />}
        {queue.isSuccess && items.length === 0 && <p className="empty-state">{filtered ? t('moderationQueue.noneFiltered') : t('moderationQueue.none')}</p>}
        {items.length > 0 && (
          <ol className="card-list review-list">
            {items.map((item) => (
              <li key={item.key}>
                <ReviewCard item={item} announce={announce} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
