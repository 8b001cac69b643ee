import type { Kysely } from 'kysely';
import type { DB, GroupRow } from '../../platform/db/schema.js';

/** The groups module's queries. */

export function listGroups(db: Kysely<DB>, opts: { includeArchived: boolean }): Promise<GroupRow[]> {
  let q = db.selectFrom('groups').selectAll();
  if (!opts.includeArchived) q = q.where('archived_at', 'is', null);
  return q.orderBy('sort_order').orderBy('name').orderBy('id').execute();
}

export function findGroupBySlug(db: Kysely<DB>, slug: string): Promise<GroupRow | undefined> {
  return db.selectFrom('groups').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function slugTaken(db: Kysely<DB>, slug: string): Promise<boolean> {
  return (await db.selectFrom('groups').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}

/** The member's memberships among `groupIds`: group id → shown on profile. */
export async function memberships(db: Kysely<DB>, memberId: string, groupIds: string[]): Promise<Map<string, boolean>> {
  if (groupIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('group_members')
    .select(['group_id', 'show_on_profile'])
    .where('member_id', '=', memberId)
    .where('group_id', 'in', groupIds)
    .execute();
  return new Map(rows.map((r) => [r.group_id, Number(r.show_on_profile) === 1]));
}

export async function setShowOnProfile(db: Kysely<DB>, groupId: string, memberId: string, show: boolean): Promise<boolean> {
  const r = await db
    .updateTable('group_members')
    .set({ show_on_profile: show ? 1 : 0 })
    .where('group_id', '=', groupId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Groups a member chose to show on their profile. */
export function shownGroups(db: Kysely<DB>, memberId: string) {
  return db
    .selectFrom('group_members')
    .innerJoin('groups', 'groups.id', 'group_members.group_id')
    .select(['groups.slug', 'groups.name'])
    .where('group_members.member_id', '=', memberId)
    .where('group_members.show_on_profile', '=', 1)
    .where('groups.archived_at', 'is', null)
    .orderBy('groups.sort_order')
    .execute();
}

export async function readableGroupIds(db: Kysely<DB>, visitorsOnly: boolean): Promise<string[]> {
  let q = db.selectFrom('groups').select('id').where('archived_at', 'is', null);
  if (visitorsOnly) q = q.where('visitors_can_read', '=', 1);
  return (await q.execute()).map((r) => r.id);
}

export async function insertGroup(
  db: Kysely<DB>,
  g: { id: string; slug: string; name: string; description: string; rules: string; sortOrder: number; now: number },
): Promise<void> {
  await db
    .insertInto('groups')
    .values({
      id: g.id,
      slug: g.slug,
      name: g.name,
      description: g.description,
      rules: g.rules,
      sort_order: g.sortOrder,
      created_at: g.now,
      updated_at: g.now,
      archived_at: null,
    })
    .execute();
}

export async function updateGroup(
  db: Kysely<DB>,
  id: string,
  patch: Partial<Pick<GroupRow, 'name' | 'description' | 'rules' | 'archived_at' | 'updated_at' | 'visitors_can_read'>>,
): Promise<void> {
  await db.updateTable('groups').set(patch).where('id', '=', id).execute();
}

/** Adds a membership; returns false when the member had already joined. The count moves in the same transaction. */
export async function addMembership(db: Kysely<DB>, groupId: string, memberId: string, now: number): Promise<boolean> {
  const result = await db
    .insertInto('group_members')
    .values({ group_id: groupId, member_id: memberId, joined_at: now })
    .onConflict((oc) => oc.columns(['group_id', 'member_id']).doNothing())
    .executeTakeFirst();
  const added = Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  if (added) {
    await db.updateTable('groups').set((eb) => ({ member_count: eb('member_count', '+', 1) })).where('id', '=', groupId).execute();
  }
  return added;
}

export async function removeMembership(db: Kysely<DB>, groupId: string, memberId: string): Promise<boolean> {
  const result = await db.deleteFrom('group_members').where('group_id', '=', groupId).where('member_id', '=', memberId).executeTakeFirst();
  const removed = Number(result.numDeletedRows) > 0;
  if (removed) {
    await db.updateTable('groups').set((eb) => ({ member_count: eb('member_count', '-', 1) })).where('id', '=', groupId).execute();
  }
  return removed;
}

export async function maxSortOrder(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('groups').select((eb) => eb.fn.max('sort_order').as('m')).executeTakeFirst();
  return Number(row?.m ?? 0);
}
