import type { MemberData } from '../accounts/member-data.js';
import * as store from './groups.store.js';

/** The groups a member joined. */
export const groupsMemberData: MemberData = {
  name: 'groups',
  async export(db, memberId) {
    return db
      .selectFrom('group_members')
      .innerJoin('groups', 'groups.id', 'group_members.group_id')
      .select(['groups.slug', 'groups.name', 'group_members.joined_at as joinedAt', 'group_members.show_on_profile as showOnProfile'])
      .where('group_members.member_id', '=', memberId)
      .orderBy('group_members.joined_at')
      .execute()
      .then((rows) => rows.map((r) => ({ ...r, showOnProfile: Boolean(r.showOnProfile) })));
  },
  async erase(trx, memberId) {
    const rows = await trx.selectFrom('group_members').select('group_id').where('member_id', '=', memberId).execute();
    // One by one, so each group's member count drops with it.
    for (const r of rows) await store.removeMembership(trx, r.group_id, memberId);
  },
};
