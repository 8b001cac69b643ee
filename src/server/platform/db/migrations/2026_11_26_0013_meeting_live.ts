import type { Kysely, Migration } from 'kysely';

/**
 * What happens around one occurrence of a meeting, named as everywhere by (meeting_id, local_date):
 * - `meeting_rsvps`: who is coming, up to the capacity (`going`), and who waits for a seat
 *   (`waitlist`, in the order they asked: `created_at`, then `member_id`). A cancelled RSVP is
 *   deleted, so the first waiting member can be promoted in the same transaction.
 * - `meeting_reminders`: one row per reminder sent (24 hours and 15 minutes before, per RSVP),
 *   written before the notification in the same transaction: a reminder goes once, whichever node
 *   or job runner gets there first.
 * - `meeting_sessions`: the live room of one occurrence — its conversation (kind `meeting`), the
 *   agenda step, the floor, the lock, a pause, who leads now, and when it ended. Attendance is kept
 *   as a number only.
 * - `meeting_hands`: the share queue, oldest hand first.
 * - `meeting_feedback`: the one optional question after ("Did this meeting help?"), one answer per
 *   person, reported only as counts.
 */
export const meetingLive: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('meeting_rsvps')
      .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
      .addColumn('local_date', 'text', (c) => c.notNull())
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('meeting_rsvps_pk', ['meeting_id', 'local_date', 'member_id'])
      .execute();
    await db.schema.createIndex('meeting_rsvps_member').on('meeting_rsvps').columns(['member_id']).execute();

    await db.schema
      .createTable('meeting_reminders')
      .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
      .addColumn('local_date', 'text', (c) => c.notNull())
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('meeting_reminders_pk', ['meeting_id', 'local_date', 'member_id', 'kind'])
      .execute();

    await db.schema
      .createTable('meeting_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
      .addColumn('local_date', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
      .addColumn('opened_at', 'bigint', (c) => c.notNull())
      .addColumn('current_step', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('speaker_id', 'text', (c) => c.references('members.id'))
      .addColumn('speaker_since', 'bigint')
      .addColumn('share_seconds', 'integer')
      .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('all_muted', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('leader_id', 'text', (c) => c.references('members.id'))
      .addColumn('paused_at', 'bigint')
      .addColumn('ended_at', 'bigint')
      .addColumn('attendance', 'integer')
      .addUniqueConstraint('meeting_sessions_occurrence', ['meeting_id', 'local_date'])
      .execute();
    await db.schema.createIndex('meeting_sessions_conversation').on('meeting_sessions').columns(['conversation_id']).execute();

    await db.schema
      .createTable('meeting_hands')
      .addColumn('session_id', 'text', (c) => c.notNull().references('meeting_sessions.id'))
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('raised_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('meeting_hands_pk', ['session_id', 'member_id'])
      .execute();

    await db.schema
      .createTable('meeting_removals')
      .addColumn('session_id', 'text', (c) => c.notNull().references('meeting_sessions.id'))
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('removed_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('meeting_removals_pk', ['session_id', 'member_id'])
      .execute();

    await db.schema
      .createTable('meeting_feedback')
      .addColumn('session_id', 'text', (c) => c.notNull().references('meeting_sessions.id'))
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('answer', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('meeting_feedback_pk', ['session_id', 'member_id'])
      .execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    for (const t of ['meeting_feedback', 'meeting_removals', 'meeting_hands', 'meeting_sessions', 'meeting_reminders', 'meeting_rsvps']) await db.schema.dropTable(t).execute();
  },
};
