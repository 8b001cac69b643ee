import { Type, type Static } from 'typebox';
import { ContentWarningName, SafetyOutcome } from './forum.js';
import { HeldReason } from './safety.js';
import type { MeetingRoomPushes } from './meeting-room.js';

/**
 * The messaging contract shared by server and web: group rooms now, support chats and
 * meeting rooms later, over HTTP (/api/v1) and Socket.IO alike.
 */

export const MESSAGE_MAX = 4000;
export const GUIDELINES_MAX = 2000;
export const REMOVAL_REASON_MAX = 300;
export const SLOW_MODE_MAX_SECONDS = 3600;
export const MUTE_MAX_MINUTES = 7 * 24 * 60;
/** Messages per history page, and the most a catch-up returns before the client asks again. */
export const HISTORY_PAGE = 50;
export const CATCH_UP_MAX = 500;
/** How long a "typing…" lasts without another keystroke. */
export const TYPING_TTL_MS = 6000;

export const CONVERSATION_KINDS = ['room', 'support', 'meeting', 'debrief'] as const;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];

export const MessageAuthor = Type.Object({
  /** Null once the author deleted their account. */
  id: Type.Union([Type.String(), Type.Null()]),
  handle: Type.Union([Type.String(), Type.Null()]),
  /** A listener, facilitator, moderator or admin: someone who looks after the room. */
  isHost: Type.Boolean(),
});
export type MessageAuthor = Static<typeof MessageAuthor>;

/**
 * One message as every reader sees it: the same payload goes to everyone in the room, so
 * "is this mine" is decided by the client from `author.id`.
 */
export const ChatMessage = Type.Object({
  id: Type.String(),
  conversationId: Type.String(),
  /** Gapless, commit-ordered position in the conversation: catch-up asks for everything after one. */
  seq: Type.Integer(),
  /** The sender's idempotency key, so the sender can match its pending copy. */
  clientId: Type.String(),
  author: MessageAuthor,
  /** Plain text; empty when removed or deleted. The client turns URLs into links. */
  body: Type.String(),
  contentWarning: Type.Union([ContentWarningName, Type.Null()]),
  status: Type.Enum(['published', 'held', 'removed', 'deleted']),
  /** While held: why (only its author and hosts ever receive a held message). */
  heldReason: Type.Union([HeldReason, Type.Null()]),
  /** Shown with the words: the crisis lines for a country, shared by a listener. */
  card: Type.Union([Type.Object({ type: Type.Literal('crisis_lines'), country: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
  /** Why a host removed it: the author (and hosts) see this; others see only that it was removed. */
  removedReason: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.Number(),
});
export type ChatMessage = Static<typeof ChatMessage>;

export const RoomInfo = Type.Object({
  id: Type.String(),
  kind: Type.Enum(CONVERSATION_KINDS),
  group: Type.Union([Type.Object({ slug: Type.String(), name: Type.String() }), Type.Null()]),
  /** The pinned welcome message with the room's guidelines (plain text). */
  guidelines: Type.String(),
  guidelinesUpdatedAt: Type.Union([Type.Number(), Type.Null()]),
  slowModeSeconds: Type.Integer(),
  lastSeq: Type.Integer(),
  /** Set once the conversation ended (a support chat someone closed): it takes no new messages. */
  closedAt: Type.Union([Type.Number(), Type.Null()]),
});
export type RoomInfo = Static<typeof RoomInfo>;

export const ParticipantState = Type.Object({
  isHost: Type.Boolean(),
  /** Set while a host's mute lasts. */
  mutedUntil: Type.Union([Type.Number(), Type.Null()]),
  /** False until the member has read the guidelines: the composer waits for that. */
  guidelinesSeen: Type.Boolean(),
  lastReadSeq: Type.Integer(),
  /** Slow mode: the earliest the member may send again, when later than now. */
  nextSendAt: Type.Union([Type.Number(), Type.Null()]),
});
export type ParticipantState = Static<typeof ParticipantState>;

/** GET /api/v1/groups/:slug/room — everything the room page needs to open. */
export const RoomView = Type.Object({
  room: RoomInfo,
  me: ParticipantState,
  hereNow: Type.Integer(),
  /** The latest page, oldest first. */
  messages: Type.Array(ChatMessage),
  /** Pass as `before` to load older messages; null at the start of the room. */
  olderCursor: Type.Union([Type.Integer(), Type.Null()]),
});
export type RoomView = Static<typeof RoomView>;

export const MessagePage = Type.Object({
  messages: Type.Array(ChatMessage),
  olderCursor: Type.Union([Type.Integer(), Type.Null()]),
});
export type MessagePage = Static<typeof MessagePage>;

export const MessageBody = Type.String({
  minLength: 1,
  maxLength: MESSAGE_MAX,
  pattern: '\\S',
  errorMessage: {
    minLength: 'Please write something before sending.',
    pattern: 'Please write something before sending.',
    maxLength: `A message can be at most ${MESSAGE_MAX} characters.`,
  },
});

/** A client id: the sender's idempotency key (a UUID or ULID the client made). */
export const ClientId = Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', errorMessage: 'That message id is not valid.' });

export const SendMessageBody = Type.Object({
  clientId: ClientId,
  body: MessageBody,
  contentWarning: Type.Optional(Type.Union([ContentWarningName, Type.Null()])),
});
export type SendMessageBody = Static<typeof SendMessageBody>;

/** What the sender hears back once the message is committed. */
export const SentMessage = Type.Object({
  message: ChatMessage,
  safety: SafetyOutcome,
  /** The message invites contact outside Kindred: a gentle word to the author; moderators were told. */
  offPlatformNudge: Type.Boolean(),
});
export type SentMessage = Static<typeof SentMessage>;

export const RoomSettingsBody = Type.Object({
  guidelines: Type.Optional(Type.String({ maxLength: GUIDELINES_MAX, errorMessage: `The guidelines can be at most ${GUIDELINES_MAX} characters.` })),
  slowModeSeconds: Type.Optional(
    Type.Integer({ minimum: 0, maximum: SLOW_MODE_MAX_SECONDS, errorMessage: `Slow mode can be from 0 (off) to ${SLOW_MODE_MAX_SECONDS} seconds.` }),
  ),
});
export type RoomSettingsBody = Static<typeof RoomSettingsBody>;

export const RemoveMessageBody = Type.Object({
  reason: Type.String({
    minLength: 1,
    maxLength: REMOVAL_REASON_MAX,
    pattern: '\\S',
    errorMessage: { minLength: 'Please tell the author why.', pattern: 'Please tell the author why.', maxLength: `A reason can be at most ${REMOVAL_REASON_MAX} characters.` },
  }),
});

export const MuteBody = Type.Object({
  memberId: Type.String({ minLength: 1, maxLength: 64 }),
  minutes: Type.Integer({ minimum: 0, maximum: MUTE_MAX_MINUTES, errorMessage: `A mute can last from 0 (lift it) to ${MUTE_MAX_MINUTES} minutes.` }),
});

// ---- Socket.IO events ----

/** An error as the socket reports it: the same shape as HTTP errors. */
export interface SocketError {
  code: string;
  message: string;
  /** For rate limits and slow mode: when to try again. */
  retryAfterMs?: number;
  fields?: Record<string, string>;
}

export type Ack<T> = (result: { ok: true; data: T } | { ok: false; error: SocketError }) => void;

export interface JoinResult {
  /** Everything visible after `afterSeq`, in order (at most CATCH_UP_MAX). */
  messages: ChatMessage[];
  /** More remain after the last one: ask again from its seq. */
  more: boolean;
  hereNow: number;
  me: ParticipantState;
  room: RoomInfo;
}

export interface ClientToServerEvents {
  /** Opens a conversation on this socket and returns what was missed since `afterSeq`. */
  'conversation:join': (input: { conversationId: string; afterSeq: number }, ack: Ack<JoinResult>) => void;
  'conversation:leave': (input: { conversationId: string }) => void;
  'message:send': (input: { conversationId: string } & SendMessageBody, ack: Ack<SentMessage>) => void;
  'typing': (input: { conversationId: string; typing: boolean }) => void;
  'conversation:read': (input: { conversationId: string; seq: number }) => void;
}

export interface ServerToClientEvents extends MeetingRoomPushes {
  'message:new': (message: ChatMessage) => void;
  /**
   * To the room's hosts: a message showed signs of risk. Moderators have the alert too;
   * the host can reach out in the room at once.
   */
  /** To a conversation's hosts only: who wrote it, so a meeting's facilitator can act on it without leaving the room. */
  'message:risk': (input: { conversationId: string; messageId: string; level: 'ideation' | 'plan' | 'imminent'; urgent: boolean; author: { id: string; handle: string } }) => void;
  /** A message changed (removed by a host, deleted by its author). */
  'message:updated': (message: ChatMessage) => void;
  'typing': (input: { conversationId: string; handle: string; typing: boolean }) => void;
  'presence': (input: { conversationId: string; hereNow: number }) => void;
  'conversation:updated': (room: RoomInfo) => void;
  /** This member's own standing in a conversation changed (muted, unmuted). */
  'participant:updated': (input: { conversationId: string; me: ParticipantState }) => void;
  /** The member's support request or chats changed (queue place, an offer, a match, an end): ask again. */
  'support:changed': () => void;
  /** The member's notifications changed: the badge follows `unread`. */
  'notifications:changed': (input: { unread: number }) => void;
  /** To moderators: the review queue changed; ask again. */
  'moderation:changed': () => void;
}

/** Socket.IO room names: one per conversation, one per member (all their tabs and devices). */
export const socketRooms = {
  conversation: (id: string) => `c:${id}`,
  hosts: (id: string) => `h:${id}`,
  member: (id: string) => `m:${id}`,
  /** Every moderator's and admin's sockets, for the live review queue. */
  moderators: 'mods',
  /** Sockets of members who blocked `authorId`: what that author says skips them. */
  hiding: (authorId: string) => `x:${authorId}`,
  /** Sockets of members `authorId` blocked: what that author says skips them too, unless they host the conversation. */
  blockedBy: (authorId: string) => `y:${authorId}`,
};

// ---- Flags for moderators ----

export const FlaggedItem = Type.Object({
  id: Type.String(),
  reason: Type.Enum(['off_platform_contact', 'moderator_requested', 'chat_reported']),
  /** What the person who reported a chat said. */
  note: Type.Union([Type.String(), Type.Null()]),
  /** For a listener's call for a moderator: the support chat to join. */
  conversationId: Type.Union([Type.String(), Type.Null()]),
  /** When that conversation is a meeting's live room: the meeting and the occurrence, so the moderator goes to the room. */
  meeting: Type.Union([Type.Object({ id: Type.String(), localDate: Type.String() }), Type.Null()]),
  status: Type.Enum(['open', 'resolved']),
  createdAt: Type.Number(),
  resolvedAt: Type.Union([Type.Number(), Type.Null()]),
  resolvedBy: Type.Union([Type.String(), Type.Null()]),
  /** The message as it reads now (empty once removed or deleted), and where it was said. */
  message: Type.Union([
    Type.Object({
      id: Type.String(),
      body: Type.String(),
      status: Type.Enum(['published', 'held', 'removed', 'deleted']),
      createdAt: Type.Number(),
    }),
    Type.Null(),
  ]),
  room: Type.Union([Type.Object({ slug: Type.String(), name: Type.String() }), Type.Null()]),
  author: Type.Object({ id: Type.Union([Type.String(), Type.Null()]), handle: Type.Union([Type.String(), Type.Null()]) }),
});
export type FlaggedItem = Static<typeof FlaggedItem>;

export const FlagList = Type.Object({ items: Type.Array(FlaggedItem), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type FlagList = Static<typeof FlagList>;
export const FlagQuery = Type.Object({
  view: Type.Optional(Type.Enum(['open', 'resolved'], { errorMessage: 'Choose open or resolved flags.' })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});
