import { describe, expect, it } from 'vitest';
import { bandFor, scoreSelfCheck, type Answer } from '../../../shared/selfcheck.js';
import { describeEachDialect, makeAdmin, Visitor, type TestApp } from '../../test/harness.js';

/** Nine answers adding up to `total`, item 9 left at `item9`. */
function answersFor(total: number, item9: Answer = 0): Answer[] {
  const answers: Answer[] = [0, 0, 0, 0, 0, 0, 0, 0, item9];
  let left = total - item9;
  for (let i = 0; i < 8 && left > 0; i++) {
    const a = Math.min(3, left) as Answer;
    answers[i] = a;
    left -= a;
  }
  if (left !== 0) throw new Error(`cannot make ${total} with item 9 at ${item9}`);
  return answers;
}

describe('PHQ-9 scoring', () => {
  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'moderatelySevere'],
    [19, 'moderatelySevere'],
    [20, 'severe'],
    [27, 'severe'],
  ] as const)('a total of %i is %s', (total, band) => {
    const score = scoreSelfCheck('phq9', answersFor(total, total === 27 ? 3 : 0));
    expect(score.total).toBe(total);
    expect(score.band).toBe(band);
    expect(bandFor(total)).toBe(band);
    expect(score.max).toBe(27);
  });

  it('suggests a professional from moderate up, never below', () => {
    expect(scoreSelfCheck('phq9', answersFor(9)).suggestProfessional).toBe(false);
    expect(scoreSelfCheck('phq9', answersFor(10)).suggestProfessional).toBe(true);
    expect(scoreSelfCheck('phq9', answersFor(20)).suggestProfessional).toBe(true);
  });

  it('flags item 9 for any answer but "Not at all", whatever the total', () => {
    expect(scoreSelfCheck('phq9', answersFor(0, 0)).item9Positive).toBe(false);
    expect(scoreSelfCheck('phq9', answersFor(18, 0)).item9Positive).toBe(false);
    for (const a of [1, 2, 3] as const) {
      const score = scoreSelfCheck('phq9', answersFor(a, a));
      expect(score.item9Positive, `item 9 at ${a}`).toBe(true);
      // A total this low is still "minimal": the crisis help does not depend on the band.
      expect(score.band).toBe('minimal');
    }
  });

  it('scores the PHQ-2 from 0 to 6, positive from 3, with no band and no item 9', () => {
    expect(scoreSelfCheck('phq2', [1, 1])).toMatchObject({ total: 2, max: 6, band: null, positiveScreen: false, item9Positive: false });
    expect(scoreSelfCheck('phq2', [2, 1])).toMatchObject({ total: 3, positiveScreen: true });
    expect(scoreSelfCheck('phq2', [3, 3])).toMatchObject({ total: 6, positiveScreen: true });
  });

  it('gives no total for a form that is not complete or not 0–3', () => {
    expect(() => scoreSelfCheck('phq9', [0, 1, 2])).toThrow(RangeError);
    expect(() => scoreSelfCheck('phq2', [0, 1, 2])).toThrow(RangeError);
    expect(() => scoreSelfCheck('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 4])).toThrow(RangeError);
    expect(() => scoreSelfCheck('phq9', [0, 0, 0, 0, 0, 0, 0, 0.5, 0])).toThrow(RangeError);
  });
});

async function member(t: TestApp, handle: string): Promise<Visitor> {
  const v = new Visitor(t.app);
  await v.signUp(handle);
  return v;
}

describeEachDialect('kept self-check results', (t) => {
  it('keeps, lists, scores on the server and deletes only the member’s own results', async () => {
    const ana = await member(t(), 'QuietHeron52');
    const kept = await ana.post('/api/v1/me/self-checks', { kind: 'phq9', answers: [2, 2, 2, 2, 1, 1, 1, 0, 1], difficulty: 2 });
    expect(kept.statusCode).toBe(201);
    expect(kept.json().result).toMatchObject({ kind: 'phq9', total: 12, band: 'moderate', item9Positive: true, difficulty: 2, answers: [2, 2, 2, 2, 1, 1, 1, 0, 1] });
    const short = await ana.post('/api/v1/me/self-checks', { kind: 'phq2', answers: [1, 0] });
    expect(short.json().result).toMatchObject({ kind: 'phq2', total: 1, band: null, item9Positive: false, difficulty: null });

    const list = (await ana.get('/api/v1/me/self-checks')).json().results;
    expect(list.map((r: { total: number }) => r.total)).toEqual([1, 12]);

    // Someone else's result does not exist for them, and nobody else's list shows it.
    const ben = await member(t(), 'MossyLantern08');
    await makeAdmin(t(), 'MossyLantern08');
    expect((await ben.get('/api/v1/me/self-checks')).json().results).toEqual([]);
    expect((await ben.delete(`/api/v1/me/self-checks/${kept.json().result.id}`)).statusCode).toBe(404);
    expect((await new Visitor(t().app).get('/api/v1/me/self-checks')).statusCode).toBe(401);

    expect((await ana.delete(`/api/v1/me/self-checks/${kept.json().result.id}`)).statusCode).toBe(204);
    expect((await ana.delete(`/api/v1/me/self-checks/${kept.json().result.id}`)).statusCode).toBe(404);
    expect((await ana.get('/api/v1/me/self-checks')).json().results).toHaveLength(1);
  });

  it('answers a half-filled or strange form kindly, with no result kept', async () => {
    const ana = await member(t(), 'AmberFinch17');
    const cases = [
      { kind: 'phq9', answers: [1, 1] },
      { kind: 'phq2', answers: [1, 1, 1] },
      { kind: 'phq9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 4] },
      { kind: 'gad7', answers: [0, 0] },
      { kind: 'phq9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 0], difficulty: 9 },
    ];
    for (const body of cases) {
      const res = await ana.post('/api/v1/me/self-checks', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      // A kind word for the field, never a bare schema message.
      expect(JSON.stringify(res.json().error)).toMatch(/Please/);
    }
    expect((await ana.get('/api/v1/me/self-checks')).json().results).toEqual([]);
  });

  it('exports the results with the member’s data and erases them with the account', async () => {
    const ana = await member(t(), 'CedarMoth44');
    await ana.post('/api/v1/me/self-checks', { kind: 'phq9', answers: [0, 1, 0, 1, 0, 1, 0, 1, 0] });
    const exported = (await ana.get('/api/v1/me/export')).json();
    expect(exported.selfChecks).toEqual([expect.objectContaining({ kind: 'phq9', total: 4, band: 'minimal', answers: [0, 1, 0, 1, 0, 1, 0, 1, 0] })]);
    const deleted = await ana.request('DELETE', '/api/v1/me', { passphrase: 'lantern orchard pebble' });
    expect(deleted.statusCode).toBeLessThan(300);
    expect(await t().database.db.selectFrom('self_check_results').selectAll().execute()).toEqual([]);
  });
});
