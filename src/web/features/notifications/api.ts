import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { api, query } from '../../api/client';
import type { NotificationPage } from '../../api/forumTypes';
import { useOnConnect, useSocket, useSocketEvent } from '../../realtime';

export const notificationKeys = {
  all: ['notifications'] as const,
  list: ['notifications', 'list'] as const,
  unread: ['notifications', 'unread'] as const,
};

/** How often the header asks for the unread count, while the tab is visible: a fallback to the live updates. */
const POLL_MS = 60_000;

export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) => api<{ unread: number }>('/api/v1/notifications/unread-count', { signal }),
    select: (data) => data.unread,
    enabled,
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    staleTime: 10_000,
  });
}

/**
 * Keeps the bell live: the server says when the member's notifications change, and the list
 * follows if it is open. After being offline, the count is asked for again on return.
 */
export function useLiveNotifications() {
  const queryClient = useQueryClient();
  const socket = useSocket();
  useSocketEvent(socket, 'notifications:changed', ({ unread }) => {
    queryClient.setQueryData(notificationKeys.unread, { unread });
    void queryClient.invalidateQueries({ queryKey: notificationKeys.list, refetchType: 'active' });
  });
  useOnConnect(socket, (again) => {
    if (again) void queryClient.invalidateQueries({ queryKey: notificationKeys.all, refetchType: 'active' });
  });
}

export function useNotifications() {
  const queryClient = useQueryClient();
  return useInfiniteQuery({
    queryKey: notificationKeys.list,
    queryFn: async ({ pageParam, signal }) => {
      const page = await api<NotificationPage>(`/api/v1/notifications${query({ cursor: pageParam })}`, { signal });
      queryClient.setQueryData(notificationKeys.unread, { unread: page.unread });
      return page;
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 0,
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ unread: number }>('/api/v1/notifications/read', { method: 'POST', body: {} }),
    onSuccess: (data) => {
      queryClient.setQueryData(notificationKeys.unread, data);
      queryClient.setQueryData<InfiniteData<NotificationPage>>(
        notificationKeys.list,
        (old) => old && { ...old, pages: old.pages.map((p) => ({ ...p, unread: 0, items: p.items.map((n) => ({ ...n, read: true })) })) },
      );
    },
  });
}

/** Opening a notification marks that one read, and only that one. */
export function useMarkOneRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<{ unread: number }>(`/api/v1/notifications/${encodeURIComponent(id)}/read`, { method: 'POST', body: {} }),
    onSuccess: (data, id) => {
      queryClient.setQueryData(notificationKeys.unread, data);
      queryClient.setQueryData<InfiniteData<NotificationPage>>(
        notificationKeys.list,
        (old) => old && { ...old, pages: old.pages.map((p) => ({ ...p, unread: data.unread, items: p.items.map((n) => (n.id === id ? { ...n, read: true } : n)) })) },
      );
    },
  });
}
