import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { EventBus } from '../../platform/events/bus.js';
import { AppError } from '../../platform/http/errors.js';
import { createCounter, createLimiter, type Limiter } from '../../platform/realtime/limits.js';
import {
  CONTRIBUTIONS_COUNTED,
  LIMITS,
  REPEATS,
  TRUST_LEVELS,
  allowance,
  clampLevel,
  countLinks,
  levelFrom,
  repeatFingerprint,
  settledLevel,
  type TrustLevel,
} from './trust.js';
import * as store from './trust.store.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Every member's level is worked out again at least this often (time passes; removals age). */
const RECHECK_MS = DAY;
const SWEEP_MS = 10 * MINUTE;
/** The first sweep waits a little after start, so a node that is starting serves first. */
const FIRST_SWEEP_MS = MINUTE;
const SWEEP_BATCH = 500;
const MEMO_MAX = 50_000;

export type WriteKind = 'post' | 'reply' | 'message';

/** The author of a text, as far as trust goes. */
export interface TrustAuthor {
  id: string;
  level: number;
  /** Holds a trusted role (trust.ts TRUSTED_ROLES), or hosts the conversation. */
  trusted: boolean;
}

/** What a text may expect from its author's standing; `release` gives back what it counted when the write does not happen. */
export interface Admission {
  links: number;
  /** A level-0 member's text with a link: waits for a moderator. */
  newMemberLink: boolean;
  /** The same words for the REPEATS.holdAt-th time (or more) in the window. */
  repeated: boolean;
  release(): Promise<void>;
}

/** Until when the event path need not look at a member again (their level cannot have changed). */
interface Memo {
  /** No new look before this, whatever they write. */
  until: number;
  /** Contributions still needed for the next level; with `recheckAt`, the first of the two to arrive asks for a new look. */
  needed: number;
  seen: number;
  recheckAt: number;
}

export interface TrustDeps {
  db: Kysely<DB>;
  bus: EventBus;
  redis: Redis | null;
  /** The level 2 and 3 allowances (the operator's settings); lower levels get their share (trust.ts LIMITS). */
  limits: { postsPerHour: number; repliesPerHour: number; messagesPerMinute: number };
  log: { warn(obj: object, msg: string): void };
  now?: () => number;
}

export type TrustService = ReturnType<typeof createTrustService>;

const RATE_WORDS: Record<WriteKind, { newer: string; trusted: string }> = {
  post: {
    newer: 'New members can write a few posts an hour at first, and you have reached that for now. Your words are kept here; please try again a little later. This grows as you take part.',
    trusted: 'You have written a lot of posts in the last hour. Your words are kept here; please try again a little later.',
  },
  reply: {
    newer: 'New members can write a limited number of replies an hour at first, and you have reached that for now. Your words are kept here; please try again a little later. This grows as you take part.',
    trusted: 'You have written a lot of replies in the last hour. Your words are kept here; please try again a little later.',
  },
  message: {
    newer: 'New members can send a few messages a minute at first. Please wait a moment; your message is kept.',
    trusted: 'You are sending messages very quickly. Please wait a moment; your message is kept.',
  },
};

/**
 * Trust levels at work: limits and holds when a text arrives (no database read: the level
 * comes with the member), and the level worked out again after the member's words are
 * published (in the background, only while below 3, and only when something could have
 * changed) and by a periodic sweep that visits every member at least daily.
 */
export function createTrustService({ db, bus, redis, limits, log, now = Date.now }: TrustDeps) {
  // One limiter per level and kind, keyed by member; levels 2 and 3 share theirs (the setting itself).
  // The level 2/3 message limiter keeps the name the single message limit had.
  const limiters = {} as Record<WriteKind, Record<TrustLevel, Limiter>>;
  for (const [kind, setting, seconds, name] of [
    ['post', limits.postsPerHour, 3600, 'posts'],
    ['reply', limits.repliesPerHour, 3600, 'replies'],
    ['message', limits.messagesPerMinute, 60, 'messages'],
  ] as const) {
    const full = createLimiter(redis, { name, points: allowance(2, setting), seconds, message: RATE_WORDS[kind].trusted });
    limiters[kind] = {
      0: createLimiter(redis, { name: `${name}:level0`, points: allowance(0, setting), seconds, message: RATE_WORDS[kind].newer }),
      1: createLimiter(redis, { name: `${name}:level1`, points: allowance(1, setting), seconds, message: RATE_WORDS[kind].newer }),
      2: full,
      3: full,
    };
  }
  const repeats = createCounter(redis, { name: 'repeats', seconds: REPEATS.windowMinutes * 60 });

  const memos = new Map<string, Memo>();
  const pending = new Map<string, number>();
  let flushing: Promise<void> | null = null;
  let sweeping: Promise<void> | null = null;
  let firstSweep: NodeJS.Timeout | null = null;
  let everySweep: NodeJS.Timeout | null = null;
  let closed = false;

  function remember(memberId: string, memo: Partial<Memo>): void {
    if (memos.size >= MEMO_MAX) memos.clear();
    memos.set(memberId, { until: 0, needed: 0, seen: 0, recheckAt: 0, ...memo });
  }

  /** After a full look: when the next one is worth it. */
  function rememberAfter(row: store.TrustMemberRow, level: TrustLevel, contributions: number, t: number): void {
    if (level === 3) return remember(row.id, { until: Infinity });
    const next = TRUST_LEVELS[level + 1]!;
    const oldEnough = Number(row.created_at) + next.minDays * DAY;
    if (t < oldEnough) return remember(row.id, { until: oldEnough });
    const needed = next.contributions - contributions;
    // Enough written but something else missing (reactions, a recent removal): that changes slowly.
    if (needed <= 0) return remember(row.id, { until: t + HOUR });
    remember(row.id, { needed, recheckAt: t + HOUR });
  }

  /**
   * Works out one member's level and stores it. On the event path a member at level 3 is left
   * to the sweep (only the sweep can take level 3 away), and nothing is counted while the
   * member is too new for the next level.
   */
  async function evaluate(row: store.TrustMemberRow, t: number, sweeping: boolean): Promise<TrustLevel> {
    const current = clampLevel(row.trust_level);
    if (current === 3 && !sweeping) {
      remember(row.id, { until: Infinity });
      return current;
    }
    if (current < 3) {
      const next = TRUST_LEVELS[current + 1]!;
      const oldEnough = Number(row.created_at) + next.minDays * DAY;
      if (t < oldEnough) {
        if (sweeping) await store.markChecked(db, row.id, t);
        remember(row.id, { until: oldEnough });
        return current;
      }
    }
    const stats = await store.trustStats(db, row.id, Number(row.created_at), CONTRIBUTIONS_COUNTED);
    const level = settledLevel(current, levelFrom(stats, t));
    await store.setLevel(db, row.id, level, t);
    rememberAfter(row, level, stats.contributions, t);
    return level;
  }

  async function recompute(memberId: string): Promise<TrustLevel | null> {
    const row = await store.memberForTrust(db, memberId);
    if (!row || row.deleted_at !== null || row.banned_at !== null) {
      remember(memberId, { until: Infinity });
      return null;
    }
    return evaluate(row, now(), false);
  }

  async function onContributions(memberId: string, count: number): Promise<void> {
    const memo = memos.get(memberId);
    const t = now();
    if (memo) {
      memo.seen += count;
      if (t < memo.until || (memo.seen < memo.needed && t < memo.recheckAt)) return;
    }
    await recompute(memberId);
  }

  /** Published words count towards their author's level; worked out after the response, off the hot path. */
  function noteContribution(memberId: string): void {
    if (closed) return;
    pending.set(memberId, (pending.get(memberId) ?? 0) + 1);
    flush();
  }

  function flush(): void {
    if (flushing || closed) return;
    flushing = (async () => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      while (pending.size > 0 && !closed) {
        const batch = [...pending];
        pending.clear();
        for (const [memberId, count] of batch) {
          try {
            await onContributions(memberId, count);
          } catch (err) {
            log.warn({ err }, 'a trust level could not be worked out');
          }
        }
      }
    })().finally(() => {
      flushing = null;
      // Noted between the loop's last look and now.
      if (pending.size > 0) flush();
    });
  }

  bus.on('post.published', async (e) => noteContribution(e.authorId));
  bus.on('reply.created', async (e) => noteContribution(e.authorId));
  bus.on('message.created', async (e) => {
    if (!e.held) noteContribution(e.authorId);
  });

  async function sweep(): Promise<number> {
    const t = now();
    const due = await store.dueForCheck(db, t - RECHECK_MS, SWEEP_BATCH);
    for (const row of due) {
      if (closed) break;
      await evaluate(row, t, true);
    }
    return due.length;
  }

  function runSweep(): void {
    if (sweeping || closed) return;
    sweeping = (async () => {
      // A full batch means more are due (after an upgrade, every member is): keep going.
      while (!closed && (await sweep()) === SWEEP_BATCH);
    })()
      .catch((err: unknown) => log.warn({ err }, 'the trust level sweep failed'))
      .finally(() => {
        sweeping = null;
      });
  }

  return {
    /**
     * Checks a text against its author's level before it is stored: too many links is a 400
     * with a field message, too many writes a 429 (nothing is counted for a refused text), and
     * the answer says whether it should wait for a moderator. `fresh` is false for an edit
     * (links only); `repeats` is false where repeated words are no sign of spam (support chats).
     */
    async admit(author: TrustAuthor, write: { kind: WriteKind; text: string; words: string; fresh: boolean; repeats: boolean }): Promise<Admission> {
      const level: TrustLevel = author.trusted ? 3 : clampLevel(author.level);
      const links = countLinks(write.text);
      const most = LIMITS[level].linksPerText;
      if (links > most) {
        const what = write.kind === 'message' ? 'message' : write.kind;
        const fieldMessage = `Please keep to ${most} ${most === 1 ? 'link' : 'links'} or fewer.`;
        throw new AppError(
          'too_many_links',
          `A ${what} can carry up to ${most} links${level < 2 ? ' while you are new here' : ''}. Your words are kept; please take a few links out and try again.`,
          400,
          { body: fieldMessage },
        );
      }
      const newMemberLink = level === 0 && links > 0;
      const none = async () => {};
      if (!write.fresh) return { links, newMemberLink, repeated: false, release: none };
      const fingerprint = !author.trusted && write.repeats ? repeatFingerprint(write.words, links > 0) : null;
      const key = fingerprint ? `${author.id}:${fingerprint}` : null;
      // Both at once: on the chat's hot path this costs one store round trip, not two.
      const [rate, seen] = await Promise.allSettled([limiters[write.kind][level].consume(author.id), key ? repeats.hit(key) : Promise.resolve(0)]);
      const counted = key !== null && seen.status === 'fulfilled';
      const release = counted ? () => repeats.undo(key).catch((err: unknown) => log.warn({ err }, 'a repeat count could not be taken back')) : none;
      if (seen.status === 'rejected') log.warn({ err: seen.reason }, 'repeated words could not be counted');
      if (rate.status === 'rejected') {
        await release();
        throw rate.reason;
      }
      return { links, newMemberLink, repeated: counted && (seen as PromiseFulfilledResult<number>).value >= REPEATS.holdAt, release };
    },

    /** Works out a member's level now and stores it (tests and the sweep; the event path throttles itself). */
    recompute,

    /** One pass of the sweep: up to SWEEP_BATCH members whose level was last worked out longest ago. */
    sweep,

    /** Resolves when the levels of the contributions noted so far have been worked out. */
    async settled(): Promise<void> {
      while (flushing) await flushing;
    },

    /** The sweep on this node, until close. */
    start(): void {
      if (everySweep || closed) return;
      firstSweep = setTimeout(runSweep, FIRST_SWEEP_MS).unref();
      everySweep = setInterval(runSweep, SWEEP_MS).unref();
    },

    async close(): Promise<void> {
      closed = true;
      if (firstSweep) clearTimeout(firstSweep);
      if (everySweep) clearInterval(everySweep);
      pending.clear();
      await flushing;
      await sweeping;
    },
  };
}
