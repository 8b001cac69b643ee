import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Group } from '../../../shared/api';
import type { GroupRole, GroupStaffList } from '../../../shared/group-staff';
import { api, query } from '../../api/client';
import { sessionKey } from '../../api/session';

export const groupKeys = {
  all: ['groups'] as const,
  list: (archived: boolean) => ['groups', 'list', { archived }] as const,
  detail: (slug: string) => ['groups', 'detail', slug] as const,
  staff: (slug: string) => ['groups', 'staff', slug] as const,
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

/** The member has read the group's rules (asked once, before their first post in it). */
export function useRulesSeen(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ group: Group }>(`${groupPath(slug)}/rules/seen`, { method: 'POST', body: {} }),
    onSuccess: ({ group }) => {
      queryClient.setQueryData(groupKeys.detail(slug), { group });
      void queryClient.invalidateQueries({ queryKey: groupKeys.all, predicate: (q) => q.queryKey[1] === 'list' });
    },
  });
}

/** The group's hosts and moderators, moderators first. */
export function useGroupStaff(slug: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: groupKeys.staff(slug),
    queryFn: ({ signal }) => api<GroupStaffList>(`${groupPath(slug)}/staff`, { signal }),
    select: (data) => data.items,
    enabled: options.enabled ?? true,
  });
}

/** For admins: make a member of the group its host or moderator, or (`member`) take them off the staff. */
export function useSetGroupStaff(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ handle, role }: { handle: string; role: GroupRole }) =>
      api<GroupStaffList>(`${groupPath(slug)}/staff/${encodeURIComponent(handle.trim())}`, { method: 'PUT', body: { role } }),
    onSuccess: (data) => {
      queryClient.setQueryData(groupKeys.staff(slug), data);
      // The admin may have changed their own staff role (what their session says they moderate).
      void queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });
}
