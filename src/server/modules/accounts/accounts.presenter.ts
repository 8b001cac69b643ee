import type { AdminMember, MemberSelf } from '../../../shared/api.js';
import type { Role } from '../../../shared/rules.js';
import type { MemberRow } from '../../platform/db/schema.js';

/** The only shapes in which a member leaves the server. */

export function presentSelf(row: Pick<MemberRow, 'id' | 'handle' | 'country' | 'language' | 'created_at' | 'trust_level'>, roles: Role[], moderatesGroups: string[] = []): MemberSelf {
  return {
    id: row.id,
    handle: row.handle,
    country: row.country,
    language: row.language,
    roles: withMember(roles),
    createdAt: row.created_at,
    trustLevel: Number(row.trust_level),
    moderatesGroups,
  };
}

export function presentAdminMember(row: Pick<MemberRow, 'id' | 'handle' | 'created_at' | 'trust_level'>, roles: Role[], facilitatorTrained?: boolean): AdminMember {
  return { id: row.id, handle: row.handle, roles: withMember(roles), createdAt: row.created_at, trustLevel: Number(row.trust_level), ...(facilitatorTrained === undefined ? {} : { facilitatorTrained }) };
}

/** Everyone is a member; granted roles follow in a stable order. */
function withMember(roles: Role[]): Role[] {
  const order: Role[] = ['member', 'listener', 'facilitator', 'moderator', 'admin'];
  const set = new Set<Role>(['member', ...roles]);
  return order.filter((r) => set.has(r));
}
