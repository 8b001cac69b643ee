import { describe, expect, it } from 'vitest';
import { FACILITATOR_MODULES } from '../../../shared/facilitators.js';
import { describeEachDialect, makeAdmin, Visitor, type TestApp } from '../../test/harness.js';
import { FACILITATOR_TRAINING, facilitatorModule, facilitatorTrainingFor } from './facilitators.training.js';
import { FACILITATOR_TRAINING_ES } from './facilitators.training.es.js';

const rightAnswers = (module: string) => Object.fromEntries(FACILITATOR_TRAINING.find((m) => m.id === module)!.questions.map((q) => [q.id, q.correct]));

async function member(t: TestApp, handle: string): Promise<Visitor> {
  const v = new Visitor(t.app);
  await v.signUp(handle);
  return v;
}

/** What a quiz is checked by: module, question and option ids and the right answers, without any words. */
const quizShape = (modules: typeof FACILITATOR_TRAINING) =>
  modules.map((m) => ({ id: m.id, questions: m.questions.map((q) => ({ id: q.id, options: q.options.map((o) => o.id), correct: q.correct })) }));

describe('facilitator training content', () => {
  it('keeps the Spanish quizzes checked exactly like the English ones, with kind hints and no method details', () => {
    expect(FACILITATOR_TRAINING.map((m) => m.id)).toEqual([...FACILITATOR_MODULES]);
    expect(quizShape(FACILITATOR_TRAINING_ES)).toEqual(quizShape(FACILITATOR_TRAINING));
    for (const [i, es] of FACILITATOR_TRAINING_ES.entries()) {
      const en = FACILITATOR_TRAINING[i]!;
      expect(es.title, es.id).not.toBe(en.title);
      expect(en.questions.length, en.id).toBeGreaterThanOrEqual(3);
      expect(en.questions.length, en.id).toBeLessThanOrEqual(4);
      for (const [j, q] of es.questions.entries()) {
        expect(q.options.map((o) => o.id), `${es.id} ${q.id}`).toContain(q.correct);
        expect(q.prompt).not.toBe(en.questions[j]!.prompt);
        expect(q.hint, `${es.id} ${q.id}`).toMatch(/^Vuelve a leer/);
        expect(en.questions[j]!.hint, `${en.id} ${q.id}`).toMatch(/^Have another look/);
      }
    }
    expect(facilitatorTrainingFor('fr')).toEqual({ language: 'en', modules: FACILITATOR_TRAINING });
    expect(facilitatorModule('crisis_handoff', 'es')).toMatchObject({ language: 'es', title: 'Cuando alguien está en crisis' });
  });
});

describeEachDialect('facilitator programme', (t) => {
  it('serves the modules in English and Spanish without answers, checks quizzes with kind hints, and keeps progress', async () => {
    const ana = await member(t(), 'GentleWren31');
    const overview = (await ana.get('/api/v1/facilitators/training')).json();
    expect(overview).toMatchObject({ allPassed: false });
    expect(overview.modules.map((m: { id: string }) => m.id)).toEqual([...FACILITATOR_MODULES]);

    for (const m of FACILITATOR_MODULES) {
      for (const lang of ['en', 'es']) {
        const page = await ana.get(`/api/v1/facilitators/training/${m}?lang=${lang}`);
        expect(page.statusCode).toBe(200);
        expect(page.json()).toMatchObject({ id: m, language: lang, passedAt: null });
        expect(page.json().questions.length).toBeGreaterThanOrEqual(3);
        expect(page.body).not.toMatch(/"correct"|"hint"/);
      }
    }
    expect((await ana.get('/api/v1/facilitators/training/meeting_format?lang=es')).json().title).toBe('Cómo es una reunión');
    expect((await ana.get('/api/v1/facilitators/training/nope')).statusCode).toBe(400);

    const answers = rightAnswers('meeting_format');
    const failed = await ana.post('/api/v1/facilitators/training/meeting_format/answers', { answers: { ...answers, q3: 'c' } });
    expect(failed.statusCode).toBe(200);
    expect(failed.json()).toMatchObject({ passed: false, passedAt: null, revisit: [{ id: 'q3' }] });
    expect(failed.json().revisit[0].hint).toMatch(/another look/);
    const failedEs = await ana.post('/api/v1/facilitators/training/meeting_format/answers?lang=es', { answers: {} });
    expect(failedEs.json().revisit.map((q: { id: string }) => q.id)).toEqual(['q1', 'q2', 'q3', 'q4']);
    expect(failedEs.json().revisit[0].hint).toMatch(/^Vuelve a leer/);

    const passed = await ana.post('/api/v1/facilitators/training/meeting_format/answers', { answers });
    expect(passed.json()).toMatchObject({ passed: true, revisit: [], passedAt: expect.any(Number) });
    expect(passed.json().progress.modules[0].passedAt).toBe(passed.json().passedAt);
    // Passing again keeps the first time.
    const again = await ana.post('/api/v1/facilitators/training/meeting_format/answers', { answers });
    expect(again.json().passedAt).toBe(passed.json().passedAt);

    const me = (await ana.get('/api/v1/facilitators/me')).json();
    expect(me).toMatchObject({ isFacilitator: false, training: { allPassed: false } });
    // The listener training is separate.
    expect((await ana.get('/api/v1/listeners/training')).json().modules.every((m: { passedAt: number | null }) => m.passedAt === null)).toBe(true);
    expect((await new Visitor(t().app).get('/api/v1/facilitators/me')).statusCode).toBe(401);
  });

  it('refuses to make a member a facilitator until they have passed every module, then allows it', async () => {
    const admin = await member(t(), 'KindAdmin7');
    await makeAdmin(t(), 'KindAdmin7');
    const bo = await member(t(), 'SteadyOtter12');
    const id = (await admin.get('/api/v1/admin/members?q=steadyotter12')).json().items[0].id as string;

    const refused = await admin.put(`/api/v1/admin/members/${id}/roles`, { roles: ['facilitator'] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'facilitator_training_incomplete' });
    expect(refused.json().error.message).toContain('SteadyOtter12');
    // Other roles are granted as before.
    expect((await admin.put(`/api/v1/admin/members/${id}/roles`, { roles: ['listener'] })).statusCode).toBe(200);

    for (const m of FACILITATOR_MODULES.slice(0, 2)) await bo.post(`/api/v1/facilitators/training/${m}/answers`, { answers: rightAnswers(m) });
    expect((await admin.put(`/api/v1/admin/members/${id}/roles`, { roles: ['listener', 'facilitator'] })).statusCode).toBe(409);
    await bo.post('/api/v1/facilitators/training/crisis_handoff/answers', { answers: rightAnswers('crisis_handoff') });
    expect((await bo.get('/api/v1/facilitators/me')).json()).toMatchObject({ isFacilitator: false, training: { allPassed: true } });

    const granted = await admin.put(`/api/v1/admin/members/${id}/roles`, { roles: ['listener', 'facilitator'] });
    expect(granted.statusCode).toBe(200);
    expect(granted.json().member.roles).toContain('facilitator');
    expect((await bo.get('/api/v1/facilitators/me')).json()).toMatchObject({ isFacilitator: true });
    // Keeping the role while changing others needs no new check.
    expect((await admin.put(`/api/v1/admin/members/${id}/roles`, { roles: ['facilitator'] })).statusCode).toBe(200);
  });
});
