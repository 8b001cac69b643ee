/**
 * The PHQ-9 and PHQ-2 self-check (Kroenke, Spitzer & Williams 2001; Kroenke et al. 2003), scored
 * the same way in the browser (visitors: nothing is sent) and on the server (a member keeping a
 * result). Pure and free of TypeBox, so the web client bundles it as it is.
 */

export const SELF_CHECK_KINDS = ['phq9', 'phq2'] as const;
export type SelfCheckKind = (typeof SELF_CHECK_KINDS)[number];

/** Not at all = 0 · Several days = 1 · More than half the days = 2 · Nearly every day = 3. */
export type Answer = 0 | 1 | 2 | 3;
export const ANSWER_VALUES: readonly Answer[] = [0, 1, 2, 3];

/** How many items each form asks: the PHQ-2 is items 1 and 2 of the PHQ-9. */
export const ITEM_COUNT: Record<SelfCheckKind, number> = { phq9: 9, phq2: 2 };

/** The unscored functional question: not difficult at all (0) … extremely difficult (3). */
export type Difficulty = 0 | 1 | 2 | 3;

export const PHQ9_BANDS = ['minimal', 'mild', 'moderate', 'moderatelySevere', 'severe'] as const;
export type Phq9Band = (typeof PHQ9_BANDS)[number];

/** The PHQ-9 bands' lower edges: 0–4, 5–9, 10–14, 15–19, 20–27. */
const BAND_FLOORS: readonly [number, Phq9Band][] = [
  [20, 'severe'],
  [15, 'moderatelySevere'],
  [10, 'moderate'],
  [5, 'mild'],
  [0, 'minimal'],
];

/** A PHQ-2 total of 3 or more is positive: it invites the full PHQ-9. */
export const PHQ2_POSITIVE_AT = 3;

export interface SelfCheckScore {
  kind: SelfCheckKind;
  total: number;
  /** Highest possible total: 27 or 6. */
  max: number;
  /** The PHQ-9 band; null for the PHQ-2, which has none. */
  band: Phq9Band | null;
  /** From "moderate" up: suggest talking to a doctor or mental-health professional. */
  suggestProfessional: boolean;
  /** PHQ-2 only: 3 or more, so the full PHQ-9 is offered. */
  positiveScreen: boolean;
  /**
   * Item 9 answered anything but "Not at all": crisis help and the safety plan come first, at
   * once, before the score. Always false for the PHQ-2, which does not ask item 9.
   */
  item9Positive: boolean;
}

export function isAnswer(value: unknown): value is Answer {
  return value === 0 || value === 1 || value === 2 || value === 3;
}

export function bandFor(total: number): Phq9Band {
  return BAND_FLOORS.find(([floor]) => total >= floor)![1];
}

/**
 * Scores a completed form. Throws RangeError when the answers are not exactly one 0–3 value per
 * item, so a half-filled form is never given a total.
 */
export function scoreSelfCheck(kind: SelfCheckKind, answers: readonly number[]): SelfCheckScore {
  const count = ITEM_COUNT[kind];
  if (answers.length !== count || !answers.every(isAnswer)) throw new RangeError(`A ${kind} needs ${count} answers from 0 to 3.`);
  const total = answers.reduce<number>((sum, a) => sum + a, 0);
  if (kind === 'phq2') {
    return { kind, total, max: 6, band: null, suggestProfessional: false, positiveScreen: total >= PHQ2_POSITIVE_AT, item9Positive: false };
  }
  const band = bandFor(total);
  return {
    kind,
    total,
    max: 27,
    band,
    suggestProfessional: total >= 10,
    positiveScreen: false,
    item9Positive: answers[8]! > 0,
  };
}

/** A result a member chose to keep. */
export interface SelfCheckResult {
  id: string;
  kind: SelfCheckKind;
  answers: Answer[];
  difficulty: Difficulty | null;
  total: number;
  band: Phq9Band | null;
  item9Positive: boolean;
  createdAt: number;
}

export interface SelfCheckResultList {
  results: SelfCheckResult[];
}

export interface KeepSelfCheckBody {
  kind: SelfCheckKind;
  answers: number[];
  difficulty?: number | null;
}

/** How many results one member may keep: a lifetime of monthly checks, and a ceiling on abuse. */
export const SELF_CHECK_KEEP_MAX = 1000;
