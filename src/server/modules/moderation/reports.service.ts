import type { Kysely } from 'kysely';
import { AT_RISK_REPORTS_PER_DAY, type MyReport, type ReportBody } from '../../../shared/moderation.js';
import type { DB } from '../../platform/db/schema.js';
import type { EventBus } from '../../platform/events/bus.js';
import { hasRole, type AuthMember } from '../../platform/http/auth.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { ulid } from '../../platform/ids.js';

const DAY = 24 * 60 * 60_000;

interface Resolved {
  targetId: string;
  subjectId: string | null;
  groupId: string | null;
  conversationId: string | null;
  link: string | null;
}

type ReportRow = { id: string; target_type: string; target_id: string; reason: string; status: string; created_at: number; resolved_at: number | null; link?: string | null };

function present(r: ReportRow, link: string | null): MyReport {
  return {
    id: r.id,
    targetType: r.target_type as MyReport['targetType'],
    reason: r.reason as MyReport['reason'],
    status: r.status as MyReport['status'],
    createdAt: Number(r.created_at),
    resolvedAt: r.resolved_at === null ? null : Number(r.resolved_at),
    link,
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;

/**
 * Members' reports. A report is only ever seen by the moderators and, as a status, by the
 * member who made it: nobody is told they were reported (Kindred will not be a way to send
 * someone a "we're worried about you" they did not ask for). "Someone may be at risk" reports
 * are limited per reporter per day, so care cannot be turned into harassment.
 */
export function createReportsService({ db, bus, now = Date.now }: { db: Kysely<DB>; bus: EventBus; now?: () => number }) {
  async function resolve(reporter: AuthMember, body: ReportBody): Promise<Resolved> {
    const own = () => new AppError('own_content', 'This is your own, so there is nothing to report. You can edit or delete it instead.', 400);
    switch (body.targetType) {
      case 'post': {
        const p = await db.selectFrom('posts').select(['id', 'author_id', 'group_id', 'status', 'deleted_at']).where('id', '=', body.targetId).executeTakeFirst();
        if (!p || p.deleted_at !== null || p.status !== 'published') throw notFound('That post');
        if (p.author_id === reporter.id) throw own();
        return { targetId: p.id, subjectId: p.author_id, groupId: p.group_id, conversationId: null, link: `/posts/${p.id}` };
      }
      case 'reply': {
        const r = await db
          .selectFrom('replies')
          .innerJoin('posts', 'posts.id', 'replies.post_id')
          .select(['replies.id', 'replies.author_id', 'replies.status', 'replies.deleted_at', 'replies.post_id', 'posts.group_id'])
          .where('replies.id', '=', body.targetId)
          .executeTakeFirst();
        if (!r || r.deleted_at !== null || r.status !== 'published') throw notFound('That reply');
        if (r.author_id === reporter.id) throw own();
        return { targetId: r.id, subjectId: r.author_id, groupId: r.group_id, conversationId: null, link: `/posts/${r.post_id}#reply-${r.id}` };
      }
      case 'message': {
        const m = await db
          .selectFrom('messages')
          .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
          .leftJoin('groups', 'groups.id', 'conversations.group_id')
          .select(['messages.id', 'messages.author_id', 'messages.deleted_at', 'messages.conversation_id', 'conversations.kind', 'conversations.group_id', 'groups.slug'])
          .where('messages.id', '=', body.targetId)
          .executeTakeFirst();
        // Only someone in the conversation can have seen the message.
        const inIt = m ? await db.selectFrom('conversation_participants').select('member_id').where('conversation_id', '=', m.conversation_id).where('member_id', '=', reporter.id).executeTakeFirst() : undefined;
        if (!m || m.deleted_at !== null || !inIt) throw notFound('That message');
        if (m.author_id === reporter.id) throw own();
        const link = m.kind === 'room' && m.slug ? `/groups/${m.slug}/room#message-${m.id}` : m.kind === 'support' ? `/chats/${m.conversation_id}` : null;
        return { targetId: m.id, subjectId: m.author_id, groupId: m.group_id, conversationId: m.conversation_id, link };
      }
      default: {
        const member = await db.selectFrom('members').select(['id', 'handle', 'deleted_at']).where('handle_key', '=', body.targetId.trim().toLowerCase()).executeTakeFirst();
        if (!member || member.deleted_at !== null) throw notFound('That member');
        if (member.id === reporter.id) throw new AppError('own_content', 'You cannot report yourself. If you are struggling, the Get help page lists people you can talk to right now.', 400);
        if (body.targetType === 'listener') {
          const roles = await db.selectFrom('member_roles').select('role').where('member_id', '=', member.id).execute();
          if (!hasRole({ roles: roles.map((r) => r.role) } as AuthMember, 'listener')) throw notFound('That listener');
        }
        return { targetId: member.id, subjectId: member.id, groupId: null, conversationId: null, link: `/members/${encodeURIComponent(member.handle)}` };
      }
    }
  }

  return {
    /** Files a report; the same member reporting the same thing again gets their open report back. */
    async create(reporter: AuthMember, body: ReportBody): Promise<{ report: MyReport; created: boolean }> {
      const target = await resolve(reporter, body);
      const t = now();
      const existing = await db
        .selectFrom('reports')
        .selectAll()
        .where('reporter_id', '=', reporter.id)
        .where('target_type', '=', body.targetType)
        .where('target_id', '=', target.targetId)
        .where('status', '=', 'open')
        .executeTakeFirst();
      if (existing) return { report: present(existing, target.link), created: false };
      if (body.reason === 'at_risk') {
        const recent = await db
          .selectFrom('reports')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('reporter_id', '=', reporter.id)
          .where('reason', '=', 'at_risk')
          .where('created_at', '>', t - DAY)
          .executeTakeFirstOrThrow();
        if (Number(recent.n) >= AT_RISK_REPORTS_PER_DAY) {
          throw new AppError(
            'too_many_reports',
            'Thank you for caring. You have made several “someone may be at risk” reports today, and the moderators have them all. If someone is in danger right now, please call your local emergency number or a crisis line.',
            429,
          );
        }
      }
      const row = {
        id: ulid(t),
        reporter_id: reporter.id,
        target_type: body.targetType,
        target_id: target.targetId,
        subject_id: target.subjectId,
        group_id: target.groupId,
        conversation_id: target.conversationId,
        reason: body.reason,
        note: body.note?.trim() || null,
        status: 'open',
        created_at: t,
        resolved_at: null,
        resolved_by: null,
        first_action_at: null,
      };
      await db.insertInto('reports').values(row).execute();
      await bus.publish('moderation.changed', {});
      return { report: present(row, target.link), created: true };
    },

    async mine(reporter: AuthMember): Promise<MyReport[]> {
      const rows = await db.selectFrom('reports').selectAll().where('reporter_id', '=', reporter.id).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(100).execute();
      return rows.map((r) => present(r, null));
    },
  };
}
