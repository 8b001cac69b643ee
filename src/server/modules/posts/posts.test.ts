import { describe, expect, it } from 'vitest';
import { describeEachDialect, Visitor } from '../../test/harness.js';
import { memberIn, moderatorIn, post, reply, setTrustLevel } from '../../test/forum-fixtures.js';
import { renderMarkdown } from './markdown.js';

describe('renderMarkdown', () => {
  // Inert: every "<" left in the output opens an allowed tag, with no event handler and no script URL.
  const dangerous = [/<(script|img|svg|iframe|details|math|style|object|embed|form|input)\b/i, /<[a-z][^>]*\son[a-z]+\s*=/i, /<a\b[^>]*href="\s*(javascript|data|vbscript):/i];
  it.each([
    '<script>alert(1)</script>',
    '[x](javascript:alert(1))',
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '"><iframe src=javascript:alert(1)>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<details open ontoggle=alert(1)>',
    '![x](javascript:alert(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '<<script>script>alert(1)<</script>/script>',
  ])('renders %j inert', (input) => {
    const html = renderMarkdown(input);
    for (const pattern of dangerous) expect(html).not.toMatch(pattern);
  });

  it('marks links nofollow ugc noopener and turns remote images into links', () => {
    const html = renderMarkdown('See [the guide](https://example.org/guide) and ![a calm lake](https://images.example.net/lake.png)');
    expect(html).toContain('<a href="https://example.org/guide" rel="nofollow ugc noopener">the guide</a>');
    expect(html).toContain('<a href="https://images.example.net/lake.png" rel="nofollow ugc noopener">Image: a calm lake</a>');
    expect(html).not.toContain('<img');
  });

  it('keeps ordinary formatting', () => {
    expect(renderMarkdown('# Big\n\n**bold** and _soft_\n\n- one\n- two')).toBe('<h3>Big</h3>\n<p><strong>bold</strong> and <em>soft</em></p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n');
  });
});

describeEachDialect('posts', (t) => {
  it('lets a member of the group write a post, rendered and sanitized once, and lists it', async () => {
    const ana = await memberIn(t(), 'QuietHeron1');
    const res = await ana.post('/api/v1/groups/depression-support/posts', {
      title: 'A rough week <b>really</b>',
      body: 'Some days are **heavy**. <script>alert(1)</script> [link](javascript:alert(1))',
    });
    expect(res.statusCode).toBe(201);
    const { post: created, safety } = res.json();
    expect(safety).toEqual({ level: 'none', held: false, heldReason: null, contentWarningAdded: null, response: 'none', replyCare: [] });
    expect(created).toMatchObject({
      title: 'A rough week <b>really</b>',
      author: { kind: 'member', handle: 'QuietHeron1', isMe: true },
      group: { slug: 'depression-support' },
      replyCount: 0,
      canEdit: true,
      bodyMarkdown: 'Some days are **heavy**. <script>alert(1)</script> [link](javascript:alert(1))',
    });
    expect(created.bodyHtml).toContain('<strong>heavy</strong>');
    expect(created.bodyHtml).not.toMatch(/<script|href="javascript:/);

    const feed = (await new Visitor(t().app).get('/api/v1/groups/depression-support/posts')).statusCode;
    expect(feed).toBe(401);
    const bo = await memberIn(t(), 'GentleOtter1', 'mens-space');
    const list = (await bo.get('/api/v1/groups/depression-support/posts')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ title: 'A rough week <b>really</b>', excerpt: expect.stringContaining('Some days are heavy'), author: { isMe: false } });
    const seen = (await bo.get(`/api/v1/posts/${created.id}`)).json().post;
    expect(seen).toMatchObject({ canEdit: false });
    expect(seen.bodyMarkdown).toBeUndefined();
  });

  it('explains each problem kindly and never loses a post to a 500', async () => {
    const ana = await memberIn(t(), 'QuietHeron2');
    const empty = await ana.post('/api/v1/groups/depression-support/posts', { title: '   ', body: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields).toEqual({ title: 'Please give your post a title.', body: 'Please write something in your post.' });
    const big = await ana.post('/api/v1/groups/depression-support/posts', { title: 't'.repeat(201), body: 'b'.repeat(20_001) });
    expect(big.json().error.fields.title).toContain('200');
    expect(big.json().error.fields.body).toContain('20,000');
    expect((await ana.post('/api/v1/groups/no-such-group/posts', { title: 'Hi', body: 'There' })).statusCode).toBe(404);
    const notJoined = await ana.post('/api/v1/groups/young-adults/posts', { title: 'Hi', body: 'There' });
    expect(notJoined.statusCode).toBe(403);
    expect(notJoined.json().error).toMatchObject({ code: 'not_a_member', message: expect.stringContaining('draft is kept') });
    expect((await ana.post('/api/v1/groups/depression-support/posts', { title: 'Hi', body: 'There', contentWarning: 'spiders' })).statusCode).toBe(400);
  });

  it('edits with an "edited" mark only for the author, and deletes to "[deleted]" keeping the thread', async () => {
    const ana = await memberIn(t(), 'QuietHeron3');
    const bo = await memberIn(t(), 'GentleOtter3');
    const id = await post(ana, { title: 'First try', body: 'Hello all' });
    const notMine = await bo.patch(`/api/v1/posts/${id}`, { body: 'Taken over' });
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().error.code).toBe('not_author');
    const edited = (await ana.patch(`/api/v1/posts/${id}`, { body: 'Hello everyone' })).json().post;
    expect(edited.editedAt).toBeGreaterThan(0);
    expect(edited.bodyHtml).toContain('Hello everyone');
    await reply(bo, id, 'Welcome, glad you are here.');
    const deleted = (await ana.delete(`/api/v1/posts/${id}`)).json().post;
    expect(deleted).toMatchObject({ title: '[deleted]', bodyHtml: null, deleted: true, author: { kind: 'deleted' }, replyCount: 1 });
    const thread = (await bo.get(`/api/v1/posts/${id}/replies`)).json().items;
    expect(thread).toHaveLength(1);
    const feed = (await bo.get('/api/v1/groups/depression-support/posts')).json().items;
    expect(feed.map((p: { title: string }) => p.title)).toEqual(['[deleted]']);
    expect((await ana.patch(`/api/v1/posts/${id}`, { body: 'Back again' })).json().error.code).toBe('post_deleted');
    const replyToDeleted = await bo.post(`/api/v1/posts/${id}/replies`, { body: 'Hello?' });
    expect(replyToDeleted.statusCode).toBe(409);
    expect(replyToDeleted.json().error.code).toBe('post_deleted');
  });

  it('hides an anonymous author from everyone, and records each time a moderator reveals it', async () => {
    const ana = await memberIn(t(), 'QuietHeron4');
    const id = await post(ana, { title: 'Hard to say this', body: 'Something I cannot say with my name.', anonymous: true });
    expect((await ana.get(`/api/v1/posts/${id}`)).json().post.author).toEqual({ kind: 'anonymous', isMe: true });
    const bo = await memberIn(t(), 'GentleOtter4');
    const seen = (await bo.get(`/api/v1/posts/${id}`)).json().post;
    expect(seen.author).toEqual({ kind: 'anonymous', isMe: false });
    expect(JSON.stringify(seen)).not.toContain('QuietHeron4');
    expect(JSON.stringify((await bo.get('/api/v1/groups/depression-support/posts')).json())).not.toContain('QuietHeron4');
    expect((await bo.post(`/api/v1/posts/${id}/reveal-author`, {})).statusCode).toBe(403);

    const mod = await moderatorIn(t(), 'CalmModerator1');
    expect((await mod.get(`/api/v1/posts/${id}`)).json().post.author.kind).toBe('anonymous');
    const revealed = await mod.post(`/api/v1/posts/${id}/reveal-author`, { reason: 'Checking on a risk report' });
    expect(revealed.json().author.handle).toBe('QuietHeron4');
    const audit = await t().database.db.selectFrom('audit_log').selectAll().where('action', '=', 'post.author_revealed').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ target_id: id });
    expect(JSON.parse(audit[0]!.detail)).toEqual({ reason: 'Checking on a risk report' });
  });

  it('hides the body of a post with a content warning from lists', async () => {
    const ana = await memberIn(t(), 'QuietHeron5');
    const id = await post(ana, { title: 'Missing my dad', body: 'It has been a year since he died.', contentWarning: 'grief' });
    const item = (await ana.get('/api/v1/groups/depression-support/posts')).json().items[0];
    expect(item).toMatchObject({ id, contentWarning: 'grief', excerpt: '' });
    expect((await ana.get(`/api/v1/posts/${id}`)).json().post.bodyHtml).toContain('since he died');
  });

  it('keeps threads depth-first, shows nesting to depth 3 and keeps counts right after deletes', async () => {
    const ana = await memberIn(t(), 'QuietHeron6');
    const bo = await memberIn(t(), 'GentleOtter6');
    const id = await post(ana, { title: 'Thread', body: 'Start' });
    const a = await reply(bo, id, 'A');
    const b = await reply(ana, id, 'B');
    const a1 = await reply(ana, id, 'A1', a);
    const a11 = await reply(bo, id, 'A11', a1);
    const a111 = await reply(ana, id, 'A111', a11);
    const a1111 = await reply(bo, id, 'A1111', a111);
    const thread = (await ana.get(`/api/v1/posts/${id}/replies`)).json().items as { id: string; depth: number; parentId: string | null }[];
    expect(thread.map((r) => r.id)).toEqual([a, a1, a11, a111, a1111, b]);
    expect(thread.map((r) => r.depth)).toEqual([0, 1, 2, 3, 3, 0]);
    expect(thread[4]!.parentId).toBe(a111);
    expect((await ana.get(`/api/v1/posts/${id}`)).json().post.replyCount).toBe(6);

    const removed = (await bo.delete(`/api/v1/replies/${a11}`)).json().reply;
    expect(removed).toMatchObject({ deleted: true, bodyHtml: null, author: { kind: 'deleted' } });
    expect((await ana.get(`/api/v1/posts/${id}`)).json().post.replyCount).toBe(5);
    expect((await ana.get(`/api/v1/posts/${id}/replies`)).json().items).toHaveLength(6);
    expect((await ana.delete(`/api/v1/replies/${a}`)).statusCode).toBe(403);

    // Pages of a thread follow on from each other.
    const first = (await ana.get(`/api/v1/posts/${id}/replies?limit=4`)).json();
    const second = (await ana.get(`/api/v1/posts/${id}/replies?limit=4&cursor=${first.nextCursor}`)).json();
    expect([...first.items, ...second.items].map((r: { id: string }) => r.id)).toEqual([a, a1, a11, a111, a1111, b]);
    expect(second.nextCursor).toBeNull();

    const other = await post(ana, { title: 'Other', body: 'x' });
    const wrongParent = await bo.post(`/api/v1/posts/${other}/replies`, { body: 'x', parentId: a });
    expect(wrongParent.statusCode).toBe(400);
  });

  it('keeps one reaction of each kind per person, counts them, and toggles them off', async () => {
    const ana = await memberIn(t(), 'QuietHeron7');
    const bo = await memberIn(t(), 'GentleOtter7');
    const id = await post(ana, { title: 'Small win', body: 'I went outside today.' });
    await bo.put(`/api/v1/posts/${id}/reactions/hug`);
    const twice = (await bo.put(`/api/v1/posts/${id}/reactions/hug`)).json();
    expect(twice).toEqual({ reactions: { hug: 1, me_too: 0, thank_you: 0, got_this: 0 }, myReactions: ['hug'] });
    await bo.put(`/api/v1/posts/${id}/reactions/got_this`);
    const anaToo = (await ana.put(`/api/v1/posts/${id}/reactions/hug`)).json();
    expect(anaToo.reactions).toEqual({ hug: 2, me_too: 0, thank_you: 0, got_this: 1 });
    const off = (await bo.delete(`/api/v1/posts/${id}/reactions/hug`)).json();
    expect(off).toEqual({ reactions: { hug: 1, me_too: 0, thank_you: 0, got_this: 1 }, myReactions: ['got_this'] });
    expect((await bo.put(`/api/v1/posts/${id}/reactions/downvote`)).statusCode).toBe(400);

    const r = await reply(bo, id, 'So proud of you');
    const onReply = (await ana.put(`/api/v1/replies/${r}/reactions/thank_you`)).json();
    expect(onReply).toEqual({ reactions: { hug: 0, me_too: 0, thank_you: 1, got_this: 0 }, myReactions: ['thank_you'] });
    expect((await ana.get(`/api/v1/posts/${id}/replies`)).json().items[0].myReactions).toEqual(['thank_you']);
    expect((await bo.get('/api/v1/groups/depression-support/posts')).json().items[0].myReactions).toEqual(['got_this']);
  });

  it('orders group feeds by new, by recent activity and unanswered, with cursors', async () => {
    const ana = await memberIn(t(), 'QuietHeron8');
    // More posts in a minute than a new member may write in an hour.
    await setTrustLevel(t(), 'QuietHeron8', 2);
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) ids.push(await post(ana, { title: `Post ${i}`, body: `Body ${i}` }));
    const bo = await memberIn(t(), 'GentleOtter8');
    await reply(bo, ids[1]!, 'A reply brings post 2 to the top');
    const titles = async (url: string) => ((await ana.get(url)).json().items as { title: string }[]).map((p) => p.title);
    expect(await titles('/api/v1/groups/depression-support/posts?sort=new')).toEqual(['Post 5', 'Post 4', 'Post 3', 'Post 2', 'Post 1']);
    expect(await titles('/api/v1/groups/depression-support/posts?sort=active')).toEqual(['Post 2', 'Post 5', 'Post 4', 'Post 3', 'Post 1']);
    expect(await titles('/api/v1/groups/depression-support/posts?sort=unanswered')).toEqual(['Post 5', 'Post 4', 'Post 3', 'Post 1']);
    const p1 = (await ana.get('/api/v1/groups/depression-support/posts?limit=2')).json();
    const p2 = (await ana.get(`/api/v1/groups/depression-support/posts?limit=2&cursor=${p1.nextCursor}`)).json();
    const p3 = (await ana.get(`/api/v1/groups/depression-support/posts?limit=2&cursor=${p2.nextCursor}`)).json();
    expect([...p1.items, ...p2.items, ...p3.items].map((p: { title: string }) => p.title)).toEqual(['Post 5', 'Post 4', 'Post 3', 'Post 2', 'Post 1']);
    expect(p3.nextCursor).toBeNull();
    expect((await ana.get('/api/v1/groups/depression-support/posts?sort=loudest')).statusCode).toBe(400);
  });

  it("gathers the home feed from the member's groups, and 'Needs a reply' from the last 7 days, oldest first", async () => {
    const ana = await memberIn(t(), 'QuietHeron9');
    const bo = await memberIn(t(), 'GentleOtter9', 'mens-space');
    const inDepression = await post(ana, { title: 'In depression support', body: 'x' });
    const inMens = await post(bo, { title: 'In mens space', body: 'y' }, 'mens-space');
    const answered = await post(bo, { title: 'Answered', body: 'z' }, 'mens-space');
    await reply(ana, answered, 'Here for you');
    const old = await post(ana, { title: 'Too old', body: 'w' });
    await t().database.db.updateTable('posts').set({ created_at: Date.now() - 8 * 24 * 3600 * 1000 }).where('id', '=', old).execute();

    expect(((await bo.get('/api/v1/feed')).json().items as { id: string }[]).map((p) => p.id)).toEqual([answered, inMens]);
    const needs = ((await bo.get('/api/v1/needs-reply')).json().items as { id: string }[]).map((p) => p.id);
    expect(needs).toEqual([inDepression, inMens]);
    expect((await new Visitor(t().app).get('/api/v1/needs-reply')).statusCode).toBe(401);
  });

  it('saves posts, follows them, and tells followers and the author of each reply', async () => {
    const ana = await memberIn(t(), 'QuietHeron10');
    const bo = await memberIn(t(), 'GentleOtter10');
    const cy = await memberIn(t(), 'BraveFinch10');
    const id = await post(ana, { title: 'Anyone awake?', body: 'Cannot sleep again.' });
    expect((await cy.put(`/api/v1/posts/${id}/follow`)).json().post.following).toBe(true);
    expect((await cy.put(`/api/v1/posts/${id}/save`)).json().post.saved).toBe(true);
    expect(((await cy.get('/api/v1/saved')).json().items as { id: string }[]).map((p) => p.id)).toEqual([id]);

    await reply(bo, id, 'I am here, same boat.');
    await reply(ana, id, 'Thank you', undefined);
    expect((await ana.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 1 });
    expect((await cy.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 2 });
    expect((await bo.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 0 });
    const list = (await cy.get('/api/v1/notifications')).json();
    expect(list.unread).toBe(2);
    expect(list.items.map((n: { actor: { handle?: string } }) => n.actor.handle)).toEqual(['QuietHeron10', 'GentleOtter10']);
    expect(list.items[0]).toMatchObject({ kind: 'reply', post: { id, title: 'Anyone awake?' }, read: false });
    // One at a time: only that one is read, and only its owner can mark it.
    expect((await bo.post(`/api/v1/notifications/${list.items[0].id}/read`, {})).json()).toEqual({ unread: 0 });
    expect((await cy.post(`/api/v1/notifications/${list.items[0].id}/read`, {})).json()).toEqual({ unread: 1 });
    expect((await cy.post(`/api/v1/notifications/${list.items[0].id}/read`, {})).json()).toEqual({ unread: 1 });
    expect((await cy.get('/api/v1/notifications')).json().items.map((n: { read: boolean }) => n.read)).toEqual([true, false]);
    expect((await cy.post('/api/v1/notifications/read', {})).json()).toEqual({ unread: 0 });
    expect((await cy.get('/api/v1/notifications')).json().items.every((n: { read: boolean }) => n.read)).toBe(true);

    await cy.delete(`/api/v1/posts/${id}/follow`);
    await reply(bo, id, 'Still here.');
    expect((await cy.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 0 });
    expect((await cy.delete(`/api/v1/posts/${id}/save`)).json().post.saved).toBe(false);
  });

  it('lets moderators lock a post, after which replies are refused kindly', async () => {
    const ana = await memberIn(t(), 'QuietHeron11');
    const mod = await moderatorIn(t(), 'CalmModerator11');
    const id = await post(ana, { title: 'Lock me', body: 'x' });
    expect((await ana.post(`/api/v1/posts/${id}/lock`)).statusCode).toBe(403);
    expect((await mod.post(`/api/v1/posts/${id}/lock`)).json().post.locked).toBe(true);
    const refused = await ana.post(`/api/v1/posts/${id}/replies`, { body: 'Hello' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'post_locked', message: expect.stringContaining('kept') });
    expect((await mod.delete(`/api/v1/posts/${id}/lock`)).json().post.locked).toBe(false);
  });

  it('lets visitors read only the groups an admin opened to them, and keeps profiles to what members chose', async () => {
    const ana = await memberIn(t(), 'QuietHeron12');
    await post(ana, { title: 'Open post', body: 'For all' });
    const visitor = new Visitor(t().app);
    expect((await visitor.get('/api/v1/groups/depression-support/posts')).statusCode).toBe(401);
    const admin = await moderatorIn(t(), 'KindAdmin12');
    expect((await admin.patch('/api/v1/groups/depression-support', { visitorsCanRead: true })).json().group.visitorsCanRead).toBe(true);
    expect((await visitor.get('/api/v1/groups/depression-support/posts')).json().items).toHaveLength(1);

    expect((await visitor.get('/api/v1/members/QuietHeron12')).statusCode).toBe(401);
    const profile = () => admin.get('/api/v1/members/quietheron12');
    expect((await profile()).json()).toEqual({ handle: 'QuietHeron12', joinedMonth: new Date().toISOString().slice(0, 7), groups: [] });
    expect((await ana.patch('/api/v1/groups/depression-support/membership', { showOnProfile: true })).json().group.showOnProfile).toBe(true);
    expect((await profile()).json().groups).toEqual([{ slug: 'depression-support', name: 'Depression support' }]);
    expect((await ana.patch('/api/v1/groups/young-adults/membership', { showOnProfile: true })).statusCode).toBe(409);
    expect((await admin.get('/api/v1/members/NoSuchPerson')).statusCode).toBe(404);
  });

  it('renders a preview exactly as publishing will', async () => {
    const ana = await memberIn(t(), 'QuietHeron13');
    const res = await ana.post('/api/v1/markdown/preview', { body: '**hi** <script>x</script>' });
    expect(res.json().html).toBe(renderMarkdown('**hi** <script>x</script>'));
    expect((await new Visitor(t().app).post('/api/v1/markdown/preview', { body: 'x' })).statusCode).toBe(401);
  });
});
