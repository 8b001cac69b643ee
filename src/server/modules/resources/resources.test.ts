import { describe, expect, it } from 'vitest';
import { describeEachDialect, makeAdmin, Visitor, type TestApp } from '../../test/harness.js';
import { createResourcesService } from './resources.service.js';
import { STARTER_RESOURCES } from './resources.seed.js';
import { fold } from './resources.store.js';

async function admin(t: TestApp, handle = 'LibraryKeeper7'): Promise<Visitor> {
  const v = new Visitor(t.app);
  await v.signUp(handle);
  await makeAdmin(t, handle);
  await v.logIn(handle);
  return v;
}

async function member(t: TestApp, handle: string): Promise<Visitor> {
  const v = new Visitor(t.app);
  await v.signUp(handle);
  return v;
}

const article = (over: Record<string, unknown> = {}) => ({
  title: 'Made-up evening walks',
  markdown: 'A **made-up** article about evening walks and fresh air.',
  language: 'en',
  tags: ['Walking', ' fresh  air ', 'walking'],
  ...over,
});

describe('starter articles', () => {
  it('are short, in English and Spanish, and each ends by pointing to help now', () => {
    expect(STARTER_RESOURCES.filter((a) => a.language === 'en').length).toBeGreaterThanOrEqual(5);
    expect(STARTER_RESOURCES.filter((a) => a.language === 'es').length).toBeGreaterThanOrEqual(5);
    for (const a of STARTER_RESOURCES) {
      const ending = a.markdown.slice(-700);
      expect(ending, a.title).toContain('](/help)');
      expect(ending, a.title).toMatch(a.language === 'en' ? /crisis lines/ : /líneas de crisis/);
      // Safe-messaging language: never "committed" suicide.
      expect(a.markdown, a.title).not.toMatch(/commit(ted)? suicide|suicidio consumado/i);
      expect(a.markdown.length, a.title).toBeLessThan(3000);
    }
  });

  it('fold makes search blind to case and accents', () => {
    expect(fold('Sueño DEPRESIÓN')).toBe('sueno depresion');
  });
});

describeEachDialect('resource library', (t) => {
  it('keeps drafts from visitors and members until an admin publishes, and only admins write', async () => {
    const keeper = await admin(t());
    const ana = await member(t(), 'QuietHeron42');
    const visitor = new Visitor(t().app);

    const created = await keeper.post('/api/v1/admin/resources', article());
    expect(created.statusCode).toBe(201);
    const draft = created.json().resource;
    expect(draft).toMatchObject({ slug: 'made-up-evening-walks', published: false, publishedAt: null, language: 'en', tags: ['fresh air', 'walking'] });
    expect(draft.html).toContain('<strong>made-up</strong>');

    for (const reader of [visitor, ana]) {
      expect((await reader.get(`/api/v1/resources/${draft.slug}`)).statusCode).toBe(404);
      const list = await reader.get('/api/v1/resources?lang=en&q=evening');
      expect(list.statusCode).toBe(200);
      expect(list.json().items).toEqual([]);
      expect(list.body).not.toContain('Made-up evening walks');
      // Nothing about drafts through the admin routes either.
      expect((await reader.get('/api/v1/admin/resources')).statusCode).toBe(reader === visitor ? 401 : 403);
      expect((await reader.get(`/api/v1/admin/resources/${draft.id}`)).statusCode).toBe(reader === visitor ? 401 : 403);
    }
    // Members cannot write, edit, publish or preview.
    expect((await ana.post('/api/v1/admin/resources', article())).statusCode).toBe(403);
    expect((await ana.patch(`/api/v1/admin/resources/${draft.id}`, { title: 'Taken over' })).statusCode).toBe(403);
    expect((await ana.post(`/api/v1/admin/resources/${draft.id}/publish`)).statusCode).toBe(403);
    expect((await ana.post('/api/v1/admin/resources/preview', { markdown: 'x' })).statusCode).toBe(403);
    expect((await visitor.post('/api/v1/admin/resources', article())).statusCode).toBe(401);
    // Even admins read drafts only in the editor, not on the public page.
    expect((await keeper.get(`/api/v1/resources/${draft.slug}`)).statusCode).toBe(404);
    expect((await keeper.get('/api/v1/admin/resources')).json().items).toMatchObject([{ id: draft.id, published: false }]);

    const edited = await keeper.patch(`/api/v1/admin/resources/${draft.id}`, { title: 'Made-up evening strolls', markdown: 'Strolls after dinner.' });
    expect(edited.statusCode).toBe(200);
    // The address stays, so links keep working.
    expect(edited.json().resource).toMatchObject({ slug: 'made-up-evening-walks', title: 'Made-up evening strolls', markdown: 'Strolls after dinner.', tags: ['fresh air', 'walking'] });

    const published = await keeper.post(`/api/v1/admin/resources/${draft.id}/publish`);
    expect(published.json().resource).toMatchObject({ published: true, publishedAt: expect.any(Number) });
    const read = await visitor.get(`/api/v1/resources/${draft.slug}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().resource).toMatchObject({ title: 'Made-up evening strolls', html: '<p>Strolls after dinner.</p>\n', tags: ['fresh air', 'walking'] });
    expect(read.body).not.toContain('markdown');
    expect((await ana.get('/api/v1/resources?q=strolls')).json().items.map((i: { slug: string }) => i.slug)).toEqual([draft.slug]);

    await keeper.post(`/api/v1/admin/resources/${draft.id}/unpublish`);
    expect((await visitor.get(`/api/v1/resources/${draft.slug}`)).statusCode).toBe(404);

    // The same title again gets its own address.
    expect((await keeper.post('/api/v1/admin/resources', article())).json().resource.slug).toBe('made-up-evening-walks-2');
    const audit = await t().database.db.selectFrom('audit_log').select('action').where('target_type', '=', 'resource').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['resource.created', 'resource.created', 'resource.published', 'resource.unpublished', 'resource.updated']);
  });

  it('renders the preview with the same sanitiser, so scripts and handlers are inert', async () => {
    const keeper = await admin(t());
    const evil = [
      '# Big heading',
      '<script>alert("made-up")</script>',
      '<img src=x onerror="alert(1)">',
      '[click me](javascript:alert(1))',
      '![a picture](https://images.example.org/made-up.png)',
      '<a href="https://example.org" onclick="alert(1)">raw link</a>',
    ].join('\n\n');
    const res = await keeper.post('/api/v1/admin/resources/preview', { markdown: evil });
    expect(res.statusCode).toBe(200);
    const { html } = res.json();
    expect(html).toContain('<h3>Big heading</h3>');
    // What is left of the raw HTML is shown as text; no element carries a script or a handler.
    expect(html).not.toMatch(/<script|<img|<[a-z][^>]*\son\w+=|href="javascript:/i);
    expect(html).toContain('&lt;script&gt;');
    // A remote image becomes a link the reader may choose to follow.
    expect(html).toContain('href="https://images.example.org/made-up.png"');

    // What is saved is the same as what was previewed.
    const saved = await keeper.post('/api/v1/admin/resources', article({ markdown: evil }));
    expect(saved.json().resource.html).toBe(html);

    // Bad input is a kind 400 naming the field, never a 500.
    const bad = await keeper.post('/api/v1/admin/resources', { title: 'x', markdown: '   ', language: 'fr', tags: Array(9).fill('t') });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields ?? {})).toEqual(expect.arrayContaining(['title', 'markdown', 'language']));
    const tooMany = await keeper.post('/api/v1/admin/resources', article({ tags: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'] }));
    expect(tooMany.statusCode).toBe(400);
    expect((await keeper.get('/api/v1/admin/resources/01NOTANARTICLE')).statusCode).toBe(404);
    expect((await keeper.get('/api/v1/admin/resources/not-an-id')).statusCode).toBe(400);
  });

  it('searches title, text and tags within one language, blind to case and accents, and filters by tag', async () => {
    const keeper = await admin(t());
    const publish = async (body: Record<string, unknown>) => {
      const id = (await keeper.post('/api/v1/admin/resources', article(body))).json().resource.id;
      await keeper.post(`/api/v1/admin/resources/${id}/publish`);
    };
    await publish({ title: 'Made-up morning light', markdown: 'Open the curtains early.', tags: ['sleep'] });
    await publish({ title: 'Made-up tea ritual', markdown: 'A warm cup before bed helps some people rest.', tags: ['sleep', 'habits'] });
    await publish({ title: 'Made-up rest notes', markdown: 'On 100% of days: rest_well.', tags: ['habits'] });
    await publish({ title: 'Descanso inventado', markdown: 'Una taza caliente antes de dormir.', language: 'es', tags: ['Sueño'] });
    const visitor = new Visitor(t().app);
    const slugs = async (query: string) => (await visitor.get(`/api/v1/resources?${query}`)).json().items.map((i: { title: string }) => i.title);

    expect(await slugs('lang=en')).toEqual(['Made-up morning light', 'Made-up rest notes', 'Made-up tea ritual']);
    // In the text, case blind; words must all match.
    expect(await slugs('lang=en&q=CURTAINS')).toEqual(['Made-up morning light']);
    expect(await slugs('lang=en&q=warm%20cup')).toEqual(['Made-up tea ritual']);
    expect(await slugs('lang=en&q=warm%20curtains')).toEqual([]);
    // Title matches first, then text and tag matches.
    expect(await slugs('lang=en&q=rest')).toEqual(['Made-up rest notes', 'Made-up tea ritual']);
    // Tags are searched too.
    expect(await slugs('lang=en&q=habits')).toEqual(['Made-up rest notes', 'Made-up tea ritual']);
    // LIKE wildcards are plain characters.
    expect(await slugs('lang=en&q=%25')).toEqual(['Made-up rest notes']);
    expect(await slugs('lang=en&q=_')).toEqual(['Made-up rest notes']);
    // Within the language only.
    expect(await slugs('lang=en&q=taza')).toEqual([]);
    expect(await slugs('lang=es&q=TAZA')).toEqual(['Descanso inventado']);
    expect(await slugs('lang=es&q=sueno')).toEqual(['Descanso inventado']);
    expect(await slugs('lang=es&q=cup')).toEqual([]);

    expect(await slugs('lang=en&tag=sleep')).toEqual(['Made-up morning light', 'Made-up tea ritual']);
    expect(await slugs('lang=en&tag=Sleep&q=warm')).toEqual(['Made-up tea ritual']);
    expect(await slugs('lang=es&tag=sue%C3%B1o')).toEqual(['Descanso inventado']);
    expect(await slugs('lang=en&tag=nothing-here')).toEqual([]);
    expect((await visitor.get('/api/v1/resources?lang=en')).json().tags).toEqual([
      { tag: 'habits', count: 2 },
      { tag: 'sleep', count: 2 },
    ]);
    // A member's own language is the default.
    const ana = await member(t(), 'SpanishReader9');
    expect((await ana.patch('/api/v1/me', { language: 'es' })).statusCode).toBe(200);
    const mine = (await ana.get('/api/v1/resources')).json();
    expect(mine).toMatchObject({ language: 'es', items: [{ title: 'Descanso inventado' }] });
    expect((await visitor.get('/api/v1/resources')).json().language).toBe('en');
    expect((await visitor.get('/api/v1/resources?lang=fr')).statusCode).toBe(400);
    expect((await visitor.get(`/api/v1/resources?q=${'a'.repeat(101)}`)).statusCode).toBe(400);
  });

  it('seeds the starter articles once, published and readable by visitors, ending with help', async () => {
    const resources = createResourcesService({ db: t().database.db });
    expect(await resources.seedDefaults()).toBe(true);
    expect(await resources.seedDefaults()).toBe(false);
    const visitor = new Visitor(t().app);
    const en = (await visitor.get('/api/v1/resources?lang=en')).json();
    expect(en.items.length).toBe(STARTER_RESOURCES.filter((a) => a.language === 'en').length);
    const grounding = (await visitor.get('/api/v1/resources?lang=en&q=5-4-3-2-1')).json().items;
    expect(grounding.map((i: { slug: string }) => i.slug)).toEqual(['grounding-with-5-4-3-2-1']);
    const page = (await visitor.get('/api/v1/resources/grounding-with-5-4-3-2-1')).json().resource;
    expect(page.html).toMatch(/<a href="\/help"[^>]*><strong>|<strong><a href="\/help"/);
    expect(page.html.slice(-800)).toContain('crisis lines');
    expect((await visitor.get('/api/v1/resources?lang=es&q=sueño')).json().items.length).toBeGreaterThan(0);
  });

  it('exports the articles an admin wrote and takes their name off when the account is deleted', async () => {
    const keeper = await admin(t(), 'ArticleWriter3');
    const created = (await keeper.post('/api/v1/admin/resources', article())).json().resource;
    const exported = await keeper.get('/api/v1/me/export');
    expect(exported.statusCode).toBe(200);
    expect(exported.json().resources).toMatchObject({ articlesWritten: [{ slug: 'made-up-evening-walks', title: 'Made-up evening walks' }] });
    const { resourcesMemberData } = await import('./resources.member-data.js');
    const memberId = (await keeper.get('/api/v1/me')).json().member.id;
    expect(await resourcesMemberData.export(t().database.db, memberId)).toMatchObject({ articlesWritten: [{ slug: 'made-up-evening-walks' }] });
    await t().database.db.transaction().execute((trx) => resourcesMemberData.erase(trx, memberId, Date.now()));
    const row = await t().database.db.selectFrom('resources').select(['created_by', 'updated_by']).where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ created_by: null, updated_by: null });
  });
});
