import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { ulid } from '../../platform/ids.js';
import type { AuthMember } from '../../platform/http/auth.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { toPage, type Page, type PageRequest } from '../../platform/db/pagination.js';
import type { ContentWarning } from '../../../shared/forum-rules.js';
import {
  SAFETY_PLAN_STEPS,
  type AlertStats,
  type CrisisResponse,
  type HeldReason,
  type ReplyCareNudge,
  type RiskAlert,
  type SafetyCheck,
  type SafetyPlan,
  type SafetyPlanFields,
} from '../../../shared/safety.js';
import { recordAudit } from '../moderation/audit.js';
import { atLeast, publishingDecision, type Assess, type Assessment } from './assess.js';
import * as store from './safety.store.js';

/** Reply-with-care guidance for what a member writes to someone else; never blocks. */
export type ReplyCareCheck = (text: string) => { nudges: ReplyCareNudge[] };

export interface SafetyDeps {
  db: Kysely<DB>;
  assess: Assess;
  replyCare: ReplyCareCheck;
  now?: () => number;
}

/** What publishing a text means, decided once and used by every module that accepts text. */
export interface Evaluation {
  assessment: Assessment;
  status: 'published' | 'held';
  /** The warning readers see: the author's own choice, else the one the safety module adds. */
  contentWarning: ContentWarning | null;
  outcome: {
    level: Assessment['level'];
    held: boolean;
    heldReason: HeldReason | null;
    contentWarningAdded: ContentWarning | null;
    response: CrisisResponse;
    replyCare: ReplyCareNudge[];
  };
}

/** Where an assessed text lives, so an alert can lead a moderator to it. */
export interface ContentRef {
  type: 'post' | 'reply' | 'message' | 'support_request';
  id: string;
  /** The thread, for posts and replies; null for chat messages. */
  postId: string | null;
  /** Null for conversations outside a group (support chats). */
  groupId: string | null;
  authorId: string;
}

const DAY = 24 * 60 * 60 * 1000;
const ACTIVE_LIMIT = 200;
const EMPTY_PLAN: SafetyPlanFields = Object.fromEntries(SAFETY_PLAN_STEPS.map((s) => [s, ''])) as SafetyPlanFields;

/** What the author sees straight after writing: harassment goes to moderators, never to a crisis card. */
function responseFor(a: Assessment): CrisisResponse {
  if (a.categories.includes('harassment')) return 'none';
  if (a.level === 'imminent') return 'screen';
  if (atLeast(a.level, 'ideation')) return 'card';
  if (a.categories.includes('concern_for_other')) return 'helping';
  return 'none';
}

export type SafetyService = ReturnType<typeof createSafetyService>;

/**
 * The safety module: every text is assessed before it is stored; from ideation up a risk
 * alert reaches the moderators (urgent for plan and imminent); members keep a private
 * safety plan that no other role can read.
 */
export function createSafetyService({ db, assess, replyCare, now = Date.now }: SafetyDeps) {
  return {
    /**
     * Assesses a text about to be stored. Whatever the result, the text is kept: it is
     * published with a content warning, or held for review when it carries method details
     * or harassment.
     */
    evaluate(text: string, opts: { kind: 'post' | 'reply' | 'message'; chosenWarning?: ContentWarning | null }): Evaluation {
      const assessment = assess(text);
      const decision = publishingDecision(assessment);
      const chosen = opts.chosenWarning ?? null;
      const heldReason = assessment.categories.includes('method_detail') ? 'method_detail' : assessment.categories.includes('harassment') ? 'harassment' : null;
      return {
        assessment,
        status: decision.held ? 'held' : 'published',
        contentWarning: chosen ?? decision.contentWarning,
        outcome: {
          level: assessment.level,
          held: decision.held,
          heldReason,
          contentWarningAdded: !chosen && decision.contentWarning ? decision.contentWarning : null,
          response: responseFor(assessment),
          // What is written to someone else (a reply, a chat message) gets reply-with-care guidance.
          replyCare: opts.kind === 'post' ? [] : replyCare(text).nudges,
        },
      };
    },

    /**
     * In the content's own transaction: keeps what the engine found (not the text) when it
     * found anything, and from
     * ideation up opens a risk alert, or brings an alert still open up to date.
     */
    async record(trx: Kysely<DB>, content: ContentRef, assessment: Assessment): Promise<void> {
      // Only what found something is kept: an everyday text leaves no safety record at all.
      if (assessment.level === 'none' && assessment.categories.length === 0) return;
      const t = now();
      await store.insertAssessment(trx, content, assessment, t);
      if (!atLeast(assessment.level, 'ideation')) return;
      const active = await store.activeAlertFor(trx, content.type, content.id);
      if (active) {
        await store.refreshAlert(trx, active, assessment);
        return;
      }
      const id = ulid(t);
      await store.insertAlert(trx, id, content, assessment, t);
      await recordAudit(trx, { actorId: null, action: 'risk_alert.created', targetType: content.type, targetId: content.id, detail: { alertId: id, level: assessment.level } }, t);
    },

    /** A look at a draft while the member types: nothing is stored or logged. */
    check(text: string, kind: 'post' | 'reply' | 'message'): SafetyCheck {
      const a = assess(text);
      const harassment = a.categories.includes('harassment');
      return {
        offerHelp: !harassment && atLeast(a.level, 'ideation'),
        concernForOther: !harassment && a.categories.includes('concern_for_other') && !atLeast(a.level, 'ideation'),
        wouldHold: publishingDecision(a).held,
        replyCare: kind === 'post' ? [] : replyCare(text).nudges,
      };
    },

    async alerts(view: 'active' | 'resolved', page: PageRequest): Promise<Page<RiskAlert>> {
      if (view === 'active') {
        const rows = await store.activeAlerts(db, ACTIVE_LIMIT);
        return { items: await present(rows), nextCursor: null };
      }
      const rows = await store.resolvedAlerts(db, page);
      const p = toPage(rows, page.limit, (r) => [r.resolved_at!, r.id], (r) => r);
      return { items: await present(p.items), nextCursor: p.nextCursor };
    },

    async acknowledge(moderator: AuthMember, id: string): Promise<RiskAlert> {
      const alert = await store.findAlert(db, id);
      if (!alert) throw notFound('That alert');
      if (alert.status === 'open') {
        const t = now();
        await db.transaction().execute(async (trx) => {
          if (await store.acknowledgeAlert(trx, id, moderator.id, t)) {
            await recordAudit(trx, { actorId: moderator.id, action: 'risk_alert.acknowledged', targetType: 'risk_alert', targetId: id, detail: { secondsToAcknowledge: Math.round((t - alert.created_at) / 1000) } }, t);
          }
        });
      }
      return (await present([(await store.findAlert(db, id))!]))[0]!;
    },

    async resolve(moderator: AuthMember, id: string, note: string): Promise<RiskAlert> {
      const alert = await store.findAlert(db, id);
      if (!alert) throw notFound('That alert');
      if (alert.status === 'resolved') throw new AppError('alert_resolved', 'Someone has already resolved this alert. Your note is kept in the box.', 409);
      const t = now();
      await db.transaction().execute(async (trx) => {
        if (!(await store.resolveAlert(trx, id, moderator.id, note.trim(), t))) {
          throw new AppError('alert_resolved', 'Someone has already resolved this alert. Your note is kept in the box.', 409);
        }
        await recordAudit(trx, { actorId: moderator.id, action: 'risk_alert.resolved', targetType: 'risk_alert', targetId: id, detail: { note: note.trim() } }, t);
      });
      return (await present([(await store.findAlert(db, id))!]))[0]!;
    },

    async stats(): Promise<AlertStats> {
      const t = now();
      const counts = await store.alertCounts(db);
      const waits = await store.acknowledgeWaits(db, t - 30 * DAY);
      return { ...counts, medianSecondsToAcknowledge: median(waits.map((ms) => ms / 1000)), acknowledgedLast30Days: waits.length };
    },

    /** The member's own plan; there is no route by which anyone else can read it. */
    async plan(member: AuthMember): Promise<SafetyPlan> {
      const row = await store.findPlan(db, member.id);
      return row ? { plan: { ...EMPTY_PLAN, ...(JSON.parse(row.plan) as Partial<SafetyPlanFields>) }, updatedAt: row.updated_at } : { plan: EMPTY_PLAN, updatedAt: null };
    },

    async savePlan(member: AuthMember, fields: SafetyPlanFields): Promise<SafetyPlan> {
      const t = now();
      const plan = Object.fromEntries(SAFETY_PLAN_STEPS.map((s) => [s, fields[s]])) as SafetyPlanFields;
      await store.upsertPlan(db, member.id, JSON.stringify(plan), t);
      return { plan, updatedAt: t };
    },
  };

  async function present(rows: store.AlertRow[]): Promise<RiskAlert[]> {
    const contexts = await store.alertContexts(db, rows);
    return rows.map((r) => {
      const c = contexts.get(r.id)!;
      const matches = (JSON.parse(r.matches) as RiskAlert['matches']).map((m) =>
        // Offsets point into the text as assessed; once it is gone only the rule is left to show.
        c.text.length >= m.end ? m : { rule: m.rule, start: 0, end: 0 },
      );
      return {
        id: r.id,
        level: r.level as RiskAlert['level'],
        urgent: r.urgent === 1,
        categories: JSON.parse(r.categories) as RiskAlert['categories'],
        status: r.status as RiskAlert['status'],
        createdAt: r.created_at,
        acknowledgedAt: r.acknowledged_at,
        acknowledgedBy: c.acknowledgedBy,
        resolvedAt: r.resolved_at,
        resolvedBy: c.resolvedBy,
        resolutionNote: r.resolution_note,
        content: { type: r.content_type as RiskAlert['content']['type'], id: r.content_id, postId: r.post_id, postTitle: c.postTitle, group: c.group, text: c.text, status: c.status },
        author: c.author,
        matches,
      };
    });
  }
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
