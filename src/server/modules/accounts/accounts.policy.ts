import type { AuthMember } from '../../platform/http/auth.js';
import { hasRole } from '../../platform/http/auth.js';
import { forbidden } from '../../platform/http/errors.js';

/** Who may do what with accounts. */
export const accountsPolicy = {
  /** Listing members and changing roles is for admins. */
  assertCanManageMembers(actor: AuthMember): void {
    if (!hasRole(actor, 'admin')) throw forbidden();
  },
};
