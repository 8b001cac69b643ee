import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
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
import { LANGUAGES, type Language } from '../../../shared/rules';

export const listenerKeys = {
  all: ['listeners'] as const,
  /** Every language's standing: what to invalidate. */
  standing: ['listeners', 'standing'] as const,
  standingIn: (lang: string) => ['listeners', 'standing', lang] as const,
  module: (id: string, lang: string) => ['listeners', 'module', id, lang] as const,
  profile: ['listeners', 'profile'] as const,
  pending: ['listeners', 'pending'] as const,
};

/** Once a minute: time on duty and the break nudge stay current without a socket. */
const DUTY_POLL_MS = 60_000;

/**
 * The language to read the training in: the screens' language when the server knows it;
 * otherwise none, and the server uses the account's language (English when not translated).
 */
export function useTrainingLanguage(): Language | undefined {
  const { i18n } = useTranslation();
  const ui = i18n.language?.slice(0, 2);
  return LANGUAGES.find((l) => l === ui);
}

export function useStanding() {
  const lang = useTrainingLanguage();
  return useQuery({ queryKey: listenerKeys.standingIn(lang ?? ''), queryFn: ({ signal }) => api<ListenerStanding>(`/api/v1/listeners/me${query({ lang })}`, { signal }) });
}

/** One module in the screens' language; switching language fetches it again. */
export function useTrainingModule(id: string) {
  const lang = useTrainingLanguage();
  return useQuery({
    queryKey: listenerKeys.module(id, lang ?? ''),
    queryFn: ({ signal }) => api<TrainingModule>(`/api/v1/listeners/training/${encodeURIComponent(id)}${query({ lang })}`, { signal }),
  });
}

/** Checks the answers (by ids, the same in every language); what to look at again comes in the screens' language. */
export function useAnswerQuiz(id: string) {
  const queryClient = useQueryClient();
  const lang = useTrainingLanguage();
  return useMutation({
    mutationFn: (body: QuizAnswers) => api<QuizResult>(`/api/v1/listeners/training/${encodeURIComponent(id)}/answers${query({ lang })}`, { method: 'POST', body }),
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
