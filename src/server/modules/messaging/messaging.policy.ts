import type { Role } from '../../../shared/rules.js';
import type { AuthMember } from '../../platform/http/auth.js';

/** Listeners, facilitators, moderators and admins look after every room. */
export const HOST_ROLES: Role[] = ['listener', 'facilitator', 'moderator', 'admin'];

export const messagingPolicy = {
  isHostByRole(member: AuthMember): boolean {
    return member.roles.some((r) => HOST_ROLES.includes(r));
  },
};
