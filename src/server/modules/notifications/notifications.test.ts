import { expect, it } from 'vitest';
import { describeEachDialect, type TestApp, type Visitor } from '../../test/harness.js';
import { memberIn, post, reply } from '../../test/forum-fixtures.js';

type N = { id: string; kind: string; actor: { kind: string; handle?: string }; post: { id: string; title: string }; replyId: string | null; reaction?: string; others?: number; read: boolean };
const list = async (v: Visitor): Promise<N[]> => (await v.get('/api/v1/notifications')).json().items;
const unread = async (v: Visitor): Promise<number> => (await v.get('/api/v1/notifications/unread-count')).json().unread;

/** Records every 'notifications.changed' the app publishes. */
function changes(t: TestApp): string[][] {
  const seen: string[][] = [];
  t.app.events.on('notifications.changed', async (e) => void seen.push(e.memberIds));
  return seen;
}
const idOf = async (t: TestApp, handle: string) =>
  (await t.database.db.selectFrom('members').select('id').where('handle_key', '=', handle.toLowerCase()).executeTakeFirstOrThrow()).id;

describeEachDialect('notifications: mentions and reactions', (t) => {
  it('notifies each member mentioned in a post or a reply once, never the author or an unknown handle', async () => {
    const ana = await memberIn(t(), 'QuietHeron90');
    const bo = await memberIn(t(), 'GentleOtter90');
    const cy = await memberIn(t(), 'MistyFinch90');
    const id = await post(ana, { title: 'Thanks @GentleOtter90', body: 'And @gentleotter90 again, @QuietHeron90 (me) and @NobodyCalledThis90.' });
    expect(await list(bo)).toEqual([expect.objectContaining({ kind: 'mention', post: { id, title: 'Thanks @GentleOtter90' }, replyId: null, actor: { kind: 'member', handle: 'QuietHeron90', isMe: false }, read: false })]);
    expect(await unread(ana)).toBe(0);

    // In a reply: the post's author is mentioned, so they hear of the mention instead of the reply (once).
    const r = await reply(cy, id, 'I agree with @QuietHeron90 and @GentleOtter90.');
    expect((await list(ana)).map((n) => [n.kind, n.replyId])).toEqual([['mention', r]]);
    expect((await list(bo)).map((n) => [n.kind, n.replyId])).toEqual([['mention', r], ['mention', null]]);

    // An edit that adds a mention tells only the newly mentioned.
    const dee = await memberIn(t(), 'SunnyWren90');
    expect((await cy.patch(`/api/v1/replies/${r}`, { body: 'I agree with @QuietHeron90, @GentleOtter90 and @SunnyWren90.' })).statusCode).toBe(200);
    expect((await list(dee)).map((n) => [n.kind, n.replyId])).toEqual([['mention', r]]);
    expect(await unread(ana)).toBe(1);
    expect(await unread(bo)).toBe(2);
    expect((await ana.patch(`/api/v1/posts/${id}`, { body: 'Now also @SunnyWren90.' })).statusCode).toBe(200);
    expect((await list(dee)).map((n) => [n.kind, n.replyId])).toEqual([['mention', null], ['mention', r]]);
    expect(await unread(bo)).toBe(2);
  });

  it('keeps an anonymous author anonymous in a mention', async () => {
    const ana = await memberIn(t(), 'QuietHeron91');
    const bo = await memberIn(t(), 'GentleOtter91');
    await post(ana, { title: 'A made-up question', body: '@GentleOtter91 what helps you?', anonymous: true });
    const [n] = await list(bo);
    expect(n).toMatchObject({ kind: 'mention', actor: { kind: 'anonymous' } });
    expect(JSON.stringify(n)).not.toContain('QuietHeron91');
  });

  it('does not deliver a mention, anonymous or not, between a member and someone they blocked, either way', async () => {
    const ana = await memberIn(t(), 'QuietHeron92');
    const bo = await memberIn(t(), 'GentleOtter92');
    await ana.put('/api/v1/me/blocks/GentleOtter92');
    const id = await post(bo, { title: 'Hey @QuietHeron92', body: 'Made-up words for @QuietHeron92.' });
    await post(bo, { title: 'Again', body: 'Anonymous @QuietHeron92', anonymous: true });
    const cy = await memberIn(t(), 'MistyFinch92');
    const other = await post(cy, { title: 'Open thread', body: 'Say hello.' });
    await reply(bo, other, 'Hello @QuietHeron92 and @MistyFinch92');
    await reply(bo, id, 'Hello again @QuietHeron92');
    expect(await unread(ana)).toBe(0);
    expect(await list(ana)).toEqual([]);
    // Everyone else mentioned alongside still hears of it.
    expect((await list(cy)).map((n) => n.kind)).toEqual(['mention']);
    // The block works both ways: the blocker's mentions do not reach the member they blocked either.
    await post(ana, { title: 'To @GentleOtter92', body: 'Made-up words for @MistyFinch92 too.' });
    expect((await list(bo)).some((n) => n.kind === 'mention')).toBe(false);
    expect(await unread(bo)).toBe(0);
    expect((await list(cy)).map((n) => n.kind)).toEqual(['mention', 'mention']);
  });

  it('notifies reactions once per person, gathering them while unread', async () => {
    const ana = await memberIn(t(), 'QuietHeron93');
    const bo = await memberIn(t(), 'GentleOtter93');
    const cy = await memberIn(t(), 'MistyFinch93');
    const dee = await memberIn(t(), 'SunnyWren93');
    const id = await post(ana, { title: 'Small win', body: 'Made-up: I went outside.' });
    await ana.put(`/api/v1/posts/${id}/reactions/hug`);
    expect(await unread(ana)).toBe(0);

    await bo.put(`/api/v1/posts/${id}/reactions/hug`);
    expect(await list(ana)).toEqual([expect.objectContaining({ kind: 'reaction', reaction: 'hug', others: 0, actor: { kind: 'member', handle: 'GentleOtter93', isMe: false }, replyId: null })]);
    // The same person again (another kind, or taking it back and giving it again) changes nothing.
    await bo.put(`/api/v1/posts/${id}/reactions/me_too`);
    await bo.delete(`/api/v1/posts/${id}/reactions/hug`);
    await bo.put(`/api/v1/posts/${id}/reactions/hug`);
    expect(await unread(ana)).toBe(1);
    expect((await list(ana))[0]).toMatchObject({ others: 0, actor: { handle: 'GentleOtter93' } });
    // Someone else joins the unread one.
    await cy.put(`/api/v1/posts/${id}/reactions/got_this`);
    expect(await unread(ana)).toBe(1);
    expect(await list(ana)).toEqual([expect.objectContaining({ kind: 'reaction', reaction: 'got_this', others: 1, actor: expect.objectContaining({ handle: 'MistyFinch93' }) })]);

    // Once read, a new person starts a new one; someone already counted does not.
    await ana.post('/api/v1/notifications/read', {});
    await cy.delete(`/api/v1/posts/${id}/reactions/got_this`);
    await cy.put(`/api/v1/posts/${id}/reactions/got_this`);
    expect(await unread(ana)).toBe(0);
    await dee.put(`/api/v1/posts/${id}/reactions/thank_you`);
    expect(await unread(ana)).toBe(1);
    expect((await list(ana)).map((n) => [n.kind, n.others, n.read])).toEqual([['reaction', 0, false], ['reaction', 1, true]]);

    // A reaction to a reply reaches the reply's author and names the reply.
    const r = await reply(bo, id, 'Well done!');
    await ana.put(`/api/v1/replies/${r}/reactions/thank_you`);
    expect((await list(bo)).filter((n) => n.kind === 'reaction')).toEqual([expect.objectContaining({ replyId: r, reaction: 'thank_you', actor: expect.objectContaining({ handle: 'QuietHeron93' }) })]);

    // Nobody hears of a reaction from someone they blocked (whose reply is not there for them any more).
    await bo.put('/api/v1/me/blocks/MistyFinch93');
    expect((await cy.put(`/api/v1/replies/${r}/reactions/hug`)).statusCode).toBe(404);
    expect((await list(bo)).filter((n) => n.kind === 'reaction')).toHaveLength(1);
  });

  it("publishes 'notifications.changed' after new, gathered and read notifications", async () => {
    const seen = changes(t());
    const ana = await memberIn(t(), 'QuietHeron94');
    const bo = await memberIn(t(), 'GentleOtter94');
    const cy = await memberIn(t(), 'MistyFinch94');
    const [anaId, boId] = await Promise.all(['QuietHeron94', 'GentleOtter94'].map((h) => idOf(t(), h)));
    const id = await post(ana, { title: 'Hello @GentleOtter94', body: 'Made-up hello.' });
    expect(seen).toEqual([[boId]]);
    await bo.put(`/api/v1/posts/${id}/follow`);
    await reply(cy, id, 'Hi both.');
    expect(seen.at(-1)!.sort()).toEqual([anaId, boId].sort());
    await bo.put(`/api/v1/posts/${id}/reactions/hug`);
    expect(seen.at(-1)).toEqual([anaId]);
    await cy.put(`/api/v1/posts/${id}/reactions/hug`);
    expect(seen.at(-1)).toEqual([anaId]);
    expect(seen).toHaveLength(4);

    await ana.post('/api/v1/notifications/read', {});
    expect(seen.at(-1)).toEqual([anaId]);
    expect(seen).toHaveLength(5);
    // Nothing changed, nothing published.
    await ana.post('/api/v1/notifications/read', {});
    expect(seen).toHaveLength(5);
    const [first] = await list(bo);
    await bo.post(`/api/v1/notifications/${first!.id}/read`, {});
    expect(seen.at(-1)).toEqual([boId]);
  });
});
