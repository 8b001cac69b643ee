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

  it('keeps a blocked member from reaching the blocker with replies or reactions, and clears their unread ones', async () => {
    const ana = await memberIn(t(), 'QuietHeron83');
    const bo = await memberIn(t(), 'GentleOtter83');
    const id = await post(ana, { title: 'Made-up morning', body: 'Slow start today.' });
    await reply(bo, id, 'Before the block.');
    expect((await ana.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 1 });

    await ana.put('/api/v1/me/blocks/GentleOtter83');
    // What they had already caused is read and out of the list.
    expect((await ana.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 0 });
    expect((await ana.get('/api/v1/notifications')).json().items).toEqual([]);

    await reply(bo, id, 'After the block.');
    await bo.put(`/api/v1/posts/${id}/reactions/hug`);
    const anonymousReply = await bo.post(`/api/v1/posts/${id}/replies`, { body: 'Anonymous, after the block.', anonymous: true });
    expect(anonymousReply.statusCode).toBe(201);
    expect((await ana.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 0 });
    expect((await ana.get('/api/v1/notifications')).json().items).toEqual([]);
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
