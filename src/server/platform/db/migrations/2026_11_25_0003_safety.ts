import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../dialect/index.js';
import { createAppendOnlyGuard, dropAppendOnlyGuard } from '../dialect/append-only.js';

/**
 * Safety: what the risk engine found (level, categories and rule ids with the content's id —
 * never a second copy of the text), moderators' risk alerts, members' own safety plans,
 * content warnings on replies, the mark a deleted account leaves behind, and an audit log
 * the database itself keeps append-only.
 */
export function safety(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await createAppendOnlyGuard(db, dialect, 'audit_log');
      await db.schema.alterTable('replies').addColumn('content_warning', 'text').execute();
      await db.schema.alterTable('members').addColumn('deleted_at', 'bigint').execute();

      await db.schema
        .createTable('assessments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('content_id', 'text', (c) => c.notNull())
        .addColumn('author_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('score', 'real', (c) => c.notNull())
        .addColumn('categories', 'text', (c) => c.notNull())
        .addColumn('rules', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('assessments_content').on('assessments').columns(['content_type', 'content_id', 'created_at']).execute();
      await db.schema.createIndex('assessments_author').on('assessments').columns(['author_id']).execute();

      await db.schema
        .createTable('risk_alerts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('content_id', 'text', (c) => c.notNull())
        // The thread a post or reply belongs to; chat messages (and support chats, which have no group) leave these empty.
        .addColumn('post_id', 'text')
        .addColumn('group_id', 'text', (c) => c.references('groups.id'))
        // Kept when an account is deleted (the words are gone by then): moderators' record of what was done.
        .addColumn('author_id', 'text', (c) => c.references('members.id').onDelete('set null'))
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('urgent', 'integer', (c) => c.notNull())
        .addColumn('categories', 'text', (c) => c.notNull())
        .addColumn('matches', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('acknowledged_at', 'bigint')
        .addColumn('acknowledged_by', 'text', (c) => c.references('members.id').onDelete('set null'))
        .addColumn('resolved_at', 'bigint')
        .addColumn('resolved_by', 'text', (c) => c.references('members.id').onDelete('set null'))
        .addColumn('resolution_note', 'text')
        .execute();
      await db.schema.createIndex('risk_alerts_queue').on('risk_alerts').columns(['status', 'urgent', 'created_at', 'id']).execute();
      await db.schema.createIndex('risk_alerts_content').on('risk_alerts').columns(['content_type', 'content_id']).execute();
      await db.schema.createIndex('risk_alerts_resolved').on('risk_alerts').columns(['resolved_at', 'id']).execute();

      await db.schema
        .createTable('safety_plans')
        .addColumn('member_id', 'text', (c) => c.primaryKey().references('members.id').onDelete('cascade'))
        .addColumn('plan', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await dropAppendOnlyGuard(db, dialect, 'audit_log');
      await db.schema.dropTable('safety_plans').execute();
      await db.schema.dropTable('risk_alerts').execute();
      await db.schema.dropTable('assessments').execute();
      await db.schema.alterTable('members').dropColumn('deleted_at').execute();
      await db.schema.alterTable('replies').dropColumn('content_warning').execute();
    },
  };
}
