import type { Kysely } from 'kysely';
import type { SafetyOutcome } from '../../../shared/forum.js';
import type { ChatMessage } from '../../../shared/messaging.js';
import type { ListenerQueue, MySupportRequest, SupportFeedbackBody, SupportOffer, SupportRequestBody, SupportStats } from '../../../shared/support.js';
import { AWAY_GRACE_SECONDS, OFFER_SECONDS, type Helped } from '../../../shared/support-rules.js';
import type { DB } from '../../platform/db/schema.js';
import { lockNamed } from '../../platform/db/meta.js';
import { isUniqueViolation } from '../../platform/db/dialect/index.js';
import type { EventBus } from '../../platform/events/bus.js';
import { assertMayTakePart, hasRole, type AuthMember } from '../../platform/http/auth.js';
import { AppError, forbidden, notFound } from '../../platform/http/errors.js';
import { ulid } from '../../platform/ids.js';
import { recordAudit } from '../moderation/audit.js';
import type { MessagingService } from '../messaging/messaging.service.js';
import { atLeast } from '../safety/assess.js';
import type { SafetyService } from '../safety/safety.service.js';
import { estimateWait, type WaitEstimate } from './support.estimate.js';
import * as store from './support.store.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface SupportDeps {
  db: Kysely<DB>;
  safety: SafetyService;
  messaging: MessagingService;
  bus: EventBus;
  /** Minutes a request may wait before it ends, kindly, with the alternatives. */
  requestTimeoutMinutes: number;
  /** Days an ended chat's messages are kept for its two people. */
  retentionDays: number;
  now?: () => number;
}

export type SupportService = ReturnType<typeof createSupportService>;

/** The words pinned at the top of every support chat. */
const CHAT_GUIDELINES =
  'This is a private chat between you and a trained listener: a peer, not a therapist. Everything stays here on Kindred — no phone numbers, handles or other contact details. Either of you can end the chat at any time. If you are in danger right now, the Get help page lists the crisis lines for your country.';

const startOfDay = (t: number) => t - (t % DAY);

function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/**
 * One-to-one support: members ask for a trained listener; a fair queue (risk first, then
 * longest waiting) offers each request to an on-duty listener who shares the language, the
 * topic where possible, and has room; the listener accepts within a minute or the offer
 * moves on. Matching runs under one named lock, so two nodes never offer or match the same
 * request twice, and every change of status is a guarded update.
 */
export function createSupportService({ db, safety, messaging, bus, requestTimeoutMinutes, retentionDays, now = Date.now }: SupportDeps) {
  async function changed(memberIds: (string | null | undefined)[]): Promise<void> {
    const ids = [...new Set(memberIds.filter((x): x is string => !!x))];
    if (ids.length) await bus.publish('support.changed', { memberIds: ids });
  }

  async function present(row: store.RequestRow): Promise<MySupportRequest> {
    let position: number | null = null;
    let wait: WaitEstimate = { minutes: null, note: null };
    if (row.status === 'waiting' || row.status === 'offered') {
      const t = now();
      const [queue, listeners, waits] = await Promise.all([store.queue(db), store.availableListeners(db, startOfDay(t), t), store.recentMatches(db, row.language, t - 7 * DAY)]);
      position = queue.filter((r) => r.language === row.language).findIndex((r) => r.id === row.id) + 1 || null;
      const speakers = listeners.filter((l) => l.languages.includes(row.language));
      if (position !== null) {
        wait = estimateWait({
          position,
          listenersOnDuty: speakers.length,
          freePlaces: speakers.filter((l) => !l.hasOffer).reduce((n, l) => n + Math.max(0, l.capacity - l.openChats), 0),
          matchedLastHour: waits.filter((w) => w.matchedAt >= t - 60 * MINUTE).length,
          recentWaitsMs: waits.map((w) => w.matchedAt - w.createdAt),
          timeoutMinutes: requestTimeoutMinutes,
        });
      }
    }
    const listener = row.listener_id ? await db.selectFrom('members').select(['handle', 'deleted_at']).where('id', '=', row.listener_id).executeTakeFirst() : undefined;
    const feedback = await db.selectFrom('support_feedback').select('request_id').where('request_id', '=', row.id).executeTakeFirst();
    return {
      id: row.id,
      status: row.status as MySupportRequest['status'],
      topics: JSON.parse(row.topics) as MySupportRequest['topics'],
      language: row.language,
      createdAt: row.created_at,
      position,
      estimatedWaitMinutes: wait.minutes,
      waitNote: wait.note,
      conversationId: row.conversation_id,
      listener: listener && listener.deleted_at === null ? { handle: listener.handle } : null,
      endReason: row.end_reason,
      feedbackGiven: feedback !== undefined,
    };
  }

  /**
   * Offers waiting requests to free listeners. Within a priority the longest-waiting request
   * goes first; among listeners who share its language, those who share a topic, then those
   * with the fewest chats today.
   */
  async function match(): Promise<void> {
    const t = now();
    const touched: (string | null)[] = [];
    await db.transaction().execute(async (trx) => {
      await lockNamed(trx, 'support-matching');
      const listeners = (await store.availableListeners(trx, startOfDay(t), t)).filter((l) => !l.hasOffer && l.openChats < l.capacity);
      if (listeners.length === 0) return;
      const busy = new Set<string>();
      const planned: { requestId: string; listenerId: string }[] = [];
      // Everything matching needs, read up front in a handful of queries however long the queue.
      const waiting = (await store.queue(trx)).filter((r) => r.status === 'waiting' && r.away_since === null);
      if (waiting.length === 0) return;
      const asked = await store.askedFor(trx, waiting.map((r) => r.id));
      const blocks = await store.blocksBetween(trx, [...new Set(waiting.map((r) => r.member_id))], listeners.map((l) => l.memberId));
      for (const request of waiting) {
        if (busy.size === listeners.length) break;
        const askedHere = asked.get(request.id);
        const topics = JSON.parse(request.topics) as string[];
        const candidates = listeners
          .filter((l) => !busy.has(l.memberId) && l.memberId !== request.member_id && !askedHere?.has(l.memberId) && !blocks.has(`${request.member_id}|${l.memberId}`) && l.languages.includes(request.language))
          .map((l) => ({ l, shared: l.topics.some((x) => topics.includes(x)) ? 1 : 0 }))
          .sort((a, b) => b.shared - a.shared || a.l.chatsToday - b.l.chatsToday || a.l.memberId.localeCompare(b.l.memberId));
        const chosen = candidates[0]?.l;
        if (!chosen) continue;
        busy.add(chosen.memberId);
        planned.push({ requestId: request.id, listenerId: chosen.memberId });
      }
      for (const made of await store.offerMany(trx, planned, t, t + OFFER_SECONDS * 1000)) touched.push(made.offered_to, made.member_id);
    });
    await changed(touched);
  }

  /** Offers not answered in time move on; requests nobody could take end kindly; members gone too long lose their place. */
  async function sweep(): Promise<void> {
    const t = now();
    const touched: (string | null)[] = [];
    for (const r of await store.queue(db)) {
      if (r.status === 'offered' && r.offer_expires_at !== null && r.offer_expires_at <= t) {
        if (await store.transition(db, r.id, ['offered'], { status: 'waiting', offered_to: null, offer_expires_at: null }, { offeredTo: r.offered_to! })) {
          await store.answerOffer(db, r.id, r.offered_to!, 'expired', t);
          touched.push(r.member_id, r.offered_to);
        }
      }
      const tooLong = t - r.created_at >= requestTimeoutMinutes * MINUTE;
      const gone = r.away_since !== null && t - r.away_since >= AWAY_GRACE_SECONDS * 1000;
      if (tooLong || gone) {
        if (await store.transition(db, r.id, ['waiting', 'offered'], { status: tooLong ? 'expired' : 'cancelled', open_member_id: null, ended_at: t, end_reason: tooLong ? 'nobody_free' : 'member_left', offered_to: null })) {
          if (r.offered_to) await store.answerOffer(db, r.id, r.offered_to, 'withdrawn', t);
          touched.push(r.member_id, r.offered_to);
        }
      }
    }
    await changed(touched);
  }

  function assertListener(member: AuthMember): void {
    if (!hasRole(member, 'listener')) throw forbidden();
  }

  /** Ended chats older than the retention period lose their messages: the two people's transcript is gone, as promised. */
  async function purgeTranscripts(): Promise<number> {
    const cutoff = now() - retentionDays * DAY;
    const result = await db
      .deleteFrom('messages')
      .where('conversation_id', 'in', (eb) =>
        eb.selectFrom('support_requests').select('support_requests.conversation_id').where('support_requests.status', '=', 'ended').where('support_requests.ended_at', '<', cutoff).where('support_requests.conversation_id', 'is not', null),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  return {
    match,
    sweep,
    purgeTranscripts,

    /** Aggregates for operators over the last `days`: waits, unmatched share, chats per listener per week, helpfulness. */
    async stats(actor: AuthMember, days = 30): Promise<SupportStats> {
      if (!hasRole(actor, 'admin')) throw forbidden();
      const since = now() - days * DAY;
      const rows = await db.selectFrom('support_requests').select(['status', 'created_at', 'matched_at', 'listener_id', 'end_reason']).where('created_at', '>=', since).execute();
      const matched = rows.filter((r) => r.matched_at !== null);
      const over = rows.filter((r) => r.status === 'ended' || r.status === 'expired' || r.status === 'cancelled');
      const unmatched = over.filter((r) => r.matched_at === null);
      const waits = matched.map((r) => (r.matched_at! - r.created_at) / 1000);
      const listeners = new Set(matched.map((r) => r.listener_id));
      const helped = await db
        .selectFrom('support_feedback')
        .innerJoin('support_requests', 'support_requests.id', 'support_feedback.request_id')
        .select('support_feedback.helped')
        .where('support_requests.created_at', '>=', since)
        .execute();
      const count = (h: string) => helped.filter((x) => x.helped === h).length;
      return {
        days,
        requests: rows.length,
        matched: matched.length,
        unmatchedShare: over.length ? unmatched.length / over.length : null,
        waitSeconds: { p50: percentile(waits, 0.5), p90: percentile(waits, 0.9) },
        chatsPerListenerPerWeek: listeners.size ? matched.length / listeners.size / (days / 7) : null,
        helped: { yes: count('yes'), somewhat: count('somewhat'), no: count('no') },
      };
    },

    /** A member asks for a listener. Risk raises priority; imminent risk shows the crisis screen at once, and the request still goes on. */
    async request(member: AuthMember, input: SupportRequestBody): Promise<{ request: MySupportRequest; safety: SafetyOutcome }> {
      const note = (input.note ?? '').trim();
      const evaluation = safety.evaluate(note, { kind: 'message' });
      const level = evaluation.assessment.level;
      const urgentAlert = await store.hasUrgentAlert(db, member.id);
      const priority = urgentAlert || atLeast(level, 'plan') ? 2 : atLeast(level, 'ideation') ? 1 : 0;
      const t = now();
      const id = ulid(t);
      try {
        await db.transaction().execute(async (trx) => {
          await store.insertRequest(trx, {
            id,
            member_id: member.id,
            open_member_id: member.id,
            topics: JSON.stringify(input.topics),
            language: input.language,
            note,
            risk_level: level,
            priority,
            status: 'waiting',
            created_at: t,
          });
          await safety.record(trx, { type: 'support_request', id, postId: null, groupId: null, authorId: member.id }, evaluation.assessment);
        });
      } catch (err) {
        if (isUniqueViolation(err)) {
          throw new AppError('request_open', 'You already have a request waiting for a listener. You can see where it is, or cancel it first.', 409);
        }
        throw err;
      }
      await match();
      return { request: await present((await store.findRequest(db, id))!), safety: evaluation.outcome };
    },

    /**
     * Someone who looks after a member (a meeting's facilitator) hands them to a listener: a
     * request with priority (1, or 2 when the member has an urgent risk alert), or the member's
     * open request raised to it. No words go with it: what was said in the meeting stays there.
     */
    async requestFor(memberId: string, input: { language: string; priority: 1 | 2 }): Promise<string> {
      const priority = (await store.hasUrgentAlert(db, memberId)) ? 2 : input.priority;
      let id = (await store.openRequestOf(db, memberId))?.id;
      if (id === undefined) {
        const t = now();
        const created = ulid(t);
        try {
          await store.insertRequest(db, { id: created, member_id: memberId, open_member_id: memberId, topics: JSON.stringify(['feeling_low']), language: input.language, note: '', risk_level: 'none', priority, status: 'waiting', created_at: t });
          id = created;
        } catch (err) {
          // The member asked themselves at the same moment: theirs stands, raised below.
          if (!isUniqueViolation(err)) throw err;
          id = (await store.openRequestOf(db, memberId))?.id;
        }
      }
      if (id !== undefined) await db.updateTable('support_requests').set({ priority }).where('id', '=', id).where('priority', '<', priority).execute();
      await changed([memberId]);
      await match();
      return id ?? '';
    },

    /** The member's open request, or the last one (to give feedback on), or nothing. */
    async mine(member: AuthMember): Promise<MySupportRequest | null> {
      const row = (await store.openRequestOf(db, member.id)) ?? (await store.latestRequestOf(db, member.id));
      return row ? present(row) : null;
    },

    async cancel(member: AuthMember): Promise<MySupportRequest | null> {
      const row = await store.openRequestOf(db, member.id);
      if (!row || (row.status !== 'waiting' && row.status !== 'offered')) return this.mine(member);
      const t = now();
      if (await store.transition(db, row.id, ['waiting', 'offered'], { status: 'cancelled', open_member_id: null, ended_at: t, end_reason: 'cancelled', offered_to: null })) {
        if (row.offered_to) await store.answerOffer(db, row.id, row.offered_to, 'withdrawn', t);
        await changed([member.id, row.offered_to]);
      }
      return present((await store.findRequest(db, row.id))!);
    },

    /** The member's connection dropped (away) or came back: the place is kept for a while. */
    async setAway(memberId: string, away: boolean): Promise<void> {
      const row = await store.openRequestOf(db, memberId);
      if (!row || (row.status !== 'waiting' && row.status !== 'offered')) return;
      await db.updateTable('support_requests').set({ away_since: away ? now() : null }).where('id', '=', row.id).execute();
      if (!away) await match();
    },

    /** What a listener sees: the offer waiting on them, the anonymised queue, their open chats. */
    async listenerView(listener: AuthMember): Promise<ListenerQueue> {
      assertListener(listener);
      const t = now();
      const queue = await store.queue(db);
      const mine = queue.find((r) => r.status === 'offered' && r.offered_to === listener.id && (r.offer_expires_at ?? 0) > t);
      const offer: SupportOffer | null = mine
        ? {
            requestId: mine.id,
            topics: JSON.parse(mine.topics) as SupportOffer['topics'],
            language: mine.language,
            riskLevel: mine.risk_level,
            waitingSeconds: Math.round((t - mine.created_at) / 1000),
            expiresAt: mine.offer_expires_at!,
          }
        : null;
      const chats = await db
        .selectFrom('support_requests')
        .innerJoin('members', 'members.id', 'support_requests.member_id')
        .select(['support_requests.id', 'support_requests.conversation_id', 'support_requests.matched_at', 'members.handle'])
        .where('support_requests.listener_id', '=', listener.id)
        .where('support_requests.status', '=', 'matched')
        .orderBy('support_requests.matched_at')
        .execute();
      const feedback = await db
        .selectFrom('support_feedback')
        .innerJoin('support_requests', 'support_requests.id', 'support_feedback.request_id')
        .select(['support_feedback.helped', 'support_feedback.note_for_listener', 'support_feedback.created_at'])
        .where('support_requests.listener_id', '=', listener.id)
        .orderBy('support_feedback.created_at', 'desc')
        .limit(20)
        .execute();
      return {
        offer,
        feedback: feedback.map((f) => ({ helped: f.helped as Helped, note: f.note_for_listener, at: f.created_at })),
        waiting: queue.map((r) => ({ topics: JSON.parse(r.topics) as SupportOffer['topics'], language: r.language, waitingSeconds: Math.round((t - r.created_at) / 1000), urgent: r.priority >= 2 })),
        chats: chats.map((c) => ({ requestId: c.id, conversationId: c.conversation_id!, member: { handle: c.handle }, matchedAt: c.matched_at! })),
      };
    },

    /** Accepting an offer: only the listener it was made to, only while it stands; a request is never matched twice. */
    async accept(listener: AuthMember, requestId: string): Promise<{ conversationId: string }> {
      assertListener(listener);
      const t = now();
      // A suspended or paused listener takes no one's chat, whatever offer was left on their screen.
      assertMayTakePart(listener, t);
      const row = await store.findRequest(db, requestId);
      if (!row) throw notFound('That request');
      const conversationId = await db.transaction().execute(async (trx) => {
        const id = await messaging.openPrivate(trx, 'support', [{ memberId: row.member_id, role: 'participant' }, { memberId: listener.id, role: 'host' }], CHAT_GUIDELINES);
        const won = await store.transition(trx, requestId, ['offered'], { status: 'matched', listener_id: listener.id, matched_at: t, conversation_id: id, offered_to: null, offer_expires_at: null }, { offeredTo: listener.id, notExpiredAt: t });
        if (!won) throw new AppError('already_taken', 'This request is no longer waiting for you: another listener took it, or the offer ran out. Thank you for being ready.', 409);
        await store.answerOffer(trx, requestId, listener.id, 'accepted', t);
        await recordAudit(trx, { actorId: listener.id, action: 'support.accepted', targetType: 'support_request', targetId: requestId }, t);
        return id;
      });
      await changed([row.member_id, listener.id]);
      return { conversationId };
    },

    async decline(listener: AuthMember, requestId: string): Promise<void> {
      assertListener(listener);
      const t = now();
      if (await store.transition(db, requestId, ['offered'], { status: 'waiting', offered_to: null, offer_expires_at: null }, { offeredTo: listener.id })) {
        await store.answerOffer(db, requestId, listener.id, 'declined', t);
        const row = await store.findRequest(db, requestId);
        await changed([row?.member_id, listener.id]);
        await match();
      }
    },

    /** A listener going off duty: whatever was offered to them goes to someone else. */
    async withdrawOffersTo(listenerId: string): Promise<void> {
      const t = now();
      for (const r of await store.queue(db)) {
        if (r.status === 'offered' && r.offered_to === listenerId && (await store.transition(db, r.id, ['offered'], { status: 'waiting', offered_to: null, offer_expires_at: null }, { offeredTo: listenerId }))) {
          await store.answerOffer(db, r.id, listenerId, 'withdrawn', t);
          await changed([r.member_id]);
        }
      }
      await match();
    },

    /** The listener shares the crisis lines for the member's country into the chat, in one click. */
    async shareCrisisCard(listener: AuthMember, requestId: string): Promise<ChatMessage> {
      const row = await store.findRequest(db, requestId);
      if (!row || row.listener_id !== listener.id || row.status !== 'matched' || !row.conversation_id) throw notFound('That chat');
      const m = await db.selectFrom('members').select('country').where('id', '=', row.member_id).executeTakeFirst();
      const country = m?.country ?? null;
      return messaging.postCard(listener, row.conversation_id, { type: 'crisis_lines', country }, 'Here are the crisis lines, free and open to you whenever you need them.');
    },

    /**
     * The listener brings in a moderator: moderators are told (their flagged list), and the
     * first to come joins the chat. The listener never has to end a chat because suicide was mentioned.
     */
    async bringModerator(listener: AuthMember, requestId: string): Promise<void> {
      const row = await store.findRequest(db, requestId);
      if (!row || row.listener_id !== listener.id || row.status !== 'matched' || !row.conversation_id) throw notFound('That chat');
      const t = now();
      await db.transaction().execute(async (trx) => {
        const open = await trx
          .selectFrom('content_flags')
          .select('id')
          .where('content_type', '=', 'conversation')
          .where('content_id', '=', row.conversation_id!)
          .where('reason', '=', 'moderator_requested')
          .where('status', '=', 'open')
          .executeTakeFirst();
        if (open) return;
        const id = ulid(t);
        await trx
          .insertInto('content_flags')
          .values({ id, content_type: 'conversation', content_id: row.conversation_id!, conversation_id: row.conversation_id, author_id: listener.id, reason: 'moderator_requested', note: null, status: 'open', created_at: t, resolved_at: null, resolved_by: null })
          .execute();
        await recordAudit(trx, { actorId: listener.id, action: 'support.moderator_requested', targetType: 'support_request', targetId: requestId }, t);
      });
    },

    /**
     * Either person reports the other from inside the chat. Moderators see the report, and
     * through it (and only through a report or a call) can read the transcript; the person
     * reported is never told who.
     */
    async report(reporter: AuthMember, requestId: string, note: string): Promise<void> {
      const row = await store.findRequest(db, requestId);
      if (!row || !row.conversation_id || (row.member_id !== reporter.id && row.listener_id !== reporter.id)) throw notFound('That chat');
      const t = now();
      await db.transaction().execute(async (trx) => {
        const id = ulid(t);
        await trx
          .insertInto('content_flags')
          .values({ id, content_type: 'conversation', content_id: row.conversation_id!, conversation_id: row.conversation_id, author_id: reporter.id, reason: 'chat_reported', note: note.trim(), status: 'open', created_at: t, resolved_at: null, resolved_by: null })
          .execute();
        await recordAudit(trx, { actorId: reporter.id, action: 'support.reported', targetType: 'support_request', targetId: requestId }, t);
      });
    },

    /** Either side ends the chat; the transcript stays for the two of them until the retention period ends. */
    async end(member: AuthMember, requestId: string): Promise<MySupportRequest> {
      const row = await store.findRequest(db, requestId);
      if (!row || (row.member_id !== member.id && row.listener_id !== member.id)) throw notFound('That chat');
      const t = now();
      if (await store.transition(db, requestId, ['matched'], { status: 'ended', open_member_id: null, ended_at: t, end_reason: row.member_id === member.id ? 'member_ended' : 'listener_ended' })) {
        if (row.conversation_id) await messaging.close(row.conversation_id);
        await changed([row.member_id, row.listener_id]);
        await match();
      }
      return present((await store.findRequest(db, requestId))!);
    },

    async feedback(member: AuthMember, requestId: string, input: SupportFeedbackBody): Promise<void> {
      const row = await store.findRequest(db, requestId);
      if (!row || row.member_id !== member.id) throw notFound('That chat');
      if (row.status !== 'ended' || row.listener_id === null) throw new AppError('not_ended', 'You can say how it went once the chat has ended. What you wrote is kept in the box.', 409);
      try {
        await db
          .insertInto('support_feedback')
          .values({ request_id: requestId, helped: input.helped, note_for_listener: (input.noteForListener ?? '').trim(), note_for_moderators: (input.noteForModerators ?? '').trim(), created_at: now() })
          .execute();
      } catch (err) {
        if (isUniqueViolation(err)) throw new AppError('feedback_given', 'You have already said how this chat went. Thank you.', 409);
        throw err;
      }
    },
  };
}
