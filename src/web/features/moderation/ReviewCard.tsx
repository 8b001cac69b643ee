import { useId, useRef, useState, type RefObject } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReviewItem } from '../../../shared/moderation';
import { useSession } from '../../api/session';
import { formatDateTime } from '../../i18n';
import { Button } from '../../ui/Button';
import { TimeAgo } from '../../ui/TimeAgo';
import { FeedbackText, useFeedback } from '../../ui/useFeedback';
import { LiftDialog, MemberActionDialog, RemoveDialog, RestoreDialog, type MemberActionKind } from './ModerationDialogs';
import { useClaim, useContentAction, useMemberStanding, useRelease } from './queueApi';

const RISK_LEVELS = ['none', 'distress', 'ideation', 'plan', 'imminent'] as const;
const MEMBER_ACTIONS: MemberActionKind[] = ['warn', 'mute', 'suspend', 'ban'];
/** A group's moderator may warn; the rest is for the site's moderators. */
const GROUP_MEMBER_ACTIONS: MemberActionKind[] = ['warn'];
const CONTENT_TYPES = ['post', 'reply', 'message'] as const;
const WHY_CODES = ['method_detail', 'harassment', 'off_platform_contact', 'new_member_link', 'repeated', 'moderator_requested', 'chat_reported', 'safety'] as const;

/** Why it is held or flagged, in words: the server's codes ("off_platform_contact, …"); any other shows as it is. */
function whyWords(t: TFunction, why: string): string {
  return why
    .split(/,\s*/)
    .map((code) => {
      const known = WHY_CODES.find((c) => c === code);
      return known ? t(`moderationQueue.whyCodes.${known}`) : code;
    })
    .join('; ');
}

/**
 * The words under review. Distressing ones are not on the page at all (not merely blurred) until
 * the moderator chooses to read them: looking after moderators, a screen reader included.
 */
function ReviewText({ item }: { item: ReviewItem }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(!item.distressing);
  const textId = useId();
  const { text } = item.target;
  if (!text) return <p className="alert-gone">{t('moderationQueue.textGone')}</p>;
  return (
    <div className="review-text-wrap">
      {shown ? (
        <p className="alert-text review-text" id={textId}>
          {text}
        </p>
      ) : (
        <p className="review-text-hidden" id={textId}>
          {t('moderationQueue.textHidden')}
        </p>
      )}
      {item.distressing && (
        <Button variant="secondary" className="button--small" aria-expanded={shown} aria-controls={textId} onClick={() => setShown((v) => !v)}>
          {shown ? t('moderationQueue.hideWords') : t('moderationQueue.showWords')}
        </Button>
      )}
    </div>
  );
}

/** For a member's handle: their standing, asked for only when the moderator opens it. */
function Standing({ handle, onDone }: { handle: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const { isModerator } = useSession();
  const [open, setOpen] = useState(false);
  const standing = useMemberStanding(handle, open);
  const s = standing.data;
  const restricted = !!s && (s.banned || (s.mutedUntil ?? 0) > Date.now() || (s.suspendedUntil ?? 0) > Date.now());
  return (
    <details className="review-standing" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('moderationQueue.standingTitle', { handle })}</summary>
      {standing.isPending && open && <p className="contact-note">{t('app.loading')}</p>}
      {standing.isError && (
        <p className="field-error" role="alert">
          {standing.error.message}
        </p>
      )}
      {s && (
        <>
          <ul className="review-standing-list">
            <li>{t('moderationQueue.standingWarnings', { count: s.warnings })}</li>
            {s.banned && <li>{t('moderationQueue.standingBanned')}</li>}
            {s.mutedUntil !== null && s.mutedUntil > Date.now() && <li>{t('moderationQueue.standingMuted', { time: formatDateTime(s.mutedUntil) })}</li>}
            {s.suspendedUntil !== null && s.suspendedUntil > Date.now() && <li>{t('moderationQueue.standingSuspended', { time: formatDateTime(s.suspendedUntil) })}</li>}
            {!restricted && <li>{t('moderationQueue.standingClear')}</li>}
          </ul>
          {restricted && isModerator && <LiftDialog handle={handle} onDone={onDone} />}
        </>
      )}
    </details>
  );
}

interface ReviewCardProps {
  item: ReviewItem;
  /**
   * Something was done: the page says so, and puts focus on `focus` (this card's title) or, when
   * that is gone (the item left the queue), somewhere sensible.
   */
  announce: (message: string, focus: RefObject<HTMLElement | null> | null) => void;
}

/** One thing waiting for a moderator: what, where, why, the words, then claim and the actions. */
export function ReviewCard({ item, announce }: ReviewCardProps) {
  const { t } = useTranslation();
  const { isModerator } = useSession();
  const titleId = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const claim = useClaim();
  const release = useRelease();
  const action = useContentAction();
  const feedback = useFeedback();
  const { target } = item;
  const heldByOther = !!item.claim && !item.claim.mine;
  const mine = !!item.claim?.mine;
  const contentType = CONTENT_TYPES.find((c) => c === target.type);
  // The author of the words, or the member a report is about; null when anonymous or deleted.
  const handle = target.author?.handle ?? null;
  const authorWords = handle ?? (target.anonymous ? t('moderationQueue.anonymous') : t('posts.formerMember'));
  const riskLevel = RISK_LEVELS.find((l) => l === item.riskLevel);
  const busy = claim.isPending || release.isPending || action.isPending;

  // Whatever was pressed may be gone now (the item changed or left): keep the moderator on this card while it is there.
  const after = (message: string, closed: boolean) => announce(message, closed ? null : titleRef);

  const decide = (kind: 'approve' | 'dismiss') => {
    if (busy) return;
    feedback.reset();
    // A promise, not mutate's callbacks: those are skipped when the card has left the list by the time they would run.
    action.mutateAsync({ key: item.key, body: { action: kind } }).then(
      ({ item: next }) => after(t(kind === 'approve' ? 'moderationQueue.approved' : 'moderationQueue.dismissed'), next === null),
      feedback.fail,
    );
  };

  const toggleClaim = () => {
    if (busy) return;
    feedback.reset();
    if (mine) {
      release.mutate(item.key, { onSuccess: () => feedback.done(t('moderationQueue.released')), onError: feedback.fail });
    } else {
      claim.mutate(item.key, { onSuccess: () => feedback.done(t('moderationQueue.claimed')), onError: feedback.fail });
    }
  };

  return (
    <article className={item.urgent ? 'card review-card alert-card--urgent' : 'card review-card'} aria-labelledby={titleId}>
      <h3 className="card-title" id={titleId} ref={titleRef} tabIndex={-1}>
        {item.urgent && <span className="badge badge--urgent">{t('moderationQueue.urgent')}</span>}
        <span>{t(`moderationQueue.targetBy.${target.type}`, { name: authorWords })}</span>
      </h3>
      <p className="review-badges">
        <span className="visually-hidden">{t('moderationQueue.typesLabel')} </span>
        {item.types.map((type) => (
          <span key={type} className={type === item.type ? 'badge badge--main' : 'badge'}>
            {t(`moderationQueue.types.${type}`)}
          </span>
        ))}
        {target.status !== 'published' && target.status !== 'active' && <span className="badge badge--warning">{t(`moderationQueue.status.${target.status}`)}</span>}
      </p>
      <dl className="alert-facts">
        <div>
          <dt>{t('moderationQueue.arrived')}</dt>
          <dd>
            <TimeAgo value={item.createdAt} />
          </dd>
        </div>
        {item.group && (
          <div>
            <dt>{t('moderationQueue.group')}</dt>
            <dd>{item.group.name}</dd>
          </div>
        )}
        <div>
          <dt>{target.type === 'member' ? t('moderationQueue.memberLabel') : t('moderationQueue.author')}</dt>
          <dd translate={handle ? 'no' : undefined}>
            {handle ? <Link to={`/members/${encodeURIComponent(handle)}`}>{handle}</Link> : authorWords}
          </dd>
        </div>
        {riskLevel && riskLevel !== 'none' && (
          <div>
            <dt>{t('moderationQueue.riskLevel')}</dt>
            <dd>{t(`alerts.levels.${riskLevel}`)}</dd>
          </div>
        )}
        {item.why && (
          <div>
            <dt>{t('moderationQueue.why')}</dt>
            <dd>{whyWords(t, item.why)}</dd>
          </div>
        )}
        {target.link && (
          <div>
            <dt>{t('moderationQueue.where')}</dt>
            <dd>
              <Link to={target.link}>{t('moderationQueue.openWhere')}</Link>
            </dd>
          </div>
        )}
      </dl>
      {item.reasons.length > 0 && (
        <div className="review-reasons">
          <p className="alert-matches-title">{t('moderationQueue.reasonsTitle')}</p>
          <ul>
            {item.reasons.map((r) => (
              <li key={r.reason}>{t('moderationQueue.reasonCount', { reason: t(`report.reasons.${r.reason}`), count: r.count })}</li>
            ))}
          </ul>
        </div>
      )}
      {item.notes.length > 0 && (
        <div className="review-notes">
          <p className="alert-matches-title">{t('moderationQueue.notesTitle')}</p>
          {item.notes.map((note, i) => (
            <blockquote key={i} className="flag-text">
              {note}
            </blockquote>
          ))}
        </div>
      )}
      <ReviewText item={item} />

      <div className="alert-actions review-actions">
        <div className="review-claim">
          {item.claim ? (
            <p className={heldByOther ? 'review-claim-text review-claim-text--other' : 'review-claim-text'}>
              {mine ? t('moderationQueue.claimMine') : t('moderationQueue.claimOther', { handle: item.claim.handle })}
            </p>
          ) : (
            <p className="review-claim-text">{t('moderationQueue.claimNone')}</p>
          )}
          {!heldByOther && (
            <Button variant="secondary" className="button--small" busy={claim.isPending || release.isPending} onClick={toggleClaim}>
              {mine ? t('moderationQueue.release') : t('moderationQueue.claim')}
            </Button>
          )}
        </div>
        <div className="button-row button-row--tight">
          <Button variant="primary" className="button--small" disabled={heldByOther} busy={action.isPending && action.variables.body.action === 'approve'} onClick={() => decide('approve')}>
            {t('moderationQueue.approve')}
          </Button>
          <Button variant="secondary" className="button--small" disabled={heldByOther} busy={action.isPending && action.variables.body.action === 'dismiss'} onClick={() => decide('dismiss')}>
            {t('moderationQueue.dismiss')}
          </Button>
          {contentType && target.status !== 'removed' && target.status !== 'deleted' && (
            <RemoveDialog itemKey={item.key} what={contentType} disabled={heldByOther} onDone={(closed) => after(t('moderationQueue.removed'), closed)} />
          )}
          {contentType && target.status === 'removed' && <RestoreDialog type={contentType} id={target.id} onDone={() => after(t('moderationQueue.restored'), false)} />}
        </div>
        {handle && (
          <div className="review-member">
            <p className="alert-matches-title">{t('moderationQueue.memberTitle', { handle })}</p>
            <div className="button-row button-row--tight">
              {(isModerator ? MEMBER_ACTIONS : GROUP_MEMBER_ACTIONS).map((kind) => (
                <MemberActionDialog key={kind} kind={kind} handle={handle} itemKey={item.key} disabled={heldByOther} onDone={(message) => after(message, false)} />
              ))}
            </div>
            <Standing handle={handle} onDone={(message) => after(message, false)} />
          </div>
        )}
        <FeedbackText feedback={feedback} />
      </div>
    </article>
  );
}
