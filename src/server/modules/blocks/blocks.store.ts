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

/** The blocks between `memberId` and any of `others`, either way (the primary key answers one side, the (blocked_id, blocker_id) index the other). */
export function blocksWith(db: Kysely<DB>, memberId: string, others: string[]): Promise<{ blocker_id: string; blocked_id: string }[]> {
  if (others.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('member_blocks')
    .select(['blocker_id', 'blocked_id'])
    .where((eb) => eb.or([eb.and([eb('blocker_id', '=', memberId), eb('blocked_id', 'in', others)]), eb.and([eb('blocked_id', '=', memberId), eb('blocker_id', 'in', others)])]))
    .execute();
}

/** Every block `memberId` is part of, either way: the handshake's hiding rooms. */
export function blocksOf(db: Kysely<DB>, memberId: string): Promise<{ blocker_id: string; blocked_id: string }[]> {
  return db
    .selectFrom('member_blocks')
    .select(['blocker_id', 'blocked_id'])
    .where((eb) => eb.or([eb('blocker_id', '=', memberId), eb('blocked_id', '=', memberId)]))
    .execute();
}
