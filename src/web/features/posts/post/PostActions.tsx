import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PostDetail } from '../../../api/forumTypes';
import { useSession } from '../../../api/session';
import { Button, buttonClass } from '../../../ui/Button';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { FeedbackText, useFeedback } from '../../../ui/useFeedback';
import { useDeletePost, useLockPost, usePostToggle, useRevealAuthor } from '../api';
import { postPagePath } from '../PostListItem';
import { authorText } from '../AuthorName';
import { BlockButton } from '../../blocks/BlockButton';
import { ReportDialog } from '../../moderation/ReportDialog';

function PostToggle({ post, what }: { post: PostDetail; what: 'save' | 'follow' }) {
  const { t } = useTranslation();
  const toggle = usePostToggle(post.id, what);
  const on = what === 'save' ? post.saved : post.following;
  const feedback = useFeedback();
  return (
    <div className="toggle-with-status">
      <Button
        variant="secondary"
        className="toggle-button"
        aria-pressed={on}
        busy={toggle.isPending}
        onClick={() => feedback.run(toggle, !on, () => t(`posts.${what}${on ? 'Off' : 'On'}`))}
      >
        <span className="toggle-mark" aria-hidden="true">
          {on ? '✓' : '+'}
        </span>
        {what === 'save' ? t('posts.save') : t('posts.follow')}
      </Button>
      <FeedbackText feedback={feedback} inline />
      {what === 'save' && post.saved && feedback.status && <Link to="/saved">{t('posts.seeSaved')}</Link>}
    </div>
  );
}

/** Save and Follow for members; Report for others' posts; Edit and Delete for the author (and Delete for moderators). */
export function PostActions({ post, onDeleted }: { post: PostDetail; onDeleted: () => void }) {
  const { t } = useTranslation();
  const { member } = useSession();
  const remove = useDeletePost(post.id);
  const blockFeedback = useFeedback();
  if (!member) return null;
  return (
    <div className="post-actions">
      <div className="button-row">
        <PostToggle post={post} what="save" />
        <PostToggle post={post} what="follow" />
        {!post.deleted && !post.author.isMe && post.status !== 'removed' && (
          <ReportDialog targetType="post" targetId={post.id} name={authorText(post.author, t)} triggerClassName={buttonClass('quiet')} />
        )}
        {!post.deleted && post.author.kind === 'member' && post.author.handle && !post.author.isMe && (
          <BlockButton handle={post.author.handle} blocked={false} feedback={blockFeedback} named triggerVariant="quiet" />
        )}
      </div>
      <FeedbackText feedback={blockFeedback} />
      {!post.deleted && (post.canEdit || post.canModerate) && (
        <div className="button-row">
          {post.canEdit && (
            <Link to={`${postPagePath(post.id)}/edit`} className="button button--secondary">
              {t('posts.edit')}
            </Link>
          )}
          <ConfirmDialog
            trigger={t('posts.delete')}
            title={t('posts.deleteTitle')}
            confirmLabel={t('posts.deleteConfirm')}
            busyLabel={t('posts.deleting')}
            destructive
            onConfirm={async () => {
              await remove.mutateAsync(undefined);
              onDeleted();
            }}
          >
            <p>{t('posts.deleteBody')}</p>
          </ConfirmDialog>
        </div>
      )}
    </div>
  );
}

/** For moderators: lock the thread, and (recorded in the audit trail) see who wrote an anonymous post. */
export function ModeratorTools({ post }: { post: PostDetail }) {
  const { t } = useTranslation();
  const lock = useLockPost(post.id);
  const reveal = useRevealAuthor(post.id);
  const feedback = useFeedback();
  if (!post.canModerate) return null;
  return (
    <section className="moderator-tools" aria-labelledby="moderator-tools-title">
      <h2 id="moderator-tools-title">{t('moderation.title')}</h2>
      <div className="button-row">
        <Button
          variant="secondary"
          busy={lock.isPending}
          onClick={() => feedback.run(lock, !post.locked, ({ post: p }) => (p.locked ? t('moderation.locked') : t('moderation.unlocked')))}
        >
          {post.locked ? t('moderation.unlock') : t('moderation.lock')}
        </Button>
        {post.anonymous && (
          <ConfirmDialog
            trigger={t('moderation.reveal')}
            title={t('moderation.revealTitle')}
            confirmLabel={t('moderation.revealConfirm')}
            onConfirm={async () => {
              const { author } = await reveal.mutateAsync();
              feedback.done(t('moderation.revealed', { handle: author.handle }));
            }}
          >
            <p>{t('moderation.revealBody')}</p>
          </ConfirmDialog>
        )}
      </div>
      <FeedbackText feedback={feedback} />
    </section>
  );
}
