import type { Static } from 'typebox';
import type * as Safety from '../../shared/safety';

/** The safety contract's shapes, for the web client (types only: nothing of typebox is bundled). */
export type { AlertStats, CrisisResponse, ReplyCareNudge, RiskAlert, SafetyCheck, SafetyCheckBody, SafetyPlan, SafetyPlanFields, SafetyPlanStep } from '../../shared/safety';

export type RiskAlertList = Static<typeof Safety.RiskAlertList>;
export type RiskLevel = Static<typeof Safety.RiskLevelName>;
export type RiskCategory = Static<typeof Safety.RiskCategoryName>;
export type HeldReason = Static<typeof Safety.HeldReason>;
export type AlertView = NonNullable<Static<typeof Safety.RiskAlertQuery>['view']>;

/*
 * The contract's constants live beside its schemas, and importing them would bundle TypeBox.
 * These copies are tied to the originals by their types: a change there fails the web type check.
 */
export const SAFETY_PLAN_STEPS = [
  'warningSigns',
  'copingStrategies',
  'distractions',
  'peopleToAsk',
  'professionals',
  'safeEnvironment',
  'reasonsForLiving',
] as const satisfies typeof Safety.SAFETY_PLAN_STEPS;
export const SAFETY_PLAN_FIELD_MAX: typeof Safety.SAFETY_PLAN_FIELD_MAX = 4000;
export const SAFETY_CHECK_TEXT_MAX: typeof Safety.SAFETY_CHECK_TEXT_MAX = 20_000;
export const ALERT_NOTE_MAX: typeof Safety.ALERT_NOTE_MAX = 2000;
export const REPLY_CARE_NUDGES = ['minimising', 'toxic_positivity', 'private_contact', 'tough_love'] as const satisfies typeof Safety.REPLY_CARE_NUDGES;
