import type { Meeting, Occurrence, RecurrenceInput } from '../../../shared/meetings.js';
import type { AuthMember } from '../../platform/http/auth.js';
import type { Recurrence, Series } from './recurrence.js';
import { meetingsPolicy } from './meetings.policy.js';
import type { MeetingView } from './meetings.store.js';
import { NO_SEATS, type Seats } from './meetings.rsvp.js';

/** The series as recurrence.ts reads it. */
export function seriesOf(row: Pick<MeetingView, 'start_date' | 'start_time' | 'time_zone' | 'duration_minutes' | 'recurrence' | 'until_date' | 'occurrence_count'>): Series {
  return {
    startDate: row.start_date,
    startTime: row.start_time,
    timeZone: row.time_zone,
    durationMinutes: Number(row.duration_minutes),
    recurrence: JSON.parse(row.recurrence) as Recurrence,
    ...(row.until_date !== null ? { until: row.until_date } : {}),
    ...(row.occurrence_count !== null ? { count: Number(row.occurrence_count) } : {}),
  };
}

/** The only way a series leaves the server. */
export function presentMeeting(row: MeetingView, actor: AuthMember | null): Meeting {
  return {
    id: row.id,
    group: { slug: row.group_slug, name: row.group_name },
    title: row.title,
    description: row.description,
    agenda: JSON.parse(row.agenda) as string[],
    capacity: Number(row.capacity),
    durationMinutes: Number(row.duration_minutes),
    timeZone: row.time_zone,
    startDate: row.start_date,
    startTime: row.start_time,
    recurrence: JSON.parse(row.recurrence) as RecurrenceInput,
    until: row.until_date,
    count: row.occurrence_count === null ? null : Number(row.occurrence_count),
    facilitator: row.facilitator_handle,
    coFacilitator: row.co_facilitator_handle,
    cancelled: row.cancelled_at !== null,
    canManage: meetingsPolicy.canManage(actor, row),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

/** One computed occurrence, overrides applied. */
export interface ComputedOccurrence {
  localDate: string;
  startsAt: number;
  endsAt: number;
  cancelled: boolean;
  moved: boolean;
  reason: string | null;
}

/** One occurrence with its seats as the reader sees them (their own RSVP included). */
export function presentOccurrence(row: MeetingView, o: ComputedOccurrence, seats: Seats = NO_SEATS): Occurrence {
  return {
    meetingId: row.id,
    localDate: o.localDate,
    startsAt: o.startsAt,
    endsAt: o.endsAt,
    timeZone: row.time_zone,
    group: { slug: row.group_slug, name: row.group_name },
    title: row.title,
    facilitator: row.facilitator_handle,
    capacity: Number(row.capacity),
    cancelled: o.cancelled || row.cancelled_at !== null,
    moved: o.moved,
    reason: o.reason,
    going: seats.going,
    waitlist: seats.waitlist,
    myRsvp: seats.mine,
  };
}
