/**
 * When a facilitated meeting happens: recurrence rules and time zones, with no I/O.
 *
 * A facilitator sets a series in their own time zone ("Tuesdays at 19:00, America/New_York");
 * members see each meeting in theirs. The rule is about the facilitator's wall clock, so a
 * 19:00 meeting stays at 19:00 in New York across daylight-saving changes and its UTC instant
 * moves by an hour instead.
 *
 * How the two libraries are combined, and why:
 * - `rrule` expands the rule in a *floating* frame: every Date it sees or returns is a
 *   wall-clock time written in UTC fields (2026-03-10T19:00Z means "19:00 local"). We never
 *   give rrule a `tzid`: its zone handling returns "pseudo-UTC" dates that depend on the
 *   process's own zone, and it writes UNTIL without the `Z` RFC 5545 requires.
 * - Luxon turns each floating wall-clock time into the real instant in the series' IANA zone.
 *   Where the local time does not exist or happens twice, we resolve it explicitly (below)
 *   rather than take Luxon's default, which for a repeated hour depends on its first guess of
 *   the offset (for `DateTime.fromObject`, today's date).
 *
 * Rules for the awkward hours, the same as RFC 5545 §3.3.5 so that Kindred and a member's
 * calendar app (through the `.ics` export) always agree:
 * - A time skipped by a spring-forward change (02:30 on 2026-03-08 in New York) moves forward
 *   by the length of the gap: that meeting starts at 03:30 EDT.
 * - A time that happens twice on a fall-back day (01:30 on 2026-11-01 in New York) is the
 *   first of the two: 01:30 EDT.
 * - A meeting lasts `durationMinutes` of real time, even across a change.
 *
 * The series starts on the first chosen day on or after `startDate`; "every N weeks" counts
 * weeks (Monday to Sunday) from that first meeting's week. `until` is inclusive (a meeting on
 * that date still happens); `count` is the number of meetings. Both are ignored for `once`.
 * Whether `startDate` is in the past is the caller's business; so is moving one occurrence
 * (store an override keyed by its `localDate`).
 *
 * API:
 * - `validateSeries(series)` → `{ [field]: message }`, empty when the series is usable;
 *   the shape of `AppError`'s `fields`.
 * - `occurrencesBetween(series, fromMs, toMs, { limit })` → meetings overlapping the window.
 * - `toRRuleString(series)` → `DTSTART;TZID=…` and `RRULE:…` lines for the `.ics` export.
 * - `isValidTimeZone`, `canonicalTimeZone`, `wallClockInZone`, `formatInZone`.
 */
import { DateTime, IANAZone } from 'luxon';
import type { Options as RRuleOptions, Weekday as RRuleWeekday } from 'rrule';
// rrule ships CommonJS with only a non-standard "module" field, so Node's ESM loader cannot
// see its named exports: take them from the default export (module.exports).
import rrule from 'rrule';

const { RRule } = rrule;

export type Weekday = 'mo' | 'tu' | 'we' | 'th' | 'fr' | 'sa' | 'su';

export type Recurrence =
  | { kind: 'once' }
  | { kind: 'weekly'; days: Weekday[]; /** every N weeks */ interval: number }
  | { kind: 'monthly_nth_weekday'; /** -1 is the last */ nth: 1 | 2 | 3 | 4 | -1; day: Weekday };

export interface Series {
  /** 'YYYY-MM-DD', in the facilitator's zone. */
  startDate: string;
  /** 'HH:mm', 24-hour, in the facilitator's zone. */
  startTime: string;
  /** IANA name, e.g. 'America/New_York'. */
  timeZone: string;
  durationMinutes: number;
  recurrence: Recurrence;
  /** 'YYYY-MM-DD', inclusive. Not together with `count`. */
  until?: string;
  /** How many meetings in all. Not together with `until`. */
  count?: number;
}

export interface Occurrence {
  /** UTC milliseconds. */
  startsAt: number;
  endsAt: number;
  /** 'YYYY-MM-DD' of the meeting in the series' zone: names this occurrence for overrides. */
  localDate: string;
}

export const WEEKDAYS: readonly Weekday[] = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];

/** Bounds a series must keep; the scheduling form can show the same ones. */
export const SERIES_LIMITS = {
  minDurationMinutes: 15,
  maxDurationMinutes: 240,
  minInterval: 1,
  maxInterval: 8,
  maxCount: 500,
} as const;

/** Most occurrences one call returns unless told otherwise, so a huge window stays cheap. */
export const DEFAULT_OCCURRENCE_LIMIT = 1000;

const RRULE_DAYS: Record<Weekday, RRuleWeekday> = {
  mo: RRule.MO,
  tu: RRule.TU,
  we: RRule.WE,
  th: RRule.TH,
  fr: RRule.FR,
  sa: RRule.SA,
  su: RRule.SU,
};

const NTHS: readonly number[] = [1, 2, 3, 4, -1];
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Dates outside ±8.64e15 ms are invalid in JavaScript; keep a margin for the search window. */
const MAX_MS = 8.64e15 - 10 * DAY_MS;

/** True when `zone` is an IANA time-zone name this server's Intl knows (not an offset like '+03:00'). */
export function isValidTimeZone(zone: unknown): zone is string {
  return typeof zone === 'string' && /^[A-Za-z]/.test(zone) && IANAZone.isValidZone(zone);
}

/** The zone's canonical spelling ('US/Eastern' → 'America/New_York', 'europe/london' → 'Europe/London'), or null. */
export function canonicalTimeZone(zone: string): string | null {
  if (!isValidTimeZone(zone)) return null;
  return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
}

/** Kind, per-field messages for a facilitator; an empty object when the series is usable. */
export function validateSeries(series: Series): Record<string, string> {
  const problems: Record<string, string> = {};
  const date = parseDate(series.startDate);
  if (!date) problems.startDate = 'Please choose the date of the first meeting.';
  if (!parseTime(series.startTime)) problems.startTime = 'Please choose a start time, such as 19:00.';
  if (!isValidTimeZone(series.timeZone)) {
    problems.timeZone = "Kindred doesn't recognise that time zone. Please choose one from the list, such as America/New_York.";
  }
  const { minDurationMinutes: minD, maxDurationMinutes: maxD } = SERIES_LIMITS;
  if (!isIntegerBetween(series.durationMinutes, minD, maxD)) {
    problems.durationMinutes = `A meeting can last from ${minD} minutes to ${maxD / 60} hours.`;
  }

  const rec = series.recurrence as Partial<Record<string, unknown>> | undefined;
  if (rec?.kind === 'weekly') {
    const days = rec.days;
    if (!Array.isArray(days) || days.length === 0) {
      problems['recurrence.days'] = 'Please choose at least one day of the week.';
    } else if (!days.every(isWeekday)) {
      problems['recurrence.days'] = 'Please choose days of the week from the list.';
    }
    const { minInterval, maxInterval } = SERIES_LIMITS;
    if (!isIntegerBetween(rec.interval, minInterval, maxInterval)) {
      problems['recurrence.interval'] = `A meeting can repeat every week, or every ${minInterval + 1} to ${maxInterval} weeks.`;
    }
  } else if (rec?.kind === 'monthly_nth_weekday') {
    if (typeof rec.nth !== 'number' || !NTHS.includes(rec.nth)) {
      problems['recurrence.nth'] = 'Please choose the first, second, third, fourth or last week of the month.';
    }
    if (!isWeekday(rec.day)) problems['recurrence.day'] = 'Please choose a day of the week.';
  } else if (rec?.kind !== 'once') {
    problems['recurrence.kind'] = 'Please choose whether the meeting happens once, weekly or monthly.';
  }
  if (rec?.kind === 'once') return problems;

  if (series.until !== undefined && series.count !== undefined) {
    problems.count = 'Please choose an end date or a number of meetings, not both.';
  } else if (series.count !== undefined && !isIntegerBetween(series.count, 1, SERIES_LIMITS.maxCount)) {
    problems.count = `The number of meetings can be from 1 to ${SERIES_LIMITS.maxCount}.`;
  }
  if (series.until !== undefined) {
    const until = parseDate(series.until);
    if (!until) {
      problems.until = 'Please choose the date of the last meeting.';
    } else if (Object.keys(problems).length === 0 && until < firstMeetingDate(series)) {
      problems.until = 'The last date is before the first meeting. Please choose a later date.';
    }
  }
  return problems;
}

/**
 * The series' meetings that overlap [fromMs, toMs): those with endsAt > fromMs and
 * startsAt < toMs, so a meeting under way at `fromMs` is included. In order, at most `limit`.
 * Throws a RangeError for a series that fails `validateSeries` (validate input first).
 */
export function occurrencesBetween(
  series: Series,
  fromMs: number,
  toMs: number,
  options: { limit?: number } = {},
): Occurrence[] {
  assertValid(series);
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs < fromMs) {
    throw new RangeError('occurrencesBetween needs a finite window with fromMs <= toMs.');
  }
  const limit = options.limit ?? DEFAULT_OCCURRENCE_LIMIT;
  if (limit <= 0) return [];
  const zone = series.timeZone;
  const durationMs = series.durationMinutes * MINUTE_MS;
  // Search a little wider in floating time: local offsets, a change of offset and a meeting
  // already under way all shift wall clock against the instant by well under a day.
  const after = new Date(floatingFromInstant(clamp(fromMs), zone) - DAY_MS - durationMs);
  const before = new Date(floatingFromInstant(clamp(toMs), zone) + DAY_MS);

  const found: Occurrence[] = [];
  buildRule(series).between(after, before, true, (floating) => {
    const startsAt = instantFromFloating(floating, zone);
    const endsAt = startsAt + durationMs;
    if (endsAt > fromMs && startsAt < toMs) found.push({ startsAt, endsAt, localDate: floatingDate(floating) });
    return found.length < limit;
  });
  return found;
}

/**
 * The series as iCalendar lines for the `.ics` export: `DTSTART;TZID=<zone>:<first meeting>`
 * and, unless it happens once, `RRULE:…` (WKST=MO, UNTIL in UTC as RFC 5545 requires with a
 * TZID). DTSTART is the first real meeting, so calendar apps count the same meetings Kindred does.
 */
export function toRRuleString(series: Series): string {
  assertValid(series);
  const tzid = canonicalTimeZone(series.timeZone) ?? series.timeZone;
  const dtstart = RRule.optionsToString({ dtstart: anchoredStart(series), tzid });
  if (series.recurrence.kind === 'once') return dtstart;
  const until = series.until === undefined ? null : new Date(instantFromFloating(floatingAt(series.until, series.startTime), series.timeZone));
  const rule = RRule.optionsToString({ ...pattern(series.recurrence), until, count: series.count ?? null });
  return `${dtstart}\n${rule}`;
}

/** The wall clock at `ms` in `zone`: 'YYYY-MM-DD', 'HH:mm' and the UTC offset ('+01:00'). */
export function wallClockInZone(ms: number, zone: string): { date: string; time: string; offset: string } {
  const local = DateTime.fromMillis(ms, { zone });
  return { date: local.toFormat('yyyy-MM-dd'), time: local.toFormat('HH:mm'), offset: local.toFormat('ZZ') };
}

/** A meeting time for a person in their zone and language, e.g. 'Wed, 4 Mar 2026, 00:00 GMT'. */
export function formatInZone(ms: number, zone: string, locale = 'en'): string {
  return DateTime.fromMillis(ms, { zone })
    .setLocale(locale)
    .toLocaleString({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
}

// --- inside ---------------------------------------------------------------------------

type RRuleInstance = InstanceType<typeof RRule>;

function assertValid(series: Series): void {
  const problems = validateSeries(series);
  const fields = Object.keys(problems);
  if (fields.length > 0) {
    throw new RangeError(`Invalid meeting series (${fields.map((f) => `${f}: ${problems[f]}`).join(' ')})`);
  }
}

/** The rule's shape, without start or end. */
function pattern(rec: Recurrence): Partial<RRuleOptions> {
  switch (rec.kind) {
    case 'once':
      return { freq: RRule.DAILY };
    case 'weekly': {
      const days = WEEKDAYS.filter((d) => rec.days.includes(d)); // in week order, once each
      return { freq: RRule.WEEKLY, interval: rec.interval, byweekday: days.map((d) => RRULE_DAYS[d]), wkst: RRule.MO };
    }
    case 'monthly_nth_weekday':
      return { freq: RRule.MONTHLY, interval: 1, byweekday: [RRULE_DAYS[rec.day].nth(rec.nth)] };
  }
}

/** The first meeting, in floating time: the first chosen day on or after startDate. */
function anchoredStart(series: Series): Date {
  const start = floatingAt(series.startDate, series.startTime);
  if (series.recurrence.kind === 'once') return start;
  // With interval 1, rrule finds the first matching day; an every-N-weeks rule then counts
  // from that meeting, not from a week with no meeting in it.
  const first = new RRule({ ...pattern(series.recurrence), interval: 1, dtstart: start, count: 1 }).all()[0];
  return first ?? start;
}

function firstMeetingDate(series: Series): string {
  return floatingDate(anchoredStart(series));
}

function buildRule(series: Series): RRuleInstance {
  const dtstart = anchoredStart(series);
  if (series.recurrence.kind === 'once') return new RRule({ freq: RRule.DAILY, dtstart, count: 1 });
  return new RRule({
    ...pattern(series.recurrence),
    dtstart,
    // Every meeting is at startTime, so "until that date at startTime" is inclusive of it.
    until: series.until === undefined ? null : floatingAt(series.until, series.startTime),
    count: series.count ?? null,
  });
}

/** A wall-clock date and time as a floating Date (its UTC fields are the local ones). */
function floatingAt(date: string, time: string): Date {
  const d = DateTime.fromISO(`${date}T${time}`, { zone: 'utc' });
  return d.toJSDate();
}

function floatingDate(floating: Date): string {
  return DateTime.fromJSDate(floating, { zone: 'utc' }).toFormat('yyyy-MM-dd');
}

function floatingFromInstant(ms: number, zone: string): number {
  return DateTime.fromMillis(ms, { zone }).setZone('utc', { keepLocalTime: true }).toMillis();
}

/**
 * The instant of a floating wall-clock time in `zone`. Luxon already moves a skipped time
 * forward by the gap; for a repeated time its pick depends on its first guess of the offset,
 * so take the earliest of the possible instants ourselves.
 */
function instantFromFloating(floating: Date, zone: string): number {
  const local = DateTime.fromJSDate(floating, { zone: 'utc' }).setZone(zone, { keepLocalTime: true });
  return Math.min(...local.getPossibleOffsets().map((candidate) => candidate.toMillis()));
}

function parseDate(value: unknown): string | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  return DateTime.fromISO(value, { zone: 'utc' }).isValid ? value : null;
}

function parseTime(value: unknown): boolean {
  return typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

function isWeekday(value: unknown): value is Weekday {
  return typeof value === 'string' && (WEEKDAYS as readonly string[]).includes(value);
}

function isIntegerBetween(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function clamp(ms: number): number {
  return Math.min(Math.max(ms, -MAX_MS), MAX_MS);
}
