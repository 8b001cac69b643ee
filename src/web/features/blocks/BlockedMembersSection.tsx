import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../ui/Button';
import { LoadError, Loading } from '../../ui/Status';
import { TimeAgo } from '../../ui/TimeAgo';
import { FeedbackText, useFeedback } from '../../ui/useFeedback';
import { useBlocks, useSetBlocked } from './api';

/** Settings → Blocked members: who I blocked, each with Unblock. */
export function BlockedMembersSection() {
  const { t } = useTranslation();
  const blocks = useBlocks();
  const setBlocked = useSetBlocked();
  const feedback = useFeedback();
  const headingRef = useRef<HTMLHeadingElement>(null);

  const unblock = (handle: string) => {
    if (setBlocked.isPending) return;
    feedback.reset();
    setBlocked.mutate(
      { handle, blocked: false },
      {
        onSuccess: () => {
          feedback.done(t('blocks.unblocked', { handle }));
          // The row (and its button) goes away: keep the keyboard in the section.
          headingRef.current?.focus();
        },
        onError: feedback.fail,
      },
    );
  };

  return (
    <section className="settings-section" aria-labelledby="blocks-title">
      <h2 id="blocks-title" tabIndex={-1} ref={headingRef}>
        {t('blocks.settingsTitle')}
      </h2>
      <p>{t('blocks.settingsIntro')}</p>
      {blocks.isPending && <Loading label={t('blocks.loading')} />}
      {blocks.isError && <LoadError message={blocks.error.message} onRetry={() => void blocks.refetch()} />}
      {blocks.isSuccess && blocks.data.length === 0 && <p>{t('blocks.none')}</p>}
      {blocks.isSuccess && blocks.data.length > 0 && (
        <ul className="blocked-list">
          {blocks.data.map((b) => (
            <li key={b.handle} className="blocked-item">
              <span className="blocked-who">
                <Link to={`/members/${encodeURIComponent(b.handle)}`} translate="no">
                  {b.handle}
                </Link>{' '}
                <span className="card-meta">
                  {t('blocks.since')} <TimeAgo value={b.blockedAt} />
                </span>
              </span>
              <Button variant="secondary" busy={setBlocked.isPending && setBlocked.variables?.handle === b.handle} busyLabel={t('blocks.unblocking')} onClick={() => unblock(b.handle)}>
                {t('blocks.unblock')}
                <span className="visually-hidden"> {b.handle}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <FeedbackText feedback={feedback} />
    </section>
  );
}
