import { sql, type Kysely } from 'kysely';
import { ulid } from '../../platform/ids.js';
import type { Notification } from '../../../shared/forum.js';
import type { DB } from '../../platform/db/schema.js';
import { keyset, toPage, type Page, type PageRequest } from '../../platform/db/pagination.js';
import type { EventBus } from '../../platform/events/bus.js';

export type NotificationsService = ReturnType<typeof createNotificationsService>;

const CHUNK = 500;

/**
 * In-app notifications: a list per member with an unread count kept on the member's row
 * (moved on write, never counted on read). Live delivery arrives with the real-time layer.
 */
export function createNotificationsService({ db, bus, now = Date.now }: { db: Kysely<DB>; bus: EventBus; now?: () => number }) {
  // Everyone following the post, and its author, hears of a reply; never the person who wrote it.
  bus.on('reply.created', async (event) => {
    const rows = await db
      .selectFrom('posts')
      .select('author_id as member_id')
      .where('id', '=', event.postId)
      .unionAll(db.selectFrom('post_follows').select('member_id').where('post_id', '=', event.postId))
      .execute();
    const recipients = new Set(rows.map((r) => r.member_id));
    recipients.delete(event.authorId);
    if (recipients.size === 0) return;
    const t = now();
    // In chunks, so a post with thousands of followers stays within each database's parameter limit.
    const everyone = [...recipients];
    for (let i = 0; i < everyone.length; i += CHUNK) {
      const chunk = everyone.slice(i, i + CHUNK);
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('notifications')
          .values(
            chunk.map((memberId) => ({
              id: ulid(t),
            member_id: memberId,
            kind: 'reply',
            post_id: event.postId,
            reply_id: event.replyId,
            actor_id: event.anonymous ? null : event.authorId,
            actor_anonymous: event.anonymous ? 1 : 0,
              created_at: event.createdAt,
              read_at: null,
            })),
          )
          .execute();
        await trx
          .updateTable('members')
          .set((eb) => ({ unread_notifications: eb('unread_notifications', '+', 1) }))
          .where('id', 'in', chunk)
          .execute();
      });
    }
  });

  async function unread(memberId: string): Promise<number> {
    const row = await db.selectFrom('members').select('unread_notifications').where('id', '=', memberId).executeTakeFirst();
    return Number(row?.unread_notifications ?? 0);
  }

  return {
    unread,

    async list(memberId: string, page: PageRequest): Promise<Page<Notification> & { unread: number }> {
      const q = db
        .selectFrom('notifications')
        .innerJoin('posts', 'posts.id', 'notifications.post_id')
        .leftJoin('replies', 'replies.id', 'notifications.reply_id')
        .leftJoin('members as actor', 'actor.id', 'notifications.actor_id')
        .select([
          'notifications.id',
          'notifications.kind',
          'notifications.post_id',
          'notifications.reply_id',
          'notifications.actor_id',
          'notifications.actor_anonymous',
          'notifications.created_at',
          'notifications.read_at',
          'posts.title',
          'posts.deleted_at as post_deleted_at',
          'posts.status as post_status',
          'posts.author_id as post_author_id',
          'replies.deleted_at as reply_deleted_at',
          'replies.status as reply_status',
          'actor.handle as actor_handle',
        ])
        .where('notifications.member_id', '=', memberId);
      const rows = await keyset(q, { sort: 'notifications.created_at', sortType: 'number', id: 'notifications.id', direction: 'desc', page }).execute();
      const result = toPage(rows, page.limit, (r) => [r.created_at, r.id], (r): Notification => {
        // What was deleted, held or removed after the notification was made is not shown through it.
        const postGone = r.post_deleted_at !== null || (r.post_status !== 'published' && r.post_author_id !== memberId);
        const replyGone = r.reply_deleted_at !== null || r.reply_status !== 'published';
        return {
          id: r.id,
          kind: 'reply',
          post: { id: r.post_id, title: postGone ? '[deleted]' : r.title },
          replyId: replyGone ? null : r.reply_id,
          actor: replyGone ? { kind: 'deleted', isMe: false } : r.actor_anonymous ? { kind: 'anonymous', isMe: false } : r.actor_handle ? { kind: 'member', handle: r.actor_handle, isMe: false } : { kind: 'deleted', isMe: false },
          createdAt: r.created_at,
          read: r.read_at !== null,
        };
      });
      return { ...result, unread: await unread(memberId) };
    },

    /** Marks every unread notification read, or only the one named; the unread count drops by what changed. */
    async markRead(memberId: string, id?: string): Promise<void> {
      const t = now();
      await db.transaction().execute(async (trx) => {
        let q = trx.updateTable('notifications').set({ read_at: t }).where('member_id', '=', memberId).where('read_at', 'is', null);
        if (id !== undefined) q = q.where('id', '=', id);
        const marked = await q.executeTakeFirst();
        // Down by what was marked, so a notification arriving meanwhile stays counted.
        const n = Number(marked.numUpdatedRows);
        if (n > 0) {
          await trx
            .updateTable('members')
            .set({ unread_notifications: sql<number>`case when unread_notifications > ${n} then unread_notifications - ${n} else 0 end` })
            .where('id', '=', memberId)
            .execute();
        }
      });
    },
  };
}
