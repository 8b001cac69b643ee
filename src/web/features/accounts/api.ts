import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LogInBody, MemberSelf, RecoverBody, SignUpBody, SignedUp, UpdateMeBody } from '../../../shared/api';
import { api, query } from '../../api/client';
import { startSession, updateSessionMember } from '../../api/session';

export const fetchHandleSuggestion = () => api<{ handle: string }>('/api/v1/accounts/suggest-handle');

export const checkHandle = (handle: string, signal?: AbortSignal) =>
  api<{ available: boolean; message?: string; suggestion?: string }>(`/api/v1/accounts/handle-available${query({ handle })}`, signal ? { signal } : {});

type SignedInResult = { member: MemberSelf; csrfToken: string };

/**
 * `then` runs in the same tick as the session starts, so a page that reacts to the new
 * session (e.g. by no longer showing its form) already has what it needs to show next.
 */
function useSessionMutation<B, R extends SignedInResult>(path: string, then: (data: R) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api<R>(path, { method: 'POST', body }),
    onSuccess: (data) => {
      then(data);
      startSession(queryClient, data.member, data.csrfToken);
    },
  });
}

export const useSignUp = (then: (data: SignedUp) => void) => useSessionMutation<SignUpBody, SignedUp>('/api/v1/accounts', then);
export const useLogIn = (then: (data: SignedInResult) => void) => useSessionMutation<LogInBody, SignedInResult>('/api/v1/session', then);
export const useRecover = (then: (data: SignedUp) => void) => useSessionMutation<RecoverBody, SignedUp>('/api/v1/accounts/recover', then);

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMeBody) => api<{ member: MemberSelf }>('/api/v1/me', { method: 'PATCH', body }),
    onSuccess: (data) => {
      updateSessionMember(queryClient, data.member);
      // Crisis lines follow the member's country.
      void queryClient.invalidateQueries({ queryKey: ['crisis-help'] });
    },
  });
}

export function useChangePassphrase() {
  return useMutation({
    mutationFn: (body: { currentPassphrase: string; newPassphrase: string }) =>
      api<void>('/api/v1/me/passphrase', { method: 'PUT', body }),
  });
}

export function useNewRecoveryCode() {
  return useMutation({
    mutationFn: (body: { passphrase: string }) => api<{ recoveryCode: string }>('/api/v1/me/recovery-code', { method: 'POST', body }),
  });
}

/** Ends every session of the member, this one included. The caller leaves the page, then calls endSession. */
export const logOutEverywhere = () => api<void>('/api/v1/sessions', { method: 'DELETE' });

/** Everything the member wrote and keeps here, as the server gathers it for download. */
export const downloadMyData = () => api<unknown>('/api/v1/me/export');

/** Deletes the account for good. The caller leaves the page, then calls endSession. */
export function useDeleteAccount() {
  return useMutation({ mutationFn: (body: { passphrase: string }) => api<void>('/api/v1/me', { method: 'DELETE', body }) });
}
