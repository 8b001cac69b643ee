/** The safety module's limits and vocabularies, shared by server and web without pulling in schemas. */
export const RISK_LEVEL_NAMES = ['none', 'distress', 'ideation', 'plan', 'imminent'] as const;
export const RISK_CATEGORY_NAMES = ['suicidal', 'self_harm', 'method_detail', 'farewell', 'concern_for_other', 'harassment'] as const;
export const REPLY_CARE_NUDGES = ['minimising', 'toxic_positivity', 'private_contact', 'tough_love'] as const;
export type ReplyCareNudgeName = (typeof REPLY_CARE_NUDGES)[number];

/** A draft longer than this is not checked while typing. */
export const SAFETY_CHECK_TEXT_MAX = 20_000;
export const ALERT_NOTE_MAX = 2000;

/** The Stanley–Brown safety plan's six steps, then reasons for living. */
export const SAFETY_PLAN_STEPS = ['warningSigns', 'copingStrategies', 'distractions', 'peopleToAsk', 'professionals', 'safeEnvironment', 'reasonsForLiving'] as const;
export type SafetyPlanStep = (typeof SAFETY_PLAN_STEPS)[number];
export const SAFETY_PLAN_FIELD_MAX = 4000;
