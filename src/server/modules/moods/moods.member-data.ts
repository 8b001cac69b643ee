import type { MemberData } from '../accounts/member-data.js';

/** The member's mood check-ins (with their notes), and when a low stretch was last pointed out. */
export const moodsMemberData: MemberData = {
  name: 'moods',
  async export(db, memberId) {
    const rows = await db.selectFrom('mood_checkins').select(['mood', 'feelings', 'note', 'day', 'created_at']).where('member_id', '=', memberId).orderBy('day').orderBy('created_at').execute();
    const offer = await db.selectFrom('mood_low_offers').select(['offered_day', 'offered_at']).where('member_id', '=', memberId).executeTakeFirst();
    return {
      checkIns: rows.map((r) => ({ mood: r.mood, feelings: JSON.parse(r.feelings) as string[], note: r.note, day: r.day, createdAt: Number(r.created_at) })),
      lowStretchLastOffered: offer ? { day: offer.offered_day, at: Number(offer.offered_at) } : null,
    };
  },
  async erase(trx, memberId) {
    await trx.deleteFrom('mood_checkins').where('member_id', '=', memberId).execute();
    await trx.deleteFrom('mood_low_offers').where('member_id', '=', memberId).execute();
  },
};
