import type { MemberData } from '../accounts/member-data.js';

/** The member's facilitator training: which modules they passed, and when. */
export const facilitatorsMemberData: MemberData = {
  name: 'facilitator',
  async export(db, memberId) {
    const training = await db.selectFrom('facilitator_training').select(['module', 'passed_at']).where('member_id', '=', memberId).orderBy('passed_at').execute();
    return { training: training.map((r) => ({ module: r.module, passedAt: Number(r.passed_at) })) };
  },
  async erase(trx, memberId) {
    await trx.deleteFrom('facilitator_training').where('member_id', '=', memberId).execute();
  },
};
