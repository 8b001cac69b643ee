import type { Group } from '../../../shared/api.js';
import type { GroupRow } from '../../platform/db/schema.js';

/** The only shape in which a group leaves the server. */
export function presentGroup(row: GroupRow, membership: { joined: boolean; showOnProfile: boolean; mustReadRules: boolean }): Group {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    rules: parseRules(row.rules),
    memberCount: Number(row.member_count),
    joined: membership.joined,
    showOnProfile: membership.joined && membership.showOnProfile,
    archived: row.archived_at !== null,
    visitorsCanRead: Number(row.visitors_can_read) === 1,
    createdAt: row.created_at,
    mustReadRules: membership.mustReadRules,
  };
}

export function parseRules(stored: string): string[] {
  try {
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed) ? parsed.filter((r): r is string => typeof r === 'string') : [];
  } catch {
    return [];
  }
}
