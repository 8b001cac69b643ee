import type { Kysely } from 'kysely';
import {
  LEADER_GRACE_SECONDS,
  LOBBY_STEP,
  ROOM_OPENS_MINUTES_BEFORE,
  ROOM_SWEEP_AFTER_END_MINUTES,
  type HandOffResult,
  type MeetingFeedbackAnswer,
  type MeetingLive,
  type MeetingRoomView,
} from '../../../shared/meeting-room.js';
import type { DB, MeetingSessionRow } from '../../platform/db/schema.js';
import { isUniqueViolation } from '../../platform/db/dialect/index.js';
import type { EventBus } from '../../platform/events/bus.js';
import { assertMayTakePart, type AuthMember } from '../../platform/http/auth.js';
import { AppError, forbidden, notFound } from '../../platform/http/errors.js';
import { ulid } from '../../platform/ids.js';
import type { GroupsService } from '../groups/groups.service.js';
import { recordAudit } from '../moderation/audit.js';
import type { MessagingService } from '../messaging/messaging.service.js';
import type { SupportService } from '../support/support.service.js';
import { occurrenceOn } from './meetings.occurrences.js';
import { seriesOf } from './meetings.presenter.js';
import * as roomStore from './meetings.room.store.js';
import * as store from './meetings.store.js';
import { formatInZone } from './recurrence.js';

const MINUTE = 60_000;

/** Pinned at the top of every meeting room: read in the lobby before the first word. */
export const MEETING_GUIDELINES = [
  'Welcome. This is a peer support meeting, led by a trained facilitator: a peer, not a therapist.',
  'Be kind. Speak from your own experience, and listen while someone shares: you can send a supportive reaction, or raise your hand to speak next.',
  'What is said here stays here. Please do not share anyone’s words or names outside the meeting, and keep contact details out of the room.',
  'If you are thinking about ending your life, or are in danger right now, please reach out now: the Get help page lists the crisis lines for your country.',
].join('\n\n');

export interface MeetingRoomDeps {
  db: Kysely<DB>;
  groups: GroupsService;
  messaging: MessagingService;
  support: Pick<SupportService, 'requestFor'>;
  bus: EventBus;
  /** The operator's setting: the room's messages are deleted when the meeting ends. */
  deleteMessages: boolean;
  /** Who has a live connection in a conversation now, on any node (the leader check asks). */
  whoIsHere: (conversationId: string) => Promise<Set<string>>;
  now?: () => number;
}

export type MeetingRoomService = ReturnType<typeof createMeetingRoomService>;

interface Context {
  meeting: store.MeetingView;
  /** Names the occurrence (a moved one keeps it). */
  localDate: string;
  startsAt: number;
  endsAt: number;
  cancelled: boolean;
  reason: string | null;
  session: MeetingSessionRow | undefined;
}

/** Where someone stands with one room. */
type Standing = 'leader' | 'host' | 'participant' | 'seat' | 'waitlist' | 'removed' | 'none';

const isLeaderOf = (meeting: store.MeetingView, memberId: string) => meeting.facilitator_id === memberId || meeting.co_facilitator_id === memberId;

/**
 * The live room of one meeting occurrence: one session per occurrence with its conversation
 * (kind `meeting`), the lobby, the agenda, the share queue and the floor, the facilitator's
 * tools, a leader who drops out, and the end, when (by the operator's setting) the room's words
 * are deleted and only the number who came is kept.
 */
export function createMeetingRoomService({ db, groups, messaging, support, bus, deleteMessages, whoIsHere, now = () => Date.now() }: MeetingRoomDeps) {
  /** When each room's leader was first found gone (per node; every node checks, the guarded updates decide). */
  const leaderGoneSince = new Map<string, number>();

  async function context(actor: AuthMember, meetingId: string, localDate: string): Promise<Context> {
    const meeting = await store.findMeeting(db, meetingId);
    if (!meeting) throw notFound('That meeting');
    try {
      await groups.readable(actor, meeting.group_slug);
    } catch {
      throw notFound('That meeting');
    }
    return contextOf(meeting, localDate);
  }

  async function contextOf(meeting: store.MeetingView, localDate: string): Promise<Context> {
    const series = seriesOf(meeting);
    const at = occurrenceOn(series, localDate);
    if (!at) throw new AppError('no_such_occurrence', 'This series has no meeting on that date. Please choose one from the list.', 404);
    const override = (await store.overridesOf(db, [meeting.id])).find((o) => o.local_date === localDate);
    const movedTo = override?.moved_to ?? null;
    const startsAt = movedTo !== null ? Number(movedTo) : at.startsAt;
    return {
      meeting,
      localDate,
      startsAt,
      endsAt: startsAt + series.durationMinutes * MINUTE,
      cancelled: meeting.cancelled_at !== null || (override?.cancelled_at ?? null) !== null,
      reason: override?.reason || null,
      session: await roomStore.findSession(db, meeting.id, localDate),
    };
  }

  async function standing(actor: AuthMember, ctx: Context): Promise<Standing> {
    if (isLeaderOf(ctx.meeting, actor.id)) return 'leader';
    if (ctx.session) {
      if (await roomStore.isRemoved(db, ctx.session.id, actor.id)) return 'removed';
      try {
        // A participant already; or a moderator asked in, who joins as a host here.
        const a = await messaging.access(actor, ctx.session.conversation_id);
        return a.isHost ? 'host' : 'participant';
      } catch (err) {
        if (!(err instanceof AppError && err.status === 404)) throw err;
      }
    }
    const rsvp = await roomStore.rsvpStatus(db, ctx.meeting.id, ctx.localDate, actor.id);
    return rsvp === 'going' ? 'seat' : rsvp === 'waitlist' ? 'waitlist' : 'none';
  }

  function refuse(st: Standing): never {
    if (st === 'removed') throw new AppError('removed_from_meeting', 'The facilitator has asked you to leave this meeting, so you cannot come back into it. If you need someone now, a listener is there for you on the Support page.', 403);
    if (st === 'waitlist') throw new AppError('on_waitlist', 'You are on the waitlist for this meeting. If a seat frees up you will have it, and then you can come in.', 403);
    throw new AppError('rsvp_needed', 'This meeting is for the people who said they are coming. Please RSVP on the meeting’s page (or join the waitlist if it is full), then come back.', 403);
  }

  const when = (ctx: Context, t: number) => formatInZone(t, ctx.meeting.time_zone);

  /** Opens the room of an occurrence the first time someone may enter it: one session, however many arrive at once. */
  async function open(ctx: Context): Promise<MeetingSessionRow> {
    const t = now();
    if (ctx.cancelled) throw new AppError('meeting_cancelled', `This meeting is not happening${ctx.reason ? `: ${ctx.reason}` : '.'}`, 409);
    const opensAt = ctx.startsAt - ROOM_OPENS_MINUTES_BEFORE * MINUTE;
    if (t < opensAt) {
      throw new AppError('room_not_open', `The room opens at ${when(ctx, opensAt)}, ${ROOM_OPENS_MINUTES_BEFORE} minutes before the meeting begins. Please come back then.`, 409, undefined, { opensAt });
    }
    if (t >= ctx.endsAt) throw new AppError('meeting_over', 'This meeting is already over. You can find the next one on the meetings page.', 409);
    const id = ulid(t);
    try {
      await db.transaction().execute(async (trx) => {
        const leaders = [ctx.meeting.facilitator_id, ctx.meeting.co_facilitator_id].filter((x): x is string => x !== null);
        const conversationId = await messaging.openPrivate(trx, 'meeting', leaders.map((memberId) => ({ memberId, role: 'host' as const })), MEETING_GUIDELINES);
        await roomStore.insertSession(trx, { id, meeting_id: ctx.meeting.id, local_date: ctx.localDate, conversation_id: conversationId, opened_at: t, leader_id: ctx.meeting.facilitator_id });
      });
    } catch (err) {
      // Someone else opened it a moment ago: theirs is the room (and this conversation was rolled back).
      if (!isUniqueViolation(err)) throw err;
    }
    return (await roomStore.findSession(db, ctx.meeting.id, ctx.localDate))!;
  }

  const load = context;

  async function live(ctx: Context, session: MeetingSessionRow): Promise<MeetingLive> {
    const m = ctx.meeting;
    const hands = await roomStore.hands(db, session.id);
    const ids = [m.facilitator_id, m.co_facilitator_id, session.leader_id, session.speaker_id].filter((x): x is string => x !== null);
    const names = await roomStore.handles(db, ids);
    const person = (id: string | null) => (id !== null && names.has(id) ? { id, handle: names.get(id)! } : null);
    const speaker = person(session.speaker_id);
    return {
      meetingId: m.id,
      localDate: session.local_date,
      conversationId: session.conversation_id,
      title: m.title,
      group: { slug: m.group_slug, name: m.group_name },
      startsAt: ctx.startsAt,
      endsAt: ctx.endsAt,
      timeZone: m.time_zone,
      agenda: JSON.parse(m.agenda) as string[],
      currentStep: Number(session.current_step),
      facilitator: person(m.facilitator_id),
      coFacilitator: person(m.co_facilitator_id),
      leader: person(session.leader_id),
      speaker: speaker ? { ...speaker, since: Number(session.speaker_since), shareSeconds: session.share_seconds === null ? null : Number(session.share_seconds) } : null,
      people: session.ended_at === null ? await messaging.people(session.conversation_id) : [],
      hands: hands.map((h) => ({ id: h.member_id, handle: h.handle, raisedAt: Number(h.raised_at) })),
      locked: Number(session.locked) === 1,
      allMuted: Number(session.all_muted) === 1,
      pausedAt: session.paused_at === null ? null : Number(session.paused_at),
      endedAt: session.ended_at === null ? null : Number(session.ended_at),
      attendance: session.attendance === null ? null : Number(session.attendance),
      deletesMessages: deleteMessages,
    };
  }

  async function view(actor: AuthMember, ctx: Context, session: MeetingSessionRow, st: Standing): Promise<MeetingRoomView> {
    const leader = st === 'leader';
    const ended = session.ended_at !== null;
    return {
      live: await live(ctx, session),
      me: {
        isLeader: leader,
        isHost: leader || st === 'host',
        feedback: (await roomStore.feedbackOf(db, session.id, actor.id)) as MeetingFeedbackAnswer | null,
      },
      feedbackCounts: leader && ended ? await roomStore.feedbackCounts(db, session.id) : null,
    };
  }

  /** Tells everyone in the room what it looks like now (after the change committed). */
  async function announce(ctx: Context): Promise<void> {
    const session = await roomStore.findSession(db, ctx.meeting.id, ctx.localDate);
    if (session) await bus.publish('meeting.live', { live: await live(ctx, session) });
  }

  /** The open room of an occurrence, for an action in it. */
  function liveSession(ctx: Context): MeetingSessionRow {
    if (!ctx.session) throw new AppError('room_not_open', 'This meeting’s room is not open yet.', 409);
    if (ctx.session.ended_at !== null) throw new AppError('meeting_ended', 'This meeting has ended.', 409);
    return ctx.session;
  }

  async function asLeader(actor: AuthMember, meetingId: string, localDate: string): Promise<{ ctx: Context; session: MeetingSessionRow }> {
    const ctx = await load(actor, meetingId, localDate);
    if (!isLeaderOf(ctx.meeting, actor.id)) throw new AppError('not_the_facilitator', 'Only the meeting’s facilitators can do that.', 403);
    assertMayTakePart(actor, now());
    return { ctx, session: liveSession(ctx) };
  }

  /** A leader, or a moderator handed in: the tools that keep people safe. */
  async function asHost(actor: AuthMember, meetingId: string, localDate: string): Promise<{ ctx: Context; session: MeetingSessionRow }> {
    const ctx = await load(actor, meetingId, localDate);
    const st = await standing(actor, ctx);
    if (st !== 'leader' && st !== 'host') throw new AppError('not_the_facilitator', 'Only the meeting’s facilitators can do that.', 403);
    assertMayTakePart(actor, now());
    return { ctx, session: liveSession(ctx) };
  }

  /** A member in the room (entered, not removed), or a host. */
  async function asPresent(actor: AuthMember, meetingId: string, localDate: string): Promise<{ ctx: Context; session: MeetingSessionRow; st: Standing }> {
    const ctx = await load(actor, meetingId, localDate);
    const st = await standing(actor, ctx);
    if (st === 'removed') refuse(st);
    if (st !== 'leader' && st !== 'host' && st !== 'participant') throw new AppError('not_in_room', 'Please come into the meeting room first.', 403);
    assertMayTakePart(actor, now());
    return { ctx, session: liveSession(ctx), st };
  }

  function assertStarted(session: MeetingSessionRow): void {
    if (Number(session.current_step) < 0) throw new AppError('meeting_not_started', 'The meeting has not started yet: the facilitator will begin it in a moment.', 409);
  }

  /** Ends a room: the number who came, hands cleared, the conversation closed and (by the operator's setting) its words deleted. */
  async function end(ctx: Context, session: MeetingSessionRow, by: string | null): Promise<boolean> {
    const t = now();
    const ended = await db.transaction().execute(async (trx) => {
      const count = (await messaging.participantCount(trx, session.conversation_id)) + (await roomStore.removedCount(trx, session.id));
      if (!(await roomStore.updateSession(trx, session.id, { ended_at: t, attendance: count, speaker_id: null, speaker_since: null, share_seconds: null, paused_at: null }))) return false;
      await roomStore.clearHands(trx, session.id);
      if (deleteMessages) await messaging.erase(trx, session.conversation_id);
      await recordAudit(trx, { actorId: by, action: 'meeting.ended', targetType: 'meeting_session', targetId: session.id, detail: { attendance: count, messagesDeleted: deleteMessages } }, t);
      return true;
    });
    if (!ended) return false;
    leaderGoneSince.delete(session.id);
    await messaging.close(session.conversation_id);
    await announce(ctx);
    return true;
  }

  // While someone shares, others listen: the rule messaging applies to every message in a meeting room.
  messaging.setRules('meeting', {
    async beforeSend(member, conversationId, isHost) {
      if (isHost) return;
      const session = await roomStore.sessionOfConversation(db, conversationId);
      if (!session || session.ended_at !== null) return;
      if (Number(session.current_step) < 0) throw new AppError('meeting_not_started', 'The meeting has not started yet. The chat opens when the facilitator begins; your message is kept in the box.', 409);
      if (session.paused_at !== null) throw new AppError('meeting_paused', 'The meeting is paused until a facilitator is back. Your message is kept in the box.', 409);
      if (Number(session.all_muted) === 1) throw new AppError('all_muted', 'The facilitator has paused the chat for everyone for a moment. You can still send a reaction; your message is kept in the box.', 403);
      if (session.speaker_id !== null && session.speaker_id !== member.id) {
        throw new AppError('someone_sharing', 'Someone is sharing right now: please listen while they do. You can send a reaction, or raise your hand to speak next. Your message is kept in the box.', 409);
      }
    },
  });

  return {
    /** Comes into the room: opens it when it is time, and admits the facilitators, members with a seat and a moderator asked in. */
    async enter(actor: AuthMember, meetingId: string, localDate: string): Promise<MeetingRoomView> {
      const ctx = await load(actor, meetingId, localDate);
      assertMayTakePart(actor, now());
      const st = await standing(actor, ctx);
      if (st === 'removed' || st === 'waitlist' || st === 'none') refuse(st);
      const session = ctx.session ?? (await open(ctx));
      if (session.ended_at !== null) return view(actor, ctx, session, st);
      if (Number(session.locked) === 1 && st === 'seat') throw new AppError('room_locked', 'The facilitator has closed the door of this meeting for now, so nobody new can come in. The next meeting is on the meetings page.', 409);
      if (st === 'seat' || st === 'leader') {
        await db.transaction().execute((trx) => messaging.admit(trx, session.conversation_id, actor.id, st === 'leader' ? 'host' : 'participant', st === 'leader'));
      }
      let current = session;
      if (st === 'leader' && session.paused_at !== null && (await roomStore.updateSession(db, session.id, { paused_at: null, leader_id: actor.id }))) {
        leaderGoneSince.delete(session.id);
        current = (await roomStore.findSession(db, meetingId, localDate))!;
        await announce(ctx);
      }
      return view(actor, ctx, current, st === 'seat' ? 'participant' : st);
    },

    /** The room as it stands, for whoever may be in it (and, once it ended, for those who had a seat: the question after). */
    async get(actor: AuthMember, meetingId: string, localDate: string): Promise<MeetingRoomView> {
      const ctx = await load(actor, meetingId, localDate);
      const st = await standing(actor, ctx);
      if (st === 'removed' || st === 'waitlist' || st === 'none') refuse(st);
      if (!ctx.session) {
        const opensAt = ctx.startsAt - ROOM_OPENS_MINUTES_BEFORE * MINUTE;
        throw new AppError('room_not_open', `The room opens at ${when(ctx, opensAt)}, ${ROOM_OPENS_MINUTES_BEFORE} minutes before the meeting begins.`, 409, undefined, { opensAt });
      }
      if (st === 'seat' && ctx.session.ended_at === null) throw new AppError('not_in_room', 'Please come into the meeting room first.', 403);
      return view(actor, ctx, ctx.session, st);
    },

    /** A leader begins the meeting (out of the lobby) or moves to another step of the agenda. */
    async step(actor: AuthMember, meetingId: string, localDate: string, step: number): Promise<MeetingRoomView> {
      const { ctx, session } = await asLeader(actor, meetingId, localDate);
      const last = (JSON.parse(ctx.meeting.agenda) as string[]).length - 1;
      if (step > last) throw new AppError('invalid_input', 'Some details need another look.', 400, { step: 'That step is not on the agenda.' });
      await roomStore.updateSession(db, session.id, { current_step: step, leader_id: session.leader_id ?? actor.id });
      await announce(ctx);
      return this.get(actor, meetingId, localDate);
    },

    /** A member raises or lowers their hand: the queue is served oldest first. */
    async hand(actor: AuthMember, meetingId: string, localDate: string, raised: boolean): Promise<MeetingRoomView> {
      const { ctx, session } = await asPresent(actor, meetingId, localDate);
      if (raised) {
        assertStarted(session);
        if (session.speaker_id === actor.id) throw new AppError('already_sharing', 'You have the floor already.', 409);
        await roomStore.raiseHand(db, session.id, actor.id, now());
      } else {
        await roomStore.lowerHand(db, session.id, actor.id);
      }
      await announce(ctx);
      return this.get(actor, meetingId, localDate);
    },

    /** A leader gives someone in the room the floor (from the queue or not), with an optional timer; null ends the share. */
    async floor(actor: AuthMember, meetingId: string, localDate: string, memberId: string | null, shareSeconds: number | null): Promise<MeetingRoomView> {
      const { ctx, session } = await asLeader(actor, meetingId, localDate);
      assertStarted(session);
      const t = now();
      if (memberId === null) {
        await roomStore.updateSession(db, session.id, { speaker_id: null, speaker_since: null, share_seconds: null });
      } else {
        await assertInRoom(session, memberId);
        await db.transaction().execute(async (trx) => {
          await roomStore.updateSession(trx, session.id, { speaker_id: memberId, speaker_since: t, share_seconds: shareSeconds });
          await roomStore.lowerHand(trx, session.id, memberId);
        });
      }
      await announce(ctx);
      return this.get(actor, meetingId, localDate);
    },

    /** Closes the door (nobody new comes in; those here stay) or opens it again. */
    async lock(actor: AuthMember, meetingId: string, localDate: string, on: boolean): Promise<MeetingRoomView> {
      const { ctx, session } = await asHost(actor, meetingId, localDate);
      await roomStore.updateSession(db, session.id, { locked: on ? 1 : 0 });
      await announce(ctx);
      return this.get(actor, meetingId, localDate);
    },

    /** Only the leaders write while it is on; reactions still go. */
    async muteAll(actor: AuthMember, meetingId: string, localDate: string, on: boolean): Promise<MeetingRoomView> {
      const { ctx, session } = await asHost(actor, meetingId, localDate);
      await roomStore.updateSession(db, session.id, { all_muted: on ? 1 : 0 });
      await announce(ctx);
      return this.get(actor, meetingId, localDate);
    },

    /** Takes a member out of the room for the rest of the meeting; they are told kindly, and cannot come back in. */
    async remove(actor: AuthMember, meetingId: string, localDate: string, memberId: string): Promise<MeetingRoomView> {
      const { ctx, session } = await asHost(actor, meetingId, localDate);
      if (isLeaderOf(ctx.meeting, memberId)) throw new AppError('cannot_remove_leader', 'A facilitator cannot be removed from their own meeting. If a facilitator needs help, please ask a moderator.', 403);
      const a = await assertInRoom(session, memberId);
      if (a === 'host') throw new AppError('cannot_remove_leader', 'A moderator in the room cannot be removed from it.', 403);
      const t = now();
      await db.transaction().execute(async (trx) => {
        await roomStore.insertRemoval(trx, session.id, memberId, t);
        await roomStore.lowerHand(trx, session.id, memberId);
        if (session.speaker_id === memberId) await roomStore.updateSession(trx, session.id, { speaker_id: null, speaker_since: null, share_seconds: null });
        await messaging.dismiss(trx, session.conversation_id, memberId);
        await recordAudit(trx, { actorId: actor.id, action: 'meeting.removed', targetType: 'member', targetId: memberId, detail: { sessionId: session.id } }, t);
      });
      await bus.publish('meeting.removed', { conversationId: session.conversation_id, memberId });
      await announce(ctx);
      return this.get(actor, meetingId, localDate);
    },

    /**
     * Hands a member on: to a listener (a support request with priority, through the support
     * queue), or to a moderator (asked into the room, where they join as a host). The member is told where to go.
     */
    async handOff(actor: AuthMember, meetingId: string, localDate: string, memberId: string, to: 'listener' | 'moderator'): Promise<HandOffResult> {
      const { ctx, session } = await asHost(actor, meetingId, localDate);
      await assertInRoom(session, memberId);
      const names = await roomStore.handles(db, [memberId]);
      let requestId: string | null = null;
      if (to === 'listener') {
        requestId = await support.requestFor(memberId, { language: await roomStore.memberLanguage(db, memberId), priority: 1 });
      } else {
        const room = `/meetings/${encodeURIComponent(meetingId)}/${localDate}/room`;
        await messaging.askModerator(session.conversation_id, actor.id, `A facilitator asked for a moderator for ${names.get(memberId) ?? 'a member'} in the meeting “${ctx.meeting.title}”. Join the room: ${room}`);
      }
      await recordAudit(db, { actorId: actor.id, action: 'meeting.handed_off', targetType: 'member', targetId: memberId, detail: { sessionId: session.id, to } }, now());
      await bus.publish('meeting.handed', { conversationId: session.conversation_id, memberId, to });
      return { to, requestId };
    },

    /** A supportive reaction, heard by everyone in the room and never stored. */
    async react(actor: AuthMember, meetingId: string, localDate: string, reaction: string): Promise<void> {
      const { session } = await asPresent(actor, meetingId, localDate);
      assertStarted(session);
      const a = await messaging.access(actor, session.conversation_id);
      if (a.participant.muted_until !== null && a.participant.muted_until > now()) throw new AppError('muted', 'A facilitator has paused your messages in this meeting for a while. You can still listen along.', 403);
      await bus.publish('meeting.reaction', { conversationId: session.conversation_id, memberId: actor.id, handle: actor.handle, reaction });
    },

    /** A leader ends the meeting (again: nothing changes). */
    async end(actor: AuthMember, meetingId: string, localDate: string): Promise<MeetingRoomView> {
      const ended = await load(actor, meetingId, localDate);
      if (isLeaderOf(ended.meeting, actor.id) && ended.session && ended.session.ended_at !== null) return this.get(actor, meetingId, localDate);
      const { ctx, session } = await asLeader(actor, meetingId, localDate);
      await end(ctx, session, actor.id);
      return this.get(actor, meetingId, localDate);
    },

    /** "Did this meeting help?": once, after the end, by someone who had a seat. */
    async feedback(actor: AuthMember, meetingId: string, localDate: string, answer: MeetingFeedbackAnswer): Promise<MeetingRoomView> {
      const ctx = await load(actor, meetingId, localDate);
      const st = await standing(actor, ctx);
      if (st === 'leader') throw new AppError('facilitators_see_counts', 'Facilitators see how the meeting went as counts; the question is for the members who came.', 403);
      if (st !== 'seat' && st !== 'participant') refuse(st);
      if (!ctx.session || ctx.session.ended_at === null) throw new AppError('not_ended', 'You can say whether the meeting helped once it has ended.', 409);
      try {
        await roomStore.insertFeedback(db, ctx.session.id, actor.id, answer, now());
      } catch (err) {
        if (isUniqueViolation(err)) throw new AppError('feedback_given', 'You have already answered for this meeting. Thank you.', 409);
        throw err;
      }
      return view(actor, ctx, ctx.session, st);
    },

    /**
     * Watches every started room's leader: gone (no live connection) for LEADER_GRACE_SECONDS,
     * the co-facilitator takes over if in the room, or the room pauses; a leader coming back
     * resumes it. Every node runs it; the guarded updates make that safe. Tests call it directly.
     */
    async checkLeaders(): Promise<void> {
      const t = now();
      for (const session of await roomStore.openSessions(db)) {
        if (Number(session.current_step) < 0) continue;
        const meeting = await store.findMeeting(db, session.meeting_id);
        if (!meeting) continue;
        const here = await whoIsHere(session.conversation_id);
        const leaders = [meeting.facilitator_id, meeting.co_facilitator_id].filter((x): x is string => x !== null);
        const current = session.leader_id;
        let patch: roomStore.SessionPatch | null = null;
        if (current !== null && here.has(current)) {
          leaderGoneSince.delete(session.id);
          if (session.paused_at !== null) patch = { paused_at: null };
        } else {
          const since = leaderGoneSince.get(session.id) ?? t;
          leaderGoneSince.set(session.id, since);
          const other = leaders.find((l) => l !== current && here.has(l));
          if (session.paused_at !== null && other) patch = { leader_id: other, paused_at: null };
          else if (t - since >= LEADER_GRACE_SECONDS * 1000) patch = other ? { leader_id: other } : session.paused_at === null ? { paused_at: t } : null;
        }
        if (patch && (await roomStore.updateSession(db, session.id, patch, { leaderId: current }))) {
          if (patch.leader_id) leaderGoneSince.delete(session.id);
          const ctx = await contextOf(meeting, session.local_date);
          await bus.publish('meeting.live', { live: await live(ctx, (await roomStore.findSession(db, session.meeting_id, session.local_date))!) });
        }
      }
    },

    /** Ends rooms still open an hour after their meeting's scheduled end (the leader forgot, or left). */
    async sweep(): Promise<number> {
      const t = now();
      let ended = 0;
      for (const session of await roomStore.openSessions(db)) {
        const meeting = await store.findMeeting(db, session.meeting_id);
        if (!meeting) continue;
        const ctx = await contextOf(meeting, session.local_date).catch(() => null);
        // A series edited so that this date is no longer one of its meetings: its room ends too.
        if (ctx && t < ctx.endsAt + ROOM_SWEEP_AFTER_END_MINUTES * MINUTE) continue;
        if (await end(ctx ?? { meeting, localDate: session.local_date, startsAt: session.opened_at, endsAt: session.opened_at, cancelled: false, reason: null, session }, session, null)) ended++;
      }
      return ended;
    },

    /** The room's session for a conversation, for the socket layer. */
    sessionOf: (conversationId: string) => roomStore.sessionOfConversation(db, conversationId),
  };

  /** `memberId` is in the room now (a participant or a host), else a kind 404. */
  async function assertInRoom(session: MeetingSessionRow, memberId: string): Promise<'participant' | 'host'> {
    const role = await messaging.roleIn(session.conversation_id, memberId);
    if (role === null) throw new AppError('not_in_room', 'That member is not in this meeting room.', 404);
    return role;
  }
}
