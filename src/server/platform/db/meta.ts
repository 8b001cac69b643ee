import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

/** Small facts about the installation itself, such as "default groups were seeded". */
export async function getMeta(db: Kysely<DB>, key: string): Promise<string | undefined> {
  return (await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

export async function setMeta(db: Kysely<DB>, key: string, value: string): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/**
 * Holds a named lock until the surrounding transaction ends, on both dialects: the upsert
 * takes PostgreSQL's row lock on `lock:<name>` (SQLite already has a single writer). Use it
 * where a check and the write that depends on it must not interleave with another node's.
 */
export async function lockNamed(trx: Kysely<DB>, name: string): Promise<void> {
  const key = `lock:${name}`;
  const value = String(Date.now());
  await trx
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
