import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, SupportRequestsTable } from '../../platform/db/schema.js';

/** The listener queue's queries: requests, offers and what members said afterwards. */

export type RequestRow = Selectable<SupportRequestsTable>;
const OPEN = ['waiting', 'offered', 'matched'];
const QUEUED = ['waiting', 'offered'];

export function openRequestOf(db: Kysely<DB>, memberId: string): Promise<RequestRow | undefined> {
  return db.selectFrom('support_requests').selectAll().where('open_member_id', '=', memberId).executeTakeFirst();
}

export function findRequest(db: Kysely<DB>, id: string): Promise<RequestRow | undefined> {
  return db.selectFrom('support_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

export function latestRequestOf(db: Kysely<DB>, memberId: string): Promise<RequestRow | undefined> {
  return db.selectFrom('support_requests').selectAll().where('member_id', '=', memberId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export async function insertRequest(db: Kysely<DB>, row: Omit<RequestRow, 'offered_to' | 'offer_expires_at' | 'listener_id' | 'conversation_id' | 'matched_at' | 'ended_at' | 'end_reason' | 'away_since'>): Promise<void> {
  await db
    .insertInto('support_requests')
    .values({ ...row, offered_to: null, offer_expires_at: null, listener_id: null, conversation_id: null, matched_at: null, ended_at: null, end_reason: null, away_since: null })
    .execute();
}

/** Requests waiting for a listener, in the order they are served: priority, then longest waiting. */
export function queue(db: Kysely<DB>): Promise<RequestRow[]> {
  return db.selectFrom('support_requests').selectAll().where('status', 'in', QUEUED).orderBy('priority', 'desc').orderBy('created_at', 'asc').orderBy('id', 'asc').execute();
}

/** Moves a request from one status to another only if it is still in the first: the guard against double matches. */
export async function transition(db: Kysely<DB>, id: string, from: string[], patch: Partial<RequestRow>, extra?: { offeredTo?: string; notExpiredAt?: number }): Promise<boolean> {
  let q = db.updateTable('support_requests').set(patch).where('id', '=', id).where('status', 'in', from);
  if (extra?.offeredTo) q = q.where('offered_to', '=', extra.offeredTo);
  if (extra?.notExpiredAt !== undefined) q = q.where('offer_expires_at', '>', extra.notExpiredAt);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function answerOffer(db: Kysely<DB>, requestId: string, listenerId: string, outcome: string, t: number): Promise<void> {
  await db.updateTable('support_offers').set({ outcome, answered_at: t }).where('request_id', '=', requestId).where('listener_id', '=', listenerId).where('outcome', '=', 'pending').execute();
}

/**
 * On-duty listeners with what matching needs: languages, topics, capacity, chats open now,
 * chats begun today, and whether an offer is waiting on them. Read from the listener
 * programme's tables in one query, since matching runs often.
 */
export async function availableListeners(db: Kysely<DB>, dayStart: number, now: number) {
  const rows = await db
    .selectFrom('listener_profiles as lp')
    .innerJoin('member_roles as r', (j) => j.onRef('r.member_id', '=', 'lp.member_id').on('r.role', '=', 'listener'))
    .select((eb) => [
      'lp.member_id',
      'lp.languages',
      'lp.topics',
      'lp.capacity',
      eb.selectFrom('support_requests as m').select(sql<number>`count(*)`.as('n')).whereRef('m.listener_id', '=', 'lp.member_id').where('m.status', '=', 'matched').as('open_chats'),
      eb.selectFrom('support_requests as d').select(sql<number>`count(*)`.as('n')).whereRef('d.listener_id', '=', 'lp.member_id').where('d.matched_at', '>=', dayStart).as('chats_today'),
      eb.exists(eb.selectFrom('support_requests as o').select('o.id').whereRef('o.offered_to', '=', 'lp.member_id').where('o.status', '=', 'offered')).as('has_offer'),
    ])
    .innerJoin('members as lm', 'lm.id', 'lp.member_id')
    .where('lp.status', '=', 'on')
    // Never a listener who is suspended, paused by a moderator or banned, even if their duty was left on.
    .where('lm.banned_at', 'is', null)
    .where((eb) => eb.or([eb('lm.suspended_until', 'is', null), eb('lm.suspended_until', '<=', now)]))
    .where((eb) => eb.or([eb('lm.muted_until', 'is', null), eb('lm.muted_until', '<=', now)]))
    .execute();
  return rows.map((r) => ({
    memberId: r.member_id,
    languages: JSON.parse(r.languages) as string[],
    topics: JSON.parse(r.topics) as string[],
    capacity: Number(r.capacity),
    openChats: Number(r.open_chats ?? 0),
    chatsToday: Number(r.chats_today ?? 0),
    hasOffer: r.has_offer === true || Number(r.has_offer) === 1,
  }));
}

/**
 * Makes many offers at once: one update (guarded: only requests still waiting) and one insert,
 * so a round of matching costs two statements however many offers it makes.
 */
export async function offerMany(db: Kysely<DB>, offers: { requestId: string; listenerId: string }[], t: number, expiresAt: number): Promise<{ id: string; offered_to: string | null; member_id: string }[]> {
  if (offers.length === 0) return [];
  const cases = sql.join(offers.map((o) => sql`when ${o.requestId} then ${o.listenerId}`), sql` `);
  const made = await db
    .updateTable('support_requests')
    .set({ status: 'offered', offered_to: sql<string>`case id ${cases} end`, offer_expires_at: expiresAt })
    .where('id', 'in', offers.map((o) => o.requestId))
    .where('status', '=', 'waiting')
    .returning(['id', 'offered_to', 'member_id'])
    .execute();
  if (made.length) {
    await db
      .insertInto('support_offers')
      .values(made.map((m) => ({ request_id: m.id, listener_id: m.offered_to!, outcome: 'pending', offered_at: t, answered_at: null })))
      .onConflict((oc) => oc.columns(['request_id', 'listener_id']).doUpdateSet((eb) => ({ outcome: eb.ref('excluded.outcome'), offered_at: eb.ref('excluded.offered_at'), answered_at: null })))
      .execute();
  }
  return made;
}

/** Every listener already asked, for each of these requests. */
export async function askedFor(db: Kysely<DB>, requestIds: string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  for (let i = 0; i < requestIds.length; i += 500) {
    const rows = await db.selectFrom('support_offers').select(['request_id', 'listener_id']).where('request_id', 'in', requestIds.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.request_id, (out.get(r.request_id) ?? new Set()).add(r.listener_id));
  }
  return out;
}

/** Blocks between any of these members and any of these listeners, either way, as "a|b" keys. */
export async function blocksBetween(db: Kysely<DB>, memberIds: string[], listenerIds: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  if (memberIds.length === 0 || listenerIds.length === 0) return out;
  for (let i = 0; i < memberIds.length; i += 500) {
    const chunk = memberIds.slice(i, i + 500);
    const rows = await db
      .selectFrom('member_blocks')
      .select(['blocker_id', 'blocked_id'])
      .where((eb) => eb.or([eb.and([eb('blocker_id', 'in', chunk), eb('blocked_id', 'in', listenerIds)]), eb.and([eb('blocked_id', 'in', chunk), eb('blocker_id', 'in', listenerIds)])]))
      .execute();
    for (const r of rows) out.add(`${r.blocker_id}|${r.blocked_id}`).add(`${r.blocked_id}|${r.blocker_id}`);
  }
  return out;
}

/** Whether the member has an urgent risk alert still open: they go first. */
export async function hasUrgentAlert(db: Kysely<DB>, memberId: string): Promise<boolean> {
  const row = await db.selectFrom('risk_alerts').select('id').where('author_id', '=', memberId).where('urgent', '=', 1).where('status', 'in', ['open', 'acknowledged']).executeTakeFirst();
  return row !== undefined;
}

/** Requests in `language` matched since `since`: when each was made and matched, for an honest estimate. */
export async function recentMatches(db: Kysely<DB>, language: string, since: number): Promise<{ createdAt: number; matchedAt: number }[]> {
  const rows = await db.selectFrom('support_requests').select(['created_at', 'matched_at']).where('language', '=', language).where('matched_at', '>=', since).execute();
  return rows.map((r) => ({ createdAt: Number(r.created_at), matchedAt: Number(r.matched_at) }));
}

export { OPEN, QUEUED };
