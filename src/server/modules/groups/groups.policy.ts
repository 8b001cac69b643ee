import type { AuthMember } from '../../platform/http/auth.js';
import { hasRole } from '../../platform/http/auth.js';
import { forbidden } from '../../platform/http/errors.js';
import type { GroupRow } from '../../platform/db/schema.js';

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
};
