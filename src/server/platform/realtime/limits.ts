import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../http/errors.js';

/**
 * Per-member limits for what arrives over sockets (HTTP routes have @fastify/rate-limit).
 * In Redis when it is configured, so a member on two nodes has one allowance; in memory
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
