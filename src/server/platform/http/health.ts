import { sql, type Kysely } from 'kysely';
import type { FastifyPluginAsync } from 'fastify';
import type { Redis } from 'ioredis';
import type { DB } from '../db/schema.js';

/** /healthz: the process is up. /readyz: the database (and Redis, when configured) answer. */
export function healthRoutes({ db, redis }: { db: Kysely<DB>; redis: Redis | null }): FastifyPluginAsync {
  return async (app) => {
    app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
    app.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
      const checks: Record<string, 'ok' | 'failing'> = {};
      try {
        await sql`select 1`.execute(db);
        checks.database = 'ok';
      } catch (err) {
        request.log.warn({ err }, 'readiness: database is not answering');
        checks.database = 'failing';
      }
      if (redis) {
        try {
          await redis.ping();
          checks.redis = 'ok';
        } catch (err) {
          request.log.warn({ err }, 'readiness: Redis is not answering');
          checks.redis = 'failing';
        }
      }
      const ready = Object.values(checks).every((c) => c === 'ok');
      return reply.status(ready ? 200 : 503).send({ status: ready ? 'ok' : 'unavailable', checks });
    });
  };
}
