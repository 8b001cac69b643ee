import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import { hasRole, type AuthMember } from '../../platform/http/auth.js';

/**
 * Who is reading, as the block checks need it. `seesBlockers`: a block placed on this reader
 * does not hide the blocker's words from them — site moderators (and, in a conversation, its
 * hosts), so that blocking them can never hide anything from review. Their own blocks still apply.
 */
export interface BlockViewer {
  id: string;
  seesBlockers: boolean;
}

/** The reader of a list or a page: site moderators and admins still see members who blocked them. */
export function blockViewer(member: AuthMember): BlockViewer;
export function blockViewer(member: AuthMember | null | undefined): BlockViewer | null;
export function blockViewer(member: AuthMember | null | undefined): BlockViewer | null {
  return member ? { id: member.id, seesBlockers: hasRole(member, 'moderator') || hasRole(member, 'admin') } : null;
}

/**
 * The one query fragment other modules' lists use to leave out what a block keeps apart, both
 * ways: authors the viewer blocked, and authors who blocked the viewer, who are left out exactly
 * like anything else the viewer may not read, so nothing tells them. Two `not exists` on
 * member_blocks, each an equality on both columns of its primary key (blocker_id, blocked_id).
 * Anonymous posts and replies are covered too: the column is the real author, which is never
 * shown. Without a viewer nothing is left out.
 */
export function withoutBlockedAuthors<QB extends SelectQueryBuilder<any, any, any>>(q: QB, viewer: BlockViewer | null, authorColumn: string): QB {
  if (!viewer) return q;
  const blocked = (blocker: 'viewer' | 'author') => (eb: ExpressionBuilder<any, any>) =>
    eb.not(
      eb.exists(
        blocker === 'viewer'
          ? eb.selectFrom('member_blocks').select('member_blocks.blocker_id').where('member_blocks.blocker_id', '=', viewer.id).whereRef('member_blocks.blocked_id', '=', authorColumn)
          : eb.selectFrom('member_blocks').select('member_blocks.blocker_id').whereRef('member_blocks.blocker_id', '=', authorColumn).where('member_blocks.blocked_id', '=', viewer.id),
      ),
    );
  const mine = q.where(blocked('viewer')) as QB;
  return viewer.seesBlockers ? mine : (mine.where(blocked('author')) as QB);
}
