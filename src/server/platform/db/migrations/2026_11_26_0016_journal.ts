import type { Kysely, Migration } from 'kysely';

/**
 * The private journal: every entry sealed with AES-256-GCM (title and body together), with
 * the id of the key that sealed it, its IV and its tag; no words are stored in the clear.
 */
export const journal: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('journal_entries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
      .addColumn('key_id', 'text', (c) => c.notNull())
      .addColumn('iv', 'text', (c) => c.notNull())
      .addColumn('auth_tag', 'text', (c) => c.notNull())
      .addColumn('ciphertext', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    // The member's list, newest first.
    await db.schema.createIndex('journal_entries_member_created').on('journal_entries').columns(['member_id', 'created_at', 'id']).execute();
    // Rotation finds the entries not yet under the newest key.
    await db.schema.createIndex('journal_entries_key').on('journal_entries').columns(['key_id', 'id']).execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('journal_entries').execute();
  },
};
