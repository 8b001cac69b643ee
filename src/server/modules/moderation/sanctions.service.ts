import type { Kysely } from 'kysely';
import type { MemberActionBody, MemberStanding, MyNotice } from '../../../shared/moderation.js';
import type { DB } from '../../platform/db/schema.js';
import type { EventBus } from '../../platform/events/bus.js';
import { hasRole, type AuthMember } from '../../platform/http/auth.js';
import { AppError, forbidden, notFound } from '../../platform/http/errors.js';
import { ulid } from '../../platform/ids.js';
import type { Role } from '../../../shared/rules.js';
import { recordAudit } from './audit.js';
import { groupIdsOf, SITE_SCOPE, type ReviewScope } from './review.scope.js';
import type { ReviewService } from './review.service.js';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

export type SanctionsService = ReturnType<typeof createSanctionsService>;

/**
 * What moderators can do about a member — warn, mute for hours, suspend for days, ban, or lift
 * any of these — each written to the audit log with the guideline and the reason, and each told
 * to the member in kind words. A moderator never acts on themselves, and only an admin acts on
 * another moderator or admin.
 */
export function createSanctionsService({
  db,
  bus,
  review,
  groupStaff,
  now = Date.now,
}: {
  db: Kysely<DB>;
  bus: EventBus;
  review: ReviewService;
  /** Whether a member belongs to a group moderator's groups. */
  groupStaff?: { inAnyGroup(memberId: string, groupIds: readonly string[]): Promise<boolean> };
  now?: () => number;
}) {
  async function findMember(handle: string) {
    const m = await db.selectFrom('members').select(['id', 'handle', 'deleted_at', 'muted_until', 'suspended_until', 'banned_at']).where('handle_key', '=', handle.trim().toLowerCase()).executeTakeFirst();
    if (!m || m.deleted_at !== null) throw notFound('That member');
    return m;
  }

  async function standing(memberId: string): Promise<MemberStanding> {
    const m = await db.selectFrom('members').select(['handle', 'muted_until', 'suspended_until', 'banned_at']).where('id', '=', memberId).executeTakeFirstOrThrow();
    const w = await db.selectFrom('member_warnings').select((eb) => eb.fn.countAll<number>().as('n')).where('member_id', '=', memberId).executeTakeFirstOrThrow();
    const t = now();
    const live = (v: number | null) => (v !== null && Number(v) > t ? Number(v) : null);
    return { handle: m.handle, mutedUntil: live(m.muted_until), suspendedUntil: live(m.suspended_until), banned: m.banned_at !== null, warnings: Number(w.n) };
  }

  /** A group moderator looks after the members of their own groups only. */
  async function assertInScope(scope: ReviewScope, memberId: string): Promise<void> {
    if (scope.site) return;
    if (!groupStaff || !(await groupStaff.inAnyGroup(memberId, groupIdsOf(scope)))) throw forbidden();
  }

  return {
    async standing(moderator: AuthMember, handle: string, scope: ReviewScope = SITE_SCOPE): Promise<MemberStanding> {
      void moderator;
      const member = await findMember(handle);
      await assertInScope(scope, member.id);
      return standing(member.id);
    },

    /** A group moderator may only warn, only a member of one of their groups, and answer only their groups' items. */
    async act(moderator: AuthMember, handle: string, body: MemberActionBody, scope: ReviewScope = SITE_SCOPE): Promise<MemberStanding> {
      if (!scope.site && body.action !== 'warn') {
        throw new AppError('forbidden', "Group moderators can give a warning. Mutes, suspensions and bans are for the site's moderators: please ask one.", 403);
      }
      const member = await findMember(handle);
      if (member.id === moderator.id) throw new AppError('self_action', 'You cannot take this action on your own account.', 400);
      await assertInScope(scope, member.id);
      if (!scope.site && 'itemKey' in body && body.itemKey) await review.get(moderator, body.itemKey, scope);
      const roles = (await db.selectFrom('member_roles').select('role').where('member_id', '=', member.id).execute()).map((r) => r.role as Role);
      if ((roles.includes('moderator') || roles.includes('admin')) && !hasRole(moderator, 'admin')) throw forbidden();
      const t = now();
      const itemKey = 'itemKey' in body ? body.itemKey : undefined;
      const target = itemKey ? review.parseKey(itemKey) : null;
      await db.transaction().execute(async (trx) => {
        if (itemKey) {
          const other = await review.claimedByOther(trx, itemKey, moderator);
          if (other) throw review.claimedError(other);
        }
        const reason = body.reason.trim();
        const notice = (kind: string, rule: string, until: number | null) =>
          trx.insertInto('member_warnings').values({ id: ulid(t), member_id: member.id, rule, reason, kind, until, created_at: t, seen_at: null }).execute();
        switch (body.action) {
          case 'warn':
            await notice('warning', body.rule, null);
            await recordAudit(trx, { actorId: moderator.id, action: 'member.warned', targetType: 'member', targetId: member.id, detail: { rule: body.rule, reason } }, t);
            break;
          case 'mute': {
            const until = t + body.hours * HOUR;
            await trx.updateTable('members').set({ muted_until: until }).where('id', '=', member.id).execute();
            await notice('mute', body.rule, until);
            await recordAudit(trx, { actorId: moderator.id, action: 'member.muted', targetType: 'member', targetId: member.id, detail: { rule: body.rule, reason, hours: body.hours } }, t);
            break;
          }
          case 'suspend': {
            const until = t + body.days * DAY;
            await trx.updateTable('members').set({ suspended_until: until }).where('id', '=', member.id).execute();
            // A suspended listener takes no chats.
            await trx.updateTable('listener_profiles').set({ status: 'off', status_since: t, updated_at: t }).where('member_id', '=', member.id).where('status', '!=', 'off').execute();
            await notice('suspension', body.rule, until);
            await recordAudit(trx, { actorId: moderator.id, action: 'member.suspended', targetType: 'member', targetId: member.id, detail: { rule: body.rule, reason, days: body.days } }, t);
            break;
          }
          case 'ban':
            // Every session ends now; signing in is refused from here on.
            await trx.updateTable('members').set({ banned_at: t, sessions_valid_after: t }).where('id', '=', member.id).execute();
            await trx.deleteFrom('sessions').where('member_id', '=', member.id).execute();
            await trx.updateTable('listener_profiles').set({ status: 'off', status_since: t, updated_at: t }).where('member_id', '=', member.id).where('status', '!=', 'off').execute();
            await recordAudit(trx, { actorId: moderator.id, action: 'member.banned', targetType: 'member', targetId: member.id, detail: { rule: body.rule, reason } }, t);
            break;
          case 'lift':
            await trx.updateTable('members').set({ muted_until: null, suspended_until: null, banned_at: null }).where('id', '=', member.id).execute();
            await recordAudit(trx, { actorId: moderator.id, action: 'member.lifted', targetType: 'member', targetId: member.id, detail: { reason } }, t);
            break;
        }
        if (target) await review.closeSources(trx, target, 'actioned', moderator, reason, t);
      });
      await bus.publish('member.access_changed', { memberId: member.id });
      if (target) await bus.publish('moderation.changed', {});
      return standing(member.id);
    },

    /** What moderators did about the member's words or account, newest first. */
    async notices(member: AuthMember): Promise<MyNotice[]> {
      const rows = await db.selectFrom('member_warnings').selectAll().where('member_id', '=', member.id).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(20).execute();
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind as MyNotice['kind'],
        rule: r.rule,
        reason: r.reason,
        until: r.until === null ? null : Number(r.until),
        createdAt: Number(r.created_at),
        seen: r.seen_at !== null,
      }));
    },

    async seen(member: AuthMember): Promise<void> {
      await db.updateTable('member_warnings').set({ seen_at: now() }).where('member_id', '=', member.id).where('seen_at', 'is', null).execute();
    },
  };
}
