import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { MemberSelf, SessionInfo } from '../../shared/api';
import { clearAllDrafts, endDraftsOf, keepOnlyDraftsOf, onSessionEndedElsewhere } from '../ui/draftStorage';
import { api, onCsrfRefresh, setCsrfToken } from './client';

export const sessionKey = ['session'] as const;

export async function fetchSession(): Promise<SessionInfo> {
  const session = await api<SessionInfo>('/api/v1/session');
  setCsrfToken(session.csrfToken);
  return session;
}

/** Wires the CSRF refresh of the fetch wrapper to the session query, and drafts to the session. */
export function connectSession(queryClient: QueryClient): void {
  onCsrfRefresh(async () => {
    const session = await queryClient.fetchQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 0 });
    return session.csrfToken;
  });
  keepDraftsToSession(queryClient);
}

/**
 * Drafts belong to a session, however it ends: logging out here or in another tab, a session the
 * server ended (expired, "log out everywhere", a 401), or another member signing in. Whenever the
 * session goes from a member to nobody or to someone else, that member's drafts go too.
 */
function keepDraftsToSession(queryClient: QueryClient): void {
  let known: { member: string | null; seenAt: number } | undefined;
  queryClient.getQueryCache().subscribe(({ query }) => {
    if (query.queryKey.length !== 1 || query.queryKey[0] !== sessionKey[0]) return;
    const data = query.state.data as SessionInfo | undefined;
    if (!data) return;
    const member = data.member?.id ?? null;
    // The first word on who is signed in: drafts left by anyone else (whose session ended while no tab was open) go.
    if (known === undefined) keepOnlyDraftsOf(member);
    else if (known.member !== null && known.member !== member) endDraftsOf(known.member, member, known.seenAt);
    known = { member, seenAt: query.state.dataUpdatedAt };
  });
  // Another tab saw a session end: find out at once what that means here.
  onSessionEndedElsewhere(() => void queryClient.invalidateQueries({ queryKey: sessionKey }));
}

/** The signed-in member (or null), and whether we know yet. */
export function useSession() {
  const query = useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000 });
  const member = query.data?.member ?? null;
  const isModerator = member?.roles.some((r) => r === 'moderator' || r === 'admin') ?? false;
  return {
    member,
    isAdmin: member?.roles.includes('admin') ?? false,
    /** Moderators and admins: who sees risk alerts. */
    isModerator,
    /** Who has a review queue: the site's moderators and admins, and the moderators of a group (their groups' items). */
    canReview: isModerator || (member?.moderatesGroups?.length ?? 0) > 0,
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
