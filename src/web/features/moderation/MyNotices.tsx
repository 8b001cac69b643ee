import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyNotice } from '../../../shared/moderation';
import { formatDateTime } from '../../i18n';
import { Button } from '../../ui/Button';
import { TimeAgo } from '../../ui/TimeAgo';
import { FeedbackText, useFeedback } from '../../ui/useFeedback';
import { useMarkNoticesSeen, useMyNotices } from './queueApi';
import { ruleLabel } from './rules';

function NoticeText({ notice }: { notice: MyNotice }) {
  const { t } = useTranslation();
  const rule = ruleLabel(t, notice.rule);
  const until = notice.until ? formatDateTime(notice.until) : null;
  switch (notice.kind) {
    case 'removal':
      return <>{t('myNotices.removal', { rule, reason: notice.reason })}</>;
    case 'warning':
      return <>{t('myNotices.warning', { rule, reason: notice.reason })}</>;
    case 'mute':
      return <>{until ? t('myNotices.muteUntil', { rule, reason: notice.reason, time: until }) : t('myNotices.mute', { rule, reason: notice.reason })}</>;
    case 'suspension':
      return <>{until ? t('myNotices.suspensionUntil', { rule, reason: notice.reason, time: until }) : t('myNotices.suspension', { rule, reason: notice.reason })}</>;
  }
}

/**
 * What moderators did about the member's words or account and have not yet been seen: said
 * plainly and kindly, with the guideline and the moderator's reason, until "Got it".
 */
export function MyNotices() {
  const { t } = useTranslation();
  const notices = useMyNotices(true);
  const seen = useMarkNoticesSeen();
  const feedback = useFeedback();
  const unseen = (notices.data ?? []).filter((n) => !n.seen);
  if (unseen.length === 0) return null;

  return (
    <section className="notice notice--info my-notices" aria-labelledby="my-notices-title">
      <h2 id="my-notices-title" className="my-notices-title">
        {t('myNotices.title')}
      </h2>
      <ul className="my-notices-list">
        {unseen.map((n) => (
          <li key={n.id}>
            <p>
              <NoticeText notice={n} />
            </p>
            <p className="contact-note">
              <TimeAgo value={n.createdAt} />
            </p>
          </li>
        ))}
      </ul>
      <p>
        {t('myNotices.footer')} <Link to="/guidelines">{t('myNotices.guidelinesLink')}</Link>
      </p>
      <div className="button-row">
        <Button
          variant="secondary"
          busy={seen.isPending}
          busyLabel={t('myNotices.saving')}
          onClick={() => {
            // Focus goes to the page's heading once the notice is gone, not to the page's start.
            if (seen.isPending) return;
            feedback.reset();
            seen.mutate(undefined, {
              onSuccess: () => requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus()),
              onError: feedback.fail,
            });
          }}
        >
          {t('myNotices.gotIt')}
        </Button>
      </div>
      <FeedbackText feedback={feedback} />
    </section>
  );
}
