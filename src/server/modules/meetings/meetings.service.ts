import type { Kysely } from 'kysely';
import type { CreateMeetingBody, Meeting, Occurrence, RecurrenceInput, UpcomingList, UpdateMeetingBody } from '../../../shared/meetings.js';
import { DEFAULT_AGENDA, MEETING_CAPACITY_DEFAULT, UPCOMING_MAX_DAYS } from '../../../shared/meetings.js';
import type { DB, MeetingRow } from '../../platform/db/schema.js';
import { assertMayTakePart, type AuthMember } from '../../platform/http/auth.js';
import { AppError, forbidden, notFound } from '../../platform/http/errors.js';
import { ulid } from '../../platform/ids.js';
import type { GroupsService } from '../groups/groups.service.js';
import { memberships } from '../groups/groups.store.js';
import { meetingCalendar } from './meetings.ics.js';
import { instantInZone, occurrenceOn, occurrencesWithOverrides } from './meetings.occurrences.js';
import { meetingsPolicy } from './meetings.policy.js';
import { presentMeeting, presentOccurrence, seriesOf } from './meetings.presenter.js';
import * as store from './meetings.store.js';
import { canonicalTimeZone, formatInZone, validateSeries, type Recurrence, type Series } from './recurrence.js';

const DAY_MS = 86_400_000;
/** How far ahead a new or changed series is checked against its facilitator's other meetings. */
export const OVERLAP_WINDOW_DAYS = 90;
const UPCOMING_DEFAULT_DAYS = 30;

export type MeetingsService = ReturnType<typeof createMeetingsService>;

/** Scheduling facilitated meetings: series, occurrences and their overrides. */
export function createMeetingsService({ db, groups, now = () => Date.now() }: { db: Kysely<DB>; groups: GroupsService; now?: () => number }) {
  /** A series `actor` may read (its group readable to them), else 404. */
  async function readable(actor: AuthMember, id: string): Promise<store.MeetingView> {
    const row = await store.findMeeting(db, id);
    if (!row) throw notFound('That meeting');
    try {
      await groups.readable(actor, row.group_slug);
    } catch {
      throw notFound('That meeting');
    }
    return row;
  }

  async function manageable(actor: AuthMember, id: string): Promise<store.MeetingView> {
    const row = await readable(actor, id);
    if (!meetingsPolicy.canManage(actor, row)) throw forbidden();
    assertMayTakePart(actor, now());
    if (row.cancelled_at !== null) throw new AppError('meeting_cancelled', 'This meeting series has been cancelled, so it cannot be changed.', 409);
    return row;
  }

  /**
   * Refuses `series` when one of its meetings in the next 90 days overlaps another live meeting
   * led by the same person (as facilitator or co-facilitator), naming the first clash.
   */
  async function assertNoOverlap(
    leaderIds: string[],
    series: Series,
    except: string | null,
    moved?: { localDate: string; startsAt: number; endsAt: number },
  ): Promise<void> {
    const extra = moved ? [moved] : [];
    const from = now();
    const to = from + OVERLAP_WINDOW_DAYS * DAY_MS;
    const mine = extra.length > 0 ? extra : occurrencesWithOverrides(series, await overridesFor(except), from, to).filter((o) => !o.cancelled);
    if (mine.length === 0) return;
    const others = new Map<string, MeetingRow>();
    // A moved occurrence must not land on the series' own other meetings either.
    for (const id of leaderIds) for (const row of await store.liveMeetingsLedBy(db, id)) if (row.id !== except || moved) others.set(row.id, row);
    if (others.size === 0) return;
    const overrides = await store.overridesOf(db, [...others.keys()]);
    for (const other of others.values()) {
      const theirs = occurrencesWithOverrides(
        seriesOf(other),
        overrides.filter((o) => o.meeting_id === other.id),
        from,
        to,
      ).filter((o) => !o.cancelled && !(other.id === except && o.localDate === moved?.localDate));
      for (const a of mine) {
        const clash = theirs.find((b) => a.startsAt < b.endsAt && b.startsAt < a.endsAt);
        if (clash) {
          const when = formatInZone(clash.startsAt, series.timeZone);
          throw new AppError('meeting_overlap', `This overlaps “${other.title}” on ${when}. Please choose another time, or move that meeting first.`, 409, undefined, {
            clash: { meetingId: other.id, title: other.title, startsAt: clash.startsAt, localDate: clash.localDate },
          });
        }
      }
    }
  }

  async function overridesFor(id: string | null) {
    return id === null ? [] : store.overridesOf(db, [id]);
  }

  function checked(series: Series): Series {
    const fields = validateSeries(series);
    if (Object.keys(fields).length > 0) throw new AppError('invalid_input', 'Some details need another look.', 400, fields);
    return { ...series, timeZone: canonicalTimeZone(series.timeZone) ?? series.timeZone };
  }

  async function present(actor: AuthMember, id: string): Promise<Meeting> {
    return presentMeeting((await store.findMeeting(db, id))!, actor);
  }

  /** One occurrence as it now stands, its override applied. */
  async function occurrence(id: string, localDate: string): Promise<Occurrence> {
    const row = (await store.findMeeting(db, id))!;
    const series = seriesOf(row);
    const at = occurrenceOn(series, localDate)!;
    const override = (await store.overridesOf(db, [id])).find((o) => o.local_date === localDate);
    const movedTo = override?.moved_to ?? null;
    const startsAt = movedTo !== null ? Number(movedTo) : at.startsAt;
    return presentOccurrence(row, {
      localDate,
      startsAt,
      endsAt: startsAt + series.durationMinutes * 60_000,
      cancelled: (override?.cancelled_at ?? null) !== null,
      moved: movedTo !== null,
      reason: override?.reason || null,
    });
  }

  /** The occurrence on `localDate`, which must be one of the series' and not over yet. */
  function assertOpenOccurrence(row: store.MeetingView, localDate: string): { startsAt: number; endsAt: number } {
    const at = occurrenceOn(seriesOf(row), localDate);
    if (!at) throw new AppError('no_such_occurrence', 'This series has no meeting on that date. Please choose one from the list.', 404);
    if (at.endsAt <= now()) throw new AppError('occurrence_over', 'That meeting is already over, so it cannot be changed.', 409);
    return at;
  }

  return {
    /** A facilitator schedules a series in a group they have joined. */
    async create(actor: AuthMember, slug: string, input: CreateMeetingBody): Promise<Meeting> {
      if (!meetingsPolicy.canSchedule(actor)) throw new AppError('not_a_facilitator', 'Only facilitators can schedule meetings.', 403);
      assertMayTakePart(actor, now());
      const group = await groups.readable(actor, slug);
      if (!(await memberships(db, actor.id, [group.id])).has(group.id)) {
        throw new AppError('not_a_member', 'Please join this group before scheduling a meeting in it.', 403);
      }
      const series = checked(seriesFromInput(input));
      await assertNoOverlap([actor.id], series, null);
      const t = now();
      const id = ulid(t);
      await db
        .insertInto('meetings')
        .values({
          id,
          group_id: group.id,
          facilitator_id: actor.id,
          co_facilitator_id: null,
          title: input.title.trim(),
          description: (input.description ?? '').trim(),
          agenda: JSON.stringify(input.agenda ?? DEFAULT_AGENDA),
          capacity: input.capacity ?? MEETING_CAPACITY_DEFAULT,
          ...seriesColumns(series),
          created_at: t,
          updated_at: t,
          cancelled_at: null,
        })
        .execute();
      return present(actor, id);
    },

    async get(actor: AuthMember, id: string): Promise<Meeting> {
      return presentMeeting(await readable(actor, id), actor);
    },

    /** Edits the series; a new schedule is checked for overlaps again. Overrides stay keyed by date. */
    async update(actor: AuthMember, id: string, input: UpdateMeetingBody): Promise<Meeting> {
      const row = await manageable(actor, id);
      const before = seriesOf(row);
      const merged: Series = {
        startDate: input.startDate ?? before.startDate,
        startTime: input.startTime ?? before.startTime,
        timeZone: input.timeZone ?? before.timeZone,
        durationMinutes: input.durationMinutes ?? before.durationMinutes,
        recurrence: input.recurrence ? recurrenceFromInput(input.recurrence) : before.recurrence,
      };
      const until = input.until === undefined ? before.until : (input.until ?? undefined);
      const count = input.count === undefined ? before.count : (input.count ?? undefined);
      if (until !== undefined) merged.until = until;
      if (count !== undefined) merged.count = count;
      const series = checked(merged);
      const leaders = [row.facilitator_id, ...(row.co_facilitator_id ? [row.co_facilitator_id] : [])];
      await assertNoOverlap(leaders, series, id);
      await db
        .updateTable('meetings')
        .set({
          ...(input.title !== undefined ? { title: input.title.trim() } : {}),
          ...(input.description !== undefined ? { description: input.description.trim() } : {}),
          ...(input.agenda !== undefined ? { agenda: JSON.stringify(input.agenda) } : {}),
          ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
          ...seriesColumns(series),
          updated_at: now(),
        })
        .where('id', '=', id)
        .execute();
      return present(actor, id);
    },

    /** Cancels the whole series; its occurrences stop being listed as upcoming. */
    async cancelSeries(actor: AuthMember, id: string): Promise<Meeting> {
      await manageable(actor, id);
      const t = now();
      await db.updateTable('meetings').set({ cancelled_at: t, updated_at: t }).where('id', '=', id).execute();
      return present(actor, id);
    },

    /** Cancels one occurrence, named by its local date, with a reason members will see. */
    async cancelOccurrence(actor: AuthMember, id: string, localDate: string, reason: string): Promise<Occurrence> {
      const row = await manageable(actor, id);
      assertOpenOccurrence(row, localDate);
      const previous = (await store.overridesOf(db, [id])).find((o) => o.local_date === localDate);
      const t = now();
      await store.putOverride(db, { meeting_id: id, local_date: localDate, cancelled_at: t, moved_to: previous?.moved_to ?? null, reason: reason.trim(), updated_at: t });
      await db.updateTable('meetings').set({ updated_at: t }).where('id', '=', id).execute();
      return occurrence(id, localDate);
    },

    /**
     * Moves one occurrence to a new wall-clock date and time in the series' zone. The instant
     * follows that zone's rules on the new date, so a move across a daylight-saving change lands
     * at the time the facilitator typed.
     */
    async moveOccurrence(actor: AuthMember, id: string, localDate: string, input: { date: string; time: string; reason?: string | undefined }): Promise<Occurrence> {
      const row = await manageable(actor, id);
      assertOpenOccurrence(row, localDate);
      const series = seriesOf(row);
      const startsAt = instantInZone(input.date, input.time, series.timeZone);
      if (startsAt === null) throw new AppError('invalid_input', 'Some details need another look.', 400, { date: 'Please choose a new date and time, such as 2026-03-10 at 19:00.' });
      if (startsAt <= now()) throw new AppError('invalid_input', 'Some details need another look.', 400, { date: 'Please choose a time that has not passed yet.' });
      const endsAt = startsAt + series.durationMinutes * 60_000;
      const leaders = [row.facilitator_id, ...(row.co_facilitator_id ? [row.co_facilitator_id] : [])];
      await assertNoOverlap(leaders, series, id, { localDate, startsAt, endsAt });
      const t = now();
      await store.putOverride(db, { meeting_id: id, local_date: localDate, cancelled_at: null, moved_to: startsAt, reason: (input.reason ?? '').trim(), updated_at: t });
      await db.updateTable('meetings').set({ updated_at: t }).where('id', '=', id).execute();
      return occurrence(id, localDate);
    },

    /** Occurrences across the groups `actor` may read, in a window of at most 92 days, in order. */
    async upcoming(actor: AuthMember, query: { group?: string | undefined; from?: number | undefined; to?: number | undefined }): Promise<UpcomingList> {
      const from = query.from ?? now();
      const to = query.to ?? from + UPCOMING_DEFAULT_DAYS * DAY_MS;
      if (to < from || to - from > UPCOMING_MAX_DAYS * DAY_MS) {
        throw new AppError('invalid_input', 'Some details need another look.', 400, { to: `Please choose a window of up to ${UPCOMING_MAX_DAYS} days.` });
      }
      const groupIds = query.group ? [(await groups.readable(actor, query.group)).id] : await groups.readableIds(actor);
      const rows = await store.liveMeetingsIn(db, groupIds);
      const overrides = await store.overridesOf(db, rows.map((r) => r.id));
      const items = rows.flatMap((row) =>
        occurrencesWithOverrides(
          seriesOf(row),
          overrides.filter((o) => o.meeting_id === row.id),
          from,
          to,
        ).map((o) => presentOccurrence(row, o)),
      );
      items.sort((a, b) => a.startsAt - b.startsAt || a.meetingId.localeCompare(b.meetingId));
      return { items: items.slice(0, 500), from, to };
    },

    /** The series as an .ics file; no personal data. */
    async calendar(actor: AuthMember, id: string, meetingUrl: string): Promise<{ filename: string; body: string }> {
      const row = await readable(actor, id);
      const overrides = await store.overridesOf(db, [id]);
      return { filename: `kindred-meeting-${id.toLowerCase()}.ics`, body: meetingCalendar(row, overrides, meetingUrl) };
    },
  };
}

function recurrenceFromInput(input: RecurrenceInput): Recurrence {
  // validateSeries checks the parts; unknown shapes reach it as they came.
  switch (input.kind) {
    case 'weekly':
      return { kind: 'weekly', days: input.days ?? [], interval: input.interval ?? 1 };
    case 'monthly_nth_weekday':
      return { kind: 'monthly_nth_weekday', nth: input.nth as 1, day: input.day as 'mo' };
    default:
      return { kind: 'once' };
  }
}

function seriesFromInput(input: CreateMeetingBody): Series {
  return {
    startDate: input.startDate,
    startTime: input.startTime,
    timeZone: input.timeZone,
    durationMinutes: input.durationMinutes,
    recurrence: recurrenceFromInput(input.recurrence),
    ...(input.until !== undefined ? { until: input.until } : {}),
    ...(input.count !== undefined ? { count: input.count } : {}),
  };
}

function seriesColumns(series: Series) {
  return {
    duration_minutes: series.durationMinutes,
    time_zone: series.timeZone,
    start_date: series.startDate,
    start_time: series.startTime,
    recurrence: JSON.stringify(series.recurrence),
    until_date: series.until ?? null,
    occurrence_count: series.count ?? null,
  };
}
