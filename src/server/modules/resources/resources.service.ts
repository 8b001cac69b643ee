import type { Kysely } from 'kysely';
import {
  RESOURCE_TAG_MAX,
  RESOURCE_TAGS_MAX,
  type AdminResource,
  type AdminResourceSummary,
  type CreateResourceBody,
  type Resource,
  type ResourceList,
  type ResourceListQuery,
  type UpdateResourceBody,
} from '../../../shared/resources.js';
import { LANGUAGES, type Language } from '../../../shared/rules.js';
import { getMeta, lockNamed, setMeta } from '../../platform/db/meta.js';
import type { DB, ResourceRow } from '../../platform/db/schema.js';
import { hasRole, type AuthMember } from '../../platform/http/auth.js';
import { AppError, forbidden, notFound } from '../../platform/http/errors.js';
import { ulid } from '../../platform/ids.js';
import { slugify } from '../groups/groups.service.js';
import { recordAudit } from '../moderation/audit.js';
import { excerptOf, plainText, renderMarkdown } from '../posts/markdown.js';
import { STARTER_RESOURCES } from './resources.seed.js';
import * as store from './resources.store.js';

export type ResourcesService = ReturnType<typeof createResourcesService>;

const SEEDED = 'seeded_resources';
const MAX_WORDS = 8;

const now = () => Date.now();
const isLanguage = (value: string | undefined): value is Language => (LANGUAGES as readonly string[]).includes(value ?? '');

/** "  Sleep  Hygiene " → "sleep hygiene": tags are compared and shown in this form. */
export function cleanTag(tag: string): string {
  return tag.trim().toLowerCase().replace(/\s+/g, ' ');
}

function cleanTags(tags: string[]): string[] {
  const clean = [...new Set(tags.map(cleanTag).filter((t) => t.length > 0))];
  if (clean.length > RESOURCE_TAGS_MAX) throw new AppError('too_many_tags', `Please use at most ${RESOURCE_TAGS_MAX} tags.`, 400, { tags: `Please use at most ${RESOURCE_TAGS_MAX} tags.` });
  if (clean.some((t) => t.length > RESOURCE_TAG_MAX)) throw new AppError('tag_too_long', 'A tag is too long.', 400, { tags: `Please keep each tag to ${RESOURCE_TAG_MAX} characters or fewer.` });
  return clean;
}

/** What an article stores besides its Markdown: rendered once, at write time, like posts. */
function rendered(title: string, markdown: string, tags: string[]) {
  const html = renderMarkdown(markdown);
  const text = plainText(html);
  return { body_html: html, excerpt: excerptOf(text, 220), search_text: store.fold(`${title} ${text} ${tags.join(' ')}`) };
}

function assertAdmin(actor: AuthMember | null): AuthMember {
  if (!actor) throw new AppError('unauthenticated', 'Please log in to do that.', 401);
  if (!hasRole(actor, 'admin')) throw forbidden();
  return actor;
}

const lang = (row: ResourceRow) => (isLanguage(row.language) ? row.language : 'en');
const published = (row: ResourceRow) => row.published_at !== null;

function presentAdmin(row: ResourceRow, tags: string[]): AdminResource {
  return {
    id: row.id,
    slug: row.slug,
    language: lang(row),
    title: row.title,
    markdown: row.body_md,
    html: row.body_html,
    tags,
    published: published(row),
    publishedAt: row.published_at === null ? null : Number(row.published_at),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

/** The resource library: visitors and members read published articles; admins write, preview and publish. */
export function createResourcesService({ db }: { db: Kysely<DB> }) {
  // Inside the caller's transaction: SQLite has one connection, which the transaction holds.
  async function freeSlug(trx: Kysely<DB>, title: string): Promise<string> {
    let base = slugify(title);
    if (base === 'group' && !/group/i.test(title)) base = 'article';
    for (let n = 1; n < 50; n++) {
      const slug = n === 1 ? base : `${base}-${n}`;
      if (!(await store.slugTaken(trx, slug))) return slug;
    }
    return `${base}-${ulid().slice(-6).toLowerCase()}`;
  }

  async function adminRow(id: string): Promise<ResourceRow> {
    const row = await store.findById(db, id);
    if (!row) throw notFound('That article');
    return row;
  }

  async function presentById(id: string): Promise<AdminResource> {
    const row = await adminRow(id);
    return presentAdmin(row, (await store.tagsOf(db, [id])).get(id) ?? []);
  }

  async function insert(trx: Kysely<DB>, input: { title: string; markdown: string; language: Language; tags: string[]; published: boolean; by: string | null }, t: number): Promise<string> {
    const id = ulid(t);
    const title = input.title.trim();
    // Two admins saving the same title at once: the lock makes the second wait, then pick the next address.
    await lockNamed(trx, 'resource-slug');
    const slug = await freeSlug(trx, title);
    await trx
      .insertInto('resources')
      .values({
        id,
        slug,
        language: input.language,
        title,
        body_md: input.markdown,
        ...rendered(title, input.markdown, input.tags),
        published_at: input.published ? t : null,
        created_by: input.by,
        updated_by: input.by,
        created_at: t,
        updated_at: t,
      })
      .execute();
    await store.setTags(trx, id, input.tags);
    return id;
  }

  return {
    /** Published articles in one language, searched and filtered by tag. */
    async list(actor: AuthMember | null, query: ResourceListQuery): Promise<ResourceList> {
      const language: Language = query.lang ?? (isLanguage(actor?.language) ? actor.language : 'en');
      const words = store
        .fold(query.q ?? '')
        .split(/\s+/)
        .filter((w) => w.length > 0)
        .slice(0, MAX_WORDS);
      const tag = query.tag ? cleanTag(query.tag) : '';
      const rows = await store.findResources(db, { language, words, tag: tag || null, publishedOnly: true });
      // Articles whose title holds every word come first.
      const inTitle = (r: ResourceRow) => words.length > 0 && words.every((w) => store.fold(r.title).includes(w));
      const ordered = [...rows.filter(inTitle), ...rows.filter((r) => !inTitle(r))];
      const tags = await store.tagsOf(db, ordered.map((r) => r.id));
      return {
        language,
        items: ordered.map((r) => ({
          slug: r.slug,
          language: lang(r),
          title: r.title,
          excerpt: r.excerpt,
          tags: tags.get(r.id) ?? [],
          publishedAt: r.published_at === null ? null : Number(r.published_at),
          updatedAt: Number(r.updated_at),
        })),
        tags: await store.publishedTags(db, language),
      };
    },

    /** One published article; a draft does not exist for readers, admins included (they preview in the editor). */
    async get(slug: string): Promise<Resource> {
      const row = await store.findBySlug(db, slug);
      if (!row || !published(row)) throw notFound('That article');
      return {
        slug: row.slug,
        language: lang(row),
        title: row.title,
        html: row.body_html,
        tags: (await store.tagsOf(db, [row.id])).get(row.id) ?? [],
        publishedAt: Number(row.published_at),
        updatedAt: Number(row.updated_at),
      };
    },

    async adminList(actor: AuthMember | null): Promise<AdminResourceSummary[]> {
      assertAdmin(actor);
      const rows = await store.allResources(db);
      const tags = await store.tagsOf(db, rows.map((r) => r.id));
      return rows.map((r) => ({ id: r.id, slug: r.slug, language: lang(r), title: r.title, tags: tags.get(r.id) ?? [], published: published(r), updatedAt: Number(r.updated_at) }));
    },

    async adminGet(actor: AuthMember | null, id: string): Promise<AdminResource> {
      assertAdmin(actor);
      return presentById(id);
    },

    /** A new article starts as a draft. */
    async create(actor: AuthMember | null, input: CreateResourceBody): Promise<AdminResource> {
      const admin = assertAdmin(actor);
      const tags = cleanTags(input.tags ?? []);
      const t = now();
      const id = await db.transaction().execute(async (trx) => {
        const newId = await insert(trx, { title: input.title, markdown: input.markdown, language: input.language, tags, published: false, by: admin.id }, t);
        await recordAudit(trx, { actorId: admin.id, action: 'resource.created', targetType: 'resource', targetId: newId, detail: { title: input.title.trim() } }, t);
        return newId;
      });
      return presentById(id);
    },

    /** Edits keep the article's address, so links to it keep working. */
    async update(actor: AuthMember | null, id: string, input: UpdateResourceBody): Promise<AdminResource> {
      const admin = assertAdmin(actor);
      const row = await adminRow(id);
      const current = (await store.tagsOf(db, [id])).get(id) ?? [];
      const tags = input.tags ? cleanTags(input.tags) : current;
      const title = input.title?.trim() ?? row.title;
      const markdown = input.markdown ?? row.body_md;
      const t = now();
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('resources')
          .set({ title, body_md: markdown, language: input.language ?? row.language, ...rendered(title, markdown, tags), updated_by: admin.id, updated_at: t })
          .where('id', '=', id)
          .execute();
        if (input.tags) await store.setTags(trx, id, tags);
        await recordAudit(trx, { actorId: admin.id, action: 'resource.updated', targetType: 'resource', targetId: id, detail: { title } }, t);
      });
      return presentById(id);
    },

    async setPublished(actor: AuthMember | null, id: string, publish: boolean): Promise<AdminResource> {
      const admin = assertAdmin(actor);
      const row = await adminRow(id);
      if (published(row) !== publish) {
        const t = now();
        await db.transaction().execute(async (trx) => {
          await trx.updateTable('resources').set({ published_at: publish ? t : null, updated_by: admin.id, updated_at: t }).where('id', '=', id).execute();
          await recordAudit(trx, { actorId: admin.id, action: publish ? 'resource.published' : 'resource.unpublished', targetType: 'resource', targetId: id, detail: { title: row.title } }, t);
        });
      }
      return presentById(id);
    },

    /** The editor's preview: exactly what saving would store and serve. */
    preview(actor: AuthMember | null, markdown: string): { html: string } {
      assertAdmin(actor);
      return { html: renderMarkdown(markdown) };
    },

    /** Adds the starter articles once per installation; later starts leave the admins' edits alone. */
    async seedDefaults(): Promise<boolean> {
      if (await getMeta(db, SEEDED)) return false;
      const t = now();
      return db.transaction().execute(async (trx) => {
        await lockNamed(trx, 'seed-resources');
        if (await getMeta(trx, SEEDED)) return false;
        for (const [i, a] of STARTER_RESOURCES.entries()) {
          await insert(trx, { title: a.title, markdown: a.markdown, language: a.language, tags: cleanTags(a.tags), published: true, by: null }, t + i);
        }
        await setMeta(trx, SEEDED, new Date(t).toISOString());
        return true;
      });
    },
  };
}
