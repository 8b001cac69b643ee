import pg from 'pg';
import { Redis } from 'ioredis';
import type { TestProject } from 'vitest/node';
import { SERVICES_REQUIRED, TEST_DATABASE_PREFIX, TEST_DATABASE_URL, TEST_REDIS_URL } from './services.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
    redisUrl: string | null;
    /** Prefix of this run's PostgreSQL databases, so two runs on one server never touch each other's. */
    databasePrefix: string;
  }
}

async function postgresAnswers(): Promise<string | null> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (err) {
    return (err as Error).message || String(err);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function redisAnswers(): Promise<string | null> {
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (err) {
    return (err as Error).message || String(err);
  } finally {
    redis.disconnect();
  }
}

async function dropRunDatabases(prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('select datname from pg_database where left(datname, $2) = $1', [prefix, prefix.length]);
    for (const { datname } of rows) await client.query(`drop database if exists ${datname} with (force)`);
  } finally {
    await client.end();
  }
}

/** Finds out which services answer; says plainly which suites are skipped, or fails in CI. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [pgProblem, redisProblem] = await Promise.all([postgresAnswers(), redisAnswers()]);
  const missing: string[] = [];
  if (pgProblem) missing.push(`PostgreSQL at ${TEST_DATABASE_URL} did not answer (${pgProblem})`);
  if (redisProblem) missing.push(`Redis at ${TEST_REDIS_URL} did not answer (${redisProblem})`);
  if (missing.length > 0 && SERVICES_REQUIRED) {
    throw new Error(`These services are required here (CI=true or KINDRED_REQUIRE_SERVICES=1):\n  ${missing.join('\n  ')}`);
  }
  for (const line of missing) {
    const suites = line.startsWith('PostgreSQL') ? 'the PostgreSQL run of every integration suite' : 'the Redis suites (shared rate limits, readiness with Redis)';
    console.warn(`\n[kindred] SKIPPING ${suites}: ${line}.\n`);
  }
  project.provide('postgresUrl', pgProblem ? null : TEST_DATABASE_URL);
  project.provide('redisUrl', redisProblem ? null : TEST_REDIS_URL);
  const prefix = `${TEST_DATABASE_PREFIX}${Date.now().toString(36)}${process.pid.toString(36)}_`;
  project.provide('databasePrefix', prefix);
  return async () => {
    if (!pgProblem) await dropRunDatabases(prefix);
  };
}
