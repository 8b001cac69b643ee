import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

/** The queries over member_blocks. */

/** Adds a block; false when it was already there. */
export async function insertBlock(db: Kysely<DB>, blockerId: string, blockedId: string, now: number): Promise<boolean> {
  const r = await db
    .insertInto('member_blocks')
    .values({ blocker_id: blockerId, blocked_id: blockedId, created_at: now })
    .onConflict((oc) => oc.columns(['blocker_id', 'blocked_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteBlock(db: Kysely<DB>, blockerId: string, blockedId: string): Promise<void> {
  await db.deleteFrom('member_blocks').where('blocker_id', '=', blockerId).where('blocked_id', '=', blockedId).execute();
}

/** The members `blockerId` blocked, newest first, with their current handles. */
export function listBlocked(db: Kysely<DB>, blockerId: string) {
  return db
    .selectFrom('member_blocks')
    .innerJoin('members', 'members.id', 'member_blocks.blocked_id')
    .select(['members.handle', 'member_blocks.created_at'])
    .where('member_blocks.blocker_id', '=', blockerId)
    .where('members.deleted_at', 'is', null)
    .orderBy('member_blocks.created_at', 'desc')
    .orderBy('members.handle')
    .execute();
}

export async function blockedIds(db: Kysely<DB>, blockerId: string): Promise<string[]> {
  const rows = await db.selectFrom('member_blocks').select('blocked_id').where('blocker_id', '=', blockerId).execute();
  return rows.map((r) => r.blocked_id);
}

export async function exists(db: Kysely<DB>, blockerId: string, blockedId: string): Promise<boolean> {
  const row = await db.selectFrom('member_blocks').select('blocker_id').where('blocker_id', '=', blockerId).where('blocked_id', '=', blockedId).executeTakeFirst();
  return row !== undefined;
}

export async function existsEitherWay(db: Kysely<DB>, a: string, b: string): Promise<boolean> {
  const row = await db
    .selectFrom('member_blocks')
    .select('blocker_id')
    .where((eb) => eb.or([eb.and([eb('blocker_id', '=', a), eb('blocked_id', '=', b)]), eb.and([eb('blocker_id', '=', b), eb('blocked_id', '=', a)])]))
    .executeTakeFirst();
  return row !== undefined;
}

/** Which of `candidates` blocked `blockedId`. */
export async function blockersAmong(db: Kysely<DB>, blockedId: string, candidates: string[]): Promise<string[]> {
  if (candidates.length === 0) return [];
  const rows = await db.selectFrom('member_blocks').select('blocker_id').where('blocked_id', '=', blockedId).where('blocker_id', 'in', candidates).execute();
  return rows.map((r) => r.blocker_id);
}
