import type { MemberData } from '../accounts/member-data.js';

/**
 * A member's part in meeting rooms: their answers to "Did this meeting help?" (exported, then
 * erased); a raised hand, a removal and their place as speaker or leader go with the account.
 */
export const meetingRoomMemberData: MemberData = {
  name: 'meetingRooms',
  async export(db, memberId) {
    const answers = await db
      .selectFrom('meeting_feedback')
      .innerJoin('meeting_sessions', 'meeting_sessions.id', 'meeting_feedback.session_id')
      .innerJoin('meetings', 'meetings.id', 'meeting_sessions.meeting_id')
      .select(['meetings.title', 'meeting_sessions.local_date', 'meeting_feedback.answer', 'meeting_feedback.created_at'])
      .where('meeting_feedback.member_id', '=', memberId)
      .orderBy('meeting_feedback.created_at')
      .execute();
    const removals = await db.selectFrom('meeting_removals').select(['removed_at']).where('member_id', '=', memberId).execute();
    return {
      feedback: answers.map((a) => ({ meeting: a.title, date: a.local_date, answer: a.answer, at: Number(a.created_at) })),
      removedFromMeetings: removals.map((r) => ({ at: Number(r.removed_at) })),
    };
  },
  async erase(trx, memberId) {
    await trx.deleteFrom('meeting_feedback').where('member_id', '=', memberId).execute();
    await trx.deleteFrom('meeting_hands').where('member_id', '=', memberId).execute();
    await trx.deleteFrom('meeting_removals').where('member_id', '=', memberId).execute();
    await trx.updateTable('meeting_sessions').set({ speaker_id: null, speaker_since: null, share_seconds: null }).where('speaker_id', '=', memberId).execute();
    await trx.updateTable('meeting_sessions').set({ leader_id: null }).where('leader_id', '=', memberId).execute();
  },
};
