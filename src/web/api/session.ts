import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { MemberSelf, SessionInfo } from '../../shared/api';
import { clearAllDrafts } from '../ui/draftStorage';
import { api, onCsrfRefresh, setCsrfToken } from './client';

export const sessionKey = ['session'] as const;

export async function fetchSession(): Promise<SessionInfo> {
  const session = await api<SessionInfo>('/api/v1/session');
  setCsrfToken(session.csrfToken);
  return session;
}

/** Wires the CSRF refresh of the fetch wrapper to the session query. */
export function connectSession(queryClient: QueryClient): void {
  onCsrfRefresh(async () => {
    const session = await queryClient.fetchQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 0 });
    return session.csrfToken;
  });
}

/** The signed-in member (or null), and whether we know yet. */
export function useSession() {
  const query = useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000 });
  const member = query.data?.member ?? null;
  return {
    member,
    isAdmin: member?.roles.includes('admin') ?? false,
    isLoading: query.isPending,
    isError: query.isError,
    error: query.error,
  };
}

/** Call after sign-up, log-in or recovery: the server answered with a new session. */
export function startSession(queryClient: QueryClient, member: MemberSelf, csrfToken: string): void {
  setCsrfToken(csrfToken);
  queryClient.setQueryData<SessionInfo>(sessionKey, { member, csrfToken });
  // Anything fetched while logged out (groups' "joined", help by country) is now stale.
  void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
}

/** Call after logging out: forget everything that belonged to the member, drafts included. */
export function endSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  clearAllDrafts();
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
  queryClient.setQueryData<SessionInfo>(sessionKey, { member: null, csrfToken: null });
  void queryClient.invalidateQueries({ queryKey: sessionKey });
}

export function updateSessionMember(queryClient: QueryClient, member: MemberSelf): void {
  queryClient.setQueryData<SessionInfo>(sessionKey, (old) => ({ member, csrfToken: old?.csrfToken ?? null }));
}
