import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../dialect/index.js';
import { createSearchSchema, dropSearchSchema } from '../dialect/search.js';

const reactionColumns = ['hug_count', 'me_too_count', 'thank_you_count', 'got_this_count'] as const;

/** Group forums: posts, threaded replies, reactions, saved posts, follows, notifications, search. */
export function forums(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('groups').addColumn('visitors_can_read', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('group_members').addColumn('show_on_profile', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('members').addColumn('unread_notifications', 'integer', (c) => c.notNull().defaultTo(0)).execute();

      let posts = db.schema
        .createTable('posts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
        .addColumn('author_id', 'text', (c) => c.notNull().references('members.id'))
        .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body_md', 'text', (c) => c.notNull())
        .addColumn('body_html', 'text', (c) => c.notNull())
        .addColumn('excerpt', 'text', (c) => c.notNull())
        .addColumn('content_warning', 'text')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('published'))
        .addColumn('reply_count', 'integer', (c) => c.notNull().defaultTo(0))
        // Published replies by anyone but the author: zero means nobody has answered yet.
        .addColumn('answer_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_activity_at', 'bigint', (c) => c.notNull());
      for (const col of reactionColumns) posts = posts.addColumn(col, 'integer', (c) => c.notNull().defaultTo(0));
      await posts
        .addColumn('locked_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('edited_at', 'bigint')
        .addColumn('deleted_at', 'bigint')
        .execute();
      await db.schema.createIndex('posts_group_new').on('posts').columns(['group_id', 'created_at', 'id']).execute();
      await db.schema.createIndex('posts_group_active').on('posts').columns(['group_id', 'last_activity_at', 'id']).execute();
      await db.schema.createIndex('posts_group_unanswered').on('posts').columns(['group_id', 'answer_count', 'created_at', 'id']).execute();
      await db.schema.createIndex('posts_unanswered').on('posts').columns(['answer_count', 'created_at', 'id']).execute();
      await db.schema.createIndex('posts_active').on('posts').columns(['last_activity_at', 'id']).execute();
      await db.schema.createIndex('posts_author').on('posts').columns(['author_id', 'created_at']).execute();

      let replies = db.schema
        .createTable('replies')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id'))
        .addColumn('parent_id', 'text', (c) => c.references('replies.id'))
        // Ids from the top of the thread down to this reply, joined by '/': sorts a thread depth-first.
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('depth', 'integer', (c) => c.notNull())
        .addColumn('author_id', 'text', (c) => c.notNull().references('members.id'))
        .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('body_md', 'text', (c) => c.notNull())
        .addColumn('body_html', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('published'));
      for (const col of reactionColumns) replies = replies.addColumn(col, 'integer', (c) => c.notNull().defaultTo(0));
      await replies
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('edited_at', 'bigint')
        .addColumn('deleted_at', 'bigint')
        .execute();
      await db.schema.createIndex('replies_thread').on('replies').columns(['post_id', 'path']).execute();
      await db.schema.createIndex('replies_author').on('replies').columns(['author_id', 'created_at']).execute();

      await db.schema
        .createTable('reactions')
        .addColumn('target_type', 'text', (c) => c.notNull())
        .addColumn('target_id', 'text', (c) => c.notNull())
        .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('reactions_pk', ['target_type', 'target_id', 'member_id', 'kind'])
        .execute();

      await db.schema
        .createTable('saved_posts')
        .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
        .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('saved_posts_pk', ['member_id', 'post_id'])
        .execute();
      await db.schema.createIndex('saved_posts_recent').on('saved_posts').columns(['member_id', 'created_at', 'post_id']).execute();

      await db.schema
        .createTable('post_follows')
        .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id'))
        .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('post_follows_pk', ['post_id', 'member_id'])
        .execute();
      await db.schema.createIndex('post_follows_member').on('post_follows').column('member_id').execute();

      await db.schema
        .createTable('notifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('post_id', 'text', (c) => c.notNull())
        .addColumn('reply_id', 'text')
        .addColumn('actor_id', 'text')
        .addColumn('actor_anonymous', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('read_at', 'bigint')
        .execute();
      await db.schema.createIndex('notifications_member').on('notifications').columns(['member_id', 'id']).execute();

      await createSearchSchema(db, dialect);
    },
    async down(db: Kysely<any>): Promise<void> {
      await dropSearchSchema(db, dialect);
      for (const t of ['notifications', 'post_follows', 'saved_posts', 'reactions', 'replies', 'posts']) await db.schema.dropTable(t).execute();
      await db.schema.alterTable('members').dropColumn('unread_notifications').execute();
      await db.schema.alterTable('group_members').dropColumn('show_on_profile').execute();
      await db.schema.alterTable('groups').dropColumn('visitors_can_read').execute();
    },
  };
}
