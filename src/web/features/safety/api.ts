import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { SAFETY_CHECK_TEXT_MAX, type SafetyCheck, type SafetyCheckBody, type SafetyPlan, type SafetyPlanFields } from '../../api/safetyTypes';
import { useSession } from '../../api/session';
import { charCount } from '../../ui/CharacterCount';
import { useDebouncedValue } from '../../ui/useDebouncedValue';

/** How long typing must pause before a draft is looked at. */
export const DRAFT_CHECK_DELAY_MS = 800;
/** Shorter drafts are not looked at: too little to go on, and every keystroke would ask. */
export const DRAFT_CHECK_MIN_CHARS = 15;

/**
 * What the safety module makes of a draft while it is being written: help to offer, a word on
 * replying with care. Asked once typing pauses; a newer draft cancels the question about an older
 * one. Nothing is stored on the server, and nothing here ever blocks sending.
 */
export function useDraftCheck(text: string, kind: SafetyCheckBody['kind']): SafetyCheck | null {
  const { member } = useSession();
  const settled = useDebouncedValue(text.trim(), DRAFT_CHECK_DELAY_MS);
  const length = charCount(settled);
  // A draft longer than the check takes is longer than any post: its own error says so.
  const enabled = !!member && length >= DRAFT_CHECK_MIN_CHARS && length <= SAFETY_CHECK_TEXT_MAX;
  const check = useQuery({
    queryKey: ['safety-check', kind, settled],
    queryFn: ({ signal }) => api<SafetyCheck>('/api/v1/safety/check', { method: 'POST', body: { text: settled, kind }, signal }),
    enabled,
    staleTime: Infinity,
    // Drafts are private: answers about them stay in memory only briefly.
    gcTime: 30_000,
    retry: false,
    // While the next answer is on its way the last one stays, so the note does not flicker.
    placeholderData: keepPreviousData,
  });
  return enabled ? (check.data ?? null) : null;
}

export const safetyPlanKey = ['safety-plan'] as const;

/** The signed-in member's own safety plan (empty until first saved). */
export function useSafetyPlan(enabled: boolean) {
  return useQuery({
    queryKey: safetyPlanKey,
    queryFn: ({ signal }) => api<SafetyPlan>('/api/v1/me/safety-plan', { signal }),
    enabled,
    staleTime: 60_000,
  });
}

export function useSaveSafetyPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (plan: SafetyPlanFields) => api<SafetyPlan>('/api/v1/me/safety-plan', { method: 'PUT', body: plan }),
    onSuccess: (saved) => queryClient.setQueryData(safetyPlanKey, saved),
  });
}
