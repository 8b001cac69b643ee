import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Profile } from '../../api/forumTypes';

export const profileKey = (handle: string) => ['members', handle.toLowerCase()] as const;

/** A member's public side: handle, join month, and the groups they chose to show. */
export function useProfile(handle: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: profileKey(handle),
    queryFn: ({ signal }) => api<Profile>(`/api/v1/members/${encodeURIComponent(handle)}`, { signal }),
    enabled: options.enabled ?? true,
  });
}
