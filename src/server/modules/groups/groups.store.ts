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

/** One membership as the groups module reads it. */
export interface Membership {
  showOnProfile: boolean;
  /** member | host | moderator */
  role: string;
  rulesSeenAt: number | null;
}

/** The member's memberships among `groupIds`, by group id. */
export async function memberships(db: Kysely<DB>, memberId: string, groupIds: string[]): Promise<Map<string, Membership>> {
  if (groupIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('group_members')
    .select(['group_id', 'show_on_profile', 'role', 'rules_seen_at'])
    .where('member_id', '=', memberId)
    .where('group_id', 'in', groupIds)
    .execute();
  return new Map(
    rows.map((r) => [r.group_id, { showOnProfile: Number(r.show_on_profile) === 1, role: r.role, rulesSeenAt: r.rules_seen_at === null ? null : Number(r.rules_seen_at) }]),
  );
}

/** Marks the group's rules read (the first time only); false when the member has not joined. */
export async function markRulesSeen(db: Kysely<DB>, groupId: string, memberId: string, t: number): Promise<boolean> {
  const r = await db
    .updateTable('group_members')
    .set((eb) => ({ rules_seen_at: eb.fn.coalesce('rules_seen_at', eb.val(t)) }))
    .where('group_id', '=', groupId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The group's hosts and moderators, moderators first, each by handle. */
export async function staff(db: Kysely<DB>, groupId: string): Promise<{ handle: string; role: 'host' | 'moderator' }[]> {
  const rows = await db
    .selectFrom('group_members')
    .innerJoin('members', 'members.id', 'group_members.member_id')
    .select(['members.handle', 'group_members.role'])
    .where('group_members.group_id', '=', groupId)
    .where('group_members.role', 'in', ['host', 'moderator'])
    .where('members.deleted_at', 'is', null)
    .orderBy('group_members.role', 'desc')
    .orderBy('members.handle_key')
    .execute();
  return rows.map((r) => ({ handle: r.handle, role: r.role === 'moderator' ? 'moderator' : 'host' }));
}

export async function roleIn(db: Kysely<DB>, groupId: string, memberId: string): Promise<string | undefined> {
  const row = await db.selectFrom('group_members').select('role').where('group_id', '=', groupId).where('member_id', '=', memberId).executeTakeFirst();
  return row?.role;
}

export async function setRole(db: Kysely<DB>, groupId: string, memberId: string, role: string): Promise<void> {
  await db.updateTable('group_members').set({ role }).where('group_id', '=', groupId).where('member_id', '=', memberId).execute();
}

/** The (live) groups a member moderates. */
export function moderatedGroups(db: Kysely<DB>, memberId: string): Promise<{ id: string; slug: string }[]> {
  return db
    .selectFrom('group_members')
    .innerJoin('groups', 'groups.id', 'group_members.group_id')
    .select(['groups.id', 'groups.slug'])
    .where('group_members.member_id', '=', memberId)
    .where('group_members.role', '=', 'moderator')
    .where('groups.archived_at', 'is', null)
    .orderBy('groups.sort_order')
    .orderBy('groups.slug')
    .execute();
}

/** Whether `memberId` belongs to any of `groupIds`. */
export async function inAnyGroup(db: Kysely<DB>, memberId: string, groupIds: readonly string[]): Promise<boolean> {
  if (groupIds.length === 0) return false;
  const row = await db.selectFrom('group_members').select('group_id').where('member_id', '=', memberId).where('group_id', 'in', [...groupIds]).executeTakeFirst();
  return row !== undefined;
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
