import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { MeetingOverrideRow } from '../../platform/db/schema.js';
import type { MeetingView } from './meetings.store.js';
import { seriesOf } from './meetings.presenter.js';
import { occurrenceOn } from './meetings.occurrences.js';
import { canonicalTimeZone, toRRuleString } from './recurrence.js';

/**
 * A series as an iCalendar file for a member's own calendar. It holds no personal data: no
 * handles, no member ids; the title, the group's name and a link to the meeting's page.
 *
 * ical-generator writes the calendar, the event, DTSTART;TZID and DTEND, escaping and line
 * folding. The rule itself comes from recurrence.ts (toRRuleString), so calendar apps count the
 * same meetings Kindred does; ical-generator passes a string rule through as it is (its own
 * rule object cannot give UNTIL in UTC with a TZID start), so the EXDATE lines go with it.
 * A moved occurrence is an EXDATE on the series plus its own VEVENT with RECURRENCE-ID.
 */
export function meetingCalendar(row: MeetingView, overrides: MeetingOverrideRow[], meetingUrl: string): string {
  const series = seriesOf(row);
  const zone = canonicalTimeZone(series.timeZone) ?? series.timeZone;
  const first = occurrenceOnFirst(row);
  const wall = (ms: number) => DateTime.fromMillis(ms, { zone });
  const icsWall = (ms: number) => wall(ms).toFormat("yyyyMMdd'T'HHmmss");

  const cal = ical({ name: row.title, prodId: { company: 'Kindred', product: 'Meetings', language: 'EN' }, method: ICalCalendarMethod.PUBLISH });
  const lines = toRRuleString(series)
    .split('\n')
    .filter((line) => line.startsWith('RRULE:'));
  // Every override stands in for the series on its date: cancelled or moved, the series skips it.
  const skipped = overrides
    .map((o) => ({ o, at: occurrenceOn(series, o.local_date) }))
    .filter((x): x is { o: MeetingOverrideRow; at: { startsAt: number; endsAt: number } } => x.at !== null);
  skipped.sort((a, b) => a.at.startsAt - b.at.startsAt);
  if (lines.length > 0 && skipped.length > 0) lines.push(`EXDATE;TZID=${zone}:${skipped.map((x) => icsWall(x.at.startsAt)).join(',')}`);
  const description = `${row.group_name} · Kindred\n${meetingUrl}`;
  const uid = `meeting-${row.id.toLowerCase()}@kindred`;
  const durationMs = series.durationMinutes * 60_000;

  cal.createEvent({
    id: uid,
    start: wall(first),
    end: wall(first + durationMs),
    timezone: zone,
    summary: row.title,
    description,
    url: meetingUrl,
    stamp: DateTime.fromMillis(Number(row.updated_at), { zone: 'utc' }),
    ...(lines.length > 0 ? { repeating: lines.join('\n') } : {}),
    ...(row.cancelled_at !== null ? { status: ICalEventStatus.CANCELLED } : {}),
  });
  for (const { o, at } of skipped) {
    if (o.moved_to === null || o.cancelled_at !== null || lines.length === 0) continue;
    const startsAt = Number(o.moved_to);
    cal.createEvent({
      id: uid,
      recurrenceId: wall(at.startsAt),
      start: wall(startsAt),
      end: wall(startsAt + durationMs),
      timezone: zone,
      summary: row.title,
      description,
      url: meetingUrl,
      stamp: DateTime.fromMillis(Number(o.updated_at), { zone: 'utc' }),
    });
  }
  return cal.toString();
}

/** The first meeting of the series (the first chosen day on or after its start date). */
function occurrenceOnFirst(row: MeetingView): number {
  const series = seriesOf(row);
  const dtstart = toRRuleString(series).split('\n')[0]!; // DTSTART;TZID=Zone:YYYYMMDDTHHMMSS
  const stamp = dtstart.slice(dtstart.lastIndexOf(':') + 1);
  const at = occurrenceOn(series, `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}`);
  if (!at) throw new RangeError('The series has no first meeting.');
  return at.startsAt;
}
