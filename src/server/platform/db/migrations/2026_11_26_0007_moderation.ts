import type { Kysely, Migration } from 'kysely';

/**
 * Moderation and trust: members' reports, claims on review items (so two moderators never
 * act on one thing at once), the sanctions a moderator can give (mute, ban; suspension
 * landed with messaging), warnings shown to the member, and why a post or reply was held or
 * removed. The review queue itself is read from where things live (reports, held content,
 * risk alerts, flags), so nothing is kept twice.
 */
export const moderation: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('reports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('reporter_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
      // post | reply | message | member | listener
      .addColumn('target_type', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      // The member the report is about (the author of the content, or the member reported).
      .addColumn('subject_id', 'text', (c) => c.references('members.id').onDelete('set null'))
      .addColumn('group_id', 'text', (c) => c.references('groups.id').onDelete('set null'))
      .addColumn('conversation_id', 'text')
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      // open | actioned | dismissed
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('resolved_at', 'bigint')
      .addColumn('resolved_by', 'text', (c) => c.references('members.id').onDelete('set null'))
      // The first moderator action on it, for the operators' "time to first action".
      .addColumn('first_action_at', 'bigint')
      .execute();
    await db.schema.createIndex('reports_open').on('reports').columns(['status', 'target_type', 'target_id']).execute();
    await db.schema.createIndex('reports_reporter').on('reports').columns(['reporter_id', 'created_at']).execute();

    await db.schema
      .createTable('review_claims')
      .addColumn('item_key', 'text', (c) => c.primaryKey())
      .addColumn('moderator_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
      .addColumn('claimed_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('member_warnings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
      .addColumn('rule', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      // warning | removal | mute | suspension
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('until', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('seen_at', 'bigint')
      .execute();
    await db.schema.createIndex('member_warnings_member').on('member_warnings').columns(['member_id', 'created_at']).execute();

    // While later than now the member may read and use the rooms' reactions, but not post or send.
    await db.schema.alterTable('members').addColumn('muted_until', 'bigint').execute();
    // Banned members cannot sign in; their sessions end at the ban.
    await db.schema.alterTable('members').addColumn('banned_at', 'bigint').execute();

    for (const table of ['posts', 'replies']) {
      // Why it waits for review: safety | new_member_link
      await db.schema.alterTable(table).addColumn('held_reason', 'text').execute();
      await db.schema.alterTable(table).addColumn('removed_rule', 'text').execute();
      await db.schema.alterTable(table).addColumn('removed_reason', 'text').execute();
      await db.schema.alterTable(table).addColumn('removed_by', 'text').execute();
      await db.schema.alterTable(table).addColumn('removed_at', 'bigint').execute();
    }
    await db.schema.alterTable('messages').addColumn('removed_rule', 'text').execute();
  },
};
