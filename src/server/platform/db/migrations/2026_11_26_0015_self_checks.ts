import type { Kysely, Migration } from 'kysely';

/**
 * Self-care that stays the member's own:
 * - `self_check_results`: a PHQ-9 or PHQ-2 result a member chose to keep (answers as a JSON
 *   array, the total and band worked out by the shared scoring when it was kept).
 * - `mood_checkins`: a mood from 1 to 5 on the member's own calendar day, feeling word ids as a
 *   JSON array and a short note.
 * - `mood_low_offers`: when a sustained low stretch was last gently pointed out to the member,
 *   and on which of their days, so it is offered once per stretch and never nags.
 * No route shows any of it to anyone but its member.
 */
export const selfChecks: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('self_check_results')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('answers', 'text', (c) => c.notNull())
      .addColumn('difficulty', 'integer')
      .addColumn('total', 'integer', (c) => c.notNull())
      .addColumn('band', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('self_check_results_member').on('self_check_results').columns(['member_id', 'created_at']).execute();

    await db.schema
      .createTable('mood_checkins')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('mood', 'integer', (c) => c.notNull())
      .addColumn('feelings', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('mood_checkins_member_day').on('mood_checkins').columns(['member_id', 'day']).execute();

    await db.schema
      .createTable('mood_low_offers')
      .addColumn('member_id', 'text', (c) => c.primaryKey().references('members.id'))
      .addColumn('offered_day', 'text', (c) => c.notNull())
      .addColumn('offered_at', 'bigint', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('mood_low_offers').execute();
    await db.schema.dropTable('mood_checkins').execute();
    await db.schema.dropTable('self_check_results').execute();
  },
};
