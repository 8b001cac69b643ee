import type { Kysely } from 'kysely';
import { LANGUAGES, type Language } from '../../../shared/rules.js';
import type { DB } from '../../platform/db/schema.js';

/**
 * The mechanism every in-app training shares (the listener programme's, the facilitators'):
 * modules written in English and translated with the same module, question and option ids and
 * the same right answers, kept on the server so the answers never reach a browser; quizzes
 * checked here by ids whatever language they were read in; passes kept in a table of
 * (member_id, module, passed_at).
 */
export interface TrainingQuestion {
  id: string;
  prompt: string;
  options: { id: string; text: string }[];
  correct: string;
  /** Where to look again, said kindly; never the answer itself. */
  hint: string;
}

export interface TrainingModuleContent<Id extends string = string> {
  id: Id;
  title: string;
  paragraphs: string[];
  questions: TrainingQuestion[];
}

/** The training as a member reads it, and the language it is actually in. */
export interface LocalizedTraining<Id extends string = string> {
  language: Language;
  modules: readonly TrainingModuleContent<Id>[];
}

/** A training's text in each language: English is the original; a language without a translation gets English. */
export function trainingCatalogue<Id extends string>(english: readonly TrainingModuleContent<Id>[], translations: Partial<Record<Language, readonly TrainingModuleContent<Id>[]>>) {
  const all: Partial<Record<Language, readonly TrainingModuleContent<Id>[]>> = { ...translations, en: english };
  function trainingFor(language: string): LocalizedTraining<Id> {
    const wanted = LANGUAGES.find((l) => l === language);
    const modules = wanted && all[wanted];
    return modules ? { language: wanted, modules } : { language: 'en', modules: english };
  }
  function trainingModule(id: Id, language: string = 'en'): TrainingModuleContent<Id> & { language: Language } {
    const training = trainingFor(language);
    const found = training.modules.find((m) => m.id === id);
    if (!found) throw new Error(`unknown training module ${id}`);
    return { ...found, language: training.language };
  }
  return { trainingFor, trainingModule };
}

/** Which modules are passed, with titles in the language `training` is in; all passed when every id in `required` is. */
export function presentTrainingProgress<Id extends string>(passed: Map<string, number>, training: LocalizedTraining<Id>, required: readonly Id[]) {
  const modules = training.modules.map((m) => ({ id: m.id, title: m.title, passedAt: passed.get(m.id) ?? null }));
  return { modules, allPassed: required.every((id) => passed.has(id)) };
}

/** A module's page and questions, without the answers or hints, and the language the text is in. */
export function presentTrainingModule<Id extends string>(m: TrainingModuleContent<Id> & { language: Language }, passedAt: number | null) {
  return {
    id: m.id,
    title: m.title,
    language: m.language,
    paragraphs: [...m.paragraphs],
    questions: m.questions.map((q) => ({ id: q.id, prompt: q.prompt, options: q.options.map((o) => ({ id: o.id, text: o.text })) })),
    passedAt,
  };
}

/** The questions answered wrongly or not at all, with their kind hints; empty when the quiz is passed. Never the right answers. */
export function checkQuiz(content: TrainingModuleContent, answers: Record<string, string>): { id: string; prompt: string; hint: string }[] {
  return content.questions.filter((q) => answers[q.id] !== q.correct).map((q) => ({ id: q.id, prompt: q.prompt, hint: q.hint }));
}

/** The tables that record passed modules, all shaped (member_id, module, passed_at). */
export type TrainingTable = 'listener_training' | 'facilitator_training';

export async function passedModules(db: Kysely<DB>, table: TrainingTable, memberId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom(table).select(['module', 'passed_at']).where('member_id', '=', memberId).execute();
  return new Map(rows.map((r) => [r.module, Number(r.passed_at)]));
}

/** Records a passed module; passing it again keeps the first time. */
export async function recordPass(db: Kysely<DB>, table: TrainingTable, memberId: string, module: string, now: number): Promise<void> {
  await db
    .insertInto(table)
    .values({ member_id: memberId, module, passed_at: now })
    .onConflict((oc) => oc.columns(['member_id', 'module']).doNothing())
    .execute();
}
