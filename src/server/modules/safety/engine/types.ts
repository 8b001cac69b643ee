/** The shape of an assessment, shared by the engine and the safety module's contract (../assess.ts re-exports it). */
export const RISK_LEVELS = ['none', 'distress', 'ideation', 'plan', 'imminent'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export type RiskCategory = 'suicidal' | 'self_harm' | 'method_detail' | 'farewell' | 'concern_for_other' | 'harassment';

export interface Assessment {
  level: RiskLevel;
  score: number;
  categories: RiskCategory[];
  /** What fired and where, so a moderator can see why: the rule id, the words as written, their offsets in the text. */
  matches: { rule: string; phrase?: string; start: number; end: number }[];
  language: string;
}
