import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../ui/LoadMore';
import { LoadError, Loading } from '../../ui/Status';
import { usePostList, type PostSource } from './api';
import { PostListItem } from './PostListItem';

interface PostListProps {
  source: PostSource;
  /** Shown when there are no posts at all. */
  empty: ReactNode;
  headingLevel?: 2 | 3;
}

/** A list of posts from one source, with "Load more" for the next page. */
export function PostList({ source, empty, headingLevel = 2 }: PostListProps) {
  const { t } = useTranslation();
  const list = usePostList(source);
  const listRef = useRef<HTMLUListElement>(null);
  const posts = list.data?.pages.flatMap((p) => p.items) ?? [];

  if (list.isPending) return <Loading label={t('posts.loading')} />;
  if (list.isError && posts.length === 0) return <LoadError message={list.error.message} onRetry={() => void list.refetch()} />;
  if (posts.length === 0) return <div className="empty-state">{empty}</div>;
  return (
    <>
      <ul className="card-list post-list" ref={listRef}>
        {posts.map((post) => (
          <li key={post.id}>
            <PostListItem post={post} headingLevel={headingLevel} showGroup={source.kind !== 'group'} />
          </li>
        ))}
      </ul>
      <LoadMore pager={list} listRef={listRef} count={posts.length} />
    </>
  );
}
