import type { MemberData } from '../accounts/member-data.js';

/** The self-check results the member chose to keep. */
export const selfCheckMemberData: MemberData = {
  name: 'selfChecks',
  async export(db, memberId) {
    const rows = await db.selectFrom('self_check_results').select(['kind', 'answers', 'difficulty', 'total', 'band', 'created_at']).where('member_id', '=', memberId).orderBy('created_at').execute();
    return rows.map((r) => ({ kind: r.kind, answers: JSON.parse(r.answers) as number[], difficulty: r.difficulty, total: r.total, band: r.band, createdAt: Number(r.created_at) }));
  },
  async erase(trx, memberId) {
    await trx.deleteFrom('self_check_results').where('member_id', '=', memberId).execute();
  },
};
