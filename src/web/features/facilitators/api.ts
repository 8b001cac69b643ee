import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../api/client';
import type { FacilitatorModule, FacilitatorQuizResult, FacilitatorStanding, QuizAnswers } from '../../../shared/facilitators';
import { useTrainingLanguage } from '../listeners/api';

export const facilitatorKeys = {
  all: ['facilitators'] as const,
  standingIn: (lang: string) => ['facilitators', 'standing', lang] as const,
  module: (id: string, lang: string) => ['facilitators', 'module', id, lang] as const,
};

/** The member's facilitator training and whether they are a facilitator, titled in the screens' language. */
export function useFacilitatorStanding() {
  const lang = useTrainingLanguage();
  return useQuery({ queryKey: facilitatorKeys.standingIn(lang ?? ''), queryFn: ({ signal }) => api<FacilitatorStanding>(`/api/v1/facilitators/me${query({ lang })}`, { signal }) });
}

/** One module in the screens' language; switching language fetches it again. */
export function useFacilitatorModule(id: string) {
  const lang = useTrainingLanguage();
  return useQuery({
    queryKey: facilitatorKeys.module(id, lang ?? ''),
    queryFn: ({ signal }) => api<FacilitatorModule>(`/api/v1/facilitators/training/${encodeURIComponent(id)}${query({ lang })}`, { signal }),
  });
}

/** Checks the answers (by ids, the same in every language); what to look at again comes in the screens' language. */
export function useAnswerFacilitatorQuiz(id: string) {
  const queryClient = useQueryClient();
  const lang = useTrainingLanguage();
  return useMutation({
    mutationFn: (body: QuizAnswers) => api<FacilitatorQuizResult>(`/api/v1/facilitators/training/${encodeURIComponent(id)}/answers${query({ lang })}`, { method: 'POST', body }),
    onSuccess: (result) => {
      if (result.passed) void queryClient.invalidateQueries({ queryKey: facilitatorKeys.all });
    },
  });
}
