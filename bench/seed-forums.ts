// Fills a fresh Kindred database with a large, made-up forum for the benchmarks:
// 100,000 posts and 1,000,000 replies by default (BENCH_POSTS, BENCH_REPLIES), spread over
// the default groups, with one post of exactly 50 replies for the thread benchmark.
// Usage (via bench/forums.ts): seedForums(database, { posts, replies }).
import { sql } from 'kysely';
import { ulid } from '../src/server/platform/ids.js';
import type { Database } from '../src/server/platform/db/dialect/index.js';
import { createGroupsService } from '../src/server/modules/groups/groups.service.js';
import { renderMarkdown, plainText, excerptOf } from '../src/server/modules/posts/markdown.js';

const WORDS = 'today felt heavy but I made tea and sat by the window some days are easier than others thank you all for listening small steps count sleep walk friend hope tired morning evening'.split(' ');

function sentence(n: number, seed: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(WORDS[(seed * 31 + i * 17) % WORDS.length]!);
  return out.join(' ');
}

async function insertMany(database: Database, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  // Batches within both limits on parameters per statement (SQLite 32,766; PostgreSQL 65,535).
  const per = Math.floor(30_000 / Object.keys(rows[0]!).length);
  for (let i = 0; i < rows.length; i += per) {
    await database.db.insertInto(table as never).values(rows.slice(i, i + per) as never).execute();
  }
}

export async function seedForums(database: Database, opts: { posts: number; replies: number }): Promise<{ threadPostId: string; groupSlug: string }> {
  const { db } = database;
  await createGroupsService({ db }).seedDefaults();
  const groups = await db.selectFrom('groups').select(['id', 'slug']).orderBy('sort_order').execute();
  const now = Date.now();
  const members = Array.from({ length: 1000 }, (_, i) => ({
    id: ulid(now - 400 * 86400_000 + i),
    handle: `BenchMember${i}`,
    handle_key: `benchmember${i}`,
    passphrase_hash: 'x',
    recovery_code_hash: null,
    country: null,
    language: 'en',
    created_at: now - 400 * 86400_000,
    updated_at: now - 400 * 86400_000,
  }));
  await insertMany(database, 'members', members);

  const html = renderMarkdown(`**${sentence(12, 1)}**\n\n${sentence(40, 2)}`);
  const text = plainText(html);
  const excerpt = excerptOf(text);
  const replyHtml = renderMarkdown(sentence(25, 3));
  const start = now - opts.posts * 60_000;
  const postIds: string[] = [];
  const chunk = 20_000;
  for (let base = 0; base < opts.posts; base += chunk) {
    const rows = [];
    for (let i = base; i < Math.min(opts.posts, base + chunk); i++) {
      const t = start + i * 60_000;
      const id = ulid(t);
      postIds.push(id);
      rows.push({
        id,
        group_id: groups[i % groups.length]!.id,
        author_id: members[i % members.length]!.id,
        anonymous: i % 7 === 0 ? 1 : 0,
        title: `${sentence(6, i)} ${i}`,
        body_md: 'seeded',
        body_html: html,
        excerpt,
        content_warning: i % 11 === 0 ? 'grief' : null,
        status: 'published',
        reply_count: 0,
        last_activity_at: t,
        locked_at: null,
        created_at: t,
        edited_at: null,
        deleted_at: null,
      });
    }
    await insertMany(database, 'posts', rows);
  }

  // Replies: the newest post gets exactly 50 (the thread benchmark); the rest spread over older posts.
  const threadPostId = postIds[postIds.length - 1]!;
  for (let base = 0; base < opts.replies; base += chunk) {
    const rows = [];
    for (let i = base; i < Math.min(opts.replies, base + chunk); i++) {
      const postId = i < 50 ? threadPostId : postIds[(i * 7919) % (postIds.length - 1)]!;
      const id = ulid(now - (opts.replies - i));
      rows.push({
        id,
        post_id: postId,
        parent_id: null,
        path: id,
        depth: 0,
        author_id: members[(i * 13) % members.length]!.id,
        anonymous: 0,
        body_md: 'seeded',
        body_html: replyHtml,
        status: 'published',
        created_at: now - (opts.replies - i),
        edited_at: null,
        deleted_at: null,
      });
    }
    await insertMany(database, 'replies', rows);
  }
  // Counts as the application keeps them, set once in bulk.
  await sql`update posts set reply_count = (select count(*) from replies where replies.post_id = posts.id)`.execute(db);
  return { threadPostId, groupSlug: groups[0]!.slug };
}
