import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateMeetingBody, Meeting, UpcomingList } from '../../../shared/meetings';
import { api, query } from '../../api/client';

export const meetingKeys = {
  all: ['meetings'] as const,
  upcoming: (group: string) => ['meetings', 'upcoming', { group }] as const,
};

/** The next 30 days of meetings across the groups I may read, or in one group. */
export function useUpcomingMeetings(group: string) {
  return useQuery({
    queryKey: meetingKeys.upcoming(group),
    queryFn: ({ signal }) => api<UpcomingList>(`/api/v1/meetings/upcoming${query({ group: group || undefined })}`, { signal }),
    select: (data) => data.items,
  });
}

export function useScheduleMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ slug, body }: { slug: string; body: CreateMeetingBody }) =>
      api<{ meeting: Meeting }>(`/api/v1/groups/${encodeURIComponent(slug)}/meetings`, { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: meetingKeys.all }),
  });
}

/** The series' calendar file, for "Add to my calendar". */
export const calendarPath = (meetingId: string) => `/api/v1/meetings/${encodeURIComponent(meetingId)}/calendar.ics`;
