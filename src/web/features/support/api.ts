import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { SafetyOutcome } from '../../../shared/forum';
import type { Helped } from '../../../shared/support-rules';
import type { ListenerQueue, MySupportRequest, SupportFeedbackBody, SupportRequestBody } from '../../../shared/support';
import type * as Support from '../../../shared/support';
import { api, isApiError } from '../../api/client';
import { useSession } from '../../api/session';
import { useSocket, useSocketEvent } from '../../realtime';
import type { RoomView } from '../rooms/types';

export type { Helped, ListenerQueue, MySupportRequest, SupportFeedbackBody, SupportRequestBody };
export type SupportOffer = Static<typeof Support.SupportOffer>;
export type SupportStatus = Static<typeof Support.SupportStatus>;

export const supportKeys = {
  all: ['support'] as const,
  mine: ['support', 'mine'] as const,
  queue: ['support', 'queue'] as const,
  chat: (id: string) => ['support', 'chat', id] as const,
};

/** The socket is the quick way; this poll is the fallback when it is down. */
const POLL_MS = 15_000;
const base = '/api/v1/support';
const requestPath = (id: string) => `${base}/requests/${encodeURIComponent(id)}`;

/** 'support:changed' carries nothing: ask again for whatever support state is on screen. */
export function useSupportLive(): void {
  const socket = useSocket();
  const queryClient = useQueryClient();
  useSocketEvent(socket, 'support:changed', () => {
    void queryClient.invalidateQueries({ queryKey: supportKeys.mine });
    void queryClient.invalidateQueries({ queryKey: supportKeys.queue });
  });
}

/** The member's own request: its place in the queue, the chat once matched, or how it ended. */
export function useMySupport(enabled = true) {
  return useQuery({
    queryKey: supportKeys.mine,
    queryFn: ({ signal }) => api<{ request: MySupportRequest | null }>(`${base}/requests/mine`, { signal }).then((r) => r.request),
    enabled,
    refetchInterval: POLL_MS,
  });
}

export function useAskForListener() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SupportRequestBody) => api<{ request: MySupportRequest; safety: SafetyOutcome }>(`${base}/requests`, { method: 'POST', body }),
    onSuccess: (created) => queryClient.setQueryData(supportKeys.mine, created.request),
  });
}

export function useCancelRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ request: MySupportRequest | null }>(`${base}/requests/mine/cancel`, { method: 'POST', body: {} }),
    onSuccess: (r) => queryClient.setQueryData(supportKeys.mine, r.request),
  });
}

export function useEndChat() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (requestId: string) => api<MySupportRequest>(`${requestPath(requestId)}/end`, { method: 'POST', body: {} }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: supportKeys.all }),
  });
}

export function useSupportFeedback(requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SupportFeedbackBody) => api<void>(`${requestPath(requestId)}/feedback`, { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: supportKeys.mine }),
  });
}

/** Listeners: the offer waiting on them, the anonymised queue and their open chats. */
export function useListenerQueue(enabled = true) {
  return useQuery({
    queryKey: supportKeys.queue,
    queryFn: ({ signal }) => api<ListenerQueue>(`${base}/queue`, { signal }),
    enabled,
    refetchInterval: POLL_MS,
    retry: (count, error) => !(isApiError(error) && (error.status === 401 || error.status === 403)) && count < 2,
  });
}

export function useAcceptOffer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (requestId: string) => api<{ conversationId: string }>(`${requestPath(requestId)}/accept`, { method: 'POST', body: {} }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: supportKeys.queue }),
  });
}

export function useDeclineOffer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (requestId: string) => api<void>(`${requestPath(requestId)}/decline`, { method: 'POST', body: {} }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: supportKeys.queue }),
  });
}

/** Listeners: puts the crisis-lines card for the member's country into the chat. */
export function useShareCrisisLines() {
  return useMutation({
    mutationFn: (requestId: string) => api<unknown>(`${requestPath(requestId)}/crisis-card`, { method: 'POST', body: {} }),
  });
}

/** Listeners: asks a moderator to join the chat. */
export function useBringModerator() {
  return useMutation({
    mutationFn: (requestId: string) => api<unknown>(`${requestPath(requestId)}/moderator`, { method: 'POST', body: {} }),
  });
}

/** Either person: reports the other to the moderators, with what happened. */
export function useReportChat() {
  return useMutation({
    mutationFn: ({ requestId, note }: { requestId: string; note: string }) => api<void>(`${requestPath(requestId)}/report`, { method: 'POST', body: { note } }),
  });
}

/** A private conversation (a support chat) as the room UI opens it. */
export function useConversationView(id: string) {
  const { member } = useSession();
  return useQuery({
    queryKey: supportKeys.chat(id),
    queryFn: ({ signal }) => api<RoomView>(`/api/v1/conversations/${encodeURIComponent(id)}`, { signal }),
    enabled: !!member,
    staleTime: 0,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: (count, error) => !(isApiError(error) && (error.status === 401 || error.status === 403 || error.status === 404)) && count < 2,
  });
}
