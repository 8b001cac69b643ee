import { sql, type Kysely } from 'kysely';
import type { DialectName } from './index.js';

/**
 * Makes a table append-only in the database itself: any UPDATE or DELETE fails, whatever
 * code (or person at a SQL prompt) attempts it. Used for the audit log.
 */
export async function createAppendOnlyGuard(db: Kysely<any>, dialect: DialectName, table: string): Promise<void> {
  const name = sql.raw(`${table}_append_only`);
  const target = sql.table(table);
  if (dialect === 'sqlite') {
    for (const op of ['update', 'delete']) {
      await sql`create trigger ${sql.raw(`${table}_no_${op}`)} before ${sql.raw(op)} on ${target} begin select raise(abort, ${sql.lit(`${table} is append-only`)}); end`.execute(db);
    }
    return;
  }
  await sql`create function ${name}() returns trigger language plpgsql as $$ begin raise exception '% is append-only', TG_TABLE_NAME; end $$`.execute(db);
  await sql`create trigger ${name} before update or delete on ${target} for each row execute function ${name}()`.execute(db);
}

export async function dropAppendOnlyGuard(db: Kysely<any>, dialect: DialectName, table: string): Promise<void> {
  if (dialect === 'sqlite') {
    for (const op of ['update', 'delete']) await sql`drop trigger ${sql.raw(`${table}_no_${op}`)}`.execute(db);
    return;
  }
  await sql`drop trigger ${sql.raw(`${table}_append_only`)} on ${sql.table(table)}`.execute(db);
  await sql`drop function ${sql.raw(`${table}_append_only`)}()`.execute(db);
}
