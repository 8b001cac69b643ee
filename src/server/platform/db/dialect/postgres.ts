import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { DB } from '../schema.js';

// Times are stored as bigint milliseconds; they fit safely in a JS number until the year 285,000.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

/** Connects a pool to PostgreSQL; `schema` pins search_path (the tests give each test its own schema). */
export function openPostgres(url: string, options: { schema?: string; max?: number } = {}): Kysely<DB> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    // Fail in seconds, not at the operating system's TCP timeout, when the database is unreachable.
    connectionTimeoutMillis: 5000,
    statement_timeout: 15000,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle connection can be cut by the server (restart, failover). pg drops it from the
  // pool and the next query opens a new one; without this handler the process would crash.
  pool.on('error', () => undefined);
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

export function isPostgresUniqueViolation(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === '23505';
}
