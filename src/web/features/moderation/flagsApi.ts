import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../api/client';
import type { FlaggedItem, FlagList } from '../../../shared/messaging';
import { ALERT_POLL_MS } from './api';

export type FlagView = 'open' | 'resolved';

export const flagKeys = {
  all: ['moderation-flags'] as const,
  list: (view: FlagView) => ['moderation-flags', 'list', view] as const,
  count: ['moderation-flags', 'count'] as const,
};

/** Flagged messages: open ones oldest first, resolved ones newest first. */
export function useFlags(view: FlagView) {
  return useInfiniteQuery({
    queryKey: flagKeys.list(view),
    queryFn: ({ pageParam, signal }) => api<FlagList>(`/api/v1/moderation/flags${query({ view, cursor: pageParam })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: ALERT_POLL_MS,
  });
}

export function useOpenFlagCount(enabled: boolean) {
  return useQuery({
    queryKey: flagKeys.count,
    queryFn: ({ signal }) => api<{ open: number }>('/api/v1/moderation/flags/count', { signal }).then((r) => r.open),
    enabled,
    refetchInterval: ALERT_POLL_MS,
  });
}

export function useResolveFlag() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<FlaggedItem>(`/api/v1/moderation/flags/${encodeURIComponent(id)}/resolve`, { method: 'POST', body: {} }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: flagKeys.all }),
  });
}
