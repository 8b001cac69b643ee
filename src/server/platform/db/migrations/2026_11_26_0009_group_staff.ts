import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Per-group staff, and a group's rules before a member's first post in it.
 * - `group_members.role`: member | host | moderator. The role lives on the membership, so
 *   leaving a group ends it; admins set it.
 * - `group_members.rules_seen_at`: when the member marked the group's rules read. Members who
 *   have already posted in a group are past their first post there, so they count as having
 *   read them (stamped with when they joined); everyone else reads them once, before posting.
 */
export const groupStaff: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema.alterTable('group_members').addColumn('role', 'text', (c) => c.notNull().defaultTo('member')).execute();
    await db.schema.alterTable('group_members').addColumn('rules_seen_at', 'bigint').execute();
    await sql`update group_members set rules_seen_at = joined_at
      where exists (select 1 from posts where posts.group_id = group_members.group_id and posts.author_id = group_members.member_id)`.execute(db);
    // "Who hosts this group" without reading every membership of a big group.
    await db.schema.createIndex('group_members_role').on('group_members').columns(['group_id', 'role']).execute();
  },
};
