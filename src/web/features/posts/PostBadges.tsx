import { useTranslation } from 'react-i18next';
import type { PostSummary } from '../../api/forumTypes';

/** What a reader should know before opening a post: its content warning, and whether it is locked or waiting. */
export function PostBadges({ post }: { post: Pick<PostSummary, 'contentWarning' | 'locked' | 'status'> }) {
  const { t } = useTranslation();
  if (!post.contentWarning && !post.locked && post.status === 'published') return null;
  return (
    <p className="post-badges">
      {post.contentWarning && <span className="badge badge--warning">{t('posts.warningBadge', { warning: t(`contentWarnings.${post.contentWarning}`) })}</span>}
      {post.locked && <span className="badge">{t('posts.lockedBadge')}</span>}
      {post.status === 'held' && <span className="badge">{t('posts.heldBadge')}</span>}
      {post.status === 'removed' && <span className="badge">{t('posts.removedBadge')}</span>}
    </p>
  );
}
