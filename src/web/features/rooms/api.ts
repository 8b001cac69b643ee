import { useMutation, useQuery } from '@tanstack/react-query';
import { api, isApiError, query } from '../../api/client';
import { groupPath } from '../groups/api';
import type { ChatMessage, MessagePage, ParticipantState, RoomInfo, RoomSettingsBody, RoomView } from './types';

export const roomKeys = {
  all: ['rooms'] as const,
  view: (slug: string) => ['rooms', 'view', slug] as const,
};

const conversationPath = (id: string) => `/api/v1/conversations/${encodeURIComponent(id)}`;

/**
 * Everything the room page needs to open. Fetched once per visit: from then on the live
 * connection keeps it current (and catches up after a dropped connection).
 */
export function useRoomView(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: roomKeys.view(slug),
    queryFn: ({ signal }) => api<RoomView>(`${groupPath(slug)}/room`, { signal }),
    enabled,
    staleTime: 0,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    // Not a member, or not signed in: asking again will not change the answer.
    retry: (count, error) => !(isApiError(error) && (error.status === 401 || error.status === 403 || error.status === 404)) && count < 2,
  });
}

/** "N here now" on the way into a room, refreshed while the group's page is open. */
export function useHereNow(slug: string) {
  return useQuery({
    queryKey: [...roomKeys.all, 'here', slug] as const,
    queryFn: ({ signal }) => api<{ hereNow: number }>(`${groupPath(slug)}/room/here`, { signal }).then((r) => r.hereNow),
    refetchInterval: 30_000,
    retry: false,
  });
}

/** Older messages, before the oldest one on screen. */
export function fetchOlder(conversationId: string, before: number): Promise<MessagePage> {
  return api<MessagePage>(`${conversationPath(conversationId)}/messages${query({ before, limit: 50 })}`);
}

export function useGuidelinesSeen(conversationId: string) {
  return useMutation({
    mutationFn: () => api<ParticipantState>(`${conversationPath(conversationId)}/guidelines/seen`, { method: 'POST', body: {} }),
  });
}

/** Hosts: the pinned guidelines and slow mode. */
export function useRoomSettings(conversationId: string) {
  return useMutation({
    mutationFn: (body: RoomSettingsBody) => api<RoomInfo>(`${conversationPath(conversationId)}/settings`, { method: 'PATCH', body }),
  });
}

/** Hosts: removes a message, with the reason its author will see. */
export function useRemoveMessage() {
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => api<ChatMessage>(`/api/v1/messages/${encodeURIComponent(id)}/remove`, { method: 'POST', body: { reason } }),
  });
}

/** Hosts: mutes a member in this room for some minutes (0 lifts the mute). */
export function useMute(conversationId: string) {
  return useMutation({
    mutationFn: ({ memberId, minutes }: { memberId: string; minutes: number }) =>
      api<void>(`${conversationPath(conversationId)}/mutes`, { method: 'POST', body: { memberId, minutes } }),
  });
}
