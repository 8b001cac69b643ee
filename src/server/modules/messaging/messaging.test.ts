import { afterEach, expect, it } from 'vitest';
import type { ChatMessage, RoomView } from '../../../shared/messaging.js';
import { grantRole, describeEachDialect, type TestApp, Visitor } from '../../test/harness.js';
import { memberIn, setTrustLevel } from '../../test/forum-fixtures.js';
import { standInAssess, standInReplyCare } from '../../test/safety-fixtures.js';
import { clientId, collect, connect, enterRoom, eventually, join, listen, send, sent, settle, type ClientSocket } from '../../test/realtime-fixtures.js';

const sockets: ClientSocket[] = [];
afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
});

describeEachDialect(
  'group rooms over real sockets',
  (t) => {
    async function online(v: Visitor, url: string, reconnection = false): Promise<ClientSocket> {
      const s = await connect(url, v, { reconnection });
      sockets.push(s);
      return s;
    }

    /** Two members of the group, both in its room: a (the writer) and b (the reader). */
    async function twoInRoom(): Promise<{ url: string; a: Visitor; b: Visitor; view: RoomView; sa: ClientSocket; sb: ClientSocket }> {
      const url = await listen(t().app);
      const a = await memberIn(t(), 'quiet-harbour');
      const b = await memberIn(t(), 'gentle-fern');
      const view = await enterRoom(a);
      await enterRoom(b);
      const sa = await online(a, url);
      const sb = await online(b, url);
      await join(sa, view.room.id);
      await join(sb, view.room.id);
      return { url, a, b, view, sa, sb };
    }

    it('refuses a socket without a session, and a suspended member', async () => {
      const url = await listen(t().app);
      await expect(connect(url, null)).rejects.toThrow(/log in/);
      const v = await memberIn(t(), 'paused-wren');
      await t().database.db.updateTable('members').set({ suspended_until: Date.now() + 3_600_000 }).where('handle', '=', 'paused-wren').execute();
      await expect(connect(url, v)).rejects.toThrow(/suspended/);
    });

    it('refuses a socket opened from another site', async () => {
      const url = await listen(t().app);
      const v = await memberIn(t(), 'careful-moss');
      const { io } = await import('socket.io-client');
      const s = io(url, { transports: ['polling'], forceNew: true, reconnection: false, extraHeaders: { cookie: v.cookie!, origin: 'https://elsewhere.example' } });
      sockets.push(s);
      const err = await new Promise<Error>((resolve) => s.once('connect_error', resolve));
      expect(err).toBeInstanceOf(Error);
      expect(s.connected).toBe(false);
    });

    it('lets only members of the group join its room, and says why to others', async () => {
      const url = await listen(t().app);
      const member = await memberIn(t(), 'steady-oak');
      const view = await enterRoom(member);
      const outsider = new Visitor(t().app);
      await outsider.signUp('passing-cloud');
      expect((await outsider.get('/api/v1/groups/depression-support/room')).json().error.code).toBe('not_a_member');
      const s = await online(outsider, url);
      const r = await new Promise<{ ok: boolean; error?: { code: string } }>((resolve) => s.emit('conversation:join', { conversationId: view.room.id, afterSeq: 0 }, resolve as never));
      expect(r).toMatchObject({ ok: false, error: { code: 'not_a_member' } });
      const unknown = await new Promise<{ ok: boolean; error?: { code: string } }>((resolve) => s.emit('conversation:join', { conversationId: 'nope', afterSeq: 0 }, resolve as never));
      expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
      // Visitors are not let in over HTTP either.
      expect((await new Visitor(t().app).get('/api/v1/groups/depression-support/room')).statusCode).toBe(401);
    });

    it('asks a new member to read the guidelines before their first message, and keeps what they wrote', async () => {
      const url = await listen(t().app);
      const v = await memberIn(t(), 'new-sparrow');
      const view = (await v.get('/api/v1/groups/depression-support/room')).json() as RoomView;
      expect(view.room.guidelines).toContain('Welcome to the');
      expect(view.me.guidelinesSeen).toBe(false);
      const s = await online(v, url);
      await join(s, view.room.id);
      const first = await send(s, view.room.id, 'hello everyone');
      expect(first).toMatchObject({ ok: false, error: { code: 'guidelines_unseen' } });
      expect((await v.post(`/api/v1/conversations/${view.room.id}/guidelines/seen`)).json().guidelinesSeen).toBe(true);
      expect((await send(s, view.room.id, 'hello everyone')).ok).toBe(true);
    });

    it('acknowledges a message once it is stored and delivers it to everyone in the room, in order', async () => {
      const { view, sa, sb } = await twoInRoom();
      const atB = collect(sb, 'message:new');
      const atA = collect(sa, 'message:new');
      const acks = await Promise.all(Array.from({ length: 20 }, (_, i) => sent(i % 2 ? sb : sa, view.room.id, `made-up message ${i}`)));
      // Acknowledged means stored: every one is in the history.
      const history = (await new Visitor(t().app).get(`/api/v1/conversations/${view.room.id}/messages`)).statusCode;
      expect(history).toBe(401);
      await eventually(() => atA.length === 20 && atB.length === 20, 'all 20 messages on both sides');
      const seqs = acks.map((a) => a.message.seq).sort((x, y) => x - y);
      expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      for (const seen of [atA, atB]) {
        expect(new Set(seen.map((m) => m.id)).size).toBe(20);
        expect([...seen].sort((x, y) => x.seq - y.seq).map((m) => m.body)).toEqual([...acks].sort((x, y) => x.message.seq - y.message.seq).map((a) => a.message.body));
      }
      expect(atB[0]!.author.handle).toMatch(/quiet-harbour|gentle-fern/);
    });

    it('never stores a retried message twice, over the socket or over HTTP', async () => {
      const { a, view, sa, sb } = await twoInRoom();
      const atB = collect(sb, 'message:new');
      const id = clientId();
      const [one, two] = await Promise.all([sent(sa, view.room.id, 'only once please', id), sent(sa, view.room.id, 'only once please', id)]);
      const three = await sent(sa, view.room.id, 'only once please', id);
      const overHttp = await a.post(`/api/v1/conversations/${view.room.id}/messages`, { clientId: id, body: 'only once please' });
      expect(overHttp.statusCode).toBe(201);
      expect(new Set([one.message.id, two.message.id, three.message.id, overHttp.json().message.id]).size).toBe(1);
      await settle();
      // A retry pushes the stored message again (its first push may have died with a node); it is one message.
      const copies = atB.filter((m) => m.body === 'only once please');
      expect(copies.length).toBeGreaterThanOrEqual(1);
      expect(new Set(copies.map((m) => `${m.id}:${m.seq}`)).size).toBe(1);
      const rows = await t().database.db.selectFrom('messages').select('id').where('conversation_id', '=', view.room.id).execute();
      expect(rows).toHaveLength(1);
    });

    it('gives a client that drops out in the middle of a burst everything it missed, once and in order', async () => {
      const { url, b, view, sa, sb } = await twoInRoom();
      const received = new Map<string, ChatMessage>();
      const track = (m: ChatMessage) => void received.set(m.id, m);
      sb.on('message:new', track);
      const burst = (from: number, n: number) => Array.from({ length: n }, (_, i) => sent(sa, view.room.id, `burst ${from + i}`));
      await Promise.all(burst(0, 10));
      await eventually(() => received.size === 10, 'the first ten');
      // Drop b while a keeps writing.
      const writing = Promise.all(burst(10, 40));
      await new Promise((r) => setTimeout(r, 5));
      sb.disconnect();
      const lastSeen = Math.max(...[...received.values()].map((m) => m.seq));
      await writing;
      await Promise.all(burst(50, 10));
      // b comes back on a new connection and asks for everything after the last message it saw.
      const again = await online(b, url);
      again.on('message:new', track);
      const caught = await join(again, view.room.id, lastSeen);
      for (const m of caught.messages) track(m);
      await settle();
      const all = [...received.values()].sort((x, y) => x.seq - y.seq);
      expect(all.map((m) => m.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
      expect(new Set(all.map((m) => m.body)).size).toBe(60);
      // Catch-up itself holds no duplicates and no gaps.
      expect(caught.messages.map((m) => m.seq)).toEqual(Array.from({ length: 60 - lastSeen }, (_, i) => lastSeen + i + 1));
      expect(caught.more).toBe(false);
    });

    it('keeps history in keyset pages, oldest first within a page', async () => {
      const { a, view, sa } = await twoInRoom();
      for (let i = 0; i < 120; i++) await sent(sa, view.room.id, `page message ${i}`);
      const first = (await a.get(`/api/v1/groups/depression-support/room`)).json() as RoomView;
      expect(first.messages).toHaveLength(50);
      expect(first.messages.at(-1)!.body).toBe('page message 119');
      const older = (await a.get(`/api/v1/conversations/${view.room.id}/messages?before=${first.olderCursor}`)).json();
      expect(older.messages.map((m: ChatMessage) => m.seq)).toEqual(Array.from({ length: 50 }, (_, i) => 21 + i));
      const oldest = (await a.get(`/api/v1/conversations/${view.room.id}/messages?before=${older.olderCursor}`)).json();
      expect(oldest.messages).toHaveLength(20);
      expect(oldest.olderCursor).toBeNull();
      expect((await a.get(`/api/v1/conversations/${view.room.id}/messages?before=abc`)).statusCode).toBe(400);
    });

    it('turns away empty and over-long messages kindly, over both transports', async () => {
      const { a, view, sa } = await twoInRoom();
      expect(await send(sa, view.room.id, '   ')).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Please write something before sending.' } });
      expect(await send(sa, view.room.id, 'x'.repeat(4001))).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { body: expect.stringContaining('4000') } } });
      const res = await a.post(`/api/v1/conversations/${view.room.id}/messages`, { clientId: clientId(), body: '' });
      expect(res.statusCode).toBe(400);
      const bad = await new Promise<{ ok: boolean; error?: { code: string } }>((resolve) => sa.emit('message:send', 'not an object' as never, resolve as never));
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    });

    it('slow mode lets a participant send one message per interval; hosts are not slowed', async () => {
      const { url, view, sa } = await twoInRoom();
      const host = await memberIn(t(), 'calm-keeper');
      await grantRole(t(), 'calm-keeper', 'listener');
      await enterRoom(host);
      const settings = await host.patch(`/api/v1/conversations/${view.room.id}/settings`, { slowModeSeconds: 30 });
      expect(settings.statusCode).toBe(200);
      expect(settings.json().slowModeSeconds).toBe(30);
      expect((await sent(sa, view.room.id, 'first in slow mode')).message.seq).toBe(1);
      const second = await send(sa, view.room.id, 'second too soon');
      expect(second).toMatchObject({ ok: false, error: { code: 'slow_mode' } });
      expect(!second.ok && second.error.retryAfterMs).toBeGreaterThan(25_000);
      const hs = await online(host, url);
      await join(hs, view.room.id);
      await sent(hs, view.room.id, 'host one');
      await sent(hs, view.room.id, 'host two');
      // A participant cannot change the room.
      expect((await new Visitor(t().app).patch(`/api/v1/conversations/${view.room.id}/settings`, { slowModeSeconds: 0 })).statusCode).toBe(401);
      expect((await host.patch(`/api/v1/conversations/${view.room.id}/settings`, { slowModeSeconds: -1 })).statusCode).toBe(400);
    });

    it('a host mutes a participant for some minutes, the participant is told, and the mute can be lifted', async () => {
      const { b, view, sb } = await twoInRoom();
      const host = await memberIn(t(), 'warm-lamp');
      await grantRole(t(), 'warm-lamp', 'moderator');
      await enterRoom(host);
      const updates = collect(sb, 'participant:updated');
      const bId = (await b.get('/api/v1/me')).json().member.id as string;
      expect((await host.post(`/api/v1/conversations/${view.room.id}/mutes`, { memberId: bId, minutes: 10 })).statusCode).toBe(204);
      await eventually(() => updates.length === 1, 'the mute notice');
      expect(updates[0]!.me.mutedUntil).toBeGreaterThan(Date.now() + 9 * 60_000);
      expect(await send(sb, view.room.id, 'can anyone hear me')).toMatchObject({ ok: false, error: { code: 'muted' } });
      // Members cannot mute, and hosts cannot be muted.
      expect((await b.post(`/api/v1/conversations/${view.room.id}/mutes`, { memberId: bId, minutes: 10 })).statusCode).toBe(403);
      const hostId = (await host.get('/api/v1/me')).json().member.id as string;
      expect((await host.post(`/api/v1/conversations/${view.room.id}/mutes`, { memberId: hostId, minutes: 10 })).statusCode).toBe(400);
      expect((await host.post(`/api/v1/conversations/${view.room.id}/mutes`, { memberId: bId, minutes: 0 })).statusCode).toBe(204);
      expect((await send(sb, view.room.id, 'thank you for waiting')).ok).toBe(true);
      const audit = await t().database.db.selectFrom('audit_log').select('action').where('target_id', '=', bId).execute();
      expect(audit.map((r) => r.action)).toEqual(expect.arrayContaining(['conversation.muted', 'conversation.unmuted']));
    });

    it('a host removes a message: the room sees it gone, and only its author learns why', async () => {
      const { a, b, view, sa, sb } = await twoInRoom();
      const host = await memberIn(t(), 'kind-beacon');
      await grantRole(t(), 'kind-beacon', 'facilitator');
      const hostView = await enterRoom(host);
      expect(hostView.me.isHost).toBe(true);
      const atAuthor = collect(sa, 'message:updated');
      const atOther = collect(sb, 'message:updated');
      const m = await sent(sa, view.room.id, 'a made-up message that breaks a rule');
      expect((await b.post(`/api/v1/messages/${m.message.id}/remove`, { reason: 'no' })).statusCode).toBe(403);
      expect((await host.post(`/api/v1/messages/${m.message.id}/remove`, { reason: ' ' })).statusCode).toBe(400);
      const removed = await host.post(`/api/v1/messages/${m.message.id}/remove`, { reason: 'Please keep names of medicines out of the room.' });
      expect(removed.json()).toMatchObject({ status: 'removed', body: '', removedReason: 'Please keep names of medicines out of the room.' });
      await eventually(() => atAuthor.length === 1 && atOther.length === 1, 'the removal on both sides');
      expect(atAuthor[0]).toMatchObject({ status: 'removed', body: '', removedReason: 'Please keep names of medicines out of the room.' });
      expect(atOther[0]).toMatchObject({ status: 'removed', body: '', removedReason: null });
      const asAuthor = (await a.get(`/api/v1/groups/depression-support/room`)).json() as RoomView;
      const asOther = (await b.get(`/api/v1/groups/depression-support/room`)).json() as RoomView;
      expect(asAuthor.messages[0]!.removedReason).toBe('Please keep names of medicines out of the room.');
      expect(asOther.messages[0]).toMatchObject({ status: 'removed', body: '', removedReason: null });
    });

    it('counts who is here now, a person once however many tabs, and relays typing to the others', async () => {
      const { url, a, view, sa, sb } = await twoInRoom();
      const presence = collect(sa, 'presence');
      const secondTab = await online(a, url);
      const third = await join(secondTab, view.room.id);
      expect(third.hereNow).toBe(2);
      // The group's page shows the same number on the way in.
      expect((await a.get('/api/v1/groups/depression-support/room/here')).json()).toEqual({ hereNow: 2 });
      const typing = collect(sb, 'typing');
      const ownTyping = collect(sa, 'typing');
      sa.emit('typing', { conversationId: view.room.id, typing: true });
      await eventually(() => typing.length === 1, 'typing at the other member');
      expect(typing[0]).toMatchObject({ conversationId: view.room.id, handle: 'quiet-harbour', typing: true });
      expect(ownTyping).toHaveLength(0);
      sb.disconnect();
      await eventually(() => presence.some((p) => p.hereNow === 1), 'the count to drop to one', 4000);
    });

    it('assesses every message: the author gets the crisis card, moderators an alert, and harassment waits for a moderator', async () => {
      const { url, view, sa, sb } = await twoInRoom();
      const host = await memberIn(t(), 'gentle-lighthouse');
      await grantRole(t(), 'gentle-lighthouse', 'listener');
      await enterRoom(host);
      const hs = await online(host, url);
      await join(hs, view.room.id);
      const atHost = collect(hs, 'message:risk');
      const atB = collect(sb, 'message:new');
      const atA = collect(sa, 'message:new');
      const riskAtMember = collect(sb, 'message:risk');
      const ideation = await sent(sa, view.room.id, 'some nights MARKER-IDEATION');
      expect(ideation.safety.response).toBe('card');
      // The room's hosts hear of it at once; other members never do.
      await eventually(() => atHost.length === 1, 'the risk notice to the host');
      expect(atHost[0]).toEqual({ conversationId: view.room.id, messageId: ideation.message.id, level: 'ideation', urgent: false, author: { id: ideation.message.author.id, handle: ideation.message.author.handle } });
      expect(riskAtMember).toHaveLength(0);
      const alert = await t().database.db.selectFrom('risk_alerts').selectAll().where('content_id', '=', ideation.message.id).executeTakeFirstOrThrow();
      expect(alert).toMatchObject({ content_type: 'message', post_id: null, status: 'open' });
      const moderator = await memberIn(t(), 'night-warden');
      await grantRole(t(), 'night-warden', 'moderator');
      const alerts = (await moderator.get('/api/v1/safety/alerts')).json();
      expect(alerts.items[0].content).toMatchObject({ type: 'message', id: ideation.message.id, postId: null, group: { slug: 'depression-support' }, text: 'some nights MARKER-IDEATION' });
      const held = await sent(sb, view.room.id, 'you are MARKER-HARASS');
      expect(held.safety).toMatchObject({ held: true, heldReason: 'harassment' });
      expect(held.message).toMatchObject({ status: 'held', heldReason: 'harassment' });
      await settle();
      expect(atA.map((m) => m.body)).toEqual(['some nights MARKER-IDEATION']);
      expect(atB.map((m) => m.status)).toEqual(['published', 'held']);
    });

    it('nudges a message that invites contact outside Kindred and flags it for moderators', async () => {
      const { view, sa } = await twoInRoom();
      const m = await sent(sa, view.room.id, 'dm me and we can talk properly');
      expect(m.offPlatformNudge).toBe(true);
      const plain = await sent(sa, view.room.id, 'thank you all for tonight');
      expect(plain.offPlatformNudge).toBe(false);
      const flags = await t().database.db.selectFrom('content_flags').selectAll().execute();
      expect(flags).toHaveLength(1);
      expect(flags[0]).toMatchObject({ content_type: 'message', content_id: m.message.id, reason: 'off_platform_contact', status: 'open' });
      // Moderators see it in their list and mark it looked at; members cannot see the list at all.
      const { a } = { a: new Visitor(t().app) };
      await a.signUp('curious-lark');
      expect((await a.get('/api/v1/moderation/flags')).statusCode).toBe(403);
      const moderator = await memberIn(t(), 'fair-heron');
      await grantRole(t(), 'fair-heron', 'moderator');
      const open = (await moderator.get('/api/v1/moderation/flags')).json();
      expect(open.items).toHaveLength(1);
      expect(open.items[0]).toMatchObject({ reason: 'off_platform_contact', message: { id: m.message.id, body: 'dm me and we can talk properly' }, room: { slug: 'depression-support' }, author: { handle: 'quiet-harbour' } });
      expect((await moderator.get('/api/v1/moderation/flags/count')).json().open).toBe(1);
      expect((await moderator.post(`/api/v1/moderation/flags/${open.items[0].id}/resolve`)).json()).toMatchObject({ status: 'resolved', resolvedBy: 'fair-heron' });
      expect((await moderator.post(`/api/v1/moderation/flags/${open.items[0].id}/resolve`)).statusCode).toBe(409);
      expect((await moderator.get('/api/v1/moderation/flags?view=resolved')).json().items).toHaveLength(1);
      expect((await moderator.get('/api/v1/moderation/flags?view=sideways')).statusCode).toBe(400);
    });

    it('ends a live connection when its session ends or the member’s roles change, and checks afresh on the next one', async () => {
      const { url, a, view, sa } = await twoInRoom();
      const host = await memberIn(t(), 'steady-harbour');
      await grantRole(t(), 'steady-harbour', 'listener');
      await enterRoom(host);
      const hs = await online(host, url);
      await join(hs, view.room.id);
      const risk = collect(hs, 'message:risk');
      const ended = new Promise<string>((resolve) => hs.once('disconnect', resolve));
      // An admin takes the listener role away: what only hosts hear must stop at once.
      const admin = await memberIn(t(), 'head-keeper');
      await grantRole(t(), 'head-keeper', 'admin');
      const hostId = (await host.get('/api/v1/me')).json().member.id as string;
      expect((await admin.put(`/api/v1/admin/members/${hostId}/roles`, { roles: [] })).statusCode).toBe(200);
      expect(await ended).toBe('io server disconnect');
      const again = await online(host, url);
      const rejoined = await join(again, view.room.id);
      expect(rejoined.me.isHost).toBe(false);
      const riskAgain = collect(again, 'message:risk');
      await sent(sa, view.room.id, 'a hard night MARKER-IDEATION');
      await settle();
      expect([...risk, ...riskAgain]).toHaveLength(0);
      // Logging out on this device ends that device's connection.
      const gone = new Promise<string>((resolve) => sa.once('disconnect', resolve));
      expect((await a.delete('/api/v1/session')).statusCode).toBe(204);
      expect(await gone).toBe('io server disconnect');
    });

    it('keeps a held message, and its removal, between its author and the hosts', async () => {
      const { b, view, sa, sb } = await twoInRoom();
      const host = await memberIn(t(), 'quiet-warden');
      await grantRole(t(), 'quiet-warden', 'moderator');
      await enterRoom(host);
      const updatesAtB = collect(sb, 'message:updated');
      const held = await sent(sa, view.room.id, 'you lot are MARKER-HARASS');
      expect(held.message.status).toBe('held');
      expect((await host.post(`/api/v1/messages/${held.message.id}/remove`, { reason: 'Unkind words about the room.' })).statusCode).toBe(200);
      await settle();
      expect(updatesAtB).toHaveLength(0);
      expect(((await b.get('/api/v1/groups/depression-support/room')).json() as RoomView).messages).toHaveLength(0);
      expect(((await host.get('/api/v1/groups/depression-support/room')).json() as RoomView).messages[0]).toMatchObject({ status: 'removed' });
    });

    it('answers a retry that waited behind slow mode with the stored message, not “too soon”', async () => {
      const { view, sa } = await twoInRoom();
      const host = await memberIn(t(), 'patient-keeper');
      await grantRole(t(), 'patient-keeper', 'listener');
      await enterRoom(host);
      await host.patch(`/api/v1/conversations/${view.room.id}/settings`, { slowModeSeconds: 60 });
      const id = clientId();
      const [one, two] = await Promise.all([send(sa, view.room.id, 'sent twice at once', id), send(sa, view.room.id, 'sent twice at once', id)]);
      expect(one.ok && two.ok).toBe(true);
      expect(one.ok && two.ok && one.data.message.id === two.data.message.id).toBe(true);
    });

    it('refuses a NUL character and an impossible place in the history kindly', async () => {
      const { a, view, sa } = await twoInRoom();
      expect(await send(sa, view.room.id, 'before\u0000after')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      const join0 = await new Promise<{ ok: boolean; error?: { code: string } }>((resolve) => sa.emit('conversation:join', { conversationId: 'a\u0000b', afterSeq: 0 }, resolve as never));
      expect(join0).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect((await a.get(`/api/v1/conversations/${view.room.id}/messages?before=100000000000000000000`)).statusCode).toBe(400);
    });

    it('tells a member live when a notification arrives', async () => {
      const url = await listen(t().app);
      const author = await memberIn(t(), 'hopeful-river');
      const replier = await memberIn(t(), 'listening-birch');
      const s = await online(author, url);
      const changes = collect(s, 'notifications:changed');
      const postId = (await author.post('/api/v1/groups/depression-support/posts', { title: 'A made-up evening', body: 'It was a long day today.' })).json().post.id;
      await replier.post(`/api/v1/posts/${postId}/replies`, { body: 'I hear you, long days are hard.' });
      await eventually(() => changes.length > 0, 'the live notification');
      expect(changes.at(-1)!.unread).toBe(1);
      await author.post('/api/v1/notifications/read');
      await eventually(() => changes.at(-1)!.unread === 0, 'the badge to clear');
    });

    it('exports a member’s messages and erases their words with the account, keeping the room gapless', async () => {
      const { a, b, view, sa } = await twoInRoom();
      await sent(sa, view.room.id, 'words to take with me');
      const exported = (await a.get('/api/v1/me/export')).json();
      expect(exported.messages.map((m: { body: string }) => m.body)).toEqual(['words to take with me']);
      expect((await a.request('DELETE', '/api/v1/me', { passphrase: 'lantern orchard pebble' })).statusCode).toBeLessThan(300);
      const seen = (await b.get('/api/v1/groups/depression-support/room')).json() as RoomView;
      expect(seen.messages[0]).toMatchObject({ seq: 1, status: 'deleted', body: '', author: { id: null, handle: null } });
    });
  },
  // Bursts here are far above a person's pace: the per-minute limit has its own test below.
  { assess: standInAssess, replyCare: standInReplyCare, config: { MESSAGES_PER_MINUTE: 10_000 } },
);

describeEachDialect(
  'the message rate limit',
  (t) => {
    it('stops a flood with a kind word and a time to wait, and keeps a retry of a stored message working', async () => {
      const url = await listen(t().app);
      const v = await memberIn(t(), 'eager-robin');
      // MESSAGES_PER_MINUTE is the allowance from trust level 2 up; newer members get a share of it (the trust tests).
      await setTrustLevel(t(), 'eager-robin', 2);
      const view = await enterRoom(v);
      const s = await connect(url, v);
      sockets.push(s);
      await join(s, view.room.id);
      const first = await sent(s, view.room.id, 'one', 'flood-one-0001');
      await sent(s, view.room.id, 'two');
      await sent(s, view.room.id, 'three');
      const fourth = await send(s, view.room.id, 'four');
      expect(fourth).toMatchObject({ ok: false, error: { code: 'rate_limited', message: expect.stringContaining('your message is kept') } });
      expect(!fourth.ok && fourth.error.retryAfterMs).toBeGreaterThan(0);
      // A retry of something already stored is answered, not counted.
      expect((await sent(s, view.room.id, 'one', 'flood-one-0001')).message.id).toBe(first.message.id);
      expect((await v.post(`/api/v1/conversations/${view.room.id}/messages`, { clientId: 'flood-five-0001', body: 'five' })).statusCode).toBe(429);
    });
  },
  { config: { MESSAGES_PER_MINUTE: 3 } },
);
