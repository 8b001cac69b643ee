import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { TrustStats } from './trust.js';

/** The queries behind trust levels. Every count is bounded or served by an index on the author. */

export interface TrustMemberRow {
  id: string;
  created_at: number;
  trust_level: number;
  deleted_at: number | null;
  banned_at: number | null;
}

const MEMBER_COLUMNS = ['id', 'created_at', 'trust_level', 'deleted_at', 'banned_at'] as const;

export function memberForTrust(db: Kysely<DB>, memberId: string): Promise<TrustMemberRow | undefined> {
  return db.selectFrom('members').select(MEMBER_COLUMNS).where('id', '=', memberId).executeTakeFirst();
}

/** Members whose level was last worked out before `checkedBefore`, the longest waiting first. */
export function dueForCheck(db: Kysely<DB>, checkedBefore: number, limit: number): Promise<TrustMemberRow[]> {
  return db
    .selectFrom('members')
    .select(MEMBER_COLUMNS)
    .where('trust_checked_at', '<', checkedBefore)
    .where('deleted_at', 'is', null)
    .where('banned_at', 'is', null)
    .orderBy('trust_checked_at', 'asc')
    .limit(limit)
    .execute();
}

export async function setLevel(db: Kysely<DB>, memberId: string, level: number, t: number): Promise<void> {
  await db.updateTable('members').set({ trust_level: level, trust_checked_at: t }).where('id', '=', memberId).execute();
}

export async function markChecked(db: Kysely<DB>, memberId: string, t: number): Promise<void> {
  await db.updateTable('members').set({ trust_checked_at: t }).where('id', '=', memberId).execute();
}

/**
 * What a member's level is worked out from, in one round trip: contributions counted up to
 * `cap` (published posts, replies and group-room messages still there; support chats are a
 * person asking for help, not taking part), reactions others gave their posts and replies,
 * the last time a moderator or host removed their words, and their last warning, mute or
 * suspension.
 */
export async function trustStats(db: Kysely<DB>, memberId: string, joinedAt: number, cap: number): Promise<TrustStats> {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom(
          db.selectFrom('posts').select(sql<number>`1`.as('one')).where('author_id', '=', memberId).where('status', '=', 'published').where('deleted_at', 'is', null).limit(cap).as('p'),
        )
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('posts'),
      eb
        .selectFrom(
          db.selectFrom('replies').select(sql<number>`1`.as('one')).where('author_id', '=', memberId).where('status', '=', 'published').where('deleted_at', 'is', null).limit(cap).as('r'),
        )
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('replies'),
      eb
        .selectFrom(
          db
            .selectFrom('messages')
            .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
            .select(sql<number>`1`.as('one'))
            .where('messages.author_id', '=', memberId)
            .where('messages.status', '=', 'published')
            .where('messages.deleted_at', 'is', null)
            .where('conversations.kind', '=', 'room')
            .limit(cap)
            .as('m'),
        )
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('messages'),
      eb
        .selectFrom('posts')
        .select(sql<number>`coalesce(sum(hug_count + me_too_count + thank_you_count + got_this_count), 0)`.as('n'))
        .where('author_id', '=', memberId)
        .where('status', '=', 'published')
        .where('deleted_at', 'is', null)
        .as('post_reactions'),
      eb
        .selectFrom('replies')
        .select(sql<number>`coalesce(sum(hug_count + me_too_count + thank_you_count + got_this_count), 0)`.as('n'))
        .where('author_id', '=', memberId)
        .where('status', '=', 'published')
        .where('deleted_at', 'is', null)
        .as('reply_reactions'),
      // Removed and still removed: a moderator who restored the words took the removal back.
      eb.selectFrom('posts').select((e) => e.fn.max('removed_at').as('n')).where('author_id', '=', memberId).where('status', '=', 'removed').as('post_removed'),
      eb.selectFrom('replies').select((e) => e.fn.max('removed_at').as('n')).where('author_id', '=', memberId).where('status', '=', 'removed').as('reply_removed'),
      eb.selectFrom('messages').select((e) => e.fn.max('removed_at').as('n')).where('author_id', '=', memberId).where('status', '=', 'removed').as('message_removed'),
      eb
        .selectFrom('member_warnings')
        .select((e) => e.fn.max('created_at').as('n'))
        .where('member_id', '=', memberId)
        .where('kind', 'in', ['warning', 'mute', 'suspension'])
        .as('sanctioned'),
    ])
    .executeTakeFirstOrThrow();
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const latest = (...values: unknown[]) => values.map(num).reduce<number | null>((a, b) => (b === null ? a : a === null ? b : Math.max(a, b)), null);
  return {
    joinedAt: Number(joinedAt),
    contributions: Math.min(cap, Number(row.posts ?? 0) + Number(row.replies ?? 0) + Number(row.messages ?? 0)),
    reactionsReceived: Number(row.post_reactions ?? 0) + Number(row.reply_reactions ?? 0),
    lastRemovalAt: latest(row.post_removed, row.reply_removed, row.message_removed),
    lastSanctionAt: num(row.sanctioned),
  };
}
