import { expect, it } from 'vitest';
import type { ListenerQueue, MySupportRequest } from '../../../shared/support.js';
import { describeEachDialect, grantRole, type TestApp, Visitor } from '../../test/harness.js';
import { standInAssess, standInReplyCare } from '../../test/safety-fixtures.js';

/** A listener on duty, as the listener programme leaves one after approval. */
async function listener(t: TestApp, handle: string, opts: { languages?: string[]; topics?: string[]; capacity?: number } = {}): Promise<Visitor & { id: string }> {
  const v = new Visitor(t.app);
  await v.signUp(handle);
  await grantRole(t, handle, 'listener');
  const id = (await v.get('/api/v1/me')).json().member.id as string;
  await t.database.db
    .insertInto('listener_profiles')
    .values({ member_id: id, languages: JSON.stringify(opts.languages ?? ['en']), topics: JSON.stringify(opts.topics ?? ['feeling_low']), capacity: opts.capacity ?? 1, status: 'on', status_since: Date.now(), updated_at: Date.now() })
    .execute();
  return Object.assign(v, { id });
}

async function member(t: TestApp, handle: string): Promise<Visitor> {
  const v = new Visitor(t.app);
  await v.signUp(handle);
  return v;
}

const ask = (v: Visitor, body: object = {}) => v.post('/api/v1/support/requests', { topics: ['feeling_low'], language: 'en', ...body });
const mine = async (v: Visitor) => (await v.get('/api/v1/support/requests/mine')).json().request as MySupportRequest | null;
const queueOf = async (v: Visitor) => (await v.get('/api/v1/support/queue')).json() as ListenerQueue;

describeEachDialect(
  'asking for a listener',
  (t) => {
    it('shows a member their place in the queue, allows one open request, and lets them cancel', async () => {
      const a = await member(t(), 'waiting-wren');
      const first = await ask(a, { note: 'a made-up hard evening' });
      expect(first.statusCode).toBe(201);
      expect(first.json().request).toMatchObject({ status: 'waiting', position: 1, conversationId: null });
      const second = await ask(a);
      expect(second.statusCode).toBe(409);
      expect(second.json().error.code).toBe('request_open');
      const b = await member(t(), 'second-sparrow');
      await ask(b);
      expect((await mine(b))!.position).toBe(2);
      expect((await a.post('/api/v1/support/requests/mine/cancel')).json().request).toMatchObject({ status: 'cancelled', position: null });
      expect((await mine(b))!.position).toBe(1);
      expect((await ask(a)).statusCode).toBe(201);
      expect((await ask(new Visitor(t().app))).statusCode).toBe(401);
      expect((await a.post('/api/v1/support/requests', { topics: [], language: 'en' })).statusCode).toBe(400);
    });

    it('counts the place and the wait within the member’s language, and says so when nobody on duty speaks it', async () => {
      const en = await member(t(), 'english-elm');
      await ask(en);
      const es = await member(t(), 'spanish-sage');
      await ask(es, { language: 'es' });
      expect(await mine(es)).toMatchObject({ position: 1, estimatedWaitMinutes: null, waitNote: 'no_listener_on_duty' });
      // A Spanish-speaking listener with room takes the next round: about a minute, and the English request is not counted.
      const busy = await listener(t(), 'busy-listener-es', { languages: ['es'] });
      const again = await member(t(), 'spanish-sorrel');
      await ask(again, { language: 'es' });
      expect((await queueOf(busy)).offer).not.toBeNull();
      expect(await mine(again)).toMatchObject({ position: 2, estimatedWaitMinutes: null, waitNote: null });
      await listener(t(), 'roomy-listener-es', { languages: ['es', 'en'], capacity: 2 });
      expect(await mine(again)).toMatchObject({ position: 2, estimatedWaitMinutes: 1, waitNote: null });
    });

    it('offers a request to an on-duty listener who shares the language, anonymised, and a match opens a private chat', async () => {
      const l = await listener(t(), 'kind-listener');
      const a = await member(t(), 'asking-fern');
      await ask(a, { note: 'my made-up week was long' });
      const view = await queueOf(l);
      expect(view.offer).toMatchObject({ topics: ['feeling_low'], language: 'en', riskLevel: 'none' });
      expect(JSON.stringify(view)).not.toContain('asking-fern');
      expect((await mine(a))!.status).toBe('offered');
      const accepted = await l.post(`/api/v1/support/requests/${view.offer!.requestId}/accept`);
      expect(accepted.statusCode).toBe(200);
      const { conversationId } = accepted.json();
      expect(await mine(a)).toMatchObject({ status: 'matched', conversationId, listener: { handle: 'kind-listener' } });
      expect((await queueOf(l)).chats).toMatchObject([{ conversationId, member: { handle: 'asking-fern' } }]);
      // Both can write in it; nobody else can even see it.
      for (const v of [a, l]) expect((await v.post(`/api/v1/conversations/${conversationId}/messages`, { clientId: `hello-${Math.random().toString(36).slice(2, 10)}`, body: 'hello there' })).statusCode).toBe(201);
      const opened = (await a.get(`/api/v1/conversations/${conversationId}`)).json();
      expect(opened).toMatchObject({ room: { kind: 'support', group: null, closedAt: null }, me: { isHost: false, guidelinesSeen: true } });
      expect(opened.messages).toHaveLength(2);
      expect(((await l.get(`/api/v1/conversations/${conversationId}`)).json()).me.isHost).toBe(true);
      const outsider = await member(t(), 'curious-crow');
      expect((await outsider.get(`/api/v1/conversations/${conversationId}`)).statusCode).toBe(404);
      expect((await outsider.get(`/api/v1/conversations/${conversationId}/messages`)).statusCode).toBe(404);
      // Members who are not listeners have no queue.
      expect((await a.get('/api/v1/support/queue')).statusCode).toBe(403);
    });

    it('never matches a request twice, whoever accepts at once', async () => {
      const l = await listener(t(), 'quick-listener');
      const other = await listener(t(), 'other-listener', { languages: ['es'] });
      const a = await member(t(), 'racing-robin');
      await ask(a);
      const offer = (await queueOf(l)).offer!;
      const results = await Promise.all([l.post(`/api/v1/support/requests/${offer.requestId}/accept`), l.post(`/api/v1/support/requests/${offer.requestId}/accept`), other.post(`/api/v1/support/requests/${offer.requestId}/accept`)]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
      const conversations = await t().database.db.selectFrom('conversations').select('id').where('kind', '=', 'support').execute();
      expect(conversations).toHaveLength(1);
      expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe('already_taken');
    });

    it('puts risk first: a note with signs of a plan goes ahead, shows help at once, and alerts the moderators', async () => {
      const l = await listener(t(), 'steady-listener');
      const early = await member(t(), 'early-bird');
      await ask(early);
      // The listener's one place is taken by the first offer; the next two wait.
      expect((await queueOf(l)).offer).not.toBeNull();
      const plain = await member(t(), 'plain-pebble');
      await ask(plain);
      const worried = await member(t(), 'worried-moth');
      const res = await ask(worried, { note: 'tonight MARKER-IMMINENT' });
      expect(res.json().safety.response).toBe('screen');
      expect(res.json().request.position).toBe(1);
      // Behind the urgent one and the one already on offer.
      expect((await mine(plain))!.position).toBe(3);
      const alert = await t().database.db.selectFrom('risk_alerts').selectAll().where('content_type', '=', 'support_request').executeTakeFirstOrThrow();
      expect(alert).toMatchObject({ urgent: 1, status: 'open' });
      const moderator = await member(t(), 'watchful-owl');
      await grantRole(t(), 'watchful-owl', 'moderator');
      const listed = (await moderator.get('/api/v1/safety/alerts')).json().items[0];
      expect(listed.content).toMatchObject({ type: 'support_request', text: 'tonight MARKER-IMMINENT', group: null });
      // The offer in hand is declined: the urgent request is next.
      await l.post(`/api/v1/support/requests/${(await queueOf(l)).offer!.requestId}/decline`);
      expect((await mine(worried))!.status).toBe('offered');
    });

    it('prefers a listener who shares the topic, passes a declined offer on, and never offers it back', async () => {
      const general = await listener(t(), 'general-listener', { topics: ['sleep'] });
      const griefKnower = await listener(t(), 'grief-listener', { topics: ['grief'] });
      const a = await member(t(), 'grieving-heron');
      await ask(a, { topics: ['grief'] });
      expect((await queueOf(griefKnower)).offer).not.toBeNull();
      expect((await queueOf(general)).offer).toBeNull();
      const id = (await queueOf(griefKnower)).offer!.requestId;
      expect((await griefKnower.post(`/api/v1/support/requests/${id}/decline`)).statusCode).toBe(204);
      expect((await queueOf(general)).offer?.requestId).toBe(id);
      await general.post(`/api/v1/support/requests/${id}/decline`);
      expect((await queueOf(griefKnower)).offer).toBeNull();
      expect((await mine(a))!.status).toBe('waiting');
    });

    it('moves an offer on when a minute passes, and ends a request nobody could take, kindly', async () => {
      const first = await listener(t(), 'slow-listener');
      const a = await member(t(), 'patient-newt');
      await ask(a);
      const id = (await queueOf(first)).offer!.requestId;
      await t().database.db.updateTable('support_requests').set({ offer_expires_at: Date.now() - 1 }).where('id', '=', id).execute();
      const second = await listener(t(), 'next-listener');
      await t().app.support.sweep();
      await t().app.support.match();
      expect((await queueOf(second)).offer?.requestId).toBe(id);
      expect((await first.post(`/api/v1/support/requests/${id}/accept`)).statusCode).toBe(409);
      await t().database.db.updateTable('support_requests').set({ created_at: Date.now() - 31 * 60_000 }).where('id', '=', id).execute();
      await t().app.support.sweep();
      expect(await mine(a)).toMatchObject({ status: 'expired', endReason: 'nobody_free', position: null });
      expect((await ask(a)).statusCode).toBe(201);
    });

    it('never matches a member with a listener either of them blocked', async () => {
      const l = await listener(t(), 'blocked-listener');
      const a = await member(t(), 'careful-vole');
      expect((await a.put('/api/v1/me/blocks/blocked-listener')).statusCode).toBe(204);
      await ask(a);
      expect((await queueOf(l)).offer).toBeNull();
      expect((await mine(a))!.status).toBe('waiting');
    });

    it('never offers a chat to a suspended or paused listener, and refuses their accept and their going on duty', async () => {
      const l = await listener(t(), 'suspended-listener');
      await t().database.db.updateTable('members').set({ suspended_until: Date.now() + 86_400_000 }).where('id', '=', l.id).execute();
      const a = await member(t(), 'waiting-wagtail');
      await ask(a);
      expect((await mine(a))!.status).toBe('waiting');
      // Even an offer left over from before the suspension cannot be taken.
      const id = (await mine(a))!.id;
      await t().database.db.updateTable('support_requests').set({ status: 'offered', offered_to: l.id, offer_expires_at: Date.now() + 60_000 }).where('id', '=', id).execute();
      const accepted = await l.post(`/api/v1/support/requests/${id}/accept`);
      expect(accepted.statusCode).toBe(403);
      expect(accepted.json().error.code).toBe('suspended');
      await l.put('/api/v1/listeners/me/duty', { status: 'off' });
      const back = await l.put('/api/v1/listeners/me/duty', { status: 'on' });
      expect(back.statusCode).toBe(403);
      const paused = await listener(t(), 'paused-listener');
      await t().database.db.updateTable('members').set({ muted_until: Date.now() + 3_600_000 }).where('id', '=', paused.id).execute();
      await t().database.db.updateTable('support_requests').set({ status: 'waiting', offered_to: null, offer_expires_at: null }).where('id', '=', id).execute();
      await t().app.support.match();
      expect((await mine(a))!.status).toBe('waiting');
      // Once the pause is over, the same listener is offered it.
      await t().database.db.updateTable('members').set({ muted_until: null }).where('id', '=', paused.id).execute();
      await t().app.support.match();
      expect((await queueOf(paused)).offer?.requestId).toBe(id);
    });

    it('keeps a member’s place for a while when they drop away, then lets it go', async () => {
      const a = await member(t(), 'flaky-finch');
      await ask(a);
      const id = (await mine(a))!.id;
      await t().app.support.setAway(await idOf(a), true);
      await t().app.support.sweep();
      expect((await mine(a))!.status).toBe('waiting');
      await t().database.db.updateTable('support_requests').set({ away_since: Date.now() - 121_000 }).where('id', '=', id).execute();
      await t().app.support.sweep();
      expect(await mine(a)).toMatchObject({ status: 'cancelled', endReason: 'member_left' });
    });

    it('lets the listener share the crisis lines for the member’s country and bring in a moderator, who can then join', async () => {
      const l = await listener(t(), 'caring-listener');
      const a = await member(t(), 'far-away-kite');
      await a.patch('/api/v1/me', { country: 'GB' });
      await ask(a);
      const offer = (await queueOf(l)).offer!;
      const { conversationId } = (await l.post(`/api/v1/support/requests/${offer.requestId}/accept`)).json();
      // Only the listener of this chat can do either.
      expect((await a.post(`/api/v1/support/requests/${offer.requestId}/crisis-card`)).statusCode).toBe(404);
      const card = await l.post(`/api/v1/support/requests/${offer.requestId}/crisis-card`);
      expect(card.statusCode).toBe(201);
      const seen = (await a.get(`/api/v1/conversations/${conversationId}`)).json();
      expect(seen.messages.at(-1)).toMatchObject({ card: { type: 'crisis_lines', country: 'GB' }, author: { handle: 'caring-listener', isHost: true } });
      const moderator = await member(t(), 'duty-moderator');
      await grantRole(t(), 'duty-moderator', 'moderator');
      expect((await moderator.get(`/api/v1/conversations/${conversationId}`)).statusCode).toBe(404);
      expect((await l.post(`/api/v1/support/requests/${offer.requestId}/moderator`)).statusCode).toBe(204);
      const flags = (await moderator.get('/api/v1/moderation/flags')).json().items;
      expect(flags[0]).toMatchObject({ reason: 'moderator_requested', conversationId, message: null });
      const joined = await moderator.get(`/api/v1/conversations/${conversationId}`);
      expect(joined.statusCode).toBe(200);
      expect(joined.json().me.isHost).toBe(true);
      // Other members still cannot.
      expect((await (await member(t(), 'passing-stork')).get(`/api/v1/conversations/${conversationId}`)).statusCode).toBe(404);
    });

    it('moves an offer on when its listener goes off duty, and offers waiting requests to a listener coming on duty', async () => {
      const leaving = await listener(t(), 'leaving-listener');
      const a = await member(t(), 'hopeful-lark');
      await ask(a);
      const id = (await queueOf(leaving)).offer!.requestId;
      const arriving = await listener(t(), 'arriving-listener');
      await t().database.db.updateTable('listener_profiles').set({ status: 'off' }).where('member_id', '=', arriving.id).execute();
      expect((await leaving.put('/api/v1/listeners/me/duty', { status: 'break' })).statusCode).toBe(200);
      expect((await mine(a))!.status).toBe('waiting');
      expect((await leaving.post(`/api/v1/support/requests/${id}/accept`)).statusCode).toBe(409);
      expect((await arriving.put('/api/v1/listeners/me/duty', { status: 'on' })).statusCode).toBe(200);
      expect((await queueOf(arriving)).offer?.requestId).toBe(id);
    });

    it('holds an offer of contact outside Kindred in a support chat for a moderator, and tells its author why', async () => {
      const l = await listener(t(), 'mindful-listener');
      const a = await member(t(), 'lonely-plover');
      await ask(a);
      const offer = (await queueOf(l)).offer!;
      const { conversationId } = (await l.post(`/api/v1/support/requests/${offer.requestId}/accept`)).json();
      const sent = await a.post(`/api/v1/conversations/${conversationId}/messages`, { clientId: 'contact-offer-1', body: 'add me on snap: plover_made_up' });
      expect(sent.json()).toMatchObject({ message: { status: 'held', heldReason: 'off_platform_contact' }, safety: { held: true, heldReason: 'off_platform_contact' }, offPlatformNudge: true });
      // The listener does not see it until a moderator lets it through; its author does.
      expect(((await l.get(`/api/v1/conversations/${conversationId}`)).json().messages as { body: string }[]).map((m) => m.body)).not.toContain('add me on snap: plover_made_up');
      expect(((await a.get(`/api/v1/conversations/${conversationId}`)).json().messages as { body: string }[]).map((m) => m.body)).toContain('add me on snap: plover_made_up');
      const flags = await t().database.db.selectFrom('content_flags').selectAll().where('reason', '=', 'off_platform_contact').execute();
      expect(flags).toHaveLength(1);
    });

    it('lets either person report the other from inside the chat, and lets moderators read it only through the report', async () => {
      const l = await listener(t(), 'reported-listener');
      const a = await member(t(), 'uneasy-swift');
      await ask(a);
      const offer = (await queueOf(l)).offer!;
      const { conversationId } = (await l.post(`/api/v1/support/requests/${offer.requestId}/accept`)).json();
      const moderator = await member(t(), 'fair-moderator');
      await grantRole(t(), 'fair-moderator', 'moderator');
      expect((await moderator.get(`/api/v1/conversations/${conversationId}`)).statusCode).toBe(404);
      expect((await a.post(`/api/v1/support/requests/${offer.requestId}/report`, { note: ' ' })).statusCode).toBe(400);
      const stranger = await member(t(), 'meddling-jay');
      expect((await stranger.post(`/api/v1/support/requests/${offer.requestId}/report`, { note: 'made up' })).statusCode).toBe(404);
      expect((await a.post(`/api/v1/support/requests/${offer.requestId}/report`, { note: 'They asked for my number.' })).statusCode).toBe(204);
      const flag = (await moderator.get('/api/v1/moderation/flags')).json().items[0];
      expect(flag).toMatchObject({ reason: 'chat_reported', note: 'They asked for my number.', conversationId, author: { handle: 'uneasy-swift' } });
      expect((await moderator.get(`/api/v1/conversations/${conversationId}`)).statusCode).toBe(200);
      // The person reported is not told (the listener's view carries no flag), and the audit log keeps the step.
      expect(JSON.stringify(await queueOf(l))).not.toContain('number');
      const audit = await t().database.db.selectFrom('audit_log').select('action').where('target_id', '=', offer.requestId).execute();
      expect(audit.map((r) => r.action)).toContain('support.reported');
    });

    it('gives listeners a room of their own to debrief in, closed to everyone else', async () => {
      const l = await listener(t(), 'tired-listener');
      const other = await listener(t(), 'second-listener');
      const first = await l.get('/api/v1/listeners/room');
      expect(first.statusCode).toBe(200);
      const view = first.json();
      expect(view.room).toMatchObject({ kind: 'debrief', group: null });
      expect((await other.get('/api/v1/listeners/room')).json().room.id).toBe(view.room.id);
      await l.post(`/api/v1/conversations/${view.room.id}/guidelines/seen`);
      expect((await l.post(`/api/v1/conversations/${view.room.id}/messages`, { clientId: 'debrief-one', body: 'that last chat was a heavy one' })).statusCode).toBe(201);
      const a = await member(t(), 'ordinary-wren');
      expect((await a.get('/api/v1/listeners/room')).statusCode).toBe(404);
      expect((await a.get(`/api/v1/conversations/${view.room.id}`)).statusCode).toBe(404);
    });

    it('lets either side end the chat, closes it to new words, and takes one answer on whether it helped', async () => {
      const l = await listener(t(), 'gentle-listener');
      const a = await member(t(), 'thankful-tern');
      await ask(a);
      const offer = (await queueOf(l)).offer!;
      const { conversationId } = (await l.post(`/api/v1/support/requests/${offer.requestId}/accept`)).json();
      expect((await a.post(`/api/v1/support/requests/${offer.requestId}/feedback`, { helped: 'yes' })).statusCode).toBe(409);
      expect((await a.post(`/api/v1/conversations/${conversationId}/messages`, { clientId: 'thanks-before-end', body: 'thank you for listening' })).statusCode).toBe(201);
      const stranger = await member(t(), 'nosy-gull');
      expect((await stranger.post(`/api/v1/support/requests/${offer.requestId}/end`)).statusCode).toBe(404);
      expect((await a.post(`/api/v1/support/requests/${offer.requestId}/end`)).json()).toMatchObject({ status: 'ended', endReason: 'member_ended' });
      const late = await l.post(`/api/v1/conversations/${conversationId}/messages`, { clientId: 'after-the-end-1', body: 'one more thing' });
      expect(late.statusCode).toBe(409);
      expect(late.json().error.code).toBe('conversation_closed');
      expect((await a.post(`/api/v1/support/requests/${offer.requestId}/feedback`, { helped: 'somewhat', noteForListener: 'Thank you for staying.' })).statusCode).toBe(204);
      expect((await a.post(`/api/v1/support/requests/${offer.requestId}/feedback`, { helped: 'yes' })).statusCode).toBe(409);
      expect((await a.post(`/api/v1/support/requests/${offer.requestId}/feedback`, { helped: 'maybe' })).statusCode).toBe(400);
      expect((await mine(a))!.feedbackGiven).toBe(true);
      // The listener reads the note without learning who wrote it.
      const forListener = (await queueOf(l)).feedback;
      expect(forListener).toEqual([{ helped: 'somewhat', note: 'Thank you for staying.', at: expect.any(Number) }]);
      expect(JSON.stringify(forListener)).not.toContain('thankful-tern');
      // Operators see aggregates only.
      expect((await a.get('/api/v1/support/stats')).statusCode).toBe(403);
      const admin = await member(t(), 'operator-owl');
      await grantRole(t(), 'operator-owl', 'admin');
      const stats = (await admin.get('/api/v1/support/stats')).json();
      expect(stats).toMatchObject({ requests: 1, matched: 1, unmatchedShare: 0, helped: { yes: 0, somewhat: 1, no: 0 }, chatsPerListenerPerWeek: expect.any(Number) });
      expect(stats.waitSeconds.p50).toBeGreaterThanOrEqual(0);
      expect(JSON.stringify(stats)).not.toMatch(/thankful-tern|gentle-listener/);
      // After the retention period the transcript is gone; until then it stays for the two of them.
      expect(await t().app.support.purgeTranscripts()).toBe(0);
      await t().database.db.updateTable('support_requests').set({ ended_at: Date.now() - 31 * 24 * 3_600_000 }).where('id', '=', offer.requestId).execute();
      expect(await t().app.support.purgeTranscripts()).toBeGreaterThan(0);
      expect((await a.get(`/api/v1/conversations/${conversationId}`)).json().messages).toHaveLength(0);
      // The member can ask again; the listener is free for the next one.
      expect((await ask(a)).statusCode).toBe(201);
    });
  },
  { assess: standInAssess, replyCare: standInReplyCare },
);

async function idOf(v: Visitor): Promise<string> {
  return (await v.get('/api/v1/me')).json().member.id as string;
}
