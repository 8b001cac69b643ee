import type { MemberData } from '../accounts/member-data.js';

/** A member's chat messages: exported with their room; erased (words and all) with the account. */
export const messagingMemberData: MemberData = {
  name: 'messages',
  async export(db, memberId) {
    return db
      .selectFrom('messages')
      .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
      .leftJoin('groups', 'groups.id', 'conversations.group_id')
      .select(['messages.id', 'conversations.kind', 'groups.slug as group', 'messages.body', 'messages.status', 'messages.removed_reason as removedReason', 'messages.created_at as createdAt'])
      .where('messages.author_id', '=', memberId)
      .where('messages.deleted_at', 'is', null)
      .orderBy('messages.created_at')
      .execute();
  },
  async erase(trx, memberId, now) {
    // The message keeps its place (seq) so catch-up stays gapless; its words go.
    await trx.updateTable('messages').set({ body: '', content_warning: null, removed_reason: null, deleted_at: now }).where('author_id', '=', memberId).where('deleted_at', 'is', null).execute();
    await trx.deleteFrom('conversation_participants').where('member_id', '=', memberId).execute();
  },
};
