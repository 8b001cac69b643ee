import type { Kysely, Migration } from 'kysely';

/** The facilitator programme's training: which modules each member has passed, like listener_training. */
export const facilitators: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('facilitator_training')
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
      .addColumn('module', 'text', (c) => c.notNull())
      .addColumn('passed_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('facilitator_training_pk', ['member_id', 'module'])
      .execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('facilitator_training').execute();
  },
};
