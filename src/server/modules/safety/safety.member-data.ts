import type { MemberData } from '../accounts/member-data.js';

/** A member's safety plan, and what the risk engine found in what they wrote (levels and rule ids, never text). */
export const safetyMemberData: MemberData = {
  name: 'safety',
  async export(db, memberId) {
    const plan = await db.selectFrom('safety_plans').select(['plan', 'updated_at']).where('member_id', '=', memberId).executeTakeFirst();
    const assessments = await db
      .selectFrom('assessments')
      .select(['content_type as contentType', 'content_id as contentId', 'level', 'categories', 'created_at as createdAt'])
      .where('author_id', '=', memberId)
      .orderBy('created_at')
      .execute();
    return {
      safetyPlan: plan ? { ...(JSON.parse(plan.plan) as object), updatedAt: plan.updated_at } : null,
      assessments: assessments.map((a) => ({ ...a, categories: JSON.parse(a.categories) as string[] })),
    };
  },
  async erase(trx, memberId) {
    await trx.deleteFrom('safety_plans').where('member_id', '=', memberId).execute();
    await trx.deleteFrom('assessments').where('author_id', '=', memberId).execute();
    // Moderators keep the record of what they did; it no longer points at the person.
    await trx.updateTable('risk_alerts').set({ author_id: null }).where('author_id', '=', memberId).execute();
  },
};
