import type { AuthMember } from '../../platform/http/auth.js';
import { hasRole } from '../../platform/http/auth.js';
import type { MeetingRow } from '../../platform/db/schema.js';

/** Who may schedule and change meetings. Reading follows the group's own rule (groups.readable). */
export const meetingsPolicy = {
  /** Facilitators schedule, in a group they have joined (checked by the service). */
  canSchedule(actor: AuthMember): boolean {
    return hasRole(actor, 'facilitator');
  },
  /** The series' facilitator or co-facilitator, or an admin. */
  canManage(actor: AuthMember | null, meeting: Pick<MeetingRow, 'facilitator_id' | 'co_facilitator_id'>): boolean {
    if (!actor) return false;
    return meeting.facilitator_id === actor.id || meeting.co_facilitator_id === actor.id || hasRole(actor, 'admin');
  },
};
