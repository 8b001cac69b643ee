import type { Kysely, Migration } from 'kysely';

/**
 * The resource library: articles admins write in Markdown, in one language each, with tags.
 * `published_at` null is a draft. `search_text` is the folded (lower-case, no accents) title,
 * text and tags that search matches against, the same way on both databases.
 */
export const resources: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('resources')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body_md', 'text', (c) => c.notNull())
      .addColumn('body_html', 'text', (c) => c.notNull())
      .addColumn('excerpt', 'text', (c) => c.notNull())
      .addColumn('search_text', 'text', (c) => c.notNull())
      .addColumn('published_at', 'bigint')
      .addColumn('created_by', 'text', (c) => c.references('members.id').onDelete('set null'))
      .addColumn('updated_by', 'text', (c) => c.references('members.id').onDelete('set null'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('resources_language_published').on('resources').columns(['language', 'published_at']).execute();
    await db.schema
      .createTable('resource_tags')
      .addColumn('resource_id', 'text', (c) => c.notNull().references('resources.id').onDelete('cascade'))
      .addColumn('tag', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('resource_tags_pk', ['resource_id', 'tag'])
      .execute();
    await db.schema.createIndex('resource_tags_tag').on('resource_tags').column('tag').execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('resource_tags').execute();
    await db.schema.dropTable('resources').execute();
  },
};
