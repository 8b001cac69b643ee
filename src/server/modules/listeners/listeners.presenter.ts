import type { ListenerApplication, PendingApplication, TrainingModule, TrainingProgress } from '../../../shared/listeners.js';
import { TRAINING_MODULES } from '../../../shared/listeners.js';
import { LANGUAGES, type Language } from '../../../shared/rules.js';
import { SUPPORT_TOPICS, type SupportTopic } from '../../../shared/support-rules.js';
import type { ListenerApplicationsTable } from '../../platform/db/schema.js';
import { presentTrainingModule, presentTrainingProgress } from '../training/training.js';
import type { LocalizedTraining, TrainingModuleContent } from './listeners.training.js';

/** The only way the listener programme's data leaves the server. */

function jsonList<T extends string>(text: string, allowed: readonly T[]): T[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((v): v is T => (allowed as readonly unknown[]).includes(v)) : [];
  } catch {
    return [];
  }
}

export const languagesOf = (text: string): Language[] => jsonList(text, LANGUAGES);
export const topicsOf = (text: string): SupportTopic[] => jsonList(text, SUPPORT_TOPICS);

/** Which modules are passed, with titles in the language `training` is in. */
export function presentProgress(passed: Map<string, number>, training: LocalizedTraining): TrainingProgress {
  return presentTrainingProgress(passed, training, TRAINING_MODULES);
}

/** A module's page and questions, without the answers, and the language the text is in. */
export function presentModule(m: TrainingModuleContent & { language: Language }, passedAt: number | null): TrainingModule {
  return presentTrainingModule(m, passedAt);
}

type ApplicationRow = Pick<ListenerApplicationsTable, 'id' | 'status' | 'motivation' | 'languages' | 'topics' | 'created_at' | 'reviewed_at' | 'review_note'>;

export function presentApplication(r: ApplicationRow): ListenerApplication {
  return {
    id: r.id,
    status: r.status as ListenerApplication['status'],
    motivation: r.motivation,
    languages: languagesOf(r.languages),
    topics: topicsOf(r.topics),
    createdAt: Number(r.created_at),
    reviewedAt: r.reviewed_at === null ? null : Number(r.reviewed_at),
    reviewNote: r.review_note,
  };
}

export function presentPending(r: { id: string; handle: string; motivation: string; languages: string; topics: string; created_at: number }): PendingApplication {
  return { id: r.id, handle: r.handle, motivation: r.motivation, languages: languagesOf(r.languages), topics: topicsOf(r.topics), createdAt: Number(r.created_at) };
}
