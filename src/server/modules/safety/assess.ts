/**
 * The safety module's contract: every text Kindred accepts is assessed before it is stored.
 * The risk engine itself is the safety issue's work; until it lands, `assessText` finds no
 * risk, and every caller already acts on the result (content warnings, holds) so the engine
 * can be dropped in without touching them.
 */
export const RISK_LEVELS = ['none', 'distress', 'ideation', 'plan', 'imminent'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export type RiskCategory = 'suicidal' | 'self_harm' | 'method_detail' | 'farewell' | 'concern_for_other' | 'harassment';

export interface Assessment {
  level: RiskLevel;
  score: number;
  categories: RiskCategory[];
  matches: { rule: string; start: number; end: number }[];
  language: string;
}

export type Assess = (text: string, options?: { language?: string }) => Assessment;

export const assessText: Assess = (_text, options) => ({ level: 'none', score: 0, categories: [], matches: [], language: options?.language ?? 'en' });

export function atLeast(level: RiskLevel, threshold: RiskLevel): boolean {
  return RISK_LEVELS.indexOf(level) >= RISK_LEVELS.indexOf(threshold);
}

/** What publishing does with an assessment: hold method details and harassment; warn readers from ideation up. */
export function publishingDecision(a: Assessment): { held: boolean; contentWarning: 'suicide' | 'self_harm' | null } {
  const held = a.categories.includes('method_detail') || a.categories.includes('harassment');
  let contentWarning: 'suicide' | 'self_harm' | null = null;
  if (a.categories.includes('self_harm')) contentWarning = 'self_harm';
  if (atLeast(a.level, 'ideation') && !a.categories.includes('concern_for_other')) contentWarning = contentWarning ?? 'suicide';
  return { held, contentWarning };
}
