import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Author } from '../../api/forumTypes';

export const profilePath = (handle: string) => `/members/${encodeURIComponent(handle)}`;

/** An author as plain text: the handle, "Anonymous member" or "A former member". */
export function authorText(author: Author, t: TFunction): string {
  if (author.kind === 'member' && author.handle) return author.handle;
  return author.kind === 'anonymous' ? t('posts.anonymous') : t('posts.formerMember');
}

/** An author, with a link to their profile when they wrote under their handle, and "(you)" on one's own. */
export function AuthorName({ author }: { author: Author }) {
  const { t } = useTranslation();
  return (
    <span className="author">
      {author.kind === 'member' && author.handle ? (
        <Link to={profilePath(author.handle)} translate="no">
          {author.handle}
        </Link>
      ) : (
        authorText(author, t)
      )}
      {author.isMe && ` ${t('posts.you')}`}
    </span>
  );
}
