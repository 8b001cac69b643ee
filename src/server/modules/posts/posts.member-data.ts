import type { MemberData } from '../accounts/member-data.js';
import type { SearchService } from '../search/search.service.js';
import type { ReactionKind } from '../../../shared/forum.js';
import * as store from './posts.store.js';

/**
 * A member's posts, replies, reactions, saved posts and follows. Deleting the account erases
 * their words the way deleting each post would: threads stay, under "[deleted]", and every
 * count they moved moves back.
 */
export function postsMemberData(search: SearchService): MemberData {
  return {
    name: 'forums',
    async export(db, memberId) {
      const posts = await db
        .selectFrom('posts')
        .innerJoin('groups', 'groups.id', 'posts.group_id')
        .select(['posts.id', 'groups.slug as group', 'posts.title', 'posts.body_md as body', 'posts.anonymous', 'posts.content_warning as contentWarning', 'posts.status', 'posts.created_at as createdAt', 'posts.edited_at as editedAt', 'posts.deleted_at as deletedAt'])
        .where('posts.author_id', '=', memberId)
        .orderBy('posts.created_at')
        .execute();
      const replies = await db
        .selectFrom('replies')
        .select(['id', 'post_id as postId', 'parent_id as parentId', 'body_md as body', 'anonymous', 'content_warning as contentWarning', 'status', 'created_at as createdAt', 'edited_at as editedAt', 'deleted_at as deletedAt'])
        .where('author_id', '=', memberId)
        .orderBy('created_at')
        .execute();
      const reactions = await db.selectFrom('reactions').select(['target_type as targetType', 'target_id as targetId', 'kind', 'created_at as createdAt']).where('member_id', '=', memberId).orderBy('created_at').execute();
      const saved = await db.selectFrom('saved_posts').select(['post_id as postId', 'created_at as createdAt']).where('member_id', '=', memberId).orderBy('created_at').execute();
      const following = await db.selectFrom('post_follows').select(['post_id as postId', 'created_at as createdAt']).where('member_id', '=', memberId).orderBy('created_at').execute();
      const flag = <T extends { anonymous: number }>(r: T) => ({ ...r, anonymous: Boolean(r.anonymous) });
      return { posts: posts.map(flag), replies: replies.map(flag), reactions, saved, following };
    },

    async erase(trx, memberId, now) {
      const replies = await trx
        .selectFrom('replies')
        .innerJoin('posts', 'posts.id', 'replies.post_id')
        .select(['replies.id', 'replies.post_id', 'replies.status', 'posts.author_id as post_author_id'])
        .where('replies.author_id', '=', memberId)
        .where('replies.deleted_at', 'is', null)
        .execute();
      for (const r of replies) {
        if (!(await store.eraseReply(trx, r.id, now))) continue;
        if (r.status === 'published') await store.bumpReplyCount(trx, r.post_id, -1, r.post_author_id !== memberId);
        await search.remove(trx, 'reply', r.id);
      }
      const posts = await trx.selectFrom('posts').select('id').where('author_id', '=', memberId).where('deleted_at', 'is', null).execute();
      for (const p of posts) {
        await store.updatePost(trx, p.id, { deleted_at: now, title: '', body_md: '', body_html: '', excerpt: '' });
        await search.remove(trx, 'post', p.id);
      }
      const reactions = await trx.selectFrom('reactions').select(['target_type', 'target_id', 'kind']).where('member_id', '=', memberId).execute();
      for (const r of reactions) await store.setReaction(trx, { type: r.target_type as 'post' | 'reply', id: r.target_id }, memberId, r.kind as ReactionKind, false, now);
      await trx.deleteFrom('saved_posts').where('member_id', '=', memberId).execute();
      await trx.deleteFrom('post_follows').where('member_id', '=', memberId).execute();
    },
  };
}
