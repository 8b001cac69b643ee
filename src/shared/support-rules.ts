/**
 * Rules of one-to-one support that server and web share (no schemas, so the web bundle
 * stays small): the topics a member can ask about, the listener's limits and the queue's
 * timings.
 */
export const SUPPORT_TOPICS = ['feeling_low', 'anxiety', 'loneliness', 'grief', 'relationships', 'work_or_school', 'sleep', 'self_harm', 'something_else'] as const;
export type SupportTopic = (typeof SUPPORT_TOPICS)[number];

/** A listener takes one chat at a time unless they choose up to three. */
export const LISTENER_CAPACITY_MIN = 1;
export const LISTENER_CAPACITY_MAX = 3;
export const LISTENER_CAPACITY_DEFAULT = 1;

export const REQUEST_NOTE_MAX = 500;
export const APPLICATION_MOTIVATION_MAX = 1000;
export const REVIEW_NOTE_MAX = 500;
export const FEEDBACK_NOTE_MAX = 1000;

/** A listener has this long to accept an offer before it moves to the next listener. */
export const OFFER_SECONDS = 60;
/** A member whose connection drops keeps their place this long. */
export const AWAY_GRACE_SECONDS = 120;
/** After this much time on duty a listener is nudged to take a break. */
export const BREAK_NUDGE_MINUTES = 120;

export const HELPED = ['yes', 'somewhat', 'no'] as const;
export type Helped = (typeof HELPED)[number];
