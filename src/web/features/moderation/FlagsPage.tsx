import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { FlaggedItem } from '../../../shared/messaging';
import { isApiError } from '../../api/client';
import { Button } from '../../ui/Button';
import { focusSoon } from '../../ui/focusSoon';
import { LoadMore } from '../../ui/LoadMore';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading } from '../../ui/Status';
import { TimeAgo } from '../../ui/TimeAgo';
import { useFlags, useResolveFlag, type FlagView } from './flagsApi';

const VIEWS: FlagView[] = ['open', 'resolved'];

function FlagCard({ flag, onResolved }: { flag: FlaggedItem; onResolved: () => void }) {
  const { t } = useTranslation();
  const resolve = useResolveFlag();
  const where = flag.meeting
    ? `/meetings/${encodeURIComponent(flag.meeting.id)}/${encodeURIComponent(flag.meeting.localDate)}/room`
    : flag.conversationId
    ? `/chats/${encodeURIComponent(flag.conversationId)}`
    : flag.room && flag.message
      ? `/groups/${encodeURIComponent(flag.room.slug)}/room#message-${encodeURIComponent(flag.message.id)}`
      : null;
  return (
    <article className="card flag-card" aria-labelledby={`flag-${flag.id}`}>
      <h3 id={`flag-${flag.id}`} className="flag-title">
        {t(`flags.reason.${flag.reason}`)}
      </h3>
      <p className="contact-note">
        {flag.author.handle ? <span translate="no">{flag.author.handle}</span> : t('flags.deletedAuthor')}
        {' · '}
        {flag.conversationId && where ? (
          <Link to={where}>{t(flag.meeting ? 'flags.joinMeeting' : 'flags.joinChat')}</Link>
        ) : where && flag.room ? (
          <Link to={where}>{t('flags.inRoom', { room: flag.room.name })}</Link>
        ) : (
          t('flags.elsewhere')
        )}
        {' · '}
        <TimeAgo value={flag.message?.createdAt ?? flag.createdAt} />
      </p>
      {flag.note && <blockquote className="flag-text">{flag.note}</blockquote>}
      {flag.message &&
        (flag.message.body ? (
          <blockquote className="flag-text">{flag.message.body}</blockquote>
        ) : (
          <p className="contact-note">{t(`flags.messageGone.${flag.message.status === 'removed' ? 'removed' : 'deleted'}`)}</p>
        ))}
      {flag.status === 'open' ? (
        <>
          <Button onClick={() => resolve.mutate(flag.id, { onSuccess: onResolved })} busy={resolve.isPending} busyLabel={t('flags.resolving')}>
            {t('flags.resolve')}
          </Button>
          {resolve.isError && (
            <p className="form-error" role="alert">
              {resolve.error.message}
            </p>
          )}
        </>
      ) : (
        <p className="contact-note">{t('flags.resolvedBy', { handle: flag.resolvedBy ?? t('flags.someone') })}</p>
      )}
    </article>
  );
}

function FlagList({ view }: { view: FlagView }) {
  const { t } = useTranslation();
  const flags = useFlags(view);
  const listRef = useRef<HTMLOListElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState('');
  const items = flags.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="flag-list-title">
      <h2 id="flag-list-title" ref={headingRef} tabIndex={-1}>
        {t(`flags.views.${view}`)}
      </h2>
      <p className="field-status" role="status">
        {status}
      </p>
      {flags.isPending && <Loading label={t('flags.loading')} />}
      {flags.isError && items.length === 0 && <LoadError message={flags.error.message} onRetry={() => void flags.refetch()} />}
      {flags.isSuccess && items.length === 0 && <p className="empty-state">{t(`flags.none.${view}`)}</p>}
      {items.length > 0 && (
        <ol className="card-list" ref={listRef}>
          {items.map((flag) => (
            <li key={flag.id}>
              <FlagCard
                flag={flag}
                onResolved={() => {
                  setStatus(t('flags.resolvedStatus'));
                  focusSoon(headingRef);
                }}
              />
            </li>
          ))}
        </ol>
      )}
      <LoadMore pager={flags} listRef={listRef} count={items.length} />
    </section>
  );
}

/** /moderation/flags — messages Kindred flagged for a moderator's eye (contact outside Kindred, for now). */
export function FlagsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const view: FlagView = params.get('view') === 'resolved' ? 'resolved' : 'open';
  const probe = useFlags('open');
  if (probe.isError && isApiError(probe.error) && probe.error.status === 403) {
    return (
      <>
        <PageHeading>{t('alerts.notAllowedTitle')}</PageHeading>
        <p>{t('alerts.notAllowed')}</p>
      </>
    );
  }
  return (
    <>
      <PageHeading>{t('flags.title')}</PageHeading>
      <p className="lead">{t('flags.intro')}</p>
      <p>
        <Link to="/moderation/alerts">{t('flags.toAlerts')}</Link>
      </p>
      <nav aria-label={t('flags.viewsLabel')} className="feed-tabs">
        <ul>
          {VIEWS.map((v) => (
            <li key={v}>
              <Link to={{ search: v === 'open' ? '' : `?view=${v}` }} aria-current={v === view ? 'page' : undefined} preventScrollReset>
                {t(`flags.views.${v}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <FlagList key={view} view={view} />
    </>
  );
}
