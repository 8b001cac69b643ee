import type { MemberData } from '../accounts/member-data.js';

/**
 * An admin's share of the resource library: which articles they wrote. The articles belong to
 * the library and stay; erasing only takes the admin's name off them.
 */
export const resourcesMemberData: MemberData = {
  name: 'resources',
  async export(db, memberId) {
    const written = await db.selectFrom('resources').select(['slug', 'title', 'created_at']).where('created_by', '=', memberId).orderBy('created_at').execute();
    return { articlesWritten: written.map((r) => ({ slug: r.slug, title: r.title, createdAt: Number(r.created_at) })) };
  },
  async erase(trx, memberId) {
    await trx.updateTable('resources').set({ created_by: null }).where('created_by', '=', memberId).execute();
    await trx.updateTable('resources').set({ updated_by: null }).where('updated_by', '=', memberId).execute();
  },
};
