import type { Kysely, Migration } from 'kysely';

/**
 * Notifications for @mentions and reactions. A reaction notification gathers everyone who
 * reacted to one post or reply while it stays unread ("Ana and 2 others reacted"):
 * `actor_count` counts them, and notification_actors remembers who, so one person taking a
 * reaction back and giving it again never notifies twice.
 */
export const mentionsReactions: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema.alterTable('notifications').addColumn('reaction_kind', 'text').execute();
    await db.schema.alterTable('notifications').addColumn('actor_count', 'integer', (c) => c.notNull().defaultTo(1)).execute();
    // Finding an unread notification about the same post or reply, for the same member.
    await db.schema.createIndex('notifications_target').on('notifications').columns(['member_id', 'post_id', 'reply_id']).execute();

    await db.schema
      .createTable('notification_actors')
      .addColumn('notification_id', 'text', (c) => c.notNull().references('notifications.id').onDelete('cascade'))
      .addColumn('actor_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('notification_actors_pk', ['notification_id', 'actor_id'])
      .execute();
    await db.schema.createIndex('notification_actors_actor').on('notification_actors').columns(['actor_id']).execute();
  },

  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('notification_actors').execute();
    await db.schema.dropIndex('notifications_target').execute();
    await db.schema.alterTable('notifications').dropColumn('actor_count').execute();
    await db.schema.alterTable('notifications').dropColumn('reaction_kind').execute();
  },
};
