import type { Kysely } from 'kysely';
import type { ReviewItem } from '../../../shared/moderation.js';
import type { DB } from '../../platform/db/schema.js';
import { hasRole, type AuthMember } from '../../platform/http/auth.js';

/**
 * What a reviewer may see and act on. Site moderators and admins: everything. A group moderator
 * (an admin made them one, per group): the posts, replies and room messages of the groups they
 * moderate, and warnings for those groups' members. Items without a group — support chats,
 * reports about a member, the listener programme — and every other member action stay with the
 * site's moderators, as do the audit log and the operators' numbers.
 */
export type ReviewScope = { site: true } | { site: false; groups: readonly { id: string; slug: string }[] };

export const SITE_SCOPE: ReviewScope = { site: true };

export function isSiteModerator(member: AuthMember): boolean {
  return hasRole(member, 'moderator') || hasRole(member, 'admin');
}

const GROUP_CONTENT: readonly string[] = ['post', 'reply', 'message'];

/** Whether a review item, as the queue presents it, is within the reviewer's scope. */
export function covers(scope: ReviewScope, item: Pick<ReviewItem, 'target' | 'group'>): boolean {
  if (scope.site) return true;
  const slug = item.group?.slug;
  return GROUP_CONTENT.includes(item.target.type) && slug !== undefined && scope.groups.some((g) => g.slug === slug);
}

export function groupIdsOf(scope: ReviewScope): string[] {
  return scope.site ? [] : scope.groups.map((g) => g.id);
}

/** The group a post, reply or message belongs to (a room's group; none for a support chat). */
export async function groupOfContent(db: Kysely<DB>, target: { type: 'post' | 'reply' | 'message'; id: string }): Promise<string | null> {
  if (target.type === 'post') {
    return (await db.selectFrom('posts').select('group_id').where('id', '=', target.id).executeTakeFirst())?.group_id ?? null;
  }
  if (target.type === 'reply') {
    const row = await db.selectFrom('replies').innerJoin('posts', 'posts.id', 'replies.post_id').select('posts.group_id').where('replies.id', '=', target.id).executeTakeFirst();
    return row?.group_id ?? null;
  }
  const row = await db
    .selectFrom('messages')
    .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
    .select('conversations.group_id')
    .where('messages.id', '=', target.id)
    .where('conversations.kind', '=', 'room')
    .executeTakeFirst();
  return row?.group_id ?? null;
}
