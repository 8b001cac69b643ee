import { sql, type Kysely } from 'kysely';
import type { DB, MeetingSessionRow } from '../../platform/db/schema.js';

/** The live room's queries: sessions, the share queue, removals, the one question after. */

export type SessionPatch = Partial<Omit<MeetingSessionRow, 'id' | 'meeting_id' | 'local_date' | 'conversation_id' | 'opened_at'>>;

export function findSession(db: Kysely<DB>, meetingId: string, localDate: string): Promise<MeetingSessionRow | undefined> {
  return db.selectFrom('meeting_sessions').selectAll().where('meeting_id', '=', meetingId).where('local_date', '=', localDate).executeTakeFirst();
}

export function sessionOfConversation(db: Kysely<DB>, conversationId: string): Promise<MeetingSessionRow | undefined> {
  return db.selectFrom('meeting_sessions').selectAll().where('conversation_id', '=', conversationId).executeTakeFirst();
}

/** Rooms not ended yet: the sweep and the leader check look at these few. */
export function openSessions(db: Kysely<DB>): Promise<MeetingSessionRow[]> {
  return db.selectFrom('meeting_sessions').selectAll().where('ended_at', 'is', null).orderBy('id').execute();
}

export async function insertSession(db: Kysely<DB>, row: Pick<MeetingSessionRow, 'id' | 'meeting_id' | 'local_date' | 'conversation_id' | 'opened_at' | 'leader_id'>): Promise<void> {
  await db
    .insertInto('meeting_sessions')
    // -1: the lobby, until a leader starts the meeting.
    .values({ ...row, current_step: -1, speaker_id: null, speaker_since: null, share_seconds: null, locked: 0, all_muted: 0, paused_at: null, ended_at: null, attendance: null })
    .execute();
}

/** Changes a room that has not ended; `where` narrows it further (a guard against a race). False when nothing changed. */
export async function updateSession(db: Kysely<DB>, id: string, patch: SessionPatch, where: { leaderId?: string | null } = {}): Promise<boolean> {
  let q = db.updateTable('meeting_sessions').set(patch).where('id', '=', id).where('ended_at', 'is', null);
  if (where.leaderId !== undefined) q = where.leaderId === null ? q.where('leader_id', 'is', null) : q.where('leader_id', '=', where.leaderId);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The share queue with handles, oldest hand first. */
export function hands(db: Kysely<DB>, sessionId: string) {
  return db
    .selectFrom('meeting_hands')
    .innerJoin('members', 'members.id', 'meeting_hands.member_id')
    .select(['meeting_hands.member_id', 'members.handle', 'meeting_hands.raised_at'])
    .where('meeting_hands.session_id', '=', sessionId)
    .orderBy('meeting_hands.raised_at')
    .orderBy('meeting_hands.member_id')
    .execute();
}

/** Raises a hand once: a second raise keeps the first place in the queue. */
export async function raiseHand(db: Kysely<DB>, sessionId: string, memberId: string, t: number): Promise<void> {
  await db
    .insertInto('meeting_hands')
    .values({ session_id: sessionId, member_id: memberId, raised_at: t })
    .onConflict((oc) => oc.columns(['session_id', 'member_id']).doNothing())
    .execute();
}

export async function lowerHand(db: Kysely<DB>, sessionId: string, memberId: string): Promise<void> {
  await db.deleteFrom('meeting_hands').where('session_id', '=', sessionId).where('member_id', '=', memberId).execute();
}

export async function clearHands(db: Kysely<DB>, sessionId: string): Promise<void> {
  await db.deleteFrom('meeting_hands').where('session_id', '=', sessionId).execute();
}

export async function isRemoved(db: Kysely<DB>, sessionId: string, memberId: string): Promise<boolean> {
  return (await db.selectFrom('meeting_removals').select('member_id').where('session_id', '=', sessionId).where('member_id', '=', memberId).executeTakeFirst()) !== undefined;
}

export async function insertRemoval(db: Kysely<DB>, sessionId: string, memberId: string, t: number): Promise<void> {
  await db
    .insertInto('meeting_removals')
    .values({ session_id: sessionId, member_id: memberId, removed_at: t })
    .onConflict((oc) => oc.columns(['session_id', 'member_id']).doNothing())
    .execute();
}

/** The member's RSVP for one occurrence (written by the RSVP part of this module). */
export async function rsvpStatus(db: Kysely<DB>, meetingId: string, localDate: string, memberId: string): Promise<string | null> {
  const row = await db.selectFrom('meeting_rsvps').select('status').where('meeting_id', '=', meetingId).where('local_date', '=', localDate).where('member_id', '=', memberId).executeTakeFirst();
  return row?.status ?? null;
}

/** Members removed from the room: they came, so they count in the attendance. */
export async function removedCount(db: Kysely<DB>, sessionId: string): Promise<number> {
  const row = await db.selectFrom('meeting_removals').select(sql<number>`count(*)`.as('n')).where('session_id', '=', sessionId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function handles(db: Kysely<DB>, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('members').select(['id', 'handle', 'deleted_at']).where('id', 'in', ids).execute();
  return new Map(rows.filter((r) => r.deleted_at === null).map((r) => [r.id, r.handle]));
}

export async function memberLanguage(db: Kysely<DB>, memberId: string): Promise<string> {
  return (await db.selectFrom('members').select('language').where('id', '=', memberId).executeTakeFirst())?.language ?? 'en';
}

export async function insertFeedback(db: Kysely<DB>, sessionId: string, memberId: string, answer: string, t: number): Promise<void> {
  await db.insertInto('meeting_feedback').values({ session_id: sessionId, member_id: memberId, answer, created_at: t }).execute();
}

export async function feedbackOf(db: Kysely<DB>, sessionId: string, memberId: string): Promise<string | null> {
  return (await db.selectFrom('meeting_feedback').select('answer').where('session_id', '=', sessionId).where('member_id', '=', memberId).executeTakeFirst())?.answer ?? null;
}

export async function feedbackCounts(db: Kysely<DB>, sessionId: string): Promise<{ yes: number; somewhat: number; no: number }> {
  const rows = await db.selectFrom('meeting_feedback').select(['answer', sql<number>`count(*)`.as('n')]).where('session_id', '=', sessionId).groupBy('answer').execute();
  const n = (a: string) => Number(rows.find((r) => r.answer === a)?.n ?? 0);
  return { yes: n('yes'), somewhat: n('somewhat'), no: n('no') };
}
