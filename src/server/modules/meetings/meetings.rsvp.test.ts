import { afterEach, expect, it, vi } from 'vitest';
import { describeEachDialect, grantRole, Visitor, type TestApp } from '../../test/harness.js';

// Times are written out with Date.UTC. The series below meets on Tuesdays at 19:00 in New York
// (EST until 8 March 2026, so 00:00 UTC on Wednesday).
const utc = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min);
const NOW = utc(2026, 2, 20, 12);
const FIRST = '2026-02-24';
const FIRST_STARTS = utc(2026, 2, 25, 0);

async function member(t: TestApp, handle: string): Promise<Visitor> {
  const v = new Visitor(t.app);
  await v.signUp(handle);
  return v;
}

async function joined(v: Visitor, slug: string): Promise<Visitor> {
  expect((await v.put(`/api/v1/groups/${slug}/membership`)).statusCode).toBe(200);
  return v;
}

/** A group, a facilitator who joined it and a series of theirs with `capacity` seats. */
async function world(t: TestApp, capacity = 2, startDate = FIRST) {
  const admin = await member(t, 'MadeUpAdmin2');
  await grantRole(t, 'MadeUpAdmin2', 'admin');
  const created = await admin.post('/api/v1/groups', { name: 'Made-up Tuesday circle', description: 'A made-up group for the RSVP test.', rules: [] });
  const slug = created.json().group.slug as string;
  const facilitator = await joined(await member(t, 'CalmFinch43'), slug);
  await grantRole(t, 'CalmFinch43', 'facilitator');
  const made = await facilitator.post(`/api/v1/groups/${slug}/meetings`, {
    title: 'Made-up Tuesday evening support',
    startDate,
    startTime: '19:00',
    timeZone: 'America/New_York',
    durationMinutes: 90,
    capacity,
    recurrence: { kind: 'weekly', days: ['tu'], interval: 1 },
  });
  expect(made.statusCode).toBe(201);
  const id = made.json().meeting.id as string;
  const people = async (n: number, prefix = 'MadeUpPeer') => Promise.all(Array.from({ length: n }, async (_, i) => joined(await member(t, `${prefix}${i + 10}`), slug)));
  return { admin, slug, facilitator, id, people };
}

const rsvpUrl = (id: string, date = FIRST) => `/api/v1/meetings/${id}/occurrences/${date}/rsvp`;

async function notices(v: Visitor): Promise<{ kind: string; meeting?: { id: string; title: string; localDate: string; startsAt: number } }[]> {
  return (await v.get('/api/v1/notifications')).json().items;
}

async function seatsIn(t: TestApp, id: string, date = FIRST): Promise<Record<string, string>> {
  const rows = await t.database.db.selectFrom('meeting_rsvps').select(['member_id', 'status']).where('meeting_id', '=', id).where('local_date', '=', date).execute();
  return Object.fromEntries(rows.map((r) => [r.member_id, r.status]));
}

afterEach(() => {
  vi.useRealTimers();
});

describeEachDialect('meeting RSVPs and the waitlist', (t) => {
  it('saves a seat, answers the same place when asked again, and shows seats in the occurrence, the series and the upcoming list', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const { id, people } = await world(t(), 3);
    const [ana, bo] = await people(2);

    const first = await ana!.post(rsvpUrl(id));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ rsvp: { status: 'going', position: null }, occurrence: { localDate: FIRST, startsAt: FIRST_STARTS, going: 1, waitlist: 0, capacity: 3, myRsvp: { status: 'going', position: null } } });
    const again = await ana!.post(rsvpUrl(id));
    expect(again.json().rsvp).toEqual({ status: 'going', position: null });
    expect(again.json().occurrence.going).toBe(1);

    const seen = await bo!.get(`/api/v1/meetings/${id}/occurrences/${FIRST}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().occurrence).toMatchObject({ going: 1, waitlist: 0, myRsvp: null });

    const series = (await ana!.get(`/api/v1/meetings/${id}/occurrences?limit=3`)).json().items as { localDate: string; going: number; myRsvp: unknown }[];
    expect(series.map((o) => [o.localDate, o.going, o.myRsvp])).toEqual([
      [FIRST, 1, { status: 'going', position: null }],
      ['2026-03-03', 0, null],
      ['2026-03-10', 0, null],
    ]);
    const upcoming = (await ana!.get(`/api/v1/meetings/upcoming?from=${NOW}&to=${utc(2026, 3, 5)}`)).json().items as { localDate: string; going: number; myRsvp: unknown }[];
    expect(upcoming.map((o) => [o.localDate, o.going, o.myRsvp])).toEqual([
      [FIRST, 1, { status: 'going', position: null }],
      ['2026-03-03', 0, null],
    ]);
    expect((await bo!.get(`/api/v1/meetings/${id}/occurrences/2026-02-25`)).statusCode).toBe(404);
  });

  it('refuses kindly: outside the group, a leader, no meeting that day, a cancelled one, after the start, a suspended member, nobody signed in', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const { id, facilitator, people } = await world(t());
    const [ana, suspended] = await people(2);
    const outsider = await member(t(), 'DistantWren9');

    const notJoined = await outsider.post(rsvpUrl(id));
    expect(notJoined.statusCode).toBe(403);
    expect(notJoined.json().error).toMatchObject({ code: 'not_a_member' });
    expect(notJoined.json().error.message).toContain('Please join this group first');
    expect((await facilitator.post(rsvpUrl(id))).json().error.code).toBe('leader_has_place');
    expect((await ana!.post(rsvpUrl(id, '2026-02-25'))).statusCode).toBe(404);
    expect((await new Visitor(t().app).post(rsvpUrl(id))).statusCode).toBe(401);

    await facilitator.post(`/api/v1/meetings/${id}/occurrences/2026-03-03/cancel`, { reason: 'A made-up holiday.' });
    const offDay = await ana!.post(rsvpUrl(id, '2026-03-03'));
    expect(offDay.statusCode).toBe(409);
    expect(offDay.json().error).toMatchObject({ code: 'occurrence_cancelled' });
    expect(offDay.json().error.message).toContain('A made-up holiday.');

    await t().database.db.updateTable('members').set({ suspended_until: NOW + 86_400_000 }).where('handle', '=', 'MadeUpPeer11').execute();
    expect((await suspended!.post(rsvpUrl(id))).json().error.code).toBe('suspended');

    vi.setSystemTime(FIRST_STARTS + 60_000);
    const late = await ana!.post(rsvpUrl(id));
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('rsvp_after_start');
    expect(late.json().error.message).toContain('already started');

    await facilitator.post(`/api/v1/meetings/${id}/cancel`);
    expect((await ana!.post(rsvpUrl(id, '2026-03-10'))).json().error.code).toBe('meeting_cancelled');
  });

  it('puts members on the waitlist once the seats are taken, promotes the first when a seat frees, and tells them', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const { id, facilitator, people } = await world(t(), 2);
    const [ana, bo, cy, di] = await people(4);
    await ana!.post(rsvpUrl(id));
    vi.advanceTimersByTime(1000);
    await bo!.post(rsvpUrl(id));
    vi.advanceTimersByTime(1000);
    const third = await cy!.post(rsvpUrl(id));
    expect(third.json()).toMatchObject({ rsvp: { status: 'waitlist', position: 1 }, occurrence: { going: 2, waitlist: 1 } });
    vi.advanceTimersByTime(1000);
    expect((await di!.post(rsvpUrl(id))).json().rsvp).toEqual({ status: 'waitlist', position: 2 });
    // Leaders take no seat: the facilitator's own view counts the same.
    expect((await facilitator.get(`/api/v1/meetings/${id}/occurrences/${FIRST}`)).json().occurrence).toMatchObject({ going: 2, waitlist: 2, myRsvp: null });

    // Someone waiting gives up their place: nobody moves into a seat, the one behind moves up.
    const leftQueue = await di!.delete(rsvpUrl(id));
    expect(leftQueue.json()).toMatchObject({ rsvp: null, occurrence: { going: 2, waitlist: 1, myRsvp: null } });
    await di!.post(rsvpUrl(id));

    const cancelled = await ana!.delete(rsvpUrl(id));
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ rsvp: null, occurrence: { going: 2, waitlist: 1, myRsvp: null } });
    expect((await cy!.get(`/api/v1/meetings/${id}/occurrences/${FIRST}`)).json().occurrence.myRsvp).toEqual({ status: 'going', position: null });
    expect((await di!.get(`/api/v1/meetings/${id}/occurrences/${FIRST}`)).json().occurrence.myRsvp).toEqual({ status: 'waitlist', position: 1 });
    const told = await notices(cy!);
    expect(told).toEqual([expect.objectContaining({ kind: 'meeting_promoted', meeting: { id, title: 'Made-up Tuesday evening support', localDate: FIRST, startsAt: FIRST_STARTS } })]);
    expect((await cy!.get('/api/v1/notifications/unread-count')).json().unread).toBe(1);
    expect(await notices(di!)).toEqual([]);
    // Cancelling again changes nothing.
    expect((await ana!.delete(rsvpUrl(id))).json().occurrence).toMatchObject({ going: 2, waitlist: 1 });
  });

  it('keeps everyone going when the capacity goes down (new RSVPs wait), and fills new seats from the waitlist when it goes up', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const { id, facilitator, people } = await world(t(), 3);
    const [ana, bo, cy, di, ed] = await people(5);
    for (const v of [ana, bo, cy]) {
      await v!.post(rsvpUrl(id));
      vi.advanceTimersByTime(1000);
    }
    expect((await facilitator.patch(`/api/v1/meetings/${id}`, { capacity: 2 })).statusCode).toBe(200);
    expect((await facilitator.get(`/api/v1/meetings/${id}/occurrences/${FIRST}`)).json().occurrence).toMatchObject({ going: 3, capacity: 2 });
    expect((await di!.post(rsvpUrl(id))).json().rsvp).toEqual({ status: 'waitlist', position: 1 });
    vi.advanceTimersByTime(1000);
    await ed!.post(rsvpUrl(id));
    // Three going for two seats: the first to leave frees no seat.
    await ana!.delete(rsvpUrl(id));
    expect((await di!.get(`/api/v1/meetings/${id}/occurrences/${FIRST}`)).json().occurrence.myRsvp).toEqual({ status: 'waitlist', position: 1 });
    await bo!.delete(rsvpUrl(id));
    expect((await di!.get(`/api/v1/meetings/${id}/occurrences/${FIRST}`)).json().occurrence.myRsvp).toEqual({ status: 'going', position: null });

    expect((await facilitator.patch(`/api/v1/meetings/${id}`, { capacity: 4 })).statusCode).toBe(200);
    expect((await ed!.get(`/api/v1/meetings/${id}/occurrences/${FIRST}`)).json().occurrence).toMatchObject({ going: 3, waitlist: 0, myRsvp: { status: 'going' } });
    expect((await notices(ed!)).map((n) => n.kind)).toEqual(['meeting_promoted']);
  });

  it('gives the last seat to exactly one of many asking at once, and loses or doubles no seat when two cancel at once', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const { id, people } = await world(t(), 3);
    const crowd = await people(8, 'MadeUpCrowd');
    await crowd[0]!.post(rsvpUrl(id));
    await crowd[1]!.post(rsvpUrl(id));

    const answers = await Promise.all(crowd.slice(2).map((v) => v.post(rsvpUrl(id))));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    const places = answers.map((a) => a.json().rsvp as { status: string; position: number | null });
    expect(places.filter((p) => p.status === 'going')).toHaveLength(1);
    expect(
      places
        .filter((p) => p.status === 'waitlist')
        .map((p) => p.position)
        .sort(),
    ).toEqual([1, 2, 3, 4, 5]);
    let seats = Object.values(await seatsIn(t(), id));
    expect(seats.filter((s) => s === 'going')).toHaveLength(3);
    expect(seats.filter((s) => s === 'waitlist')).toHaveLength(5);

    // Two of those going cancel at once: the first two waiting move up, each told once.
    await Promise.all([crowd[0]!.delete(rsvpUrl(id)), crowd[1]!.delete(rsvpUrl(id))]);
    seats = Object.values(await seatsIn(t(), id));
    expect(seats.filter((s) => s === 'going')).toHaveLength(3);
    expect(seats.filter((s) => s === 'waitlist')).toHaveLength(3);
    const promoted = await t().database.db.selectFrom('notifications').select(['member_id']).where('kind', '=', 'meeting_promoted').execute();
    expect(promoted).toHaveLength(2);
    expect(new Set(promoted.map((p) => p.member_id)).size).toBe(2);
  });

  it('tells members with a place when their meeting moves (keeping their place), is cancelled, or the series ends', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const { id, facilitator, people } = await world(t(), 2);
    const [ana, bo, cy] = await people(3);
    await ana!.post(rsvpUrl(id));
    await bo!.post(rsvpUrl(id, '2026-03-03'));
    await cy!.post(rsvpUrl(id, '2026-03-10'));

    const moved = await facilitator.post(`/api/v1/meetings/${id}/occurrences/${FIRST}/move`, { date: '2026-02-26', time: '19:00' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().occurrence).toMatchObject({ moved: true, going: 1 });
    expect((await ana!.get(`/api/v1/meetings/${id}/occurrences/${FIRST}`)).json().occurrence.myRsvp).toEqual({ status: 'going', position: null });
    expect(await notices(ana!)).toEqual([expect.objectContaining({ kind: 'meeting_moved', meeting: expect.objectContaining({ localDate: FIRST, startsAt: utc(2026, 2, 27, 0) }) })]);

    await facilitator.post(`/api/v1/meetings/${id}/occurrences/2026-03-03/cancel`, { reason: 'A made-up holiday.' });
    expect((await notices(bo!)).map((n) => n.kind)).toEqual(['meeting_cancelled']);
    expect((await notices(cy!)).map((n) => n.kind)).toEqual([]);

    // A minute later (the clock is frozen, and notices list newest first).
    vi.setSystemTime(NOW + 60_000);
    await facilitator.post(`/api/v1/meetings/${id}/cancel`);
    expect((await notices(cy!)).map((n) => [n.kind, n.meeting?.localDate])).toEqual([['meeting_series_cancelled', '2026-03-10']]);
    // Ana's moved meeting is still ahead: she hears too; Bo's was already off.
    expect((await notices(ana!)).map((n) => n.kind)).toEqual(['meeting_series_cancelled', 'meeting_moved']);
    expect((await notices(bo!)).map((n) => n.kind)).toEqual(['meeting_cancelled']);
  });
});

describeEachDialect('meeting co-facilitators', (t) => {
  it('lets the facilitator or an admin name a facilitator of the group, free at those times, and tells them; refuses others kindly', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const { admin, slug, facilitator, id, people } = await world(t());
    const [reader] = await people(1);
    const co = await joined(await member(t(), 'SteadyHeron44'), slug);
    await grantRole(t(), 'SteadyHeron44', 'facilitator');
    const elsewhere = await member(t(), 'FarAwayLark45');
    await grantRole(t(), 'FarAwayLark45', 'facilitator');
    const url = `/api/v1/meetings/${id}/co-facilitator`;

    const unknown = await facilitator.put(url, { handle: 'NoSuchMadeUpName' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.fields.handle).toContain('NoSuchMadeUpName');
    expect((await facilitator.put(url, { handle: 'MadeUpPeer10' })).json().error.code).toBe('not_a_facilitator');
    expect((await facilitator.put(url, { handle: 'FarAwayLark45' })).json().error.code).toBe('not_in_group');
    expect((await facilitator.put(url, { handle: 'CalmFinch43' })).json().error.code).toBe('already_facilitator');
    expect((await reader!.put(url, { handle: 'SteadyHeron44' })).statusCode).toBe(403);
    expect((await facilitator.put(url, {})).statusCode).toBe(400);

    // The co-facilitator's own meeting at the same time clashes.
    const theirs = await co.post(`/api/v1/groups/${slug}/meetings`, {
      title: 'Made-up clashing meeting',
      startDate: '2026-03-03',
      startTime: '19:30',
      timeZone: 'America/New_York',
      durationMinutes: 60,
      recurrence: { kind: 'once' },
    });
    expect(theirs.statusCode).toBe(201);
    const clash = await facilitator.put(url, { handle: 'SteadyHeron44' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('meeting_overlap');
    await co.post(`/api/v1/meetings/${theirs.json().meeting.id}/cancel`);

    const named = await facilitator.put(url, { handle: 'steadyheron44' });
    expect(named.statusCode).toBe(200);
    expect(named.json().meeting).toMatchObject({ coFacilitator: 'SteadyHeron44' });
    expect((await notices(co)).map((n) => [n.kind, n.meeting?.localDate])).toEqual([['meeting_co_facilitator', FIRST]]);
    expect((await co.get(`/api/v1/meetings/${id}`)).json().meeting.canManage).toBe(true);
    // The co-facilitator may run meetings but not choose who co-leads.
    expect((await co.put(url, { handle: null })).statusCode).toBe(403);
    expect((await admin.put(url, { handle: null })).json().meeting.coFacilitator).toBeNull();
  });
});

describeEachDialect('meetings in my data', (t) => {
  it('exports my places and the series I lead; deleting my account frees my seat for the next member, cancels my series and leaves the ones I co-lead', async () => {
    // Account deletion keeps the real clock: this series starts on a Tuesday a week or more from now.
    const day = new Date(Date.now() + 7 * 86_400_000);
    while (day.getUTCDay() !== 2) day.setUTCDate(day.getUTCDate() + 1);
    const start = day.toISOString().slice(0, 10);
    const { slug, facilitator, id, people } = await world(t(), 2, start);
    const [ana, bo, cy] = await people(3);
    for (const v of [ana, bo, cy]) expect((await v!.post(rsvpUrl(id, start))).statusCode).toBe(200);

    const data = (await ana!.get('/api/v1/me/export')).json();
    expect(data.meetings.rsvps).toEqual([{ meeting: 'Made-up Tuesday evening support', date: start, status: 'going', at: expect.any(Number) }]);
    const led = (await facilitator.get('/api/v1/me/export')).json().meetings.leading;
    expect(led).toEqual([expect.objectContaining({ title: 'Made-up Tuesday evening support', as: 'facilitator', cancelled: false, schedule: expect.objectContaining({ startTime: '19:00', timeZone: 'America/New_York' }) })]);

    expect((await ana!.request('DELETE', '/api/v1/me', { passphrase: 'lantern orchard pebble' })).statusCode).toBe(204);
    expect((await cy!.get(`/api/v1/meetings/${id}/occurrences/${start}`)).json().occurrence).toMatchObject({ going: 2, waitlist: 0, myRsvp: { status: 'going' } });
    expect((await notices(cy!)).map((n) => n.kind)).toEqual(['meeting_promoted']);

    // A co-facilitator leaves: the series stays, without them. The facilitator leaves: it is cancelled.
    const co = await joined(await member(t(), 'SteadyHeron46'), slug);
    await grantRole(t(), 'SteadyHeron46', 'facilitator');
    expect((await facilitator.put(`/api/v1/meetings/${id}/co-facilitator`, { handle: 'SteadyHeron46' })).statusCode).toBe(200);
    expect((await co.request('DELETE', '/api/v1/me', { passphrase: 'lantern orchard pebble' })).statusCode).toBe(204);
    expect((await bo!.get(`/api/v1/meetings/${id}`)).json().meeting).toMatchObject({ coFacilitator: null, cancelled: false });
    expect((await facilitator.request('DELETE', '/api/v1/me', { passphrase: 'lantern orchard pebble' })).statusCode).toBe(204);
    expect((await bo!.get(`/api/v1/meetings/${id}`)).json().meeting.cancelled).toBe(true);
    const left = await t().database.db.selectFrom('meeting_rsvps').select('member_id').where('meeting_id', '=', id).execute();
    expect(left).toHaveLength(2);
  });
});
