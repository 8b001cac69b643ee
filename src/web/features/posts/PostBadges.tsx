import { useTranslation } from 'react-i18next';
import type { ContentWarning, PostSummary } from '../../api/forumTypes';

/** "Content warning: Grief", as a badge: shown in place of the words it warns about. */
export function WarningBadge({ warning }: { warning: ContentWarning }) {
  const { t } = useTranslation();
  return <span className="badge badge--warning">{t('posts.warningBadge', { warning: t(`contentWarnings.${warning}`) })}</span>;
}

/** What a reader should know before opening a post: its content warning, and whether it is locked or waiting. */
export function PostBadges({ post }: { post: Pick<PostSummary, 'contentWarning' | 'locked' | 'status'> }) {
  const { t } = useTranslation();
  if (!post.contentWarning && !post.locked && post.status === 'published') return null;
  return (
    <p className="post-badges">
      {post.contentWarning && <WarningBadge warning={post.contentWarning} />}
      {post.locked && <span className="badge">{t('posts.lockedBadge')}</span>}
      {post.status === 'held' && <span className="badge">{t('posts.heldBadge')}</span>}
      {post.status === 'removed' && <span className="badge">{t('posts.removedBadge')}</span>}
    </p>
  );
}
