import { Type, type Static } from 'typebox';
import { LANGUAGES } from './rules.js';
import { QuizAnswers, QuizQuestion, TrainingQuery } from './listeners.js';

/**
 * The facilitator programme's contract (/api/v1/facilitators): the training a member passes
 * before an admin may make them a facilitator. The same mechanism as the listener training
 * (the quiz answers and ?lang= are shaped alike); only the modules differ.
 */

export const FACILITATOR_MODULES = ['meeting_format', 'safe_and_kind', 'crisis_handoff'] as const;
export type FacilitatorModuleId = (typeof FACILITATOR_MODULES)[number];

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export { QuizAnswers, TrainingQuery };

export const FacilitatorModuleParams = Type.Object({
  module: Type.Enum(FACILITATOR_MODULES, { errorMessage: 'That is not one of the facilitator training modules.' }),
});

export const FacilitatorModuleSummary = Type.Object({ id: Type.Enum(FACILITATOR_MODULES), title: Type.String(), passedAt: Nullable(Type.Number()) });
export type FacilitatorModuleSummary = Static<typeof FacilitatorModuleSummary>;

export const FacilitatorTrainingProgress = Type.Object({ modules: Type.Array(FacilitatorModuleSummary), allPassed: Type.Boolean() });
export type FacilitatorTrainingProgress = Static<typeof FacilitatorTrainingProgress>;

/** One module as the member reads it: the page and its questions, never the answers. */
export const FacilitatorModule = Type.Object({
  id: Type.Enum(FACILITATOR_MODULES),
  title: Type.String(),
  /** The language the text is in: English when it has not been translated yet. */
  language: Type.Enum(LANGUAGES),
  paragraphs: Type.Array(Type.String()),
  questions: Type.Array(QuizQuestion),
  passedAt: Nullable(Type.Number()),
});
export type FacilitatorModule = Static<typeof FacilitatorModule>;

export const FacilitatorQuizResult = Type.Object({
  passed: Type.Boolean(),
  /** Questions to look at again: which ones, never what the right answer is. */
  revisit: Type.Array(Type.Object({ id: Type.String(), prompt: Type.String(), hint: Type.String() })),
  passedAt: Nullable(Type.Number()),
  progress: FacilitatorTrainingProgress,
});
export type FacilitatorQuizResult = Static<typeof FacilitatorQuizResult>;

/** Where a member stands: their training, and whether they are a facilitator already. */
export const FacilitatorStanding = Type.Object({ training: FacilitatorTrainingProgress, isFacilitator: Type.Boolean() });
export type FacilitatorStanding = Static<typeof FacilitatorStanding>;
