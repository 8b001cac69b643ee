import type { MemberData } from '../accounts/member-data.js';

/** The members someone blocked. Blocks others placed on them are those others' data, and go with the account. */
export const blocksMemberData: MemberData = {
  name: 'blocks',
  async export(db, memberId) {
    const rows = await db
      .selectFrom('member_blocks')
      .innerJoin('members', 'members.id', 'member_blocks.blocked_id')
      .select(['members.handle', 'member_blocks.created_at as blockedAt'])
      .where('member_blocks.blocker_id', '=', memberId)
      .where('members.deleted_at', 'is', null)
      .orderBy('member_blocks.created_at')
      .execute();
    return rows.map((r) => ({ handle: r.handle, blockedAt: Number(r.blockedAt) }));
  },
  async erase(trx, memberId) {
    await trx.deleteFrom('member_blocks').where((eb) => eb.or([eb('blocker_id', '=', memberId), eb('blocked_id', '=', memberId)])).execute();
  },
};
