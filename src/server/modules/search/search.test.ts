import { describe, expect, it } from 'vitest';
import { describeEachDialect, Visitor } from '../../test/harness.js';
import { memberIn, moderatorIn, post, reply, setTrustLevel } from '../../test/forum-fixtures.js';
import { scoreDoc, snippetHtml } from './search.service.js';
import { queryTerms, termsOf } from './terms.js';

describe('search terms, scores and snippets', () => {
  it('normalise case and accents the same way for indexing and querying', () => {
    expect(termsOf('Café CRÈME, naïve—über 2x')).toEqual(['cafe', 'creme', 'naive', 'uber', '2x']);
    expect(queryTerms('  the THE a cafés ')).toEqual(['the', 'cafes']);
  });

  it('weighs title matches three times a body match', () => {
    expect(scoreDoc(['sleep'], 'Sleep again', 'no sleep, sleeping badly')).toBe(3 + 2);
  });

  it('escapes the text and marks every matching word', () => {
    expect(snippetHtml('I <3 long walks; walking helps', ['walk'])).toBe('I &lt;3 long <mark>walks</mark>; <mark>walking</mark> helps');
  });
});

// The same corpus and the same questions on both databases: equal answers are the parity check.
describeEachDialect('search', (t) => {
  async function corpus() {
    const ana = await memberIn(t(), 'QuietHeron20');
    const bo = await memberIn(t(), 'GentleOtter20', 'mens-space');
    const sleep = await post(ana, { title: 'Sleep is hard lately', body: 'I lie awake every night thinking.' });
    const walk = await post(ana, { title: 'What helps you?', body: 'A short walk helps me sleep a little better.' });
    const cafe = await post(bo, { title: 'Small things', body: 'Went to the café with a friend. First time in weeks.' }, 'mens-space');
    const gone = await post(ana, { title: 'Sleep diary', body: 'Going to delete this.' });
    await ana.delete(`/api/v1/posts/${gone}`);
    const r = await reply(bo, sleep, 'Same here. Sleep hygiene tips helped a bit.');
    return { ana, bo, sleep, walk, cafe, r };
  }

  it('finds posts and replies, ranks title matches first, highlights the words, and skips deleted content', async () => {
    const { ana, sleep, walk, r } = await corpus();
    const res = (await ana.get('/api/v1/search?q=sleep')).json();
    expect(res.items.map((h: { kind: string; postId: string; replyId: string | null }) => [h.kind, h.postId, h.replyId])).toEqual([
      ['post', sleep, null],
      ['reply', sleep, r],
      ['post', walk, null],
    ]);
    // Found by its title: the snippet is the start of the body.
    expect(res.items[0].snippetHtml).toBe('I lie awake every night thinking.');
    expect(res.items[2].snippetHtml).toContain('<mark>sleep</mark>');
    expect(res.items[1]).toMatchObject({ title: 'Sleep is hard lately', group: { slug: 'depression-support' } });
    expect(res.items[1].snippetHtml).toContain('<mark>Sleep</mark>');
  });

  it('matches accents, prefixes and every word, across the groups a member may read', async () => {
    const { ana, cafe, walk } = await corpus();
    const ids = async (q: string) => ((await ana.get(`/api/v1/search?q=${encodeURIComponent(q)}`)).json().items as { postId: string }[]).map((h) => h.postId);
    expect(await ids('cafe')).toEqual([cafe]);
    expect(await ids('CAFÉ friend')).toEqual([cafe]);
    expect(await ids('walk better')).toEqual([walk]);
    expect(await ids('walk nonsenseword')).toEqual([]);
    expect(await ids('wal')).toEqual([walk]);
  });

  it('pages through results with a cursor', async () => {
    const ana = await memberIn(t(), 'QuietHeron21');
    // More posts in a minute than a new member may write in an hour.
    await setTrustLevel(t(), 'QuietHeron21', 2);
    for (let i = 0; i < 5; i++) await post(ana, { title: `Hope ${i}`, body: 'hope' });
    const first = (await ana.get('/api/v1/search?q=hope&limit=2')).json();
    const second = (await ana.get(`/api/v1/search?q=hope&limit=2&cursor=${first.nextCursor}`)).json();
    const third = (await ana.get(`/api/v1/search?q=hope&limit=2&cursor=${second.nextCursor}`)).json();
    const titles = [...first.items, ...second.items, ...third.items].map((h: { title: string }) => h.title);
    expect(titles).toEqual(['Hope 4', 'Hope 3', 'Hope 2', 'Hope 1', 'Hope 0']);
    expect(third.nextCursor).toBeNull();
  });

  it('keeps held, archived and members-only content out of reach', async () => {
    const { ana } = await corpus();
    const visitor = new Visitor(t().app);
    expect((await visitor.get('/api/v1/search?q=sleep')).json().items).toEqual([]);
    const admin = await moderatorIn(t(), 'KindAdmin20');
    await admin.patch('/api/v1/groups/mens-space', { visitorsCanRead: true });
    expect((await visitor.get('/api/v1/search?q=cafe')).json().items).toHaveLength(1);
    await admin.post('/api/v1/groups/depression-support/archive');
    expect((await ana.get('/api/v1/search?q=sleep')).json().items).toEqual([]);
    const empty = await ana.get('/api/v1/search?q=%20%20');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields.q).toBe('Please type what to search for.');
  });

  it('follows edits: the old words no longer find the post, the new ones do', async () => {
    const ana = await memberIn(t(), 'QuietHeron22');
    const id = await post(ana, { title: 'Garden', body: 'tomatoes everywhere' });
    await ana.patch(`/api/v1/posts/${id}`, { body: 'cucumbers now' });
    expect((await ana.get('/api/v1/search?q=tomatoes')).json().items).toEqual([]);
    expect((await ana.get('/api/v1/search?q=cucumbers')).json().items).toHaveLength(1);
  });
});
