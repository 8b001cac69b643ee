/**
 * The safety module's contract: every text Kindred accepts is assessed before it is stored.
 * `assessText` is the risk engine (./engine: reviewable lexicons in ./lexicon plus rules);
 * callers act on its answer (content warnings, holds, alerts) through `publishingDecision`.
 */
import { engine } from './engine/index.js';

export { RISK_LEVELS, type Assessment, type RiskCategory, type RiskLevel } from './engine/types.js';
import { RISK_LEVELS, type Assessment, type RiskLevel } from './engine/types.js';

export type Assess = (text: string, options?: { language?: string }) => Assessment;

/** Assesses a text for the writer's own suicide and self-harm risk, concern for others and harassment. */
export const assessText: Assess = (text, options) => engine.assess(text, options);

/** Nudges for a reply that minimises, pushes positivity, asks for private contact or uses tough love. Never blocks. */
export const reviewReplyCare = engine.reviewReplyCare;

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
