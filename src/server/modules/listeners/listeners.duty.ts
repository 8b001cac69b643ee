import type { Kysely } from 'kysely';
import type { EventBus } from '../../platform/events/bus.js';
import type { DutyStatus, ListenerProfile, ProfileUpdate } from '../../../shared/listeners.js';
import type { Language } from '../../../shared/rules.js';
import { BREAK_NUDGE_MINUTES, type SupportTopic } from '../../../shared/support-rules.js';
import type { DB } from '../../platform/db/schema.js';
import { assertMayTakePart, type AuthMember } from '../../platform/http/auth.js';
import { AppError } from '../../platform/http/errors.js';
import { ulid } from '../../platform/ids.js';
import { listenersPolicy } from './listeners.policy.js';
import { languagesOf, topicsOf } from './listeners.presenter.js';
import * as store from './listeners.store.js';

export type ListenerDutyService = ReturnType<typeof createListenerDutyService>;

/** What the queue needs to know of a listener. */
export interface ListenerMatchProfile {
  memberId: string;
  languages: Language[];
  topics: SupportTopic[];
  capacity: number;
  status: DutyStatus;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** Start of the UTC day that holds `t`: "today" for time on duty and the daily cap. */
export const utcDayStart = (t: number) => Math.floor(t / DAY_MS) * DAY_MS;

/**
 * A listener's profile and time on duty: languages, topics and how many chats at once; on
 * duty, off duty or on a break, each stretch on duty kept for "time on duty today", the
 * break nudge and the operators' daily cap. The queue reads on-duty listeners from here.
 */
export function createListenerDutyService({ db, dailyCapMinutes, bus, now = () => Date.now() }: { db: Kysely<DB>; dailyCapMinutes: number; bus?: EventBus; now?: () => number }) {
  function notListener(): AppError {
    return new AppError('not_listener', 'This is for Kindred listeners. If you would like to become one, the training on the Listeners page is the first step.', 403);
  }

  async function minutesToday(conn: Kysely<DB>, memberId: string, t: number): Promise<number> {
    const from = utcDayStart(t);
    const rows = await store.stretchesSince(conn, memberId, from);
    let ms = 0;
    for (const r of rows) {
      const end = r.ended_at === null ? t : Math.min(Number(r.ended_at), t);
      ms += Math.max(0, end - Math.max(Number(r.started_at), from));
    }
    return Math.floor(ms / MINUTE_MS);
  }

  async function present(conn: Kysely<DB>, memberId: string): Promise<ListenerProfile> {
    const row = await store.profile(conn, memberId);
    if (!row) throw notListener();
    const t = now();
    const status = row.status as DutyStatus;
    const today = await minutesToday(conn, memberId, t);
    const stretch = status === 'on' ? Math.floor(Math.max(0, t - Number(row.status_since)) / MINUTE_MS) : 0;
    return {
      languages: languagesOf(row.languages),
      topics: topicsOf(row.topics),
      capacity: Number(row.capacity),
      status,
      statusSince: Number(row.status_since),
      minutesOnDutyToday: today,
      minutesThisStretch: stretch,
      breakNudge: status === 'on' && stretch >= BREAK_NUDGE_MINUTES,
      dailyCapMinutes,
      capReached: today >= dailyCapMinutes,
    };
  }

  return {
    /** The listener's own profile with time on duty today and the break nudge. */
    async mine(member: AuthMember): Promise<ListenerProfile> {
      listenersPolicy.requireListener(member);
      return present(db, member.id);
    },

    /** Changes languages, topics or how many chats at once. */
    async update(member: AuthMember, body: ProfileUpdate): Promise<ListenerProfile> {
      listenersPolicy.requireListener(member);
      const set: { languages?: string; topics?: string; capacity?: number; updated_at: number } = { updated_at: now() };
      if (body.languages) set.languages = JSON.stringify(body.languages);
      if (body.topics) set.topics = JSON.stringify(body.topics);
      if (body.capacity !== undefined) set.capacity = body.capacity;
      const r = await db.updateTable('listener_profiles').set(set).where('member_id', '=', member.id).executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw notListener();
      return present(db, member.id);
    },

    /** On duty, off duty or "I need a break". Going on duty past the daily cap is refused, kindly. */
    async setStatus(member: AuthMember, status: DutyStatus): Promise<ListenerProfile> {
      listenersPolicy.requireListener(member);
      const t = now();
      const profile = await db.transaction().execute(async (trx) => {
        const row = await store.profile(trx, member.id);
        if (!row) throw notListener();
        if (row.status === status) return present(trx, member.id);
        if (status === 'on') {
          assertMayTakePart(member, t);
          if ((await minutesToday(trx, member.id, t)) >= dailyCapMinutes) {
            const hours = Math.round((dailyCapMinutes / 60) * 10) / 10;
            throw new AppError(
              'daily_cap_reached',
              `You have listened for ${hours} hours today, which is as much as Kindred asks of anyone in a day. Thank you. Please rest now; you can go on duty again tomorrow.`,
              409,
            );
          }
          await store.closeStretch(trx, member.id, t);
          await trx.insertInto('listener_duty').values({ id: ulid(t), member_id: member.id, started_at: t, ended_at: null }).execute();
        } else {
          await store.closeStretch(trx, member.id, t);
        }
        await trx.updateTable('listener_profiles').set({ status, status_since: t, updated_at: t }).where('member_id', '=', member.id).execute();
        return present(trx, member.id);
      });
      // The queue hears of it: an offer waiting on someone who stepped away moves on; someone back on duty may take the next.
      await bus?.publish('listener.duty_changed', { memberId: member.id, status });
      return profile;
    },

    /** Listeners on duty now (status 'on', still listeners, not suspended), for the queue's matching. */
    async onDutyListeners(): Promise<{ memberId: string; languages: Language[]; topics: SupportTopic[]; capacity: number }[]> {
      const rows = await store.onDuty(db, now());
      return rows.map((r) => ({ memberId: r.member_id, languages: languagesOf(r.languages), topics: topicsOf(r.topics), capacity: Number(r.capacity) }));
    },

    /** One listener's profile for the queue, or null when `memberId` has none. */
    async profileOf(memberId: string): Promise<ListenerMatchProfile | null> {
      const row = await store.profile(db, memberId);
      if (!row) return null;
      return { memberId, languages: languagesOf(row.languages), topics: topicsOf(row.topics), capacity: Number(row.capacity), status: row.status as DutyStatus };
    },
  };
}
