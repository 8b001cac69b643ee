import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MoodList, MoodSpan, RecordMoodBody, RecordMoodResult } from '../../../shared/moods';
import { api } from '../../api/client';

export const moodsKey = ['moods'] as const;

/** The member's check-ins of the last 30 or 90 days. */
export function useMoods(days: MoodSpan) {
  return useQuery({
    queryKey: [...moodsKey, days],
    queryFn: ({ signal }) => api<MoodList>(`/api/v1/me/moods?days=${days}`, { signal }),
    gcTime: 60_000,
  });
}

/** The device's own calendar day, so a late-evening check-in counts for the evening's day. */
export function localDay(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function useRecordMood() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordMoodBody) => api<RecordMoodResult>('/api/v1/me/moods', { method: 'POST', body: { ...body, day: localDay() } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moodsKey }),
  });
}

export function useDeleteMood() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/v1/me/moods/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moodsKey }),
  });
}
