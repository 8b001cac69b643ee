import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { api, query } from '../../api/client';
import type { AlertStats, AlertView, RiskAlert, RiskAlertList } from '../../api/safetyTypes';

/** Until the real-time layer pushes new alerts, the moderators' view asks this often. */
export const ALERT_POLL_MS = 15_000;
const PAGE_SIZE = 25;

export const alertKeys = {
  all: ['safety-alerts'] as const,
  lists: ['safety-alerts', 'list'] as const,
  list: (view: AlertView) => ['safety-alerts', 'list', view] as const,
  stats: ['safety-alerts', 'stats'] as const,
};

const alertPath = (id: string) => `/api/v1/safety/alerts/${encodeURIComponent(id)}`;

/** Active alerts (urgent first, then oldest first) or resolved ones (newest first), a page at a time. */
export function useAlerts(view: AlertView) {
  return useInfiniteQuery({
    queryKey: alertKeys.list(view),
    queryFn: ({ pageParam, signal }) => api<RiskAlertList>(`/api/v1/safety/alerts${query({ view, cursor: pageParam, limit: PAGE_SIZE })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: ALERT_POLL_MS,
  });
}

export function useAlertStats() {
  return useQuery({
    queryKey: alertKeys.stats,
    queryFn: ({ signal }) => api<AlertStats>('/api/v1/safety/alerts/stats', { signal }),
    refetchInterval: ALERT_POLL_MS,
  });
}

/** An alert changed: show it changed at once, then let the lists and the numbers catch up. */
function useAlertAction<V>(fn: (vars: V) => Promise<{ alert: RiskAlert }>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: ({ alert }) => {
      queryClient.setQueriesData<InfiniteData<RiskAlertList>>({ queryKey: alertKeys.lists }, (data) =>
        data && { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map((a) => (a.id === alert.id ? alert : a)) })) },
      );
      void queryClient.invalidateQueries({ queryKey: alertKeys.all });
    },
  });
}

export const useAcknowledgeAlert = () => useAlertAction((id: string) => api<{ alert: RiskAlert }>(`${alertPath(id)}/acknowledge`, { method: 'POST', body: {} }));
export const useResolveAlert = () =>
  useAlertAction(({ id, note }: { id: string; note: string }) => api<{ alert: RiskAlert }>(`${alertPath(id)}/resolve`, { method: 'POST', body: { note } }));
