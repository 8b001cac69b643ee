import type { Kysely } from 'kysely';
import type { MyRsvp, RsvpStatus } from '../../../shared/meetings.js';
import { lockNamed } from '../../platform/db/meta.js';
import type { DB } from '../../platform/db/schema.js';
import type { NotificationsService } from '../notifications/notifications.service.js';

/**
 * Seats at one occurrence: up to `capacity` members are `going`, the rest wait in the order they
 * asked (created_at, then member_id). Every change to an occurrence's seats runs in a transaction
 * that first takes a named lock on that occurrence (platform/db/meta.ts: PostgreSQL's row lock; SQLite
 * has one writer), so the count and the write that depends on it never interleave with another
 * request's, on any node: N people asking for the last seat at once give exactly one `going`, and a
 * cancellation promotes the first waiting member exactly once.
 */

export interface Seats {
  going: number;
  waitlist: number;
  mine: MyRsvp | null;
}

export const NO_SEATS: Seats = { going: 0, waitlist: 0, mine: null };

const key = (meetingId: string, localDate: string) => `${meetingId}/${localDate}`;
const lockName = (meetingId: string, localDate: string) => `meeting-seats:${meetingId}:${localDate}`;

/** Takes the lock that serialises every change to one occurrence's seats, until the transaction ends. */
export function lockSeats(trx: Kysely<DB>, meetingId: string, localDate: string): Promise<void> {
  return lockNamed(trx, lockName(meetingId, localDate));
}

async function goingCount(trx: Kysely<DB>, meetingId: string, localDate: string): Promise<number> {
  const row = await trx
    .selectFrom('meeting_rsvps')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('meeting_id', '=', meetingId)
    .where('local_date', '=', localDate)
    .where('status', '=', 'going')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Moves the first waiting members into free seats (inside the caller's transaction, which holds
 * `lockSeats`) and writes each a notice in the same transaction. Returns who was promoted: the
 * caller announces them after commit.
 */
export async function fillSeats(
  trx: Kysely<DB>,
  notices: Pick<NotificationsService, 'writeMeetingNotices'>,
  t: number,
  occ: { meetingId: string; localDate: string; startsAt: number },
  capacity: number,
): Promise<string[]> {
  const free = capacity - (await goingCount(trx, occ.meetingId, occ.localDate));
  if (free <= 0) return [];
  const next = await trx
    .selectFrom('meeting_rsvps')
    .select('member_id')
    .where('meeting_id', '=', occ.meetingId)
    .where('local_date', '=', occ.localDate)
    .where('status', '=', 'waitlist')
    .orderBy('created_at')
    .orderBy('member_id')
    .limit(free)
    .execute();
  if (next.length === 0) return [];
  const ids = next.map((r) => r.member_id);
  await trx
    .updateTable('meeting_rsvps')
    .set({ status: 'going', updated_at: t })
    .where('meeting_id', '=', occ.meetingId)
    .where('local_date', '=', occ.localDate)
    .where('member_id', 'in', ids)
    .execute();
  await notices.writeMeetingNotices(
    trx,
    ids.map((memberId) => ({ memberId, kind: 'meeting_promoted', meetingId: occ.meetingId, localDate: occ.localDate, startsAt: occ.startsAt, createdAt: t })),
  );
  return ids;
}

export type RsvpService = ReturnType<typeof createRsvpService>;

export function createRsvpService({ db, notifications, now }: { db: Kysely<DB>; notifications: Pick<NotificationsService, 'writeMeetingNotices' | 'announce'>; now: () => number }) {
  /** The member's place: going, or their 1-based position on the waitlist. */
  async function placeOf(trx: Kysely<DB>, meetingId: string, localDate: string, memberId: string): Promise<MyRsvp | null> {
    const row = await trx
      .selectFrom('meeting_rsvps')
      .select(['status', 'created_at'])
      .where('meeting_id', '=', meetingId)
      .where('local_date', '=', localDate)
      .where('member_id', '=', memberId)
      .executeTakeFirst();
    if (!row) return null;
    if (row.status === 'going') return { status: 'going', position: null };
    const ahead = await trx
      .selectFrom('meeting_rsvps')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('meeting_id', '=', meetingId)
      .where('local_date', '=', localDate)
      .where('status', '=', 'waitlist')
      .where((eb) => eb.or([eb('created_at', '<', row.created_at), eb.and([eb('created_at', '=', row.created_at), eb('member_id', '<', memberId)])]))
      .executeTakeFirstOrThrow();
    return { status: 'waitlist', position: Number(ahead.n) + 1 };
  }

  return {
    /** Takes a seat, or a place on the waitlist when the seats are taken; asking again answers the place already held. */
    async take(occ: { meetingId: string; localDate: string; startsAt: number }, capacity: number, memberId: string): Promise<MyRsvp> {
      return db.transaction().execute(async (trx) => {
        await lockSeats(trx, occ.meetingId, occ.localDate);
        const held = await placeOf(trx, occ.meetingId, occ.localDate, memberId);
        if (held) return held;
        const status: RsvpStatus = (await goingCount(trx, occ.meetingId, occ.localDate)) < capacity ? 'going' : 'waitlist';
        // Strictly after everyone already here, so the waitlist's order is the order of asking even within one millisecond.
        const latest = await trx
          .selectFrom('meeting_rsvps')
          .select((eb) => eb.fn.max('created_at').as('at'))
          .where('meeting_id', '=', occ.meetingId)
          .where('local_date', '=', occ.localDate)
          .executeTakeFirst();
        const t = Math.max(now(), Number(latest?.at ?? 0) + 1);
        await trx.insertInto('meeting_rsvps').values({ meeting_id: occ.meetingId, local_date: occ.localDate, member_id: memberId, status, created_at: t, updated_at: t }).execute();
        return (await placeOf(trx, occ.meetingId, occ.localDate, memberId))!;
      });
    },

    /** Gives up a seat or a waitlist place; a freed seat goes to the first waiting member in the same transaction, who is told (not when `capacity` is null: the meeting is off). */
    async release(occ: { meetingId: string; localDate: string; startsAt: number }, capacity: number | null, memberId: string): Promise<{ promoted: string[] }> {
      const promoted = await db.transaction().execute(async (trx) => {
        await lockSeats(trx, occ.meetingId, occ.localDate);
        const gone = await trx
          .deleteFrom('meeting_rsvps')
          .where('meeting_id', '=', occ.meetingId)
          .where('local_date', '=', occ.localDate)
          .where('member_id', '=', memberId)
          .returning('status')
          .executeTakeFirst();
        // Reminders already sent to them for this occurrence go too: a new RSVP is reminded afresh.
        await trx.deleteFrom('meeting_reminders').where('meeting_id', '=', occ.meetingId).where('local_date', '=', occ.localDate).where('member_id', '=', memberId).execute();
        return gone?.status === 'going' && capacity !== null ? fillSeats(trx, notifications, now(), occ, capacity) : [];
      });
      await notifications.announce(promoted);
      return { promoted };
    },

    /** After the capacity went up: the waiting members of each occurrence still ahead move into the new seats. */
    async fillAll(occurrences: { meetingId: string; localDate: string; startsAt: number }[], capacity: number): Promise<string[]> {
      const promoted: string[] = [];
      for (const occ of occurrences) {
        promoted.push(
          ...(await db.transaction().execute(async (trx) => {
            await lockSeats(trx, occ.meetingId, occ.localDate);
            return fillSeats(trx, notifications, now(), occ, capacity);
          })),
        );
      }
      await notifications.announce(promoted);
      return promoted;
    },

    /** The caller's place at one occurrence. */
    mine(meetingId: string, localDate: string, memberId: string): Promise<MyRsvp | null> {
      return placeOf(db, meetingId, localDate, memberId);
    },

    /**
     * Seat counts of many occurrences and the reader's own place at each, in two queries however
     * many there are (the upcoming list asks for hundreds).
     */
    async seats(occurrences: { meetingId: string; localDate: string }[], memberId: string): Promise<(meetingId: string, localDate: string) => Seats> {
      const meetingIds = [...new Set(occurrences.map((o) => o.meetingId))];
      const dates = [...new Set(occurrences.map((o) => o.localDate))];
      const found = new Map<string, Seats>();
      if (meetingIds.length > 0 && dates.length > 0) {
        const counts = await db
          .selectFrom('meeting_rsvps')
          .select(['meeting_id', 'local_date', 'status', (eb) => eb.fn.countAll<number>().as('n')])
          .where('meeting_id', 'in', meetingIds)
          .where('local_date', 'in', dates)
          .groupBy(['meeting_id', 'local_date', 'status'])
          .execute();
        for (const c of counts) {
          const s = found.get(key(c.meeting_id, c.local_date)) ?? { ...NO_SEATS };
          if (c.status === 'going') s.going = Number(c.n);
          else s.waitlist = Number(c.n);
          found.set(key(c.meeting_id, c.local_date), s);
        }
        const mine = await db
          .selectFrom('meeting_rsvps as r')
          .select([
            'r.meeting_id',
            'r.local_date',
            'r.status',
            (eb) =>
              eb
                .selectFrom('meeting_rsvps as w')
                .select((w) => w.fn.countAll<number>().as('ahead'))
                .whereRef('w.meeting_id', '=', 'r.meeting_id')
                .whereRef('w.local_date', '=', 'r.local_date')
                .where('w.status', '=', 'waitlist')
                .where((w) => w.or([w('w.created_at', '<', w.ref('r.created_at')), w.and([w('w.created_at', '=', w.ref('r.created_at')), w('w.member_id', '<', w.ref('r.member_id'))])]))
                .as('ahead'),
          ])
          .where('r.member_id', '=', memberId)
          .where('r.meeting_id', 'in', meetingIds)
          .where('r.local_date', 'in', dates)
          .execute();
        for (const m of mine) {
          const s = found.get(key(m.meeting_id, m.local_date)) ?? { ...NO_SEATS };
          s.mine = m.status === 'going' ? { status: 'going', position: null } : { status: 'waitlist', position: Number(m.ahead ?? 0) + 1 };
          found.set(key(m.meeting_id, m.local_date), s);
        }
      }
      return (meetingId, localDate) => found.get(key(meetingId, localDate)) ?? NO_SEATS;
    },

    /** Everyone holding a seat or a waitlist place at these dates of one series (all its dates when none are named). */
    async holders(meetingId: string, localDates?: string[]): Promise<{ member_id: string; local_date: string }[]> {
      let q = db.selectFrom('meeting_rsvps').select(['member_id', 'local_date']).where('meeting_id', '=', meetingId);
      if (localDates) {
        if (localDates.length === 0) return [];
        q = q.where('local_date', 'in', localDates);
      }
      return q.orderBy('local_date').orderBy('member_id').execute();
    },
  };
}
