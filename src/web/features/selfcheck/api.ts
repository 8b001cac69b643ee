import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { KeepSelfCheckBody, SelfCheckResult, SelfCheckResultList } from '../../../shared/selfcheck';
import { api } from '../../api/client';
import { useSession } from '../../api/session';

export const selfChecksKey = ['self-checks'] as const;

/** The member's kept results, newest first; nothing for a visitor. */
export function useSelfCheckResults() {
  const { member } = useSession();
  return useQuery({
    queryKey: selfChecksKey,
    queryFn: ({ signal }) => api<SelfCheckResultList>('/api/v1/me/self-checks', { signal }),
    enabled: !!member,
    // Private: not kept in memory longer than it is on screen.
    gcTime: 60_000,
  });
}

export function useKeepResult() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: KeepSelfCheckBody) => api<{ result: SelfCheckResult }>('/api/v1/me/self-checks', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: selfChecksKey }),
  });
}

export function useDeleteResult() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/v1/me/self-checks/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: selfChecksKey }),
  });
}
