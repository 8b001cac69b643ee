import { sql, type Kysely } from 'kysely';
import type { DB, ResourceRow } from '../../platform/db/schema.js';

/** Lower case without accents: "Sueño" and "sueno" search alike, on SQLite and PostgreSQL. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

const likeEscape = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface ResourceFilter {
  language: string;
  /** Folded words; an article matches when it holds every one. */
  words: string[];
  tag: string | null;
  publishedOnly: boolean;
}

export async function findResources(db: Kysely<DB>, filter: ResourceFilter): Promise<ResourceRow[]> {
  let q = db.selectFrom('resources').selectAll().where('language', '=', filter.language);
  if (filter.publishedOnly) q = q.where('published_at', 'is not', null);
  for (const word of filter.words) q = q.where(sql<boolean>`search_text LIKE ${`%${likeEscape(word)}%`} ESCAPE '\\'`);
  if (filter.tag !== null) {
    const tag = filter.tag;
    q = q.where('id', 'in', (sub) => sub.selectFrom('resource_tags').select('resource_id').where('tag', '=', tag));
  }
  return q.orderBy('title').orderBy('id').limit(200).execute();
}

export function allResources(db: Kysely<DB>): Promise<ResourceRow[]> {
  return db.selectFrom('resources').selectAll().orderBy('updated_at', 'desc').orderBy('id').limit(1000).execute();
}

export function findBySlug(db: Kysely<DB>, slug: string): Promise<ResourceRow | undefined> {
  return db.selectFrom('resources').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function findById(db: Kysely<DB>, id: string): Promise<ResourceRow | undefined> {
  return db.selectFrom('resources').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function slugTaken(db: Kysely<DB>, slug: string): Promise<boolean> {
  return (await db.selectFrom('resources').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}

/** Tags by article, in a stable order. */
export async function tagsOf(db: Kysely<DB>, ids: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (ids.length === 0) return map;
  const rows = await db.selectFrom('resource_tags').select(['resource_id', 'tag']).where('resource_id', 'in', ids).orderBy('tag').execute();
  for (const r of rows) map.set(r.resource_id, [...(map.get(r.resource_id) ?? []), r.tag]);
  return map;
}

export async function setTags(db: Kysely<DB>, id: string, tags: string[]): Promise<void> {
  await db.deleteFrom('resource_tags').where('resource_id', '=', id).execute();
  if (tags.length > 0) await db.insertInto('resource_tags').values(tags.map((tag) => ({ resource_id: id, tag }))).execute();
}

/** Every tag on a published article in `language`, with how many articles carry it. */
export async function publishedTags(db: Kysely<DB>, language: string): Promise<{ tag: string; count: number }[]> {
  const rows = await db
    .selectFrom('resource_tags')
    .innerJoin('resources', 'resources.id', 'resource_tags.resource_id')
    .select(['resource_tags.tag as tag', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('resources.language', '=', language)
    .where('resources.published_at', 'is not', null)
    .groupBy('resource_tags.tag')
    .orderBy('resource_tags.tag')
    .execute();
  return rows.map((r) => ({ tag: r.tag, count: Number(r.count) }));
}
