import type { MemberData } from '../accounts/member-data.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { occurrenceOn } from './meetings.occurrences.js';
import { seriesOf } from './meetings.presenter.js';
import { fillSeats, lockSeats } from './meetings.rsvp.js';
import * as store from './meetings.store.js';

/**
 * A member's part in meetings: the places they saved (meeting, date, going or waiting) and the
 * series they lead. On deletion their RSVPs and reminders go; a series they facilitate is
 * cancelled and one they co-lead loses them, but the rows stay: a meeting is its group's, and the
 * members who saved places there are told by its cancelled state. (Answers to "Did this meeting
 * help?", hands and removals are the live room's: meetings.room.member-data.ts.)
 */
export function meetingsMemberData(notices: Pick<NotificationsService, 'writeMeetingNotices'>): MemberData {
  return {
    name: 'meetings',
    async export(db, memberId) {
      const rsvps = await db
        .selectFrom('meeting_rsvps')
        .innerJoin('meetings', 'meetings.id', 'meeting_rsvps.meeting_id')
        .select(['meetings.title', 'meeting_rsvps.local_date', 'meeting_rsvps.status', 'meeting_rsvps.created_at'])
        .where('meeting_rsvps.member_id', '=', memberId)
        .orderBy('meeting_rsvps.local_date')
        .orderBy('meetings.title')
        .execute();
      const led = await db
        .selectFrom('meetings')
        .select(['title', 'facilitator_id', 'time_zone', 'start_date', 'start_time', 'duration_minutes', 'recurrence', 'until_date', 'occurrence_count', 'cancelled_at'])
        .where((eb) => eb.or([eb('facilitator_id', '=', memberId), eb('co_facilitator_id', '=', memberId)]))
        .orderBy('created_at')
        .execute();
      return {
        rsvps: rsvps.map((r) => ({ meeting: r.title, date: r.local_date, status: r.status, at: Number(r.created_at) })),
        leading: led.map((m) => ({
          title: m.title,
          as: m.facilitator_id === memberId ? 'facilitator' : 'co-facilitator',
          schedule: {
            startDate: m.start_date,
            startTime: m.start_time,
            timeZone: m.time_zone,
            durationMinutes: Number(m.duration_minutes),
            recurrence: JSON.parse(m.recurrence) as unknown,
            until: m.until_date,
            count: m.occurrence_count === null ? null : Number(m.occurrence_count),
          },
          cancelled: m.cancelled_at !== null,
        })),
      };
    },
    async erase(trx, memberId, now) {
      await trx.deleteFrom('meeting_reminders').where('member_id', '=', memberId).execute();
      // A seat they held at a meeting still ahead goes to the first member waiting, as when anyone cancels.
      const seats = await trx.selectFrom('meeting_rsvps').select(['meeting_id', 'local_date', 'status']).where('member_id', '=', memberId).orderBy('meeting_id').orderBy('local_date').execute();
      const going = seats.filter((r) => r.status === 'going');
      for (const seat of going) await lockSeats(trx, seat.meeting_id, seat.local_date);
      await trx.deleteFrom('meeting_rsvps').where('member_id', '=', memberId).execute();
      for (const seat of going) {
        const row = await store.findMeeting(trx, seat.meeting_id);
        if (!row || row.cancelled_at !== null) continue;
        const at = occurrenceOn(seriesOf(row), seat.local_date);
        const override = (await store.overridesOf(trx, [row.id])).find((o) => o.local_date === seat.local_date);
        if (!at || (override && override.cancelled_at !== null)) continue;
        const startsAt = override?.moved_to != null ? Number(override.moved_to) : at.startsAt;
        if (startsAt <= now) continue;
        await fillSeats(trx, notices, now, { meetingId: row.id, localDate: seat.local_date, startsAt }, Number(row.capacity));
      }
      await trx.updateTable('meetings').set({ cancelled_at: now, updated_at: now }).where('facilitator_id', '=', memberId).where('cancelled_at', 'is', null).execute();
      await trx.updateTable('meetings').set({ co_facilitator_id: null, updated_at: now }).where('co_facilitator_id', '=', memberId).execute();
    },
  };
}
