import type { MemberData } from '../accounts/member-data.js';

/** A member's notifications; on deletion, the ones they caused no longer name them. */
export const notificationsMemberData: MemberData = {
  name: 'notifications',
  async export(db, memberId) {
    const rows = await db
      .selectFrom('notifications')
      .select([
        'kind',
        'post_id as postId',
        'reply_id as replyId',
        'reaction_kind as reaction',
        'meeting_id as meetingId',
        'local_date as meetingDate',
        'created_at as createdAt',
        'read_at as readAt',
      ])
      .where('member_id', '=', memberId)
      .orderBy('created_at')
      .execute();
    return rows;
  },
  async erase(trx, memberId) {
    await trx.deleteFrom('notification_actors').where('notification_id', 'in', (eb) => eb.selectFrom('notifications').select('id').where('member_id', '=', memberId)).execute();
    await trx.deleteFrom('notifications').where('member_id', '=', memberId).execute();
    await trx.deleteFrom('notification_actors').where('actor_id', '=', memberId).execute();
    await trx.updateTable('notifications').set({ actor_id: null, actor_anonymous: 1 }).where('actor_id', '=', memberId).execute();
  },
};
