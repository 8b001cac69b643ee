import { afterEach, expect, it, vi } from 'vitest';
import { describeEachDialect, grantRole, Visitor, type TestApp } from '../../test/harness.js';
import { wallClockInZone } from './recurrence.js';

// Expected instants are written out with Date.UTC, independently of the code under test.
// 2026's changes: New York 8 March (EST → EDT) and 1 November.
const utc = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min);
const clock = (ms: number, zone: string) => {
  const w = wallClockInZone(ms, zone);
  return `${w.date} ${w.time}`;
};

async function member(t: TestApp, handle: string): Promise<Visitor> {
  const v = new Visitor(t.app);
  await v.signUp(handle);
  return v;
}

async function joined(v: Visitor, slug: string): Promise<void> {
  expect((await v.put(`/api/v1/groups/${slug}/membership`)).statusCode).toBe(200);
}

/** A group made by an admin, a facilitator and a plain member who both joined it. */
async function world(t: TestApp) {
  const admin = await member(t, 'MadeUpAdmin1');
  await grantRole(t, 'MadeUpAdmin1', 'admin');
  const created = await admin.post('/api/v1/groups', { name: 'Made-up evening circle', description: 'A made-up group for the meetings test.', rules: [] });
  expect(created.statusCode).toBe(201);
  const slug = created.json().group.slug as string;
  const facilitator = await member(t, 'CalmFinch42');
  await grantRole(t, 'CalmFinch42', 'facilitator');
  await joined(facilitator, slug);
  const reader = await member(t, 'QuietOtter17');
  await joined(reader, slug);
  return { admin, slug, facilitator, reader };
}

const tuesdays = {
  title: 'Made-up Tuesday evening support',
  description: 'Made-up words about the meeting.',
  startDate: '2026-02-24',
  startTime: '19:00',
  timeZone: 'America/New_York',
  durationMinutes: 90,
  recurrence: { kind: 'weekly', days: ['tu'], interval: 1 },
};

afterEach(() => {
  vi.useRealTimers();
});

describeEachDialect('meetings', (t) => {
  it('lets a facilitator who joined the group schedule a series, with the default agenda and capacity; refuses others and says kindly what to fix', async () => {
    vi.useFakeTimers({ now: utc(2026, 2, 20, 12), toFake: ['Date'] });
    const { slug, facilitator, reader } = await world(t());

    const made = await facilitator.post(`/api/v1/groups/${slug}/meetings`, tuesdays);
    expect(made.statusCode).toBe(201);
    const meeting = made.json().meeting;
    expect(meeting).toMatchObject({ title: tuesdays.title, capacity: 12, timeZone: 'America/New_York', facilitator: 'CalmFinch42', cancelled: false, canManage: true });
    expect(meeting.agenda).toEqual(['Gathering', 'Welcome', 'Reading the guidelines', 'Check-in', 'Discussion', 'Close']);
    expect((await reader.get(`/api/v1/meetings/${meeting.id}`)).json().meeting.canManage).toBe(false);

    // Not a facilitator; a facilitator outside the group; a visitor.
    expect((await reader.post(`/api/v1/groups/${slug}/meetings`, tuesdays)).statusCode).toBe(403);
    const outsider = await member(t(), 'DistantWren8');
    await grantRole(t(), 'DistantWren8', 'facilitator');
    expect((await outsider.post(`/api/v1/groups/${slug}/meetings`, tuesdays)).json().error.code).toBe('not_a_member');
    expect((await new Visitor(t().app).post(`/api/v1/groups/${slug}/meetings`, tuesdays)).statusCode).toBe(401);

    const bad = await facilitator.post(`/api/v1/groups/${slug}/meetings`, { ...tuesdays, timeZone: 'Mars/Olympus_Mons', durationMinutes: 5, recurrence: { kind: 'weekly', days: [], interval: 1 } });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['durationMinutes', 'recurrence.days', 'timeZone']);
    expect(bad.json().error.fields.timeZone).toContain('time zone');

    // Edits: the facilitator may, a member may not.
    expect((await facilitator.patch(`/api/v1/meetings/${meeting.id}`, { title: 'Made-up Tuesday circle', capacity: 10 })).json().meeting).toMatchObject({ title: 'Made-up Tuesday circle', capacity: 10 });
    expect((await reader.patch(`/api/v1/meetings/${meeting.id}`, { title: 'Not mine' })).statusCode).toBe(403);
  });

  it('refuses a series that overlaps another of the same facilitator’s meetings, naming the clash', async () => {
    vi.useFakeTimers({ now: utc(2026, 2, 20, 12), toFake: ['Date'] });
    const { slug, facilitator } = await world(t());
    expect((await facilitator.post(`/api/v1/groups/${slug}/meetings`, tuesdays)).statusCode).toBe(201);

    // Tuesdays 20:00 in New York overlap 19:00–20:30; so does 01:00 UTC on Wednesdays said from London.
    const clash = await facilitator.post(`/api/v1/groups/${slug}/meetings`, { ...tuesdays, title: 'Made-up second', startTime: '20:00' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('meeting_overlap');
    expect(clash.json().error.message).toContain(tuesdays.title);
    const fromLondon = await facilitator.post(`/api/v1/groups/${slug}/meetings`, { ...tuesdays, title: 'Made-up London', timeZone: 'Europe/London', startTime: '00:30', recurrence: { kind: 'weekly', days: ['we'], interval: 1 } });
    expect(fromLondon.statusCode).toBe(409);

    // Back to back is fine; so is another day.
    expect((await facilitator.post(`/api/v1/groups/${slug}/meetings`, { ...tuesdays, title: 'Made-up later', startTime: '20:30' })).statusCode).toBe(201);
    expect((await facilitator.post(`/api/v1/groups/${slug}/meetings`, { ...tuesdays, title: 'Made-up Thursday', recurrence: { kind: 'weekly', days: ['th'], interval: 1 } })).statusCode).toBe(201);
  });

  it('lists upcoming meetings as UTC instants, so a member in London sees the New York meeting move across the March change', async () => {
    vi.useFakeTimers({ now: utc(2026, 2, 20, 12), toFake: ['Date'] });
    const { slug, facilitator, reader } = await world(t());
    expect((await facilitator.post(`/api/v1/groups/${slug}/meetings`, tuesdays)).statusCode).toBe(201);

    const res = await reader.get(`/api/v1/meetings/upcoming?from=${utc(2026, 3, 1)}&to=${utc(2026, 3, 15)}`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { startsAt: number; endsAt: number; timeZone: string; group: { slug: string }; facilitator: string; capacity: number; cancelled: boolean }[];
    expect(items.map((o) => o.startsAt)).toEqual([utc(2026, 3, 4, 0), utc(2026, 3, 10, 23)]);
    expect(items.map((o) => clock(o.startsAt, 'Europe/London'))).toEqual(['2026-03-04 00:00', '2026-03-10 23:00']);
    expect(items.map((o) => clock(o.startsAt, 'America/New_York'))).toEqual(['2026-03-03 19:00', '2026-03-10 19:00']);
    expect(items[0]).toMatchObject({ timeZone: 'America/New_York', group: { slug }, facilitator: 'CalmFinch42', capacity: 12, cancelled: false, endsAt: utc(2026, 3, 4, 1, 30) });

    // The group filter, and nobody signed in.
    expect((await reader.get(`/api/v1/meetings/upcoming?group=${slug}&from=${utc(2026, 3, 1)}&to=${utc(2026, 3, 15)}`)).json().items).toHaveLength(2);
    expect((await reader.get('/api/v1/meetings/upcoming?group=no-such-group')).statusCode).toBe(404);
    expect((await new Visitor(t().app).get('/api/v1/meetings/upcoming')).statusCode).toBe(401);
  });

  it('cancels one occurrence with a reason, and moves another across the clock change to the wall-clock time given', async () => {
    vi.useFakeTimers({ now: utc(2026, 2, 20, 12), toFake: ['Date'] });
    const { slug, facilitator, reader } = await world(t());
    const id = (await facilitator.post(`/api/v1/groups/${slug}/meetings`, tuesdays)).json().meeting.id as string;

    const cancelled = await facilitator.post(`/api/v1/meetings/${id}/occurrences/2026-03-17/cancel`, { reason: 'A made-up holiday.' });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().occurrence).toMatchObject({ localDate: '2026-03-17', cancelled: true, reason: 'A made-up holiday.' });
    expect((await reader.post(`/api/v1/meetings/${id}/occurrences/2026-03-24/cancel`, { reason: 'Not mine.' })).statusCode).toBe(403);
    expect((await facilitator.post(`/api/v1/meetings/${id}/occurrences/2026-03-18/cancel`, { reason: 'No meeting that day.' })).statusCode).toBe(404);

    // 3 March is in EST; moved to Monday 9 March at 19:00, after the change, it is 19:00 EDT (23:00 UTC).
    const moved = await facilitator.post(`/api/v1/meetings/${id}/occurrences/2026-03-03/move`, { date: '2026-03-09', time: '19:00', reason: 'A made-up clash.' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().occurrence).toMatchObject({ localDate: '2026-03-03', startsAt: utc(2026, 3, 9, 23), endsAt: utc(2026, 3, 10, 0, 30), moved: true, cancelled: false });
    // A time the spring-forward change skips moves forward by the gap, as calendar apps do.
    const skipped = await facilitator.post(`/api/v1/meetings/${id}/occurrences/2026-03-24/move`, { date: '2026-03-08', time: '02:30' });
    expect(skipped.json().occurrence.startsAt).toBe(utc(2026, 3, 8, 7, 30));
    expect(clock(skipped.json().occurrence.startsAt, 'America/New_York')).toBe('2026-03-08 03:30');
    // Into the past, and onto a clash with the facilitator's own meeting: refused.
    expect((await facilitator.post(`/api/v1/meetings/${id}/occurrences/2026-03-31/move`, { date: '2026-02-01', time: '19:00' })).statusCode).toBe(400);
    expect((await facilitator.post(`/api/v1/meetings/${id}/occurrences/2026-03-31/move`, { date: '2026-03-10', time: '19:30' })).statusCode).toBe(409);

    const items = (await reader.get(`/api/v1/meetings/upcoming?from=${utc(2026, 3, 1)}&to=${utc(2026, 3, 25)}`)).json().items as { localDate: string; startsAt: number; cancelled: boolean; moved: boolean }[];
    expect(items.map((o) => [o.localDate, clock(o.startsAt, 'America/New_York'), o.cancelled, o.moved])).toEqual([
      ['2026-03-24', '2026-03-08 03:30', false, true],
      ['2026-03-03', '2026-03-09 19:00', false, true],
      ['2026-03-10', '2026-03-10 19:00', false, false],
      ['2026-03-17', '2026-03-17 19:00', true, false],
    ]);

    // Cancelling the series ends its listing.
    expect((await reader.post(`/api/v1/meetings/${id}/cancel`)).statusCode).toBe(403);
    expect((await facilitator.post(`/api/v1/meetings/${id}/cancel`)).json().meeting.cancelled).toBe(true);
    expect((await reader.get(`/api/v1/meetings/upcoming?from=${utc(2026, 3, 1)}&to=${utc(2026, 3, 25)}`)).json().items).toEqual([]);
  });

  it('exports the series as iCalendar with TZID, RRULE and EXDATE, and no handles or member ids', async () => {
    vi.useFakeTimers({ now: utc(2026, 2, 20, 12), toFake: ['Date'] });
    const { slug, facilitator, reader } = await world(t());
    const id = (await facilitator.post(`/api/v1/groups/${slug}/meetings`, { ...tuesdays, until: '2026-06-30' })).json().meeting.id as string;
    await facilitator.post(`/api/v1/meetings/${id}/occurrences/2026-03-17/cancel`, { reason: 'A made-up holiday.' });
    await facilitator.post(`/api/v1/meetings/${id}/occurrences/2026-03-03/move`, { date: '2026-03-09', time: '19:00' });

    const res = await reader.get(`/api/v1/meetings/${id}/calendar.ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const ics = res.body.replace(/\r\n[ \t]/g, ''); // unfold
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('DTSTART;TZID=America/New_York:20260224T190000');
    expect(ics).toContain('DTEND;TZID=America/New_York:20260224T203000');
    expect(ics).toMatch(/RRULE:FREQ=WEEKLY;.*BYDAY=TU/);
    expect(ics).toContain('UNTIL=20260630T230000Z');
    expect(ics).toContain('EXDATE;TZID=America/New_York:20260303T190000,20260317T190000');
    expect(ics).toContain('RECURRENCE-ID;TZID=America/New_York:20260303T190000');
    expect(ics).toContain('DTSTART;TZID=America/New_York:20260309T190000');
    expect(ics).toContain(tuesdays.title);
    expect(ics).toContain('Made-up evening circle');
    expect(ics).toContain(`/meetings/${id}`);
    const ids = (await t().database.db.selectFrom('members').select(['id', 'handle']).execute()).flatMap((m) => [m.id, m.handle]);
    for (const personal of ids) expect(ics.toLowerCase()).not.toContain(personal.toLowerCase());
    expect(ics).not.toContain('ORGANIZER');
    expect(ics).not.toContain('ATTENDEE');
    expect((await new Visitor(t().app).get(`/api/v1/meetings/${id}/calendar.ics`)).statusCode).toBe(401);
  });
});
