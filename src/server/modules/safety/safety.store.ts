import type { Kysely, Selectable } from 'kysely';
import type { DB, RiskAlertsTable } from '../../platform/db/schema.js';
import { ulid } from '../../platform/ids.js';
import { keyset, type PageRequest } from '../../platform/db/pagination.js';
import type { RiskAlert } from '../../../shared/safety.js';
import { atLeast, type Assessment, type RiskLevel } from './assess.js';
import type { ContentRef } from './safety.service.js';

export type AlertRow = Selectable<RiskAlertsTable>;

const ACTIVE = ['open', 'acknowledged'];

export async function insertAssessment(db: Kysely<DB>, content: ContentRef, a: Assessment, t: number): Promise<void> {
  await db
    .insertInto('assessments')
    .values({
      id: ulid(t),
      content_type: content.type,
      content_id: content.id,
      author_id: content.authorId,
      level: a.level,
      score: a.score,
      categories: JSON.stringify(a.categories),
      rules: JSON.stringify([...new Set(a.matches.map((m) => m.rule))]),
      language: a.language,
      created_at: t,
    })
    .execute();
}

const matchesOf = (a: Assessment) => JSON.stringify(a.matches.map((m) => ({ rule: m.rule, start: m.start, end: m.end })));

export async function insertAlert(db: Kysely<DB>, id: string, content: ContentRef, a: Assessment, t: number): Promise<void> {
  await db
    .insertInto('risk_alerts')
    .values({
      id,
      content_type: content.type,
      content_id: content.id,
      post_id: content.postId,
      group_id: content.groupId,
      author_id: content.authorId,
      level: a.level,
      urgent: atLeast(a.level, 'plan') ? 1 : 0,
      categories: JSON.stringify(a.categories),
      matches: matchesOf(a),
      status: 'open',
      created_at: t,
      acknowledged_at: null,
      acknowledged_by: null,
      resolved_at: null,
      resolved_by: null,
      resolution_note: null,
    })
    .execute();
}

export function activeAlertFor(db: Kysely<DB>, type: string, id: string): Promise<AlertRow | undefined> {
  return db.selectFrom('risk_alerts').selectAll().where('content_type', '=', type).where('content_id', '=', id).where('status', 'in', ACTIVE).executeTakeFirst();
}

/** An edit re-assessed the words: the alert points at them as they now read, and never drops to a lower level. */
export async function refreshAlert(db: Kysely<DB>, alert: AlertRow, a: Assessment): Promise<void> {
  const level: RiskLevel = atLeast(a.level, alert.level as RiskLevel) ? a.level : (alert.level as RiskLevel);
  const categories = [...new Set([...(JSON.parse(alert.categories) as string[]), ...a.categories])];
  await db
    .updateTable('risk_alerts')
    .set({ level, urgent: atLeast(level, 'plan') ? 1 : 0, categories: JSON.stringify(categories), matches: matchesOf(a) })
    .where('id', '=', alert.id)
    .execute();
}

export function findAlert(db: Kysely<DB>, id: string): Promise<AlertRow | undefined> {
  return db.selectFrom('risk_alerts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Urgent first, then oldest first. */
export function activeAlerts(db: Kysely<DB>, limit: number): Promise<AlertRow[]> {
  return db.selectFrom('risk_alerts').selectAll().where('status', 'in', ACTIVE).orderBy('urgent', 'desc').orderBy('created_at', 'asc').orderBy('id', 'asc').limit(limit).execute();
}

export function resolvedAlerts(db: Kysely<DB>, page: PageRequest): Promise<AlertRow[]> {
  const q = db.selectFrom('risk_alerts').selectAll().where('status', '=', 'resolved');
  return keyset(q, { sort: 'resolved_at', sortType: 'number', id: 'id', direction: 'desc', page }).execute();
}

/** Only an open alert is acknowledged, once: a second moderator's click changes nothing. */
export async function acknowledgeAlert(db: Kysely<DB>, id: string, by: string, t: number): Promise<boolean> {
  const r = await db.updateTable('risk_alerts').set({ status: 'acknowledged', acknowledged_at: t, acknowledged_by: by }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Resolving an alert nobody acknowledged acknowledges it at the same moment. */
export async function resolveAlert(db: Kysely<DB>, id: string, by: string, note: string, t: number): Promise<boolean> {
  const alert = await findAlert(db, id);
  if (!alert || alert.status === 'resolved') return false;
  const r = await db
    .updateTable('risk_alerts')
    .set({
      status: 'resolved',
      resolved_at: t,
      resolved_by: by,
      resolution_note: note,
      acknowledged_at: alert.acknowledged_at ?? t,
      acknowledged_by: alert.acknowledged_by ?? by,
    })
    .where('id', '=', id)
    .where('status', '=', alert.status)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function alertCounts(db: Kysely<DB>): Promise<{ open: number; urgentOpen: number; acknowledged: number }> {
  const rows = await db
    .selectFrom('risk_alerts')
    .select(['status', 'urgent', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'in', ACTIVE)
    .groupBy(['status', 'urgent'])
    .execute();
  const sum = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).reduce((s, r) => s + Number(r.n), 0);
  return { open: sum((r) => r.status === 'open'), urgentOpen: sum((r) => r.status === 'open' && Number(r.urgent) === 1), acknowledged: sum((r) => r.status === 'acknowledged') };
}

/** Milliseconds from alert to acknowledgement, for alerts acknowledged since `since`. */
export async function acknowledgeWaits(db: Kysely<DB>, since: number): Promise<number[]> {
  const rows = await db.selectFrom('risk_alerts').select(['created_at', 'acknowledged_at']).where('acknowledged_at', '>=', since).execute();
  return rows.map((r) => Number(r.acknowledged_at) - Number(r.created_at));
}

interface AlertContext {
  text: string;
  postTitle: string;
  group: { slug: string; name: string } | null;
  status: RiskAlert['content']['status'];
  author: RiskAlert['author'];
  acknowledgedBy: string | null;
  resolvedBy: string | null;
}

/** The words an alert is about, as they read now, and who is who: read on demand, never copied into the alert. */
export async function alertContexts(db: Kysely<DB>, rows: AlertRow[]): Promise<Map<string, AlertContext>> {
  const out = new Map<string, AlertContext>();
  if (rows.length === 0) return out;
  const postIds = [...new Set(rows.flatMap((r) => (r.post_id ? [r.post_id] : [])))];
  const replyIds = rows.filter((r) => r.content_type === 'reply').map((r) => r.content_id);
  const messageIds = rows.filter((r) => r.content_type === 'message').map((r) => r.content_id);
  const memberIds = [...new Set(rows.flatMap((r) => [r.author_id, r.acknowledged_by, r.resolved_by]).filter((x): x is string => x !== null))];
  const posts = postIds.length
    ? await db
        .selectFrom('posts')
        .innerJoin('groups', 'groups.id', 'posts.group_id')
        .select(['posts.id', 'posts.title', 'posts.body_md', 'posts.anonymous', 'posts.status', 'posts.deleted_at', 'groups.slug', 'groups.name'])
        .where('posts.id', 'in', postIds)
        .execute()
    : [];
  const replies = replyIds.length
    ? await db.selectFrom('replies').select(['id', 'body_md', 'anonymous', 'status', 'deleted_at']).where('id', 'in', replyIds).execute()
    : [];
  const messages = messageIds.length
    ? await db
        .selectFrom('messages')
        .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
        .leftJoin('groups', 'groups.id', 'conversations.group_id')
        .select(['messages.id', 'messages.body', 'messages.status', 'messages.deleted_at', 'conversations.kind', 'groups.slug', 'groups.name'])
        .where('messages.id', 'in', messageIds)
        .execute()
    : [];
  const requestIds = rows.filter((r) => r.content_type === 'support_request').map((r) => r.content_id);
  const requests = requestIds.length ? await db.selectFrom('support_requests').select(['id', 'note']).where('id', 'in', requestIds).execute() : [];
  const requestById = new Map(requests.map((q) => [q.id, q]));
  const members = memberIds.length ? await db.selectFrom('members').select(['id', 'handle', 'deleted_at']).where('id', 'in', memberIds).execute() : [];
  const postById = new Map(posts.map((p) => [p.id, p]));
  const replyById = new Map(replies.map((r) => [r.id, r]));
  const messageById = new Map(messages.map((m) => [m.id, m]));
  const handle = (id: string | null) => {
    const m = members.find((x) => x.id === id);
    return m && m.deleted_at === null ? m.handle : null;
  };
  for (const r of rows) {
    const acknowledgedBy = handle(r.acknowledged_by);
    const resolvedBy = handle(r.resolved_by);
    if (r.content_type === 'support_request') {
      // The note a member left when asking for a listener.
      const req = requestById.get(r.content_id);
      out.set(r.id, {
        text: req?.note ?? '',
        postTitle: 'A request for a listener',
        group: null,
        status: req ? 'published' : 'deleted',
        author: { handle: handle(r.author_id), anonymous: false },
        acknowledgedBy,
        resolvedBy,
      });
      continue;
    }
    if (r.content_type === 'message') {
      // A chat message: named by its room, never anonymous.
      const m = messageById.get(r.content_id);
      const deleted = !m || m.deleted_at !== null;
      out.set(r.id, {
        text: deleted ? '' : m.body,
        postTitle: m?.name ? `${m.name} room` : 'A conversation',
        group: m?.slug && m.name ? { slug: m.slug, name: m.name } : null,
        status: deleted ? 'deleted' : (m.status as 'published' | 'held' | 'removed'),
        author: { handle: handle(r.author_id), anonymous: false },
        acknowledgedBy,
        resolvedBy,
      });
      continue;
    }
    const post = postById.get(r.post_id!)!;
    const item = r.content_type === 'post' ? post : replyById.get(r.content_id)!;
    const deleted = item.deleted_at !== null;
    const anonymous = item.anonymous === 1;
    out.set(r.id, {
      text: deleted ? '' : r.content_type === 'post' ? `${post.title}\n${post.body_md}` : item.body_md,
      postTitle: post.deleted_at !== null ? '[deleted]' : post.title,
      group: { slug: post.slug, name: post.name },
      status: deleted ? 'deleted' : (item.status as 'published' | 'held' | 'removed'),
      author: { handle: anonymous ? null : handle(r.author_id), anonymous },
      acknowledgedBy,
      resolvedBy,
    });
  }
  return out;
}

export function findPlan(db: Kysely<DB>, memberId: string) {
  return db.selectFrom('safety_plans').select(['plan', 'updated_at']).where('member_id', '=', memberId).executeTakeFirst();
}

export async function upsertPlan(db: Kysely<DB>, memberId: string, plan: string, t: number): Promise<void> {
  await db
    .insertInto('safety_plans')
    .values({ member_id: memberId, plan, updated_at: t })
    .onConflict((oc) => oc.column('member_id').doUpdateSet({ plan, updated_at: t }))
    .execute();
}
