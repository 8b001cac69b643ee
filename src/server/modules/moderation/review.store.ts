import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

/**
 * The queries behind the review queue. Nothing is copied into a queue table: each source
 * (reports, held posts, replies and messages, risk alerts, flags) is read where it lives,
 * so closing a thing anywhere closes it in the queue too.
 */

/** How many of each source one look at the queue reads: far more than a team works through at once. */
const SOURCE_LIMIT = 500;

export type TargetType = 'post' | 'reply' | 'message' | 'member' | 'conversation' | 'support_request';
export const TARGET_TYPES: readonly TargetType[] = ['post', 'reply', 'message', 'member', 'conversation', 'support_request'];

export function openReports(db: Kysely<DB>) {
  return db
    .selectFrom('reports')
    .select(['id', 'target_type', 'target_id', 'subject_id', 'group_id', 'reason', 'note', 'created_at'])
    .where('status', '=', 'open')
    .orderBy('created_at', 'asc')
    .limit(SOURCE_LIMIT)
    .execute();
}

export async function heldContent(db: Kysely<DB>) {
  const [posts, replies, messages] = await Promise.all([
    db.selectFrom('posts').select(['id', 'held_reason', 'created_at', 'edited_at']).where('status', '=', 'held').where('deleted_at', 'is', null).orderBy('created_at', 'asc').limit(SOURCE_LIMIT).execute(),
    db.selectFrom('replies').select(['id', 'held_reason', 'created_at', 'edited_at']).where('status', '=', 'held').where('deleted_at', 'is', null).orderBy('created_at', 'asc').limit(SOURCE_LIMIT).execute(),
    db.selectFrom('messages').select(['id', 'held_reason', 'created_at']).where('status', '=', 'held').where('deleted_at', 'is', null).orderBy('created_at', 'asc').limit(SOURCE_LIMIT).execute(),
  ]);
  return [
    ...posts.map((p) => ({ type: 'post' as const, id: p.id, heldReason: p.held_reason, at: Number(p.edited_at ?? p.created_at) })),
    ...replies.map((r) => ({ type: 'reply' as const, id: r.id, heldReason: r.held_reason, at: Number(r.edited_at ?? r.created_at) })),
    ...messages.map((m) => ({ type: 'message' as const, id: m.id, heldReason: m.held_reason, at: Number(m.created_at) })),
  ];
}

export function activeAlerts(db: Kysely<DB>) {
  return db
    .selectFrom('risk_alerts')
    .select(['id', 'content_type', 'content_id', 'group_id', 'level', 'urgent', 'categories', 'created_at'])
    .where('status', 'in', ['open', 'acknowledged'])
    .orderBy('created_at', 'asc')
    .limit(SOURCE_LIMIT)
    .execute();
}

export function openFlags(db: Kysely<DB>) {
  return db
    .selectFrom('content_flags')
    .select(['id', 'content_type', 'content_id', 'conversation_id', 'reason', 'note', 'created_at'])
    .where('status', '=', 'open')
    .orderBy('created_at', 'asc')
    .limit(SOURCE_LIMIT)
    .execute();
}

export function claims(db: Kysely<DB>, keys?: string[]) {
  let q = db.selectFrom('review_claims').innerJoin('members', 'members.id', 'review_claims.moderator_id').select(['review_claims.item_key', 'review_claims.moderator_id', 'review_claims.claimed_at', 'members.handle']);
  if (keys) q = q.where('review_claims.item_key', 'in', keys.length ? keys : ['-']);
  return q.execute();
}

/** What the queue shows of each target, read in one query per kind. */
export async function targets(db: Kysely<DB>, keys: { type: TargetType; id: string }[]) {
  const ids = (type: TargetType) => [...new Set(keys.filter((k) => k.type === type).map((k) => k.id))];
  const postIds = ids('post');
  const replyIds = ids('reply');
  const messageIds = ids('message');
  const memberIds = ids('member');
  const conversationIds = ids('conversation');
  const requestIds = ids('support_request');
  const none = Promise.resolve([]);
  const [posts, replies, messages, members, conversations, requests] = await Promise.all([
    postIds.length
      ? db
          .selectFrom('posts')
          .innerJoin('groups', 'groups.id', 'posts.group_id')
          .innerJoin('members', 'members.id', 'posts.author_id')
          .select(['posts.id', 'posts.title', 'posts.body_md', 'posts.status', 'posts.anonymous', 'posts.deleted_at', 'posts.author_id', 'members.handle', 'members.deleted_at as author_deleted_at', 'members.trust_level', 'groups.slug', 'groups.name'])
          .where('posts.id', 'in', postIds)
          .execute()
      : none,
    replyIds.length
      ? db
          .selectFrom('replies')
          .innerJoin('posts', 'posts.id', 'replies.post_id')
          .innerJoin('groups', 'groups.id', 'posts.group_id')
          .innerJoin('members', 'members.id', 'replies.author_id')
          .select(['replies.id', 'replies.post_id', 'replies.body_md', 'replies.status', 'replies.anonymous', 'replies.deleted_at', 'replies.author_id', 'members.handle', 'members.deleted_at as author_deleted_at', 'members.trust_level', 'groups.slug', 'groups.name'])
          .where('replies.id', 'in', replyIds)
          .execute()
      : none,
    messageIds.length
      ? db
          .selectFrom('messages')
          .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
          .leftJoin('groups', 'groups.id', 'conversations.group_id')
          .innerJoin('members', 'members.id', 'messages.author_id')
          .select([
            'messages.id',
            'messages.body',
            'messages.status',
            'messages.deleted_at',
            'messages.author_id',
            'messages.conversation_id',
            'conversations.kind',
            'members.handle',
            'members.deleted_at as author_deleted_at',
            'members.trust_level',
            'groups.slug',
            'groups.name',
          ])
          .where('messages.id', 'in', messageIds)
          .execute()
      : none,
    memberIds.length ? db.selectFrom('members').select(['id', 'handle', 'deleted_at', 'banned_at', 'suspended_until', 'muted_until', 'trust_level']).where('id', 'in', memberIds).execute() : none,
    conversationIds.length
      ? db.selectFrom('conversations').leftJoin('groups', 'groups.id', 'conversations.group_id').select(['conversations.id', 'conversations.kind', 'groups.slug', 'groups.name']).where('conversations.id', 'in', conversationIds).execute()
      : none,
    requestIds.length
      ? db
          .selectFrom('support_requests')
          .innerJoin('members', 'members.id', 'support_requests.member_id')
          .select(['support_requests.id', 'support_requests.note', 'support_requests.member_id', 'members.handle', 'members.deleted_at as author_deleted_at', 'members.trust_level'])
          .where('support_requests.id', 'in', requestIds)
          .execute()
      : none,
  ]);
  return { posts, replies, messages, members, conversations, requests };
}

/** Closes every open report on a target: `actioned` when a moderator acted, `dismissed` when nothing was wrong. */
export async function closeReports(db: Kysely<DB>, target: { type: TargetType; id: string }, status: 'actioned' | 'dismissed', by: string, t: number): Promise<number> {
  let q = db.updateTable('reports').set({ status, resolved_at: t, resolved_by: by }).where('status', '=', 'open');
  q = target.type === 'member' ? q.where('subject_id', '=', target.id).where('target_type', 'in', ['member', 'listener']) : q.where('target_type', '=', target.type).where('target_id', '=', target.id);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Marks the first moderator action on the target's open reports (for "time to first action"). */
export async function markFirstAction(db: Kysely<DB>, target: { type: TargetType; id: string }, t: number): Promise<void> {
  let q = db.updateTable('reports').set({ first_action_at: t }).where('status', '=', 'open').where('first_action_at', 'is', null);
  q = target.type === 'member' ? q.where('subject_id', '=', target.id).where('target_type', 'in', ['member', 'listener']) : q.where('target_type', '=', target.type).where('target_id', '=', target.id);
  await q.execute();
}

export async function resolveFlags(db: Kysely<DB>, target: { type: TargetType; id: string }, by: string, t: number): Promise<number> {
  const r = await db
    .updateTable('content_flags')
    .set({ status: 'resolved', resolved_at: t, resolved_by: by })
    .where('status', '=', 'open')
    .where('content_type', '=', target.type)
    .where('content_id', '=', target.id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function resolveAlerts(db: Kysely<DB>, target: { type: TargetType; id: string }, by: string, note: string, t: number): Promise<number> {
  const r = await db
    .updateTable('risk_alerts')
    .set({ status: 'resolved', resolved_at: t, resolved_by: by, resolution_note: note })
    .where('status', 'in', ['open', 'acknowledged'])
    .where('content_type', '=', target.type)
    .where('content_id', '=', target.id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
