import { Type, type Static } from 'typebox';
import { LANGUAGES } from './rules.js';
import { SafetyOutcome } from './forum.js';
import { FEEDBACK_NOTE_MAX, HELPED, REQUEST_NOTE_MAX, SUPPORT_TOPICS } from './support-rules.js';

/** The listener queue's HTTP contract (/api/v1/support), shared by server and web. */

const Topic = Type.Enum(SUPPORT_TOPICS, { errorMessage: 'Please choose topics from the list.' });

export const SupportRequestBody = Type.Object({
  topics: Type.Array(Topic, { minItems: 1, maxItems: SUPPORT_TOPICS.length, uniqueItems: true, errorMessage: 'Please choose at least one topic.' }),
  language: Type.Enum(LANGUAGES, { errorMessage: 'Please choose a language.' }),
  note: Type.Optional(Type.String({ maxLength: REQUEST_NOTE_MAX, errorMessage: `A note can be at most ${REQUEST_NOTE_MAX} characters.` })),
});
export type SupportRequestBody = Static<typeof SupportRequestBody>;

export const SupportStatus = Type.Enum(['waiting', 'offered', 'matched', 'ended', 'cancelled', 'expired']);

/** A member's own request, as they see it. */
export const MySupportRequest = Type.Object({
  id: Type.String(),
  status: SupportStatus,
  topics: Type.Array(Topic),
  language: Type.String(),
  createdAt: Type.Number(),
  /** 1 = next among requests in the same language; null once matched or over. */
  position: Type.Union([Type.Integer(), Type.Null()]),
  /** From free listeners and the recent pace (see support.estimate.ts); null when there is too little to go on. */
  estimatedWaitMinutes: Type.Union([Type.Integer(), Type.Null()]),
  /** Why there is no number: nobody on duty speaks the language, or the wait may pass the time limit. */
  waitNote: Type.Union([Type.Literal('no_listener_on_duty'), Type.Literal('longer_than_limit'), Type.Null()]),
  /** The private chat, once a listener accepted. */
  conversationId: Type.Union([Type.String(), Type.Null()]),
  listener: Type.Union([Type.Object({ handle: Type.String() }), Type.Null()]),
  endReason: Type.Union([Type.String(), Type.Null()]),
  feedbackGiven: Type.Boolean(),
});
export type MySupportRequest = Static<typeof MySupportRequest>;

export const SupportRequestCreated = Type.Object({ request: MySupportRequest, safety: SafetyOutcome });
export const MySupportState = Type.Object({ request: Type.Union([MySupportRequest, Type.Null()]) });

/** What a listener is offered: never who asked, only what and how urgent. */
export const SupportOffer = Type.Object({
  requestId: Type.String(),
  topics: Type.Array(Topic),
  language: Type.String(),
  riskLevel: Type.String(),
  waitingSeconds: Type.Integer(),
  expiresAt: Type.Number(),
});
export type SupportOffer = Static<typeof SupportOffer>;

/** The queue as listeners see it: anonymised. */
export const QueueItem = Type.Object({ topics: Type.Array(Topic), language: Type.String(), waitingSeconds: Type.Integer(), urgent: Type.Boolean() });
export const ListenerQueue = Type.Object({
  offer: Type.Union([SupportOffer, Type.Null()]),
  waiting: Type.Array(QueueItem),
  chats: Type.Array(Type.Object({ requestId: Type.String(), conversationId: Type.String(), member: Type.Object({ handle: Type.String() }), matchedAt: Type.Number() })),
  /** What members said afterwards, without saying who. */
  feedback: Type.Array(Type.Object({ helped: Type.Enum(HELPED), note: Type.String(), at: Type.Number() })),
});
export type ListenerQueue = Static<typeof ListenerQueue>;

export const SupportFeedbackBody = Type.Object({
  helped: Type.Enum(HELPED, { errorMessage: 'Please say whether it helped.' }),
  noteForListener: Type.Optional(Type.String({ maxLength: FEEDBACK_NOTE_MAX, errorMessage: `A note can be at most ${FEEDBACK_NOTE_MAX} characters.` })),
  noteForModerators: Type.Optional(Type.String({ maxLength: FEEDBACK_NOTE_MAX, errorMessage: `A note can be at most ${FEEDBACK_NOTE_MAX} characters.` })),
});
export type SupportFeedbackBody = Static<typeof SupportFeedbackBody>;

/** For operators: aggregates only, never who. */
export const SupportStats = Type.Object({
  days: Type.Integer(),
  requests: Type.Integer(),
  matched: Type.Integer(),
  /** Requests that ended without a listener (nobody free, or the member left or cancelled while waiting). */
  unmatchedShare: Type.Union([Type.Number(), Type.Null()]),
  waitSeconds: Type.Object({ p50: Type.Union([Type.Number(), Type.Null()]), p90: Type.Union([Type.Number(), Type.Null()]) }),
  chatsPerListenerPerWeek: Type.Union([Type.Number(), Type.Null()]),
  helped: Type.Object({ yes: Type.Integer(), somewhat: Type.Integer(), no: Type.Integer() }),
});
export type SupportStats = Static<typeof SupportStats>;

export const SupportReportBody = Type.Object({
  note: Type.String({
    minLength: 1,
    maxLength: FEEDBACK_NOTE_MAX,
    pattern: '\\S',
    errorMessage: { minLength: 'Please say what happened.', pattern: 'Please say what happened.', maxLength: `A report can be at most ${FEEDBACK_NOTE_MAX} characters.` },
  }),
});
export type SupportReportBody = Static<typeof SupportReportBody>;
