import type { Kysely } from 'kysely';
import type { FlaggedItem } from '../../../shared/messaging.js';
import type { DB } from '../../platform/db/schema.js';
import { keyset, toPage, type Page, type PageRequest } from '../../platform/db/pagination.js';
import type { AuthMember } from '../../platform/http/auth.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { recordAudit } from './audit.js';

export type FlagsService = ReturnType<typeof createFlagsService>;

/**
 * What Kindred flagged for a moderator's eye that is not a risk alert: messages inviting
 * contact outside Kindred, for now (reports join them in the review queue later). Open
 * ones oldest first, so nothing waits longest; resolved ones newest first.
 */
export function createFlagsService({ db, now = Date.now }: { db: Kysely<DB>; now?: () => number }) {
  function base() {
    return db
      .selectFrom('content_flags')
      .leftJoin('messages', (j) => j.onRef('messages.id', '=', 'content_flags.content_id').on('content_flags.content_type', '=', 'message'))
      .leftJoin('conversations', 'conversations.id', 'content_flags.conversation_id')
      .leftJoin('groups', 'groups.id', 'conversations.group_id')
      .leftJoin('meeting_sessions', 'meeting_sessions.conversation_id', 'content_flags.conversation_id')
      .leftJoin('members as author', 'author.id', 'content_flags.author_id')
      .leftJoin('members as resolver', 'resolver.id', 'content_flags.resolved_by')
      .select([
        'content_flags.id',
        'content_flags.reason',
        'content_flags.status',
        'content_flags.created_at',
        'content_flags.resolved_at',
        'resolver.handle as resolver_handle',
        'messages.id as message_id',
        'messages.body',
        'messages.status as message_status',
        'messages.deleted_at as message_deleted_at',
        'messages.created_at as message_created_at',
        'content_flags.conversation_id',
        'content_flags.note',
        'groups.slug',
        'groups.name',
        'meeting_sessions.meeting_id',
        'meeting_sessions.local_date',
        'author.id as author_id',
        'author.handle as author_handle',
        'author.deleted_at as author_deleted_at',
      ])
      .where('content_flags.content_type', 'in', ['message', 'conversation']);
  }
  type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

  function present(r: Row): FlaggedItem {
    const deleted = r.message_deleted_at !== null;
    const status = deleted ? 'deleted' : (r.message_status as 'published' | 'held' | 'removed');
    const authorGone = r.author_deleted_at !== null || r.author_id === null;
    return {
      id: r.id,
      reason: r.reason as FlaggedItem['reason'],
      status: r.status as FlaggedItem['status'],
      createdAt: r.created_at,
      resolvedAt: r.resolved_at,
      resolvedBy: r.resolver_handle,
      conversationId: r.reason === 'moderator_requested' || r.reason === 'chat_reported' ? r.conversation_id : null,
      meeting: r.meeting_id && r.local_date ? { id: r.meeting_id, localDate: r.local_date } : null,
      note: r.note,
      message:
        r.message_id === null
          ? null
          : { id: r.message_id, body: (status === 'published' || status === 'held') && r.body !== null ? r.body : '', status, createdAt: r.message_created_at! },
      room: r.slug && r.name ? { slug: r.slug, name: r.name } : null,
      author: { id: authorGone ? null : r.author_id, handle: authorGone ? null : r.author_handle },
    };
  }

  return {
    async list(view: 'open' | 'resolved', page: PageRequest): Promise<Page<FlaggedItem>> {
      const q = base().where('content_flags.status', '=', view);
      const sort = view === 'open' ? 'content_flags.created_at' : 'content_flags.resolved_at';
      const rows = await keyset(q, { sort, sortType: 'number', id: 'content_flags.id', direction: view === 'open' ? 'asc' : 'desc', page }).execute();
      return toPage(rows, page.limit, (r) => [view === 'open' ? r.created_at : r.resolved_at!, r.id], present);
    },

    async resolve(moderator: AuthMember, id: string): Promise<FlaggedItem> {
      const t = now();
      await db.transaction().execute(async (trx) => {
        const flag = await trx.selectFrom('content_flags').select(['id', 'status']).where('id', '=', id).executeTakeFirst();
        if (!flag) throw notFound('That flag');
        if (flag.status === 'resolved') throw new AppError('flag_resolved', 'Another moderator has already looked at this one.', 409);
        await trx.updateTable('content_flags').set({ status: 'resolved', resolved_at: t, resolved_by: moderator.id }).where('id', '=', id).execute();
        await recordAudit(trx, { actorId: moderator.id, action: 'flag.resolved', targetType: 'content_flag', targetId: id }, t);
      });
      return present((await base().where('content_flags.id', '=', id).executeTakeFirst())!);
    },

    async openCount(): Promise<number> {
      const row = await db.selectFrom('content_flags').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'open').executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
