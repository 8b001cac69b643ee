import type { Kysely } from 'kysely';
import {
  CATCH_UP_MAX,
  HISTORY_PAGE,
  type ChatMessage,
  type JoinResult,
  type MessagePage,
  type ParticipantState,
  type RoomInfo,
  type RoomSettingsBody,
  type RoomView,
  type SendMessageBody,
  type SentMessage,
} from '../../../shared/messaging.js';
import type { DB, GroupRow } from '../../platform/db/schema.js';
import { isUniqueViolation, type DialectName } from '../../platform/db/dialect/index.js';
import { insertWithNextSeq } from '../../platform/db/dialect/sequence.js';
import { lockNamed } from '../../platform/db/meta.js';
import type { EventBus } from '../../platform/events/bus.js';
import { hasRole, type AuthMember } from '../../platform/http/auth.js';
import { AppError, forbidden, notFound, unauthenticated } from '../../platform/http/errors.js';
import { ulid } from '../../platform/ids.js';
import type { Presence } from '../../platform/realtime/presence.js';
import type { GroupsService } from '../groups/groups.service.js';
import { recordAudit } from '../moderation/audit.js';
import { trustHold, trustedByRole } from '../moderation/trust.js';
import type { TrustService } from '../moderation/trust.service.js';
import { invitesOffPlatformContact } from '../safety/contact.js';
import { atLeast } from '../safety/assess.js';
import type { SafetyService } from '../safety/safety.service.js';
import * as store from './messaging.store.js';
import { messagingPolicy } from './messaging.policy.js';
import { presentMessage, presentParticipant, presentRoom } from './messaging.presenter.js';

export interface MessagingDeps {
  db: Kysely<DB>;
  dialect: DialectName;
  groups: GroupsService;
  safety: SafetyService;
  bus: EventBus;
  presence: Presence;
  /** Messages per member per minute by trust level (shared across nodes when Redis is configured), and holds for new members' links and repeated words. */
  trust: Pick<TrustService, 'admit'>;
  now?: () => number;
}

export type MessagingService = ReturnType<typeof createMessagingService>;

/**
 * What a kind of conversation adds to the core's rules, registered by the module that owns that
 * kind (meeting rooms: the floor, mute-all, the lobby, a pause).
 */
export interface ConversationRules {
  /** Runs before a message is stored, after the core's own checks: throws a kind AppError when the member may not speak now. */
  beforeSend(member: AuthMember, conversationId: string, isHost: boolean, t: number): Promise<void>;
}

interface Access {
  room: store.ConversationRow;
  participant: store.ParticipantRow;
  isHost: boolean;
  suspendedUntil: number | null;
  siteMutedUntil: number | null;
  /** Read afresh with the rest: a socket lives long, and levels grow. */
  trustLevel: number;
  /** The client id asked about is stored already (a retry). */
  alreadySent: boolean;
}

/** Who is asking: over a socket, with the session it opened with, so a session ended since is noticed. */
export type Viewer = AuthMember & { sessionId?: string };

/** The welcome pinned in a new room: what the room is for, and the group's own rules. */
function defaultGuidelines(group: GroupRow): string {
  const rules = (JSON.parse(group.rules) as string[]).map((r) => `• ${r}`).join('\n');
  return [
    `Welcome to the ${group.name} room. It is open day and night, and everyone here knows what a hard time feels like.`,
    'Be kind, and speak from your own experience. Keep names, numbers and other contact details out of the room, and keep talking here rather than in private messages.',
    'If you are thinking about ending your life, please reach out now: the Get help page lists the crisis lines for your country.',
    ...(rules ? ['', 'This group’s rules:', rules] : []),
  ].join('\n');
}

const MINUTE = 60_000;

/** Where a conversation's hosts see (and take out) held messages: group rooms and meeting rooms. */
const hostsSeeHeld = (kind: string) => kind === 'room' || kind === 'meeting';

const DEBRIEF_GUIDELINES =
  'A room for Kindred listeners, and the moderators who support them: to talk over a hard chat, ask for advice and look after each other. Keep the people you listened to unnamed and unrecognisable — share what it was like for you, not who said what. Take a break whenever you need one.';

/** Thrown inside a send's transaction when its client id turns out to be stored already. */
class AlreadySent extends Error {}
/** A retry within this long after a message was stored pushes it again (its first push may have been lost). */
const REPUSH_WITHIN_MS = 5 * MINUTE;

/**
 * The messaging core: one model for every conversation. Rooms (a group's, open to its
 * members) are the first kind; support chats and meeting rooms add rules, not a second
 * chat system. Every message is assessed before it is stored and acknowledged only after
 * it is committed; pushes follow from events published after the commit.
 */
export function createMessagingService({ db, dialect, groups, safety, bus, presence, trust, now = Date.now }: MessagingDeps) {
  const repushed = new Set<string>();
  const kindRules = new Map<string, ConversationRules>();
  /** The conversation, if `member` may take part: a member of the room's group, a host, or a participant of a private one. */
  async function access(member: Viewer, conversationId: string, clientId: string | null = null): Promise<Access> {
    const found = await store.accessRow(db, conversationId, member.id, member.sessionId ?? null, now(), clientId);
    if (!found) throw notFound('That conversation');
    if (!found.sessionLive) throw unauthenticated();
    const { room } = found;
    const byRole = found.hostByRole;
    let participant = found.participant;
    if (room.kind === 'debrief') {
      // The listeners' own room, to talk over a hard chat: listeners, and the moderators who look after them.
      const listens = hasRole(member, 'listener') || hasRole(member, 'moderator') || hasRole(member, 'admin');
      if (!listens) throw notFound('That conversation');
      participant ??= await store.ensureParticipant(db, conversationId, member.id, 'participant', now());
      return {
        room,
        participant,
        isHost: hasRole(member, 'moderator') || hasRole(member, 'admin'),
        suspendedUntil: found.suspendedUntil,
        siteMutedUntil: found.siteMutedUntil,
        trustLevel: found.trustLevel,
        alreadySent: found.alreadySent,
      };
    }
    if (room.kind === 'room') {
      if (room.group_archived_at !== null && !byRole) throw notFound('That conversation');
      if (!byRole && !found.inGroup) throw new AppError('not_a_member', 'Please join this group to enter its room.', 403);
      participant ??= await store.ensureParticipant(db, conversationId, member.id, 'participant', now());
    } else if (!participant) {
      // A moderator asked in (or sent by a report) joins as a host; to anyone else a private conversation does not exist.
      if (!(found.moderatorAsked && (hasRole(member, 'moderator') || hasRole(member, 'admin')))) throw notFound('That conversation');
      participant = await store.ensureParticipant(db, conversationId, member.id, 'host', now());
    }
    return {
      room,
      participant,
      // The group's own hosts and moderators host its room, and no other. A meeting room is hosted
      // by its leaders and a moderator handed in, never by a role alone (a listener may come as a member).
      isHost: room.kind === 'meeting' ? participant.role === 'host' : byRole || found.hostByGroup || participant.role === 'host',
      suspendedUntil: found.suspendedUntil,
      siteMutedUntil: found.siteMutedUntil,
      trustLevel: found.trustLevel,
      alreadySent: found.alreadySent,
    };
  }

  async function roomIdFor(group: GroupRow): Promise<string> {
    const existing = await store.roomIdOfGroup(db, group.id);
    if (existing) return existing;
    const t = now();
    await store.insertRoom(db, { id: ulid(t), groupId: group.id, guidelines: defaultGuidelines(group), now: t });
    return (await store.roomIdOfGroup(db, group.id))!;
  }

  /** Who sees held messages: a room's (or a meeting's) hosts; in a private chat only moderators (the listener is the other person in it). */
  function seesHeld(member: AuthMember, a: Access): boolean {
    return hostsSeeHeld(a.room.kind) ? a.isHost : hasRole(member, 'moderator') || hasRole(member, 'admin');
  }

  /** Whoever hosts the conversation still sees members who blocked them (their sockets are in its hosts' room). */
  function viewerOf(member: AuthMember, a: Access): store.ConversationReader {
    return { id: member.id, seesHeld: seesHeld(member, a), seesBlockers: a.isHost };
  }

  function present(member: AuthMember, a: Access, row: store.MessageRow): ChatMessage {
    return presentMessage(row, { showReason: a.isHost || row.author_id === member.id });
  }

  function assertCanTakePart(member: AuthMember, a: Access, t: number): void {
    if (a.suspendedUntil && a.suspendedUntil > t) {
      throw new AppError('suspended', 'Your account is suspended for now, so you cannot send messages. You can still read.', 403);
    }
    if (a.room.closed_at !== null) throw new AppError('conversation_closed', 'This conversation has ended, so it cannot take new messages. Your words are kept in the box.', 409);
    if (a.siteMutedUntil && a.siteMutedUntil > t) {
      throw new AppError('muted', 'A moderator has paused your posts and messages for a while. You can still read, and your words are kept in the box.', 403, undefined, { mutedUntil: a.siteMutedUntil });
    }
    if (a.participant.muted_until && a.participant.muted_until > t) {
      throw new AppError('muted', 'A host has paused your messages in this room for a while. You can still read along.', 403, undefined, { mutedUntil: a.participant.muted_until });
    }
    if (a.room.guidelines.trim() !== '' && a.participant.guidelines_seen_at === null) {
      throw new AppError('guidelines_unseen', 'Please read the room’s guidelines before your first message. Your message is kept in the box.', 409);
    }
  }

  async function history(member: AuthMember, a: Access, before: number | null, limit: number): Promise<MessagePage> {
    const rows = await store.messagesBefore(db, a.room.id, viewerOf(member, a), before, limit + 1);
    const page = rows.slice(0, limit);
    return {
      messages: page.reverse().map((r) => present(member, a, r)),
      olderCursor: rows.length > limit ? Number(page[0]!.seq) : null,
    };
  }

  /**
   * The answer to a retried send: the message already stored, and what its first
   * acknowledgement said (assessed again from the stored words), since that one may never
   * have reached the sender. Only a message still readable is pushed again.
   */
  async function again(member: AuthMember, a: Access, row: store.MessageRow): Promise<SentMessage> {
    const evaluation = safety.evaluate(row.body, { kind: 'message' });
    // Held for a reason the engine does not see again (contact details in a support chat, a new member's link, repeats): say so as the first answer did.
    if (row.status === 'held' && row.held_reason && !evaluation.outcome.held) {
      evaluation.outcome = { ...evaluation.outcome, held: true, heldReason: row.held_reason as NonNullable<typeof evaluation.outcome.heldReason> };
    }
    // The node that stored it may have died before pushing it: push it again (clients drop copies by id),
    // once per message on this node and only while it is fresh, so retries cannot be used to flood a room.
    const fresh = now() - row.created_at < REPUSH_WITHIN_MS;
    if (fresh && !repushed.has(row.id) && (row.status === 'published' || row.status === 'held') && row.deleted_at === null) {
      if (repushed.size >= 10_000) repushed.clear();
      repushed.add(row.id);
      await bus.publish('message.created', { message: presentMessage(row, { showReason: false }), authorId: row.author_id, held: row.status === 'held', hostsSeeHeld: hostsSeeHeld(a.room.kind), risk: null });
    }
    return { message: present(member, a, row), safety: evaluation.outcome, offPlatformNudge: invitesOffPlatformContact(row.body, member.country) };
  }

  return {
    access,

    /** The module that owns a kind of conversation adds its rules here (once, at start-up). */
    setRules(kind: 'meeting', rules: ConversationRules): void {
      kindRules.set(kind, rules);
    },

    /**
     * Opens a private conversation inside the caller's transaction (a support chat, a meeting room):
     * its people read its guidelines as they join, so nothing stands between them and the first word.
     */
    async openPrivate(trx: Kysely<DB>, kind: 'support' | 'meeting', people: { memberId: string; role: 'participant' | 'host' }[], guidelines: string): Promise<string> {
      const t = now();
      const id = ulid(t);
      await store.insertPrivate(trx, { id, kind, guidelines, people, now: t });
      return id;
    },

    /**
     * A host shares a card into a conversation (the crisis lines for the other person's
     * country). Kindred's own words, so they are not assessed or checked for contact details.
     */
    async postCard(host: AuthMember, conversationId: string, card: NonNullable<ChatMessage['card']>, body: string): Promise<ChatMessage> {
      const a = await access(host, conversationId);
      if (!a.isHost) throw forbidden();
      if (a.room.closed_at !== null) throw new AppError('conversation_closed', 'This conversation has ended.', 409);
      const t = now();
      const id = ulid(t);
      const columns = { id, conversation_id: conversationId, author_id: host.id, client_id: `card-${id}`, body, content_warning: null, status: 'published', held_reason: null, card: JSON.stringify(card), created_at: t, removed_rule: null, removed_reason: null, removed_by: null, removed_at: null, deleted_at: null };
      const seq = await db.transaction().execute((trx) => insertWithNextSeq(trx, dialect, columns));
      const message = presentMessage({ ...columns, seq, author_handle: host.handle, author_deleted_at: null, author_is_host: true }, { showReason: false });
      await bus.publish('message.created', { message, authorId: host.id, held: false, hostsSeeHeld: false, risk: null });
      return message;
    },

    /** Adds `memberId` to a private conversation (a meeting room they entered), or changes their role in it. */
    async admit(trx: Kysely<DB>, conversationId: string, memberId: string, role: 'participant' | 'host', guidelinesSeen: boolean): Promise<void> {
      const t = now();
      await store.admitParticipant(trx, conversationId, memberId, role, guidelinesSeen ? t : null, t);
    },

    /** `memberId`'s place in a conversation now, or null when they are not in it. */
    async roleIn(conversationId: string, memberId: string): Promise<'participant' | 'host' | null> {
      const p = await store.findParticipant(db, conversationId, memberId);
      return p ? (p.role === 'host' ? 'host' : 'participant') : null;
    },

    /** The participants of a conversation (hosts not listed), by handle. */
    async people(conversationId: string): Promise<{ id: string; handle: string }[]> {
      return db
        .selectFrom('conversation_participants')
        .innerJoin('members', 'members.id', 'conversation_participants.member_id')
        .select(['members.id', 'members.handle'])
        .where('conversation_participants.conversation_id', '=', conversationId)
        .where('conversation_participants.role', '=', 'participant')
        .where('members.deleted_at', 'is', null)
        .orderBy('members.handle')
        .execute();
    },

    /** How many take part in a conversation as participants (hosts not counted). */
    async participantCount(trx: Kysely<DB>, conversationId: string): Promise<number> {
      const row = await trx.selectFrom('conversation_participants').select((eb) => eb.fn.countAll<number>().as('n')).where('conversation_id', '=', conversationId).where('role', '=', 'participant').executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Takes `memberId` out of a private conversation (removed from a meeting): from now on it does not exist for them. */
    async dismiss(trx: Kysely<DB>, conversationId: string, memberId: string): Promise<void> {
      await trx.deleteFrom('conversation_participants').where('conversation_id', '=', conversationId).where('member_id', '=', memberId).execute();
    },

    /**
     * Asks a moderator into a conversation (as a listener brings one into a support chat): the
     * moderators' flagged list shows it, and the first to come joins as a host. One open call at a time.
     */
    async askModerator(conversationId: string, byId: string, note: string): Promise<void> {
      const t = now();
      const asked = await db.transaction().execute(async (trx) => {
        const open = await trx
          .selectFrom('content_flags')
          .select('id')
          .where('content_type', '=', 'conversation')
          .where('content_id', '=', conversationId)
          .where('reason', '=', 'moderator_requested')
          .where('status', '=', 'open')
          .executeTakeFirst();
        if (open) return false;
        await trx
          .insertInto('content_flags')
          .values({ id: ulid(t), content_type: 'conversation', content_id: conversationId, conversation_id: conversationId, author_id: byId, reason: 'moderator_requested', note, status: 'open', created_at: t, resolved_at: null, resolved_by: null })
          .execute();
        await recordAudit(trx, { actorId: byId, action: 'conversation.moderator_requested', targetType: 'conversation', targetId: conversationId }, t);
        return true;
      });
      if (asked) await bus.publish('moderation.changed', {});
    },

    /**
     * Deletes a conversation's messages and its people's rows, in the caller's transaction: the rows
     * are gone, not hidden (a meeting room whose words stay in the meeting). Safety records keep
     * what the engine found, never the words, so risk alerts outlive them without the text.
     */
    async erase(trx: Kysely<DB>, conversationId: string): Promise<number> {
      const deleted = await trx.deleteFrom('messages').where('conversation_id', '=', conversationId).executeTakeFirst();
      await trx.deleteFrom('conversation_participants').where('conversation_id', '=', conversationId).execute();
      return Number(deleted.numDeletedRows);
    },

    /** Ends a conversation: it keeps its history for the time the operator chose, and takes no new messages. */
    async close(conversationId: string): Promise<void> {
      await store.closeConversation(db, conversationId, now());
      const room = await store.findConversation(db, conversationId);
      if (room) await bus.publish('conversation.updated', { room: presentRoom(room) });
    },

    /** The listeners' debrief room, created the first time a listener opens it. */
    async debriefRoom(member: AuthMember): Promise<RoomView> {
      let id = await store.debriefRoomId(db);
      if (!id) {
        const t = now();
        id = await db.transaction().execute(async (trx) => {
          await lockNamed(trx, 'debrief-room');
          const existing = await store.debriefRoomId(trx);
          if (existing) return existing;
          const created = ulid(t);
          await store.insertPrivate(trx, { id: created, kind: 'debrief', guidelines: DEBRIEF_GUIDELINES, people: [], now: t });
          return created;
        });
      }
      return this.view(member, id);
    },

    /** A group's room, created the first time anyone opens it. */
    async roomOf(member: AuthMember, slug: string): Promise<RoomView> {
      const group = await groups.readable(member, slug);
      return this.view(member, await roomIdFor(group));
    },

    /** Any conversation the member takes part in (a support chat, by its id), as the room page opens it. */
    async view(member: AuthMember, conversationId: string): Promise<RoomView> {
      const a = await access(member, conversationId);
      const page = await history(member, a, null, HISTORY_PAGE);
      return {
        room: presentRoom(a.room),
        me: presentParticipant(a.participant, a.room, a.isHost, now()),
        hereNow: await presence.count(a.room.id),
        messages: page.messages,
        olderCursor: page.olderCursor,
      };
    },

    /** How many are in a group's room right now, for the way in from the group's page. */
    async hereNow(member: AuthMember, slug: string): Promise<number> {
      const group = await groups.readable(member, slug);
      const a = await access(member, await roomIdFor(group));
      return presence.count(a.room.id);
    },

    async history(member: AuthMember, conversationId: string, before: number | null, limit = HISTORY_PAGE): Promise<MessagePage> {
      return history(member, await access(member, conversationId), before, limit);
    },

    /** What a (re)connecting client missed since `afterSeq`, in order, at most CATCH_UP_MAX at a time. */
    async join(member: AuthMember, conversationId: string, afterSeq: number): Promise<Omit<JoinResult, 'hereNow'> & { isHost: boolean }> {
      const a = await access(member, conversationId);
      const rows = await store.messagesAfter(db, a.room.id, viewerOf(member, a), afterSeq, CATCH_UP_MAX + 1);
      return {
        messages: rows.slice(0, CATCH_UP_MAX).map((r) => present(member, a, r)),
        more: rows.length > CATCH_UP_MAX,
        me: presentParticipant(a.participant, a.room, a.isHost, now()),
        room: presentRoom(a.room),
        isHost: a.isHost,
      };
    },

    /**
     * Sends a message. A retry with the same client id returns the message already stored,
     * never a second one. Acknowledged (returned) only after the transaction commits.
     */
    async send(member: AuthMember, conversationId: string, input: SendMessageBody): Promise<SentMessage> {
      const a = await access(member, conversationId, input.clientId);
      const earlier = a.alreadySent ? await store.findByClientId(db, conversationId, member.id, input.clientId) : undefined;
      if (earlier) return again(member, a, earlier);
      const t = now();
      assertCanTakePart(member, a, t);
      await kindRules.get(a.room.kind)?.beforeSend(member, conversationId, a.isHost, t);
      const body = input.body.trim();
      // No database read: the level came with the access row. Repeats count in rooms, not in a support chat, where asking again is no spam.
      const admission = await trust.admit(
        { id: member.id, level: a.trustLevel, trusted: a.isHost || trustedByRole(member.roles) },
        { kind: 'message', text: body, words: body, fresh: true, repeats: a.room.kind !== 'support' },
      );
      const evaluation = safety.evaluate(body, { kind: 'message', chosenWarning: input.contentWarning ?? null });
      const offPlatform = invitesOffPlatformContact(body, member.country);
      // In a private chat an offer of contact elsewhere waits for a moderator; in a room it gets a nudge and a flag.
      const holdForContact = offPlatform && a.room.kind === 'support' && evaluation.status === 'published';
      if (holdForContact) {
        evaluation.status = 'held';
        evaluation.outcome = { ...evaluation.outcome, held: true, heldReason: 'off_platform_contact' };
      }
      const hold = trustHold(admission, { held: evaluation.status === 'held', level: evaluation.assessment.level });
      if (hold) {
        evaluation.status = 'held';
        evaluation.outcome = { ...evaluation.outcome, held: true, heldReason: hold };
      }
      const id = ulid(t);
      // The message as it will be committed (its seq comes in the transaction): pushed and returned without reading it back.
      const row: store.MessageRow = {
        id,
        conversation_id: conversationId,
        seq: 0,
        author_id: member.id,
        client_id: input.clientId,
        body,
        content_warning: evaluation.contentWarning,
        status: evaluation.status,
        held_reason: evaluation.outcome.heldReason,
        card: null,
        removed_rule: null,
        removed_reason: null,
        removed_by: null,
        removed_at: null,
        created_at: t,
        deleted_at: null,
        author_handle: member.handle,
        author_deleted_at: null,
        author_is_host: a.isHost,
      };
      const { seq: _unset, author_handle: _h, author_deleted_at: _d, author_is_host: _i, ...columns } = row;
      try {
        await db.transaction().execute(async (trx) => {
          if (!(await store.claimSendSlot(trx, conversationId, member.id, t, a.isHost ? 0 : a.room.slow_mode_seconds))) {
            // The same message from a second tab or a racing retry waited on this row: it is stored, not too soon.
            if (await store.findByClientId(trx, conversationId, member.id, input.clientId)) throw new AlreadySent();
            const last = (await store.findParticipant(trx, conversationId, member.id))?.last_sent_at ?? t;
            const wait = Math.max(1000, last + a.room.slow_mode_seconds * 1000 - t);
            throw new AppError('slow_mode', `This room is in slow mode: one message every ${a.room.slow_mode_seconds} seconds. Your message is kept; you can send it in a moment.`, 429, undefined, {
              retryAfterMs: wait,
            });
          }
          // What the engine found and any flag go first: the seq, which locks the room's row until commit, comes last.
          await safety.record(trx, { type: 'message', id, postId: null, groupId: a.room.group_id, authorId: member.id }, evaluation.assessment);
          if (offPlatform) {
            await store.insertFlag(trx, { id: ulid(t), contentType: 'message', contentId: id, conversationId, authorId: member.id, reason: 'off_platform_contact', t });
          }
          row.seq = await insertWithNextSeq(trx, dialect, columns);
        });
      } catch (err) {
        // Nothing new was stored: its words do not count as a repeat.
        await admission.release();
        // The same client id sent twice at once (two tabs, a retry racing the first try): one row won.
        if (isUniqueViolation(err) || err instanceof AlreadySent) {
          const winner = await store.findByClientId(db, conversationId, member.id, input.clientId);
          if (winner) return again(member, a, winner);
        }
        throw err;
      }
      const message = presentMessage(row, { showReason: false });
      const level = evaluation.assessment.level;
      await bus.publish('message.created', {
        message,
        authorId: member.id,
        held: evaluation.status === 'held',
        hostsSeeHeld: hostsSeeHeld(a.room.kind),
        risk: atLeast(level, 'ideation') ? { level, urgent: atLeast(level, 'plan') } : null,
      });
      return { message, safety: evaluation.outcome, offPlatformNudge: offPlatform };
    },

    async guidelinesSeen(member: AuthMember, conversationId: string): Promise<ParticipantState> {
      const a = await access(member, conversationId);
      const t = now();
      if (a.participant.guidelines_seen_at === null) await store.updateParticipant(db, conversationId, member.id, { guidelines_seen_at: t });
      return presentParticipant({ ...a.participant, guidelines_seen_at: a.participant.guidelines_seen_at ?? t }, a.room, a.isHost, t);
    },

    async markRead(member: AuthMember, conversationId: string, seq: number): Promise<void> {
      const a = await access(member, conversationId);
      await store.markRead(db, a.room.id, member.id, Math.min(seq, Number(a.room.last_seq)));
    },

    async updateSettings(host: AuthMember, conversationId: string, input: RoomSettingsBody): Promise<RoomInfo> {
      const a = await access(host, conversationId);
      if (!a.isHost) throw forbidden();
      const t = now();
      const patch: Parameters<typeof store.updateSettings>[2] = {};
      if (input.guidelines !== undefined && input.guidelines.trim() !== a.room.guidelines) {
        patch.guidelines = input.guidelines.trim();
        patch.guidelines_updated_at = t;
      }
      if (input.slowModeSeconds !== undefined) patch.slow_mode_seconds = input.slowModeSeconds;
      if (Object.keys(patch).length > 0) {
        await db.transaction().execute(async (trx) => {
          await store.updateSettings(trx, conversationId, patch);
          await recordAudit(trx, { actorId: host.id, action: 'conversation.settings_changed', targetType: 'conversation', targetId: conversationId, detail: { fields: Object.keys(input) } }, t);
        });
      }
      const room = presentRoom((await store.findConversation(db, conversationId))!);
      await bus.publish('conversation.updated', { room });
      return room;
    },

    /** A host takes a message out of the room; its author is told why. */
    async removeMessage(host: AuthMember, messageId: string, reason: string): Promise<ChatMessage> {
      const row = await store.findMessage(db, messageId);
      if (!row) throw notFound('That message');
      const a = await access(host, row.conversation_id);
      if (!a.isHost) throw forbidden();
      const t = now();
      const why = reason.trim();
      await db.transaction().execute(async (trx) => {
        if (await store.removeMessage(trx, messageId, host.id, why, t)) {
          await recordAudit(trx, { actorId: host.id, action: 'message.removed', targetType: 'message', targetId: messageId, detail: { reason: why, conversationId: row.conversation_id } }, t);
        }
      });
      const updated = (await store.findMessage(db, messageId))!;
      await bus.publish('message.updated', {
        message: presentMessage(updated, { showReason: false }),
        authorId: updated.author_id,
        reasonForAuthor: updated.removed_reason,
        // A held message was never seen by the room: its removal is news only to its author and the hosts.
        onlyAuthorAndHosts: updated.held_reason !== null,
      });
      return presentMessage(updated, { showReason: true });
    },

    /**
     * A moderator's decision on a chat message, in the caller's transaction: let a held message
     * through to the conversation, take one down with the guideline and the reason its author
     * sees, or put back one taken down. `announce` pushes the change once the caller commits.
     */
    async moderate(
      trx: Kysely<DB>,
      messageId: string,
      next: { status: 'published' } | { status: 'removed'; rule: string; reason: string; by: string },
    ): Promise<{ changed: boolean; authorId: string; conversationId: string; announce: () => Promise<void> }> {
      const row = await store.findMessage(trx, messageId);
      if (!row || row.deleted_at !== null) throw notFound('That message');
      const base = { changed: false, authorId: row.author_id, conversationId: row.conversation_id, announce: async () => {} };
      if (row.status === next.status) return base;
      const t = now();
      const patch =
        next.status === 'removed'
          ? { status: 'removed', removed_rule: next.rule, removed_reason: next.reason, removed_by: next.by, removed_at: t }
          : { status: 'published', held_reason: null, removed_rule: null, removed_reason: null, removed_by: null, removed_at: null };
      const done = await trx.updateTable('messages').set(patch).where('id', '=', messageId).where('status', '=', row.status).executeTakeFirst();
      if (Number(done.numUpdatedRows) === 0) return base;
      const wasUnseen = row.status === 'held' || (row.status === 'removed' && row.held_reason !== null);
      const announce = async () => {
        const updated = (await store.findMessage(db, messageId))!;
        const message = presentMessage(updated, { showReason: false });
        if (next.status === 'published' && wasUnseen) {
          // Never seen by the conversation: it arrives now as a new message would.
          await bus.publish('message.created', { message, authorId: updated.author_id, held: false, hostsSeeHeld: false, risk: null });
        } else {
          await bus.publish('message.updated', { message, authorId: updated.author_id, reasonForAuthor: updated.removed_reason, onlyAuthorAndHosts: wasUnseen });
        }
      };
      return { ...base, changed: true, announce };
    },

    /** A host pauses one participant's messages for `minutes` (0 lifts it). Hosts cannot mute each other. */
    async mute(host: AuthMember, conversationId: string, memberId: string, minutes: number): Promise<void> {
      const a = await access(host, conversationId);
      if (!a.isHost) throw forbidden();
      if (memberId === host.id) throw new AppError('invalid_input', 'You cannot mute yourself.', 400, { memberId: 'Choose someone else.' });
      const target = await store.findParticipant(db, conversationId, memberId);
      if (!target) throw notFound('That member, in this room,');
      // In a meeting only its hosts are hosts: a listener who came as a member is muted like anyone.
      if (target.role === 'host' || (a.room.kind !== 'meeting' && (await store.hasHostRole(db, memberId, a.room.kind === 'room' ? a.room.group_id : null)))) {
        throw new AppError('cannot_mute_host', 'Hosts cannot be muted. If a host needs help, please tell a moderator.', 403);
      }
      const t = now();
      const until = minutes > 0 ? t + minutes * MINUTE : null;
      await db.transaction().execute(async (trx) => {
        await store.updateParticipant(trx, conversationId, memberId, { muted_until: until });
        await recordAudit(trx, { actorId: host.id, action: minutes > 0 ? 'conversation.muted' : 'conversation.unmuted', targetType: 'member', targetId: memberId, detail: { conversationId, minutes } }, t);
      });
      const updated = (await store.findParticipant(db, conversationId, memberId))!;
      await bus.publish('participant.updated', { conversationId, memberId, me: presentParticipant(updated, a.room, false, t) });
    },
  };
}
