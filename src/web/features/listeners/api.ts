import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../api/client';
import type {
  ApplicationBody,
  DutyStatus,
  ListenerApplication,
  ListenerProfile,
  ListenerStanding,
  PendingApplicationList,
  ProfileUpdate,
  QuizAnswers,
  QuizResult,
  ReviewBody,
  ReviewResult,
  TrainingModule,
} from '../../../shared/listeners';

export const listenerKeys = {
  all: ['listeners'] as const,
  standing: ['listeners', 'standing'] as const,
  module: (id: string) => ['listeners', 'module', id] as const,
  profile: ['listeners', 'profile'] as const,
  pending: ['listeners', 'pending'] as const,
};

/** Once a minute: time on duty and the break nudge stay current without a socket. */
const DUTY_POLL_MS = 60_000;

export function useStanding() {
  return useQuery({ queryKey: listenerKeys.standing, queryFn: ({ signal }) => api<ListenerStanding>('/api/v1/listeners/me', { signal }) });
}

export function useTrainingModule(id: string) {
  return useQuery({ queryKey: listenerKeys.module(id), queryFn: ({ signal }) => api<TrainingModule>(`/api/v1/listeners/training/${encodeURIComponent(id)}`, { signal }) });
}

export function useAnswerQuiz(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: QuizAnswers) => api<QuizResult>(`/api/v1/listeners/training/${encodeURIComponent(id)}/answers`, { method: 'POST', body }),
    onSuccess: (result) => {
      if (result.passed) void queryClient.invalidateQueries({ queryKey: listenerKeys.all });
    },
  });
}

export function useApply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApplicationBody) => api<ListenerApplication>('/api/v1/listeners/applications', { method: 'POST', body }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: listenerKeys.standing }),
  });
}

export function useListenerProfile(enabled = true) {
  return useQuery({ queryKey: listenerKeys.profile, queryFn: ({ signal }) => api<ListenerProfile>('/api/v1/listeners/me/profile', { signal }), enabled, refetchInterval: DUTY_POLL_MS });
}

export function useSetDuty() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (status: DutyStatus) => api<ListenerProfile>('/api/v1/listeners/me/duty', { method: 'PUT', body: { status } }),
    onSuccess: (profile) => queryClient.setQueryData(listenerKeys.profile, profile),
  });
}

export function useUpdateListenerProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileUpdate) => api<ListenerProfile>('/api/v1/listeners/me/profile', { method: 'PATCH', body }),
    onSuccess: (profile) => queryClient.setQueryData(listenerKeys.profile, profile),
  });
}

export function usePendingApplications() {
  return useInfiniteQuery({
    queryKey: listenerKeys.pending,
    queryFn: ({ pageParam, signal }) => api<PendingApplicationList>(`/api/v1/moderation/listener-applications${query({ cursor: pageParam })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReviewBody }) => api<ReviewResult>(`/api/v1/moderation/listener-applications/${encodeURIComponent(id)}/review`, { method: 'POST', body }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: listenerKeys.pending }),
  });
}
