import type { Kysely } from 'kysely';
import { ulid } from '../../platform/ids.js';
import {
  NEEDS_REPLY_DAYS,
  type CreatePostBody,
  type CreateReplyBody,
  type PostDetail,
  type PostSummary,
  type ReactionKind,
  type Reply,
  type SafetyOutcome,
  type ContentWarning,
  type UpdatePostBody,
} from '../../../shared/forum.js';
import type { DB } from '../../platform/db/schema.js';
import { toPage, type Page, type PageRequest } from '../../platform/db/pagination.js';
import type { EventBus } from '../../platform/events/bus.js';
import { assertMayTakePart, type AuthMember } from '../../platform/http/auth.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { blockViewer } from '../blocks/blocks.query.js';
import type { BlocksService } from '../blocks/blocks.service.js';
import type { GroupsService } from '../groups/groups.service.js';
import { recordAudit } from '../moderation/audit.js';
import { trustHold, trustedByRole, type TrustHold } from '../moderation/trust.js';
import type { Admission, TrustService } from '../moderation/trust.service.js';
import type { SafetyService } from '../safety/safety.service.js';
import type { SearchService } from '../search/search.service.js';
import { excerptOf, plainText, renderMarkdown } from './markdown.js';
import * as store from './posts.store.js';
import { postsPolicy } from './posts.policy.js';
import { NO_MARKS, presentBlockedReply, presentPostDetail, presentPostSummary, presentReply, type ViewerMarks } from './posts.presenter.js';

const DAY = 24 * 60 * 60 * 1000;
/** Nesting kept in the data; deeper replies join their parent's siblings (the display flattens from depth 3 anyway). */
const MAX_STORED_DEPTH = 20;

export interface PostsDeps {
  db: Kysely<DB>;
  groups: GroupsService;
  search: SearchService;
  safety: SafetyService;
  bus: EventBus;
  blocks: Pick<BlocksService, 'between'>;
  /** Limits per trust level, and holds for new members' links and repeated words. */
  trust: Pick<TrustService, 'admit'>;
  now?: () => number;
}

export type PostsService = ReturnType<typeof createPostsService>;

/** Group forums: posts, threaded replies, reactions, saved posts and follows, and the feeds. */
const NOT_REMOVED = { removed_rule: null, removed_reason: null, removed_by: null, removed_at: null } as const;

/** Held words and risk alerts wait in the moderators' queue: it is told to look again. */
const forModerators = (outcome: SafetyOutcome) => outcome.held || outcome.level === 'ideation' || outcome.level === 'plan' || outcome.level === 'imminent';

/**
 * The safety check's decision, with the hold the author's standing earns added when the safety
 * check did not hold it already: what is stored (`heldReason` for the row) and told to the author.
 */
function withTrust(evaluation: ReturnType<SafetyService['evaluate']>, admission: Admission): ReturnType<SafetyService['evaluate']> & { rowReason: 'safety' | TrustHold | null } {
  const hold = trustHold(admission, { held: evaluation.status === 'held', level: evaluation.assessment.level });
  if (hold) return { ...evaluation, status: 'held', outcome: { ...evaluation.outcome, held: true, heldReason: hold }, rowReason: hold };
  return { ...evaluation, rowReason: evaluation.status === 'held' ? 'safety' : null };
}

const authorOf = (member: AuthMember) => ({ id: member.id, level: member.trustLevel ?? 0, trusted: trustedByRole(member.roles) });

export function createPostsService({ db, groups, search, safety, bus, blocks, trust, now = Date.now }: PostsDeps) {
  async function marksFor(viewer: AuthMember | null, ids: string[]): Promise<ViewerMarks> {
    if (!viewer || ids.length === 0) return NO_MARKS;
    return store.viewerMarks(db, ids, viewer.id);
  }

  async function summaries<R extends store.PostListRow>(viewer: AuthMember | null, rows: R[], page: PageRequest, sortOf: (r: R) => number): Promise<Page<PostSummary>> {
    const kept = rows.slice(0, page.limit);
    const marks = await marksFor(viewer, kept.map((r) => r.id));
    return toPage(rows, page.limit, (r) => [sortOf(r), r.id], (r) => presentPostSummary(r, viewer, marks));
  }

  /** A post the viewer may read: its group readable, and held or removed ones only for the author and moderators. */
  async function readablePost(viewer: AuthMember | null, id: string): Promise<store.PostWithGroup> {
    const post = await store.findPost(db, id);
    if (!post) throw notFound('That post');
    groups.assertReadable(viewer, { archived_at: post.group_archived_at, visitors_can_read: post.group_visitors_can_read });
    postsPolicy.assertCanSee(viewer, post, 'That post');
    return post;
  }

  /**
   * A block keeps a post out of the way even by a direct link, both ways. To the blocker a named
   * one says why; an anonymous one answers as if it were not there, so nobody learns who wrote it.
   * To the member its author blocked it answers as if it were not there, so they are never told.
   * Moderators still reach it, because reports and risk alerts must be reviewable.
   */
  async function assertNotBlocked(viewer: AuthMember | null, post: store.PostWithGroup): Promise<void> {
    if (!viewer || viewer.id === post.author_id || postsPolicy.isModerator(viewer)) return;
    const { blocked, blockedBy } = await blocks.between(viewer.id, [post.author_id]);
    // The viewer's own block comes first: someone who blocked the author expects to be told so.
    if (blocked.has(post.author_id) && !post.anonymous) {
      throw new AppError('blocked_member', 'You blocked the member who wrote this post, so it is hidden from you. You can unblock them in Settings if you want to read it.', 403);
    }
    if (blocked.has(post.author_id) || blockedBy.has(post.author_id)) throw notFound('That post');
  }

  /**
   * Whether `authorId` blocked `viewer`: then what they wrote is not there for the viewer on any
   * path that names it (saving, reacting, replying), as it is not by link. Moderators excepted.
   */
  async function hiddenFrom(viewer: AuthMember, authorId: string): Promise<boolean> {
    if (viewer.id === authorId || postsPolicy.isModerator(viewer)) return false;
    return (await blocks.between(viewer.id, [authorId])).blockedBy.has(authorId);
  }

  async function detail(viewer: AuthMember | null, id: string): Promise<PostDetail> {
    const post = (await store.findPost(db, id))!;
    return presentPostDetail(post, viewer, await marksFor(viewer, [id]));
  }

  async function replyOut(viewer: AuthMember | null, id: string, fresh = false): Promise<Reply> {
    const reply = (await store.findReply(db, id))!;
    // A reply written a moment ago has no reactions yet.
    const mine = viewer && !fresh ? await store.myReactions(db, 'reply', [id], viewer.id) : new Map<string, ReactionKind[]>();
    return presentReply(reply, viewer, mine);
  }

  async function readableReply(viewer: AuthMember | null, id: string) {
    const reply = await store.findReply(db, id);
    if (!reply) throw notFound('That reply');
    const post = await readablePost(viewer, reply.post_id);
    postsPolicy.assertCanSee(viewer, reply, 'That reply');
    return { reply, post };
  }

  return {
    async groupFeed(viewer: AuthMember | null, slug: string, sort: 'new' | 'active' | 'unanswered', page: PageRequest): Promise<Page<PostSummary>> {
      const group = await groups.readable(viewer, slug);
      const rows = await store.groupFeed(db, group.id, sort, page, blockViewer(viewer));
      return summaries(viewer, rows, page, (r) => (sort === 'active' ? r.last_activity_at : r.created_at));
    },

    async homeFeed(viewer: AuthMember, page: PageRequest): Promise<Page<PostSummary>> {
      return summaries(viewer, await store.homeFeed(db, blockViewer(viewer), page), page, (r) => r.last_activity_at);
    },

    async needsReply(viewer: AuthMember, page: PageRequest): Promise<Page<PostSummary>> {
      const groupIds = await groups.readableIds(viewer);
      const rows = await store.needsReply(db, groupIds, now() - NEEDS_REPLY_DAYS * DAY, page, blockViewer(viewer));
      return summaries(viewer, rows, page, (r) => r.created_at);
    },

    async saved(viewer: AuthMember, page: PageRequest): Promise<Page<PostSummary>> {
      const rows = await store.savedPosts(db, blockViewer(viewer), page);
      return summaries(viewer, rows, page, (r) => r.saved_at);
    },

    async get(viewer: AuthMember | null, id: string): Promise<PostDetail> {
      const post = await readablePost(viewer, id);
      await assertNotBlocked(viewer, post);
      return presentPostDetail(post, viewer, await marksFor(viewer, [id]));
    },

    async create(author: AuthMember, slug: string, input: CreatePostBody): Promise<{ post: PostDetail; safety: SafetyOutcome }> {
      const group = await groups.readable(author, slug);
      assertMayTakePart(author, now());
      // Membership, and the group's rules before a first post. Replies need neither (docs/decisions.md).
      await groups.assertMayPost(author, group);
      const admission = await trust.admit(authorOf(author), { kind: 'post', text: `${input.title}\n${input.body}`, words: input.body, fresh: true, repeats: true });
      const html = renderMarkdown(input.body);
      const text = plainText(html);
      const { status, contentWarning: warning, outcome, assessment, rowReason } = withTrust(safety.evaluate(`${input.title}\n${input.body}`, { kind: 'post', chosenWarning: input.contentWarning }), admission);
      const t = now();
      const id = ulid(t);
      await db.transaction().execute(async (trx) => {
        await store.insertPost(trx, {
          id,
          group_id: group.id,
          author_id: author.id,
          anonymous: input.anonymous ? 1 : 0,
          title: input.title.trim(),
          body_md: input.body,
          body_html: html,
          excerpt: excerptOf(text),
          content_warning: warning ?? null,
          status,
          held_reason: rowReason,
          ...NOT_REMOVED,
          last_activity_at: t,
          locked_at: null,
          created_at: t,
          edited_at: null,
          deleted_at: null,
        });
        if (status === 'published') await search.indexPost(trx, { id, groupId: group.id, createdAt: t, title: input.title, text }, true);
        await safety.record(trx, { type: 'post', id, postId: id, groupId: group.id, authorId: author.id }, assessment);
      }).catch(async (err: unknown) => {
        await admission.release();
        throw err;
      });
      if (status === 'published') await bus.publish('post.published', { postId: id, authorId: author.id, anonymous: Boolean(input.anonymous), at: t });
      if (forModerators(outcome)) await bus.publish('moderation.changed', {});
      return { post: await detail(author, id), safety: outcome };
    },

    async update(author: AuthMember, id: string, input: UpdatePostBody): Promise<{ post: PostDetail; safety: SafetyOutcome }> {
      const post = await readablePost(author, id);
      postsPolicy.assertAuthor(author, post, 'post');
      assertMayTakePart(author, now());
      const title = input.title?.trim() ?? post.title;
      const body = input.body ?? post.body_md;
      const chosen = input.contentWarning !== undefined ? input.contentWarning : post.content_warning;
      // An edit is not a new post (no rate, no repeat), but its links are checked as a new post's would be.
      const admission = await trust.admit(authorOf(author), { kind: 'post', text: `${title}\n${body}`, words: body, fresh: false, repeats: false });
      const { status, contentWarning: warning, outcome, assessment, rowReason } = withTrust(safety.evaluate(`${title}\n${body}`, { kind: 'post', chosenWarning: chosen as ContentWarning | null }), admission);
      const html = input.body !== undefined ? renderMarkdown(body) : post.body_html;
      const text = plainText(html);
      const t = now();
      // A removed post stays removed; otherwise the new words decide between published and held.
      const nextStatus = post.status === 'removed' ? 'removed' : status;
      await db.transaction().execute(async (trx) => {
        await store.updatePost(trx, id, {
          title,
          body_md: body,
          body_html: html,
          excerpt: excerptOf(text),
          content_warning: warning ?? null,
          status: nextStatus,
          ...(nextStatus === 'removed' ? {} : { held_reason: rowReason }),
          edited_at: t,
        });
        if (nextStatus === 'published') await search.indexPost(trx, { id, groupId: post.group_id, createdAt: post.created_at, title, text });
        else await search.remove(trx, 'post', id);
        await safety.record(trx, { type: 'post', id, postId: id, groupId: post.group_id, authorId: author.id }, assessment);
      });
      if (nextStatus === 'published') await bus.publish('post.published', { postId: id, authorId: author.id, anonymous: Boolean(post.anonymous), at: t });
      if (forModerators(outcome)) await bus.publish('moderation.changed', {});
      return { post: await detail(author, id), safety: outcome };
    },

    /** The post's words are erased; its thread stays, under "[deleted]". */
    async remove(actor: AuthMember, id: string): Promise<PostDetail> {
      const post = await readablePost(actor, id);
      postsPolicy.assertCanDelete(actor, post);
      if (post.deleted_at === null) {
        const t = now();
        await db.transaction().execute(async (trx) => {
          await store.updatePost(trx, id, { deleted_at: t, title: '', body_md: '', body_html: '', excerpt: '' });
          await search.remove(trx, 'post', id);
          if (actor.id !== post.author_id) {
            await recordAudit(trx, { actorId: actor.id, action: 'post.deleted_by_moderator', targetType: 'post', targetId: id }, t);
          }
        });
      }
      return detail(actor, id);
    },

    async setLocked(moderator: AuthMember, id: string, locked: boolean): Promise<PostDetail> {
      postsPolicy.assertModerator(moderator);
      const post = await readablePost(moderator, id);
      const t = now();
      await db.transaction().execute(async (trx) => {
        await store.updatePost(trx, id, { locked_at: locked ? (post.locked_at ?? t) : null });
        await recordAudit(trx, { actorId: moderator.id, action: locked ? 'post.locked' : 'post.unlocked', targetType: 'post', targetId: id }, t);
      });
      return detail(moderator, id);
    },

    /** Moderators may see who wrote an anonymous post; each look is written to the audit log. */
    async revealAuthor(moderator: AuthMember, id: string, reason?: string): Promise<{ id: string; handle: string }> {
      postsPolicy.assertModerator(moderator);
      const post = await readablePost(moderator, id);
      await recordAudit(db, { actorId: moderator.id, action: 'post.author_revealed', targetType: 'post', targetId: id, detail: reason ? { reason } : {} }, now());
      return { id: post.author_id, handle: post.author_handle };
    },

    /** The same for an anonymous reply. */
    async revealReplyAuthor(moderator: AuthMember, id: string, reason?: string): Promise<{ id: string; handle: string }> {
      postsPolicy.assertModerator(moderator);
      const { reply } = await readableReply(moderator, id);
      await recordAudit(db, { actorId: moderator.id, action: 'reply.author_revealed', targetType: 'reply', targetId: id, detail: reason ? { reason } : {} }, now());
      return { id: reply.author_id, handle: reply.author_handle };
    },

    async thread(viewer: AuthMember | null, postId: string, page: PageRequest): Promise<Page<Reply>> {
      const post = await readablePost(viewer, postId);
      await assertNotBlocked(viewer, post);
      const rows = await store.thread(db, postId, page);
      const kept = rows.slice(0, page.limit);
      const moderator = postsPolicy.isModerator(viewer);
      const { blocked, blockedBy } = viewer ? await blocks.between(viewer.id, kept.map((r) => r.author_id)) : { blocked: new Set<string>(), blockedBy: new Set<string>() };
      // Held replies are shown only to their author and moderators. A reply by someone the reader
      // blocked keeps its place as "You blocked this member", so the answers to it still read in
      // order; an anonymous one is left out, so the placeholder never says who wrote it. A reply
      // by someone who blocked the reader is left out with no placeholder (one would tell them),
      // except for moderators; the answers to a reply left out still show, in their place.
      const visible = (r: store.ReplyWithAuthor) =>
        (r.status === 'published' || viewer?.id === r.author_id || moderator) &&
        !(r.anonymous && blocked.has(r.author_id)) &&
        !(blockedBy.has(r.author_id) && !blocked.has(r.author_id) && !moderator);
      const mine = viewer ? await store.myReactions(db, 'reply', kept.map((r) => r.id), viewer.id) : new Map<string, ReactionKind[]>();
      const page_ = toPage(rows, page.limit, (r) => [r.path, r.id], (r) => r);
      return {
        items: page_.items.filter(visible).map((r) => (blocked.has(r.author_id) ? presentBlockedReply(r, viewer) : presentReply(r, viewer, mine))),
        nextCursor: page_.nextCursor,
      };
    },

    async reply(author: AuthMember, postId: string, input: CreateReplyBody): Promise<{ reply: Reply; safety: SafetyOutcome }> {
      const post = await readablePost(author, postId);
      if (await hiddenFrom(author, post.author_id)) throw notFound('That post');
      assertMayTakePart(author, now());
      if (post.deleted_at !== null) throw new AppError('post_deleted', 'This post was deleted, so it cannot take new replies. Your reply is kept in the box.', 409);
      if (post.locked_at !== null) throw new AppError('post_locked', 'This post is locked, so it cannot take new replies. Your reply is kept in the box.', 409);
      let parent: store.ReplyWithAuthor | undefined;
      if (input.parentId) {
        parent = await store.findReply(db, input.parentId);
        if (!parent || parent.post_id !== postId || parent.status !== 'published' || (await hiddenFrom(author, parent.author_id))) {
          throw new AppError('invalid_input', 'The reply you are answering is not on this post.', 400, { parentId: 'That reply is not part of this post.' });
        }
      }
      const admission = await trust.admit(authorOf(author), { kind: 'reply', text: input.body, words: input.body, fresh: true, repeats: true });
      const html = renderMarkdown(input.body);
      const text = plainText(html);
      const { status, contentWarning, outcome, assessment, rowReason } = withTrust(safety.evaluate(input.body, { kind: 'reply' }), admission);
      const t = now();
      const id = ulid(t);
      // Past MAX_STORED_DEPTH a reply joins its parent's siblings: the thread stays readable and the path stays short.
      const deep = parent !== undefined && parent.depth >= MAX_STORED_DEPTH;
      const attachTo = deep ? { id: parent!.parent_id, path: parent!.path.slice(0, parent!.path.lastIndexOf('/')), depth: parent!.depth - 1 } : parent;
      await db.transaction().execute(async (trx) => {
        await store.insertReply(trx, {
          id,
          post_id: postId,
          parent_id: attachTo?.id ?? null,
          path: attachTo ? `${attachTo.path}/${id}` : id,
          depth: attachTo ? attachTo.depth + 1 : 0,
          author_id: author.id,
          anonymous: input.anonymous ? 1 : 0,
          body_md: input.body,
          body_html: html,
          content_warning: contentWarning,
          status,
          held_reason: rowReason,
          ...NOT_REMOVED,
          created_at: t,
          edited_at: null,
          deleted_at: null,
        });
        if (status === 'published') {
          await store.bumpReplyCount(trx, postId, 1, author.id !== post.author_id, t);
          await search.indexReply(trx, { id, groupId: post.group_id, createdAt: t, text }, true);
        }
        await safety.record(trx, { type: 'reply', id, postId, groupId: post.group_id, authorId: author.id }, assessment);
      }).catch(async (err: unknown) => {
        await admission.release();
        throw err;
      });
      if (status === 'published') {
        await bus.publish('reply.created', { replyId: id, postId, authorId: author.id, anonymous: Boolean(input.anonymous), createdAt: t });
      }
      if (forModerators(outcome)) await bus.publish('moderation.changed', {});
      return { reply: await replyOut(author, id, true), safety: outcome };
    },

    async updateReply(author: AuthMember, id: string, body: string): Promise<{ reply: Reply; safety: SafetyOutcome }> {
      const { reply, post } = await readableReply(author, id);
      postsPolicy.assertAuthor(author, reply, 'reply');
      assertMayTakePart(author, now());
      const admission = await trust.admit(authorOf(author), { kind: 'reply', text: body, words: body, fresh: false, repeats: false });
      const html = renderMarkdown(body);
      const { status, contentWarning, outcome, assessment, rowReason } = withTrust(safety.evaluate(body, { kind: 'reply' }), admission);
      const nextStatus = reply.status === 'removed' ? 'removed' : status;
      const t = now();
      const answer = reply.author_id !== post.author_id;
      const nowPublished = reply.status !== 'published' && nextStatus === 'published';
      await db.transaction().execute(async (trx) => {
        // Conditional on the state read above, so a racing edit or delete cannot move the counts twice.
        const heldReason = nextStatus === 'removed' ? reply.held_reason : rowReason;
        if (!(await store.rewriteReply(trx, id, reply.status, { body_md: body, body_html: html, content_warning: contentWarning, status: nextStatus, held_reason: heldReason, edited_at: t }))) {
          throw new AppError('reply_changed', 'This reply changed while you were editing it. Please reload; your words are kept in the box.', 409);
        }
        // The post's counts cover published replies only.
        if (reply.status === 'published' && nextStatus !== 'published') await store.bumpReplyCount(trx, post.id, -1, answer);
        if (nowPublished) await store.bumpReplyCount(trx, post.id, 1, answer, t);
        if (nextStatus === 'published') await search.indexReply(trx, { id, groupId: post.group_id, createdAt: reply.created_at, text: plainText(html) });
        else await search.remove(trx, 'reply', id);
        await safety.record(trx, { type: 'reply', id, postId: post.id, groupId: post.group_id, authorId: author.id }, assessment);
      });
      // A reply that was held and now reads fine reaches its readers as a new one would.
      if (nowPublished) await bus.publish('reply.created', { replyId: id, postId: post.id, authorId: author.id, anonymous: Boolean(reply.anonymous), createdAt: t });
      else if (nextStatus === 'published') await bus.publish('reply.edited', { replyId: id, postId: post.id, authorId: author.id, anonymous: Boolean(reply.anonymous), at: t });
      if (forModerators(outcome)) await bus.publish('moderation.changed', {});
      return { reply: await replyOut(author, id), safety: outcome };
    },

    /**
     * A moderator's decision on a post or reply, in the caller's transaction: publish what was
     * held (it then reaches readers as a new one would), take it down with the guideline and the
     * reason its author will see, or put back what was taken down. Returns the author and whether
     * anything changed, and what to announce once the transaction commits.
     */
    async moderate(
      trx: Kysely<DB>,
      target: { type: 'post' | 'reply'; id: string },
      next: { status: 'published' } | { status: 'removed'; rule: string; reason: string; by: string },
    ): Promise<{ changed: boolean; authorId: string; groupId: string; announce: () => Promise<void> }> {
      const t = now();
      const removal = next.status === 'removed' ? { removed_rule: next.rule, removed_reason: next.reason, removed_by: next.by, removed_at: t } : { ...NOT_REMOVED };
      if (target.type === 'post') {
        const post = await store.findPost(trx, target.id);
        if (!post || post.deleted_at !== null) throw notFound('That post');
        if (post.status === next.status) return { changed: false, authorId: post.author_id, groupId: post.group_id, announce: async () => {} };
        await store.updatePost(trx, post.id, { status: next.status, held_reason: null, ...removal });
        if (next.status === 'published') await search.indexPost(trx, { id: post.id, groupId: post.group_id, createdAt: post.created_at, title: post.title, text: plainText(post.body_html) });
        else await search.remove(trx, 'post', post.id);
        const announce = async () => {
          if (next.status === 'published') await bus.publish('post.published', { postId: post.id, authorId: post.author_id, anonymous: Boolean(post.anonymous), at: t });
        };
        return { changed: true, authorId: post.author_id, groupId: post.group_id, announce };
      }
      const reply = await store.findReply(trx, target.id);
      if (!reply || reply.deleted_at !== null) throw notFound('That reply');
      const post = await store.findPost(trx, reply.post_id);
      if (!post) throw notFound('That reply');
      if (reply.status === next.status) return { changed: false, authorId: reply.author_id, groupId: post.group_id, announce: async () => {} };
      const answer = reply.author_id !== post.author_id;
      await store.updateReply(trx, reply.id, { status: next.status, held_reason: null, ...removal });
      if (reply.status === 'published') await store.bumpReplyCount(trx, post.id, -1, answer);
      if (next.status === 'published') {
        await store.bumpReplyCount(trx, post.id, 1, answer, t);
        await search.indexReply(trx, { id: reply.id, groupId: post.group_id, createdAt: reply.created_at, text: plainText(reply.body_html) });
      } else await search.remove(trx, 'reply', reply.id);
      const announce = async () => {
        if (next.status === 'published') await bus.publish('reply.created', { replyId: reply.id, postId: post.id, authorId: reply.author_id, anonymous: Boolean(reply.anonymous), createdAt: t });
      };
      return { changed: true, authorId: reply.author_id, groupId: post.group_id, announce };
    },

    async removeReply(actor: AuthMember, id: string): Promise<Reply> {
      const { reply, post } = await readableReply(actor, id);
      postsPolicy.assertCanDelete(actor, reply);
      if (reply.deleted_at === null) {
        const t = now();
        await db.transaction().execute(async (trx) => {
          // Only the delete that actually erased the reply moves the counts (a retry or a second deleter does not).
          if (!(await store.eraseReply(trx, id, t))) return;
          if (reply.status === 'published') await store.bumpReplyCount(trx, post.id, -1, reply.author_id !== post.author_id);
          await search.remove(trx, 'reply', id);
          if (actor.id !== reply.author_id) {
            await recordAudit(trx, { actorId: actor.id, action: 'reply.deleted_by_moderator', targetType: 'reply', targetId: id }, t);
          }
        });
      }
      return replyOut(actor, id);
    },

    async react(member: AuthMember, target: { type: 'post' | 'reply'; id: string }, kind: ReactionKind, on: boolean) {
      // Taking part includes reacting (it notifies the author); taking a reaction back is always fine.
      if (on) assertMayTakePart(member, now());
      let postId: string;
      if (target.type === 'post') {
        const post = await readablePost(member, target.id);
        if (await hiddenFrom(member, post.author_id)) throw notFound('That post');
        if (post.deleted_at !== null) throw new AppError('post_deleted', 'This post was deleted.', 409);
        postId = post.id;
      } else {
        const { reply, post } = await readableReply(member, target.id);
        if ((await hiddenFrom(member, post.author_id)) || (await hiddenFrom(member, reply.author_id))) throw notFound('That reply');
        if (reply.deleted_at !== null) throw new AppError('reply_deleted', 'This reply was deleted.', 409);
        postId = reply.post_id;
      }
      const t = now();
      const added = await db.transaction().execute((trx) => store.setReaction(trx, target, member.id, kind, on, t));
      if (added && on) await bus.publish('reaction.added', { targetType: target.type, targetId: target.id, postId, memberId: member.id, kind, at: t });
      const row =
        target.type === 'post'
          ? await db.selectFrom('posts').select(['hug_count', 'me_too_count', 'thank_you_count', 'got_this_count']).where('id', '=', target.id).executeTakeFirstOrThrow()
          : await db.selectFrom('replies').select(['hug_count', 'me_too_count', 'thank_you_count', 'got_this_count']).where('id', '=', target.id).executeTakeFirstOrThrow();
      const mine = await store.myReactions(db, target.type, [target.id], member.id);
      return {
        reactions: { hug: Number(row.hug_count), me_too: Number(row.me_too_count), thank_you: Number(row.thank_you_count), got_this: Number(row.got_this_count) },
        myReactions: mine.get(target.id) ?? [],
      };
    },

    async mark(member: AuthMember, id: string, what: 'saved_posts' | 'post_follows', on: boolean): Promise<PostDetail> {
      const post = await readablePost(member, id);
      if (await hiddenFrom(member, post.author_id)) throw notFound('That post');
      await store.setMark(db, what, id, member.id, on, now());
      return detail(member, id);
    },

    preview(markdown: string): string {
      return renderMarkdown(markdown);
    },
  };
}
