import { describe, expect, it } from 'vitest';
import { describeEachDialect, makeAdmin, Visitor } from '../../test/harness.js';

describeEachDialect('anonymous accounts', (t) => {
  it('signs a member up with a handle and passphrase only, and returns a one-time recovery code', async () => {
    const visitor = new Visitor(t().app);
    const res = await visitor.post('/api/v1/accounts', { handle: 'QuietHeron42', passphrase: 'lantern orchard pebble', acceptGuidelines: true });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.member).toMatchObject({ handle: 'QuietHeron42', roles: ['member'], language: 'en' });
    expect(body.recoveryCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    const cookie = res.cookies.find((c) => c.name === 'kindred_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

    const session = await visitor.get('/api/v1/session');
    expect(session.json().member.handle).toBe('QuietHeron42');

    // The passphrase and the recovery code are stored only as hashes.
    const row = await t().database.db.selectFrom('members').selectAll().executeTakeFirstOrThrow();
    expect(row.passphrase_hash).toMatch(/^\$argon2id\$/);
    expect(row.recovery_code_hash).not.toContain(body.recoveryCode.replace(/-/g, ''));
    expect(row.recovery_code_hash).toHaveLength(64);
  });

  it('refuses a taken handle case-insensitively, says so, and suggests a free one', async () => {
    await new Visitor(t().app).signUp('GentleOtter7');
    const res = await new Visitor(t().app).post('/api/v1/accounts', { handle: 'gentleotter7', passphrase: 'another quiet meadow', acceptGuidelines: true });
    expect(res.statusCode).toBe(409);
    const { error } = res.json();
    expect(error.code).toBe('handle_taken');
    expect(error.fields.handle).toContain('already taken');
    expect(error.suggestion).toMatch(/^[A-Za-z]+\d+$/);
    const check = await new Visitor(t().app).get(`/api/v1/accounts/handle-available?handle=${error.suggestion}`);
    expect(check.json()).toEqual({ available: true });
    const taken = await new Visitor(t().app).get('/api/v1/accounts/handle-available?handle=GENTLEOTTER7');
    expect(taken.json()).toMatchObject({ available: false, message: 'That handle is already taken.' });
  });

  it('refuses reserved handles that could pass for staff', async () => {
    const res = await new Visitor(t().app).post('/api/v1/accounts', { handle: 'Moderator', passphrase: 'lantern orchard pebble', acceptGuidelines: true });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields.handle).toContain('reserved');
  });

  it('explains each invalid field kindly, next to the field', async () => {
    const res = await new Visitor(t().app).post('/api/v1/accounts', { handle: 'no spaces here', passphrase: 'short', acceptGuidelines: false });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('invalid_input');
    expect(error.fields.handle).toBe('A handle can use letters, digits, _ and - only (no spaces).');
    expect(error.fields.passphrase).toContain('at least 10 characters');
    expect(error.fields.acceptGuidelines).toContain('community guidelines');
    const short = await new Visitor(t().app).post('/api/v1/accounts', { handle: 'ab', passphrase: 'lantern orchard pebble', acceptGuidelines: true });
    expect(short.json().error.fields.handle).toBe('A handle needs at least 3 characters.');
    const missing = await new Visitor(t().app).post('/api/v1/accounts', { passphrase: 'lantern orchard pebble', acceptGuidelines: true });
    expect(missing.json().error.fields.handle).toBe('Please fill this in.');
  });

  it.each(['password123', 'qwertyuiop', '1234567890', 'iloveyou12', 'BraveFinch9-BraveFinch9'])('refuses the common or guessable passphrase %s', async (passphrase) => {
    const res = await new Visitor(t().app).post('/api/v1/accounts', { handle: 'BraveFinch9', passphrase, acceptGuidelines: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('weak_passphrase');
    expect(res.json().error.fields.passphrase).toContain('too easy to guess');
  });

  it('defaults language and country from Accept-Language, never from the address', async () => {
    const visitor = new Visitor(t().app, { 'accept-language': 'es-MX,es;q=0.9,en;q=0.5' });
    await visitor.signUp('CalmSeal31');
    const me = (await visitor.get('/api/v1/me')).json().member;
    expect(me).toMatchObject({ language: 'es', country: 'MX' });
    const plain = new Visitor(t().app, { 'accept-language': 'en' });
    await plain.signUp('CalmSeal32');
    expect((await plain.get('/api/v1/me')).json().member).toMatchObject({ language: 'en', country: null });
  });

  it('logs in, rotates the session, and gives the same answer for an unknown handle and a wrong passphrase', async () => {
    const first = new Visitor(t().app);
    await first.signUp('StillWren5');
    const before = first.cookie;

    const unknown = await new Visitor(t().app).logIn('NobodyHere99', 'lantern orchard pebble');
    const wrong = await new Visitor(t().app).logIn('StillWren5', 'not the right one at all');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());

    const res = await first.logIn('stillwren5');
    expect(res.statusCode).toBe(200);
    expect(first.cookie).not.toBe(before);
    // The session the browser had before logging in is over.
    const stale = await t().app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: before! } });
    expect(stale.statusCode).toBe(401);
    expect((await first.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('logs out on one device, and everywhere', async () => {
    const phone = new Visitor(t().app);
    await phone.signUp('WarmLark3');
    const laptop = new Visitor(t().app);
    await laptop.logIn('WarmLark3');
    const tablet = new Visitor(t().app);
    await tablet.logIn('WarmLark3');

    expect((await tablet.delete('/api/v1/session')).statusCode).toBe(204);
    expect((await tablet.get('/api/v1/session')).json().member).toBeNull();
    expect((await phone.get('/api/v1/me')).statusCode).toBe(200);

    expect((await laptop.delete('/api/v1/sessions')).statusCode).toBe(204);
    const phoneNow = await t().app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: phone.cookie! } });
    expect(phoneNow.statusCode).toBe(401);
    expect((await laptop.get('/api/v1/session')).json()).toEqual({ member: null, csrfToken: null });
  });

  it('refuses cookie-authenticated writes without the CSRF token, and writes from another site', async () => {
    const visitor = new Visitor(t().app);
    await visitor.signUp('BrightFern8');
    const noToken = await t().app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie: visitor.cookie! }, payload: { country: 'GB' } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('csrf_failed');
    const wrongToken = await t().app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { cookie: visitor.cookie!, 'x-csrf-token': 'x'.repeat(43) },
      payload: { country: 'GB' },
    });
    expect(wrongToken.statusCode).toBe(403);
    const crossSite = await visitor.request('PATCH', '/api/v1/me', { country: 'GB' }, { origin: 'https://elsewhere.example' });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().error.code).toBe('cross_origin');
    const ok = await visitor.patch('/api/v1/me', { country: 'GB' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().member.country).toBe('GB');
  });

  it('recovers an account with the code, which is then used up, and ends other sessions', async () => {
    const owner = new Visitor(t().app);
    const code = await owner.signUp('MistyHare12');
    const recovering = new Visitor(t().app);
    const typed = code.toLowerCase().replace(/-/g, ' ');
    const res = await recovering.post('/api/v1/accounts/recover', { handle: 'MistyHare12', recoveryCode: typed, newPassphrase: 'copper kettle morning' });
    expect(res.statusCode).toBe(200);
    const newCode = res.json().recoveryCode as string;
    expect(newCode).not.toBe(code);

    expect((await t().app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: owner.cookie! } })).statusCode).toBe(401);
    expect((await new Visitor(t().app).logIn('MistyHare12')).statusCode).toBe(401);
    expect((await new Visitor(t().app).logIn('MistyHare12', 'copper kettle morning')).statusCode).toBe(200);

    const reused = await new Visitor(t().app).post('/api/v1/accounts/recover', { handle: 'MistyHare12', recoveryCode: code, newPassphrase: 'something else entirely' });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.code).toBe('wrong_recovery_code');
    const unknown = await new Visitor(t().app).post('/api/v1/accounts/recover', { handle: 'NoSuchOwl1', recoveryCode: code, newPassphrase: 'something else entirely' });
    expect(unknown.json()).toEqual(reused.json());
  });

  it('changes the passphrase only with the current one, and logs out other devices', async () => {
    const phone = new Visitor(t().app);
    await phone.signUp('HonestMoss4');
    const laptop = new Visitor(t().app);
    await laptop.logIn('HonestMoss4');
    const wrong = await phone.put('/api/v1/me/passphrase', { currentPassphrase: 'not my passphrase', newPassphrase: 'velvet harbor lantern' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.currentPassphrase).toBeDefined();
    const ok = await phone.put('/api/v1/me/passphrase', { currentPassphrase: 'lantern orchard pebble', newPassphrase: 'velvet harbor lantern' });
    expect(ok.statusCode).toBe(204);
    expect((await phone.get('/api/v1/me')).statusCode).toBe(200);
    expect((await t().app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: laptop.cookie! } })).statusCode).toBe(401);
    expect((await new Visitor(t().app).logIn('HonestMoss4', 'velvet harbor lantern')).statusCode).toBe(200);
  });

  it('replaces the recovery code after checking the passphrase', async () => {
    const visitor = new Visitor(t().app);
    const oldCode = await visitor.signUp('AmberTide6');
    expect((await visitor.post('/api/v1/me/recovery-code', { passphrase: 'wrong passphrase' })).statusCode).toBe(400);
    const res = await visitor.post('/api/v1/me/recovery-code', { passphrase: 'lantern orchard pebble' });
    const newCode = res.json().recoveryCode as string;
    const withOld = await new Visitor(t().app).post('/api/v1/accounts/recover', { handle: 'AmberTide6', recoveryCode: oldCode, newPassphrase: 'copper kettle morning' });
    expect(withOld.statusCode).toBe(400);
    const withNew = await new Visitor(t().app).post('/api/v1/accounts/recover', { handle: 'AmberTide6', recoveryCode: newCode, newPassphrase: 'copper kettle morning' });
    expect(withNew.statusCode).toBe(200);
  });

  it('changes handle, country and language; a taken handle is refused with a suggestion', async () => {
    await new Visitor(t().app).signUp('SunnyPanda1');
    const visitor = new Visitor(t().app);
    await visitor.signUp('SunnyPanda2');
    const taken = await visitor.patch('/api/v1/me', { handle: 'SUNNYPANDA1' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.suggestion).toBeTruthy();
    const ok = await visitor.patch('/api/v1/me', { handle: 'SunnyPanda3', country: 'IE', language: 'es' });
    expect(ok.json().member).toMatchObject({ handle: 'SunnyPanda3', country: 'IE', language: 'es' });
    // Changing only the case of one's own handle is fine.
    expect((await visitor.patch('/api/v1/me', { handle: 'sunnypanda3' })).statusCode).toBe(200);
    const bad = await visitor.patch('/api/v1/me', { country: 'Narnia' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.country).toBe('Please choose a country from the list.');
  });

  it('asks visitors to log in for member-only routes', async () => {
    const res = await new Visitor(t().app).get('/api/v1/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({ code: 'unauthenticated', message: 'Please log in to do that.' });
  });

  it('stores neither the IP address nor the user agent, and never logs them', async () => {
    const visitor = new Visitor(t().app, { 'user-agent': 'MadeUpBrowser/9.9 (Kindred test)', 'x-forwarded-for': '198.51.100.23' });
    const res = await t().app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      remoteAddress: '203.0.113.77',
      headers: { 'user-agent': 'MadeUpBrowser/9.9 (Kindred test)', 'x-forwarded-for': '198.51.100.23' },
      payload: { handle: 'TenderCedar5', passphrase: 'lantern orchard pebble', acceptGuidelines: true },
    });
    expect(res.statusCode).toBe(201);
    await visitor.logIn('TenderCedar5');
    const db = t().database.db;
    const dump = JSON.stringify([
      await db.selectFrom('members').selectAll().execute(),
      await db.selectFrom('sessions').selectAll().execute(),
      await db.selectFrom('audit_log').selectAll().execute(),
    ]);
    const logs = t().logs.join('\n');
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of ['203.0.113.77', '198.51.100.23', '127.0.0.1', 'MadeUpBrowser']) {
      expect(dump).not.toContain(secret);
      expect(logs).not.toContain(secret);
    }
  });
});

describeEachDialect('admin: members and roles', (t) => {
  it('lists members newest first with keyset pages, filters by handle and role, and changes roles with an audit entry', async () => {
    const admin = new Visitor(t().app);
    await admin.signUp('KindAdmin1');
    await makeAdmin(t(), 'KindAdmin1');
    for (const h of ['PatientOwl1', 'PatientOwl2', 'PatientOwl3', 'CosyBirch1']) await new Visitor(t().app).signUp(h);

    const page1 = (await admin.get('/api/v1/admin/members?limit=2')).json();
    expect(page1.items.map((m: { handle: string }) => m.handle)).toEqual(['CosyBirch1', 'PatientOwl3']);
    const page2 = (await admin.get(`/api/v1/admin/members?limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2.items.map((m: { handle: string }) => m.handle)).toEqual(['PatientOwl2', 'PatientOwl1']);
    const page3 = (await admin.get(`/api/v1/admin/members?limit=2&cursor=${page2.nextCursor}`)).json();
    expect(page3).toMatchObject({ items: [{ handle: 'KindAdmin1', roles: ['member', 'admin'] }], nextCursor: null });

    const owls = (await admin.get('/api/v1/admin/members?q=patientowl')).json();
    expect(owls.items).toHaveLength(3);

    const target = owls.items[0];
    const res = await admin.put(`/api/v1/admin/members/${target.id}/roles`, { roles: ['listener', 'moderator'] });
    expect(res.statusCode).toBe(200);
    expect(res.json().member.roles).toEqual(['member', 'listener', 'moderator']);
    const listeners = (await admin.get('/api/v1/admin/members?role=listener')).json();
    expect(listeners.items.map((m: { id: string }) => m.id)).toEqual([target.id]);

    const audit = await t().database.db.selectFrom('audit_log').selectAll().where('target_id', '=', target.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'member.roles_changed' });
    expect(JSON.parse(audit[0]!.detail)).toEqual({ before: [], after: ['listener', 'moderator'] });
  });

  it('keeps at least one admin', async () => {
    const admin = new Visitor(t().app);
    await admin.signUp('KindAdmin2');
    await makeAdmin(t(), 'KindAdmin2');
    const me = (await admin.get('/api/v1/session')).json().member;
    const res = await admin.put(`/api/v1/admin/members/${me.id}/roles`, { roles: [] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('last_admin');
  });

  it('refuses the admin screens to members and visitors', async () => {
    const member = new Visitor(t().app);
    await member.signUp('PlainMember1');
    expect((await member.get('/api/v1/admin/members')).statusCode).toBe(403);
    const me = (await member.get('/api/v1/session')).json().member;
    expect((await member.put(`/api/v1/admin/members/${me.id}/roles`, { roles: ['admin'] })).statusCode).toBe(403);
    expect((await new Visitor(t().app).get('/api/v1/admin/members')).statusCode).toBe(401);
  });

  it('rejects a role that cannot be granted and a broken cursor kindly', async () => {
    const admin = new Visitor(t().app);
    await admin.signUp('KindAdmin3');
    await makeAdmin(t(), 'KindAdmin3');
    const me = (await admin.get('/api/v1/session')).json().member;
    expect((await admin.put(`/api/v1/admin/members/${me.id}/roles`, { roles: ['overlord'] })).statusCode).toBe(400);
    const bad = await admin.get('/api/v1/admin/members?cursor=not-a-cursor');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('bad_cursor');
  });
});

describeEachDialect(
  'rate limits on sign-up, log-in and recovery',
  (t) => {
    it('slows down repeated log-in attempts from one address with a kind 429', async () => {
      const visitor = new Visitor(t().app);
      for (let i = 0; i < 3; i++) expect((await visitor.logIn('NobodyAtAll', 'wrong passphrase here')).statusCode).toBe(401);
      const limited = await visitor.logIn('NobodyAtAll', 'wrong passphrase here');
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe('rate_limited');
      expect(limited.json().error.message).toContain('Please wait');
      // Another address is not affected.
      const other = await t().app.inject({ method: 'POST', url: '/api/v1/session', remoteAddress: '192.0.2.44', payload: { handle: 'NobodyAtAll', passphrase: 'x' } });
      expect(other.statusCode).toBe(401);
    });

    it('limits sign-ups and recovery attempts per address', async () => {
      for (let i = 0; i < 2; i++) await new Visitor(t().app).signUp(`SteadyFox${i}`);
      const third = await new Visitor(t().app).post('/api/v1/accounts', { handle: 'SteadyFox9', passphrase: 'lantern orchard pebble', acceptGuidelines: true });
      expect(third.statusCode).toBe(429);
      for (let i = 0; i < 2; i++) {
        const r = await new Visitor(t().app).post('/api/v1/accounts/recover', { handle: 'SteadyFox0', recoveryCode: 'AAAA', newPassphrase: 'copper kettle morning' });
        expect(r.statusCode).toBe(400);
      }
      const limited = await new Visitor(t().app).post('/api/v1/accounts/recover', { handle: 'SteadyFox0', recoveryCode: 'AAAA', newPassphrase: 'copper kettle morning' });
      expect(limited.statusCode).toBe(429);
    });
  },
  { config: { LOGIN_LIMIT_PER_15_MIN: 3, SIGNUP_LIMIT_PER_HOUR: 2, RECOVERY_LIMIT_PER_HOUR: 2 } },
);

describe('accounts module shape', () => {
  it('exposes every route under /api/v1', async () => {
    // Guard against a route registered outside the versioned prefix by mistake.
    const { availableDialects, startTestApp } = await import('../../test/harness.js');
    const t = await startTestApp(availableDialects()[0]!);
    try {
      const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
      for (const p of ['/api/v1/accounts', '/api/v1/session', '/api/v1/sessions', '/api/v1/accounts/recover', '/api/v1/me', '/api/v1/admin/members']) {
        expect(Object.keys(spec.paths)).toContain(p);
      }
    } finally {
      await t.close();
    }
  });
});
