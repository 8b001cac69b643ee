import { sql, type Kysely } from 'kysely';
import type { ReactionKind } from '../../../shared/forum.js';
import type { DB, PostRow, ReplyRow } from '../../platform/db/schema.js';
import { keyset, type PageRequest } from '../../platform/db/pagination.js';
import { withoutBlockedAuthors, type BlockViewer } from '../blocks/blocks.query.js';

/** The forum's queries: posts, replies, reactions, saved posts and follows. */

export type PostWithGroup = PostRow & {
  group_slug: string;
  group_name: string;
  group_archived_at: number | null;
  group_visitors_can_read: number;
  author_handle: string;
};
/** A post as lists show it: everything but the body, which lists never send. */
export type PostListRow = Omit<PostWithGroup, 'body_md' | 'body_html'>;

const LIST_COLUMNS = [
  'posts.id', 'posts.group_id', 'posts.author_id', 'posts.anonymous', 'posts.title', 'posts.excerpt', 'posts.content_warning',
  'posts.status', 'posts.reply_count', 'posts.answer_count', 'posts.last_activity_at', 'posts.hug_count', 'posts.me_too_count', 'posts.thank_you_count',
  'posts.got_this_count', 'posts.locked_at', 'posts.created_at', 'posts.edited_at', 'posts.deleted_at',
  'posts.held_reason', 'posts.removed_rule', 'posts.removed_reason', 'posts.removed_by', 'posts.removed_at',
] as const;

function postsWithGroup(db: Kysely<DB>) {
  return db
    .selectFrom('posts')
    .innerJoin('groups', 'groups.id', 'posts.group_id')
    .innerJoin('members', 'members.id', 'posts.author_id')
    .select(LIST_COLUMNS)
    .select([
      'groups.slug as group_slug',
      'groups.name as group_name',
      'groups.archived_at as group_archived_at',
      'groups.visitors_can_read as group_visitors_can_read',
      'members.handle as author_handle',
    ]);
}

export function findPost(db: Kysely<DB>, id: string): Promise<PostWithGroup | undefined> {
  return postsWithGroup(db).select(['posts.body_md', 'posts.body_html']).where('posts.id', '=', id).executeTakeFirst();
}

// Listed: published, and not deleted unless someone replied (the thread stays, marked [deleted]);
// never by someone the viewer blocked or who blocked the viewer, anonymous or not.
function listable<QB extends ReturnType<typeof postsWithGroup>>(q: QB, viewer: BlockViewer | null): QB {
  return withoutBlockedAuthors(q, viewer, 'posts.author_id')
    .where('posts.status', '=', 'published')
    .where('groups.archived_at', 'is', null)
    .where((eb) => eb.or([eb('posts.deleted_at', 'is', null), eb('posts.reply_count', '>', 0)])) as QB;
}

export function groupFeed(db: Kysely<DB>, groupId: string, sort: 'new' | 'active' | 'unanswered', page: PageRequest, viewer: BlockViewer | null): Promise<PostListRow[]> {
  let q = listable(postsWithGroup(db), viewer).where('posts.group_id', '=', groupId);
  if (sort === 'unanswered') q = q.where('posts.answer_count', '=', 0).where('posts.deleted_at', 'is', null);
  const column = sort === 'active' ? 'posts.last_activity_at' : 'posts.created_at';
  return keyset(q, { sort: column, sortType: 'number', id: 'posts.id', direction: 'desc', page }).execute();
}

/** Posts of the groups a member joined, most recently active first. */
export function homeFeed(db: Kysely<DB>, viewer: BlockViewer, page: PageRequest): Promise<PostListRow[]> {
  const q = listable(postsWithGroup(db), viewer).where('posts.group_id', 'in', (eb) =>
    eb.selectFrom('group_members').select('group_members.group_id').where('group_members.member_id', '=', viewer.id),
  );
  return keyset(q, { sort: 'posts.last_activity_at', sortType: 'number', id: 'posts.id', direction: 'desc', page }).execute();
}

/** Posts nobody has answered yet, oldest first, from `since` on, in the given groups. */
export function needsReply(db: Kysely<DB>, groupIds: string[], since: number, page: PageRequest, viewer: BlockViewer): Promise<PostListRow[]> {
  if (groupIds.length === 0) return Promise.resolve([]);
  const q = listable(postsWithGroup(db), viewer)
    .where('posts.answer_count', '=', 0)
    .where('posts.deleted_at', 'is', null)
    .where('posts.locked_at', 'is', null)
    .where('posts.created_at', '>=', since)
    .where('posts.group_id', 'in', groupIds);
  return keyset(q, { sort: 'posts.created_at', sortType: 'number', id: 'posts.id', direction: 'asc', page }).execute();
}

export function savedPosts(db: Kysely<DB>, viewer: BlockViewer, page: PageRequest) {
  const q = withoutBlockedAuthors(postsWithGroup(db), viewer, 'posts.author_id')
    .innerJoin('saved_posts', 'saved_posts.post_id', 'posts.id')
    .select('saved_posts.created_at as saved_at')
    .where('saved_posts.member_id', '=', viewer.id)
    // A saved post that was later held or removed is its author's business and the moderators'.
    .where((eb) => eb.or([eb('posts.status', '=', 'published'), eb('posts.author_id', '=', viewer.id)]))
    .where('groups.archived_at', 'is', null);
  return keyset(q, { sort: 'saved_posts.created_at', sortType: 'number', id: 'posts.id', direction: 'desc', page }).execute();
}

export async function insertPost(db: Kysely<DB>, row: Omit<PostRow, 'reply_count' | 'answer_count' | 'hug_count' | 'me_too_count' | 'thank_you_count' | 'got_this_count'>): Promise<void> {
  await db.insertInto('posts').values(row).execute();
}

export async function updatePost(db: Kysely<DB>, id: string, patch: Partial<PostRow>): Promise<void> {
  await db.updateTable('posts').set(patch).where('id', '=', id).execute();
}

export type ReplyWithAuthor = ReplyRow & { author_handle: string };

export function findReply(db: Kysely<DB>, id: string): Promise<ReplyWithAuthor | undefined> {
  return db
    .selectFrom('replies')
    .innerJoin('members', 'members.id', 'replies.author_id')
    .selectAll('replies')
    .select('members.handle as author_handle')
    .where('replies.id', '=', id)
    .executeTakeFirst();
}

/** A thread depth-first (each reply after its parent), by its materialised path. */
export function thread(db: Kysely<DB>, postId: string, page: PageRequest): Promise<ReplyWithAuthor[]> {
  const q = db
    .selectFrom('replies')
    .innerJoin('members', 'members.id', 'replies.author_id')
    .selectAll('replies')
    .select('members.handle as author_handle')
    .where('replies.post_id', '=', postId);
  return keyset(q, { sort: 'replies.path', sortType: 'string', id: 'replies.id', direction: 'asc', page }).execute();
}

export async function insertReply(db: Kysely<DB>, row: Omit<ReplyRow, 'hug_count' | 'me_too_count' | 'thank_you_count' | 'got_this_count'>): Promise<void> {
  await db.insertInto('replies').values(row).execute();
}

export async function updateReply(db: Kysely<DB>, id: string, patch: Partial<ReplyRow>): Promise<void> {
  await db.updateTable('replies').set(patch).where('id', '=', id).execute();
}

/**
 * Counts and last activity move with each published reply, so no list ever counts on read.
 * `answer`: the reply is by someone other than the post's author, so it answers the post.
 */
export async function bumpReplyCount(db: Kysely<DB>, postId: string, delta: 1 | -1, answer: boolean, activityAt?: number): Promise<void> {
  await db
    .updateTable('posts')
    .set((eb) => ({
      reply_count: eb('reply_count', '+', delta),
      ...(answer ? { answer_count: eb('answer_count', '+', delta) } : {}),
      ...(activityAt !== undefined ? { last_activity_at: activityAt } : {}),
    }))
    .where('id', '=', postId)
    .execute();
}

/** Marks a reply deleted, erasing its words; false when it already was (a retry, or two at once). */
export async function eraseReply(db: Kysely<DB>, id: string, now: number): Promise<boolean> {
  const r = await db.updateTable('replies').set({ deleted_at: now, body_md: '', body_html: '' }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Rewrites a reply only if it is still in the state that was read; false when something changed it meanwhile. */
export async function rewriteReply(
  db: Kysely<DB>,
  id: string,
  expectedStatus: string,
  patch: { body_md: string; body_html: string; content_warning: string | null; status: string; held_reason: string | null; edited_at: number },
): Promise<boolean> {
  const r = await db.updateTable('replies').set(patch).where('id', '=', id).where('status', '=', expectedStatus).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

const COUNT_COLUMN = { hug: 'hug_count', me_too: 'me_too_count', thank_you: 'thank_you_count', got_this: 'got_this_count' } as const;

/** Adds or removes one reaction; the target's count moves only when something changed, and true says it did. */
export async function setReaction(
  db: Kysely<DB>,
  target: { type: 'post' | 'reply'; id: string },
  memberId: string,
  kind: ReactionKind,
  on: boolean,
  now: number,
): Promise<boolean> {
  let changed: boolean;
  if (on) {
    const r = await db
      .insertInto('reactions')
      .values({ target_type: target.type, target_id: target.id, member_id: memberId, kind, created_at: now })
      .onConflict((oc) => oc.columns(['target_type', 'target_id', 'member_id', 'kind']).doNothing())
      .executeTakeFirst();
    changed = Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  } else {
    const r = await db
      .deleteFrom('reactions')
      .where('target_type', '=', target.type)
      .where('target_id', '=', target.id)
      .where('member_id', '=', memberId)
      .where('kind', '=', kind)
      .executeTakeFirst();
    changed = Number(r.numDeletedRows) > 0;
  }
  if (!changed) return false;
  const column = COUNT_COLUMN[kind];
  const table = target.type === 'post' ? 'posts' : 'replies';
  await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${sql.ref(column)} + ${on ? 1 : -1} where id = ${target.id}`.execute(db);
  return true;
}

export async function myReactions(db: Kysely<DB>, type: 'post' | 'reply', ids: string[], memberId: string): Promise<Map<string, ReactionKind[]>> {
  const map = new Map<string, ReactionKind[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom('reactions')
    .select(['target_id', 'kind'])
    .where('target_type', '=', type)
    .where('target_id', 'in', ids)
    .where('member_id', '=', memberId)
    .execute();
  for (const r of rows) map.set(r.target_id, [...(map.get(r.target_id) ?? []), r.kind as ReactionKind]);
  return map;
}

/** The viewer's reactions, saves and follows on `ids`, in one round trip. */
export async function viewerMarks(db: Kysely<DB>, ids: string[], memberId: string) {
  const myReactions = new Map<string, ReactionKind[]>();
  const saved = new Set<string>();
  const following = new Set<string>();
  if (ids.length === 0) return { myReactions, saved, following };
  const rows = await db
    .selectFrom('reactions')
    .select([sql<string>`'r'`.as('mark'), 'target_id as post_id', 'kind'])
    .where('target_type', '=', 'post')
    .where('target_id', 'in', ids)
    .where('member_id', '=', memberId)
    .unionAll(
      db.selectFrom('saved_posts').select([sql<string>`'s'`.as('mark'), 'post_id', sql<string>`''`.as('kind')]).where('member_id', '=', memberId).where('post_id', 'in', ids),
    )
    .unionAll(
      db.selectFrom('post_follows').select([sql<string>`'f'`.as('mark'), 'post_id', sql<string>`''`.as('kind')]).where('member_id', '=', memberId).where('post_id', 'in', ids),
    )
    .execute();
  for (const r of rows) {
    if (r.mark === 'r') myReactions.set(r.post_id, [...(myReactions.get(r.post_id) ?? []), r.kind as ReactionKind]);
    else if (r.mark === 's') saved.add(r.post_id);
    else following.add(r.post_id);
  }
  return { myReactions, saved, following };
}

export async function setMark(db: Kysely<DB>, table: 'saved_posts' | 'post_follows', postId: string, memberId: string, on: boolean, now: number): Promise<void> {
  if (on) {
    await db
      .insertInto(table)
      .values({ post_id: postId, member_id: memberId, created_at: now })
      .onConflict((oc) => oc.columns(table === 'saved_posts' ? ['member_id', 'post_id'] : ['post_id', 'member_id']).doNothing())
      .execute();
  } else {
    await db.deleteFrom(table).where('post_id', '=', postId).where('member_id', '=', memberId).execute();
  }
}

export async function followersOf(db: Kysely<DB>, postId: string): Promise<string[]> {
  const rows = await db.selectFrom('post_follows').select('member_id').where('post_id', '=', postId).execute();
  return rows.map((r) => r.member_id);
}
