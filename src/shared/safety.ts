import { Type, type Static } from 'typebox';

/**
 * The safety module's HTTP contract (/api/v1): the author's response in the moment, the
 * draft check, moderators' risk alerts and the member's own safety plan. Shared by server
 * and web (types only).
 */

import {
  ALERT_NOTE_MAX,
  REPLY_CARE_NUDGES,
  RISK_CATEGORY_NAMES,
  RISK_LEVEL_NAMES,
  SAFETY_CHECK_TEXT_MAX,
  SAFETY_PLAN_FIELD_MAX,
  SAFETY_PLAN_STEPS,
  type SafetyPlanStep,
} from './safety-rules.js';

export { ALERT_NOTE_MAX, REPLY_CARE_NUDGES, RISK_CATEGORY_NAMES, RISK_LEVEL_NAMES, SAFETY_CHECK_TEXT_MAX, SAFETY_PLAN_FIELD_MAX, SAFETY_PLAN_STEPS, type SafetyPlanStep };

export const RiskLevelName = Type.Enum(RISK_LEVEL_NAMES);
export const RiskCategoryName = Type.Enum(RISK_CATEGORY_NAMES);
export const ReplyCareNudge = Type.Enum(REPLY_CARE_NUDGES);
export type ReplyCareNudge = Static<typeof ReplyCareNudge>;

/**
 * What the author sees right after submitting: `screen` (imminent) is the full-screen crisis
 * screen first, `card` (ideation or plan) the calm crisis card, `helping` the "how to help
 * someone else" card when they wrote about another person, `none` nothing.
 */
export const CrisisResponse = Type.Enum(['none', 'card', 'screen', 'helping']);
export type CrisisResponse = Static<typeof CrisisResponse>;

/**
 * Why a text waits for a moderator instead of being published: method details or harassment
 * (the safety check), off-platform contact (only in private support chats), a link from a
 * member who is new here, or the same words sent again and again (spam).
 */
export const HeldReason = Type.Enum(['method_detail', 'harassment', 'off_platform_contact', 'new_member_link', 'repeated']);
export type HeldReason = Static<typeof HeldReason>;

/** A debounced look at a draft; nothing is stored or logged. */
export const SafetyCheckBody = Type.Object(
  {
    text: Type.String({ maxLength: SAFETY_CHECK_TEXT_MAX, errorMessage: { maxLength: 'That draft is too long to check.' } }),
    kind: Type.Enum(['post', 'reply', 'message'], { errorMessage: 'Please say what kind of text this is.' }),
  },
  { additionalProperties: false },
);
export type SafetyCheckBody = Static<typeof SafetyCheckBody>;
export const SafetyCheck = Type.Object({
  /** True from ideation up: offer help and the safety plan, never block. */
  offerHelp: Type.Boolean(),
  /** The draft is about someone else who may be at risk. */
  concernForOther: Type.Boolean(),
  /** The draft would be held for review (method details or harassment). */
  wouldHold: Type.Boolean(),
  /** For replies and messages: reply-with-care guidance worth a gentle word. */
  replyCare: Type.Array(ReplyCareNudge),
});
export type SafetyCheck = Static<typeof SafetyCheck>;

// ---- Risk alerts (moderators and admins only) ----

export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export const AlertStatus = Type.Enum(ALERT_STATUSES);

export const RiskAlert = Type.Object({
  id: Type.String(),
  level: RiskLevelName,
  urgent: Type.Boolean(),
  categories: Type.Array(RiskCategoryName),
  status: AlertStatus,
  createdAt: Type.Number(),
  acknowledgedAt: Type.Union([Type.Number(), Type.Null()]),
  acknowledgedBy: Type.Union([Type.String(), Type.Null()]),
  resolvedAt: Type.Union([Type.Number(), Type.Null()]),
  resolvedBy: Type.Union([Type.String(), Type.Null()]),
  resolutionNote: Type.Union([Type.String(), Type.Null()]),
  /** Where the words are, as they read now (the alert keeps no copy of them). */
  content: Type.Object({
    type: Type.Enum(['post', 'reply', 'message', 'support_request']),
    id: Type.String(),
    /** The thread of a post or reply; null for a chat message. */
    postId: Type.Union([Type.String(), Type.Null()]),
    /** The thread's title; for a chat message, the room's name. */
    postTitle: Type.String(),
    /** Null for a conversation outside any group. */
    group: Type.Union([Type.Object({ slug: Type.String(), name: Type.String() }), Type.Null()]),
    /** Plain text as assessed (title and body for a post); empty once deleted. */
    text: Type.String(),
    status: Type.Enum(['published', 'held', 'removed', 'deleted']),
  }),
  /** "Anonymous member" stays anonymous here; a moderator reveals through the audited route. */
  author: Type.Object({ handle: Type.Union([Type.String(), Type.Null()]), anonymous: Type.Boolean() }),
  /** Why the engine raised it: rule ids and, while the text is unchanged, where in the text. */
  matches: Type.Array(Type.Object({ rule: Type.String(), start: Type.Integer(), end: Type.Integer() })),
});
export type RiskAlert = Static<typeof RiskAlert>;

export const RiskAlertList = Type.Object({ items: Type.Array(RiskAlert), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export const RiskAlertEnvelope = Type.Object({ alert: RiskAlert });
export const RiskAlertQuery = Type.Object({
  /** active = open and acknowledged (urgent first, then oldest first); resolved = newest first. */
  view: Type.Optional(Type.Enum(['active', 'resolved'], { errorMessage: 'Please choose active or resolved alerts.' })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});
export const ResolveAlertBody = Type.Object(
  {
    note: Type.String({
      minLength: 1,
      maxLength: ALERT_NOTE_MAX,
      pattern: '\\S',
      errorMessage: {
        minLength: 'Please write a short note on what was done.',
        pattern: 'Please write a short note on what was done.',
        maxLength: `A note can be at most ${ALERT_NOTE_MAX} characters.`,
      },
    }),
  },
  { additionalProperties: false },
);
export type ResolveAlertBody = Static<typeof ResolveAlertBody>;
export const AlertStats = Type.Object({
  open: Type.Integer(),
  urgentOpen: Type.Integer(),
  acknowledged: Type.Integer(),
  /** Median time from alert to acknowledgement over the last 30 days, in seconds; null with none. */
  medianSecondsToAcknowledge: Type.Union([Type.Number(), Type.Null()]),
  acknowledgedLast30Days: Type.Integer(),
});
export type AlertStats = Static<typeof AlertStats>;

// ---- The personal safety plan (its owner only) ----


const PlanField = Type.String({
  maxLength: SAFETY_PLAN_FIELD_MAX,
  errorMessage: { maxLength: `Each part of the plan can be at most ${SAFETY_PLAN_FIELD_MAX} characters.` },
});
export const SafetyPlanFields = Type.Object(
  {
    warningSigns: PlanField,
    copingStrategies: PlanField,
    distractions: PlanField,
    peopleToAsk: PlanField,
    professionals: PlanField,
    safeEnvironment: PlanField,
    reasonsForLiving: PlanField,
  },
  { additionalProperties: false },
);
export type SafetyPlanFields = Static<typeof SafetyPlanFields>;
export const SafetyPlan = Type.Object({
  plan: SafetyPlanFields,
  /** Null until the member first saves it. */
  updatedAt: Type.Union([Type.Number(), Type.Null()]),
});
export type SafetyPlan = Static<typeof SafetyPlan>;
