import { expect, it } from 'vitest';
import type { AuditPage, ModerationDashboard, MyNotice, MyReport, ReviewItem, ReviewList } from '../../../shared/moderation.js';
import { memberIn, moderatorIn, post, reply } from '../../test/forum-fixtures.js';
import { describeEachDialect, grantRole, type TestApp, Visitor } from '../../test/harness.js';
import { collect, connect, enterRoom, eventually, listen } from '../../test/realtime-fixtures.js';
import { standInAssess } from '../../test/safety-fixtures.js';

const queue = async (v: Visitor, query = '') => (await v.get(`/api/v1/moderation/queue${query}`)).json() as ReviewList;
const itemFor = async (v: Visitor, key: string) => (await queue(v)).items.find((i) => i.key === key);
const act = (v: Visitor, key: string, body: object) => v.post(`/api/v1/moderation/queue/${encodeURIComponent(key)}/actions`, body);
const claim = (v: Visitor, key: string) => v.post(`/api/v1/moderation/queue/${encodeURIComponent(key)}/claim`);
const report = (v: Visitor, body: object) => v.post('/api/v1/reports', body);
const myReports = async (v: Visitor) => (await v.get('/api/v1/reports/mine')).json().items as MyReport[];
const notices = async (v: Visitor) => (await v.get('/api/v1/me/notices')).json().items as MyNotice[];
const audit = async (v: Visitor, query = '') => (await v.get(`/api/v1/moderation/audit${query}`)).json() as AuditPage;

/** A moderator (not an admin), signed in and in the default group. */
async function plainModerator(t: TestApp, handle: string): Promise<Visitor> {
  const v = await memberIn(t, handle);
  await grantRole(t, handle, 'moderator');
  return v;
}

async function sendMessage(v: Visitor, conversationId: string, body: string) {
  return v.post(`/api/v1/conversations/${conversationId}/messages`, { body, clientId: `c-${Math.random().toString(36).slice(2)}` });
}

describeEachDialect(
  'moderation: reports and the review queue',
  (t) => {
    it('takes a report of a post, shows it to moderators grouped by thing, and tells the reporter where it stands, never the author', async () => {
      const author = await memberIn(t(), 'reported-rowan');
      const a = await memberIn(t(), 'reporting-ash');
      const b = await memberIn(t(), 'reporting-birch');
      const mod = await plainModerator(t(), 'calm-moderator');
      const id = await post(author, { title: 'A made-up post', body: 'Words someone found unkind.' });

      const first = await report(a, { targetType: 'post', targetId: id, reason: 'harassment', note: 'It felt aimed at me.' });
      expect(first.statusCode).toBe(201);
      expect(first.json().report).toMatchObject({ status: 'open', reason: 'harassment', link: `/posts/${id}` });
      // The same member again: their open report, not a second one.
      const again = await report(a, { targetType: 'post', targetId: id, reason: 'harassment' });
      expect(again.statusCode).toBe(200);
      expect(again.json().report.id).toBe(first.json().report.id);
      expect((await report(b, { targetType: 'post', targetId: id, reason: 'spam' })).statusCode).toBe(201);

      const item = await itemFor(mod, `post:${id}`);
      expect(item).toMatchObject({ type: 'report', types: ['report'], urgent: false, group: { slug: 'depression-support' }, target: { type: 'post', author: { handle: 'reported-rowan' }, status: 'published' } });
      expect(item!.reasons).toEqual(expect.arrayContaining([{ reason: 'harassment', count: 1 }, { reason: 'spam', count: 1 }]));
      expect(item!.notes).toEqual(['It felt aimed at me.']);
      expect(JSON.stringify(item)).not.toMatch(/reporting-ash|reporting-birch/);
      expect(item!.distressing).toBe(true);

      expect((await myReports(a)).map((r) => r.status)).toEqual(['open']);
      expect(await myReports(author)).toEqual([]);
      expect(await notices(author)).toEqual([]);
      expect((await author.get('/api/v1/notifications')).json().items).toEqual([]);
    });

    it('refuses reports that cannot stand, kindly', async () => {
      const author = await memberIn(t(), 'own-olive');
      const id = await post(author, { title: 'Mine', body: 'My own words.' });
      const own = await report(author, { targetType: 'post', targetId: id, reason: 'spam' });
      expect(own.statusCode).toBe(400);
      expect(own.json().error.code).toBe('own_content');
      expect((await report(author, { targetType: 'post', targetId: 'NOSUCHPOST', reason: 'spam' })).statusCode).toBe(404);
      expect((await report(author, { targetType: 'member', targetId: 'own-olive', reason: 'spam' })).statusCode).toBe(400);
      expect((await report(author, { targetType: 'listener', targetId: 'nobody-here', reason: 'spam' })).statusCode).toBe(404);
      const bad = await report(author, { targetType: 'post', targetId: id, reason: 'because' });
      expect(bad.statusCode).toBe(400);
      expect(JSON.stringify(bad.json().error)).toMatch(/choose a reason/);
      expect((await report(new Visitor(t().app), { targetType: 'post', targetId: id, reason: 'spam' })).statusCode).toBe(401);
    });

    it('puts “someone may be at risk” first, and limits how many a member can make in a day', async () => {
      const worried = await memberIn(t(), 'worried-willow');
      const mod = await plainModerator(t(), 'steady-moderator');
      const people = await Promise.all(['first-fern', 'second-sage', 'third-thyme', 'fourth-flax'].map((h) => memberIn(t(), h)));
      const early = await post(people[0]!, { title: 'An older post', body: 'Spam reported first.' });
      await report(worried, { targetType: 'post', targetId: early, reason: 'spam' });
      const ids: string[] = [];
      for (const p of people.slice(1)) ids.push(await post(p, { title: 'A hard night', body: 'Made-up words.' }));
      for (const id of ids.slice(0, 3)) expect((await report(worried, { targetType: 'post', targetId: id, reason: 'at_risk' })).statusCode).toBe(201);
      const fourth = await post(people[0]!, { title: 'Another', body: 'More made-up words.' });
      const limited = await report(worried, { targetType: 'post', targetId: fourth, reason: 'at_risk' });
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe('too_many_reports');
      // Other reasons are not limited this way.
      expect((await report(worried, { targetType: 'post', targetId: fourth, reason: 'spam' })).statusCode).toBe(201);

      const list = await queue(mod);
      expect(list.items.slice(0, 3).every((i) => i.urgent)).toBe(true);
      expect(list.items[3]!.key).toBe(`post:${early}`);
      expect((await queue(mod, '?urgency=urgent')).items).toHaveLength(3);
      expect(list.counts).toEqual({ total: 5, urgent: 3 });
    });

    it('lets one moderator claim an item at a time, even when two claim at once', async () => {
      const author = await memberIn(t(), 'claimed-clover');
      const reporter = await memberIn(t(), 'claim-reporter');
      const one = await plainModerator(t(), 'first-moderator');
      const two = await plainModerator(t(), 'second-moderator');
      const id = await post(author, { title: 'Reported', body: 'Made-up words.' });
      await report(reporter, { targetType: 'post', targetId: id, reason: 'spam' });
      const key = `post:${id}`;

      const [a, b] = await Promise.all([claim(one, key), claim(two, key)]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const [winner, loser] = a.statusCode === 200 ? [one, two] : [two, one];
      const refused = a.statusCode === 200 ? b : a;
      expect(refused.json().error.code).toBe('claimed');
      expect((await itemFor(loser, key))!.claim).toMatchObject({ mine: false });
      expect((await itemFor(winner, key))!.claim).toMatchObject({ mine: true });
      // The other moderator cannot act on it while it is claimed.
      const blocked = await act(loser, key, { action: 'dismiss' });
      expect(blocked.statusCode).toBe(409);
      expect(blocked.json().error.code).toBe('claimed');
      // Released, it is free again.
      expect((await winner.delete(`/api/v1/moderation/queue/${encodeURIComponent(key)}/claim`)).statusCode).toBe(204);
      expect((await claim(loser, key)).statusCode).toBe(200);
    });

    it('removes a post with a guideline and a reason: the author is told kindly, the reporter sees it acted on, the audit log keeps it; restore puts it back', async () => {
      const author = await memberIn(t(), 'removed-reed');
      const reporter = await memberIn(t(), 'reporter-rue');
      const mod = await plainModerator(t(), 'fair-moderator');
      const id = await post(author, { title: 'Unkind', body: 'Made-up unkind words.' });
      await report(reporter, { targetType: 'post', targetId: id, reason: 'harassment' });
      const key = `post:${id}`;

      const missing = await act(mod, key, { action: 'remove', rule: 'kind' });
      expect(missing.statusCode).toBe(400);
      const removed = await act(mod, key, { action: 'remove', rule: 'kind', reason: 'Replies here need to be gentle with each other.' });
      expect(removed.statusCode).toBe(200);
      expect(removed.json().item).toBeNull();
      expect((await reporter.get(`/api/v1/posts/${id}`)).statusCode).toBe(404);
      expect((await author.get(`/api/v1/posts/${id}`)).json().post.status).toBe('removed');
      expect(await notices(author)).toMatchObject([{ kind: 'removal', rule: 'kind', reason: 'Replies here need to be gentle with each other.', seen: false }]);
      expect((await author.post('/api/v1/me/notices/seen')).statusCode).toBe(204);
      expect((await notices(author))[0]!.seen).toBe(true);
      expect((await myReports(reporter))[0]!.status).toBe('actioned');
      expect((await audit(mod)).items[0]).toMatchObject({ actor: { handle: 'fair-moderator' }, action: 'content.removed', targetType: 'post', targetId: id, rule: 'kind', reason: 'Replies here need to be gentle with each other.' });
      expect(await itemFor(mod, key)).toBeUndefined();

      expect((await mod.post(`/api/v1/moderation/content/post/${id}/restore`, { reason: 'Looked again: it was a quote.' })).statusCode).toBe(204);
      expect((await reporter.get(`/api/v1/posts/${id}`)).json().post.status).toBe('published');
      expect((await audit(mod)).items[0]).toMatchObject({ action: 'content.restored', reason: 'Looked again: it was a quote.' });
      expect((await mod.post(`/api/v1/moderation/content/post/${id}/restore`, { reason: 'Again' })).statusCode).toBe(409);
    });

    it('dismisses a report that does not hold up, and removes a reply, keeping the thread’s counts right', async () => {
      const author = await memberIn(t(), 'thread-tansy');
      const replier = await memberIn(t(), 'replier-rush');
      const reporter = await memberIn(t(), 'reporter-rye');
      const mod = await plainModerator(t(), 'kind-moderator');
      const id = await post(author, { title: 'Thread', body: 'Made-up words.' });
      const r = await reply(replier, id, 'A made-up reply.');
      await report(reporter, { targetType: 'post', targetId: id, reason: 'misinformation' });
      await report(reporter, { targetType: 'reply', targetId: r, reason: 'harassment' });
      expect((await act(mod, `post:${id}`, { action: 'dismiss' })).statusCode).toBe(200);
      expect((await reporter.get(`/api/v1/posts/${id}`)).json().post.replyCount).toBe(1);
      expect((await act(mod, `reply:${r}`, { action: 'remove', rule: 'kind', reason: 'Please keep replies gentle.' })).statusCode).toBe(200);
      expect((await reporter.get(`/api/v1/posts/${id}`)).json().post.replyCount).toBe(0);
      expect((await myReports(reporter)).map((x) => x.status).sort()).toEqual(['actioned', 'dismissed']);
      expect((await audit(mod)).items.map((e) => e.action)).toEqual(['content.removed', 'review.dismissed']);
    });

    it('shows held content to moderators; held needs approve or remove, and approval publishes it', async () => {
      const author = await memberIn(t(), 'held-hazel');
      const reader = await memberIn(t(), 'reader-reed');
      const mod = await plainModerator(t(), 'gentle-moderator');
      const res = await author.post('/api/v1/groups/depression-support/posts', { title: 'Held', body: 'MARKER-HARASS made-up words' });
      const id = res.json().post.id as string;
      expect(res.json().post.status).toBe('held');
      const item = await itemFor(mod, `post:${id}`);
      expect(item).toMatchObject({ type: 'safety_hold', target: { status: 'held' }, distressing: true });
      const refused = await act(mod, `post:${id}`, { action: 'dismiss' });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('held_needs_decision');
      expect((await reader.get(`/api/v1/posts/${id}`)).statusCode).toBe(404);
      expect((await act(mod, `post:${id}`, { action: 'approve' })).statusCode).toBe(200);
      expect((await reader.get(`/api/v1/posts/${id}`)).json().post.status).toBe('published');
      expect((await audit(mod)).items[0]).toMatchObject({ action: 'review.approved', targetId: id });
    });

    it('shows a risk alert as urgent and closes it with the decision; a held chat message is let through to the room', async () => {
      const author = await memberIn(t(), 'room-rosemary');
      const other = await memberIn(t(), 'room-robin');
      const mod = await plainModerator(t(), 'room-moderator');
      const view = await enterRoom(author);
      await enterRoom(other);
      const risky = await sendMessage(author, view.room.id, 'MARKER-PLAN made-up words');
      expect(risky.statusCode).toBe(201);
      const riskyId = risky.json().message.id as string;
      const alertItem = await itemFor(mod, `message:${riskyId}`);
      expect(alertItem).toMatchObject({ type: 'risk_alert', urgent: true, riskLevel: 'plan', target: { author: { handle: 'room-rosemary' } } });
      expect((await act(mod, `message:${riskyId}`, { action: 'dismiss', reason: 'Reached out in the room; they are with a friend.' })).statusCode).toBe(200);
      expect((await mod.get('/api/v1/safety/alerts')).json().items).toEqual([]);
      expect(((await mod.get('/api/v1/safety/alerts?view=resolved')).json().items as { resolutionNote: string }[])[0]).toMatchObject({ resolutionNote: 'Reached out in the room; they are with a friend.' });

      const held = await sendMessage(author, view.room.id, 'MARKER-HARASS made-up words');
      const heldId = held.json().message.id as string;
      const seen = async () => ((await other.get(`/api/v1/conversations/${view.room.id}/messages`)).json().messages as { id: string }[]).map((m) => m.id);
      expect(await seen()).not.toContain(heldId);
      expect(await itemFor(mod, `message:${heldId}`)).toMatchObject({ type: 'safety_hold', target: { status: 'held' } });
      expect((await act(mod, `message:${heldId}`, { action: 'approve' })).statusCode).toBe(200);
      expect(await seen()).toContain(heldId);
    });

    it('tells moderators’ open screens, and only theirs, when the queue changes: a report, a held post, a decision', async () => {
      const author = await memberIn(t(), 'live-linden');
      const reporter = await memberIn(t(), 'live-lark');
      const mod = await plainModerator(t(), 'live-moderator');
      const url = await listen(t().app);
      const modSocket = await connect(url, mod);
      const memberSocket = await connect(url, reporter);
      const seen = collect(modSocket, 'moderation:changed');
      const memberSeen = collect(memberSocket, 'moderation:changed');
      try {
        const id = await post(author, { title: 'Live', body: 'Made-up words.' });
        await report(reporter, { targetType: 'post', targetId: id, reason: 'spam' });
        await eventually(() => seen.length === 1, 'the report reaches the moderator');
        await author.post('/api/v1/groups/depression-support/posts', { title: 'Held', body: 'MARKER-HARASS made-up words' });
        await eventually(() => seen.length === 2, 'the held post reaches the moderator');
        await act(mod, `post:${id}`, { action: 'dismiss' });
        await eventually(() => seen.length === 3, 'the decision reaches the moderator');
        expect(memberSeen).toEqual([]);
      } finally {
        modSocket.close();
        memberSocket.close();
      }
    });

    it('keeps the queue, the audit log and member actions to moderators, and the numbers to admins', async () => {
      const member = await memberIn(t(), 'plain-poppy');
      const mod = await plainModerator(t(), 'numbers-moderator');
      const admin = await moderatorIn(t(), 'numbers-admin');
      for (const path of ['/api/v1/moderation/queue', '/api/v1/moderation/audit', '/api/v1/moderation/members/plain-poppy']) {
        expect((await member.get(path)).statusCode, path).toBe(403);
        expect((await new Visitor(t().app).get(path)).statusCode, path).toBe(401);
        expect((await mod.get(path)).statusCode, path).toBe(200);
      }
      expect((await member.post('/api/v1/moderation/members/numbers-moderator/actions', { action: 'warn', rule: 'kind', reason: 'x' })).statusCode).toBe(403);
      expect((await mod.get('/api/v1/moderation/dashboard')).statusCode).toBe(403);
      const reporter = await memberIn(t(), 'numbers-reporter');
      const id = await post(member, { title: 'Counted', body: 'Made-up words.' });
      await report(reporter, { targetType: 'post', targetId: id, reason: 'spam' });
      const before = (await admin.get('/api/v1/moderation/dashboard')).json() as ModerationDashboard;
      expect(before).toMatchObject({ openReports: 1, medianMinutesToFirstAction: null });
      await act(mod, `post:${id}`, { action: 'dismiss' });
      const after = (await admin.get('/api/v1/moderation/dashboard')).json() as ModerationDashboard;
      expect(after).toMatchObject({ openReports: 0, actionsLast7Days: 1 });
      expect(after.medianMinutesToFirstAction).toBeGreaterThanOrEqual(0);
      expect(JSON.stringify(after)).not.toMatch(/plain-poppy|numbers-reporter/);
    });
  },
  { assess: standInAssess },
);

describeEachDialect('moderation: member actions', (t) => {
  it('warns, mutes, suspends and bans with a guideline and a reason, each told to the member and audited; lift undoes them', async () => {
    const member = await memberIn(t(), 'sanctioned-sorrel');
    const mod = await plainModerator(t(), 'careful-moderator');
    const id = await post(member, { title: 'Before', body: 'Made-up words.' });
    const actOn = (body: object) => mod.post('/api/v1/moderation/members/sanctioned-sorrel/actions', body);

    expect((await actOn({ action: 'warn', rule: 'open', reason: 'Please keep support here, not in private messages elsewhere.' })).json().member).toMatchObject({ warnings: 1, banned: false });
    expect((await notices(member))[0]).toMatchObject({ kind: 'warning', rule: 'open' });

    const muted = await actOn({ action: 'mute', rule: 'kind', reason: 'A pause to cool down.', hours: 2 });
    expect(muted.json().member.mutedUntil).toBeGreaterThan(Date.now());
    const refused = await member.post(`/api/v1/posts/${id}/replies`, { body: 'Made-up reply while muted.' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('muted');
    const view = await enterRoom(member);
    const msg = await sendMessage(member, view.room.id, 'Made-up message while muted.');
    expect(msg.statusCode).toBe(403);
    expect(msg.json().error.code).toBe('muted');
    await actOn({ action: 'lift', reason: 'Talked it through.' });
    expect((await member.post(`/api/v1/posts/${id}/replies`, { body: 'Made-up reply after.' })).statusCode).toBe(201);

    await actOn({ action: 'suspend', rule: 'kind', reason: 'A week away.', days: 7 });
    const suspended = await member.post('/api/v1/groups/depression-support/posts', { title: 'Suspended', body: 'Made-up words.' });
    expect(suspended.statusCode).toBe(403);
    expect(suspended.json().error.code).toBe('suspended');
    expect((await member.get(`/api/v1/posts/${id}`)).statusCode).toBe(200);
    await actOn({ action: 'lift', reason: 'Early return.' });

    await actOn({ action: 'ban', rule: 'safe', reason: 'Repeated method details after warnings.' });
    expect((await member.get('/api/v1/me')).statusCode).toBe(401);
    const again = new Visitor(t().app);
    const login = await again.logIn('sanctioned-sorrel');
    expect(login.statusCode).toBe(403);
    expect(login.json().error.code).toBe('banned');
    expect((await again.logIn('sanctioned-sorrel', 'a wrong passphrase here')).statusCode).toBe(401);
    await actOn({ action: 'lift', reason: 'Appeal accepted.' });
    expect((await again.logIn('sanctioned-sorrel')).statusCode).toBe(200);

    const actions = (await audit(mod)).items.map((e) => e.action);
    expect(actions).toEqual(['member.lifted', 'member.banned', 'member.lifted', 'member.suspended', 'member.lifted', 'member.muted', 'member.warned']);
    expect((await audit(mod, '?action=member.banned')).items).toMatchObject([{ rule: 'safe', reason: 'Repeated method details after warnings.' }]);
  });

  it('never lets a moderator act on themselves or on another moderator; an admin can', async () => {
    const one = await plainModerator(t(), 'moderator-one');
    await plainModerator(t(), 'moderator-two');
    const admin = await moderatorIn(t(), 'the-admin');
    expect((await one.post('/api/v1/moderation/members/moderator-one/actions', { action: 'warn', rule: 'kind', reason: 'x' })).statusCode).toBe(400);
    expect((await one.post('/api/v1/moderation/members/moderator-two/actions', { action: 'warn', rule: 'kind', reason: 'x' })).statusCode).toBe(403);
    expect((await admin.post('/api/v1/moderation/members/moderator-two/actions', { action: 'warn', rule: 'kind', reason: 'A note.' })).statusCode).toBe(200);
    const bad = await admin.post('/api/v1/moderation/members/moderator-two/actions', { action: 'mute', rule: 'kind', reason: 'x', hours: 0 });
    expect(bad.statusCode).toBe(400);
  });

  it('closes the review item a member action answers', async () => {
    const member = await memberIn(t(), 'reported-member');
    const reporter = await memberIn(t(), 'member-reporter');
    const mod = await plainModerator(t(), 'closing-moderator');
    const res = await report(reporter, { targetType: 'member', targetId: 'Reported-Member', reason: 'harassment', note: 'Messages to me in the room.' });
    expect(res.statusCode).toBe(201);
    const id = (await member.get('/api/v1/me')).json().member.id as string;
    const item = (await queue(mod)).items[0] as ReviewItem;
    expect(item).toMatchObject({ key: `member:${id}`, target: { type: 'member', author: { handle: 'reported-member' } } });
    expect((await act(mod, item.key, { action: 'remove', rule: 'kind', reason: 'x' })).statusCode).toBe(400);
    await mod.post('/api/v1/moderation/members/reported-member/actions', { action: 'warn', rule: 'kind', reason: 'Please be gentle in the rooms.', itemKey: item.key });
    expect((await queue(mod)).items).toEqual([]);
    expect((await myReports(reporter))[0]!.status).toBe('actioned');
  });
});
