import { hasRole, type AuthMember } from '../../platform/http/auth.js';
import { AppError, forbidden } from '../../platform/http/errors.js';

/** Who may do what in the listener programme. */
export const listenersPolicy = {
  /** Moderators and admins review applications. */
  requireReviewer(member: AuthMember): void {
    if (!hasRole(member, 'moderator') && !hasRole(member, 'admin')) throw forbidden();
  },
  /** Only listeners have a profile and go on duty. */
  requireListener(member: AuthMember): void {
    if (!hasRole(member, 'listener')) {
      throw new AppError('not_listener', 'This is for Kindred listeners. If you would like to become one, the training on the Listeners page is the first step.', 403);
    }
  },
};
