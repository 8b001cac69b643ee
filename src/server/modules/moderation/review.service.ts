import type { Kysely } from 'kysely';
import type { ContentActionBody, ReportReason, ReviewItem, ReviewList, ReviewQuery, ReviewType } from '../../../shared/moderation.js';
import type { DB } from '../../platform/db/schema.js';
import type { EventBus } from '../../platform/events/bus.js';
import type { AuthMember } from '../../platform/http/auth.js';
import { AppError, forbidden, notFound } from '../../platform/http/errors.js';
import { ulid } from '../../platform/ids.js';
import type { MessagingService } from '../messaging/messaging.service.js';
import type { PostsService } from '../posts/posts.service.js';
import { recordAudit } from './audit.js';
import { covers, groupOfContent, SITE_SCOPE, type ReviewScope } from './review.scope.js';
import * as store from './review.store.js';
import { TARGET_TYPES, type TargetType } from './review.store.js';

/** A claim lapses after this long without an action, so an item is never stuck behind someone who left. */
export const CLAIM_MINUTES = 20;
const MINUTE = 60_000;

const DISTRESSING_REASONS: readonly ReportReason[] = ['at_risk', 'method_details', 'harassment'];
/** Held for who wrote it or how often, not for what it says: not blurred. */
const PLAIN_HOLDS: readonly string[] = ['new_member_link', 'repeated'];
const TYPE_ORDER: readonly ReviewType[] = ['risk_alert', 'report', 'safety_hold', 'new_member_hold', 'flag'];

export interface Target {
  type: TargetType;
  id: string;
}

export const keyOf = (t: Target) => `${t.type}:${t.id}`;

export function parseKey(key: string): Target {
  const at = key.indexOf(':');
  const type = key.slice(0, at) as TargetType;
  const id = key.slice(at + 1);
  if (at < 1 || !TARGET_TYPES.includes(type) || !/^[0-9A-Za-z_-]{1,100}$/.test(id)) throw notFound('That review item');
  return { type, id };
}

interface Gathered {
  target: Target;
  types: Set<ReviewType>;
  createdAt: number;
  urgent: boolean;
  groupId: string | null;
  reasons: Map<ReportReason, number>;
  notes: string[];
  why: string[];
  riskLevel: string | null;
  distressing: boolean;
}

export type ReviewService = ReturnType<typeof createReviewService>;

/**
 * One review queue: members' reports, content the safety module or the new-member rule held,
 * risk alerts and flags, gathered per thing (a post reported twice and held is one item), oldest
 * urgent first. A moderator claims an item so two never act on it at once; every decision is
 * written to the audit log in the same transaction, and the author is told which guideline.
 */
export function createReviewService({ db, posts, messaging, bus, now = Date.now }: { db: Kysely<DB>; posts: PostsService; messaging: MessagingService; bus: EventBus; now?: () => number }) {
  async function gather(): Promise<Map<string, Gathered>> {
    const [reports, held, alerts, flags] = await Promise.all([store.openReports(db), store.heldContent(db), store.activeAlerts(db), store.openFlags(db)]);
    const items = new Map<string, Gathered>();
    const at = (target: Target, type: ReviewType, createdAt: number, groupId: string | null = null): Gathered => {
      const key = keyOf(target);
      let g = items.get(key);
      if (!g) {
        g = { target, types: new Set(), createdAt, urgent: false, groupId, reasons: new Map(), notes: [], why: [], riskLevel: null, distressing: false };
        items.set(key, g);
      }
      g.types.add(type);
      g.createdAt = Math.min(g.createdAt, createdAt);
      g.groupId ??= groupId;
      return g;
    };
    for (const r of reports) {
      const target: Target = r.target_type === 'member' || r.target_type === 'listener' ? { type: 'member', id: r.subject_id ?? r.target_id } : { type: r.target_type as TargetType, id: r.target_id };
      const g = at(target, 'report', Number(r.created_at), r.group_id);
      const reason = r.reason as ReportReason;
      g.reasons.set(reason, (g.reasons.get(reason) ?? 0) + 1);
      if (r.note) g.notes.push(r.note);
      if (reason === 'at_risk') g.urgent = true;
      if (DISTRESSING_REASONS.includes(reason)) g.distressing = true;
    }
    for (const h of held) {
      const newMember = h.heldReason === 'new_member_link';
      const g = at({ type: h.type, id: h.id }, newMember ? 'new_member_hold' : 'safety_hold', h.at);
      if (h.heldReason) g.why.push(h.heldReason);
      if (!PLAIN_HOLDS.includes(h.heldReason ?? '')) g.distressing = true;
    }
    for (const a of alerts) {
      const g = at({ type: a.content_type as TargetType, id: a.content_id }, 'risk_alert', Number(a.created_at), a.group_id);
      g.riskLevel = a.level;
      g.distressing = true;
      if (Number(a.urgent) === 1) g.urgent = true;
    }
    for (const f of flags) {
      const g = at({ type: f.content_type as TargetType, id: f.content_id }, 'flag', Number(f.created_at));
      g.why.push(f.reason);
      if (f.note) g.notes.push(f.note);
    }
    return items;
  }

  async function present(gathered: Gathered[], viewer: AuthMember): Promise<ReviewItem[]> {
    const [found, claimRows, groups] = await Promise.all([
      store.targets(db, gathered.map((g) => g.target)),
      store.claims(db, gathered.map((g) => keyOf(g.target))),
      db.selectFrom('groups').select(['id', 'slug', 'name']).execute(),
    ]);
    const groupById = new Map(groups.map((g) => [g.id, { slug: g.slug, name: g.name }]));
    const claimByKey = new Map(claimRows.filter((c) => Number(c.claimed_at) > now() - CLAIM_MINUTES * MINUTE).map((c) => [c.item_key, c]));
    const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
    const posts = byId(found.posts);
    const replies = byId(found.replies);
    const messages = byId(found.messages);
    const members = byId(found.members);
    const conversations = byId(found.conversations);
    const requests = byId(found.requests);
    const author = (handle: string, deletedAt: number | null, anonymous = false) => (anonymous || deletedAt !== null ? null : { handle });
    // The level goes with the author: not shown when the author is not.
    const levelOf = (level: number, deletedAt: number | null, anonymous = false) => (anonymous || deletedAt !== null ? null : Number(level));

    return gathered.map((g): ReviewItem => {
      const { type, id } = g.target;
      let target: ReviewItem['target'] = { type, id, text: '', status: 'deleted', author: null, anonymous: false, link: null, trustLevel: null };
      let group = g.groupId ? (groupById.get(g.groupId) ?? null) : null;
      if (type === 'post') {
        const p = posts.get(id);
        if (p) {
          const deleted = p.deleted_at !== null;
          target = { ...target, text: deleted ? '' : `${p.title}\n\n${p.body_md}`, status: deleted ? 'deleted' : (p.status as 'published'), author: author(p.handle, p.author_deleted_at, p.anonymous === 1), anonymous: p.anonymous === 1, link: `/posts/${p.id}`, trustLevel: levelOf(p.trust_level, p.author_deleted_at, p.anonymous === 1) };
          group = { slug: p.slug, name: p.name };
        }
      } else if (type === 'reply') {
        const r = replies.get(id);
        if (r) {
          const deleted = r.deleted_at !== null;
          target = { ...target, text: deleted ? '' : r.body_md, status: deleted ? 'deleted' : (r.status as 'published'), author: author(r.handle, r.author_deleted_at, r.anonymous === 1), anonymous: r.anonymous === 1, link: `/posts/${r.post_id}#reply-${r.id}`, trustLevel: levelOf(r.trust_level, r.author_deleted_at, r.anonymous === 1) };
          group = { slug: r.slug, name: r.name };
        }
      } else if (type === 'message') {
        const m = messages.get(id);
        if (m) {
          const deleted = m.deleted_at !== null;
          const link = m.kind === 'room' && m.slug ? `/groups/${m.slug}/room#message-${m.id}` : m.kind === 'support' ? `/chats/${m.conversation_id}` : null;
          target = { ...target, text: deleted ? '' : m.body, status: deleted ? 'deleted' : (m.status as 'published'), author: author(m.handle, m.author_deleted_at), link, trustLevel: levelOf(m.trust_level, m.author_deleted_at) };
          if (m.slug && m.name) group = { slug: m.slug, name: m.name };
        }
      } else if (type === 'member') {
        const m = members.get(id);
        if (m) {
          target = {
            ...target,
            status: m.deleted_at !== null ? 'deleted' : 'active',
            author: author(m.handle, m.deleted_at),
            link: m.deleted_at === null ? `/members/${encodeURIComponent(m.handle)}` : null,
            trustLevel: levelOf(m.trust_level, m.deleted_at),
          };
        }
      } else if (type === 'conversation') {
        const c = conversations.get(id);
        if (c) {
          target = { ...target, status: 'active', link: c.kind === 'support' ? `/chats/${c.id}` : c.slug ? `/groups/${c.slug}/room` : null };
          if (c.slug && c.name) group = { slug: c.slug, name: c.name };
        }
      } else {
        const q = requests.get(id);
        if (q) target = { ...target, text: q.note ?? '', status: 'active', author: author(q.handle, q.author_deleted_at), trustLevel: levelOf(q.trust_level, q.author_deleted_at) };
      }
      const claim = claimByKey.get(keyOf(g.target));
      const types = TYPE_ORDER.filter((x) => g.types.has(x));
      return {
        key: keyOf(g.target),
        type: types[0]!,
        types,
        urgent: g.urgent,
        createdAt: g.createdAt,
        group,
        target,
        reasons: [...g.reasons].map(([reason, count]) => ({ reason, count })),
        notes: g.notes,
        why: g.why.length ? [...new Set(g.why)].join(', ') : null,
        riskLevel: g.riskLevel,
        distressing: g.distressing,
        claim: claim ? { handle: claim.handle, claimedAt: Number(claim.claimed_at), mine: claim.moderator_id === viewer.id } : null,
      };
    });
  }

  async function one(viewer: AuthMember, key: string): Promise<ReviewItem | null> {
    const g = (await gather()).get(key);
    return g ? (await present([g], viewer))[0]! : null;
  }

  /** The open item `key`, if the reviewer's scope covers it: 404 once closed, 403 when it is not theirs. */
  async function within(viewer: AuthMember, key: string, scope: ReviewScope): Promise<ReviewItem> {
    const item = await one(viewer, key);
    if (!item) throw new AppError('review_closed', 'This item has already been dealt with.', 404);
    if (!covers(scope, item)) throw forbidden();
    return item;
  }

  /** The live claim on `key` by someone other than `moderator`, if any. */
  async function claimedByOther(trx: Kysely<DB>, key: string, moderator: AuthMember): Promise<string | null> {
    const [c] = await store.claims(trx, [key]);
    if (!c || c.moderator_id === moderator.id || Number(c.claimed_at) <= now() - CLAIM_MINUTES * MINUTE) return null;
    return c.handle;
  }

  const claimedError = (handle: string) => new AppError('claimed', `${handle} is looking at this one already. It will come back to the queue if they leave it.`, 409, undefined, { claimedBy: handle });

  const changed = () => bus.publish('moderation.changed', {});

  /** Closes every source on a target in the moderator's transaction: reports, flags and risk alerts. */
  async function closeSources(trx: Kysely<DB>, target: Target, outcome: 'actioned' | 'dismissed', moderator: AuthMember, note: string, t: number): Promise<void> {
    await store.markFirstAction(trx, target, t);
    await store.closeReports(trx, target, outcome, moderator.id, t);
    await store.resolveFlags(trx, target, moderator.id, t);
    if (target.type === 'member') {
      await store.resolveFlags(trx, { type: 'conversation', id: target.id }, moderator.id, t);
    }
    await store.resolveAlerts(trx, target, moderator.id, note, t);
    await trx.deleteFrom('review_claims').where('item_key', '=', keyOf(target)).execute();
  }

  return {
    keyOf,
    parseKey,
    closeSources,
    claimedByOther,
    claimedError,

    async list(viewer: AuthMember, query: ReviewQuery, scope: ReviewScope = SITE_SCOPE): Promise<ReviewList> {
      const all = [...(await gather()).values()];
      const items = (await present(all, viewer)).filter((i) => covers(scope, i));
      const groups = new Map<string, { slug: string; name: string }>();
      for (const i of items) if (i.group) groups.set(i.group.slug, i.group);
      const shown = items
        .filter((i) => (!query.type || i.types.includes(query.type)) && (!query.group || i.group?.slug === query.group) && (query.urgency !== 'urgent' || i.urgent))
        .sort((a, b) => Number(b.urgent) - Number(a.urgent) || a.createdAt - b.createdAt || a.key.localeCompare(b.key));
      return {
        items: shown,
        counts: { total: items.length, urgent: items.filter((i) => i.urgent).length },
        groups: [...groups.values()].sort((a, b) => a.name.localeCompare(b.name)),
      };
    },

    async get(viewer: AuthMember, key: string, scope: ReviewScope = SITE_SCOPE): Promise<ReviewItem> {
      parseKey(key);
      return within(viewer, key, scope);
    },

    /** Takes an item to work on. Two moderators claiming at once: exactly one gets it. */
    async claim(moderator: AuthMember, key: string, scope: ReviewScope = SITE_SCOPE): Promise<ReviewItem> {
      parseKey(key);
      const t = now();
      await within(moderator, key, scope);
      const inserted = await db.insertInto('review_claims').values({ item_key: key, moderator_id: moderator.id, claimed_at: t }).onConflict((oc) => oc.column('item_key').doNothing()).executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
        // Taken already: mine (refresh), lapsed (take it over, guarded), or someone else's.
        const taken = await db
          .updateTable('review_claims')
          .set({ moderator_id: moderator.id, claimed_at: t })
          .where('item_key', '=', key)
          .where((eb) => eb.or([eb('moderator_id', '=', moderator.id), eb('claimed_at', '<=', t - CLAIM_MINUTES * MINUTE)]))
          .executeTakeFirst();
        if (Number(taken.numUpdatedRows) === 0) {
          const other = await claimedByOther(db, key, moderator);
          throw claimedError(other ?? 'Another moderator');
        }
      }
      await changed();
      return (await one(moderator, key))!;
    },

    async release(moderator: AuthMember, key: string, scope: ReviewScope = SITE_SCOPE): Promise<void> {
      parseKey(key);
      if (!scope.site) {
        // Only one's own claim goes; still, another group's item is not a group moderator's to touch.
        const item = await one(moderator, key);
        if (item && !covers(scope, item)) throw forbidden();
      }
      await db.deleteFrom('review_claims').where('item_key', '=', key).where('moderator_id', '=', moderator.id).execute();
      await changed();
    },

    /** Approve, dismiss or remove what an item is about; closes its reports, flags and alerts. */
    async act(moderator: AuthMember, key: string, body: ContentActionBody, scope: ReviewScope = SITE_SCOPE): Promise<ReviewItem | null> {
      const target = parseKey(key);
      const t = now();
      const content = target.type === 'post' || target.type === 'reply' || target.type === 'message';
      if (body.action === 'remove' && !content) {
        throw new AppError('not_content', 'Only a post, a reply or a message can be removed. For a member, choose a warning, a mute, a suspension or a ban.', 400);
      }
      await within(moderator, key, scope);
      const reason = body.reason?.trim() ?? '';
      let announce = async () => {};
      await db.transaction().execute(async (trx) => {
        const other = await claimedByOther(trx, key, moderator);
        if (other) throw claimedError(other);
        const status = content ? await statusOf(trx, target) : null;
        if (body.action === 'dismiss' && status === 'held') {
          throw new AppError('held_needs_decision', 'This is held and nobody can see it yet: please approve it or remove it.', 409);
        }
        if (body.action === 'approve' && status === 'held') {
          const done = await moderate(trx, target, { status: 'published' });
          announce = done.announce;
        }
        if (body.action === 'remove') {
          const done = await moderate(trx, target, { status: 'removed', rule: body.rule, reason, by: moderator.id });
          announce = done.announce;
          await trx
            .insertInto('member_warnings')
            .values({ id: ulid(t), member_id: done.authorId, rule: body.rule, reason, kind: 'removal', until: null, created_at: t, seen_at: null })
            .execute();
        }
        await closeSources(trx, target, body.action === 'remove' ? 'actioned' : 'dismissed', moderator, reason || (body.action === 'approve' ? 'Approved in the review queue' : 'Dismissed in the review queue'), t);
        await recordAudit(
          trx,
          {
            actorId: moderator.id,
            action: body.action === 'remove' ? 'content.removed' : body.action === 'approve' ? 'review.approved' : 'review.dismissed',
            targetType: target.type,
            targetId: target.id,
            detail: { ...(body.action === 'remove' ? { rule: body.rule } : {}), ...(reason ? { reason } : {}) },
          },
          t,
        );
      });
      await announce();
      await changed();
      return one(moderator, key);
    },

    /** Puts back a post, reply or message that was taken down. */
    async restore(moderator: AuthMember, target: { type: 'post' | 'reply' | 'message'; id: string }, reason: string, scope: ReviewScope = SITE_SCOPE): Promise<void> {
      if (!scope.site) {
        const groupId = await groupOfContent(db, target);
        if (!groupId || !scope.groups.some((g) => g.id === groupId)) throw forbidden();
      }
      const t = now();
      let announce = async () => {};
      await db.transaction().execute(async (trx) => {
        const status = await statusOf(trx, target);
        if (status !== 'removed') throw new AppError('not_removed', 'This was not removed, so there is nothing to restore.', 409);
        const done = await moderate(trx, target, { status: 'published' });
        announce = done.announce;
        await recordAudit(trx, { actorId: moderator.id, action: 'content.restored', targetType: target.type, targetId: target.id, detail: { reason: reason.trim() } }, t);
      });
      await announce();
      await changed();
    },
  };

  async function statusOf(trx: Kysely<DB>, target: Target): Promise<string> {
    const table = target.type === 'post' ? 'posts' : target.type === 'reply' ? 'replies' : 'messages';
    const row = await trx.selectFrom(table).select(['status', 'deleted_at']).where('id', '=', target.id).executeTakeFirst();
    if (!row || row.deleted_at !== null) throw notFound(`That ${target.type}`);
    return row.status;
  }

  function moderate(trx: Kysely<DB>, target: Target, next: { status: 'published' } | { status: 'removed'; rule: string; reason: string; by: string }) {
    return target.type === 'message' ? messaging.moderate(trx, target.id, next) : posts.moderate(trx, { type: target.type as 'post' | 'reply', id: target.id }, next);
  }
}
