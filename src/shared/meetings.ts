import { Type, type Static } from 'typebox';

/**
 * Facilitated meetings' contract (/api/v1/meetings, /api/v1/groups/:slug/meetings): a series,
 * its occurrences and the overrides of one occurrence. Shared by the server (validation,
 * serialization, OpenAPI) and the web client (types only). The fine rules of a series (dates,
 * zones, days, bounds) are checked by modules/meetings/recurrence.ts's validateSeries, which
 * answers per field in kind words; the schemas here only check shapes.
 */

export const MEETING_TITLE_MAX = 120;
export const MEETING_DESCRIPTION_MAX = 2000;
export const MEETING_REASON_MAX = 500;
export const AGENDA_STEP_MAX = 80;
export const AGENDA_STEPS_MAX = 12;
export const MEETING_CAPACITY_MIN = 2;
export const MEETING_CAPACITY_MAX = 50;
export const MEETING_CAPACITY_DEFAULT = 12;
/** The DBSA-style format of a peer-led support meeting. */
export const DEFAULT_AGENDA = ['Gathering', 'Welcome', 'Reading the guidelines', 'Check-in', 'Discussion', 'Close'] as const;
/** How far the upcoming list looks ahead at most. */
export const UPCOMING_MAX_DAYS = 92;

export const MEETING_WEEKDAYS = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const;
export const RECURRENCE_KINDS = ['once', 'weekly', 'monthly_nth_weekday'] as const;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const RecurrenceInput = Type.Object(
  {
    kind: Type.Enum(RECURRENCE_KINDS, { errorMessage: 'Please choose whether the meeting happens once, weekly or monthly.' }),
    days: Type.Optional(Type.Array(Type.Enum(MEETING_WEEKDAYS), { maxItems: 7, errorMessage: 'Please choose days of the week from the list.' })),
    interval: Type.Optional(Type.Integer({ errorMessage: 'Please choose how many weeks apart.' })),
    nth: Type.Optional(Type.Integer({ errorMessage: 'Please choose the first, second, third, fourth or last week of the month.' })),
    day: Type.Optional(Type.Enum(MEETING_WEEKDAYS, { errorMessage: 'Please choose a day of the week.' })),
  },
  { additionalProperties: false },
);
export type RecurrenceInput = Static<typeof RecurrenceInput>;

const Title = Type.String({
  minLength: 1,
  maxLength: MEETING_TITLE_MAX,
  errorMessage: { minLength: 'Please give the meeting a title.', maxLength: `Please keep the title to ${MEETING_TITLE_MAX} characters or fewer.` },
});
const Description = Type.String({ maxLength: MEETING_DESCRIPTION_MAX, errorMessage: { maxLength: `Please keep the description to ${MEETING_DESCRIPTION_MAX} characters or fewer.` } });
const Agenda = Type.Array(Type.String({ minLength: 1, maxLength: AGENDA_STEP_MAX }), {
  minItems: 1,
  maxItems: AGENDA_STEPS_MAX,
  errorMessage: `Please keep between 1 and ${AGENDA_STEPS_MAX} agenda steps, each up to ${AGENDA_STEP_MAX} characters.`,
});
const Capacity = Type.Integer({
  minimum: MEETING_CAPACITY_MIN,
  maximum: MEETING_CAPACITY_MAX,
  errorMessage: `A meeting can hold from ${MEETING_CAPACITY_MIN} to ${MEETING_CAPACITY_MAX} people.`,
});
const NumberField = (message: string) => Type.Number({ errorMessage: message });
const DateText = Type.String({ maxLength: 10, errorMessage: 'Please choose a date.' });
const TimeText = Type.String({ maxLength: 5, errorMessage: 'Please choose a start time, such as 19:00.' });
const ZoneText = Type.String({ maxLength: 64, errorMessage: 'Please choose a time zone from the list.' });

export const CreateMeetingBody = Type.Object(
  {
    title: Title,
    description: Type.Optional(Description),
    agenda: Type.Optional(Agenda),
    capacity: Type.Optional(Capacity),
    durationMinutes: NumberField('Please choose how long the meeting lasts.'),
    timeZone: ZoneText,
    startDate: DateText,
    startTime: TimeText,
    recurrence: RecurrenceInput,
    until: Type.Optional(DateText),
    count: Type.Optional(NumberField('Please choose a number of meetings.')),
  },
  { additionalProperties: false },
);
export type CreateMeetingBody = Static<typeof CreateMeetingBody>;

/** Every field optional; `until` or `count` null clears it. */
export const UpdateMeetingBody = Type.Object(
  {
    title: Type.Optional(Title),
    description: Type.Optional(Description),
    agenda: Type.Optional(Agenda),
    capacity: Type.Optional(Capacity),
    durationMinutes: Type.Optional(NumberField('Please choose how long the meeting lasts.')),
    timeZone: Type.Optional(ZoneText),
    startDate: Type.Optional(DateText),
    startTime: Type.Optional(TimeText),
    recurrence: Type.Optional(RecurrenceInput),
    until: Type.Optional(Nullable(DateText)),
    count: Type.Optional(Nullable(NumberField('Please choose a number of meetings.'))),
  },
  { additionalProperties: false },
);
export type UpdateMeetingBody = Static<typeof UpdateMeetingBody>;

export const MeetingParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
export const GroupSlugParams = Type.Object({ slug: Type.String({ maxLength: 100 }) });
export const OccurrenceParams = Type.Object({
  id: Type.String({ maxLength: 40 }),
  date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', errorMessage: 'Please name the meeting by its date, such as 2026-03-10.' }),
});

const Reason = Type.String({
  minLength: 1,
  maxLength: MEETING_REASON_MAX,
  errorMessage: { minLength: 'Please say why, in a few words: members will see it.', maxLength: `Please keep the reason to ${MEETING_REASON_MAX} characters or fewer.` },
});
export const CancelOccurrenceBody = Type.Object({ reason: Reason }, { additionalProperties: false });
/** The new date and time on the series' own wall clock. */
export const MoveOccurrenceBody = Type.Object({ date: DateText, time: TimeText, reason: Type.Optional(Reason) }, { additionalProperties: false });

export const UpcomingQuery = Type.Object({
  group: Type.Optional(Type.String({ maxLength: 100 })),
  from: Type.Optional(Type.Integer({ errorMessage: 'Please give a time in milliseconds since 1970.' })),
  to: Type.Optional(Type.Integer({ errorMessage: 'Please give a time in milliseconds since 1970.' })),
});

const GroupRef = Type.Object({ slug: Type.String(), name: Type.String() });

export const Meeting = Type.Object({
  id: Type.String(),
  group: GroupRef,
  title: Type.String(),
  description: Type.String(),
  agenda: Type.Array(Type.String()),
  capacity: Type.Integer(),
  durationMinutes: Type.Integer(),
  timeZone: Type.String(),
  startDate: Type.String(),
  startTime: Type.String(),
  recurrence: RecurrenceInput,
  until: Nullable(Type.String()),
  count: Nullable(Type.Integer()),
  facilitator: Type.String({ description: 'handle' }),
  coFacilitator: Nullable(Type.String()),
  cancelled: Type.Boolean(),
  /** Whether the caller may edit the series and its occurrences. */
  canManage: Type.Boolean(),
  createdAt: Type.Number(),
  updatedAt: Type.Number(),
});
export type Meeting = Static<typeof Meeting>;
export const MeetingResult = Type.Object({ meeting: Meeting });

export const RSVP_STATUSES = ['going', 'waitlist'] as const;
export type RsvpStatus = (typeof RSVP_STATUSES)[number];
/** The caller's place at one occurrence: a seat, or their 1-based position on the waitlist. */
export const MyRsvp = Type.Object({ status: Type.Enum(RSVP_STATUSES), position: Nullable(Type.Integer({ minimum: 1 })) });
export type MyRsvp = Static<typeof MyRsvp>;
/** How many minutes before the start the meeting room opens (the live room keeps the same rule). */
export const ROOM_OPENS_MINUTES = 10;
/** How many occurrences of one series GET /meetings/:id/occurrences lists at most. */
export const SERIES_OCCURRENCES_MAX = 20;

export const Occurrence = Type.Object({
  meetingId: Type.String(),
  /** Names the occurrence: its date in the series' zone as first scheduled. */
  localDate: Type.String(),
  startsAt: Type.Number({ description: 'UTC ms' }),
  endsAt: Type.Number({ description: 'UTC ms' }),
  timeZone: Type.String(),
  group: GroupRef,
  title: Type.String(),
  facilitator: Type.String(),
  capacity: Type.Integer(),
  cancelled: Type.Boolean(),
  moved: Type.Boolean(),
  reason: Nullable(Type.String()),
  /** Seats taken (leaders take none) and how many wait for one. */
  going: Type.Integer(),
  waitlist: Type.Integer(),
  /** The caller's own RSVP, or null. */
  myRsvp: Nullable(MyRsvp),
});
export type Occurrence = Static<typeof Occurrence>;
export const UpcomingList = Type.Object({ items: Type.Array(Occurrence), from: Type.Number(), to: Type.Number() });
export type UpcomingList = Static<typeof UpcomingList>;
export const OccurrenceResult = Type.Object({ occurrence: Occurrence });
export const OccurrenceList = Type.Object({ items: Type.Array(Occurrence) });
export type OccurrenceList = Static<typeof OccurrenceList>;
export const SeriesOccurrencesQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: SERIES_OCCURRENCES_MAX, errorMessage: `Please ask for 1 to ${SERIES_OCCURRENCES_MAX} meetings.` })),
});
/** POST/DELETE …/occurrences/:date/rsvp: the caller's place (null once cancelled) and the occurrence as it now stands. */
export const RsvpResult = Type.Object({ rsvp: Nullable(MyRsvp), occurrence: Occurrence });
export type RsvpResult = Static<typeof RsvpResult>;
/** PUT /meetings/:id/co-facilitator: a facilitator's handle, or null to clear it. */
export const CoFacilitatorBody = Type.Object(
  { handle: Nullable(Type.String({ minLength: 1, maxLength: 40, errorMessage: 'Please give the handle of a facilitator in this group.' })) },
  { additionalProperties: false },
);
export type CoFacilitatorBody = Static<typeof CoFacilitatorBody>;
