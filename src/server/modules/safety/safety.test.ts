import { expect, it } from 'vitest';
import { describeEachDialect, grantRole, Visitor } from '../../test/harness.js';
import { memberIn, moderatorIn, post, reply, setTrustLevel } from '../../test/forum-fixtures.js';
import { standInAssess, standInReplyCare } from '../../test/safety-fixtures.js';

const PLAN = {
  warningSigns: 'Not sleeping, skipping meals',
  copingStrategies: 'A long walk with music',
  distractions: 'The library café',
  peopleToAsk: 'My made-up friend Sam',
  professionals: 'Dr Example, 555-0100',
  safeEnvironment: 'Ask Sam to keep the spare key',
  reasonsForLiving: 'My cat, Pebble',
};

describeEachDialect(
  'safety: the response in the moment, risk alerts and the safety plan',
  (t) => {
    it('answers each level with the right response and keeps every word', async () => {
      const ana = await memberIn(t(), 'QuietHeron40');
      // Five posts in a few seconds is more than a new member's hourly allowance (trust.test.ts).
      await setTrustLevel(t(), 'QuietHeron40', 2);
      const write = (body: string) => ana.post('/api/v1/groups/depression-support/posts', { title: 'Tonight', body });
      expect((await write('MARKER-IDEATION so tired')).json().safety).toMatchObject({ level: 'ideation', response: 'card', held: false, contentWarningAdded: 'suicide' });
      expect((await write('MARKER-IMMINENT goodbye')).json().safety).toMatchObject({ level: 'imminent', response: 'screen', held: false });
      expect((await write('MARKER-FRIEND worried about my friend')).json().safety).toMatchObject({ response: 'helping', contentWarningAdded: null });
      expect((await write('MARKER-DISTRESS a grey week')).json().safety).toMatchObject({ level: 'distress', response: 'none', contentWarningAdded: null });
      const method = (await write('MARKER-METHOD the details')).json();
      expect(method.safety).toMatchObject({ held: true, heldReason: 'method_detail', response: 'card' });
      expect(method.post).toMatchObject({ status: 'held', bodyMarkdown: 'MARKER-METHOD the details' });
    });

    it('sends harassment to moderators, never a crisis card to its writer', async () => {
      const ana = await memberIn(t(), 'QuietHeron41');
      const bo = await memberIn(t(), 'GentleOtter41');
      const id = await post(ana, { title: 'Hello', body: 'a hard day' });
      const res = await bo.post(`/api/v1/posts/${id}/replies`, { body: 'MARKER-HARASS cruel words' });
      expect(res.json().safety).toMatchObject({ held: true, heldReason: 'harassment', response: 'none' });
      expect(res.json().reply).toMatchObject({ status: 'held', bodyMarkdown: 'MARKER-HARASS cruel words' });
    });

    it('puts an automatic content warning on a reply and nudges replies that minimise, without blocking them', async () => {
      const ana = await memberIn(t(), 'QuietHeron42');
      const bo = await memberIn(t(), 'GentleOtter42');
      const id = await post(ana, { title: 'Hello', body: 'a hard day' });
      const hard = await bo.post(`/api/v1/posts/${id}/replies`, { body: 'MARKER-SELFHARM me too, last night' });
      expect(hard.json()).toMatchObject({ reply: { status: 'published', contentWarning: 'self_harm' }, safety: { response: 'card', contentWarningAdded: 'self_harm' } });
      const nudge = await bo.post(`/api/v1/posts/${id}/replies`, { body: 'MARKER-MINIMISE it will all be fine, MARKER-DM me' });
      expect(nudge.statusCode).toBe(201);
      expect(nudge.json()).toMatchObject({ reply: { status: 'published', contentWarning: null }, safety: { replyCare: ['minimising', 'private_contact'] } });
      const thread = (await ana.get(`/api/v1/posts/${id}/replies`)).json().items;
      expect(thread.map((r: { contentWarning: string | null }) => r.contentWarning)).toEqual(['self_harm', null]);
    });

    it('stores what the engine found with the content id, never a second copy of the text', async () => {
      const ana = await memberIn(t(), 'QuietHeron43');
      const id = await post(ana, { title: 'Tonight', body: 'MARKER-PLAN private words' });
      const rows = await t().database.db.selectFrom('assessments').selectAll().where('content_id', '=', id).execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ content_type: 'post', level: 'plan', categories: '["suicidal"]', rules: '["test.marker-plan"]' });
      expect(JSON.stringify(rows)).not.toContain('private words');
      const alerts = await t().database.db.selectFrom('risk_alerts').selectAll().execute();
      expect(JSON.stringify(alerts)).not.toContain('private words');
    });

    it('raises alerts from ideation up, urgent for plan and imminent, listed urgent first then oldest first', async () => {
      const ana = await memberIn(t(), 'QuietHeron44');
      await post(ana, { title: 'One', body: 'MARKER-DISTRESS grey' });
      const ideation = await post(ana, { title: 'Two', body: 'MARKER-IDEATION tired of it all' });
      const imminent = await post(ana, { title: 'Three', body: 'MARKER-IMMINENT goodbye' });
      const plan = await reply(ana, ideation, 'MARKER-PLAN I have decided');
      const mod = await moderatorIn(t(), 'SteadyWren44');
      const res = await mod.get('/api/v1/safety/alerts');
      expect(res.statusCode).toBe(200);
      const items = res.json().items as { content: { id: string; type: string; text: string }; urgent: boolean; level: string; matches: { start: number; end: number }[] }[];
      expect(items.map((a) => [a.content.id, a.urgent, a.level])).toEqual([
        [imminent, true, 'imminent'],
        [plan, true, 'plan'],
        [ideation, false, 'ideation'],
      ]);
      expect(items[0]!.content).toMatchObject({ type: 'post', text: 'Three\nMARKER-IMMINENT goodbye' });
      const m = items[0]!.matches[0]!;
      expect(items[0]!.content.text.slice(m.start, m.end)).toBe('MARKER-IMMINENT');
      expect(items[1]!.content).toMatchObject({ type: 'reply', text: 'MARKER-PLAN I have decided' });
      expect((await mod.get('/api/v1/safety/alerts/stats')).json()).toMatchObject({ open: 3, urgentOpen: 2, acknowledged: 0, medianSecondsToAcknowledge: null });
    });

    it('keeps an anonymous author anonymous in the alert', async () => {
      const ana = await memberIn(t(), 'QuietHeron45');
      await post(ana, { title: 'Tonight', body: 'MARKER-IDEATION', anonymous: true });
      await post(ana, { title: 'Later', body: 'MARKER-IDEATION again' });
      const mod = await moderatorIn(t(), 'SteadyWren45');
      const authors = (await mod.get('/api/v1/safety/alerts')).json().items.map((a: { author: unknown }) => a.author);
      expect(authors).toEqual([
        { handle: null, anonymous: true },
        { handle: 'QuietHeron45', anonymous: false },
      ]);
    });

    it('acknowledges once, resolves with a note, writes the audit log and reports the median time to acknowledge', async () => {
      const ana = await memberIn(t(), 'QuietHeron46');
      await post(ana, { title: 'Tonight', body: 'MARKER-IMMINENT goodbye' });
      await grantRole(t(), 'QuietHeron46', 'member');
      const mod = await memberIn(t(), 'SteadyWren46');
      await grantRole(t(), 'SteadyWren46', 'moderator');
      const [alert] = (await mod.get('/api/v1/safety/alerts')).json().items;
      const ack = await mod.post(`/api/v1/safety/alerts/${alert.id}/acknowledge`);
      expect(ack.statusCode).toBe(200);
      expect(ack.json().alert).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'SteadyWren46' });
      const again = await mod.post(`/api/v1/safety/alerts/${alert.id}/acknowledge`);
      expect(again.json().alert.acknowledgedAt).toBe(ack.json().alert.acknowledgedAt);

      const empty = await mod.post(`/api/v1/safety/alerts/${alert.id}/resolve`, { note: '   ' });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error.fields.note).toBe('Please write a short note on what was done.');
      const done = await mod.post(`/api/v1/safety/alerts/${alert.id}/resolve`, { note: 'Replied with the crisis lines; they answered and are safe.' });
      expect(done.json().alert).toMatchObject({ status: 'resolved', resolvedBy: 'SteadyWren46', resolutionNote: 'Replied with the crisis lines; they answered and are safe.' });
      expect((await mod.post(`/api/v1/safety/alerts/${alert.id}/resolve`, { note: 'twice' })).statusCode).toBe(409);

      expect((await mod.get('/api/v1/safety/alerts')).json().items).toEqual([]);
      expect((await mod.get('/api/v1/safety/alerts?view=resolved')).json().items.map((a: { id: string }) => a.id)).toEqual([alert.id]);
      const stats = (await mod.get('/api/v1/safety/alerts/stats')).json();
      expect(stats).toMatchObject({ open: 0, acknowledgedLast30Days: 1 });
      expect(stats.medianSecondsToAcknowledge).toBeGreaterThanOrEqual(0);

      const audit = await t().database.db.selectFrom('audit_log').select(['action', 'target_id', 'actor_id']).where('action', 'like', 'risk_alert.%').orderBy('id').execute();
      expect(audit.map((a) => a.action)).toEqual(['risk_alert.created', 'risk_alert.acknowledged', 'risk_alert.resolved']);
      expect(audit[0]!.actor_id).toBeNull();
      // The database itself keeps the log append-only.
      const db = t().database.db;
      await expect(db.updateTable('audit_log').set({ action: 'rewritten' }).execute()).rejects.toThrow(/append-only/);
      await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
      expect(await db.selectFrom('audit_log').select('action').where('action', 'like', 'risk_alert.%').execute()).toHaveLength(3);
    });

    it('brings an open alert up to date when the words are edited, never lowering it', async () => {
      const ana = await memberIn(t(), 'QuietHeron47');
      const id = await post(ana, { title: 'Tonight', body: 'MARKER-IDEATION' });
      expect((await ana.patch(`/api/v1/posts/${id}`, { body: 'now MARKER-IMMINENT' })).json().safety.response).toBe('screen');
      await ana.patch(`/api/v1/posts/${id}`, { body: 'MARKER-IDEATION only' });
      const mod = await moderatorIn(t(), 'SteadyWren47');
      const items = (await mod.get('/api/v1/safety/alerts')).json().items;
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ level: 'imminent', urgent: true, content: { text: 'Tonight\nMARKER-IDEATION only' } });
      expect(items[0].content.text.slice(items[0].matches[0].start, items[0].matches[0].end)).toBe('MARKER-IDEATION');
    });

    it('answers bad input with a kind 4xx', async () => {
      const mod = await moderatorIn(t(), 'SteadyWren52');
      expect((await mod.get('/api/v1/safety/alerts?view=resolved&cursor=not-a-cursor')).statusCode).toBe(400);
      expect((await mod.get('/api/v1/safety/alerts?view=everything')).json().error.fields.view).toBe('Please choose active or resolved alerts.');
      expect((await mod.post('/api/v1/safety/alerts/%20%00/acknowledge')).statusCode).toBeLessThan(500);
      const long = await mod.post('/api/v1/safety/alerts/01ARZ3NDEKTSV4RRFFQ69G5FAV/resolve', { note: 'x'.repeat(2001) });
      expect(long.statusCode).toBe(400);
      expect(long.json().error.fields.note).toBe('A note can be at most 2000 characters.');
      const huge = await mod.post('/api/v1/safety/check', { text: 'x'.repeat(20_001), kind: 'post' });
      expect(huge.json().error.fields.text).toBe('That draft is too long to check.');
      expect((await mod.request('DELETE', '/api/v1/me', {})).statusCode).toBe(400);
    });

    it('shows alerts to moderators and admins only', async () => {
      const ana = await memberIn(t(), 'QuietHeron48');
      await post(ana, { title: 'Tonight', body: 'MARKER-IDEATION' });
      for (const path of ['/api/v1/safety/alerts', '/api/v1/safety/alerts/stats']) expect((await ana.get(path)).statusCode).toBe(403);
      await grantRole(t(), 'QuietHeron48', 'listener');
      expect((await ana.get('/api/v1/safety/alerts')).statusCode).toBe(403);
      expect((await new Visitor(t().app).get('/api/v1/safety/alerts')).statusCode).toBe(401);
      const mod = await moderatorIn(t(), 'SteadyWren48');
      const [alert] = (await mod.get('/api/v1/safety/alerts')).json().items;
      expect((await ana.post(`/api/v1/safety/alerts/${alert.id}/acknowledge`)).statusCode).toBe(403);
      expect((await mod.post('/api/v1/safety/alerts/01ARZ3NDEKTSV4RRFFQ69G5FAV/acknowledge')).statusCode).toBe(404);
    });

    it('keeps the safety plan its owner’s alone: no other member, moderator or admin can read it', async () => {
      const ana = await memberIn(t(), 'QuietHeron49');
      const empty = (await ana.get('/api/v1/me/safety-plan')).json();
      expect(empty.updatedAt).toBeNull();
      expect(Object.values(empty.plan)).toEqual(['', '', '', '', '', '', '']);
      const saved = await ana.put('/api/v1/me/safety-plan', PLAN);
      expect(saved.statusCode).toBe(200);
      expect((await ana.get('/api/v1/me/safety-plan')).json().plan).toEqual(PLAN);

      const admin = await moderatorIn(t(), 'SteadyWren49');
      expect((await admin.get('/api/v1/me/safety-plan')).json().plan.reasonsForLiving).toBe('');
      // No route names another member's plan: every route that mentions a plan is the caller's own.
      const planRoutes = t().app.routeTable.filter((r) => r.url.includes('safety-plan'));
      expect(planRoutes.map((r) => r.url)).toEqual(['/api/v1/me/safety-plan', '/api/v1/me/safety-plan']);
      const probes = await Promise.all(['/api/v1/members/QuietHeron49', '/api/v1/safety/alerts'].map((p) => admin.get(p)));
      for (const p of probes) expect(p.body).not.toContain('Pebble');
      expect((await new Visitor(t().app).get('/api/v1/me/safety-plan')).statusCode).toBe(401);
    });

    it('refuses a plan that is too long, kindly, and keeps only the steps', async () => {
      const ana = await memberIn(t(), 'QuietHeron50');
      const long = await ana.put('/api/v1/me/safety-plan', { ...PLAN, warningSigns: 'x'.repeat(4001) });
      expect(long.statusCode).toBe(400);
      expect(long.json().error.fields.warningSigns).toContain('at most 4000 characters');
      expect((await ana.get('/api/v1/me/safety-plan')).json().updatedAt).toBeNull();
      // Unknown parts are dropped, not stored.
      const extra = await ana.put('/api/v1/me/safety-plan', { ...PLAN, extra: 'not a step' });
      expect(Object.keys(extra.json().plan)).not.toContain('extra');
    });

    it('checks a draft without storing anything', async () => {
      const ana = await memberIn(t(), 'QuietHeron51');
      const check = (text: string, kind = 'post') => ana.post('/api/v1/safety/check', { text, kind });
      expect((await check('MARKER-IDEATION')).json()).toEqual({ offerHelp: true, concernForOther: false, wouldHold: false, replyCare: [] });
      expect((await check('MARKER-FRIEND')).json()).toMatchObject({ offerHelp: false, concernForOther: true });
      expect((await check('MARKER-METHOD')).json()).toMatchObject({ offerHelp: true, wouldHold: true });
      expect((await check('MARKER-HARASS')).json()).toMatchObject({ offerHelp: false, wouldHold: true });
      expect((await check('MARKER-MINIMISE', 'reply')).json().replyCare).toEqual(['minimising']);
      expect((await check('x', 'poem')).statusCode).toBe(400);
      expect((await new Visitor(t().app).post('/api/v1/safety/check', { text: 'hi', kind: 'post' })).statusCode).toBe(401);
      expect(await t().database.db.selectFrom('assessments').selectAll().execute()).toEqual([]);
      expect(t().logs.join('\n')).not.toContain('MARKER-IDEATION');
    });
  },
  { assess: standInAssess, replyCare: standInReplyCare },
);
