import type { AuthMember } from '../../platform/http/auth.js';
import { hasRole } from '../../platform/http/auth.js';
import { forbidden } from '../../platform/http/errors.js';
import type { GroupRow } from '../../platform/db/schema.js';
import type { Membership } from './groups.store.js';
import { parseRules } from './groups.presenter.js';

/** Who may see and change groups. */
export const groupsPolicy = {
  /** Archived groups are visible to admins only. */
  canSee(actor: AuthMember | null, group: GroupRow): boolean {
    return group.archived_at === null || hasRole(actor, 'admin');
  },
  canSeeArchived(actor: AuthMember | null): boolean {
    return hasRole(actor, 'admin');
  },
  assertCanManage(actor: AuthMember): void {
    if (!hasRole(actor, 'admin')) throw forbidden();
  },
  /**
   * A member's first post in a group waits until they have read its rules. Site moderators and
   * admins, and the group's own hosts and moderators (an admin chose them), are not asked.
   */
  mustReadRules(actor: AuthMember, group: Pick<GroupRow, 'rules'>, membership: Membership | undefined): boolean {
    if (!membership || membership.rulesSeenAt !== null || membership.role !== 'member') return false;
    if (hasRole(actor, 'moderator') || hasRole(actor, 'admin')) return false;
    return parseRules(group.rules).length > 0;
  },
};
