import type { Kysely, Migration } from 'kysely';

/**
 * Facilitated meetings: a series in a group, and per-occurrence overrides.
 * - `meetings` holds the series as the facilitator set it: the wall-clock start date and time
 *   in their IANA zone and the recurrence as JSON (modules/meetings/recurrence.ts). Occurrences
 *   are computed, never stored, so an edit to the series needs no rewrite of rows.
 * - `meeting_overrides` names one occurrence by its local date in the series' zone: cancelled,
 *   or moved to another instant. RSVPs, reminders and the live room will key on the same
 *   (meeting_id, local_date) pair.
 */
export const meetings: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('meetings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
      .addColumn('facilitator_id', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('co_facilitator_id', 'text', (c) => c.references('members.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('agenda', 'text', (c) => c.notNull())
      .addColumn('capacity', 'integer', (c) => c.notNull().defaultTo(12))
      .addColumn('duration_minutes', 'integer', (c) => c.notNull())
      .addColumn('time_zone', 'text', (c) => c.notNull())
      .addColumn('start_date', 'text', (c) => c.notNull())
      .addColumn('start_time', 'text', (c) => c.notNull())
      .addColumn('recurrence', 'text', (c) => c.notNull())
      .addColumn('until_date', 'text')
      .addColumn('occurrence_count', 'integer')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('cancelled_at', 'bigint')
      .execute();
    await db.schema.createIndex('meetings_group').on('meetings').columns(['group_id', 'cancelled_at']).execute();
    // The overlap check reads one facilitator's series.
    await db.schema.createIndex('meetings_facilitator').on('meetings').columns(['facilitator_id']).execute();
    await db.schema.createIndex('meetings_co_facilitator').on('meetings').columns(['co_facilitator_id']).execute();

    await db.schema
      .createTable('meeting_overrides')
      .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
      .addColumn('local_date', 'text', (c) => c.notNull())
      .addColumn('cancelled_at', 'bigint')
      .addColumn('moved_to', 'bigint')
      .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('meeting_overrides_pk', ['meeting_id', 'local_date'])
      .execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('meeting_overrides').execute();
    await db.schema.dropTable('meetings').execute();
  },
};
