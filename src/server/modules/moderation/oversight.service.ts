import type { Kysely } from 'kysely';
import type { AuditEntry, AuditPage, ModerationDashboard } from '../../../shared/moderation.js';
import type { DB } from '../../platform/db/schema.js';

const DAY = 24 * 60 * 60_000;
const PAGE = 50;

export type OversightService = ReturnType<typeof createOversightService>;

/** The audit log as moderators read it, and the operators' numbers (aggregates only). */
export function createOversightService({ db, now = Date.now }: { db: Kysely<DB>; now?: () => number }) {
  return {
    /** Newest first; the cursor is the last id seen (ids are time-ordered). */
    async audit(query: { cursor?: string | undefined; action?: string | undefined }): Promise<AuditPage> {
      let q = db.selectFrom('audit_log').leftJoin('members', 'members.id', 'audit_log.actor_id').select(['audit_log.id', 'audit_log.created_at', 'audit_log.action', 'audit_log.target_type', 'audit_log.target_id', 'audit_log.detail', 'members.handle', 'members.deleted_at']);
      if (query.cursor) q = q.where('audit_log.id', '<', query.cursor);
      if (query.action) q = q.where('audit_log.action', '=', query.action);
      const rows = await q.orderBy('audit_log.id', 'desc').limit(PAGE + 1).execute();
      const items = rows.slice(0, PAGE).map((r): AuditEntry => {
        let detail: Record<string, unknown> = {};
        try {
          detail = JSON.parse(r.detail) as Record<string, unknown>;
        } catch {
          detail = {};
        }
        const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
        return {
          id: r.id,
          at: Number(r.created_at),
          actor: r.handle && r.deleted_at === null ? { handle: r.handle } : null,
          action: r.action,
          targetType: r.target_type,
          targetId: r.target_id,
          reason: text(detail.reason) ?? text(detail.note),
          rule: text(detail.rule),
        };
      });
      return { items, nextCursor: rows.length > PAGE ? items[items.length - 1]!.id : null };
    },

    async dashboard(): Promise<ModerationDashboard> {
      const t = now();
      const count = async (q: Promise<{ n: number | string | bigint } | undefined>) => Number((await q)?.n ?? 0);
      const [openReports, openAlerts, urgentAlerts, heldPosts, heldReplies, heldMessages, openFlags, actions, waits] = await Promise.all([
        count(db.selectFrom('reports').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'open').executeTakeFirst()),
        count(db.selectFrom('risk_alerts').select((eb) => eb.fn.countAll<number>().as('n')).where('status', 'in', ['open', 'acknowledged']).executeTakeFirst()),
        count(db.selectFrom('risk_alerts').select((eb) => eb.fn.countAll<number>().as('n')).where('status', 'in', ['open', 'acknowledged']).where('urgent', '=', 1).executeTakeFirst()),
        count(db.selectFrom('posts').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'held').where('deleted_at', 'is', null).executeTakeFirst()),
        count(db.selectFrom('replies').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'held').where('deleted_at', 'is', null).executeTakeFirst()),
        count(db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'held').where('deleted_at', 'is', null).executeTakeFirst()),
        count(db.selectFrom('content_flags').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'open').executeTakeFirst()),
        count(
          db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('created_at', '>', t - 7 * DAY)
            .where('action', 'in', ['content.removed', 'content.restored', 'review.approved', 'review.dismissed', 'member.warned', 'member.muted', 'member.suspended', 'member.banned', 'member.lifted'])
            .executeTakeFirst(),
        ),
        db.selectFrom('reports').select(['created_at', 'first_action_at']).where('created_at', '>', t - 30 * DAY).where('first_action_at', 'is not', null).execute(),
      ]);
      const minutes = waits.map((w) => (Number(w.first_action_at) - Number(w.created_at)) / 60_000).sort((a, b) => a - b);
      const median = minutes.length ? Math.round(minutes[Math.floor(minutes.length / 2)]! * 10) / 10 : null;
      return { openReports, openAlerts, urgentAlerts, heldItems: heldPosts + heldReplies + heldMessages, openFlags, medianMinutesToFirstAction: median, actionsLast7Days: actions };
    },
  };
}
