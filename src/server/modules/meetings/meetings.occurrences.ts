import { DateTime } from 'luxon';
import type { MeetingOverrideRow } from '../../platform/db/schema.js';
import type { ComputedOccurrence } from './meetings.presenter.js';
import { occurrencesBetween, type Series } from './recurrence.js';

/** Occurrences of a series with its overrides applied, no I/O. */

const DAY_MS = 86_400_000;

/**
 * The instant of a wall-clock date and time in `zone`, by the same rules as recurrence.ts: a time
 * skipped by a spring-forward change moves forward by the gap, a repeated one is the first.
 */
export function instantInZone(date: string, time: string, zone: string): number | null {
  const floating = DateTime.fromISO(`${date}T${time}`, { zone: 'utc' });
  if (!floating.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return null;
  const local = floating.setZone(zone, { keepLocalTime: true });
  if (!local.isValid) return null;
  return Math.min(...local.getPossibleOffsets().map((candidate) => candidate.toMillis()));
}

/** The series' own occurrence on `localDate`, before any override, or null when it has none that day. */
export function occurrenceOn(series: Series, localDate: string): { startsAt: number; endsAt: number } | null {
  const noon = instantInZone(localDate, '12:00', series.timeZone);
  if (noon === null) return null;
  const found = occurrencesBetween(series, noon - 2 * DAY_MS, noon + 2 * DAY_MS).find((o) => o.localDate === localDate);
  return found ? { startsAt: found.startsAt, endsAt: found.endsAt } : null;
}

/**
 * The series' occurrences overlapping [fromMs, toMs), overrides applied: a cancelled one stays in
 * the list marked cancelled (members should see that it is off); a moved one is listed where it
 * now is, under the local date that names it.
 */
export function occurrencesWithOverrides(series: Series, overrides: MeetingOverrideRow[], fromMs: number, toMs: number, limit = 500): ComputedOccurrence[] {
  const durationMs = series.durationMinutes * 60_000;
  const byDate = new Map(overrides.map((o) => [o.local_date, o]));
  const out: ComputedOccurrence[] = [];
  for (const o of occurrencesBetween(series, fromMs, toMs, { limit })) {
    const override = byDate.get(o.localDate);
    if ((override?.moved_to ?? null) !== null) continue; // listed below, where it now is
    out.push({ ...o, cancelled: Boolean(override && override.cancelled_at !== null), moved: false, reason: override?.reason || null });
  }
  for (const override of overrides) {
    if (override.moved_to === null) continue;
    const startsAt = Number(override.moved_to);
    const endsAt = startsAt + durationMs;
    if (!(endsAt > fromMs && startsAt < toMs)) continue;
    // A later edit of the series may have left this date out: then the move no longer applies.
    if (!occurrenceOn(series, override.local_date)) continue;
    out.push({ localDate: override.local_date, startsAt, endsAt, cancelled: override.cancelled_at !== null, moved: true, reason: override.reason || null });
  }
  return out.sort((a, b) => a.startsAt - b.startsAt);
}
