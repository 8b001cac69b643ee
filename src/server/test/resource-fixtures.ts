import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { ulid } from '../platform/ids.js';
import { renderMarkdown } from '../modules/posts/markdown.js';
import { fold } from '../modules/resources/resources.store.js';

let counter = 0;

/** An article straight into the table (as an admin would leave it), published or a draft: its id and slug. */
export async function aResource(db: Kysely<DB>, { title, published, language = 'en', tags = [] }: { title: string; published: boolean; language?: 'en' | 'es'; tags?: string[] }): Promise<{ id: string; slug: string }> {
  const t = Date.now();
  const id = ulid(t);
  const slug = `made-up-article-${(counter++).toString(36)}-${id.slice(-6).toLowerCase()}`;
  const markdown = `Made-up words for a test article called ${title}.`;
  await db
    .insertInto('resources')
    .values({
      id,
      slug,
      language,
      title,
      body_md: markdown,
      body_html: renderMarkdown(markdown),
      excerpt: markdown,
      search_text: fold(`${title} ${markdown} ${tags.join(' ')}`),
      published_at: published ? t : null,
      created_by: null,
      updated_by: null,
      created_at: t,
      updated_at: t,
    })
    .execute();
  if (tags.length > 0) await db.insertInto('resource_tags').values(tags.map((tag) => ({ resource_id: id, tag }))).execute();
  return { id, slug };
}
