import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { AppError } from './errors.js';

/**
 * Per-route limits (sign-up, log-in, recovery), off unless a route asks for one. Counters
 * live in memory, or in Redis when configured so every node shares them. The address is
 * hashed before it becomes a key, and the key expires with its window: no address is kept.
 */
export async function registerRateLimits(app: FastifyInstance, redis: Redis | null): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    ...(redis ? { redis, nameSpace: 'kindred:rl:' } : {}),
    keyGenerator: (request) => createHash('sha256').update(request.ip).digest('base64url').slice(0, 22),
    errorResponseBuilder: (_request, context) =>
      new AppError(
        'rate_limited',
        `That was a lot of tries in a short time. Please wait ${context.after} and try again.`,
        429,
      ),
  });
}
