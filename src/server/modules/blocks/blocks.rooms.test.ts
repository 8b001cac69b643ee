import { afterEach, describe, expect, it } from 'vitest';
import { socketRooms, type RoomView } from '../../../shared/messaging.js';
import { availableDialects, describeEachDialect, grantRole, redisUrl, startTestApp, type TestApp, Visitor } from '../../test/harness.js';
import { memberIn } from '../../test/forum-fixtures.js';
import { standInAssess, standInReplyCare } from '../../test/safety-fixtures.js';
import { collect, connect, enterRoom, eventually, join, listen, sent, settle, type ClientSocket } from '../../test/realtime-fixtures.js';

const sockets: ClientSocket[] = [];
afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
});

async function online(v: Visitor, url: string): Promise<ClientSocket> {
  const s = await connect(url, v);
  sockets.push(s);
  return s;
}

const bodies = (messages: { body: string }[]) => messages.map((m) => m.body);
const history = async (v: Visitor) => bodies(((await v.get('/api/v1/groups/depression-support/room')).json() as RoomView).messages);
const idOf = async (t: TestApp, handle: string) =>
  (await t.database.db.selectFrom('members').select('id').where('handle_key', '=', handle.toLowerCase()).executeTakeFirstOrThrow()).id;

// Bursts here are far above a person's pace, as in the messaging tests.
const opts = { assess: standInAssess, replyCare: standInReplyCare, config: { MESSAGES_PER_MINUTE: 10_000 } };

describeEachDialect(
  'blocks in rooms, both ways, over real sockets',
  (t) => {
    it('keeps two members’ messages and typing apart both ways, live and in history, silently, until unblocked', async () => {
      const url = await listen(t().app);
      const ana = await memberIn(t(), 'quiet-harbour');
      const bo = await memberIn(t(), 'gentle-fern');
      const cy = await memberIn(t(), 'third-willow');
      const view = await enterRoom(ana);
      await enterRoom(bo);
      await enterRoom(cy);
      const [sa, sb, sc] = await Promise.all([online(ana, url), online(bo, url), online(cy, url)]);
      for (const s of [sa, sb, sc]) await join(s, view.room.id);
      const atA = collect(sa, 'message:new'), atB = collect(sb, 'message:new'), atC = collect(sc, 'message:new');
      await sent(sa, view.room.id, 'before the block');
      await eventually(() => [atA, atB, atC].every((l) => l.length === 1), 'the first message everywhere');

      // Ana blocks Bo; Bo's sockets are already open, and are never told.
      expect((await ana.put('/api/v1/me/blocks/gentle-fern')).statusCode).toBe(204);
      const typingA = collect(sa, 'typing'), typingB = collect(sb, 'typing'), typingC = collect(sc, 'typing');
      sa.emit('typing', { conversationId: view.room.id, typing: true });
      sb.emit('typing', { conversationId: view.room.id, typing: true });
      await sent(sa, view.room.id, 'from the blocker');
      await sent(sb, view.room.id, 'from the blocked member');
      await sent(sc, view.room.id, 'from someone else');
      await eventually(() => atC.length === 4 && typingC.length === 2, 'everything at the third member');
      await settle();
      // Each still sees their own words, and the third member's, and nothing of the other's.
      expect(bodies(atA)).toEqual(['before the block', 'from the blocker', 'from someone else']);
      expect(bodies(atB)).toEqual(['before the block', 'from the blocked member', 'from someone else']);
      expect(typingA).toHaveLength(0);
      expect(typingB).toHaveLength(0);
      expect(typingC.map((x) => x.handle).sort()).toEqual(['gentle-fern', 'quiet-harbour']);

      // History and catch-up read the same way: the blocker's words are gone for Bo, older ones too.
      expect(await history(bo)).toEqual(['from the blocked member', 'from someone else']);
      expect(await history(ana)).toEqual(['before the block', 'from the blocker', 'from someone else']);
      expect(await history(cy)).toEqual(['before the block', 'from the blocker', 'from the blocked member', 'from someone else']);
      const again = await online(bo, url);
      expect(bodies((await join(again, view.room.id, 0)).messages)).toEqual(['from the blocked member', 'from someone else']);
      const page = (await bo.get(`/api/v1/conversations/${view.room.id}/messages`)).json();
      expect(bodies(page.messages)).toEqual(['from the blocked member', 'from someone else']);
      // Nothing in what Bo receives names the blocker or says there was a block.
      const seenByBo = JSON.stringify([atB.slice(1), typingB, ((await bo.get('/api/v1/groups/depression-support/room')).json() as RoomView).messages]);
      expect(seenByBo).not.toContain('quiet-harbour');
      expect(seenByBo).not.toContain('blockedAuthor');
      // A socket opened after the block (the handshake's rooms) is kept apart as well.
      const atAgain = collect(again, 'message:new');
      await sent(sa, view.room.id, 'to a new tab');
      await eventually(() => atC.some((m) => m.body === 'to a new tab'), 'the message at the third member');
      await settle();
      expect(atAgain).toHaveLength(0);

      // Lifting the block lets both through again, on the sockets already open.
      expect((await ana.delete('/api/v1/me/blocks/gentle-fern')).statusCode).toBe(204);
      await sent(sa, view.room.id, 'after the block was lifted');
      await sent(sb, view.room.id, 'hello again');
      sb.emit('typing', { conversationId: view.room.id, typing: true });
      await eventually(() => atB.some((m) => m.body === 'after the block was lifted') && atA.some((m) => m.body === 'hello again') && typingA.length === 1, 'both ways after unblocking');
      expect(await history(bo)).toContain('before the block');
    });

    it('still lets each member’s own block stand when the other lifts theirs', async () => {
      const url = await listen(t().app);
      const ana = await memberIn(t(), 'quiet-harbour');
      const bo = await memberIn(t(), 'gentle-fern');
      const view = await enterRoom(ana);
      await enterRoom(bo);
      const [sa, sb] = await Promise.all([online(ana, url), online(bo, url)]);
      await join(sa, view.room.id);
      await join(sb, view.room.id);
      await ana.put('/api/v1/me/blocks/gentle-fern');
      await bo.put('/api/v1/me/blocks/quiet-harbour');
      await ana.delete('/api/v1/me/blocks/gentle-fern');
      const atA = collect(sa, 'message:new'), atB = collect(sb, 'message:new');
      await sent(sa, view.room.id, 'from ana');
      await sent(sb, view.room.id, 'from bo');
      await settle();
      expect(bodies(atA)).toEqual(['from ana']);
      expect(bodies(atB)).toEqual(['from bo']);
      expect(await history(ana)).toEqual(['from ana']);
      expect(await history(bo)).toEqual(['from bo']);
    });

    it('lets a host still hear and read a member who blocked them, while the host’s own block still applies', async () => {
      const url = await listen(t().app);
      const ana = await memberIn(t(), 'quiet-harbour');
      const bo = await memberIn(t(), 'gentle-fern');
      const host = await memberIn(t(), 'kind-beacon');
      await grantRole(t(), 'kind-beacon', 'facilitator');
      const view = await enterRoom(ana);
      await enterRoom(bo);
      expect((await enterRoom(host)).me.isHost).toBe(true);
      const [sa, sb, sh] = await Promise.all([online(ana, url), online(bo, url), online(host, url)]);
      for (const s of [sa, sb, sh]) await join(s, view.room.id);

      // A member blocks the host: they stop hearing the host, but cannot hide from them.
      expect((await ana.put('/api/v1/me/blocks/kind-beacon')).statusCode).toBe(204);
      // The host blocks Bo: the host's own block works as for anyone.
      expect((await host.put('/api/v1/me/blocks/gentle-fern')).statusCode).toBe(204);
      const atA = collect(sa, 'message:new'), atB = collect(sb, 'message:new'), atH = collect(sh, 'message:new');
      const typingH = collect(sh, 'typing');
      const updatesH = collect(sh, 'message:updated');
      sa.emit('typing', { conversationId: view.room.id, typing: true });
      const fromAna = await sent(sa, view.room.id, 'from a member who blocked the host');
      await sent(sh, view.room.id, 'from the host');
      await sent(sb, view.room.id, 'from someone the host blocked');
      await eventually(() => atH.length === 2 && typingH.length === 1 && atB.length === 2, 'the messages at the host and at Bo');
      await settle();
      expect(bodies(atH)).toEqual(['from a member who blocked the host', 'from the host']);
      expect(bodies(atA)).toEqual(['from a member who blocked the host', 'from someone the host blocked']);
      // Blocked by the host, Bo no longer hears the host either.
      expect(bodies(atB)).toEqual(['from a member who blocked the host', 'from someone the host blocked']);
      expect(await history(host)).toEqual(['from a member who blocked the host', 'from the host']);
      expect(await history(ana)).toEqual(['from a member who blocked the host', 'from someone the host blocked']);
      // Moderating goes on as before: the host removes the message, and the room sees it gone.
      const updatesB = collect(sb, 'message:updated');
      expect((await host.post(`/api/v1/messages/${fromAna.message.id}/remove`, { reason: 'Made-up reason.' })).statusCode).toBe(200);
      await eventually(() => updatesH.length === 1 && updatesB.length === 1, 'the removal at the host and at Bo');
    });
  },
  opts,
);

// Two app nodes in this process, one database and one Redis: the block is made on one node and
// the blocked member's sockets live on the other, so the rooms must change through the adapter.
describe.skipIf(!redisUrl())('blocks in rooms across two nodes through Redis (skipped only when Redis does not answer outside CI, where it fails instead)', () => {
  it.each(availableDialects())('keeps both members apart on both nodes, at once and on a new connection, until unblocked [%s]', async (dialect) => {
    const nodeA = await startTestApp(dialect, { ...opts, redis: true });
    const nodeB = await startTestApp(dialect, { ...opts, redis: true, database: nodeA.database });
    try {
      const [urlA, urlB] = await Promise.all([listen(nodeA.app), listen(nodeB.app)]);
      const ana = await memberIn(nodeA, 'quiet-harbour');
      const bo = await memberIn(nodeA, 'gentle-fern');
      const cy = await memberIn(nodeA, 'third-willow');
      const view = await enterRoom(ana);
      await enterRoom(bo);
      await enterRoom(cy);
      const [anaId, boId] = [await idOf(nodeA, 'quiet-harbour'), await idOf(nodeA, 'gentle-fern')];
      // Ana on node A; Bo and Cy on node B.
      const [sa, sb, sc] = await Promise.all([online(ana, urlA), online(bo, urlB), online(cy, urlB)]);
      for (const s of [sa, sb, sc]) await join(s, view.room.id);
      const atA = collect(sa, 'message:new'), atB = collect(sb, 'message:new'), atC = collect(sc, 'message:new');
      await sent(sa, view.room.id, 'across nodes before the block');
      await eventually(() => atB.length === 1 && atC.length === 1, 'the first message on node B');

      // Blocked on node A: Bo's socket on node B joins the blocker's room, through Redis.
      expect((await ana.put('/api/v1/me/blocks/gentle-fern')).statusCode).toBe(204);
      const membersOf = async (room: string) => (await nodeA.app.realtime.io.in(room).fetchSockets()).map((s) => s.data.member.handle).sort();
      await eventually(async () => (await membersOf(socketRooms.blockedBy(anaId))).join() === 'gentle-fern' && (await membersOf(socketRooms.hiding(boId))).join() === 'quiet-harbour', 'the hiding rooms on both nodes');
      const typingA = collect(sa, 'typing'), typingB = collect(sb, 'typing'), typingC = collect(sc, 'typing');
      sa.emit('typing', { conversationId: view.room.id, typing: true });
      sb.emit('typing', { conversationId: view.room.id, typing: true });
      await sent(sa, view.room.id, 'from the blocker on node A');
      await sent(sb, view.room.id, 'from the blocked member on node B');
      await eventually(() => atC.length === 3 && typingC.length === 2, 'both at the third member');
      await settle();
      expect(bodies(atA)).toEqual(['across nodes before the block', 'from the blocker on node A']);
      expect(bodies(atB)).toEqual(['across nodes before the block', 'from the blocked member on node B']);
      expect(typingA).toHaveLength(0);
      expect(typingB).toHaveLength(0);

      // A new connection, each on the other node, is kept apart from its handshake on.
      const [sa2, sb2] = await Promise.all([online(ana, urlB), online(bo, urlA)]);
      await join(sa2, view.room.id);
      expect(bodies((await join(sb2, view.room.id, 0)).messages)).toEqual(['from the blocked member on node B']);
      const atA2 = collect(sa2, 'message:new'), atB2 = collect(sb2, 'message:new');
      await sent(sa, view.room.id, 'again from the blocker');
      await sent(sb, view.room.id, 'again from the blocked member');
      await eventually(() => atC.length === 5, 'both again at the third member');
      await settle();
      expect(bodies(atA2)).toEqual(['again from the blocker']);
      expect(bodies(atB2)).toEqual(['again from the blocked member']);

      // Unblocked on node B: the sockets on both nodes leave the rooms, and both hear each other again.
      const anaOnB = new Visitor(nodeB.app);
      anaOnB.cookie = ana.cookie;
      anaOnB.csrfToken = ana.csrfToken;
      expect((await anaOnB.delete('/api/v1/me/blocks/gentle-fern')).statusCode).toBe(204);
      await eventually(async () => (await membersOf(socketRooms.blockedBy(anaId))).length === 0 && (await membersOf(socketRooms.hiding(boId))).length === 0, 'the hiding rooms to empty');
      await sent(sa, view.room.id, 'after the block was lifted');
      await sent(sb, view.room.id, 'hello again');
      await eventually(() => [atB, atB2].every((l) => l.some((m) => m.body === 'after the block was lifted')) && [atA, atA2].every((l) => l.some((m) => m.body === 'hello again')), 'both ways on both nodes');
    } finally {
      await nodeB.close();
      await nodeA.close();
    }
  });
});
