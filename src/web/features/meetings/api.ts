import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateMeetingBody, Meeting, Occurrence, OccurrenceList, RsvpResult, UpcomingList, UpdateMeetingBody } from '../../../shared/meetings';
import { api, query } from '../../api/client';

export const meetingKeys = {
  all: ['meetings'] as const,
  upcoming: (group: string) => ['meetings', 'upcoming', { group }] as const,
  one: (id: string) => ['meetings', 'one', id] as const,
  occurrences: (id: string) => ['meetings', 'occurrences', id] as const,
};

const path = (id: string) => `/api/v1/meetings/${encodeURIComponent(id)}`;
const occurrencePath = (id: string, date: string) => `${path(id)}/occurrences/${encodeURIComponent(date)}`;

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

/** One series. */
export function useMeeting(id: string) {
  return useQuery({
    queryKey: meetingKeys.one(id),
    queryFn: ({ signal }) => api<{ meeting: Meeting }>(path(id), { signal }),
    select: (data) => data.meeting,
  });
}

/** The series' next meetings (one in progress included), with seats and my own RSVP. */
export function useSeriesOccurrences(id: string, limit = 8) {
  return useQuery({
    queryKey: meetingKeys.occurrences(id),
    queryFn: ({ signal }) => api<OccurrenceList>(`${path(id)}/occurrences${query({ limit })}`, { signal }),
    select: (data) => data.items,
    // Seats change as others save and give up places; the room's link appears as the start nears.
    refetchInterval: 60_000,
  });
}

/** Every change to a meeting refreshes the series, its occurrences and the lists. */
function useMeetingMutation<TVars, TData>(fn: (vars: TVars) => Promise<TData>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void queryClient.invalidateQueries({ queryKey: meetingKeys.all }) });
}

export function useRsvp() {
  return useMeetingMutation(({ id, date }: { id: string; date: string }) => api<RsvpResult>(`${occurrencePath(id, date)}/rsvp`, { method: 'POST' }));
}

export function useCancelRsvp() {
  return useMeetingMutation(({ id, date }: { id: string; date: string }) => api<RsvpResult>(`${occurrencePath(id, date)}/rsvp`, { method: 'DELETE' }));
}

export function useCancelOccurrence() {
  return useMeetingMutation(({ id, date, reason }: { id: string; date: string; reason: string }) =>
    api<{ occurrence: Occurrence }>(`${occurrencePath(id, date)}/cancel`, { method: 'POST', body: { reason } }),
  );
}

export function useMoveOccurrence() {
  return useMeetingMutation(({ id, date, to }: { id: string; date: string; to: { date: string; time: string; reason?: string } }) =>
    api<{ occurrence: Occurrence }>(`${occurrencePath(id, date)}/move`, { method: 'POST', body: to }),
  );
}

export function useCancelSeries() {
  return useMeetingMutation((id: string) => api<{ meeting: Meeting }>(`${path(id)}/cancel`, { method: 'POST' }));
}

export function useSetCoFacilitator() {
  return useMeetingMutation(({ id, handle }: { id: string; handle: string | null }) => api<{ meeting: Meeting }>(`${path(id)}/co-facilitator`, { method: 'PUT', body: { handle } }));
}

/** The series' calendar file, for "Add to my calendar". */
export const calendarPath = (meetingId: string) => `${path(meetingId)}/calendar.ics`;
/** The series' own page. */
export const meetingPagePath = (meetingId: string) => `/meetings/${encodeURIComponent(meetingId)}`;
/** The live room of one occurrence. */
export const meetingRoomPath = (meetingId: string, localDate: string) => `/meetings/${encodeURIComponent(meetingId)}/${encodeURIComponent(localDate)}/room`;

/** The leaders edit the series: details, format, places and schedule (overrides stay, keyed by date). */
export function useUpdateMeeting() {
  return useMeetingMutation(({ id, body }: { id: string; body: UpdateMeetingBody }) => api<{ meeting: Meeting }>(path(id), { method: 'PATCH', body }));
}
