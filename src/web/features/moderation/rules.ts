import type { TFunction } from 'i18next';
import type * as Moderation from '../../../shared/moderation';

/*
 * The moderation contract's lists and limits, without pulling its schemas (and TypeBox) into the
 * bundle. Each is typed as the shared constant, so a change on one side fails the type check
 * until the other follows.
 */
export const REPORT_REASONS: typeof Moderation.REPORT_REASONS = ['at_risk', 'harassment', 'spam', 'off_platform', 'method_details', 'misinformation', 'privacy', 'other'];
export const REPORT_NOTE_MAX: typeof Moderation.REPORT_NOTE_MAX = 500;
export const RULES: typeof Moderation.RULES = ['kind', 'safe', 'open', 'privacy', 'peers', 'spam'];
export const ACTION_REASON_MAX: typeof Moderation.ACTION_REASON_MAX = 500;
export const MUTE_HOURS_MAX: typeof Moderation.MUTE_HOURS_MAX = 336;
export const SUSPEND_DAYS_MAX: typeof Moderation.SUSPEND_DAYS_MAX = 365;
export const REVIEW_TYPES: typeof Moderation.REVIEW_TYPES = ['report', 'safety_hold', 'new_member_hold', 'risk_alert', 'flag'];

export type { ReportReason, ReportTarget, ReviewType, Rule } from '../../../shared/moderation';

/** A guideline's name as the guidelines page words it ("Be kind."); spam has its own words. Unknown names show as they are. */
export function ruleLabel(t: TFunction, rule: string): string {
  const known = RULES.find((r) => r === rule);
  if (!known) return rule;
  return known === 'spam' ? t('moderationQueue.ruleSpam') : t(`guidelines.items.${known}.title`);
}
