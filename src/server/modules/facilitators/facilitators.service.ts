import type { Kysely } from 'kysely';
import {
  FACILITATOR_MODULES,
  type FacilitatorModule,
  type FacilitatorModuleId,
  type FacilitatorQuizResult,
  type FacilitatorStanding,
  type FacilitatorTrainingProgress,
  type QuizAnswers,
} from '../../../shared/facilitators.js';
import type { Language } from '../../../shared/rules.js';
import type { DB } from '../../platform/db/schema.js';
import { hasRole, type AuthMember } from '../../platform/http/auth.js';
import { checkQuiz, passedModules, presentTrainingModule, presentTrainingProgress, recordPass } from '../training/training.js';
import { facilitatorModule, facilitatorTrainingFor } from './facilitators.training.js';

export type FacilitatorsService = ReturnType<typeof createFacilitatorsService>;

const TABLE = 'facilitator_training';

/** The language `member` reads the training in: the one asked for, else their account's (English when it is not translated). */
const readingLanguage = (member: AuthMember, lang?: Language): string => lang ?? member.language;

/**
 * The facilitator programme's training, the same mechanism as the listener training: quizzes
 * checked here (the answers never leave the server), passes kept in facilitator_training. An
 * admin makes a trained member a facilitator with the roles route (the accounts module checks
 * the training there).
 */
export function createFacilitatorsService({ db, now = () => Date.now() }: { db: Kysely<DB>; now?: () => number }) {
  async function progress(memberId: string, language: string): Promise<FacilitatorTrainingProgress> {
    return presentTrainingProgress(await passedModules(db, TABLE, memberId), facilitatorTrainingFor(language), FACILITATOR_MODULES);
  }

  return {
    /** Which modules `member` has passed, titled in `lang` (else their account's language). */
    progress: (member: AuthMember, lang?: Language) => progress(member.id, readingLanguage(member, lang)),

    /** One module's page and questions (never the answers), in `lang` (else their account's language). */
    async module(member: AuthMember, id: FacilitatorModuleId, lang?: Language): Promise<FacilitatorModule> {
      const passed = await passedModules(db, TABLE, member.id);
      return presentTrainingModule(facilitatorModule(id, readingLanguage(member, lang)), passed.get(id) ?? null);
    },

    /** Checks the answers by ids; all right passes the module, else says kindly which questions to look at again. */
    async answer(member: AuthMember, id: FacilitatorModuleId, body: QuizAnswers, lang?: Language): Promise<FacilitatorQuizResult> {
      const language = readingLanguage(member, lang);
      const revisit = checkQuiz(facilitatorModule(id, language), body.answers);
      if (revisit.length === 0) await recordPass(db, TABLE, member.id, id, now());
      const passed = await passedModules(db, TABLE, member.id);
      return {
        passed: revisit.length === 0,
        revisit,
        passedAt: revisit.length === 0 ? (passed.get(id) ?? null) : null,
        progress: presentTrainingProgress(passed, facilitatorTrainingFor(language), FACILITATOR_MODULES),
      };
    },

    /** Where `member` stands: their training, and whether they are a facilitator. */
    async standing(member: AuthMember, lang?: Language): Promise<FacilitatorStanding> {
      return { training: await progress(member.id, readingLanguage(member, lang)), isFacilitator: hasRole(member, 'facilitator') };
    },
  };
}
