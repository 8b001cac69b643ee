import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ALERT_NOTE_MAX, type RiskAlert } from '../../api/safetyTypes';
import { Button } from '../../ui/Button';
import { CharacterCount, charCount, useCharacterStatus } from '../../ui/CharacterCount';
import { Field } from '../../ui/Field';
import { focusSoon } from '../../ui/focusSoon';
import { Form } from '../../ui/Form';
import { TimeAgo } from '../../ui/TimeAgo';
import { FeedbackText, useFeedback } from '../../ui/useFeedback';
import { useMutationForm } from '../../ui/useMutationForm';
import { AlertText } from './AlertText';
import { useAcknowledgeAlert, useResolveAlert } from './api';

function alertLink(alert: RiskAlert): string {
  // A chat message lives in its group's room; posts and replies in their thread.
  if (alert.content.type === 'support_request') return '/moderation/alerts';
  if (alert.content.type === 'message') return alert.content.group ? `/groups/${encodeURIComponent(alert.content.group.slug)}/room#message-${encodeURIComponent(alert.content.id)}` : '/';
  const post = `/posts/${encodeURIComponent(alert.content.postId ?? '')}`;
  return alert.content.type === 'reply' ? `${post}#reply-${encodeURIComponent(alert.content.id)}` : post;
}

function ResolveForm({ alert, onResolved }: { alert: RiskAlert; onResolved: () => void }) {
  const { t } = useTranslation();
  const resolve = useResolveAlert();
  const form = useMutationForm(resolve);
  const [note, setNote] = useState('');
  const status = useCharacterStatus(note, ALERT_NOTE_MAX);

  const submit = form.handleSubmit(() => ({
    checks: {
      note: !note.trim() ? t('alerts.noteRequired') : charCount(note) > ALERT_NOTE_MAX ? t('alerts.noteMax', { max: ALERT_NOTE_MAX.toLocaleString() }) : undefined,
    },
    body: { id: alert.id, note: note.trim() },
    onSuccess: onResolved,
  }));

  return (
    <Form form={form} onSubmit={submit} labels={{ note: t('alerts.note') }}>
      <Field label={t('alerts.note')} hint={t('alerts.noteHint')} error={form.fieldError('note')} status={status} extra={<CharacterCount text={note} max={ALERT_NOTE_MAX} />}>
        {(control) => <textarea {...control} name="note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} required />}
      </Field>
      <div className="button-row">
        <Button type="submit" variant="primary" busy={resolve.isPending} busyLabel={t('alerts.resolving')}>
          {t('alerts.resolve')}
        </Button>
      </div>
    </Form>
  );
}

interface AlertCardProps {
  alert: RiskAlert;
  /** The alert left the active list: the page says so and keeps focus somewhere sensible. */
  onResolved: () => void;
}

/** One risk alert: how serious, why, where, who, and acknowledge / resolve with a note. */
export function AlertCard({ alert, onResolved }: AlertCardProps) {
  const { t } = useTranslation();
  const acknowledge = useAcknowledgeAlert();
  const feedback = useFeedback();
  const titleId = useId();
  const author = alert.author.handle ?? (alert.author.anonymous ? t('posts.anonymous') : t('posts.formerMember'));
  const level = t(`alerts.levels.${alert.level}`);
  // A deleted post keeps no title.
  const postTitle = alert.content.postTitle || t('posts.deletedText');
  const titleRef = useRef<HTMLHeadingElement>(null);

  const acknowledgeIt = () => {
    if (acknowledge.isPending) return;
    feedback.reset();
    acknowledge.mutate(alert.id, {
      onSuccess: () => {
        feedback.done(t('alerts.acknowledgedStatus'));
        // The button is gone now: keep the moderator on this alert.
        focusSoon(titleRef);
      },
      onError: feedback.fail,
    });
  };

  return (
    <article className={alert.urgent && alert.status !== 'resolved' ? 'card alert-card alert-card--urgent' : 'card alert-card'} aria-labelledby={titleId}>
      <h3 className="card-title" id={titleId} ref={titleRef} tabIndex={-1}>
        {alert.urgent && <span className="badge badge--urgent">{t('alerts.urgent')}</span>}
        <span>{level}</span>
      </h3>
      <p className="card-meta">
        <span>
          {t('alerts.raised')} <TimeAgo value={alert.createdAt} />
        </span>
        <span className="alert-status">{t(`alerts.status.${alert.status}`)}</span>
      </p>
      {alert.categories.length > 0 && (
        <p className="alert-categories">
          <span className="visually-hidden">{t('alerts.categoriesLabel')} </span>
          {alert.categories.map((c) => (
            <span key={c} className="badge">
              {t(`alerts.categories.${c}`)}
            </span>
          ))}
        </p>
      )}
      <dl className="alert-facts">
        <div>
          <dt>{t('alerts.where')}</dt>
          <dd>
            <Link to={alertLink(alert)}>
              {alert.content.type === 'reply' ? t('alerts.replyOn', { title: postTitle }) : postTitle}
            </Link>{' '}
            {alert.content.group && <span className="contact-note">{t('alerts.inGroup', { group: alert.content.group.name })}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('alerts.author')}</dt>
          <dd translate={alert.author.handle ? 'no' : undefined}>{author}</dd>
        </div>
        {alert.acknowledgedAt && (
          <div>
            <dt>{t('alerts.acknowledged')}</dt>
            <dd>
              {alert.acknowledgedBy ? `${alert.acknowledgedBy} · ` : ''}
              <TimeAgo value={alert.acknowledgedAt} />
            </dd>
          </div>
        )}
        {alert.resolvedAt && (
          <div>
            <dt>{t('alerts.resolved')}</dt>
            <dd>
              {alert.resolvedBy ? `${alert.resolvedBy} · ` : ''}
              <TimeAgo value={alert.resolvedAt} />
            </dd>
          </div>
        )}
        {alert.resolutionNote && (
          <div>
            <dt>{t('alerts.note')}</dt>
            <dd className="alert-note">{alert.resolutionNote}</dd>
          </div>
        )}
      </dl>
      <AlertText alert={alert} />
      {alert.status !== 'resolved' && (
        <div className="alert-actions">
          {alert.status === 'open' && (
            <div className="button-row">
              <Button variant="primary" busy={acknowledge.isPending} busyLabel={t('alerts.acknowledging')} onClick={acknowledgeIt}>
                {t('alerts.acknowledge')}
              </Button>
            </div>
          )}
          <FeedbackText feedback={feedback} />
          <ResolveForm alert={alert} onResolved={onResolved} />
        </div>
      )}
    </article>
  );
}
