import type { Kysely } from 'kysely';
import type { MeetingNoticeKind } from '../../../shared/forum.js';
import type { DB } from '../../platform/db/schema.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { occurrencesWithOverrides } from './meetings.occurrences.js';
import { seriesOf } from './meetings.presenter.js';
import * as store from './meetings.store.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The two in-app reminders before each occurrence, to everyone going and to its leaders. `late`
 * is how long after it was due a reminder may still go: the day-before one only within the hour
 * (someone who saves a place five minutes before is not told "tomorrow"); the last one while the
 * meeting has not started.
 */
export const REMINDERS: readonly { kind: '24h' | '15m'; notice: MeetingNoticeKind; before: number; late: number }[] = [
  { kind: '24h', notice: 'meeting_reminder_24h', before: 24 * HOUR, late: HOUR },
  { kind: '15m', notice: 'meeting_reminder_15m', before: 15 * MINUTE, late: 15 * MINUTE },
];
/** How often the job looks; well inside the shortest `late`, so no reminder is missed. */
export const REMINDERS_EVERY_MS = MINUTE;

export type MeetingReminders = ReturnType<typeof createMeetingReminders>;

/**
 * Finds the reminders due now and sends each once. A reminder's row in `meeting_reminders` (primary
 * key: occurrence, member, kind) is written in the same transaction as its notification, with
 * "on conflict do nothing … returning": only the run that wrote the row writes the notification,
 * so two runs at once (two nodes, or a slow run and the next tick) never remind anyone twice.
 * Moved occurrences are reminded at their new time (a move forgets the reminders already sent);
 * cancelled ones, and cancelled series, not at all.
 */
export function createMeetingReminders({ db, notifications, now = () => Date.now() }: { db: Kysely<DB>; notifications: Pick<NotificationsService, 'writeMeetingNotices' | 'announce'>; now?: () => number }) {
  return {
    /** One pass; returns how many reminders it sent. */
    async run(): Promise<number> {
      const t = now();
      const rows = await store.allLiveMeetings(db);
      if (rows.length === 0) return 0;
      const overrides = await store.overridesOf(
        db,
        rows.map((r) => r.id),
      );
      let sent = 0;
      const told: string[] = [];
      for (const row of rows) {
        const upcoming = occurrencesWithOverrides(
          seriesOf(row),
          overrides.filter((o) => o.meeting_id === row.id),
          t,
          t + REMINDERS[0]!.before + 1,
        ).filter((o) => !o.cancelled && o.startsAt > t);
        for (const o of upcoming) {
          for (const r of REMINDERS) {
            const dueAt = o.startsAt - r.before;
            if (t < dueAt || t >= dueAt + r.late) continue;
            const going = await db
              .selectFrom('meeting_rsvps')
              .select('member_id')
              .where('meeting_id', '=', row.id)
              .where('local_date', '=', o.localDate)
              .where('status', '=', 'going')
              .execute();
            const recipients = [...new Set([row.facilitator_id, ...(row.co_facilitator_id ? [row.co_facilitator_id] : []), ...going.map((g) => g.member_id)])];
            const fresh = await db.transaction().execute(async (trx) => {
              const written = await trx
                .insertInto('meeting_reminders')
                .values(recipients.map((memberId) => ({ meeting_id: row.id, local_date: o.localDate, member_id: memberId, kind: r.kind, sent_at: t })))
                .onConflict((oc) => oc.columns(['meeting_id', 'local_date', 'member_id', 'kind']).doNothing())
                .returning('member_id')
                .execute();
              const ids = written.map((w) => w.member_id);
              await notifications.writeMeetingNotices(
                trx,
                ids.map((memberId) => ({ memberId, kind: r.notice, meetingId: row.id, localDate: o.localDate, startsAt: o.startsAt, createdAt: t })),
              );
              return ids;
            });
            sent += fresh.length;
            told.push(...fresh);
          }
        }
      }
      await notifications.announce(told);
      return sent;
    },
  };
}
