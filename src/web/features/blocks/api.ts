import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BlockList } from '../../../shared/blocks';
import { api } from '../../api/client';

export const blocksKey = ['blocks'] as const;

/** The members I blocked, newest first. */
export function useBlocks() {
  return useQuery({
    queryKey: blocksKey,
    queryFn: ({ signal }) => api<BlockList>('/api/v1/me/blocks', { signal }),
    select: (data) => data.items,
  });
}

/** Block (true) or unblock (false) a member by handle. */
export function useSetBlocked() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ handle, blocked }: { handle: string; blocked: boolean }) =>
      api<null>(`/api/v1/me/blocks/${encodeURIComponent(handle)}`, { method: blocked ? 'PUT' : 'DELETE' }),
    // What a block hides reaches every feed, thread, search and the notifications: read them all again.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
