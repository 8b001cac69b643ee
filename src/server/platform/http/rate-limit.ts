import { createHmac, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import rateLimit, { normalizeIP, type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { getMeta } from '../db/meta.js';
import { AppError } from './errors.js';

// The plugin's own stores, composed below into one that survives a Redis outage. They are
// not re-exported by the package; a major-version bump of @fastify/rate-limit must re-check this.
const require = createRequire(import.meta.url);
type Callback = (err: Error | null, res: { current: number; ttl: number } | null) => void;
interface Store {
  incr(key: string, cb: Callback, timeWindow: number, max: number): void;
  child(routeOptions: unknown): Store;
}
const RedisStore = require('@fastify/rate-limit/store/RedisStore.js') as new (ce: boolean, eb: boolean, redis: Redis, ns: string) => Store;
const LocalStore = require('@fastify/rate-limit/store/LocalStore.js') as new (ce: boolean, eb: boolean) => Store;

/** Counts in Redis, so every node shares them; counts in memory while Redis does not answer, rather than failing log-in. */
function storeWithFallback(redis: Redis, onFallback: (err: Error) => void) {
  class FallbackStore implements Store {
    constructor(
      private readonly shared: Store,
      private readonly local: Store,
    ) {}
    incr(key: string, cb: Callback, timeWindow: number, max: number): void {
      this.shared.incr(
        key,
        (err, res) => {
          if (!err) return cb(null, res);
          onFallback(err);
          this.local.incr(key, cb, timeWindow, max);
        },
        timeWindow,
        max,
      );
    }
    child(routeOptions: unknown): Store {
      return new FallbackStore(this.shared.child(routeOptions), this.local.child(routeOptions));
    }
  }
  // The plugin calls `new store(options)`; returning an instance from a constructor is how it wants a custom store.
  return class {
    constructor(params: { continueExceeding?: boolean; exponentialBackoff?: boolean }) {
      const ce = params.continueExceeding ?? false;
      const eb = params.exponentialBackoff ?? false;
      return new FallbackStore(new RedisStore(ce, eb, redis, 'kindred:rl:'), new LocalStore(ce, eb));
    }
  } as unknown as FastifyRateLimitStoreCtor;
}

const SECRET_KEY = 'rate_limit_secret';

/** The installation's secret for hashing addresses, made once and shared by every node through the database. */
export async function rateLimitSecret(db: Kysely<DB>): Promise<string> {
  await db
    .insertInto('meta')
    .values({ key: SECRET_KEY, value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return (await getMeta(db, SECRET_KEY))!;
}

/**
 * Per-route limits (sign-up, log-in, recovery), off unless a route asks for one. The key
 * is an HMAC of the address (IPv6 by its /64, as one household or phone gets a /64) under
 * the installation's secret, so neither memory nor Redis holds an address, and a leaked
 * Redis cannot be reversed by trying all 2^32 IPv4 addresses. Keys expire with their window.
 */
export async function registerRateLimits(app: FastifyInstance, { redis, secret }: { redis: Redis | null; secret: string }): Promise<void> {
  let lastWarning = 0;
  await app.register(rateLimit, {
    global: false,
    ...(redis
      ? {
          store: storeWithFallback(redis, (err) => {
            if (Date.now() - lastWarning < 60_000) return;
            lastWarning = Date.now();
            app.log.warn({ err }, 'rate limits: Redis is not answering; counting on this node until it is back');
          }),
        }
      : {}),
    keyGenerator: (request) => createHmac('sha256', secret).update(normalizeIP(request.ip, 64)).digest('base64url').slice(0, 27),
    errorResponseBuilder: (_request, context) =>
      new AppError('rate_limited', `That was a lot of tries in a short time. Please wait ${context.after} and try again.`, 429),
  });
}
