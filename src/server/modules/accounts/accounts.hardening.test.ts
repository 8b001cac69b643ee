import { describe, expect, it } from 'vitest';
import { describeEachDialect, makeAdmin, startTestApp, Visitor } from '../../test/harness.js';
import { createAccountsService } from './accounts.service.js';

describeEachDialect('accounts under pressure', (t) => {
  it('lets a recovery code work once even when it is sent twice at the same moment', async () => {
    const code = await new Visitor(t().app).signUp('DoubleTap1');
    const attempt = () =>
      new Visitor(t().app).post('/api/v1/accounts/recover', { handle: 'DoubleTap1', recoveryCode: code, newPassphrase: 'copper kettle morning' });
    const results = await Promise.all([attempt(), attempt()]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    // The code the winner was shown is the one that works now.
    const winner = results.find((r) => r.statusCode === 200)!.json().recoveryCode as string;
    const again = await new Visitor(t().app).post('/api/v1/accounts/recover', { handle: 'DoubleTap1', recoveryCode: winner, newPassphrase: 'velvet harbor lantern' });
    expect(again.statusCode).toBe(200);
  });

  it('never removes the last admin, even when two admins step down at once', async () => {
    const a = new Visitor(t().app);
    await a.signUp('StepDownA1');
    await makeAdmin(t(), 'StepDownA1');
    const b = new Visitor(t().app);
    await b.signUp('StepDownB1');
    await makeAdmin(t(), 'StepDownB1');
    const idA = (await a.get('/api/v1/session')).json().member.id;
    const idB = (await b.get('/api/v1/session')).json().member.id;
    const results = await Promise.all([a.put(`/api/v1/admin/members/${idA}/roles`, { roles: [] }), b.put(`/api/v1/admin/members/${idB}/roles`, { roles: [] })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const admins = await t().database.db.selectFrom('member_roles').select('member_id').where('role', '=', 'admin').execute();
    expect(admins).toHaveLength(1);
  });

  it('ends a session that began before "log out everywhere", even one created a moment later by a racing log-in', async () => {
    const visitor = new Visitor(t().app);
    await visitor.signUp('RaceLogin1');
    const member = await t().database.db.selectFrom('members').select('id').where('handle_key', '=', 'racelogin1').executeTakeFirstOrThrow();
    // As if the log-in checked the passphrase just before, and wrote its session just after, the reset.
    await t().database.db.updateTable('members').set({ sessions_valid_after: Date.now() + 60_000 }).where('id', '=', member.id).execute();
    expect((await visitor.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('slides the cookie forward with the session, so an active member is not logged out', async () => {
    const visitor = new Visitor(t().app);
    await visitor.signUp('StaysActive1');
    const longAgo = Date.now() - 2 * 60 * 60 * 1000;
    await t().database.db.updateTable('sessions').set({ last_used_at: longAgo, expires_at: longAgo + 24 * 60 * 60 * 1000 }).execute();
    const res = await visitor.get('/api/v1/me');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'kindred_session');
    expect(cookie?.expires?.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 60 * 60 * 1000);
    const row = await t().database.db.selectFrom('sessions').select('expires_at').executeTakeFirstOrThrow();
    expect(row.expires_at).toBeGreaterThan(Date.now() + 29 * 24 * 60 * 60 * 1000);
  });

  it('ends the session a browser already had when it signs up for a new account', async () => {
    const visitor = new Visitor(t().app);
    await visitor.signUp('FirstOnDevice1');
    const before = visitor.cookie!;
    await visitor.signUp('SecondOnDevice1');
    expect((await t().app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: before } })).statusCode).toBe(401);
  });

  it.each([
    ['log-in', 'POST', '/api/v1/session', { handle: 'ab\u0000c', passphrase: 'whatever it is' }],
    ['recovery', 'POST', '/api/v1/accounts/recover', { handle: 'ab\u0000c', recoveryCode: 'x', newPassphrase: 'copper kettle morning' }],
    ['sign-up', 'POST', '/api/v1/accounts', { handle: 'NulMember1', passphrase: 'lantern\u0000orchard pebble', acceptGuidelines: true }],
  ])('refuses a NUL character kindly on %s, never with a 500', async (_what, method, url, payload) => {
    const res = await t().app.inject({ method: method as 'POST', url, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_input');
  });

  it('refuses NUL characters in paths and queries, and tampered cursors, with a 400', async () => {
    const admin = new Visitor(t().app);
    await admin.signUp('CarefulAdmin1');
    await makeAdmin(t(), 'CarefulAdmin1');
    expect((await admin.get('/api/v1/admin/members?q=%00')).statusCode).toBe(400);
    expect((await admin.put('/api/v1/admin/members/%00/roles', { roles: [] })).statusCode).toBe(400);
    expect((await admin.get('/api/v1/groups/%00')).statusCode).toBe(400);
    for (const tampered of [['abc', 'x'], [1.5, '01ARZ3NDEKTSV4RRFFQ69G5FAV'], [1e300, '01ARZ3NDEKTSV4RRFFQ69G5FAV'], [5, "'; drop table members; --"]]) {
      const cursor = Buffer.from(JSON.stringify(tampered)).toString('base64url');
      const res = await admin.get(`/api/v1/admin/members?cursor=${cursor}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('bad_cursor');
    }
  });

  it('answers a malformed address with the same kind JSON error', async () => {
    const res = await t().app.inject({ method: 'GET', url: '/api/v1/groups/%E0%A4%A' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('bad_request');
  });

  it('only lets members choose countries Kindred has help for', async () => {
    const visitor = new Visitor(t().app);
    await visitor.signUp('Wanderer1');
    const res = await visitor.patch('/api/v1/me', { country: 'ZZ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.country).toBe('Please choose a country from the list.');
    const signUp = await new Visitor(t().app).post('/api/v1/accounts', { handle: 'Wanderer2', passphrase: 'lantern orchard pebble', country: 'ZZ', acceptGuidelines: true });
    expect(signUp.statusCode).toBe(400);
  });

  it('checks the origin of writes on the route reached, however the path is spelled', async () => {
    const res = await t().app.inject({ method: 'POST', url: '/%61pi/v1/session', headers: { origin: 'https://elsewhere.example' }, payload: { handle: 'x', passphrase: 'y' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('cross_origin');
  });
});

describe('origin checks behind a proxy', () => {
  it('accepts writes from PUBLIC_ORIGIN only, when it is set', async () => {
    const t = await startTestApp('sqlite', { config: { PUBLIC_ORIGIN: 'https://support.example.org' } });
    try {
      const ok = await t.app.inject({ method: 'POST', url: '/api/v1/session', headers: { origin: 'https://support.example.org', host: 'app:3000' }, payload: { handle: 'Nobody1', passphrase: 'x' } });
      expect(ok.statusCode).toBe(401);
      const other = await t.app.inject({ method: 'POST', url: '/api/v1/session', headers: { origin: 'https://app:3000', host: 'app:3000' }, payload: { handle: 'Nobody1', passphrase: 'x' } });
      expect(other.statusCode).toBe(403);
    } finally {
      await t.close();
    }
  });

  it('uses X-Forwarded-Host and X-Forwarded-For when the proxy is trusted, and only then', async () => {
    const t = await startTestApp('sqlite', { config: { TRUST_PROXY: 'loopback', LOGIN_LIMIT_PER_15_MIN: 1 } });
    try {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        headers: { origin: 'https://support.example.org', host: 'app:3000', 'x-forwarded-host': 'support.example.org', 'x-forwarded-for': '198.51.100.1' },
        payload: { handle: 'Nobody1', passphrase: 'x' },
      });
      expect(res.statusCode).toBe(401);
      // Each client behind the proxy has its own limit.
      const fromClient = (address: string) =>
        t.app.inject({ method: 'POST', url: '/api/v1/session', headers: { 'x-forwarded-for': address }, payload: { handle: 'Nobody1', passphrase: 'x' } });
      expect((await fromClient('198.51.100.2')).statusCode).toBe(401);
      expect((await fromClient('198.51.100.2')).statusCode).toBe(429);
      expect((await fromClient('198.51.100.3')).statusCode).toBe(401);
    } finally {
      await t.close();
    }
    // Without TRUST_PROXY, a client cannot pick its own address by sending the header.
    const direct = await startTestApp('sqlite', { config: { LOGIN_LIMIT_PER_15_MIN: 1 } });
    try {
      const spoof = (address: string) =>
        direct.app.inject({ method: 'POST', url: '/api/v1/session', headers: { 'x-forwarded-for': address }, payload: { handle: 'Nobody1', passphrase: 'x' } });
      expect((await spoof('198.51.100.4')).statusCode).toBe(401);
      expect((await spoof('198.51.100.5')).statusCode).toBe(429);
    } finally {
      await direct.close();
    }
  });
});

describe('rate limits by network', () => {
  it('counts an IPv6 /64 as one address', async () => {
    const t = await startTestApp('sqlite', { config: { LOGIN_LIMIT_PER_15_MIN: 2 } });
    try {
      const attempt = (remoteAddress: string) => t.app.inject({ method: 'POST', url: '/api/v1/session', remoteAddress, payload: { handle: 'Nobody1', passphrase: 'x' } });
      expect((await attempt('2001:db8:1:2::10')).statusCode).toBe(401);
      expect((await attempt('2001:db8:1:2::20')).statusCode).toBe(401);
      expect((await attempt('2001:db8:1:2:ffff::1')).statusCode).toBe(429);
      expect((await attempt('2001:db8:1:3::10')).statusCode).toBe(401);
    } finally {
      await t.close();
    }
  });
});

describe('the accounts service', () => {
  it('spends the same effort on a log-in for something that cannot be a handle', async () => {
    const t = await startTestApp('sqlite');
    try {
      const accounts = createAccountsService({ db: t.database.db, sessionDays: 30 });
      await expect(accounts.logIn({ handle: 'not a handle!', passphrase: 'x' })).rejects.toMatchObject({ code: 'wrong_credentials' });
    } finally {
      await t.close();
    }
  });
});
