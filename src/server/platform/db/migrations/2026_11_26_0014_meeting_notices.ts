import type { Kysely, Migration } from 'kysely';

/**
 * In-app notifications about meetings (a seat came free, a reminder, an occurrence cancelled or
 * moved, a series cancelled, being made co-facilitator) live in the same `notifications` list as
 * replies and mentions, so a member has one place to look and one unread count. Such a row names
 * its occurrence by (meeting_id, local_date), as everywhere in the meetings module, and keeps the
 * occurrence's start as it was when the notice was written (for a move: the new time), so the
 * client can say it on the member's own clock. `post_id` stays NOT NULL (SQLite cannot relax it
 * without rebuilding the table) and holds '' on these rows; the list joins posts with a left join.
 */
export const meetingNotices: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema.alterTable('notifications').addColumn('meeting_id', 'text').execute();
    await db.schema.alterTable('notifications').addColumn('local_date', 'text').execute();
    await db.schema.alterTable('notifications').addColumn('starts_at', 'bigint').execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    for (const c of ['starts_at', 'local_date', 'meeting_id']) await db.schema.alterTable('notifications').dropColumn(c).execute();
  },
};
