import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HandOffResult, MeetingFeedbackAnswer, MeetingRoomView } from '../../../../shared/meeting-room';
import { api, isApiError } from '../../../api/client';
import type { RoomView } from '../../rooms/types';

export const meetingRoomKeys = {
  room: (id: string, date: string) => ['meetingRoom', id, date] as const,
  conversation: (id: string) => ['meetingRoom', 'conversation', id] as const,
};

export const roomPath = (id: string, date: string) => `/api/v1/meetings/${encodeURIComponent(id)}/occurrences/${encodeURIComponent(date)}/room`;

/** Comes into the room (it opens ten minutes before); from then on the live connection keeps it current. */
export function useEnterRoom(id: string, date: string) {
  return useQuery({
    queryKey: meetingRoomKeys.room(id, date),
    queryFn: () => api<MeetingRoomView>(roomPath(id, date), { method: 'POST', body: {} }),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    // A kind refusal (not open yet, no seat, removed, locked) does not change by asking again at once.
    retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
  });
}

/** The room's conversation, as the chat opens it. */
export function useMeetingConversation(conversationId: string | null) {
  return useQuery({
    queryKey: meetingRoomKeys.conversation(conversationId ?? ''),
    queryFn: ({ signal }) => api<RoomView>(`/api/v1/conversations/${encodeURIComponent(conversationId!)}`, { signal }),
    enabled: conversationId !== null,
    staleTime: 0,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: false,
  });
}

type Action =
  | { path: 'hand'; body: { raised: boolean } }
  | { path: 'step'; body: { step: number } }
  | { path: 'floor'; body: { memberId: string | null; shareSeconds?: number | null } }
  | { path: 'lock' | 'mute-all'; body: { on: boolean } }
  | { path: 'remove'; body: { memberId: string } }
  | { path: 'end'; body: Record<string, never> }
  | { path: 'feedback'; body: { answer: MeetingFeedbackAnswer } };

/** Every action that answers with the room as it now stands. */
export function useRoomAction(id: string, date: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: Action) => api<MeetingRoomView>(`${roomPath(id, date)}/${action.path}`, { method: 'POST', body: action.body }),
    onSuccess: (view) => queryClient.setQueryData(meetingRoomKeys.room(id, date), view),
  });
}

export function useHandOff(id: string, date: string) {
  return useMutation({
    mutationFn: (body: { memberId: string; to: 'listener' | 'moderator' }) => api<HandOffResult>(`${roomPath(id, date)}/hand-off`, { method: 'POST', body }),
  });
}

export function useReact(id: string, date: string) {
  return useMutation({
    mutationFn: (reaction: string) => api<void>(`${roomPath(id, date)}/reactions`, { method: 'POST', body: { reaction } }),
  });
}

export function useMute(conversationId: string) {
  return useMutation({
    mutationFn: (body: { memberId: string; minutes: number }) => api<void>(`/api/v1/conversations/${encodeURIComponent(conversationId)}/mutes`, { method: 'POST', body }),
  });
}
