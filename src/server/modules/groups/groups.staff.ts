import type { Kysely } from 'kysely';
import type { GroupRole, GroupStaffList } from '../../../shared/group-staff.js';
import type { DB } from '../../platform/db/schema.js';
import type { EventBus } from '../../platform/events/bus.js';
import type { AuthMember } from '../../platform/http/auth.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { recordAudit } from '../moderation/audit.js';
import { groupsPolicy } from './groups.policy.js';
import type { GroupsService } from './groups.service.js';
import * as store from './groups.store.js';

export type GroupStaffService = ReturnType<typeof createGroupStaffService>;

/**
 * Per-group hosts and moderators. Admins set a member's role in a group they have joined; the
 * role lives on the membership, so leaving the group ends it. Anyone who may read the group may
 * see who hosts it. What the roles allow is decided where it is used: the room (messaging's one
 * authorising query) and the review queue (moderation/review.scope.ts).
 */
export function createGroupStaffService({ db, groups, bus, now = Date.now }: { db: Kysely<DB>; groups: Pick<GroupsService, 'readable'>; bus?: EventBus; now?: () => number }) {
  return {
    async list(actor: AuthMember | null, slug: string): Promise<GroupStaffList> {
      const group = await groups.readable(actor, slug);
      return { items: await store.staff(db, group.id) };
    },

    /** Makes a member of the group its host or moderator, or (`member`) takes them off the staff. Audited. */
    async set(actor: AuthMember, slug: string, handle: string, role: GroupRole): Promise<GroupStaffList> {
      groupsPolicy.assertCanManage(actor);
      const group = await store.findGroupBySlug(db, slug);
      if (!group || !groupsPolicy.canSee(actor, group)) throw notFound('That group');
      const member = await db.selectFrom('members').select(['id', 'handle', 'deleted_at']).where('handle_key', '=', handle.trim().toLowerCase()).executeTakeFirst();
      if (!member || member.deleted_at !== null) throw notFound('That member');
      const t = now();
      const changed = await db.transaction().execute(async (trx) => {
        const before = await store.roleIn(trx, group.id, member.id);
        if (before === undefined) {
          throw new AppError('not_a_member', `${member.handle} has not joined this group. Hosts and moderators are chosen from its members.`, 409, { handle: 'This member has not joined the group.' });
        }
        if (before === role) return false;
        await store.setRole(trx, group.id, member.id, role);
        await recordAudit(trx, { actorId: actor.id, action: 'group.staff_changed', targetType: 'member', targetId: member.id, detail: { group: group.slug, before, after: role } }, t);
        return true;
      });
      // Live connections are checked afresh: a host's powers in the room come and go with the role.
      if (changed) await bus?.publish('member.access_changed', { memberId: member.id });
      return { items: await store.staff(db, group.id) };
    },

    /** The live groups a member moderates: their review queue, and what their session says. */
    moderatedGroups(memberId: string): Promise<{ id: string; slug: string }[]> {
      return store.moderatedGroups(db, memberId);
    },

    /** Whether `memberId` belongs to one of `groupIds`. */
    inAnyGroup(memberId: string, groupIds: readonly string[]): Promise<boolean> {
      return store.inAnyGroup(db, memberId, groupIds);
    },
  };
}
