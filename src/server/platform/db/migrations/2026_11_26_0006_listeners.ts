import type { Kysely, Migration } from 'kysely';

/**
 * One-to-one support: the listener programme (training passed, applications, listener
 * profiles and time on duty), members' requests for a listener with the offers made to
 * listeners, and what members say afterwards. The chats themselves are conversations of
 * kind `support` in the messaging core.
 */
export const listeners: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    // A message can carry a card instead of words alone: the crisis lines a listener shares, e.g. {"type":"crisis_lines","country":"GB"}.
    await db.schema.alterTable('messages').addColumn('card', 'text').execute();
    // What the person who flagged something said (a report from inside a support chat).
    await db.schema.alterTable('content_flags').addColumn('note', 'text').execute();
    await db.schema
      .createTable('listener_training')
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
      .addColumn('module', 'text', (c) => c.notNull())
      .addColumn('passed_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('listener_training_pk', ['member_id', 'module'])
      .execute();

    await db.schema
      .createTable('listener_applications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
      // pending | approved | declined
      .addColumn('status', 'text', (c) => c.notNull())
      // The member's id while the application waits for review, null once decided: one pending application each.
      .addColumn('pending_member_id', 'text', (c) => c.unique())
      .addColumn('motivation', 'text', (c) => c.notNull())
      .addColumn('languages', 'text', (c) => c.notNull())
      .addColumn('topics', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('reviewed_at', 'bigint')
      .addColumn('reviewed_by', 'text', (c) => c.references('members.id').onDelete('set null'))
      .addColumn('review_note', 'text')
      .execute();
    await db.schema.createIndex('listener_applications_queue').on('listener_applications').columns(['status', 'created_at', 'id']).execute();
    await db.schema.createIndex('listener_applications_member').on('listener_applications').columns(['member_id']).execute();

    await db.schema
      .createTable('listener_profiles')
      .addColumn('member_id', 'text', (c) => c.primaryKey().references('members.id').onDelete('cascade'))
      .addColumn('languages', 'text', (c) => c.notNull())
      .addColumn('topics', 'text', (c) => c.notNull())
      .addColumn('capacity', 'integer', (c) => c.notNull().defaultTo(1))
      // off | on | break
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('off'))
      .addColumn('status_since', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    // Each stretch on duty, for "time on duty", the break nudge and the operators' daily cap.
    await db.schema
      .createTable('listener_duty')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
      .addColumn('started_at', 'bigint', (c) => c.notNull())
      .addColumn('ended_at', 'bigint')
      .execute();
    await db.schema.createIndex('listener_duty_member').on('listener_duty').columns(['member_id', 'started_at']).execute();

    await db.schema
      .createTable('support_requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
      // Set to the member's id while the request is open, null once it ends: the unique key that allows one open request each.
      .addColumn('open_member_id', 'text', (c) => c.unique())
      .addColumn('topics', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('risk_level', 'text', (c) => c.notNull())
      // Higher goes first: an urgent risk alert, then risk found in the note, then everyone else.
      .addColumn('priority', 'integer', (c) => c.notNull())
      // waiting | offered | matched | ended | cancelled | expired
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('offered_to', 'text', (c) => c.references('members.id').onDelete('set null'))
      .addColumn('offer_expires_at', 'bigint')
      .addColumn('listener_id', 'text', (c) => c.references('members.id').onDelete('set null'))
      .addColumn('conversation_id', 'text', (c) => c.references('conversations.id').onDelete('set null'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('matched_at', 'bigint')
      .addColumn('ended_at', 'bigint')
      .addColumn('end_reason', 'text')
      // Set while the member's connection is gone: their place is kept for a while.
      .addColumn('away_since', 'bigint')
      .execute();
    await db.schema.createIndex('support_requests_queue').on('support_requests').columns(['status', 'priority', 'created_at', 'id']).execute();
    await db.schema.createIndex('support_requests_member').on('support_requests').columns(['member_id', 'created_at']).execute();
    await db.schema.createIndex('support_requests_listener').on('support_requests').columns(['listener_id', 'matched_at']).execute();

    // Every offer made, so a request moves on to a listener who has not yet been asked.
    await db.schema
      .createTable('support_offers')
      .addColumn('request_id', 'text', (c) => c.notNull().references('support_requests.id').onDelete('cascade'))
      .addColumn('listener_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
      // pending | accepted | declined | expired | withdrawn
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('offered_at', 'bigint', (c) => c.notNull())
      .addColumn('answered_at', 'bigint')
      .addPrimaryKeyConstraint('support_offers_pk', ['request_id', 'listener_id'])
      .execute();

    await db.schema
      .createTable('support_feedback')
      .addColumn('request_id', 'text', (c) => c.primaryKey().references('support_requests.id').onDelete('cascade'))
      // yes | somewhat | no
      .addColumn('helped', 'text', (c) => c.notNull())
      .addColumn('note_for_listener', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('note_for_moderators', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
  },

  async down(db: Kysely<any>): Promise<void> {
    for (const t of ['support_feedback', 'support_offers', 'support_requests', 'listener_duty', 'listener_profiles', 'listener_applications', 'listener_training']) {
      await db.schema.dropTable(t).execute();
    }
    await db.schema.alterTable('messages').dropColumn('card').execute();
    await db.schema.alterTable('content_flags').dropColumn('note').execute();
  },
};
