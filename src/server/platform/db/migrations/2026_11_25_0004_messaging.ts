import type { Kysely, Migration } from 'kysely';

/**
 * Messaging: one model for every conversation (group rooms now; support chats and meeting
 * rooms later), with a per-conversation sequence that makes catch-up gapless, a client id
 * per message that makes retries idempotent, per-participant read markers, mutes and slow
 * mode; blocks between members; flags for moderators; and a suspension mark on members.
 */
export const messaging: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema.alterTable('members').addColumn('suspended_until', 'bigint').execute();

    await db.schema
      .createTable('conversations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('group_id', 'text', (c) => c.references('groups.id'))
      // Set only on a group's own room: the unique key that gives each group exactly one.
      .addColumn('room_of_group', 'text', (c) => c.unique().references('groups.id'))
      .addColumn('guidelines', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('guidelines_updated_at', 'bigint')
      .addColumn('slow_mode_seconds', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_seq', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('closed_at', 'bigint')
      .execute();

    await db.schema
      .createTable('conversation_participants')
      .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('last_read_seq', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('guidelines_seen_at', 'bigint')
      .addColumn('muted_until', 'bigint')
      .addColumn('last_sent_at', 'bigint')
      .addColumn('joined_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('conversation_participants_pk', ['conversation_id', 'member_id'])
      .execute();
    await db.schema.createIndex('conversation_participants_member').on('conversation_participants').columns(['member_id']).execute();

    await db.schema
      .createTable('messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('author_id', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('content_warning', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      // Why the safety module held it (method_detail | harassment), so its author can be told kindly.
      .addColumn('held_reason', 'text')
      .addColumn('removed_reason', 'text')
      .addColumn('removed_by', 'text', (c) => c.references('members.id').onDelete('set null'))
      .addColumn('removed_at', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('deleted_at', 'bigint')
      .addUniqueConstraint('messages_seq', ['conversation_id', 'seq'])
      .addUniqueConstraint('messages_client', ['conversation_id', 'author_id', 'client_id'])
      .execute();
    await db.schema.createIndex('messages_author').on('messages').columns(['author_id']).execute();

    await db.schema
      .createTable('member_blocks')
      .addColumn('blocker_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
      .addColumn('blocked_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('member_blocks_pk', ['blocker_id', 'blocked_id'])
      .execute();
    await db.schema.createIndex('member_blocks_blocked').on('member_blocks').columns(['blocked_id']).execute();

    // Things a moderator should look at that are not risk: off-platform contact now, reports later.
    await db.schema
      .createTable('content_flags')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('content_id', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text', (c) => c.references('conversations.id').onDelete('cascade'))
      .addColumn('author_id', 'text', (c) => c.references('members.id').onDelete('set null'))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('resolved_at', 'bigint')
      .addColumn('resolved_by', 'text', (c) => c.references('members.id').onDelete('set null'))
      .execute();
    await db.schema.createIndex('content_flags_queue').on('content_flags').columns(['status', 'created_at', 'id']).execute();
  },

  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('content_flags').execute();
    await db.schema.dropTable('member_blocks').execute();
    await db.schema.dropTable('messages').execute();
    await db.schema.dropTable('conversation_participants').execute();
    await db.schema.dropTable('conversations').execute();
    await db.schema.alterTable('members').dropColumn('suspended_until').execute();
  },
};
