import { Type, type Static } from 'typebox';

/** Moderation's HTTP contract (/api/v1/reports, /api/v1/moderation/…), shared by server and web. */

export const REPORT_REASONS = ['at_risk', 'harassment', 'spam', 'off_platform', 'method_details', 'misinformation', 'privacy', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export const REPORT_TARGETS = ['post', 'reply', 'message', 'member', 'listener'] as const;
export type ReportTarget = (typeof REPORT_TARGETS)[number];
export const REPORT_NOTE_MAX = 500;
/** "Someone may be at risk" reports a member may make in a day: enough to care, too few to harass with. */
export const AT_RISK_REPORTS_PER_DAY = 3;

/** The community guidelines a removal or a warning can name (their words are in the guidelines page), plus spam. */
export const RULES = ['kind', 'safe', 'open', 'privacy', 'peers', 'spam'] as const;
export type Rule = (typeof RULES)[number];
export const ACTION_REASON_MAX = 500;
export const MUTE_HOURS_MAX = 24 * 14;
export const SUSPEND_DAYS_MAX = 365;

export const ReportBody = Type.Object({
  targetType: Type.Enum(REPORT_TARGETS, { errorMessage: 'Please say what you are reporting.' }),
  /** The content's id, or the member's handle for a member or a listener. */
  targetId: Type.String({ minLength: 1, maxLength: 100, errorMessage: 'Please say what you are reporting.' }),
  reason: Type.Enum(REPORT_REASONS, { errorMessage: 'Please choose a reason.' }),
  note: Type.Optional(Type.String({ maxLength: REPORT_NOTE_MAX, errorMessage: `A note can be at most ${REPORT_NOTE_MAX} characters.` })),
});
export type ReportBody = Static<typeof ReportBody>;

/** A report as the member who made it sees it: never who it was about beyond what they reported. */
export const MyReport = Type.Object({
  id: Type.String(),
  targetType: Type.Enum(REPORT_TARGETS),
  reason: Type.Enum(REPORT_REASONS),
  /** open: waiting for a moderator; actioned: a moderator acted on it; dismissed: looked at, nothing against the guidelines. */
  status: Type.Enum(['open', 'actioned', 'dismissed']),
  createdAt: Type.Number(),
  resolvedAt: Type.Union([Type.Number(), Type.Null()]),
  /** Where the reported thing is, when the reporter can still open it. */
  link: Type.Union([Type.String(), Type.Null()]),
});
export type MyReport = Static<typeof MyReport>;
export const MyReportList = Type.Object({ items: Type.Array(MyReport) });

export const REVIEW_TYPES = ['report', 'safety_hold', 'new_member_hold', 'risk_alert', 'flag'] as const;
export type ReviewType = (typeof REVIEW_TYPES)[number];

export const ReviewQuery = Type.Object({
  type: Type.Optional(Type.Enum(REVIEW_TYPES)),
  group: Type.Optional(Type.String({ maxLength: 100 })),
  urgency: Type.Optional(Type.Enum(['urgent', 'all'])),
});
export type ReviewQuery = Static<typeof ReviewQuery>;

const Handle = Type.Object({ handle: Type.String() });

/** One thing waiting for a moderator. `key` names it in the queue's routes. */
export const ReviewItem = Type.Object({
  key: Type.String(),
  /** The main reason it is here; `types` lists every source (one thing can be reported and held at once). */
  type: Type.Enum(REVIEW_TYPES),
  types: Type.Array(Type.Enum(REVIEW_TYPES)),
  urgent: Type.Boolean(),
  /** When the oldest part of it arrived. */
  createdAt: Type.Number(),
  group: Type.Union([Type.Object({ slug: Type.String(), name: Type.String() }), Type.Null()]),
  target: Type.Object({
    type: Type.Enum(['post', 'reply', 'message', 'member', 'conversation', 'support_request']),
    id: Type.String(),
    /** The words under review (plain text); empty when deleted. */
    text: Type.String(),
    status: Type.Enum(['published', 'held', 'removed', 'deleted', 'active']),
    /** Null for an anonymous author (a moderator can reveal them, which is audited). */
    author: Type.Union([Handle, Type.Null()]),
    anonymous: Type.Boolean(),
    link: Type.Union([Type.String(), Type.Null()]),
    /** The author's (or the member's) trust level, 0 new … 3 regular; null when the author is not shown (anonymous, deleted) or there is none. */
    trustLevel: Type.Union([Type.Integer(), Type.Null()]),
  }),
  /** Reports: each reason and how many reported it; never who. */
  reasons: Type.Array(Type.Object({ reason: Type.Enum(REPORT_REASONS), count: Type.Integer() })),
  notes: Type.Array(Type.String()),
  /** Why it is held or flagged (safety categories, off-platform contact, a new member's link, repeated words…). */
  why: Type.Union([Type.String(), Type.Null()]),
  riskLevel: Type.Union([Type.String(), Type.Null()]),
  /** Shown blurred until the moderator chooses to read it. */
  distressing: Type.Boolean(),
  claim: Type.Union([Type.Object({ handle: Type.String(), claimedAt: Type.Number(), mine: Type.Boolean() }), Type.Null()]),
});
export type ReviewItem = Static<typeof ReviewItem>;
export const ReviewList = Type.Object({
  items: Type.Array(ReviewItem),
  counts: Type.Object({ total: Type.Integer(), urgent: Type.Integer() }),
  /** Groups that have items, for the filter. */
  groups: Type.Array(Type.Object({ slug: Type.String(), name: Type.String() })),
});
export type ReviewList = Static<typeof ReviewList>;

export const ReviewKeyParams = Type.Object({ key: Type.String({ minLength: 3, maxLength: 200 }) });

const Reason = Type.String({ minLength: 1, maxLength: ACTION_REASON_MAX, errorMessage: `Please write a short reason (at most ${ACTION_REASON_MAX} characters).` });
const RuleName = Type.Enum(RULES, { errorMessage: 'Please choose the guideline it goes against.' });

/** What a moderator decides about the content of a review item. */
export const ContentActionBody = Type.Union(
  [
    /** It is fine: publish what was held, close the reports and flags on it. */
    Type.Object({ action: Type.Literal('approve'), reason: Type.Optional(Type.String({ maxLength: ACTION_REASON_MAX })) }),
    /** Looked at, nothing to do (a report that does not hold up, an alert already cared for). */
    Type.Object({ action: Type.Literal('dismiss'), reason: Type.Optional(Type.String({ maxLength: ACTION_REASON_MAX })) }),
    /** Take it down; the author is told which guideline, kindly. */
    Type.Object({ action: Type.Literal('remove'), rule: RuleName, reason: Reason }),
  ],
  { errorMessage: 'Please choose approve, dismiss or remove (with a guideline and a reason).' },
);
export type ContentActionBody = Static<typeof ContentActionBody>;

/** What a moderator does about a member. With `itemKey`, the review item it answers is closed as acted on. */
const ItemKey = Type.Optional(Type.String({ maxLength: 200 }));
export const MemberActionBody = Type.Union(
  [
    Type.Object({ action: Type.Literal('warn'), rule: RuleName, reason: Reason, itemKey: ItemKey }),
    Type.Object({ action: Type.Literal('mute'), rule: RuleName, reason: Reason, itemKey: ItemKey, hours: Type.Integer({ minimum: 1, maximum: MUTE_HOURS_MAX, errorMessage: `Please give between 1 and ${MUTE_HOURS_MAX} hours.` }) }),
    Type.Object({ action: Type.Literal('suspend'), rule: RuleName, reason: Reason, itemKey: ItemKey, days: Type.Integer({ minimum: 1, maximum: SUSPEND_DAYS_MAX, errorMessage: `Please give between 1 and ${SUSPEND_DAYS_MAX} days.` }) }),
    Type.Object({ action: Type.Literal('ban'), rule: RuleName, reason: Reason, itemKey: ItemKey }),
    /** Lifts a mute, a suspension or a ban early. */
    Type.Object({ action: Type.Literal('lift'), reason: Reason }),
  ],
  { errorMessage: 'Please choose an action and give a guideline and a reason.' },
);
export type MemberActionBody = Static<typeof MemberActionBody>;
export const MemberActionParams = Type.Object({ handle: Type.String({ minLength: 1, maxLength: 100 }) });

export const RestoreBody = Type.Object({ reason: Reason });
export const ContentParams = Type.Object({ type: Type.Enum(['post', 'reply', 'message']), id: Type.String({ minLength: 1, maxLength: 100 }) });

/** A member's standing as moderators see it. */
export const MemberStanding = Type.Object({
  handle: Type.String(),
  mutedUntil: Type.Union([Type.Number(), Type.Null()]),
  suspendedUntil: Type.Union([Type.Number(), Type.Null()]),
  banned: Type.Boolean(),
  warnings: Type.Integer(),
});
export type MemberStanding = Static<typeof MemberStanding>;

export const AuditEntry = Type.Object({
  id: Type.String(),
  at: Type.Number(),
  actor: Type.Union([Handle, Type.Null()]),
  action: Type.String(),
  targetType: Type.String(),
  targetId: Type.String(),
  reason: Type.Union([Type.String(), Type.Null()]),
  rule: Type.Union([Type.String(), Type.Null()]),
});
export type AuditEntry = Static<typeof AuditEntry>;
export const AuditPage = Type.Object({ items: Type.Array(AuditEntry), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type AuditPage = Static<typeof AuditPage>;
export const AuditQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  action: Type.Optional(Type.String({ maxLength: 80 })),
});

/** For operators: numbers only. */
export const ModerationDashboard = Type.Object({
  openReports: Type.Integer(),
  openAlerts: Type.Integer(),
  urgentAlerts: Type.Integer(),
  heldItems: Type.Integer(),
  openFlags: Type.Integer(),
  /** Median minutes from a report to a moderator's first action on it, over the last 30 days; null with none. */
  medianMinutesToFirstAction: Type.Union([Type.Number(), Type.Null()]),
  actionsLast7Days: Type.Integer(),
});
export type ModerationDashboard = Static<typeof ModerationDashboard>;

/** What a member is told about a moderator's action on their account or their words. */
export const MyNotice = Type.Object({
  id: Type.String(),
  kind: Type.Enum(['warning', 'removal', 'mute', 'suspension']),
  rule: Type.String(),
  reason: Type.String(),
  until: Type.Union([Type.Number(), Type.Null()]),
  createdAt: Type.Number(),
  seen: Type.Boolean(),
});
export type MyNotice = Static<typeof MyNotice>;
export const MyNoticeList = Type.Object({ items: Type.Array(MyNotice) });
