import type { Kysely } from 'kysely';
import type { MeetingNoticeKind } from '../../../shared/forum.js';
import type { CreateMeetingBody, Meeting, Occurrence, OccurrenceList, RecurrenceInput, RsvpResult, UpcomingList, UpdateMeetingBody } from '../../../shared/meetings.js';
import { DEFAULT_AGENDA, MEETING_CAPACITY_DEFAULT, SERIES_OCCURRENCES_MAX, UPCOMING_MAX_DAYS } from '../../../shared/meetings.js';
import type { DB, MeetingRow } from '../../platform/db/schema.js';
import { assertMayTakePart, hasRole, type AuthMember } from '../../platform/http/auth.js';
import { AppError, forbidden, notFound } from '../../platform/http/errors.js';
import { ulid } from '../../platform/ids.js';
import { handleKey } from '../accounts/handles.js';
import type { GroupsService } from '../groups/groups.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { memberships } from '../groups/groups.store.js';
import { meetingCalendar } from './meetings.ics.js';
import { instantInZone, occurrenceOn, occurrencesWithOverrides } from './meetings.occurrences.js';
import { meetingsPolicy } from './meetings.policy.js';
import { presentMeeting, presentOccurrence, seriesOf, type ComputedOccurrence } from './meetings.presenter.js';
import { createRsvpService } from './meetings.rsvp.js';
import * as store from './meetings.store.js';
import { canonicalTimeZone, formatInZone, validateSeries, type Recurrence, type Series } from './recurrence.js';

const DAY_MS = 86_400_000;
/** How far ahead a new or changed series is checked against its facilitator's other meetings. */
export const OVERLAP_WINDOW_DAYS = 90;
const UPCOMING_DEFAULT_DAYS = 30;
/** How far ahead a series' own page looks for its next meetings. */
const SERIES_LOOKAHEAD_DAYS = 400;

export type MeetingsService = ReturnType<typeof createMeetingsService>;

/** Scheduling facilitated meetings: series, occurrences and their overrides. */
export function createMeetingsService({
  db,
  groups,
  notifications,
  now = () => Date.now(),
}: {
  db: Kysely<DB>;
  groups: GroupsService;
  notifications: Pick<NotificationsService, 'writeMeetingNotices' | 'announce' | 'deliverMeetingNotices'>;
  now?: () => number;
}) {
  const rsvps = createRsvpService({ db, notifications, now });

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

  /** The occurrence on `localDate` as it now stands, its override applied; null when the series has none that day. */
  async function stateOf(row: store.MeetingView, localDate: string): Promise<ComputedOccurrence | null> {
    const series = seriesOf(row);
    const at = occurrenceOn(series, localDate);
    if (!at) return null;
    const override = (await store.overridesOf(db, [row.id])).find((o) => o.local_date === localDate);
    const movedTo = override?.moved_to ?? null;
    const startsAt = movedTo !== null ? Number(movedTo) : at.startsAt;
    return {
      localDate,
      startsAt,
      endsAt: startsAt + series.durationMinutes * 60_000,
      cancelled: (override?.cancelled_at ?? null) !== null,
      moved: movedTo !== null,
      reason: override?.reason || null,
    };
  }

  /** One occurrence as `actor` sees it now: override applied, seats and their own RSVP. */
  async function occurrence(actor: AuthMember, id: string, localDate: string): Promise<Occurrence> {
    const row = (await store.findMeeting(db, id))!;
    const o = (await stateOf(row, localDate))!;
    const seats = await rsvps.seats([{ meetingId: id, localDate }], actor.id);
    return presentOccurrence(row, o, seats(id, localDate));
  }

  /** The occurrence named, or a kind 404 when the series has no meeting that day. */
  async function existing(row: store.MeetingView, localDate: string): Promise<ComputedOccurrence> {
    const o = await stateOf(row, localDate);
    if (!o) throw new AppError('no_such_occurrence', 'This series has no meeting on that date. Please choose one from the list.', 404);
    return o;
  }

  /** Tells everyone holding a seat or a waitlist place (once each), after the change committed. */
  async function tellHolders(row: store.MeetingView, kind: MeetingNoticeKind, holders: { member_id: string; local_date: string }[], startsAtOf: (localDate: string) => number): Promise<void> {
    const t = now();
    const seen = new Set<string>();
    const items = [];
    for (const h of holders) {
      if (seen.has(h.member_id)) continue;
      seen.add(h.member_id);
      items.push({ memberId: h.member_id, kind, meetingId: row.id, localDate: h.local_date, startsAt: startsAtOf(h.local_date), createdAt: t });
    }
    await notifications.deliverMeetingNotices(items);
  }

  const leadersOf = (row: Pick<MeetingRow, 'facilitator_id' | 'co_facilitator_id'>) => [row.facilitator_id, ...(row.co_facilitator_id ? [row.co_facilitator_id] : [])];

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
      if (input.capacity !== undefined && input.capacity > Number(row.capacity)) {
        // More seats: those waiting at meetings still ahead move in, and hear so.
        const updated = (await store.findMeeting(db, id))!;
        const open: { meetingId: string; localDate: string; startsAt: number }[] = [];
        for (const localDate of await store.datesWithWaitlist(db, id)) {
          const o = await stateOf(updated, localDate);
          if (o && !o.cancelled && o.startsAt > now()) open.push({ meetingId: id, localDate, startsAt: o.startsAt });
        }
        await rsvps.fillAll(open, input.capacity);
      }
      return present(actor, id);
    },

    /** Cancels the whole series; its occurrences stop being listed as upcoming. */
    async cancelSeries(actor: AuthMember, id: string): Promise<Meeting> {
      const row = await manageable(actor, id);
      const t = now();
      await db.updateTable('meetings').set({ cancelled_at: t, updated_at: t }).where('id', '=', id).execute();
      // Everyone with a place at a meeting still ahead hears once, about the first of them.
      const ahead: { member_id: string; local_date: string }[] = [];
      const starts = new Map<string, number>();
      for (const h of await rsvps.holders(id)) {
        if (!starts.has(h.local_date)) {
          const o = await stateOf(row, h.local_date);
          starts.set(h.local_date, o && !o.cancelled && o.endsAt > t ? o.startsAt : -1);
        }
        if (starts.get(h.local_date)! >= 0) ahead.push(h);
      }
      await tellHolders(row, 'meeting_series_cancelled', ahead, (d) => starts.get(d)!);
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
      const o = (await stateOf(row, localDate))!;
      // Their RSVPs stay, so the page still says they had a place at what is now off.
      await tellHolders(row, 'meeting_cancelled', await rsvps.holders(id, [localDate]), () => o.startsAt);
      return occurrence(actor, id, localDate);
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
      // RSVPs keep their places; reminders already sent are for the old time, so they go again for the new one.
      await store.forgetReminders(db, id, localDate);
      await tellHolders(row, 'meeting_moved', await rsvps.holders(id, [localDate]), () => startsAt);
      return occurrence(actor, id, localDate);
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
        ).map((o) => ({ row, o })),
      );
      items.sort((a, b) => a.o.startsAt - b.o.startsAt || a.row.id.localeCompare(b.row.id));
      const shown = items.slice(0, 500);
      const seats = await rsvps.seats(
        shown.map(({ row, o }) => ({ meetingId: row.id, localDate: o.localDate })),
        actor.id,
      );
      return { items: shown.map(({ row, o }) => presentOccurrence(row, o, seats(row.id, o.localDate))), from, to };
    },

    /** One occurrence with its seats and the caller's own RSVP. */
    async getOccurrence(actor: AuthMember, id: string, localDate: string): Promise<Occurrence> {
      const row = await readable(actor, id);
      await existing(row, localDate);
      return occurrence(actor, id, localDate);
    },

    /** The series' next meetings (one in progress included), overrides applied, with seats. */
    async seriesOccurrences(actor: AuthMember, id: string, limit = 8): Promise<OccurrenceList> {
      const row = await readable(actor, id);
      const series = seriesOf(row);
      const t = now();
      const list = occurrencesWithOverrides(series, await store.overridesOf(db, [id]), t - series.durationMinutes * 60_000, t + SERIES_LOOKAHEAD_DAYS * DAY_MS, 200)
        .filter((o) => o.endsAt > t)
        .slice(0, Math.min(limit, SERIES_OCCURRENCES_MAX));
      const seats = await rsvps.seats(
        list.map((o) => ({ meetingId: id, localDate: o.localDate })),
        actor.id,
      );
      return { items: list.map((o) => presentOccurrence(row, o, seats(id, o.localDate))) };
    },

    /**
     * A seat at one occurrence, or a place on its waitlist once the seats are taken. Asking again
     * answers the place already held. Only members of the group, before the meeting starts.
     */
    async rsvp(actor: AuthMember, id: string, localDate: string): Promise<RsvpResult> {
      const row = await readable(actor, id);
      if (!(await memberships(db, actor.id, [row.group_id])).has(row.group_id)) {
        throw new AppError('not_a_member', `Please join this group first: then you can save a place at its meetings.`, 403);
      }
      assertMayTakePart(actor, now());
      if (row.cancelled_at !== null) throw new AppError('meeting_cancelled', 'This meeting series has been cancelled, so places can no longer be saved.', 409);
      const o = await existing(row, localDate);
      if (o.cancelled) {
        throw new AppError('occurrence_cancelled', `This meeting has been cancelled${o.reason ? `: ${o.reason}` : '.'} Please choose another date.`, 409);
      }
      if (o.startsAt <= now()) {
        throw new AppError('rsvp_after_start', 'This meeting has already started, so places can no longer be saved. Please choose a later date.', 409);
      }
      if (leadersOf(row).includes(actor.id)) {
        throw new AppError('leader_has_place', 'You lead this meeting, so your place is kept already: leaders do not take a seat.', 409);
      }
      const place = await rsvps.take({ meetingId: id, localDate, startsAt: o.startsAt }, Number(row.capacity), actor.id);
      return { rsvp: place, occurrence: await occurrence(actor, id, localDate) };
    },

    /** Gives up one's place; a freed seat goes at once to the first member waiting, who is told. */
    async cancelRsvp(actor: AuthMember, id: string, localDate: string): Promise<RsvpResult> {
      const row = await readable(actor, id);
      const o = await existing(row, localDate);
      if (o.endsAt <= now()) throw new AppError('occurrence_over', 'That meeting is already over, so there is nothing to cancel.', 409);
      // Nobody is promoted into a meeting that is off.
      const promote = row.cancelled_at === null && !o.cancelled;
      await rsvps.release({ meetingId: id, localDate, startsAt: o.startsAt }, promote ? Number(row.capacity) : null, actor.id);
      return { rsvp: null, occurrence: await occurrence(actor, id, localDate) };
    },

    /**
     * Names (or clears) the series' co-facilitator: a facilitator who has joined the group, not the
     * facilitator themself, free at the series' times. Only the facilitator or an admin.
     */
    async setCoFacilitator(actor: AuthMember, id: string, handle: string | null): Promise<Meeting> {
      const row = await manageable(actor, id);
      if (row.facilitator_id !== actor.id && !hasRole(actor, 'admin')) {
        throw new AppError('forbidden', 'Only the facilitator of this meeting, or an admin, can choose its co-facilitator.', 403);
      }
      if (handle === null || handle.trim() === '') {
        await store.setCoFacilitator(db, id, null, now());
        return present(actor, id);
      }
      const field = (code: string, message: string, status: number) => new AppError(code, message, status, { handle: message });
      const co = await store.memberByHandle(db, handleKey(handle));
      if (!co) throw field('no_such_member', `Nobody here is called ${handle.trim()}. Please check the handle.`, 404);
      if (co.id === row.facilitator_id) throw field('already_facilitator', `${co.handle} already leads this meeting as its facilitator. Please choose someone else.`, 409);
      if (!co.facilitator) throw field('not_a_facilitator', `${co.handle} is not a facilitator yet. Co-facilitators finish the facilitator training first.`, 409);
      if (!(await memberships(db, co.id, [row.group_id])).has(row.group_id)) {
        throw field('not_in_group', `${co.handle} has not joined ${row.group_name}. Please ask them to join it first.`, 409);
      }
      await assertNoOverlap([co.id], seriesOf(row), id);
      const t = now();
      await store.setCoFacilitator(db, id, co.id, t);
      if (row.co_facilitator_id !== co.id) {
        const next = occurrencesWithOverrides(seriesOf(row), await store.overridesOf(db, [id]), t, t + SERIES_LOOKAHEAD_DAYS * DAY_MS, 20).find((o) => !o.cancelled);
        await notifications.deliverMeetingNotices([
          { memberId: co.id, kind: 'meeting_co_facilitator', meetingId: id, localDate: next?.localDate ?? row.start_date, startsAt: next?.startsAt ?? t, createdAt: t },
        ]);
      }
      return present(actor, id);
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
