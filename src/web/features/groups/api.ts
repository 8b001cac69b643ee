import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Group } from '../../../shared/api';
import { api, query } from '../../api/client';
import { sessionKey } from '../../api/session';

export const groupKeys = {
  all: ['groups'] as const,
  list: (archived: boolean) => ['groups', 'list', { archived }] as const,
  detail: (slug: string) => ['groups', 'detail', slug] as const,
};

export const groupPath = (slug: string) => `/api/v1/groups/${encodeURIComponent(slug)}`;

export function useGroups(options: { archived?: boolean; enabled?: boolean } = {}) {
  const archived = options.archived ?? false;
  return useQuery({
    queryKey: groupKeys.list(archived),
    queryFn: ({ signal }) => api<{ items: Group[] }>(`/api/v1/groups${query({ archived: archived || undefined })}`, { signal }),
    select: (data) => data.items,
    enabled: options.enabled ?? true,
  });
}

export function useGroup(slug: string) {
  return useQuery({
    queryKey: groupKeys.detail(slug),
    queryFn: ({ signal }) => api<{ group: Group }>(groupPath(slug), { signal }),
    select: (data) => data.group,
  });
}

/** Join (true) or leave (false) a group. */
export function useMembership(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (join: boolean) => api<{ group: Group }>(`${groupPath(slug)}/membership`, { method: join ? 'PUT' : 'DELETE' }),
    onSuccess: ({ group }) => {
      queryClient.setQueryData(groupKeys.detail(slug), { group });
      void queryClient.invalidateQueries({ queryKey: groupKeys.all, predicate: (q) => q.queryKey[1] === 'list' });
      void queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });
}

/** Whether the group shows on the member's profile. */
export function useShowOnProfile(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (showOnProfile: boolean) => api<{ group: Group }>(`${groupPath(slug)}/membership`, { method: 'PATCH', body: { showOnProfile } }),
    onSuccess: ({ group }) => {
      queryClient.setQueryData(groupKeys.detail(slug), { group });
      void queryClient.invalidateQueries({ queryKey: ['members'] });
    },
  });
}
