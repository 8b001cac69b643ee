import { useTranslation } from 'react-i18next';
import type { PostDetail } from '../../../api/forumTypes';
import { SanitizedHtml } from '../../../ui/SanitizedHtml';
import { WarningGate } from '../WarningGate';

/** A post's body; behind a content warning until the reader chooses "Show post". */
export function PostContent({ post }: { post: PostDetail }) {
  const { t } = useTranslation();
  if (post.deleted || post.bodyHtml === null) return <p className="deleted-text">{t('posts.deletedText')}</p>;
  if (!post.contentWarning) return <SanitizedHtml className="prose post-body" html={post.bodyHtml} />;
  return (
    <WarningGate warning={post.contentWarning} what="post">
      <SanitizedHtml className="prose post-body" html={post.bodyHtml} />
    </WarningGate>
  );
}
