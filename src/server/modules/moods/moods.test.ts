import { describe, expect, it } from 'vitest';
import { addDays, utcDay } from '../../../shared/moods.js';
import { describeEachDialect, makeAdmin, Visitor, type TestApp } from '../../test/harness.js';
import { lowStretch } from './moods.service.js';

const rule = { lowDays: 5, windowDays: 7, lowAt: 2 };
const TODAY = '2026-03-10';
/** Day means for the days ending today, oldest first. */
const days = (...means: number[]) => new Map(means.map((m, i) => [addDays(TODAY, i - means.length + 1), m]));

describe('the low-stretch rule', () => {
  it('needs 5 low days of the last 7, today among them', () => {
    expect(lowStretch(days(1, 2, 2, 1), TODAY, null, rule)).toBeNull();
    expect(lowStretch(days(1, 2, 2, 1, 2), TODAY, null, rule)).toEqual({ lowDays: 5, windowDays: 7 });
    expect(lowStretch(days(1, 4, 2, 5, 2, 1, 2), TODAY, null, rule)).toEqual({ lowDays: 5, windowDays: 7 });
    // Today was better: nothing is offered on a better day.
    expect(lowStretch(days(1, 2, 2, 1, 2, 3), TODAY, null, rule)).toBeNull();
    // A day's mean counts: 2.5 is not low.
    expect(lowStretch(days(1, 2, 2, 1, 2.5), TODAY, null, rule)).toBeNull();
    // Low days more than 7 days ago do not count.
    expect(lowStretch(days(1, 1, 1, 1, 4, 4, 4, 4, 1), TODAY, null, rule)).toBeNull();
  });

  it('offers again only for a new stretch that began after a better day', () => {
    const offered = addDays(TODAY, -1);
    expect(lowStretch(days(1, 1, 1, 1, 1, 1, 1), TODAY, offered, rule)).toBeNull();
    // A better day after the offer, then only one low day: not yet a new stretch.
    expect(lowStretch(days(1, 1, 1, 1, 1, 4, 1), TODAY, addDays(TODAY, -2), rule)).toBeNull();
    const longer = new Map([...days(1, 1, 1, 1, 1, 4, 1, 1, 1, 1, 1)]);
    expect(lowStretch(longer, TODAY, addDays(TODAY, -6), rule)).toEqual({ lowDays: 5, windowDays: 7 });
  });
});

async function member(t: TestApp, handle: string): Promise<Visitor> {
  const v = new Visitor(t.app);
  await v.signUp(handle);
  return v;
}

describeEachDialect('mood check-ins', (t) => {
  it('records, lists for 30 and 90 days and deletes only the member’s own, with notes nobody else sees', async () => {
    const ana = await member(t(), 'WillowKite23');
    const today = utcDay(Date.now());
    const first = await ana.post('/api/v1/me/moods', { mood: 3, feelings: ['tired', 'hopeful'], note: '  A made-up quiet note.  ', day: today });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ checkIn: { mood: 3, feelings: ['tired', 'hopeful'], note: 'A made-up quiet note.', day: today }, offer: null });
    const bare = await ana.post('/api/v1/me/moods', { mood: 4 });
    expect(bare.json().checkIn).toMatchObject({ mood: 4, feelings: [], note: '', day: today });
    // An old check-in, straight into the database: in the 90-day view, not the 30-day one.
    await t().database.db.insertInto('mood_checkins').values({ id: '01OLDCHECKIN0000000000000A', member_id: (await t().database.db.selectFrom('members').select('id').where('handle', '=', 'WillowKite23').executeTakeFirstOrThrow()).id, mood: 2, day: addDays(today, -60), created_at: Date.now() - 60 * 86_400_000 }).execute();

    const month = (await ana.get('/api/v1/me/moods')).json();
    expect(month.days).toBe(30);
    expect(month.checkIns.map((c: { mood: number }) => c.mood)).toEqual([3, 4]);
    expect((await ana.get('/api/v1/me/moods?days=90')).json().checkIns.map((c: { mood: number }) => c.mood)).toEqual([2, 3, 4]);
    expect((await ana.get('/api/v1/me/moods?days=7')).statusCode).toBe(400);

    const admin = await member(t(), 'SlateOtter61');
    await makeAdmin(t(), 'SlateOtter61');
    const theirs = await admin.get('/api/v1/me/moods?days=90');
    expect(theirs.json().checkIns).toEqual([]);
    expect(theirs.body).not.toContain('made-up quiet note');
    expect((await admin.delete(`/api/v1/me/moods/${first.json().checkIn.id}`)).statusCode).toBe(404);
    expect((await new Visitor(t().app).get('/api/v1/me/moods')).statusCode).toBe(401);

    expect((await ana.delete(`/api/v1/me/moods/${first.json().checkIn.id}`)).statusCode).toBe(204);
    expect((await ana.get('/api/v1/me/moods')).json().checkIns.map((c: { mood: number }) => c.mood)).toEqual([4]);
  });

  it('answers a wrong mood, word, note or date kindly and keeps nothing', async () => {
    const ana = await member(t(), 'BirchWren70');
    const far = addDays(utcDay(Date.now()), -3);
    for (const [body, field] of [
      [{ mood: 0 }, 'mood'],
      [{ mood: 6 }, 'mood'],
      [{ mood: 3, feelings: ['ecstatic'] }, 'feelings'],
      [{ mood: 3, feelings: ['sad', 'sad'] }, 'feelings'],
      [{ mood: 3, note: 'x'.repeat(281) }, 'note'],
      [{ mood: 3, day: far }, 'day'],
      [{ mood: 3, day: 'yesterday' }, 'day'],
    ] as const) {
      const res = await ana.post('/api/v1/me/moods', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.json().error.fields ?? {}).join(' '), JSON.stringify(body)).toContain(field);
    }
    expect((await ana.get('/api/v1/me/moods')).json().checkIns).toEqual([]);
  });

  it('gently offers help once per low stretch, and again only after a better day and a new stretch', async () => {
    const ana = await member(t(), 'FernPebble39');
    const { db } = t().database;
    const { id } = await db.selectFrom('members').select('id').where('handle', '=', 'FernPebble39').executeTakeFirstOrThrow();
    const today = utcDay(Date.now());
    // Four low days before today, straight into the database (the API only takes today's).
    for (let i = 1; i <= 4; i++) await db.insertInto('mood_checkins').values({ id: `01LOWDAY000000000000000${i}AA`, member_id: id, mood: 1 + (i % 2), day: addDays(today, -i), created_at: Date.now() - i * 86_400_000 }).execute();

    const fifth = await ana.post('/api/v1/me/moods', { mood: 2, day: today });
    expect(fifth.json().offer).toEqual({ lowDays: 5, windowDays: 7 });
    // Not again in the same stretch, however low.
    expect((await ana.post('/api/v1/me/moods', { mood: 1, day: today })).json().offer).toBeNull();
    const offer = await db.selectFrom('mood_low_offers').selectAll().where('member_id', '=', id).executeTakeFirstOrThrow();
    expect(offer.offered_day).toBe(today);

    // Had the offer come a week ago, a better day since and five low days after it make a new stretch.
    await db.updateTable('mood_low_offers').set({ offered_day: addDays(today, -7) }).where('member_id', '=', id).execute();
    expect((await ana.post('/api/v1/me/moods', { mood: 1, day: today })).json().offer).toBeNull();
    await db.insertInto('mood_checkins').values({ id: '01BETTERDAY000000000000000', member_id: id, mood: 4, day: addDays(today, -6), created_at: Date.now() - 6 * 86_400_000 }).execute();
    expect((await ana.post('/api/v1/me/moods', { mood: 1, day: today })).json().offer).toEqual({ lowDays: 5, windowDays: 7 });
    expect((await ana.post('/api/v1/me/moods', { mood: 1, day: today })).json().offer).toBeNull();

    // The rule is the operator's, and its state goes with the member's data.
    const exported = (await ana.get('/api/v1/me/export')).json().moods;
    expect(exported.lowStretchLastOffered).toMatchObject({ day: today });
    expect(exported.checkIns.length).toBeGreaterThanOrEqual(9);
    expect((await ana.request('DELETE', '/api/v1/me', { passphrase: 'lantern orchard pebble' })).statusCode).toBeLessThan(300);
    expect(await db.selectFrom('mood_checkins').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('mood_low_offers').selectAll().execute()).toEqual([]);
  });
});

describeEachDialect(
  'mood check-ins with a stricter rule',
  (t) => {
    it('follows the operator’s MOOD_LOW_DAYS and MOOD_LOW_AT', async () => {
      const ana = await member(t(), 'HazelBrook12');
      // 1 of 1 day at 1 or lower: a single very low day is a stretch here; a 2 is not.
      expect((await ana.post('/api/v1/me/moods', { mood: 2 })).json().offer).toBeNull();
      expect((await ana.post('/api/v1/me/moods', { mood: 1 })).json().offer).toBeNull(); // the day's mean is 1.5
      expect((await ana.post('/api/v1/me/moods', { mood: 1 })).json().offer).toBeNull(); // 1.33
      const fresh = await member(t(), 'HazelBrook13');
      expect((await fresh.post('/api/v1/me/moods', { mood: 1 })).json().offer).toEqual({ lowDays: 1, windowDays: 1 });
    });
  },
  { config: { MOOD_LOW_DAYS: 1, MOOD_LOW_WINDOW_DAYS: 1, MOOD_LOW_AT: 1 } },
);
