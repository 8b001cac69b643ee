import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PostSummary } from '../../api/forumTypes';
import { TimeAgo } from '../../ui/TimeAgo';
import { AuthorName } from './AuthorName';
import { PostBadges } from './PostBadges';
import { ReactionSummary } from './ReactionBar';

export const postPagePath = (id: string) => `/posts/${encodeURIComponent(id)}`;

interface PostListItemProps {
  post: PostSummary;
  headingLevel: 2 | 3;
  /** In feeds that mix groups, each post says where it was written. */
  showGroup: boolean;
}

/** One post in a list. A post with a content warning shows the warning and no excerpt. */
export function PostListItem({ post, headingLevel, showGroup }: PostListItemProps) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="card post-card">
      <Heading className="card-title post-card-title">
        <Link to={postPagePath(post.id)}>{post.title}</Link>
      </Heading>
      {showGroup && (
        <p className="post-card-group">
          {t('posts.inGroup')} <Link to={`/groups/${encodeURIComponent(post.group.slug)}`}>{post.group.name}</Link>
        </p>
      )}
      <PostBadges post={post} />
      {post.deleted ? (
        <p className="card-text deleted-text">{t('posts.deletedText')}</p>
      ) : (
        !post.contentWarning && post.excerpt && <p className="card-text post-excerpt">{post.excerpt}</p>
      )}
      <p className="card-meta">
        <AuthorName author={post.author} />
        <TimeAgo value={post.createdAt} />
        <span>{post.replyCount === 0 ? t('posts.noReplies') : t('posts.replies', { count: post.replyCount })}</span>
        <ReactionSummary reactions={post.reactions} />
      </p>
    </article>
  );
}
