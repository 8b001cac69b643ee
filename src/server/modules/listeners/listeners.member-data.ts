import type { MemberData } from '../accounts/member-data.js';
import { presentApplication } from './listeners.presenter.js';

/** The member's listener training, applications (with the moderators' notes), profile and time on duty. */
export const listenersMemberData: MemberData = {
  name: 'listener',
  async export(db, memberId) {
    const training = await db.selectFrom('listener_training').select(['module', 'passed_at']).where('member_id', '=', memberId).orderBy('passed_at').execute();
    const applications = await db.selectFrom('listener_applications').selectAll().where('member_id', '=', memberId).orderBy('created_at').execute();
    const profile = await db.selectFrom('listener_profiles').selectAll().where('member_id', '=', memberId).executeTakeFirst();
    const duty = await db.selectFrom('listener_duty').select(['started_at', 'ended_at']).where('member_id', '=', memberId).orderBy('started_at').execute();
    return {
      training: training.map((r) => ({ module: r.module, passedAt: Number(r.passed_at) })),
      applications: applications.map(presentApplication),
      profile: profile
        ? { languages: JSON.parse(profile.languages) as unknown, topics: JSON.parse(profile.topics) as unknown, capacity: Number(profile.capacity), status: profile.status, updatedAt: Number(profile.updated_at) }
        : null,
      timeOnDuty: duty.map((r) => ({ startedAt: Number(r.started_at), endedAt: r.ended_at === null ? null : Number(r.ended_at) })),
    };
  },
  async erase(trx, memberId) {
    await trx.deleteFrom('listener_duty').where('member_id', '=', memberId).execute();
    await trx.deleteFrom('listener_profiles').where('member_id', '=', memberId).execute();
    await trx.deleteFrom('listener_training').where('member_id', '=', memberId).execute();
    await trx.deleteFrom('listener_applications').where('member_id', '=', memberId).execute();
    // The account row stays as "[deleted]", so the foreign key's "set null" does not fire on its own.
    await trx.updateTable('listener_applications').set({ reviewed_by: null }).where('reviewed_by', '=', memberId).execute();
  },
};
