import { sql, type Kysely, type Selectable } from 'kysely';
import type { ConversationParticipantsTable, DB, MessagesTable } from '../../platform/db/schema.js';
import { withoutBlockedAuthors, type BlockViewer } from '../blocks/blocks.query.js';
import { HOST_ROLES } from './messaging.policy.js';

/** The messaging core's queries: conversations, participants and messages of every kind. */

export type ConversationRow = Awaited<ReturnType<typeof findConversation>> & object;
export type ParticipantRow = Selectable<ConversationParticipantsTable>;
export type MessageRow = Selectable<MessagesTable> & { author_handle: string; author_deleted_at: number | null; author_is_host: boolean };

export function findConversation(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('conversations')
    .leftJoin('groups', 'groups.id', 'conversations.group_id')
    .selectAll('conversations')
    .select(['groups.slug as group_slug', 'groups.name as group_name', 'groups.archived_at as group_archived_at'])
    .where('conversations.id', '=', id)
    .executeTakeFirst();
}

/**
 * Everything deciding whether `memberId` may take part, in one round trip (it runs before
 * every send): the conversation, its group, the member's participant row if any, and whether
 * they belong to the group. Group membership is read here rather than through the groups
 * service so that a send costs one query, not three.
 */
export async function accessRow(db: Kysely<DB>, conversationId: string, memberId: string, sessionId: string | null, t: number, clientId: string | null = null) {
  const row = await db
    .selectFrom('conversations')
    .leftJoin('groups', 'groups.id', 'conversations.group_id')
    .leftJoin('conversation_participants as p', (join) => join.onRef('p.conversation_id', '=', 'conversations.id').on('p.member_id', '=', memberId))
    .selectAll('conversations')
    .select((eb) => [
      'groups.slug as group_slug',
      'groups.name as group_name',
      'groups.archived_at as group_archived_at',
      'p.member_id as p_member_id',
      'p.role as p_role',
      'p.last_read_seq as p_last_read_seq',
      'p.guidelines_seen_at as p_guidelines_seen_at',
      'p.muted_until as p_muted_until',
      'p.last_sent_at as p_last_sent_at',
      'p.joined_at as p_joined_at',
      // Their membership of the group (null when not joined): member, or the group's host or moderator.
      eb.selectFrom('group_members').select('group_members.role').whereRef('group_members.group_id', '=', 'conversations.group_id').where('group_members.member_id', '=', memberId).as('group_role'),
      // A listener asked for a moderator in this (support) conversation, and no moderator has seen to it yet.
      eb
        .exists(
          eb
            .selectFrom('content_flags')
            .select('content_flags.id')
            .where('content_flags.content_type', '=', 'conversation')
            .whereRef('content_flags.content_id', '=', 'conversations.id')
            // A listener's call for a moderator, or a report from inside the chat: moderators may then read it.
            .where('content_flags.reason', 'in', ['moderator_requested', 'chat_reported'])
            .where('content_flags.status', '=', 'open'),
        )
        .as('moderator_asked'),
      // A send's client id already stored: the send is a retry.
      clientId === null
        ? eb.val(0).as('already_sent')
        : eb
            .exists(
              eb
                .selectFrom('messages')
                .select('messages.id')
                .whereRef('messages.conversation_id', '=', 'conversations.id')
                .where('messages.author_id', '=', memberId)
                .where('messages.client_id', '=', clientId),
            )
            .as('already_sent'),
      // Read afresh on every join and send: a socket lives long, and roles, suspensions and sessions change.
      eb.exists(eb.selectFrom('member_roles').select('member_roles.member_id').where('member_roles.member_id', '=', memberId).where('member_roles.role', 'in', HOST_ROLES)).as('host_by_role'),
      eb.selectFrom('members').select('members.suspended_until').where('members.id', '=', memberId).as('suspended_until'),
      eb.selectFrom('members').select('members.muted_until').where('members.id', '=', memberId).as('site_muted_until'),
      // The trust level sets the member's message limit and whether their links wait for a moderator.
      eb.selectFrom('members').select('members.trust_level').where('members.id', '=', memberId).as('trust_level'),
      sessionId === null
        ? eb.val(1).as('session_live')
        : eb
            .exists(
              eb
                .selectFrom('sessions')
                .innerJoin('members as sm', 'sm.id', 'sessions.member_id')
                .select('sessions.id')
                .where('sessions.id', '=', sessionId)
                .where('sessions.member_id', '=', memberId)
                .where('sessions.expires_at', '>', t)
                .where('sm.deleted_at', 'is', null)
                .whereRef('sessions.created_at', '>=', 'sm.sessions_valid_after'),
            )
            .as('session_live'),
    ])
    .where('conversations.id', '=', conversationId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { p_member_id, p_role, p_last_read_seq, p_guidelines_seen_at, p_muted_until, p_last_sent_at, p_joined_at, group_role, host_by_role, suspended_until, site_muted_until, trust_level, session_live, already_sent, moderator_asked, ...room } = row;
  const participant: ParticipantRow | undefined =
    p_member_id !== null && p_role !== null && p_joined_at !== null
      ? {
          conversation_id: conversationId,
          member_id: p_member_id,
          role: p_role,
          last_read_seq: Number(p_last_read_seq ?? 0),
          guidelines_seen_at: p_guidelines_seen_at,
          muted_until: p_muted_until,
          last_sent_at: p_last_sent_at,
          joined_at: p_joined_at,
        }
      : undefined;
  const yes = (v: unknown) => v === true || Number(v) === 1;
  return {
    room,
    participant,
    inGroup: group_role !== null && group_role !== undefined,
    hostByRole: yes(host_by_role),
    /** The group's own host or moderator: a host of its room (only a room: other kinds are not the group's). */
    hostByGroup: room.kind === 'room' && (group_role === 'host' || group_role === 'moderator'),
    suspendedUntil: suspended_until === null || suspended_until === undefined ? null : Number(suspended_until),
    /** A moderator's mute, everywhere on Kindred (a host's mute is the participant's own). */
    siteMutedUntil: site_muted_until === null || site_muted_until === undefined ? null : Number(site_muted_until),
    trustLevel: Number(trust_level ?? 0),
    sessionLive: yes(session_live),
    alreadySent: yes(already_sent),
    moderatorAsked: yes(moderator_asked),
  };
}

export async function roomIdOfGroup(db: Kysely<DB>, groupId: string): Promise<string | undefined> {
  const row = await db.selectFrom('conversations').select('id').where('room_of_group', '=', groupId).executeTakeFirst();
  return row?.id;
}

/** Creates the group's room unless another request just did: the unique room_of_group decides. */
export async function insertRoom(db: Kysely<DB>, room: { id: string; groupId: string; guidelines: string; now: number }): Promise<void> {
  await db
    .insertInto('conversations')
    .values({ id: room.id, kind: 'room', group_id: room.groupId, room_of_group: room.groupId, guidelines: room.guidelines, guidelines_updated_at: room.now, created_at: room.now, closed_at: null })
    .onConflict((oc) => oc.column('room_of_group').doNothing())
    .execute();
}

/** A private conversation (a support chat, later a meeting room) and its people, in one go. */
export async function insertPrivate(db: Kysely<DB>, c: { id: string; kind: string; guidelines: string; people: { memberId: string; role: 'participant' | 'host' }[]; now: number }): Promise<void> {
  await db.insertInto('conversations').values({ id: c.id, kind: c.kind, group_id: null, room_of_group: null, guidelines: c.guidelines, guidelines_updated_at: c.now, created_at: c.now, closed_at: null }).execute();
  if (c.people.length === 0) return;
  await db
    .insertInto('conversation_participants')
    .values(c.people.map((p) => ({ conversation_id: c.id, member_id: p.memberId, role: p.role, joined_at: c.now, guidelines_seen_at: c.now, muted_until: null, last_sent_at: null })))
    .execute();
}

/** Adds a participant, or gives an existing one `role` (a moderator handed into a meeting becomes its host). */
export async function admitParticipant(db: Kysely<DB>, conversationId: string, memberId: string, role: 'participant' | 'host', guidelinesSeenAt: number | null, t: number): Promise<void> {
  await db
    .insertInto('conversation_participants')
    .values({ conversation_id: conversationId, member_id: memberId, role, joined_at: t, guidelines_seen_at: guidelinesSeenAt, muted_until: null, last_sent_at: null })
    .onConflict((oc) => oc.columns(['conversation_id', 'member_id']).doUpdateSet({ role }))
    .execute();
}

export async function debriefRoomId(db: Kysely<DB>): Promise<string | undefined> {
  const row = await db.selectFrom('conversations').select('id').where('kind', '=', 'debrief').orderBy('id').limit(1).executeTakeFirst();
  return row?.id;
}

export async function closeConversation(db: Kysely<DB>, id: string, t: number): Promise<void> {
  await db.updateTable('conversations').set({ closed_at: t }).where('id', '=', id).where('closed_at', 'is', null).execute();
}

export function findParticipant(db: Kysely<DB>, conversationId: string, memberId: string): Promise<ParticipantRow | undefined> {
  return db.selectFrom('conversation_participants').selectAll().where('conversation_id', '=', conversationId).where('member_id', '=', memberId).executeTakeFirst();
}

export async function ensureParticipant(db: Kysely<DB>, conversationId: string, memberId: string, role: 'participant' | 'host', t: number): Promise<ParticipantRow> {
  await db
    .insertInto('conversation_participants')
    .values({ conversation_id: conversationId, member_id: memberId, role, joined_at: t, guidelines_seen_at: null, muted_until: null, last_sent_at: null })
    .onConflict((oc) => oc.columns(['conversation_id', 'member_id']).doNothing())
    .execute();
  return (await findParticipant(db, conversationId, memberId))!;
}

export async function updateParticipant(
  db: Kysely<DB>,
  conversationId: string,
  memberId: string,
  patch: Partial<Pick<ParticipantRow, 'guidelines_seen_at' | 'muted_until' | 'last_sent_at'>>,
): Promise<void> {
  await db.updateTable('conversation_participants').set(patch).where('conversation_id', '=', conversationId).where('member_id', '=', memberId).execute();
}

/** Moves the read marker forward only: a stale tab cannot move it back. */
export async function markRead(db: Kysely<DB>, conversationId: string, memberId: string, seq: number): Promise<void> {
  await db
    .updateTable('conversation_participants')
    .set({ last_read_seq: seq })
    .where('conversation_id', '=', conversationId)
    .where('member_id', '=', memberId)
    .where('last_read_seq', '<', seq)
    .execute();
}

/**
 * Slow mode, decided in the sending transaction: stamps the send only when the last one is
 * at least `seconds` old, so two tabs sending at once cannot both slip through.
 */
export async function claimSendSlot(trx: Kysely<DB>, conversationId: string, memberId: string, t: number, seconds: number): Promise<boolean> {
  let q = trx.updateTable('conversation_participants').set({ last_sent_at: t }).where('conversation_id', '=', conversationId).where('member_id', '=', memberId);
  if (seconds > 0) q = q.where((eb) => eb.or([eb('last_sent_at', 'is', null), eb('last_sent_at', '<=', t - seconds * 1000)]));
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

function messagesWithAuthor(db: Kysely<DB>) {
  return db
    .selectFrom('messages')
    .innerJoin('members', 'members.id', 'messages.author_id')
    .selectAll('messages')
    .select((eb) => [
      'members.handle as author_handle',
      'members.deleted_at as author_deleted_at',
      eb
        .or([
          eb.exists(eb.selectFrom('member_roles').select('member_roles.member_id').whereRef('member_roles.member_id', '=', 'messages.author_id').where('member_roles.role', 'in', HOST_ROLES)),
          eb.exists(
            eb
              .selectFrom('conversation_participants as host')
              .select('host.member_id')
              .whereRef('host.conversation_id', '=', 'messages.conversation_id')
              .whereRef('host.member_id', '=', 'messages.author_id')
              .where('host.role', '=', 'host'),
          ),
          // The group's own hosts and moderators, in its room: two primary-key lookups per message.
          eb.exists(
            eb
              .selectFrom('conversations as hc')
              .innerJoin('group_members as staff', 'staff.group_id', 'hc.group_id')
              .select('staff.member_id')
              .whereRef('hc.id', '=', 'messages.conversation_id')
              .where('hc.kind', '=', 'room')
              .whereRef('staff.member_id', '=', 'messages.author_id')
              .where('staff.role', 'in', ['host', 'moderator']),
          ),
        ])
        .as('author_is_host'),
    ]);
}

const normalise = (rows: (Omit<MessageRow, 'author_is_host'> & { author_is_host: unknown })[]): MessageRow[] =>
  rows.map((r) => ({ ...r, seq: Number(r.seq), author_is_host: r.author_is_host === true || Number(r.author_is_host) === 1 }));

export async function findMessage(db: Kysely<DB>, id: string): Promise<MessageRow | undefined> {
  return normalise(await messagesWithAuthor(db).where('messages.id', '=', id).execute())[0];
}

export async function findByClientId(db: Kysely<DB>, conversationId: string, authorId: string, clientId: string): Promise<MessageRow | undefined> {
  const rows = await messagesWithAuthor(db)
    .where('messages.conversation_id', '=', conversationId)
    .where('messages.author_id', '=', authorId)
    .where('messages.client_id', '=', clientId)
    .execute();
  return normalise(rows)[0];
}

/**
 * Who reads a conversation: `seesHeld`, held messages (a room's hosts; moderators in a private
 * chat); `seesBlockers`, the words of members who blocked them (whoever hosts the conversation,
 * the same sockets the live pushes treat so).
 */
export interface ConversationReader extends BlockViewer {
  seesHeld: boolean;
}

/** What `viewer` may see: held messages only their own (or every one, for a host); never an author a block keeps apart from them. */
function visibleTo(db: Kysely<DB>, conversationId: string, viewer: ConversationReader) {
  let q = messagesWithAuthor(db).where('messages.conversation_id', '=', conversationId);
  // A held message, and one removed while held, is for its author and the hosts only.
  if (!viewer.seesHeld) {
    q = q.where((eb) =>
      eb.or([eb.and([eb('messages.status', '!=', 'held'), eb.or([eb('messages.status', '!=', 'removed'), eb('messages.held_reason', 'is', null)])]), eb('messages.author_id', '=', viewer.id)]),
    );
  }
  return withoutBlockedAuthors(q, viewer, 'messages.author_id');
}

/** Everything after `afterSeq`, oldest first: the catch-up a reconnecting client asks for. */
export async function messagesAfter(db: Kysely<DB>, conversationId: string, viewer: ConversationReader, afterSeq: number, limit: number): Promise<MessageRow[]> {
  return normalise(await visibleTo(db, conversationId, viewer).where('messages.seq', '>', afterSeq).orderBy('messages.seq', 'asc').limit(limit).execute());
}

/** A page of history before `beforeSeq` (or the newest), newest first. */
export async function messagesBefore(db: Kysely<DB>, conversationId: string, viewer: ConversationReader, beforeSeq: number | null, limit: number): Promise<MessageRow[]> {
  let q = visibleTo(db, conversationId, viewer);
  if (beforeSeq !== null) q = q.where('messages.seq', '<', beforeSeq);
  return normalise(await q.orderBy('messages.seq', 'desc').limit(limit).execute());
}

export async function removeMessage(trx: Kysely<DB>, id: string, by: string, reason: string, t: number): Promise<boolean> {
  const result = await trx
    .updateTable('messages')
    .set({ status: 'removed', removed_reason: reason, removed_by: by, removed_at: t })
    .where('id', '=', id)
    .where('status', '!=', 'removed')
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function updateSettings(trx: Kysely<DB>, id: string, patch: { guidelines?: string; guidelines_updated_at?: number; slow_mode_seconds?: number }): Promise<void> {
  await trx.updateTable('conversations').set(patch).where('id', '=', id).execute();
}

export async function insertFlag(trx: Kysely<DB>, flag: { id: string; contentType: string; contentId: string; conversationId: string | null; authorId: string; reason: string; t: number }): Promise<void> {
  await trx
    .insertInto('content_flags')
    .values({
      id: flag.id,
      content_type: flag.contentType,
      content_id: flag.contentId,
      conversation_id: flag.conversationId,
      author_id: flag.authorId,
      reason: flag.reason,
      note: null,
      status: 'open',
      created_at: flag.t,
      resolved_at: null,
      resolved_by: null,
    })
    .execute();
}

/** Used by tests and the bench: a quick count without loading rows. */
export async function countMessages(db: Kysely<DB>, conversationId: string): Promise<number> {
  const row = await db.selectFrom('messages').select(sql<number>`count(*)`.as('n')).where('conversation_id', '=', conversationId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A host by role, or (given the room's group) one of that group's hosts and moderators. */
export async function hasHostRole(db: Kysely<DB>, memberId: string, roomGroupId: string | null = null): Promise<boolean> {
  const row = await db.selectFrom('member_roles').select('member_id').where('member_id', '=', memberId).where('role', 'in', HOST_ROLES).executeTakeFirst();
  if (row !== undefined || roomGroupId === null) return row !== undefined;
  const staff = await db.selectFrom('group_members').select('member_id').where('group_id', '=', roomGroupId).where('member_id', '=', memberId).where('role', 'in', ['host', 'moderator']).executeTakeFirst();
  return staff !== undefined;
}
