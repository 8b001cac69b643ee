import { describe, expect, it } from 'vitest';
import { describeEachDialect, makeAdmin, Visitor } from '../../test/harness.js';
import { createGroupsService, slugify } from './groups.service.js';
import { DEFAULT_GROUPS } from './default-groups.js';

describe('slugify', () => {
  it.each([
    ['Anxiety & depression', 'anxiety-depression'],
    ['LGBTQ+ peer support', 'lgbtq-plus-peer-support'],
    ['  Ñandú café  ', 'nandu-cafe'],
    ['!!!', 'group'],
  ])('turns %j into %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });
});

describeEachDialect('groups', (t) => {
  async function seeded() {
    const service = createGroupsService({ db: t().database.db });
    await service.seedDefaults();
    return service;
  }

  it('seeds the default groups once, and never again after an admin changes them', async () => {
    const service = await seeded();
    const first = (await new Visitor(t().app).get('/api/v1/groups')).json().items;
    expect(first.map((g: { name: string }) => g.name)).toEqual(DEFAULT_GROUPS.map((g) => g.name));
    expect(first[0]).toMatchObject({ slug: 'depression-support', memberCount: 0, joined: false, archived: false });
    expect(first[0].rules.length).toBeGreaterThan(2);

    const admin = new Visitor(t().app);
    await admin.signUp('KindAdmin9');
    await makeAdmin(t(), 'KindAdmin9');
    await admin.post('/api/v1/groups/new-parents/archive');
    expect(await service.seedDefaults()).toBe(false);
    const after = (await new Visitor(t().app).get('/api/v1/groups')).json().items;
    expect(after).toHaveLength(DEFAULT_GROUPS.length - 1);
  });

  it('lets a member join and leave, keeping the member count right and joins idempotent', async () => {
    await seeded();
    const a = new Visitor(t().app);
    await a.signUp('GentleDeer1');
    const b = new Visitor(t().app);
    await b.signUp('GentleDeer2');

    const joined = await a.put('/api/v1/groups/mens-space/membership');
    expect(joined.statusCode).toBe(200);
    expect(joined.json().group).toMatchObject({ joined: true, memberCount: 1 });
    expect((await a.put('/api/v1/groups/mens-space/membership')).json().group.memberCount).toBe(1);
    expect((await b.put('/api/v1/groups/mens-space/membership')).json().group.memberCount).toBe(2);

    const list = (await a.get('/api/v1/groups')).json().items;
    expect(list.find((g: { slug: string }) => g.slug === 'mens-space')).toMatchObject({ joined: true, memberCount: 2 });
    expect(list.find((g: { slug: string }) => g.slug === 'young-adults')).toMatchObject({ joined: false });

    const left = await a.delete('/api/v1/groups/mens-space/membership');
    expect(left.json().group).toMatchObject({ joined: false, memberCount: 1 });
    expect((await a.delete('/api/v1/groups/mens-space/membership')).json().group.memberCount).toBe(1);
    const visitorView = (await new Visitor(t().app).get('/api/v1/groups/mens-space')).json().group;
    expect(visitorView).toMatchObject({ memberCount: 1, joined: false });
  });

  it('asks visitors to log in before joining, and says kindly when a group does not exist', async () => {
    await seeded();
    expect((await new Visitor(t().app).put('/api/v1/groups/mens-space/membership')).statusCode).toBe(401);
    const missing = await new Visitor(t().app).get('/api/v1/groups/no-such-group');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toContain('could not be found');
  });

  it('lets admins create, edit, archive and restore groups, with an audit trail', async () => {
    const admin = new Visitor(t().app);
    await admin.signUp('KindAdmin8');
    await makeAdmin(t(), 'KindAdmin8');

    const created = await admin.post('/api/v1/groups', { name: 'Night owls', description: 'For those awake late.', rules: ['Be kind.', '  ', 'Share the air.'] });
    expect(created.statusCode).toBe(201);
    expect(created.json().group).toMatchObject({ slug: 'night-owls', rules: ['Be kind.', 'Share the air.'], memberCount: 0 });
    const twin = await admin.post('/api/v1/groups', { name: 'Night Owls!', description: 'Another one.', rules: [] });
    expect(twin.json().group.slug).toBe('night-owls-2');

    const edited = await admin.patch('/api/v1/groups/night-owls', { description: 'For anyone awake in the small hours.' });
    expect(edited.json().group).toMatchObject({ name: 'Night owls', description: 'For anyone awake in the small hours.' });

    const member = new Visitor(t().app);
    await member.signUp('LittleRobin4');
    await member.put('/api/v1/groups/night-owls/membership');

    expect((await admin.post('/api/v1/groups/night-owls/archive')).json().group.archived).toBe(true);
    expect((await member.get('/api/v1/groups')).json().items.map((g: { slug: string }) => g.slug)).toEqual(['night-owls-2']);
    expect((await member.get('/api/v1/groups/night-owls')).statusCode).toBe(404);
    expect((await member.get('/api/v1/groups?archived=true')).json().items).toHaveLength(1);
    const withArchived = (await admin.get('/api/v1/groups?archived=true')).json().items;
    expect(withArchived.map((g: { slug: string; archived: boolean }) => [g.slug, g.archived])).toEqual([
      ['night-owls', true],
      ['night-owls-2', false],
    ]);
    expect((await admin.put('/api/v1/groups/night-owls/membership')).statusCode).toBe(409);

    const restored = await admin.delete('/api/v1/groups/night-owls/archive');
    expect(restored.json().group).toMatchObject({ archived: false, memberCount: 1 });

    const actions = await t().database.db.selectFrom('audit_log').select('action').orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['group.created', 'group.created', 'group.edited', 'group.archived', 'group.restored']);
  });

  it('explains invalid group details next to each field', async () => {
    const admin = new Visitor(t().app);
    await admin.signUp('KindAdmin7');
    await makeAdmin(t(), 'KindAdmin7');
    const res = await admin.post('/api/v1/groups', { name: 'x', description: '', rules: ['y'.repeat(301)] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({
      name: 'Please give the group a name.',
      description: 'Please describe who the group is for.',
      'rules.0': 'Each rule can be at most 300 characters.',
    });
  });

  it('keeps group management to admins', async () => {
    await seeded();
    const member = new Visitor(t().app);
    await member.signUp('PlainMember2');
    expect((await member.post('/api/v1/groups', { name: 'Mine', description: 'Mine.', rules: [] })).statusCode).toBe(403);
    expect((await member.patch('/api/v1/groups/mens-space', { name: 'Taken over' })).statusCode).toBe(403);
    expect((await member.post('/api/v1/groups/mens-space/archive')).statusCode).toBe(403);
    expect((await new Visitor(t().app).post('/api/v1/groups', { name: 'Mine', description: 'Mine.', rules: [] })).statusCode).toBe(401);
  });
});

describeEachDialect('groups under pressure', (t) => {
  it('seeds the default groups once when several nodes start together', async () => {
    const nodes = [0, 1, 2].map(() => createGroupsService({ db: t().database.db }));
    const created = await Promise.all(nodes.map((n) => n.seedDefaults()));
    expect(created.filter(Boolean)).toHaveLength(1);
    const count = await t().database.db.selectFrom('groups').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(DEFAULT_GROUPS.length);
  });

  it('refuses a name or description made only of spaces', async () => {
    const admin = new Visitor(t().app);
    await admin.signUp('KindAdmin6');
    await makeAdmin(t(), 'KindAdmin6');
    const res = await admin.post('/api/v1/groups', { name: '     ', description: '   ', rules: [] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toMatchObject({ name: 'Please give the group a name.', description: 'Please describe who the group is for.' });
  });
});
