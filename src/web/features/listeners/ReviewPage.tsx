import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PendingApplication } from '../../../shared/listeners';
import { REVIEW_NOTE_MAX } from '../../../shared/support-rules';
import { isApiError } from '../../api/client';
import { Button } from '../../ui/Button';
import { CharacterCount, charCount } from '../../ui/CharacterCount';
import { Field } from '../../ui/Field';
import { focusSoon } from '../../ui/focusSoon';
import { LoadMore } from '../../ui/LoadMore';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading } from '../../ui/Status';
import { TimeAgo } from '../../ui/TimeAgo';
import { usePendingApplications, useReview } from './api';

function ApplicationCard({ application, onDone }: { application: PendingApplication; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const review = useReview();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const decide = (decision: 'approve' | 'decline') => {
    if (review.isPending) return;
    const trimmed = note.trim();
    if (decision === 'decline' && !trimmed) {
      setNoteError(t('listeners.review.noteNeeded'));
      focusSoon(noteRef);
      return;
    }
    if (charCount(note) > REVIEW_NOTE_MAX) {
      setNoteError(t('listeners.review.noteLong', { max: REVIEW_NOTE_MAX }));
      focusSoon(noteRef);
      return;
    }
    setNoteError(undefined);
    review.mutate(
      { id: application.id, body: { decision, ...(trimmed ? { note: trimmed } : {}) } },
      { onSuccess: () => onDone(t(decision === 'approve' ? 'listeners.review.approved' : 'listeners.review.declined', { handle: application.handle })) },
    );
  };
  const titleId = `application-${application.id}`;
  return (
    <article className="card" aria-labelledby={titleId}>
      <h3 id={titleId}>
        <span translate="no">{application.handle}</span>
      </h3>
      <p className="contact-note">
        {t('listeners.review.applied')} <TimeAgo value={application.createdAt} />
      </p>
      <blockquote className="flag-text">{application.motivation}</blockquote>
      <p>
        {t('listeners.fields.languages')}: {application.languages.map((l) => t(`listeners.languageNames.${l}`)).join(', ')}
      </p>
      <p>
        {t('listeners.fields.topics')}: {application.topics.map((v) => t(`listeners.topics.${v}`)).join(', ')}
      </p>
      <Field label={t('listeners.review.note')} hint={t('listeners.review.noteHint')} error={noteError}>
        {(control) => <textarea {...control} ref={noteRef} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <CharacterCount text={note} max={REVIEW_NOTE_MAX} />
      <div className="form-actions">
        <Button variant="primary" onClick={() => decide('approve')} busy={review.isPending && review.variables?.body.decision === 'approve'} busyLabel={t('listeners.review.saving')}>
          {t('listeners.review.approve')}
        </Button>
        <Button onClick={() => decide('decline')} busy={review.isPending && review.variables?.body.decision === 'decline'} busyLabel={t('listeners.review.saving')}>
          {t('listeners.review.decline')}
        </Button>
      </div>
      {review.isError && (
        <p className="form-error" role="alert">
          {review.error.message}
        </p>
      )}
    </article>
  );
}

/** /moderation/listeners — listener applications waiting for a moderator, oldest first. */
export function ReviewPage() {
  const { t } = useTranslation();
  const pending = usePendingApplications();
  const listRef = useRef<HTMLOListElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState('');
  if (pending.isError && isApiError(pending.error) && pending.error.status === 403) {
    return (
      <>
        <PageHeading>{t('alerts.notAllowedTitle')}</PageHeading>
        <p>{t('alerts.notAllowed')}</p>
      </>
    );
  }
  const items = pending.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeading>{t('listeners.review.title')}</PageHeading>
      <p className="lead">{t('listeners.review.intro')}</p>
      <p>
        <Link to="/moderation/alerts">{t('flags.toAlerts')}</Link>
      </p>
      <h2 ref={headingRef} tabIndex={-1}>
        {t('listeners.review.waiting')}
      </h2>
      <p className="field-status" role="status">
        {status}
      </p>
      {pending.isPending && <Loading />}
      {pending.isError && items.length === 0 && <LoadError message={pending.error.message} onRetry={() => void pending.refetch()} />}
      {pending.isSuccess && items.length === 0 && <p className="empty-state">{t('listeners.review.none')}</p>}
      {items.length > 0 && (
        <ol className="card-list" ref={listRef}>
          {items.map((a) => (
            <li key={a.id}>
              <ApplicationCard
                application={a}
                onDone={(message) => {
                  setStatus(message);
                  focusSoon(headingRef);
                }}
              />
            </li>
          ))}
        </ol>
      )}
      <LoadMore pager={pending} listRef={listRef} count={items.length} />
    </>
  );
}
