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
