import { useInfiniteQuery } from '@tanstack/react-query';
import { api, query } from '../../api/client';
import type { SearchPage } from '../../api/forumTypes';

/** Full-text search over the posts and replies the member may see. */
export function useSearch(q: string) {
  const text = q.trim();
  return useInfiniteQuery({
    queryKey: ['search', text],
    queryFn: ({ pageParam, signal }) => api<SearchPage>(`/api/v1/search${query({ q: text, cursor: pageParam })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: text !== '',
  });
}
