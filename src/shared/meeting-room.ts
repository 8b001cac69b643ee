import { Type, type Static } from 'typebox';
import { REACTIONS } from './forum-rules.js';

/**
 * The live room of one meeting occurrence (/api/v1/meetings/:id/occurrences/:date/room): who
 * leads, the agenda step, the share queue and the floor, the facilitator's tools, the end and the
 * one question after. HTTP for reads and actions; Socket.IO pushes `meeting:live` to everyone in
 * the room whenever any of it changes. Shared by the server and the web client.
 */

/** The room opens this long before the start (in the lobby until the leader starts the meeting). */
export const ROOM_OPENS_MINUTES_BEFORE = 10;
/** A room still open this long after its scheduled end is ended by the sweep. */
export const ROOM_SWEEP_AFTER_END_MINUTES = 60;
/** How long the room waits for a leader who lost their connection before the co-facilitator takes over, or the room pauses. */
export const LEADER_GRACE_SECONDS = 20;
/** A share's optional timer. */
export const SHARE_SECONDS_MIN = 30;
export const SHARE_SECONDS_MAX = 30 * 60;
/** The agenda step before the first: the lobby. */
export const LOBBY_STEP = -1;
/** Supportive reactions anyone may send while someone shares: the forums' own set. */
export const MEETING_REACTIONS = REACTIONS;
export const MEETING_FEEDBACK = ['yes', 'somewhat', 'no'] as const;
export type MeetingFeedbackAnswer = (typeof MEETING_FEEDBACK)[number];

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Person = Type.Object({ id: Type.String(), handle: Type.String() });
export type MeetingPerson = Static<typeof Person>;

/** Everything everyone in the room sees, pushed whole on every change. */
export const MeetingLive = Type.Object({
  meetingId: Type.String(),
  localDate: Type.String(),
  conversationId: Type.String(),
  title: Type.String(),
  group: Type.Object({ slug: Type.String(), name: Type.String() }),
  startsAt: Type.Number({ description: 'UTC ms, a moved occurrence where it now is' }),
  endsAt: Type.Number({ description: 'UTC ms' }),
  timeZone: Type.String(),
  agenda: Type.Array(Type.String()),
  /** Index into the agenda; -1 while in the lobby (the leader has not started the meeting). */
  currentStep: Type.Integer(),
  facilitator: Nullable(Person),
  coFacilitator: Nullable(Person),
  /** Who leads now: the facilitator, or the co-facilitator who took over. */
  leader: Nullable(Person),
  /** Who has the floor, since when, and for how long (null: no timer). */
  speaker: Nullable(Type.Object({ id: Type.String(), handle: Type.String(), since: Type.Number(), shareSeconds: Nullable(Type.Integer()) })),
  /** The members in the room now (facilitators and moderators not listed), for the facilitators' tools. */
  people: Type.Array(Person),
  /** The share queue, oldest hand first. */
  hands: Type.Array(Type.Object({ id: Type.String(), handle: Type.String(), raisedAt: Type.Number() })),
  locked: Type.Boolean(),
  /** Only leaders may write; reactions still go. */
  allMuted: Type.Boolean(),
  /** Set while no leader is connected: the room waits with a notice. */
  pausedAt: Nullable(Type.Number()),
  endedAt: Nullable(Type.Number()),
  /** How many members came (leaders not counted): a number only, set at the end. */
  attendance: Nullable(Type.Integer()),
  /** The room's messages are deleted when the meeting ends (the operator's setting). */
  deletesMessages: Type.Boolean(),
});
export type MeetingLive = Static<typeof MeetingLive>;

export const FeedbackCounts = Type.Object({ yes: Type.Integer(), somewhat: Type.Integer(), no: Type.Integer() });
export type FeedbackCounts = Static<typeof FeedbackCounts>;

/** What one person sees on opening the room. */
export const MeetingRoomView = Type.Object({
  live: MeetingLive,
  me: Type.Object({
    /** The facilitator or co-facilitator: the agenda, the floor and the end are theirs. */
    isLeader: Type.Boolean(),
    /** A leader, or a moderator handed in: mute, remove, lock and hand on. */
    isHost: Type.Boolean(),
    /** Their answer to "Did this meeting help?", once given. */
    feedback: Nullable(Type.Enum(MEETING_FEEDBACK)),
  }),
  /** For leaders, once the meeting has ended: the answers as counts, never who. */
  feedbackCounts: Nullable(FeedbackCounts),
});
export type MeetingRoomView = Static<typeof MeetingRoomView>;

export const HandBody = Type.Object({ raised: Type.Boolean({ errorMessage: 'Please say whether your hand is up or down.' }) }, { additionalProperties: false });
export const StepBody = Type.Object(
  { step: Type.Integer({ minimum: 0, maximum: 50, errorMessage: 'Please choose a step of the agenda.' }) },
  { additionalProperties: false },
);
export const FloorBody = Type.Object(
  {
    /** Who gets the floor; null ends the current share. */
    memberId: Nullable(Type.String({ minLength: 1, maxLength: 40 })),
    shareSeconds: Type.Optional(
      Nullable(
        Type.Integer({ minimum: SHARE_SECONDS_MIN, maximum: SHARE_SECONDS_MAX, errorMessage: `A share’s timer can run from ${SHARE_SECONDS_MIN} seconds to ${SHARE_SECONDS_MAX / 60} minutes.` }),
      ),
    ),
  },
  { additionalProperties: false },
);
export const SwitchBody = Type.Object({ on: Type.Boolean({ errorMessage: 'Please say on or off.' }) }, { additionalProperties: false });
export const MemberBody = Type.Object({ memberId: Type.String({ minLength: 1, maxLength: 40, errorMessage: 'Please choose someone in the room.' }) }, { additionalProperties: false });
export const HandOffBody = Type.Object(
  {
    memberId: Type.String({ minLength: 1, maxLength: 40, errorMessage: 'Please choose someone in the room.' }),
    to: Type.Enum(['listener', 'moderator'], { errorMessage: 'Please choose a listener or a moderator.' }),
  },
  { additionalProperties: false },
);
export const ReactionBody = Type.Object({ reaction: Type.Enum(MEETING_REACTIONS, { errorMessage: 'That is not one of Kindred’s reactions.' }) }, { additionalProperties: false });
export const FeedbackBody = Type.Object({ answer: Type.Enum(MEETING_FEEDBACK, { errorMessage: 'Please choose yes, somewhat or no.' }) }, { additionalProperties: false });
export const HandOffResult = Type.Object({ to: Type.Enum(['listener', 'moderator']), requestId: Nullable(Type.String()) });
export type HandOffResult = Static<typeof HandOffResult>;

/** Socket pushes of the live room (added to ServerToClientEvents in messaging.ts). */
export interface MeetingRoomPushes {
  /** The room changed: the whole live state, to everyone in it. */
  'meeting:live': (live: MeetingLive) => void;
  /** Someone sent a supportive reaction (not stored). */
  'meeting:reaction': (input: { conversationId: string; handle: string; reaction: (typeof MEETING_REACTIONS)[number] }) => void;
  /** To the member a leader removed from the room. */
  'meeting:removed': (input: { conversationId: string }) => void;
  /** To the member a leader handed to a listener or a moderator. */
  'meeting:handed': (input: { conversationId: string; to: 'listener' | 'moderator' }) => void;
}
