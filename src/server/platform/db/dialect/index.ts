import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';
import { isSqliteUniqueViolation, openSqlite } from './sqlite.js';
import { isPostgresUniqueViolation, openPostgres } from './postgres.js';

/**
 * The only place that branches on the SQL dialect. Modules stay portable: they call these
 * small functions instead of asking which database they run on.
 */
export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  /** The PostgreSQL schema in use when it is not the default one. */
  schema?: string;
}

export interface DatabaseTarget {
  /** postgres://… or empty for SQLite. */
  url: string;
  /** SQLite file, or ':memory:'. */
  sqliteFile: string;
  /** PostgreSQL schema to use instead of public. */
  schema?: string;
}

export function openDatabase(target: DatabaseTarget): Database {
  if (target.url) {
    if (target.schema) return { db: openPostgres(target.url, { schema: target.schema }), dialect: 'postgres', schema: target.schema };
    return { db: openPostgres(target.url), dialect: 'postgres' };
  }
  return { db: openSqlite(target.sqliteFile), dialect: 'sqlite' };
}

export function sqliteFileIn(dataDir: string): string {
  return path.resolve(dataDir, 'kindred.sqlite');
}

/** True when an insert or update broke a unique constraint, on either dialect. */
export function isUniqueViolation(err: unknown): boolean {
  return isSqliteUniqueViolation(err) || isPostgresUniqueViolation(err);
}
