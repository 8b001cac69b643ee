import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../http/errors.js';

/**
 * Per-member limits: messages over sockets, posts and replies per trust level (limits per
 * address on HTTP routes are @fastify/rate-limit's). In Redis when it is configured, so a member on two nodes has one allowance; in memory
 * otherwise, and in memory too while Redis does not answer, rather than refusing everyone.
 */
export interface Limiter {
  /** Spends one point of `member`'s allowance; throws a 429 AppError with retryAfterMs when it is used up. */
  consume(member: string): Promise<void>;
}

export function createLimiter(redis: Redis | null, opts: { name: string; points: number; seconds: number; message: string }): Limiter {
  const memory = new RateLimiterMemory({ keyPrefix: `kindred:${opts.name}`, points: opts.points, duration: opts.seconds });
  const limiter: RateLimiterAbstract = redis
    ? new RateLimiterRedis({ storeClient: redis, keyPrefix: `kindred:${opts.name}`, points: opts.points, duration: opts.seconds, insuranceLimiter: memory })
    : memory;
  return {
    async consume(member) {
      try {
        await limiter.consume(member);
      } catch (err) {
        if (err instanceof RateLimiterRes) {
          throw new AppError('rate_limited', opts.message, 429, undefined, { retryAfterMs: err.msBeforeNext });
        }
        throw err;
      }
    },
  };
}

/**
 * Counts events per key over a window in the same store as the limits (Redis when configured,
 * memory as insurance), without refusing any: the moderation module counts one member's
 * repeated words with it. `undo` takes back a count for a write that did not happen after all.
 */
export interface Counter {
  /** Counts one more for `key` and says how many there now are in the window, this one included. */
  hit(key: string): Promise<number>;
  undo(key: string): Promise<void>;
}

export function createCounter(redis: Redis | null, opts: { name: string; seconds: number }): Counter {
  // A limit nobody reaches: only the count is wanted.
  const points = Number.MAX_SAFE_INTEGER;
  const memory = new RateLimiterMemory({ keyPrefix: `kindred:${opts.name}`, points, duration: opts.seconds });
  const limiter: RateLimiterAbstract = redis
    ? new RateLimiterRedis({ storeClient: redis, keyPrefix: `kindred:${opts.name}`, points, duration: opts.seconds, insuranceLimiter: memory })
    : memory;
  return {
    async hit(key) {
      return (await limiter.consume(key)).consumedPoints;
    },
    async undo(key) {
      await limiter.reward(key, 1);
    },
  };
}
