import { afterEach, expect, it, vi } from 'vitest';
import { describeEachDialect, grantRole, startTestApp, Visitor, type TestApp } from '../../test/harness.js';

// The series meets on Tuesdays at 19:00 in New York: 24 February 2026 is 00:00 UTC on the 25th
// (EST); after 8 March it is 23:00 UTC (EDT).
const utc = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NOW = utc(2026, 2, 20, 12);
const FIRST = '2026-02-24';
const FIRST_STARTS = utc(2026, 2, 25, 0);

async function member(t: TestApp, handle: string): Promise<Visitor> {
  const v = new Visitor(t.app);
  await v.signUp(handle);
  return v;
}

async function world(t: TestApp) {
  const admin = await member(t, 'MadeUpAdmin3');
  await grantRole(t, 'MadeUpAdmin3', 'admin');
  const slug = (await admin.post('/api/v1/groups', { name: 'Made-up reminder circle', description: 'A made-up group for the reminders test.', rules: [] })).json().group.slug as string;
  const join = async (handle: string) => {
    const v = await member(t, handle);
    expect((await v.put(`/api/v1/groups/${slug}/membership`)).statusCode).toBe(200);
    return v;
  };
  const facilitator = await join('CalmFinch47');
  await grantRole(t, 'CalmFinch47', 'facilitator');
  const made = await facilitator.post(`/api/v1/groups/${slug}/meetings`, {
    title: 'Made-up reminded meeting',
    startDate: FIRST,
    startTime: '19:00',
    timeZone: 'America/New_York',
    durationMinutes: 60,
    capacity: 2,
    recurrence: { kind: 'weekly', days: ['tu'], interval: 1 },
  });
  expect(made.statusCode).toBe(201);
  const id = made.json().meeting.id as string;
  const [ana, bo, cy] = [await join('MadeUpAna48'), await join('MadeUpBo49'), await join('MadeUpCy50')];
  return { facilitator, id, ana: ana!, bo: bo!, cy: cy!, join };
}

/** Every reminder notification in the database, as [handle, kind, local date, starts at]. */
async function reminders(t: TestApp): Promise<[string, string, string | null, number | null][]> {
  const rows = await t.database.db
    .selectFrom('notifications')
    .innerJoin('members', 'members.id', 'notifications.member_id')
    .select(['members.handle', 'notifications.kind', 'notifications.local_date', 'notifications.starts_at'])
    .where('notifications.kind', 'like', 'meeting_reminder%')
    .orderBy('notifications.kind')
    .orderBy('members.handle')
    .orderBy('notifications.local_date')
    .orderBy('notifications.starts_at', 'desc')
    .execute();
  return rows.map((r) => [r.handle, r.kind, r.local_date, r.starts_at === null ? null : Number(r.starts_at)]);
}

const rsvp = (v: Visitor, id: string, date: string) => v.post(`/api/v1/meetings/${id}/occurrences/${date}/rsvp`);

afterEach(() => {
  vi.useRealTimers();
});

describeEachDialect('meeting reminders', (t, dialect) => {
  it('reminds everyone going and the leaders a day before and 15 minutes before, once each, however often and on however many nodes the job runs', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const { id, ana, bo, cy } = await world(t());
    for (const v of [ana, bo, cy]) expect((await rsvp(v, id, FIRST)).statusCode).toBe(200);

    // Not yet due.
    vi.setSystemTime(FIRST_STARTS - 25 * HOUR);
    expect(await t().app.meetingReminders.run()).toBe(0);

    vi.setSystemTime(FIRST_STARTS - 24 * HOUR + 2 * MINUTE);
    const nodeB = await startTestApp(dialect, { database: t().database });
    try {
      // Two nodes' jobs and a slow run overlapping the next tick, all at once.
      const sent = await Promise.all([t().app.meetingReminders.run(), nodeB.app.meetingReminders.run(), t().app.meetingReminders.run()]);
      expect(sent.reduce((a, b) => a + b, 0)).toBe(3);
    } finally {
      await nodeB.close();
    }
    expect(await t().app.meetingReminders.run()).toBe(0);
    // Cy waits for a seat: no reminder.
    expect(await reminders(t())).toEqual([
      ['CalmFinch47', 'meeting_reminder_24h', FIRST, FIRST_STARTS],
      ['MadeUpAna48', 'meeting_reminder_24h', FIRST, FIRST_STARTS],
      ['MadeUpBo49', 'meeting_reminder_24h', FIRST, FIRST_STARTS],
    ]);
    const [notice] = (await ana.get('/api/v1/notifications')).json().items;
    expect(notice).toMatchObject({ kind: 'meeting_reminder_24h', post: null, actor: null, meeting: { id, title: 'Made-up reminded meeting', localDate: FIRST, startsAt: FIRST_STARTS } });

    // Bo gives up the seat; Cy moves up and is reminded 15 minutes before with the others.
    await bo.delete(`/api/v1/meetings/${id}/occurrences/${FIRST}/rsvp`);
    vi.setSystemTime(FIRST_STARTS - 14 * MINUTE);
    expect((await Promise.all([t().app.meetingReminders.run(), t().app.meetingReminders.run()])).reduce((a, b) => a + b, 0)).toBe(3);
    expect((await reminders(t())).filter((r) => r[1] === 'meeting_reminder_15m').map((r) => r[0])).toEqual(['CalmFinch47', 'MadeUpAna48', 'MadeUpCy50']);

    // Once it has started, nothing more.
    vi.setSystemTime(FIRST_STARTS + MINUTE);
    expect(await t().app.meetingReminders.run()).toBe(0);
  });

  it('does not send the day-before reminder late, sends the last one to a place saved 5 minutes before, and skips cancelled meetings', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const { facilitator, id, ana, bo } = await world(t());
    await rsvp(ana, id, FIRST);
    await facilitator.post(`/api/v1/meetings/${id}/occurrences/2026-03-03/cancel`, { reason: 'A made-up holiday.' });
    await rsvp(ana, id, '2026-03-10');

    // The job was down for two hours around the day-before mark: that reminder is not sent late.
    vi.setSystemTime(FIRST_STARTS - 22 * HOUR);
    expect(await t().app.meetingReminders.run()).toBe(0);

    vi.setSystemTime(FIRST_STARTS - 5 * MINUTE);
    expect((await rsvp(bo, id, FIRST)).json().rsvp.status).toBe('going');
    expect(await t().app.meetingReminders.run()).toBe(3);
    expect((await reminders(t())).map((r) => [r[0], r[1]])).toEqual([
      ['CalmFinch47', 'meeting_reminder_15m'],
      ['MadeUpAna48', 'meeting_reminder_15m'],
      ['MadeUpBo49', 'meeting_reminder_15m'],
    ]);

    // 3 March is cancelled: its windows pass in silence.
    for (const at of [utc(2026, 3, 4, 0) - 24 * HOUR + MINUTE, utc(2026, 3, 4, 0) - 10 * MINUTE]) {
      vi.setSystemTime(at);
      expect(await t().app.meetingReminders.run()).toBe(0);
    }

    // A cancelled series reminds nobody.
    await facilitator.post(`/api/v1/meetings/${id}/cancel`);
    vi.setSystemTime(utc(2026, 3, 10, 23) - 10 * MINUTE);
    expect(await t().app.meetingReminders.run()).toBe(0);
  });

  it('follows a moved meeting to its new time, even after a reminder for the old time went out', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const { facilitator, id, ana } = await world(t());
    await rsvp(ana, id, '2026-03-10');
    const oldStart = utc(2026, 3, 10, 23);
    vi.setSystemTime(oldStart - 24 * HOUR + MINUTE);
    expect(await t().app.meetingReminders.run()).toBe(2);

    // Moved to Thursday 12 March at 18:00 New York time (22:00 UTC).
    const newStart = utc(2026, 3, 12, 22);
    expect((await facilitator.post(`/api/v1/meetings/${id}/occurrences/2026-03-10/move`, { date: '2026-03-12', time: '18:00' })).statusCode).toBe(200);
    vi.setSystemTime(oldStart - 10 * MINUTE);
    expect(await t().app.meetingReminders.run()).toBe(0);
    vi.setSystemTime(newStart - 24 * HOUR + 3 * MINUTE);
    expect(await t().app.meetingReminders.run()).toBe(2);
    vi.setSystemTime(newStart - 15 * MINUTE);
    expect(await t().app.meetingReminders.run()).toBe(2);
    expect((await reminders(t())).filter((r) => r[0] === 'MadeUpAna48')).toEqual([
      ['MadeUpAna48', 'meeting_reminder_15m', '2026-03-10', newStart],
      ['MadeUpAna48', 'meeting_reminder_24h', '2026-03-10', newStart],
      ['MadeUpAna48', 'meeting_reminder_24h', '2026-03-10', oldStart],
    ]);
  });
});
