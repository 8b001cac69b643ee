import { afterEach, describe, expect, it, vi } from 'vitest';
import { TRAINING_MODULES } from '../../../shared/listeners.js';
import { describeEachDialect, grantRole, Visitor, type TestApp } from '../../test/harness.js';
import { TRAINING, trainingFor, trainingModule } from './listeners.training.js';
import { TRAINING_ES } from './listeners.training.es.js';

const DAY = 24 * 60 * 60 * 1000;
const MIN = 60 * 1000;

const rightAnswers = (module: string) => Object.fromEntries(TRAINING.find((m) => m.id === module)!.questions.map((q) => [q.id, q.correct]));

async function member(t: TestApp, handle: string): Promise<Visitor> {
  const v = new Visitor(t.app);
  await v.signUp(handle);
  return v;
}

async function passTraining(v: Visitor): Promise<void> {
  for (const m of TRAINING_MODULES) {
    const res = await v.post(`/api/v1/listeners/training/${m}/answers`, { answers: rightAnswers(m) });
    expect(res.json().passed).toBe(true);
  }
}

const application = { motivation: 'I made it through a hard made-up winter and would like to keep others company.', languages: ['en'], topics: ['feeling_low', 'loneliness'] };

async function apply(v: Visitor) {
  const res = await v.post('/api/v1/listeners/applications', application);
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

async function moderator(t: TestApp, handle: string): Promise<Visitor> {
  const v = await member(t, handle);
  await grantRole(t, handle, 'moderator');
  return v;
}

async function approvedListener(t: TestApp, handle: string, mod: Visitor): Promise<Visitor> {
  const v = await member(t, handle);
  await passTraining(v);
  const id = await apply(v);
  expect((await mod.post(`/api/v1/moderation/listener-applications/${id}/review`, { decision: 'approve', note: 'Welcome aboard.' })).statusCode).toBe(200);
  return v;
}

afterEach(() => {
  vi.useRealTimers();
});

/** What a quiz is checked by: module, question and option ids and the right answers, without any words. */
const quizShape = (modules: typeof TRAINING) =>
  modules.map((m) => ({ id: m.id, questions: m.questions.map((q) => ({ id: q.id, options: q.options.map((o) => o.id), correct: q.correct })) }));

describe('listener training translations', () => {
  it('keeps the Spanish quizzes checked exactly like the English ones: same ids, same right answers', () => {
    expect(TRAINING.map((m) => m.id)).toEqual([...TRAINING_MODULES]);
    expect(quizShape(TRAINING_ES)).toEqual(quizShape(TRAINING));
    for (const [i, es] of TRAINING_ES.entries()) {
      const en = TRAINING[i]!;
      expect(es.paragraphs.length, es.id).toBeGreaterThan(2);
      expect(es.title, es.id).not.toBe(en.title);
      for (const [j, q] of es.questions.entries()) {
        expect(q.options.map((o) => o.id), `${es.id} ${q.id}`).toContain(q.correct);
        expect(q.prompt, `${es.id} ${q.id}`).not.toBe(en.questions[j]!.prompt);
        expect(q.hint, `${es.id} ${q.id}`).toMatch(/^Vuelve a leer/);
      }
    }
  });

  it('chooses the text per language and falls back to English when there is no translation', () => {
    expect(trainingFor('es')).toEqual({ language: 'es', modules: TRAINING_ES });
    expect(trainingFor('en')).toEqual({ language: 'en', modules: TRAINING });
    expect(trainingFor('fr')).toEqual({ language: 'en', modules: TRAINING });
    expect(trainingModule('crisis', 'es')).toMatchObject({ id: 'crisis', language: 'es', title: 'Qué hacer en una crisis' });
    expect(trainingModule('crisis', 'de')).toMatchObject({ id: 'crisis', language: 'en', title: 'What to do in a crisis' });
    expect(trainingModule('crisis')).toMatchObject({ language: 'en' });
  });
});

describeEachDialect('listener programme', (t) => {
  it('serves training without answers, checks quizzes on the server, and says kindly what to look at again', async () => {
    const ana = await member(t(), 'QuietHeron90');
    const overview = (await ana.get('/api/v1/listeners/training')).json();
    expect(overview.modules.map((m: { id: string }) => m.id)).toEqual([...TRAINING_MODULES]);
    expect(overview.allPassed).toBe(false);

    for (const m of TRAINING_MODULES) {
      const page = await ana.get(`/api/v1/listeners/training/${m}`);
      expect(page.statusCode).toBe(200);
      const body = page.json();
      expect(body.paragraphs.length).toBeGreaterThan(2);
      expect(body.questions.length).toBeGreaterThanOrEqual(3);
      expect(page.body).not.toMatch(/"correct"|"hint"/);
    }

    const answers = rightAnswers('crisis');
    const wrong = { ...answers, q3: 'a' };
    delete (wrong as Record<string, string>).q4;
    const failed = await ana.post('/api/v1/listeners/training/crisis/answers', { answers: wrong });
    expect(failed.statusCode).toBe(200);
    expect(failed.json()).toMatchObject({ passed: false, passedAt: null });
    expect(failed.json().revisit.map((q: { id: string }) => q.id)).toEqual(['q3', 'q4']);
    expect(failed.json().revisit[0].hint).toMatch(/another look/);
    // The result never tells the right answer.
    expect(failed.body).not.toContain('died by suicide');
    expect((await ana.get('/api/v1/listeners/training')).json().modules.find((m: { id: string }) => m.id === 'crisis').passedAt).toBeNull();

    const passed = await ana.post('/api/v1/listeners/training/crisis/answers', { answers });
    expect(passed.json()).toMatchObject({ passed: true, revisit: [], passedAt: expect.any(Number) });
    expect(passed.json().progress.allPassed).toBe(false);

    expect((await ana.get('/api/v1/listeners/training/not_a_module')).statusCode).toBe(400);
    expect((await ana.post('/api/v1/listeners/training/crisis/answers', { answers: 'all of them' })).statusCode).toBe(400);
    expect((await ana.post('/api/v1/listeners/training/crisis/answers', {})).statusCode).toBe(400);
    expect((await new Visitor(t().app).get('/api/v1/listeners/training')).statusCode).toBe(401);
  });

  it('serves the training in Spanish when asked, or by default to a member whose language is Spanish, and checks it by the same answers', async () => {
    const ana = await member(t(), 'QuietHeron89');
    const english = (await ana.get('/api/v1/listeners/training/crisis')).json();
    expect(english).toMatchObject({ language: 'en', title: 'What to do in a crisis' });
    const asked = await ana.get('/api/v1/listeners/training/crisis?lang=es');
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toMatchObject({ id: 'crisis', language: 'es', title: 'Qué hacer en una crisis', passedAt: null });
    expect(asked.json().paragraphs).toEqual(TRAINING_ES.find((m) => m.id === 'crisis')!.paragraphs);
    expect(asked.json().questions.map((q: { id: string }) => q.id)).toEqual(english.questions.map((q: { id: string }) => q.id));
    expect(asked.body).not.toMatch(/"correct"|"hint"/);
    expect((await ana.get('/api/v1/listeners/training?lang=es')).json().modules.map((m: { title: string }) => m.title)).toEqual(TRAINING_ES.map((m) => m.title));
    expect((await ana.get('/api/v1/listeners/training/crisis?lang=fr')).statusCode).toBe(400);

    const eva = new Visitor(t().app, { 'accept-language': 'es-MX,es;q=0.9,en;q=0.5' });
    await eva.signUp('CalmSeal89');
    expect((await eva.get('/api/v1/me')).json().member.language).toBe('es');
    for (const m of TRAINING_MODULES) {
      const page = (await eva.get(`/api/v1/listeners/training/${m}`)).json();
      expect(page).toMatchObject({ id: m, language: 'es', title: TRAINING_ES.find((c) => c.id === m)!.title });
    }
    expect((await eva.get('/api/v1/listeners/training')).json().modules[0].title).toBe('Escucha activa');
    expect((await eva.get('/api/v1/listeners/me')).json().training.modules[0].title).toBe('Escucha activa');
    expect((await eva.get('/api/v1/listeners/training/crisis?lang=en')).json()).toMatchObject({ language: 'en', title: 'What to do in a crisis' });

    // A wrong answer is named in Spanish, without the right one; the same right answers pass.
    const wrong = { ...rightAnswers('crisis'), q3: 'a' };
    const failed = await eva.post('/api/v1/listeners/training/crisis/answers', { answers: wrong });
    expect(failed.json()).toMatchObject({ passed: false, revisit: [{ id: 'q3', hint: 'Vuelve a leer la parte sobre cuidar tus palabras.' }] });
    expect(failed.json().revisit[0].prompt).toBe(TRAINING_ES.find((m) => m.id === 'crisis')!.questions[2]!.prompt);
    expect(failed.json().progress.modules[3].title).toBe('Qué hacer en una crisis');
    expect(failed.body).not.toContain('Murió por suicidio');
    expect((await eva.post('/api/v1/listeners/training/crisis/answers?lang=en', { answers: wrong })).json().revisit[0].hint).toMatch(/another look/);
    await passTraining(eva);
    expect((await eva.get('/api/v1/listeners/training/crisis')).json()).toMatchObject({ language: 'es', passedAt: expect.any(Number) });
    expect((await eva.get('/api/v1/listeners/me')).json()).toMatchObject({ canApply: true, training: { allPassed: true } });

    // The Spanish quiz read by an English-speaking member passes with the same answers too.
    const passed = await ana.post('/api/v1/listeners/training/boundaries/answers?lang=es', { answers: rightAnswers('boundaries') });
    expect(passed.json()).toMatchObject({ passed: true, revisit: [], passedAt: expect.any(Number) });
  });

  it('lets a member apply only after the training, once at a time, and again 30 days after a decline', async () => {
    const ana = await member(t(), 'QuietHeron91');
    const mod = await moderator(t(), 'SunnyWren91');

    const early = await ana.post('/api/v1/listeners/applications', application);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('training_incomplete');
    expect((await ana.get('/api/v1/listeners/me')).json()).toMatchObject({ canApply: false, isListener: false, application: null });

    await passTraining(ana);
    expect((await ana.get('/api/v1/listeners/me')).json().canApply).toBe(true);
    const bad = await ana.post('/api/v1/listeners/applications', { motivation: '   ', languages: ['en'], topics: ['grief'] });
    expect(bad.statusCode).toBe(400);
    expect((await ana.post('/api/v1/listeners/applications', { ...application, topics: ['astrology'] })).statusCode).toBe(400);
    expect((await ana.post('/api/v1/listeners/applications', { ...application, languages: [] })).statusCode).toBe(400);
    expect((await ana.post('/api/v1/listeners/applications', { ...application, motivation: 'x'.repeat(1001) })).statusCode).toBe(400);

    const id = await apply(ana);
    const again = await ana.post('/api/v1/listeners/applications', application);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('application_pending');

    const noNote = await mod.post(`/api/v1/moderation/listener-applications/${id}/review`, { decision: 'decline' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.fields.note).toBeDefined();
    const declined = await mod.post(`/api/v1/moderation/listener-applications/${id}/review`, { decision: 'decline', note: 'Please spend a little more time in the made-up rooms first.' });
    expect(declined.statusCode).toBe(200);
    const twice = await mod.post(`/api/v1/moderation/listener-applications/${id}/review`, { decision: 'approve' });
    expect(twice.statusCode).toBe(409);

    const standing = (await ana.get('/api/v1/listeners/me')).json();
    expect(standing).toMatchObject({ canApply: false, application: { status: 'declined', reviewNote: expect.stringContaining('made-up rooms') } });
    expect(standing.reapplyAt).toBe(standing.application.reviewedAt + 30 * DAY);
    const soon = await ana.post('/api/v1/listeners/applications', application);
    expect(soon.statusCode).toBe(409);
    expect(soon.json().error).toMatchObject({ code: 'reapply_later', message: expect.stringContaining('30 days') });

    // Thirty days and a minute later (the decline moved back in time rather than the clock forward).
    await t().database.db.updateTable('listener_applications').set({ reviewed_at: standing.application.reviewedAt - 30 * DAY - MIN }).where('id', '=', id).execute();
    expect((await ana.get('/api/v1/listeners/me')).json()).toMatchObject({ canApply: true, reapplyAt: null });
    await apply(ana);
  });

  it('keeps one pending application when a member applies twice at once', async () => {
    const ana = await member(t(), 'double-tapper');
    await passTraining(ana);
    const results = await Promise.all([ana.post('/api/v1/listeners/applications', application), ana.post('/api/v1/listeners/applications', application)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const rows = await t().database.db.selectFrom('listener_applications').select('id').execute();
    expect(rows).toHaveLength(1);
  });

  it('never lets a moderator approve their own application; another moderator must', async () => {
    const mod = await moderator(t(), 'SelfReviewWren93');
    const other = await moderator(t(), 'OtherReviewFinch93');
    await passTraining(mod);
    const id = await apply(mod);
    const own = await mod.post(`/api/v1/moderation/listener-applications/${id}/review`, { decision: 'approve' });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('own_application');
    expect((await other.post(`/api/v1/moderation/listener-applications/${id}/review`, { decision: 'approve' })).statusCode).toBe(200);
  });

  it('lets moderators and admins review, not members; approval grants the role and a profile, both audited', async () => {
    const ana = await member(t(), 'QuietHeron92');
    const bo = await member(t(), 'GentleOtter92');
    const mod = await moderator(t(), 'SunnyWren92');
    const admin = await member(t(), 'MistyFinch92');
    await grantRole(t(), 'MistyFinch92', 'admin');
    await passTraining(ana);
    await passTraining(bo);
    const first = await apply(ana);
    const second = await apply(bo);

    expect((await ana.get('/api/v1/moderation/listener-applications')).statusCode).toBe(403);
    expect((await ana.post(`/api/v1/moderation/listener-applications/${first}/review`, { decision: 'approve' })).statusCode).toBe(403);
    const queue = (await mod.get('/api/v1/moderation/listener-applications')).json();
    expect(queue.items.map((a: { id: string }) => a.id)).toEqual([first, second]);
    expect(queue.items[0]).toMatchObject({ handle: 'QuietHeron92', languages: ['en'], topics: ['feeling_low', 'loneliness'] });
    expect((await admin.get('/api/v1/moderation/listener-applications')).statusCode).toBe(200);
    expect((await mod.post('/api/v1/moderation/listener-applications/NOPE/review', { decision: 'approve' })).statusCode).toBe(404);

    const changed: string[] = [];
    t().app.events.on('member.access_changed', async ({ memberId }) => void changed.push(memberId));
    expect((await ana.get('/api/v1/listeners/me/profile')).statusCode).toBe(403);
    const ok = await mod.post(`/api/v1/moderation/listener-applications/${first}/review`, { decision: 'approve', note: 'Thank you for offering.' });
    expect(ok.json()).toMatchObject({ status: 'approved', reviewNote: 'Thank you for offering.' });
    expect(changed).toHaveLength(1);
    expect((await admin.post(`/api/v1/moderation/listener-applications/${second}/review`, { decision: 'approve' })).statusCode).toBe(200);

    const self = (await ana.get('/api/v1/session')).json();
    expect(self.member.roles).toContain('listener');
    const standing = (await ana.get('/api/v1/listeners/me')).json();
    expect(standing).toMatchObject({ isListener: true, canApply: false, application: { status: 'approved', reviewNote: 'Thank you for offering.' } });
    expect((await ana.post('/api/v1/listeners/applications', application)).json().error.code).toBe('already_listener');
    const profile = (await ana.get('/api/v1/listeners/me/profile')).json();
    expect(profile).toMatchObject({ languages: ['en'], topics: ['feeling_low', 'loneliness'], capacity: 1, status: 'off', minutesOnDutyToday: 0, breakNudge: false });
    expect((await mod.get('/api/v1/moderation/listener-applications')).json().items).toEqual([]);

    const audit = await t().database.db.selectFrom('audit_log').select(['action', 'target_id']).where('action', 'like', 'listener.%').orderBy('created_at').execute();
    expect(audit).toEqual([
      { action: 'listener.approved', target_id: first },
      { action: 'listener.approved', target_id: second },
    ]);
  });

  it('tracks duty on, off and break, time on duty today, the break nudge and the daily cap', async () => {
    // Noon (UTC) tomorrow: the sessions, on the real clock, stay valid across the day and the next.
    vi.useFakeTimers({ toFake: ['Date'] });
    const noon = Math.floor(Date.now() / DAY) * DAY + DAY + 12 * 60 * MIN;
    vi.setSystemTime(noon);
    const mod = await moderator(t(), 'SunnyWren93');
    const ana = await approvedListener(t(), 'QuietHeron93', mod);
    const bo = await member(t(), 'GentleOtter93');

    expect((await bo.put('/api/v1/listeners/me/duty', { status: 'on' })).statusCode).toBe(403);
    expect((await ana.put('/api/v1/listeners/me/duty', { status: 'dancing' })).statusCode).toBe(400);
    const edit = await ana.patch('/api/v1/listeners/me/profile', { capacity: 2, languages: ['en', 'es'], topics: ['grief'] });
    expect(edit.json()).toMatchObject({ capacity: 2, languages: ['en', 'es'], topics: ['grief'] });
    expect((await ana.patch('/api/v1/listeners/me/profile', { capacity: 4 })).statusCode).toBe(400);
    expect((await ana.patch('/api/v1/listeners/me/profile', { capacity: 0 })).statusCode).toBe(400);
    expect((await ana.patch('/api/v1/listeners/me/profile', { topics: [] })).statusCode).toBe(400);

    expect((await ana.put('/api/v1/listeners/me/duty', { status: 'on' })).json()).toMatchObject({ status: 'on', minutesOnDutyToday: 0, breakNudge: false });
    expect((await ana.put('/api/v1/listeners/me/duty', { status: 'on' })).statusCode).toBe(200);
    vi.setSystemTime(noon + 119 * MIN);
    expect((await ana.get('/api/v1/listeners/me/profile')).json()).toMatchObject({ minutesOnDutyToday: 119, minutesThisStretch: 119, breakNudge: false });
    vi.setSystemTime(noon + 121 * MIN);
    expect((await ana.get('/api/v1/listeners/me/profile')).json()).toMatchObject({ minutesOnDutyToday: 121, breakNudge: true });

    const rest = (await ana.put('/api/v1/listeners/me/duty', { status: 'break' })).json();
    expect(rest).toMatchObject({ status: 'break', minutesOnDutyToday: 121, minutesThisStretch: 0, breakNudge: false });
    vi.setSystemTime(noon + 131 * MIN);
    expect((await ana.get('/api/v1/listeners/me/profile')).json().minutesOnDutyToday).toBe(121);
    await ana.put('/api/v1/listeners/me/duty', { status: 'on' });
    vi.setSystemTime(noon + 251 * MIN);
    expect((await ana.get('/api/v1/listeners/me/profile')).json()).toMatchObject({ minutesOnDutyToday: 241, capReached: true, dailyCapMinutes: 240 });
    expect((await ana.put('/api/v1/listeners/me/duty', { status: 'off' })).json().status).toBe('off');

    const capped = await ana.put('/api/v1/listeners/me/duty', { status: 'on' });
    expect(capped.statusCode).toBe(409);
    expect(capped.json().error).toMatchObject({ code: 'daily_cap_reached', message: expect.stringContaining('rest') });

    // A new (UTC) day starts afresh.
    vi.setSystemTime(noon + DAY);
    expect((await ana.get('/api/v1/listeners/me/profile')).json()).toMatchObject({ minutesOnDutyToday: 0, capReached: false });
    expect((await ana.put('/api/v1/listeners/me/duty', { status: 'on' })).statusCode).toBe(200);
  });

  it('gives the queue the listeners on duty', async () => {
    const mod = await moderator(t(), 'SunnyWren94');
    const ana = await approvedListener(t(), 'QuietHeron94', mod);
    await approvedListener(t(), 'GentleOtter94', mod);
    await ana.put('/api/v1/listeners/me/duty', { status: 'on' });
    await ana.patch('/api/v1/listeners/me/profile', { capacity: 3 });
    const { createListenerDutyService } = await import('./listeners.duty.js');
    const duty = createListenerDutyService({ db: t().database.db, dailyCapMinutes: 240 });
    const on = await duty.onDutyListeners();
    expect(on).toEqual([{ memberId: expect.any(String), languages: ['en'], topics: ['feeling_low', 'loneliness'], capacity: 3 }]);
    expect(await duty.profileOf(on[0]!.memberId)).toMatchObject({ status: 'on', capacity: 3 });
    expect(await duty.profileOf('01NOBODY00000000000000000')).toBeNull();
  });

  it("joins the member's data export, and account deletion removes it", async () => {
    const mod = await moderator(t(), 'SunnyWren95');
    const ana = await approvedListener(t(), 'QuietHeron95', mod);
    await ana.put('/api/v1/listeners/me/duty', { status: 'on' });
    await ana.put('/api/v1/listeners/me/duty', { status: 'off' });

    const data = (await ana.get('/api/v1/me/export')).json();
    expect(data.listener.training).toHaveLength(4);
    expect(data.listener.applications).toEqual([expect.objectContaining({ status: 'approved', reviewNote: 'Welcome aboard.', motivation: application.motivation })]);
    expect(data.listener.profile).toMatchObject({ capacity: 1, status: 'off' });
    expect(data.listener.timeOnDuty).toHaveLength(1);

    expect((await ana.request('DELETE', '/api/v1/me', { passphrase: 'lantern orchard pebble' })).statusCode).toBeLessThan(300);
    const db = t().database.db;
    for (const table of ['listener_training', 'listener_applications', 'listener_profiles', 'listener_duty'] as const) {
      expect(await db.selectFrom(table).selectAll().execute()).toEqual([]);
    }
  });
});
