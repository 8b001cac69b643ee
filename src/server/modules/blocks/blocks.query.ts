import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';

/**
 * The one query fragment other modules' lists use to leave out what a viewer blocked:
 * `not exists (select from member_blocks where blocker_id = :viewer and blocked_id = <author>)`,
 * answered from member_blocks' primary key. Anonymous posts and replies are covered too: the
 * column is the real author, which is never shown. Without a viewer nothing is left out.
 */
export function withoutBlockedAuthors<QB extends SelectQueryBuilder<any, any, any>>(q: QB, viewerId: string | null | undefined, authorColumn: string): QB {
  if (!viewerId) return q;
  return q.where((eb: ExpressionBuilder<any, any>) =>
    eb.not(
      eb.exists(
        eb
          .selectFrom('member_blocks')
          .select('member_blocks.blocker_id')
          .where('member_blocks.blocker_id', '=', viewerId)
          .whereRef('member_blocks.blocked_id', '=', authorColumn),
      ),
    ),
  ) as QB;
}
