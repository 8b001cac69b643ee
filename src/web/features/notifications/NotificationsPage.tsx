import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { MeetingNoticeKind } from '../../../shared/forum';
import type { Notification } from '../../api/forumTypes';
import { Button } from '../../ui/Button';
import { LoadMore } from '../../ui/LoadMore';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading } from '../../ui/Status';
import { TimeAgo } from '../../ui/TimeAgo';
import { FeedbackText, useFeedback } from '../../ui/useFeedback';
import { authorText } from '../posts/AuthorName';
import { meetingPagePath } from '../meetings/api';
import { postPagePath } from '../posts/PostListItem';
import { useMarkAllRead, useMarkOneRead, useNotifications } from './api';

/** A meeting notice in words, with the occurrence's date and time on the member's own clock. */
function meetingText(n: Notification, t: TFunction, language: string): string {
  const m = n.meeting!;
  const at = new Date(m.startsAt);
  const date = new Intl.DateTimeFormat(language, { weekday: 'long', day: 'numeric', month: 'long' }).format(at);
  const time = new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit' }).format(at);
  return t(`notifications.meeting.${n.kind as MeetingNoticeKind}`, { title: m.title, date, time });
}

/** What happened, in words: a reply, a mention, or reactions (gathered while unread). */
function notificationText(n: Notification, t: TFunction, language: string): string {
  if (n.meeting) return meetingText(n, t, language);
  const name = n.actor ? authorText(n.actor, t) : '';
  const title = n.post?.title ?? '';
  if (n.kind === 'mention') return n.replyId ? t('notifications.mentionedReply', { name, title }) : t('notifications.mentionedPost', { name, title });
  if (n.kind === 'reaction') {
    const onReply = n.replyId !== null;
    const others = n.others ?? 0;
    if (others > 0) return onReply ? t('notifications.reactedReplyMore', { name, title, count: others }) : t('notifications.reactedPostMore', { name, title, count: others });
    const reaction = t(`reactions.${n.reaction ?? 'hug'}`);
    return onReply ? t('notifications.reactedReply', { name, title, reaction }) : t('notifications.reactedPost', { name, title, reaction });
  }
  return t('notifications.replied', { name, title });
}

function NotificationItem({ notification }: { notification: Notification }) {
  const { t, i18n } = useTranslation();
  const markOne = useMarkOneRead();
  const to = notification.meeting
    ? `${meetingPagePath(notification.meeting.id)}#occurrence-${notification.meeting.localDate}`
    : `${postPagePath(notification.post?.id ?? '')}${notification.replyId ? `#reply-${notification.replyId}` : ''}`;
  return (
    <article className={notification.read ? 'card notification' : 'card notification notification--unread'}>
      <p className="notification-text">
        {!notification.read && <span className="badge badge--new">{t('notifications.new')}</span>}{' '}
        <Link to={to} onClick={() => !notification.read && markOne.mutate(notification.id)}>{notificationText(notification, t, i18n.language)}</Link>
      </p>
      <p className="card-meta">
        <TimeAgo value={notification.createdAt} />
      </p>
    </article>
  );
}

/** /notifications — replies to one's posts and to posts one follows, mentions, and reactions. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const list = useNotifications();
  const markRead = useMarkAllRead();
  const listRef = useRef<HTMLUListElement>(null);
  const feedback = useFeedback();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = list.data?.pages[0]?.unread ?? 0;

  return (
    <>
      <PageHeading>{t('notifications.title')}</PageHeading>
      <p className="lead">{t('notifications.intro')}</p>
      {unread > 0 && (
        <div className="button-row notifications-actions">
          <Button
            variant="secondary"
            busy={markRead.isPending}
            onClick={() => feedback.run(markRead, undefined, () => t('notifications.allRead'))}
          >
            {t('notifications.markAllRead')}
          </Button>
        </div>
      )}
      <FeedbackText feedback={feedback} />
      {list.isPending && <Loading label={t('notifications.loading')} />}
      {list.isError && items.length === 0 && <LoadError message={list.error.message} onRetry={() => void list.refetch()} />}
      {list.isSuccess && items.length === 0 && <p>{t('notifications.empty')}</p>}
      {items.length > 0 && (
        <ul className="card-list" ref={listRef}>
          {items.map((n) => (
            <li key={n.id}>
              <NotificationItem notification={n} />
            </li>
          ))}
        </ul>
      )}
      <LoadMore pager={list} listRef={listRef} count={items.length} />
    </>
  );
}
