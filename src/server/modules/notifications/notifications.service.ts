import { sql, type Kysely } from 'kysely';
import { ulid } from '../../platform/ids.js';
import { MEETING_NOTICE_KINDS, type MeetingNoticeKind, type Notification, type ReactionKind } from '../../../shared/forum.js';
import type { DB } from '../../platform/db/schema.js';
import { keyset, toPage, type Page, type PageRequest } from '../../platform/db/pagination.js';
import type { EventBus } from '../../platform/events/bus.js';
import { handleKey } from '../accounts/handles.js';
import type { BlocksService } from '../blocks/blocks.service.js';
import { withoutBlockedAuthors } from '../blocks/blocks.query.js';
import { plainText } from '../posts/markdown.js';
import { mentionedHandles } from './mentions.js';

export type NotificationsService = ReturnType<typeof createNotificationsService>;

const CHUNK = 500;

/** A notice about one occurrence of a meeting, for one member. */
export interface MeetingNotice {
  memberId: string;
  kind: MeetingNoticeKind;
  meetingId: string;
  localDate: string;
  /** The occurrence's start as it now stands. */
  startsAt: number;
  createdAt: number;
}

const meetingKinds = new Set<string>(MEETING_NOTICE_KINDS);

interface NewNotification {
  memberId: string;
  kind: 'reply' | 'mention' | 'reaction';
  postId: string;
  replyId: string | null;
  actorId: string;
  anonymous: boolean;
  createdAt: number;
  reactionKind?: string;
}

/**
 * In-app notifications: replies to my posts and in posts I follow, @mentions, and reactions to
 * what I wrote. A list per member with an unread count kept on the member's row (moved on
 * write, never counted on read). Every change is announced as 'notifications.changed' after it
 * commits, for the real-time layer to push. A block keeps two members from hearing of each other, both ways.
 */
export function createNotificationsService({ db, bus, blocks, now = Date.now }: { db: Kysely<DB>; bus: EventBus; blocks: Pick<BlocksService, 'between'>; now?: () => number }) {
  async function changed(memberIds: string[]): Promise<void> {
    if (memberIds.length > 0) await bus.publish('notifications.changed', { memberIds: [...new Set(memberIds)] });
  }

  /** Inserts and counts new notifications (in chunks, within each database's parameter limit), then announces them. */
  async function deliver(items: NewNotification[]): Promise<void> {
    if (items.length === 0) return;
    for (let i = 0; i < items.length; i += CHUNK) {
      const chunk = items.slice(i, i + CHUNK).map((n) => ({ ...n, id: ulid(n.createdAt) }));
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('notifications')
          .values(
            chunk.map((n) => ({
              id: n.id,
              member_id: n.memberId,
              kind: n.kind,
              post_id: n.postId,
              reply_id: n.replyId,
              // An anonymous author stays anonymous here too; blocks were checked on the real one above.
              actor_id: n.anonymous ? null : n.actorId,
              actor_anonymous: n.anonymous ? 1 : 0,
              created_at: n.createdAt,
              read_at: null,
              reaction_kind: n.reactionKind ?? null,
            })),
          )
          .execute();
        // A reaction notification remembers who it stands for.
        const gathering = chunk.filter((n) => n.kind === 'reaction');
        if (gathering.length > 0) await trx.insertInto('notification_actors').values(gathering.map((n) => ({ notification_id: n.id, actor_id: n.actorId }))).execute();
        await trx
          .updateTable('members')
          .set((eb) => ({ unread_notifications: eb('unread_notifications', '+', 1) }))
          .where('id', 'in', chunk.map((n) => n.memberId))
          .execute();
      });
    }
    await changed(items.map((n) => n.memberId));
  }

  /**
   * Writes meeting notices inside the caller's transaction, so a notice goes with the change that
   * caused it (a promotion, a reminder's own row) or not at all. Call `announce` after commit.
   */
  async function writeMeetingNotices(trx: Kysely<DB>, items: MeetingNotice[]): Promise<void> {
    for (let i = 0; i < items.length; i += CHUNK) {
      const chunk = items.slice(i, i + CHUNK);
      await trx
        .insertInto('notifications')
        .values(
          chunk.map((n) => ({
            id: ulid(n.createdAt),
            member_id: n.memberId,
            kind: n.kind,
            post_id: '',
            reply_id: null,
            actor_id: null,
            actor_anonymous: 0,
            created_at: n.createdAt,
            read_at: null,
            meeting_id: n.meetingId,
            local_date: n.localDate,
            starts_at: n.startsAt,
          })),
        )
        .execute();
      // One member may have several notices in a chunk (a reminder for two meetings): count each.
      const counts = new Map<string, number>();
      for (const n of chunk) counts.set(n.memberId, (counts.get(n.memberId) ?? 0) + 1);
      for (const [memberId, count] of counts) {
        await trx
          .updateTable('members')
          .set((eb) => ({ unread_notifications: eb('unread_notifications', '+', count) }))
          .where('id', '=', memberId)
          .execute();
      }
    }
  }

  /** Leaves out the author, everyone who blocked the author and everyone the author blocked (anonymous or not). */
  async function reachable(authorId: string, candidates: Iterable<string>): Promise<string[]> {
    const ids = [...new Set(candidates)].filter((id) => id !== authorId);
    const { blocked, blockedBy } = await blocks.between(authorId, ids);
    return ids.filter((id) => !blocked.has(id) && !blockedBy.has(id));
  }

  /** Members mentioned in `text` who exist and can read the post's group (any signed-in member, unless it is archived). */
  async function mentioned(text: string, postId: string): Promise<string[]> {
    const keys = mentionedHandles(text).map(handleKey);
    if (keys.length === 0) return [];
    const rows = await db
      .selectFrom('members')
      .select('members.id')
      .where('members.handle_key', 'in', keys)
      .where('members.deleted_at', 'is', null)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('posts')
            .innerJoin('groups', 'groups.id', 'posts.group_id')
            .select('posts.id')
            .where('posts.id', '=', postId)
            .where('groups.archived_at', 'is', null),
        ),
      )
      .execute();
    return rows.map((r) => r.id);
  }

  /** Of `memberIds`, those already notified about this post or reply (so an edit never notifies twice). */
  async function alreadyNotified(memberIds: string[], postId: string, replyId: string | null): Promise<Set<string>> {
    if (memberIds.length === 0) return new Set();
    let q = db.selectFrom('notifications').select('member_id').where('member_id', 'in', memberIds).where('post_id', '=', postId).where('kind', 'in', ['reply', 'mention']);
    q = replyId === null ? q.where('reply_id', 'is', null) : q.where('reply_id', '=', replyId);
    return new Set((await q.execute()).map((r) => r.member_id));
  }

  async function replyText(replyId: string): Promise<string> {
    const row = await db.selectFrom('replies').select('body_html').where('id', '=', replyId).executeTakeFirst();
    return row ? plainText(row.body_html) : '';
  }

  // A reply: everyone following the post, and its author, hear of it; people it mentions hear of
  // the mention instead (once each). Never the person who wrote it, nor anyone a block keeps apart from them.
  bus.on('reply.created', async (event) => {
    const rows = await db
      .selectFrom('posts')
      .select('author_id as member_id')
      .where('id', '=', event.postId)
      .unionAll(db.selectFrom('post_follows').select('member_id').where('post_id', '=', event.postId))
      .execute();
    const mentions = new Set(await mentioned(await replyText(event.replyId), event.postId));
    const recipients = await reachable(event.authorId, [...rows.map((r) => r.member_id), ...mentions]);
    await deliver(
      recipients.map((memberId) => ({
        memberId,
        kind: mentions.has(memberId) ? 'mention' : 'reply',
        postId: event.postId,
        replyId: event.replyId,
        actorId: event.authorId,
        anonymous: event.anonymous,
        createdAt: event.createdAt,
      })),
    );
  });

  // An edit may add mentions: only the people not yet told about this reply hear of it.
  bus.on('reply.edited', async (event) => {
    const mentions = await reachable(event.authorId, await mentioned(await replyText(event.replyId), event.postId));
    const told = await alreadyNotified(mentions, event.postId, event.replyId);
    await deliver(
      mentions.filter((m) => !told.has(m)).map((memberId) => ({ memberId, kind: 'mention', postId: event.postId, replyId: event.replyId, actorId: event.authorId, anonymous: event.anonymous, createdAt: event.at })),
    );
  });

  bus.on('post.published', async (event) => {
    const post = await db.selectFrom('posts').select(['title', 'body_html']).where('id', '=', event.postId).executeTakeFirst();
    if (!post) return;
    const mentions = await reachable(event.authorId, await mentioned(`${post.title}\n${plainText(post.body_html)}`, event.postId));
    const told = await alreadyNotified(mentions, event.postId, null);
    await deliver(
      mentions.filter((m) => !told.has(m)).map((memberId) => ({ memberId, kind: 'mention', postId: event.postId, replyId: null, actorId: event.authorId, anonymous: event.anonymous, createdAt: event.at })),
    );
  });

  // Reactions gather: while a member has not read "X reacted to your reply", more people reacting
  // to that reply join it ("X and 2 others") instead of adding lines. Each person counts once
  // per post or reply, however often they take a reaction back and give it again.
  bus.on('reaction.added', async (event) => {
    const target =
      event.targetType === 'post'
        ? await db.selectFrom('posts').select(['author_id', 'status', 'deleted_at']).where('id', '=', event.targetId).executeTakeFirst()
        : await db.selectFrom('replies').select(['author_id', 'status', 'deleted_at']).where('id', '=', event.targetId).executeTakeFirst();
    if (!target || target.status !== 'published' || target.deleted_at !== null) return;
    const [recipient] = await reachable(event.memberId, [target.author_id]);
    if (!recipient) return;
    const replyId = event.targetType === 'reply' ? event.targetId : null;
    const onTarget = (q: ReturnType<typeof forTarget>) => (replyId === null ? q.where('notifications.reply_id', 'is', null) : q.where('notifications.reply_id', '=', replyId));
    const forTarget = () =>
      db.selectFrom('notifications').where('notifications.member_id', '=', recipient).where('notifications.kind', '=', 'reaction').where('notifications.post_id', '=', event.postId);
    const counted = await onTarget(forTarget())
      .innerJoin('notification_actors', 'notification_actors.notification_id', 'notifications.id')
      .select('notifications.id')
      .where('notification_actors.actor_id', '=', event.memberId)
      .executeTakeFirst();
    if (counted) return;
    const open = await onTarget(forTarget()).select('notifications.id').where('notifications.read_at', 'is', null).orderBy('notifications.created_at', 'desc').executeTakeFirst();
    if (!open) {
      await deliver([{ memberId: recipient, kind: 'reaction', postId: event.postId, replyId, actorId: event.memberId, anonymous: false, createdAt: event.at, reactionKind: event.kind }]);
      return;
    }
    const bumped = await db.transaction().execute(async (trx) => {
      const added = await trx.insertInto('notification_actors').values({ notification_id: open.id, actor_id: event.memberId }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      if (Number(added.numInsertedOrUpdatedRows ?? 0) === 0) return false;
      await trx
        .updateTable('notifications')
        .set((eb) => ({ actor_id: event.memberId, reaction_kind: event.kind, actor_count: eb('actor_count', '+', 1), created_at: event.at }))
        .where('id', '=', open.id)
        .execute();
      return true;
    });
    if (bumped) await changed([recipient]);
  });

  // Blocking quietly reads what each of the two had already caused the other, both ways, since the
  // list leaves those out now: a badge must not count what the list cannot show.
  bus.on('member.blocked', async (event) => {
    await markReadWhere(event.blockerId, (q) => q.where('actor_id', '=', event.blockedId));
    await markReadWhere(event.blockedId, (q) => q.where('actor_id', '=', event.blockerId));
  });

  async function unread(memberId: string): Promise<number> {
    const row = await db.selectFrom('members').select('unread_notifications').where('id', '=', memberId).executeTakeFirst();
    return Number(row?.unread_notifications ?? 0);
  }

  type MarkQuery = ReturnType<typeof markQuery>;
  function markQuery(trx: Kysely<DB>, memberId: string, t: number) {
    return trx.updateTable('notifications').set({ read_at: t }).where('member_id', '=', memberId).where('read_at', 'is', null);
  }

  async function markReadWhere(memberId: string, narrow: (q: MarkQuery) => MarkQuery): Promise<void> {
    const t = now();
    const n = await db.transaction().execute(async (trx) => {
      const marked = await narrow(markQuery(trx, memberId, t)).executeTakeFirst();
      // Down by what was marked, so a notification arriving meanwhile stays counted.
      const count = Number(marked.numUpdatedRows);
      if (count > 0) {
        await trx
          .updateTable('members')
          .set({ unread_notifications: sql<number>`case when unread_notifications > ${count} then unread_notifications - ${count} else 0 end` })
          .where('id', '=', memberId)
          .execute();
      }
      return count;
    });
    if (n > 0) await changed([memberId]);
  }

  return {
    unread,
    writeMeetingNotices,
    /** Tells these members' open tabs that their notifications changed; after the commit that wrote them. */
    announce: changed,
    /** Writes meeting notices in their own transaction and announces them. */
    async deliverMeetingNotices(items: MeetingNotice[]): Promise<void> {
      if (items.length === 0) return;
      await db.transaction().execute((trx) => writeMeetingNotices(trx, items));
      await changed(items.map((n) => n.memberId));
    },

    async list(memberId: string, page: PageRequest): Promise<Page<Notification> & { unread: number }> {
      // Both ways for everyone, moderators too: this is what reaches the member, not what they review.
      const q = withoutBlockedAuthors(db.selectFrom('notifications'), { id: memberId, seesBlockers: false }, 'notifications.actor_id')
        .leftJoin('posts', 'posts.id', 'notifications.post_id')
        .leftJoin('replies', 'replies.id', 'notifications.reply_id')
        .leftJoin('meetings', 'meetings.id', 'notifications.meeting_id')
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
          'notifications.reaction_kind',
          'notifications.actor_count',
          'posts.title',
          'posts.deleted_at as post_deleted_at',
          'posts.status as post_status',
          'posts.author_id as post_author_id',
          'replies.deleted_at as reply_deleted_at',
          'replies.status as reply_status',
          'actor.handle as actor_handle',
          'actor.deleted_at as actor_deleted_at',
          'notifications.meeting_id',
          'notifications.local_date',
          'notifications.starts_at',
          'meetings.title as meeting_title',
        ])
        .where('notifications.member_id', '=', memberId)
        // As before meeting notices: a forum notification whose post row is gone is not listed.
        .where((eb) => eb.or([eb('posts.id', 'is not', null), eb('notifications.meeting_id', 'is not', null)]));
      const rows = await keyset(q, { sort: 'notifications.created_at', sortType: 'number', id: 'notifications.id', direction: 'desc', page }).execute();
      const result = toPage(rows, page.limit, (r) => [r.created_at, r.id], (r): Notification => {
        if (meetingKinds.has(r.kind)) {
          return {
            id: r.id,
            kind: r.kind as MeetingNoticeKind,
            post: null,
            replyId: null,
            actor: null,
            meeting: { id: r.meeting_id ?? '', title: r.meeting_title ?? '', localDate: r.local_date ?? '', startsAt: Number(r.starts_at ?? 0) },
            createdAt: r.created_at,
            read: r.read_at !== null,
          };
        }
        // What was deleted, held or removed after the notification was made is not shown through it.
        const postGone = r.post_deleted_at !== null || (r.post_status !== 'published' && r.post_author_id !== memberId);
        const replyGone = r.reply_id !== null && (r.reply_deleted_at !== null || r.reply_status !== 'published');
        // The words that named the actor are gone: a mention or a reply in a deleted text, or a reaction on one.
        const sourceGone = r.reply_id !== null ? replyGone : r.kind === 'mention' && postGone;
        const kind = r.kind === 'mention' || r.kind === 'reaction' ? r.kind : 'reply';
        return {
          id: r.id,
          kind,
          post: { id: r.post_id, title: postGone ? '[deleted]' : (r.title ?? '[deleted]') },
          replyId: replyGone ? null : r.reply_id,
          actor:
            sourceGone && kind !== 'reaction'
              ? { kind: 'deleted', isMe: false }
              : r.actor_anonymous && kind !== 'reaction'
                ? { kind: 'anonymous', isMe: false }
                : r.actor_handle && r.actor_deleted_at === null
                  ? { kind: 'member', handle: r.actor_handle, isMe: false }
                  : { kind: 'deleted', isMe: false },
          ...(kind === 'reaction' ? { reaction: (r.reaction_kind ?? 'hug') as ReactionKind, others: Math.max(0, Number(r.actor_count) - 1) } : {}),
          createdAt: r.created_at,
          read: r.read_at !== null,
        };
      });
      return { ...result, unread: await unread(memberId) };
    },

    /** Marks every unread notification read, or only the one named; the unread count drops by what changed. */
    async markRead(memberId: string, id?: string): Promise<void> {
      await markReadWhere(memberId, (q) => (id === undefined ? q : q.where('id', '=', id)));
    },
  };
}
