import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { api, query } from '../../api/client';
import type { CreatedPost, CreatePostBody, FeedSort, PostDetail, PostPage, PostSummary, RevealedAuthor, UpdatePostBody } from '../../api/forumTypes';
import { groupPath } from '../groups/api';

/** Where a list of posts comes from. */
export type PostSource = { kind: 'group'; slug: string; sort: FeedSort } | { kind: 'feed' } | { kind: 'needsReply' } | { kind: 'saved' };

const LIST_PATHS = { feed: '/api/v1/feed', needsReply: '/api/v1/needs-reply', saved: '/api/v1/saved' } as const;

function listPath(source: PostSource, cursor: string | null): string {
  if (source.kind === 'group') return `${groupPath(source.slug)}/posts${query({ sort: source.sort, cursor })}`;
  return `${LIST_PATHS[source.kind]}${query({ cursor })}`;
}

export const postPath = (id: string) => `/api/v1/posts/${encodeURIComponent(id)}`;

export const postKeys = {
  all: ['posts'] as const,
  lists: ['posts', 'list'] as const,
  list: (source: PostSource) => ['posts', 'list', source] as const,
  detail: (id: string) => ['posts', 'detail', id] as const,
};

type PostEnvelope = { post: PostDetail };

/** A list of posts, a page at a time ("Load more"). */
export function usePostList(source: PostSource, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: postKeys.list(source),
    queryFn: ({ pageParam, signal }) => api<PostPage>(listPath(source, pageParam), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: options.enabled ?? true,
  });
}

export function usePost(id: string) {
  return useQuery({
    queryKey: postKeys.detail(id),
    queryFn: ({ signal }) => api<PostEnvelope>(postPath(id), { signal }),
    select: (data) => data.post,
  });
}

/** Puts what the server said about one post into its page and into every list that shows it. */
export function patchPost(queryClient: QueryClient, id: string, patch: Partial<PostDetail>): void {
  queryClient.setQueryData<PostEnvelope>(postKeys.detail(id), (old) => old && { post: { ...old.post, ...patch } });
  queryClient.setQueriesData<InfiniteData<PostPage>>({ queryKey: postKeys.lists }, (data) =>
    data?.pages
      ? { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map((item): PostSummary => (item.id === id ? { ...item, ...patch } : item)) })) }
      : data,
  );
}

/** A post that changed in a way lists sort or filter by: store it, and let the lists refetch. */
function usePostWrite<V, R extends PostEnvelope>(fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: ({ post }) => {
      queryClient.setQueryData<PostEnvelope>(postKeys.detail(post.id), { post });
      void queryClient.invalidateQueries({ queryKey: postKeys.lists });
    },
  });
}

export function useCreatePost(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePostBody) => api<CreatedPost>(`${groupPath(slug)}/posts`, { method: 'POST', body }),
    onSuccess: ({ post }) => {
      queryClient.setQueryData<PostEnvelope>(postKeys.detail(post.id), { post });
      void queryClient.invalidateQueries({ queryKey: postKeys.lists });
    },
  });
}

/** An edit is looked at again by the safety module, like a new post. */
export const useUpdatePost = (id: string) => usePostWrite((body: UpdatePostBody) => api<CreatedPost>(postPath(id), { method: 'PATCH', body }));
export const useDeletePost = (id: string) => usePostWrite(() => api<PostEnvelope>(postPath(id), { method: 'DELETE' }));
export const useLockPost = (id: string) => usePostWrite((lock: boolean) => api<PostEnvelope>(`${postPath(id)}/lock`, { method: lock ? 'POST' : 'DELETE' }));

/** Save (bookmark) or follow a post: true turns it on, false off. */
export function usePostToggle(id: string, what: 'save' | 'follow') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (on: boolean) => api<PostEnvelope>(`${postPath(id)}/${what}`, { method: on ? 'PUT' : 'DELETE' }),
    onSuccess: ({ post }) => {
      patchPost(queryClient, id, post);
      if (what === 'save') void queryClient.invalidateQueries({ queryKey: postKeys.list({ kind: 'saved' }) });
    },
  });
}

/** For moderators: who wrote an anonymous post. The server records each reveal. */
export function useRevealAuthor(id: string) {
  return useMutation({ mutationFn: () => api<RevealedAuthor>(`${postPath(id)}/reveal-author`, { method: 'POST', body: {} }) });
}

/** The composer's Preview: the server's own renderer, so what is previewed is what is published. */
export function useMarkdownPreview(body: string, enabled: boolean) {
  return useQuery({
    queryKey: ['markdown-preview', body],
    queryFn: ({ signal }) => api<{ html: string }>('/api/v1/markdown/preview', { method: 'POST', body: { body }, signal }),
    select: (data) => data.html,
    enabled: enabled && body.trim() !== '',
    staleTime: Infinity,
  });
}
