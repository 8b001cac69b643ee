import { Type, type Static } from 'typebox';

/**
 * Per-group staff: admins make a member of a group its host or moderator. Hosts and moderators
 * host the group's room; moderators also review what is reported or held in the group.
 */
export const GROUP_ROLES = ['member', 'host', 'moderator'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];
export const GROUP_STAFF_ROLES = ['host', 'moderator'] as const;
export type GroupStaffRole = (typeof GROUP_STAFF_ROLES)[number];

export const GroupStaffMember = Type.Object({ handle: Type.String(), role: Type.Enum(GROUP_STAFF_ROLES) });
export type GroupStaffMember = Static<typeof GroupStaffMember>;
/** Moderators first, then hosts, each by handle. */
export const GroupStaffList = Type.Object({ items: Type.Array(GroupStaffMember) });
export type GroupStaffList = Static<typeof GroupStaffList>;

export const GroupStaffParams = Type.Object({
  slug: Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z0-9-]+$', errorMessage: 'That is not the address of a group.' }),
  handle: Type.String({ minLength: 1, maxLength: 100, errorMessage: 'Please enter a handle.' }),
});
/** `member` takes someone off the staff. */
export const SetGroupStaffBody = Type.Object({ role: Type.Enum(GROUP_ROLES, { errorMessage: 'Please choose host, moderator or member.' }) });
export type SetGroupStaffBody = Static<typeof SetGroupStaffBody>;
