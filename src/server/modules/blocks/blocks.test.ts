import { expect, it } from 'vitest';
import { describeEachDialect, Visitor } from '../../test/harness.js';
import { memberIn, moderatorIn, post, reply } from '../../test/forum-fixtures.js';

type Item = { id: string };
const ids = (res: { json(): { items: Item[] } }) => res.json().items.map((i) => i.id);

describeEachDialect('blocking members', (t) => {
  it('blocks, lists and unblocks, idempotently, with kind errors for bad handles', async () => {
    const ana = await memberIn(t(), 'QuietHeron80');
    await memberIn(t(), 'GentleOtter80');
    await memberIn(t(), 'MistyFinch80');

    expect((await ana.get('/api/v1/me/blocks')).json()).toEqual({ items: [] });
    expect((await ana.put('/api/v1/me/blocks/gentleotter80')).statusCode).toBe(204);
    expect((await ana.put('/api/v1/me/blocks/GentleOtter80')).statusCode).toBe(204);
    expect((await ana.put('/api/v1/me/blocks/MistyFinch80')).statusCode).toBe(204);
    const list = (await ana.get('/api/v1/me/blocks')).json();
    expect(list.items.map((b: { handle: string }) => b.handle).sort()).toEqual(['GentleOtter80', 'MistyFinch80']);
    expect(typeof list.items[0].blockedAt).toBe('number');
    expect((await ana.get('/api/v1/members/GentleOtter80')).json().blockedByMe).toBe(true);

    expect((await ana.delete('/api/v1/me/blocks/GentleOtter80')).statusCode).toBe(204);
    expect((await ana.delete('/api/v1/me/blocks/GentleOtter80')).statusCode).toBe(204);
    expect((await ana.get('/api/v1/me/blocks')).json().items.map((b: { handle: string }) => b.handle)).toEqual(['MistyFinch80']);
    expect((await ana.get('/api/v1/members/GentleOtter80')).json().blockedByMe).toBeUndefined();

    const self = await ana.put('/api/v1/me/blocks/QuietHeron80');
    expect(self.statusCode).toBe(400);
    expect(self.json().error).toMatchObject({ code: 'cannot_block_self', message: expect.stringContaining('block yourself') });
    const unknown = await ana.put('/api/v1/me/blocks/NoSuchMember80');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toMatch(/could not be found/);
    expect((await ana.delete('/api/v1/me/blocks/NoSuchMember80')).statusCode).toBe(404);
    const bad = await ana.put('/api/v1/me/blocks/not%20a%20handle');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({ handle: expect.stringContaining('handles use letters') });
    expect((await new Visitor(t().app).get('/api/v1/me/blocks')).statusCode).toBe(401);
    expect((await new Visitor(t().app).put('/api/v1/me/blocks/GentleOtter80')).statusCode).toBe(401);
  });

  it("hides a blocked member's posts, anonymous ones too, from every feed and from search, until unblocked", async () => {
    const ana = await memberIn(t(), 'QuietHeron81');
    const bo = await memberIn(t(), 'GentleOtter81');
    const cy = await memberIn(t(), 'MistyFinch81');
    const named = await post(bo, { title: 'Lighthouse walk', body: 'A made-up lighthouse walk helped today.' });
    const hidden = await post(bo, { title: 'Lighthouse night', body: 'Anonymous words about a made-up lighthouse.', anonymous: true });
    const other = await post(cy, { title: 'Lighthouse keeper', body: 'Nobody has answered me about the lighthouse.' });
    const onBos = await reply(cy, named, 'The lighthouse sounds lovely.');
    await ana.put(`/api/v1/posts/${named}/save`);
    await ana.put(`/api/v1/posts/${hidden}/save`);

    const feeds = async () => ({
      group: ids(await ana.get('/api/v1/groups/depression-support/posts')),
      active: ids(await ana.get('/api/v1/groups/depression-support/posts?sort=active')),
      unanswered: ids(await ana.get('/api/v1/groups/depression-support/posts?sort=unanswered')),
      home: ids(await ana.get('/api/v1/feed')),
      needsReply: ids(await ana.get('/api/v1/needs-reply')),
      saved: ids(await ana.get('/api/v1/saved')),
      search: (await ana.get('/api/v1/search?q=lighthouse')).json().items.map((h: { postId: string; replyId: string | null }) => h.replyId ?? h.postId),
    });
    const before = await feeds();
    expect(before.group).toEqual(expect.arrayContaining([named, hidden, other]));
    expect(before.unanswered).toEqual(expect.arrayContaining([hidden]));
    expect(before.needsReply).toEqual(expect.arrayContaining([hidden]));
    expect([...before.saved].sort()).toEqual([named, hidden].sort());
    expect(before.search).toEqual(expect.arrayContaining([named, hidden, other, onBos]));

    expect((await ana.put('/api/v1/me/blocks/GentleOtter81')).statusCode).toBe(204);
    const after = await feeds();
    for (const list of Object.values(after)) {
      expect(list).not.toContain(named);
      expect(list).not.toContain(hidden);
    }
    // A reply on a blocked member's post is left out of search too: it would lead to a hidden post.
    expect(after.search).not.toContain(onBos);
    expect(after.group).toContain(other);
    expect(after.search).toContain(other);

    // By a direct link: a named post says why; an anonymous one answers as if it were not there.
    const direct = await ana.get(`/api/v1/posts/${named}`);
    expect(direct.statusCode).toBe(403);
    expect(direct.json().error).toMatchObject({ code: 'blocked_member', message: expect.stringContaining('unblock') });
    const anon = await ana.get(`/api/v1/posts/${hidden}`);
    expect(anon.statusCode).toBe(404);
    expect(anon.body).not.toContain('GentleOtter81');
    expect((await ana.get(`/api/v1/posts/${hidden}/replies`)).statusCode).toBe(404);
    // Nobody else is affected, and the blocked member is not told.
    expect(ids(await cy.get('/api/v1/groups/depression-support/posts'))).toEqual(expect.arrayContaining([named, hidden]));
    expect((await bo.get(`/api/v1/posts/${named}`)).statusCode).toBe(200);
    // Moderators still reach what they blocked, for reports and risk alerts.
    const mod = await moderatorIn(t(), 'SunnyWren81');
    await mod.put('/api/v1/me/blocks/GentleOtter81');
    expect((await mod.get(`/api/v1/posts/${hidden}`)).statusCode).toBe(200);
    expect(ids(await mod.get('/api/v1/groups/depression-support/posts'))).not.toContain(hidden);

    await ana.delete('/api/v1/me/blocks/GentleOtter81');
    expect(await feeds()).toEqual(before);
  });

  it("shows a blocked member's replies as a placeholder that keeps the thread's order, and leaves anonymous ones out", async () => {
    const ana = await memberIn(t(), 'QuietHeron82');
    const bo = await memberIn(t(), 'GentleOtter82');
    const cy = await memberIn(t(), 'MistyFinch82');
    const id = await post(ana, { title: 'Rainy evening', body: 'How is everyone?' });
    const first = await reply(bo, id, 'Made-up unkind words.');
    const answer = await reply(cy, id, 'Please be gentle here.', first);
    const anon = await reply(bo, id, 'Anonymous made-up words.');
    await t().database.db.updateTable('replies').set({ anonymous: 1 }).where('id', '=', anon).execute();
    const last = await reply(cy, id, 'Evening everyone.');
    await ana.put(`/api/v1/replies/${first}/reactions/hug`);

    await ana.put('/api/v1/me/blocks/GentleOtter82');
    const thread = (await ana.get(`/api/v1/posts/${id}/replies`)).json().items;
    expect(thread.map((r: Item) => r.id)).toEqual([first, answer, last]);
    expect(thread[0]).toMatchObject({ blockedAuthor: true, bodyHtml: null, author: { kind: 'member', handle: 'GentleOtter82' }, myReactions: [], canEdit: false });
    expect(JSON.stringify(thread[0])).not.toContain('unkind');
    expect(thread[1]).toMatchObject({ parentId: first, depth: 1, bodyHtml: expect.stringContaining('gentle') });
    expect(thread[1].blockedAuthor).toBeUndefined();
    expect(JSON.stringify(thread)).not.toContain('Anonymous made-up');

    // Everyone else reads the whole thread.
    expect((await cy.get(`/api/v1/posts/${id}/replies`)).json().items.map((r: Item) => r.id)).toEqual([first, answer, anon, last]);
  });

  it('keeps a blocked member from reaching the blocker with replies, mentions or reactions, and clears their unread ones', async () => {
    const ana = await memberIn(t(), 'QuietHeron83');
    const bo = await memberIn(t(), 'GentleOtter83');
    const cy = await memberIn(t(), 'MistyFinch83');
    const id = await post(ana, { title: 'Made-up morning', body: 'Slow start today.' });
    await reply(bo, id, 'Before the block.');
    expect((await ana.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 1 });

    await ana.put('/api/v1/me/blocks/GentleOtter83');
    // What they had already caused is read and out of the list.
    expect((await ana.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 0 });
    expect((await ana.get('/api/v1/notifications')).json().items).toEqual([]);

    // The blocker's post is not there for them any more, so they cannot answer or react to it…
    expect((await bo.post(`/api/v1/posts/${id}/replies`, { body: 'After the block.' })).statusCode).toBe(404);
    expect((await bo.put(`/api/v1/posts/${id}/reactions/hug`)).statusCode).toBe(404);
    // …and what they write elsewhere does not reach the blocker: a reply in a thread the blocker
    // follows, named or anonymous, or a mention.
    const cys = await post(cy, { title: 'Made-up question', body: 'What helps on slow days?' });
    await ana.put(`/api/v1/posts/${cys}/follow`);
    await reply(bo, cys, 'Walking helps me, @QuietHeron83.');
    const anonymousReply = await bo.post(`/api/v1/posts/${cys}/replies`, { body: 'Anonymous, after the block.', anonymous: true });
    expect(anonymousReply.statusCode).toBe(201);
    await post(bo, { title: 'Hello @QuietHeron83', body: 'Made-up words.' });
    expect((await ana.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 0 });
    expect((await ana.get('/api/v1/notifications')).json().items).toEqual([]);
    // The post's author, whom nobody blocked, hears of both replies.
    expect((await cy.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 2 });
  });

  it("hides the blocker's posts from the member they blocked too, in every list and by link, as if they were not there, until unblocked", async () => {
    const ana = await memberIn(t(), 'QuietHeron85');
    const bo = await memberIn(t(), 'GentleOtter85');
    const cy = await memberIn(t(), 'MistyFinch85');
    const named = await post(ana, { title: 'Harbour walk', body: 'A made-up harbour walk helped today.' });
    const hidden = await post(ana, { title: 'Harbour night', body: 'Anonymous words about a made-up harbour.', anonymous: true });
    const other = await post(cy, { title: 'Harbour keeper', body: 'Nobody has answered me about the harbour.' });
    const onAnas = await reply(cy, named, 'The harbour sounds lovely.');
    const anasReply = await reply(ana, other, 'I know that harbour feeling.');
    await bo.put(`/api/v1/posts/${named}/save`);
    await bo.put(`/api/v1/posts/${hidden}/save`);

    const feeds = async (v: Visitor) => ({
      group: ids(await v.get('/api/v1/groups/depression-support/posts')),
      active: ids(await v.get('/api/v1/groups/depression-support/posts?sort=active')),
      unanswered: ids(await v.get('/api/v1/groups/depression-support/posts?sort=unanswered')),
      home: ids(await v.get('/api/v1/feed')),
      needsReply: ids(await v.get('/api/v1/needs-reply')),
      saved: ids(await v.get('/api/v1/saved')),
      search: (await v.get('/api/v1/search?q=harbour')).json().items.map((h: { postId: string; replyId: string | null }) => h.replyId ?? h.postId),
    });
    const before = await feeds(bo);
    expect(before.group).toEqual(expect.arrayContaining([named, hidden, other]));
    expect(before.needsReply).toEqual(expect.arrayContaining([hidden]));
    expect([...before.saved].sort()).toEqual([named, hidden].sort());
    expect(before.search).toEqual(expect.arrayContaining([named, hidden, other, onAnas, anasReply]));

    // Ana blocks Bo: Bo is never told, and Ana's words leave Bo's lists as anything else Bo may not read.
    expect((await ana.put('/api/v1/me/blocks/GentleOtter85')).statusCode).toBe(204);
    const after = await feeds(bo);
    for (const list of Object.values(after)) {
      for (const gone of [named, hidden, onAnas, anasReply]) expect(list).not.toContain(gone);
    }
    expect(after.group).toContain(other);
    expect(after.search).toContain(other);

    // By a direct link the post answers exactly as one that does not exist (not the blocker's 403).
    const missing = await bo.get('/api/v1/posts/01JZZZZZZZZZZZZZZZZZZZZZZZ');
    for (const id of [named, hidden]) {
      const res = await bo.get(`/api/v1/posts/${id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toEqual(missing.json().error);
      expect(res.body).not.toContain('QuietHeron85');
      expect((await bo.get(`/api/v1/posts/${id}/replies`)).statusCode).toBe(404);
    }
    // Nor on any other path that names it: saving, reacting and replying find nothing there either.
    expect((await bo.put(`/api/v1/posts/${named}/save`)).json().error).toEqual(missing.json().error);
    expect((await bo.put(`/api/v1/posts/${named}/reactions/hug`)).statusCode).toBe(404);
    expect((await bo.post(`/api/v1/posts/${named}/replies`, { body: 'Made-up words.' })).statusCode).toBe(404);
    expect((await bo.put(`/api/v1/replies/${anasReply}/reactions/hug`)).statusCode).toBe(404);
    const answering = await bo.post(`/api/v1/posts/${other}/replies`, { body: 'Made-up words.', parentId: anasReply });
    expect(answering.statusCode).toBe(400);
    expect(answering.json().error.fields).toEqual({ parentId: 'That reply is not part of this post.' });
    // The blocker's own view is as before: Bo's posts are the ones hidden, with the 403 that says why.
    const bos = await post(bo, { title: 'Harbour morning', body: 'Made-up words from the blocked member.' });
    expect(ids(await ana.get('/api/v1/groups/depression-support/posts'))).not.toContain(bos);
    expect((await ana.get(`/api/v1/posts/${bos}`)).json().error.code).toBe('blocked_member');
    expect((await ana.get(`/api/v1/posts/${named}`)).statusCode).toBe(200);
    // Someone blocked by both sides gets the 403 for their own block, never a hint of the other one.
    await bo.put('/api/v1/me/blocks/QuietHeron85');
    expect((await bo.get(`/api/v1/posts/${named}`)).json().error.code).toBe('blocked_member');
    await bo.delete('/api/v1/me/blocks/QuietHeron85');

    // A moderator the member blocked still reads everything, in lists and by link.
    const mod = await moderatorIn(t(), 'SunnyWren85');
    await ana.put('/api/v1/me/blocks/SunnyWren85');
    expect(ids(await mod.get('/api/v1/groups/depression-support/posts'))).toEqual(expect.arrayContaining([named, hidden]));
    expect((await mod.get('/api/v1/search?q=harbour')).json().items.map((h: { postId: string; replyId: string | null }) => h.replyId ?? h.postId)).toEqual(
      expect.arrayContaining([named, hidden, anasReply]),
    );
    expect((await mod.get(`/api/v1/posts/${named}`)).statusCode).toBe(200);
    expect((await mod.get(`/api/v1/posts/${hidden}`)).statusCode).toBe(200);

    await ana.delete('/api/v1/me/blocks/GentleOtter85');
    const back = await feeds(bo);
    for (const [name, list] of Object.entries(back)) expect(list.filter((id: string) => id !== bos), name).toEqual(before[name as keyof typeof before]);
  });

  it("leaves the blocker's replies out of the blocked member's threads with no placeholder, and keeps the answers to them in place", async () => {
    const ana = await memberIn(t(), 'QuietHeron86');
    const bo = await memberIn(t(), 'GentleOtter86');
    const cy = await memberIn(t(), 'MistyFinch86');
    const id = await post(cy, { title: 'Rainy morning', body: 'How is everyone?' });
    const first = await reply(ana, id, 'Made-up words from the blocker.');
    const answer = await reply(cy, id, 'Thank you, that helps.', first);
    const anon = await reply(ana, id, 'Anonymous made-up words from the blocker.');
    await t().database.db.updateTable('replies').set({ anonymous: 1 }).where('id', '=', anon).execute();
    const bos = await reply(bo, id, 'Made-up words from the blocked member.');
    const last = await reply(cy, id, 'Morning everyone.');

    await ana.put('/api/v1/me/blocks/GentleOtter86');
    const thread = (await bo.get(`/api/v1/posts/${id}/replies`)).json().items;
    expect(thread.map((r: Item) => r.id)).toEqual([answer, bos, last]);
    expect(thread[0]).toMatchObject({ parentId: first, depth: 1, bodyHtml: expect.stringContaining('helps') });
    const json = JSON.stringify(thread);
    expect(json).not.toContain('QuietHeron86');
    expect(json).not.toContain('from the blocker');
    expect(json).not.toContain('blockedAuthor');

    // For the blocker nothing changes: the blocked member's reply is the placeholder.
    const asAna = (await ana.get(`/api/v1/posts/${id}/replies`)).json().items;
    expect(asAna.map((r: Item) => r.id)).toEqual([first, answer, anon, bos, last]);
    expect(asAna[3]).toMatchObject({ id: bos, blockedAuthor: true, bodyHtml: null });
    // Everyone else, and a moderator the blocker also blocked, read the whole thread.
    expect((await cy.get(`/api/v1/posts/${id}/replies`)).json().items.map((r: Item) => r.id)).toEqual([first, answer, anon, bos, last]);
    const mod = await moderatorIn(t(), 'SunnyWren86');
    await ana.put('/api/v1/me/blocks/SunnyWren86');
    const asMod = (await mod.get(`/api/v1/posts/${id}/replies`)).json().items;
    expect(asMod.map((r: Item) => r.id)).toEqual([first, answer, anon, bos, last]);
    expect(JSON.stringify(asMod)).not.toContain('blockedAuthor');

    // A block both ways: each sees the placeholder for their own block, never a trace of the other's.
    await bo.put('/api/v1/me/blocks/QuietHeron86');
    const both = (await bo.get(`/api/v1/posts/${id}/replies`)).json().items;
    expect(both.map((r: Item) => r.id)).toEqual([first, answer, bos, last]);
    expect(both[0]).toMatchObject({ blockedAuthor: true, bodyHtml: null });
  });

  it('keeps mentions, replies and reactions from reaching the member the blocker blocked, and clears theirs quietly', async () => {
    const ana = await memberIn(t(), 'QuietHeron87');
    const bo = await memberIn(t(), 'GentleOtter87');
    const cy = await memberIn(t(), 'MistyFinch87');
    const bos = await post(bo, { title: 'Made-up evening', body: 'A long day.' });
    const bosReply = await reply(bo, bos, 'Adding a made-up thought.');
    await reply(ana, bos, 'Before the block, from the blocker.');
    expect((await bo.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 1 });

    await ana.put('/api/v1/me/blocks/GentleOtter87');
    // What the blocker had already caused is read and out of the blocked member's list too.
    expect((await bo.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 0 });
    expect((await bo.get('/api/v1/notifications')).json().items).toEqual([]);

    // Nothing the blocker does reaches the blocked member: a reply, a mention, reactions.
    await reply(ana, bos, 'After the block, from the blocker.');
    expect((await ana.post(`/api/v1/posts/${bos}/replies`, { body: 'Anonymous, after the block.', anonymous: true })).statusCode).toBe(201);
    await post(ana, { title: 'Hello @GentleOtter87', body: 'Made-up words for @GentleOtter87 and @MistyFinch87.' });
    await ana.put(`/api/v1/posts/${bos}/reactions/hug`);
    await ana.put(`/api/v1/replies/${bosReply}/reactions/thank_you`);
    expect((await bo.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 0 });
    expect((await bo.get('/api/v1/notifications')).json().items).toEqual([]);
    // Others mentioned alongside still hear of it.
    expect((await cy.get('/api/v1/notifications')).json().items.map((n: { kind: string }) => n.kind)).toEqual(['mention']);

    // And, as before, nothing the blocked member writes reaches the blocker.
    await post(bo, { title: 'Hello @QuietHeron87', body: 'From the blocked member.' });
    expect((await ana.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 0 });

    // Unblocked, they reach each other again.
    await ana.delete('/api/v1/me/blocks/GentleOtter87');
    await reply(ana, bos, 'After unblocking.');
    expect((await bo.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 1 });
  });

  it("joins the member's data export, and account deletion removes blocks both ways", async () => {
    const ana = await memberIn(t(), 'QuietHeron84');
    const bo = await memberIn(t(), 'GentleOtter84');
    await memberIn(t(), 'MistyFinch84');
    await ana.put('/api/v1/me/blocks/GentleOtter84');
    await bo.put('/api/v1/me/blocks/QuietHeron84');
    await bo.put('/api/v1/me/blocks/MistyFinch84');

    const data = (await ana.get('/api/v1/me/export')).json();
    expect(data.blocks).toEqual([{ handle: 'GentleOtter84', blockedAt: expect.any(Number) }]);

    expect((await bo.request('DELETE', '/api/v1/me', { passphrase: 'lantern orchard pebble' })).statusCode).toBeLessThan(300);
    expect((await ana.get('/api/v1/me/blocks')).json()).toEqual({ items: [] });
    const left = await t().database.db.selectFrom('member_blocks').selectAll().execute();
    expect(left).toEqual([]);
  });
});
