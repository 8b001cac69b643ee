import type { Static } from 'typebox';
import type * as Safety from '../../shared/safety';

/** The safety contract's shapes, for the web client (types only: nothing of typebox is bundled). */
export type { AlertStats, CrisisResponse, ReplyCareNudge, RiskAlert, SafetyCheck, SafetyCheckBody, SafetyPlan, SafetyPlanFields, SafetyPlanStep } from '../../shared/safety';

export type RiskAlertList = Static<typeof Safety.RiskAlertList>;
export type RiskLevel = Static<typeof Safety.RiskLevelName>;
export type RiskCategory = Static<typeof Safety.RiskCategoryName>;
export type HeldReason = Static<typeof Safety.HeldReason>;
export type AlertView = NonNullable<Static<typeof Safety.RiskAlertQuery>['view']>;

/* The contract's limits and vocabularies, without TypeBox. */
export { ALERT_NOTE_MAX, REPLY_CARE_NUDGES, SAFETY_CHECK_TEXT_MAX, SAFETY_PLAN_FIELD_MAX, SAFETY_PLAN_STEPS } from '../../shared/safety-rules';
