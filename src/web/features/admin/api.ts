import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { AdminMember, CreateGroupBody, Group, UpdateGroupBody } from '../../../shared/api';
import type { GRANTABLE_ROLES, Role } from '../../../shared/rules';
import { api, query } from '../../api/client';
import { sessionKey } from '../../api/session';
import { groupKeys, groupPath } from '../groups/api';

type Page = { items: AdminMember[]; nextCursor: string | null };
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];
export interface MemberFilter {
  q: string;
  role: Role | '';
}

const membersKey = ['admin', 'members'] as const;
const PAGE_SIZE = 25;

export function useAdminMembers(filter: MemberFilter) {
  return useInfiniteQuery({
    queryKey: [...membersKey, filter],
    queryFn: ({ pageParam, signal }) =>
      api<Page>(`/api/v1/admin/members${query({ q: filter.q.trim(), role: filter.role, cursor: pageParam, limit: PAGE_SIZE })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useSetRoles(selfId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, roles }: { id: string; roles: GrantableRole[] }) =>
      api<{ member: AdminMember }>(`/api/v1/admin/members/${encodeURIComponent(id)}/roles`, { method: 'PUT', body: { roles } }),
    onSuccess: ({ member }) => {
      queryClient.setQueriesData<InfiniteData<Page>>({ queryKey: membersKey }, (data) =>
        data && { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map((m) => (m.id === member.id ? member : m)) })) },
      );
      // Changing one's own roles changes what this person may see.
      if (member.id === selfId) void queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });
}

/** An admin vouches for a member: their trust level (0-2). */
export function useSetTrust() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, level }: { id: string; level: number }) =>
      api<{ member: AdminMember }>(`/api/v1/admin/members/${encodeURIComponent(id)}/trust`, { method: 'PUT', body: { level } }),
    onSuccess: ({ member }) => {
      queryClient.setQueriesData<InfiniteData<Page>>({ queryKey: membersKey }, (data) =>
        data && { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map((m) => (m.id === member.id ? member : m)) })) },
      );
    },
  });
}

function useGroupMutation<V>(fn: (v: V) => Promise<{ group: Group }>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: groupKeys.all }),
  });
}

export const useCreateGroup = () => useGroupMutation((body: CreateGroupBody) => api<{ group: Group }>('/api/v1/groups', { method: 'POST', body }));
export const useUpdateGroup = () =>
  useGroupMutation(({ slug, body }: { slug: string; body: UpdateGroupBody }) => api<{ group: Group }>(groupPath(slug), { method: 'PATCH', body }));
export const useArchiveGroup = () =>
  useGroupMutation(({ slug, archive }: { slug: string; archive: boolean }) =>
    api<{ group: Group }>(`${groupPath(slug)}/archive`, { method: archive ? 'POST' : 'DELETE' }),
  );
