import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { AuthMember } from '../../platform/http/auth.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { ulid } from '../../platform/ids.js';
import {
  addDays,
  dailyMeans,
  utcDay,
  type Feeling,
  type LowStretchOffer,
  type Mood,
  type MoodCheckIn,
  type MoodSpan,
  type RecordMoodBody,
  type RecordMoodResult,
} from '../../../shared/moods.js';

/** The operator's rule for a sustained low stretch (MOOD_LOW_DAYS of MOOD_LOW_WINDOW_DAYS at MOOD_LOW_AT or lower). */
export interface LowStretchRule {
  lowDays: number;
  windowDays: number;
  lowAt: number;
}

type Row = { id: string; mood: number; feelings: string; note: string; day: string; created_at: number | string };

function present(row: Row): MoodCheckIn {
  return { id: row.id, mood: row.mood as Mood, feelings: JSON.parse(row.feelings) as Feeling[], note: row.note, day: row.day, createdAt: Number(row.created_at) };
}

/**
 * Whether this check-in completes a sustained low stretch that has not been pointed out yet.
 * `means` holds each day's mean mood from `since` on; `offeredDay` is the day of the last offer.
 * After an offer, only low days after a better day that followed it count: a new stretch.
 */
export function lowStretch(means: Map<string, number>, today: string, offeredDay: string | null, rule: LowStretchRule): LowStretchOffer | null {
  const todayMean = means.get(today);
  if (todayMean === undefined || todayMean > rule.lowAt) return null;
  let after = '';
  if (offeredDay) {
    const better = [...means].filter(([d, m]) => d > offeredDay && d <= today && m > rule.lowAt).map(([d]) => d).sort()[0];
    if (!better) return null;
    after = better;
  }
  const start = addDays(today, -(rule.windowDays - 1));
  const low = [...means].filter(([d, m]) => d >= start && d <= today && d > after && m <= rule.lowAt).length;
  return low >= rule.lowDays ? { lowDays: low, windowDays: rule.windowDays } : null;
}

export type MoodsService = ReturnType<typeof createMoodsService>;

/**
 * Mood check-ins, only ever the member's own: no streaks, no badges, no reminders. A sustained
 * low stretch is gently pointed out once, with the rooms, a listener and the safety plan.
 */
export function createMoodsService({ db, rule, now = Date.now }: { db: Kysely<DB>; rule: LowStretchRule; now?: () => number }) {
  return {
    async list(member: AuthMember, days: MoodSpan): Promise<MoodCheckIn[]> {
      // The member's day may run a day ahead of or behind UTC.
      const from = addDays(utcDay(now()), -days);
      const rows = await db.selectFrom('mood_checkins').selectAll().where('member_id', '=', member.id).where('day', '>=', from).orderBy('day').orderBy('created_at').execute();
      return rows.map(present);
    },

    async record(member: AuthMember, body: RecordMoodBody): Promise<RecordMoodResult> {
      const t = now();
      const serverDay = utcDay(t);
      const day = body.day ?? serverDay;
      // A device's calendar day is within a day of UTC's; anything else is a clock gone wrong.
      if (Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || day < addDays(serverDay, -1) || day > addDays(serverDay, 1)) {
        throw new AppError('invalid_day', 'This device’s date looks different from today’s. Please check its clock and try again.', 400, { day: 'Please check this device’s date.' });
      }
      const row = {
        id: ulid(),
        member_id: member.id,
        mood: body.mood,
        feelings: JSON.stringify(body.feelings ?? []),
        note: (body.note ?? '').trim(),
        day,
        created_at: t,
      };
      const offer = await db.transaction().execute(async (trx) => {
        await trx.insertInto('mood_checkins').values(row).execute();
        const last = await trx.selectFrom('mood_low_offers').select('offered_day').where('member_id', '=', member.id).executeTakeFirst();
        const windowStart = addDays(day, -(rule.windowDays - 1));
        const since = last && last.offered_day < windowStart ? last.offered_day : windowStart;
        const recent = await trx.selectFrom('mood_checkins').select(['day', 'mood']).where('member_id', '=', member.id).where('day', '>=', since).where('day', '<=', day).execute();
        const found = lowStretch(dailyMeans(recent), day, last?.offered_day ?? null, rule);
        if (found) {
          await trx
            .insertInto('mood_low_offers')
            .values({ member_id: member.id, offered_day: day, offered_at: t })
            .onConflict((oc) => oc.column('member_id').doUpdateSet({ offered_day: day, offered_at: t }))
            .execute();
        }
        return found;
      });
      return { checkIn: present(row), offer };
    },

    async remove(member: AuthMember, id: string): Promise<void> {
      const res = await db.deleteFrom('mood_checkins').where('id', '=', id).where('member_id', '=', member.id).executeTakeFirst();
      if (Number(res.numDeletedRows) === 0) throw notFound('That check-in');
    },
  };
}
