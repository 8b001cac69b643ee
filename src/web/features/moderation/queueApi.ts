import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AuditPage,
  ContentActionBody,
  MemberActionBody,
  MemberStanding,
  ModerationDashboard,
  MyNotice,
  MyReport,
  ReportBody,
  ReviewItem,
  ReviewList,
  ReviewQuery,
} from '../../../shared/moderation';
import { api, query } from '../../api/client';
import { useSocket, useSocketEvent } from '../../realtime';

/** Should a moderator's live connection drop, the queue still asks again this often. */
const QUEUE_POLL_MS = 60_000;

export const moderationKeys = {
  all: ['moderation'] as const,
  queues: ['moderation', 'queue'] as const,
  queue: (filters: ReviewQuery) => ['moderation', 'queue', filters] as const,
  audits: ['moderation', 'audit'] as const,
  audit: (action: string) => ['moderation', 'audit', action] as const,
  dashboard: ['moderation', 'dashboard'] as const,
  member: (handle: string) => ['moderation', 'member', handle.toLowerCase()] as const,
  myReports: ['my-reports'] as const,
  notices: ['my-notices'] as const,
};

const queuePath = (key: string) => `/api/v1/moderation/queue/${encodeURIComponent(key)}`;

// ---------- Members: reports and notices ----------

/** Reports a post, reply, message, member or listener to the moderators. */
export function useCreateReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportBody) => api<{ report: MyReport }>('/api/v1/reports', { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: moderationKeys.myReports }),
  });
}

/** The member's own reports, with what became of them. */
export function useMyReports() {
  return useQuery({
    queryKey: moderationKeys.myReports,
    queryFn: ({ signal }) => api<{ items: MyReport[] }>('/api/v1/reports/mine', { signal }).then((r) => r.items),
  });
}

/** What moderators did about the member's words or account. */
export function useMyNotices(enabled: boolean) {
  return useQuery({
    queryKey: moderationKeys.notices,
    queryFn: ({ signal }) => api<{ items: MyNotice[] }>('/api/v1/me/notices', { signal }).then((r) => r.items),
    enabled,
    staleTime: 5 * 60_000,
    // A server without the notices yet, or a blip: say nothing rather than an error over every page.
    retry: false,
  });
}

export function useMarkNoticesSeen() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/v1/me/notices/seen', { method: 'POST', body: {} }),
    onSuccess: () => {
      queryClient.setQueryData<MyNotice[]>(moderationKeys.notices, (items) => items?.map((n) => ({ ...n, seen: true })));
      void queryClient.invalidateQueries({ queryKey: moderationKeys.notices });
    },
  });
}

// ---------- Moderators: the review queue ----------

/** What waits for a moderator, oldest urgent first; follows the live connection's "the queue changed". */
export function useReviewQueue(filters: ReviewQuery) {
  const queryClient = useQueryClient();
  const socket = useSocket();
  useSocketEvent(socket, 'moderation:changed', () => {
    void queryClient.invalidateQueries({ queryKey: moderationKeys.queues });
  });
  return useQuery({
    queryKey: moderationKeys.queue(filters),
    queryFn: ({ signal }) => api<ReviewList>(`/api/v1/moderation/queue${query({ type: filters.type, group: filters.group, urgency: filters.urgency })}`, { signal }),
    refetchInterval: QUEUE_POLL_MS,
  });
}

/** Puts a changed item in every cached queue (or takes it out, once closed). */
function useReplaceItem() {
  const queryClient = useQueryClient();
  return (key: string, item: ReviewItem | null) => {
    queryClient.setQueriesData<ReviewList>({ queryKey: moderationKeys.queues }, (data) =>
      data && { ...data, items: item ? data.items.map((i) => (i.key === key ? item : i)) : data.items.filter((i) => i.key !== key) },
    );
  };
}

export function useClaim() {
  const queryClient = useQueryClient();
  const replace = useReplaceItem();
  return useMutation({
    mutationFn: (key: string) => api<{ item: ReviewItem }>(`${queuePath(key)}/claim`, { method: 'POST', body: {} }),
    onSuccess: ({ item }, key) => replace(key, item),
    // Someone else may hold it now: show who.
    onError: () => void queryClient.invalidateQueries({ queryKey: moderationKeys.queues }),
  });
}

export function useRelease() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => api<void>(`${queuePath(key)}/claim`, { method: 'DELETE' }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: moderationKeys.queues }),
  });
}

/** Approve, dismiss or remove what an item is about. Resolves with the item, or null once it left the queue. */
export function useContentAction() {
  const queryClient = useQueryClient();
  const replace = useReplaceItem();
  return useMutation({
    mutationFn: ({ key, body }: { key: string; body: ContentActionBody }) => api<{ item: ReviewItem | null }>(`${queuePath(key)}/actions`, { method: 'POST', body }),
    onSuccess: ({ item }, { key }) => {
      replace(key, item);
      void queryClient.invalidateQueries({ queryKey: moderationKeys.all });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: moderationKeys.queues }),
  });
}

/** Warn, mute, suspend, ban, or lift a sanction. */
export function useMemberAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ handle, body }: { handle: string; body: MemberActionBody }) =>
      api<{ member: MemberStanding }>(`/api/v1/moderation/members/${encodeURIComponent(handle)}/actions`, { method: 'POST', body }),
    onSuccess: ({ member }) => {
      queryClient.setQueryData(moderationKeys.member(member.handle), member);
      void queryClient.invalidateQueries({ queryKey: moderationKeys.all });
    },
  });
}

/** A member's standing: mutes, suspension, ban, warnings. */
export function useMemberStanding(handle: string, enabled: boolean) {
  return useQuery({
    queryKey: moderationKeys.member(handle),
    queryFn: ({ signal }) => api<{ member: MemberStanding }>(`/api/v1/moderation/members/${encodeURIComponent(handle)}`, { signal }).then((r) => r.member),
    enabled,
  });
}

/** Puts back a post, reply or message a moderator removed. */
export function useRestoreContent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ type, id, reason }: { type: 'post' | 'reply' | 'message'; id: string; reason: string }) =>
      api<void>(`/api/v1/moderation/content/${type}/${encodeURIComponent(id)}/restore`, { method: 'POST', body: { reason } }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: moderationKeys.all }),
  });
}

// ---------- The record and the numbers ----------

/** The audit trail, newest first, a page at a time; `action` narrows it to one kind of action. */
export function useAuditLog(action: string) {
  return useInfiniteQuery({
    queryKey: moderationKeys.audit(action),
    queryFn: ({ pageParam, signal }) => api<AuditPage>(`/api/v1/moderation/audit${query({ cursor: pageParam, action })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** For admins: how much waits, and how fast moderators act. */
export function useModerationDashboard() {
  return useQuery({
    queryKey: moderationKeys.dashboard,
    queryFn: ({ signal }) => api<ModerationDashboard>('/api/v1/moderation/dashboard', { signal }),
    refetchInterval: QUEUE_POLL_MS,
  });
}
