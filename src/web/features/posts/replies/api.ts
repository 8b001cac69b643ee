import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { api, query } from '../../../api/client';
import type { CreatedReply, CreateReplyBody, Reply, ReplyPage } from '../../../api/forumTypes';
import { postKeys, postPath } from '../api';

export const replyPath = (id: string) => `/api/v1/replies/${encodeURIComponent(id)}`;
export const repliesKey = (postId: string) => ['posts', 'replies', postId] as const;

type ReplyEnvelope = { reply: Reply };

/** A post's replies in thread order, a page at a time. */
export function useReplies(postId: string) {
  return useInfiniteQuery({
    queryKey: repliesKey(postId),
    queryFn: ({ pageParam, signal }) => api<ReplyPage>(`${postPath(postId)}/replies${query({ cursor: pageParam })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Puts what the server said about one reply into the thread. */
export function patchReply(queryClient: QueryClient, postId: string, id: string, patch: Partial<Reply>): void {
  queryClient.setQueryData<InfiniteData<ReplyPage>>(repliesKey(postId), (data) =>
    data && { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map((r) => (r.id === id ? { ...r, ...patch } : r)) })) },
  );
}

export function useCreateReply(postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReplyBody) => api<CreatedReply>(`${postPath(postId)}/replies`, { method: 'POST', body }),
    onSuccess: () => {
      // Where a reply lands in the thread is the server's to say: fetch the thread again.
      void queryClient.invalidateQueries({ queryKey: repliesKey(postId) });
      void queryClient.invalidateQueries({ queryKey: postKeys.detail(postId) });
      void queryClient.invalidateQueries({ queryKey: postKeys.lists });
    },
  });
}

/** An edit or a delete: the reply changes in place, and the post's reply count may change with it. */
function useReplyWrite<V, R extends ReplyEnvelope>(postId: string, fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: ({ reply }) => {
      patchReply(queryClient, postId, reply.id, reply);
      void queryClient.invalidateQueries({ queryKey: postKeys.detail(postId) });
      void queryClient.invalidateQueries({ queryKey: postKeys.lists });
    },
  });
}

export const useUpdateReply = (postId: string) =>
  useReplyWrite(postId, ({ id, body }: { id: string; body: string }) => api<CreatedReply>(replyPath(id), { method: 'PATCH', body: { body } }));
export const useDeleteReply = (postId: string) => useReplyWrite(postId, (id: string) => api<ReplyEnvelope>(replyPath(id), { method: 'DELETE' }));
