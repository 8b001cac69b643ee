import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { JournalEntry, JournalEntryBody, JournalEntryEnvelope, JournalPage } from '../../../shared/journal';
import { api, query } from '../../api/client';

export const journalKeys = {
  all: ['journal'] as const,
  list: ['journal', 'list'] as const,
  entry: (id: string) => ['journal', 'entry', id] as const,
};

/**
 * The member's private journal. Nothing of it is kept in this browser beyond memory: answers
 * are dropped soon after the page is left (gcTime), and drafts are not saved to storage.
 */
const PRIVATE = { gcTime: 60_000 } as const;

export function useJournal() {
  return useInfiniteQuery({
    queryKey: journalKeys.list,
    queryFn: ({ pageParam, signal }) => api<JournalPage>(`/api/v1/me/journal${query({ cursor: pageParam })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 0,
    ...PRIVATE,
  });
}

export function useJournalEntry(id: string) {
  return useQuery({
    queryKey: journalKeys.entry(id),
    queryFn: ({ signal }) => api<JournalEntryEnvelope>(`/api/v1/me/journal/${encodeURIComponent(id)}`, { signal }),
    select: (data) => data.entry,
    retry: false,
    ...PRIVATE,
  });
}

function useSaved() {
  const queryClient = useQueryClient();
  return (entry: JournalEntry) => {
    queryClient.setQueryData(journalKeys.entry(entry.id), { entry });
    void queryClient.invalidateQueries({ queryKey: journalKeys.list });
  };
}

export function useWriteEntry() {
  const saved = useSaved();
  return useMutation({
    mutationFn: (body: JournalEntryBody) => api<JournalEntryEnvelope>('/api/v1/me/journal', { method: 'POST', body }).then((r) => r.entry),
    onSuccess: saved,
  });
}

export function useEditEntry(id: string) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (body: JournalEntryBody) => api<JournalEntryEnvelope>(`/api/v1/me/journal/${encodeURIComponent(id)}`, { method: 'PUT', body }).then((r) => r.entry),
    onSuccess: saved,
  });
}

export function useDeleteEntry(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<null>(`/api/v1/me/journal/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    // The entry's own copy is left to expire (gcTime): removing it now would make the page, still open, ask for it again.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: journalKeys.list }),
  });
}
