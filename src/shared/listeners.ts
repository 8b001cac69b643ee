import { Type, type Static } from 'typebox';
import { LANGUAGES } from './rules.js';
import { APPLICATION_MOTIVATION_MAX, LISTENER_CAPACITY_MAX, LISTENER_CAPACITY_MIN, REVIEW_NOTE_MAX, SUPPORT_TOPICS } from './support-rules.js';

/**
 * The listener programme's contract (/api/v1/listeners, /api/v1/moderation/listener-applications):
 * training, applications, reviews, and a listener's profile and time on duty. Shared by the
 * server (validation, serialization, OpenAPI) and the web client (types only).
 */

export const TRAINING_MODULES = ['active_listening', 'replying_with_care', 'boundaries', 'crisis'] as const;
export type TrainingModuleId = (typeof TRAINING_MODULES)[number];

/** A declined member may apply again after this many days. */
export const REAPPLY_AFTER_DAYS = 30;

export const DUTY_STATUSES = ['off', 'on', 'break'] as const;
export type DutyStatus = (typeof DUTY_STATUSES)[number];

export const APPLICATION_STATUSES = ['pending', 'approved', 'declined'] as const;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const TrainingModuleParams = Type.Object({
  module: Type.Enum(TRAINING_MODULES, { errorMessage: 'That is not one of the training modules.' }),
});

/** `?lang=` on the training routes: the language to read the training in; the member's own language when left out. */
export const TrainingQuery = Type.Object({
  lang: Type.Optional(Type.Enum(LANGUAGES, { errorMessage: 'Please choose a language from the list.' })),
});
export type TrainingQuery = Static<typeof TrainingQuery>;

export const TrainingModuleSummary = Type.Object({
  id: Type.Enum(TRAINING_MODULES),
  title: Type.String(),
  passedAt: Nullable(Type.Number()),
});
export type TrainingModuleSummary = Static<typeof TrainingModuleSummary>;

export const TrainingProgress = Type.Object({
  modules: Type.Array(TrainingModuleSummary),
  allPassed: Type.Boolean(),
});
export type TrainingProgress = Static<typeof TrainingProgress>;

export const QuizQuestion = Type.Object({
  id: Type.String(),
  prompt: Type.String(),
  options: Type.Array(Type.Object({ id: Type.String(), text: Type.String() })),
});
export type QuizQuestion = Static<typeof QuizQuestion>;

/** One module as the member reads it: the page and its questions, never the answers. */
export const TrainingModule = Type.Object({
  id: Type.Enum(TRAINING_MODULES),
  title: Type.String(),
  /** The language the text is in: English when it has not been translated yet. */
  language: Type.Enum(LANGUAGES),
  paragraphs: Type.Array(Type.String()),
  questions: Type.Array(QuizQuestion),
  passedAt: Nullable(Type.Number()),
});
export type TrainingModule = Static<typeof TrainingModule>;

export const QuizAnswers = Type.Object({
  /** Question id → the chosen option's id. */
  answers: Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 40 }), {
    maxProperties: 10,
    errorMessage: 'Please choose one answer for each question.',
  }),
});
export type QuizAnswers = Static<typeof QuizAnswers>;

export const QuizResult = Type.Object({
  passed: Type.Boolean(),
  /** Questions to look at again: which ones, never what the right answer is. */
  revisit: Type.Array(Type.Object({ id: Type.String(), prompt: Type.String(), hint: Type.String() })),
  passedAt: Nullable(Type.Number()),
  progress: TrainingProgress,
});
export type QuizResult = Static<typeof QuizResult>;

const Languages = Type.Array(Type.Enum(LANGUAGES, { errorMessage: 'Please choose languages from the list.' }), {
  minItems: 1,
  maxItems: LANGUAGES.length,
  uniqueItems: true,
  errorMessage: 'Please choose at least one language you can listen in.',
});
const Topics = Type.Array(Type.Enum(SUPPORT_TOPICS, { errorMessage: 'Please choose topics from the list.' }), {
  minItems: 1,
  maxItems: SUPPORT_TOPICS.length,
  uniqueItems: true,
  errorMessage: 'Please choose at least one topic you feel able to listen about.',
});

export const ApplicationBody = Type.Object({
  motivation: Type.String({
    minLength: 1,
    maxLength: APPLICATION_MOTIVATION_MAX,
    errorMessage: `Please write a few words about why you would like to listen (up to ${APPLICATION_MOTIVATION_MAX} characters).`,
  }),
  languages: Languages,
  topics: Topics,
});
export type ApplicationBody = Static<typeof ApplicationBody>;

export const ListenerApplication = Type.Object({
  id: Type.String(),
  status: Type.Enum(APPLICATION_STATUSES),
  motivation: Type.String(),
  languages: Type.Array(Type.Enum(LANGUAGES)),
  topics: Type.Array(Type.Enum(SUPPORT_TOPICS)),
  createdAt: Type.Number(),
  reviewedAt: Nullable(Type.Number()),
  reviewNote: Nullable(Type.String()),
});
export type ListenerApplication = Static<typeof ListenerApplication>;

/** Where a member stands in the programme: what /listeners shows. */
export const ListenerStanding = Type.Object({
  training: TrainingProgress,
  isListener: Type.Boolean(),
  /** The latest application, if any. */
  application: Nullable(ListenerApplication),
  canApply: Type.Boolean(),
  /** After a decline: when the member may apply again. */
  reapplyAt: Nullable(Type.Number()),
});
export type ListenerStanding = Static<typeof ListenerStanding>;

export const PendingApplication = Type.Object({
  id: Type.String(),
  handle: Type.String(),
  motivation: Type.String(),
  languages: Type.Array(Type.Enum(LANGUAGES)),
  topics: Type.Array(Type.Enum(SUPPORT_TOPICS)),
  createdAt: Type.Number(),
});
export type PendingApplication = Static<typeof PendingApplication>;

export const PendingApplicationList = Type.Object({ items: Type.Array(PendingApplication), nextCursor: Nullable(Type.String()) });
export type PendingApplicationList = Static<typeof PendingApplicationList>;

export const PendingQuery = Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 200 })) });
export const ApplicationParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40, errorMessage: 'That application could not be found.' }) });

export const ReviewBody = Type.Object({
  decision: Type.Enum(['approve', 'decline'], { errorMessage: 'Please choose approve or decline.' }),
  note: Type.Optional(Type.String({ maxLength: REVIEW_NOTE_MAX, errorMessage: `Please keep the note to ${REVIEW_NOTE_MAX} characters.` })),
});
export type ReviewBody = Static<typeof ReviewBody>;

export const ReviewResult = Type.Object({ id: Type.String(), status: Type.Enum(APPLICATION_STATUSES), reviewedAt: Type.Number(), reviewNote: Nullable(Type.String()) });
export type ReviewResult = Static<typeof ReviewResult>;

/** A listener's own view of their profile and time on duty. */
export const ListenerProfile = Type.Object({
  languages: Type.Array(Type.Enum(LANGUAGES)),
  topics: Type.Array(Type.Enum(SUPPORT_TOPICS)),
  capacity: Type.Integer(),
  status: Type.Enum(DUTY_STATUSES),
  statusSince: Type.Number(),
  /** Minutes on duty today (the UTC day), the current stretch included. */
  minutesOnDutyToday: Type.Integer(),
  /** Minutes of the current stretch on duty; 0 when off duty or on a break. */
  minutesThisStretch: Type.Integer(),
  /** True after a long stretch on duty: a calm reminder to rest. */
  breakNudge: Type.Boolean(),
  /** The operators' daily limit in minutes. */
  dailyCapMinutes: Type.Integer(),
  /** True when today's time on duty reached the daily limit. */
  capReached: Type.Boolean(),
});
export type ListenerProfile = Static<typeof ListenerProfile>;

export const ProfileUpdate = Type.Object(
  {
    languages: Type.Optional(Languages),
    topics: Type.Optional(Topics),
    capacity: Type.Optional(
      Type.Integer({ minimum: LISTENER_CAPACITY_MIN, maximum: LISTENER_CAPACITY_MAX, errorMessage: `Please choose between ${LISTENER_CAPACITY_MIN} and ${LISTENER_CAPACITY_MAX} chats at a time.` }),
    ),
  },
  { additionalProperties: false },
);
export type ProfileUpdate = Static<typeof ProfileUpdate>;

export const DutyBody = Type.Object({ status: Type.Enum(DUTY_STATUSES, { errorMessage: 'Please choose on duty, off duty or a break.' }) });
export type DutyBody = Static<typeof DutyBody>;
