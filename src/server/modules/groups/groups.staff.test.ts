import { expect, it } from 'vitest';
import type { Group } from '../../../shared/api.js';
import type { GroupStaffList } from '../../../shared/group-staff.js';
import type { ReviewList } from '../../../shared/moderation.js';
import { ulid } from '../../platform/ids.js';
import { memberIn, post, reply } from '../../test/forum-fixtures.js';
import { describeEachDialect, grantRole, makeAdmin, type TestApp, Visitor } from '../../test/harness.js';
import { collect, connect, enterRoom, eventually, listen } from '../../test/realtime-fixtures.js';
import { standInAssess } from '../../test/safety-fixtures.js';
import { createGroupsService } from './groups.service.js';

const GROUP = 'depression-support';
const OTHER = 'anxiety-and-depression';

const group = async (v: Visitor, slug = GROUP) => (await v.get(`/api/v1/groups/${slug}`)).json().group as Group;
const staffOf = async (v: Visitor, slug = GROUP) => (await v.get(`/api/v1/groups/${slug}/staff`)).json() as GroupStaffList;
const setStaff = (v: Visitor, handle: string, role: string, slug = GROUP) => v.put(`/api/v1/groups/${slug}/staff/${encodeURIComponent(handle)}`, { role });
const queue = async (v: Visitor) => (await v.get('/api/v1/moderation/queue')).json() as ReviewList;
const act = (v: Visitor, key: string, body: object) => v.post(`/api/v1/moderation/queue/${encodeURIComponent(key)}/actions`, body);
const memberAction = (v: Visitor, handle: string, body: object) => v.post(`/api/v1/moderation/members/${encodeURIComponent(handle)}/actions`, body);
const sendMessage = (v: Visitor, conversationId: string, body: string) => v.post(`/api/v1/conversations/${conversationId}/messages`, { body, clientId: `c-${Math.random().toString(36).slice(2)}` });

/** A member who joined `slug` and has not read its rules yet. */
async function newcomer(t: TestApp, handle: string, slug = GROUP): Promise<Visitor> {
  await createGroupsService({ db: t.database.db }).seedDefaults();
  const v = new Visitor(t.app);
  await v.signUp(handle);
  expect((await v.put(`/api/v1/groups/${slug}/membership`)).statusCode).toBe(200);
  return v;
}

async function admin(t: TestApp, handle = 'staff-admin'): Promise<Visitor> {
  const v = await memberIn(t, handle);
  await makeAdmin(t, handle);
  return v;
}

/** A member of `slug` whom an admin made its moderator (or host). */
async function staffMember(t: TestApp, by: Visitor, handle: string, role: 'host' | 'moderator', slug = GROUP): Promise<Visitor> {
  const v = await memberIn(t, handle, slug);
  expect((await setStaff(by, handle, role, slug)).statusCode).toBe(200);
  return v;
}

/** A message held in a support chat (no group), as the support module leaves one: its review key. */
async function heldInSupportChat(t: TestApp, authorHandle: string): Promise<string> {
  const { db } = t.database;
  const author = await db.selectFrom('members').select('id').where('handle_key', '=', authorHandle.toLowerCase()).executeTakeFirstOrThrow();
  const at = Date.now();
  const conversationId = ulid();
  const id = ulid();
  await db.insertInto('conversations').values({ id: conversationId, kind: 'support', group_id: null, room_of_group: null, guidelines: '', guidelines_updated_at: at, created_at: at, closed_at: null }).execute();
  await db
    .insertInto('messages')
    .values({ id, conversation_id: conversationId, seq: 1, author_id: author.id, client_id: `c-${id}`, body: 'Made-up words with a made-up number.', content_warning: null, status: 'held', held_reason: 'off_platform_contact', card: null, removed_rule: null, removed_reason: null, removed_by: null, removed_at: null, created_at: at, deleted_at: null })
    .execute();
  return `message:${id}`;
}

describeEachDialect(
  'groups: rules before a first post, hosts and moderators',
  (t) => {
    it("shows a group's rules before a member's first post in it, and not before replies", async () => {
      const author = await memberIn(t(), 'rules-author');
      const existing = await post(author, { title: 'A made-up evening', body: 'Made-up words about a long day.' });
      const fern = await newcomer(t(), 'rules-fern');

      expect(await group(fern)).toMatchObject({ joined: true, mustReadRules: true });
      const first = await fern.post(`/api/v1/groups/${GROUP}/posts`, { title: 'Hello', body: 'My made-up first words here.' });
      expect(first.statusCode).toBe(409);
      expect(first.json().error).toMatchObject({ code: 'rules_unseen', message: "Please read this group's rules before your first post. Your draft is kept." });
      expect(await t().database.db.selectFrom('posts').select('id').where('title', '=', 'Hello').execute()).toEqual([]);

      // Replying is answering someone else's post, not a post in the group: no rules asked.
      await reply(fern, existing, 'A made-up kind answer.');

      // Only members of the group mark its rules read.
      expect((await new Visitor(t().app).post(`/api/v1/groups/${GROUP}/rules/seen`)).statusCode).toBe(401);
      const outside = await fern.post(`/api/v1/groups/${OTHER}/rules/seen`);
      expect(outside.statusCode).toBe(403);
      expect(outside.json().error.code).toBe('not_a_member');

      const seen = await fern.post(`/api/v1/groups/${GROUP}/rules/seen`);
      expect(seen.statusCode).toBe(200);
      expect(seen.json().group).toMatchObject({ slug: GROUP, mustReadRules: false });
      const stamped = await t().database.db.selectFrom('group_members').innerJoin('members', 'members.id', 'group_members.member_id').select('rules_seen_at').where('members.handle', '=', 'rules-fern').executeTakeFirstOrThrow();
      expect(stamped.rules_seen_at).not.toBeNull();
      // Read once: a second look changes nothing.
      expect((await fern.post(`/api/v1/groups/${GROUP}/rules/seen`)).statusCode).toBe(200);
      expect(await t().database.db.selectFrom('group_members').innerJoin('members', 'members.id', 'group_members.member_id').select('rules_seen_at').where('members.handle', '=', 'rules-fern').executeTakeFirstOrThrow()).toEqual(stamped);
      expect((await fern.post(`/api/v1/groups/${GROUP}/posts`, { title: 'Hello', body: 'My made-up first words here.' })).statusCode).toBe(201);

      // Leaving and joining again is a new membership: the rules are shown again before the next post.
      await fern.delete(`/api/v1/groups/${GROUP}/membership`);
      await fern.put(`/api/v1/groups/${GROUP}/membership`);
      expect(await group(fern)).toMatchObject({ mustReadRules: true });
    });

    it('asks nothing in a group without rules, nor of moderators, admins and the group’s own staff', async () => {
      const boss = await admin(t());
      const created = await boss.post('/api/v1/groups', { name: 'Quiet evenings', description: 'A made-up group.', rules: [] });
      const slug = created.json().group.slug as string;
      const member = await newcomer(t(), 'ruleless-moss', slug);
      expect(await group(member, slug)).toMatchObject({ mustReadRules: false });
      expect((await member.post(`/api/v1/groups/${slug}/posts`, { title: 'Hi', body: 'Made-up words.' })).statusCode).toBe(201);

      const mod = await newcomer(t(), 'ruled-moderator');
      await grantRole(t(), 'ruled-moderator', 'moderator');
      expect(await group(mod)).toMatchObject({ mustReadRules: false });
      expect((await mod.post(`/api/v1/groups/${GROUP}/posts`, { title: 'Hi', body: 'Made-up words from a moderator.' })).statusCode).toBe(201);

      const host = await newcomer(t(), 'ruled-host');
      expect((await setStaff(boss, 'ruled-host', 'host')).statusCode).toBe(200);
      expect(await group(host)).toMatchObject({ mustReadRules: false });
      expect((await host.post(`/api/v1/groups/${GROUP}/posts`, { title: 'Hi', body: 'Made-up words from a host.' })).statusCode).toBe(201);
      // A visitor is never asked (they have joined nothing).
      expect(await group(new Visitor(t().app))).toMatchObject({ joined: false, mustReadRules: false });
    });

    it("lets admins choose a group's hosts and moderators from its members, each change audited", async () => {
      const boss = await admin(t());
      const member = await memberIn(t(), 'plain-member');
      const rowan = await memberIn(t(), 'Gentle-Rowan');
      await memberIn(t(), 'elsewhere-elm', OTHER);

      // Admins only.
      expect((await setStaff(member, 'Gentle-Rowan', 'moderator')).statusCode).toBe(403);
      expect((await setStaff(new Visitor(t().app), 'Gentle-Rowan', 'moderator')).statusCode).toBe(401);
      // From the group's members only.
      const stranger = await setStaff(boss, 'elsewhere-elm', 'host');
      expect(stranger.statusCode).toBe(409);
      expect(stranger.json().error).toMatchObject({ code: 'not_a_member' });
      expect((await setStaff(boss, 'nobody-at-all', 'host')).statusCode).toBe(404);
      expect((await setStaff(boss, 'Gentle-Rowan', 'owner')).statusCode).toBe(400);

      // The handle is case-insensitive; the list says who, moderators first.
      expect((await setStaff(boss, 'gentle-rowan', 'moderator')).json()).toEqual({ items: [{ handle: 'Gentle-Rowan', role: 'moderator' }] });
      expect((await setStaff(boss, 'plain-member', 'host')).json()).toEqual({
        items: [
          { handle: 'Gentle-Rowan', role: 'moderator' },
          { handle: 'plain-member', role: 'host' },
        ],
      });
      // Setting the same role again changes nothing and records nothing.
      expect((await setStaff(boss, 'Gentle-Rowan', 'moderator')).statusCode).toBe(200);

      // Anyone who may read the group may see who hosts it: members-only here.
      expect((await staffOf(await memberIn(t(), 'curious-cedar', OTHER))).items).toHaveLength(2);
      expect((await new Visitor(t().app).get(`/api/v1/groups/${GROUP}/staff`)).statusCode).toBe(401);

      // The moderator's session knows which groups they moderate (the header's "Review queue").
      expect((await rowan.get('/api/v1/me')).json().member.moderatesGroups).toEqual([GROUP]);
      expect((await member.get('/api/v1/me')).json().member.moderatesGroups).toEqual([]);

      // Back to member: off the staff.
      expect((await setStaff(boss, 'plain-member', 'member')).json()).toEqual({ items: [{ handle: 'Gentle-Rowan', role: 'moderator' }] });
      // Leaving the group ends the role; joining again starts as a member.
      await rowan.delete(`/api/v1/groups/${GROUP}/membership`);
      await rowan.put(`/api/v1/groups/${GROUP}/membership`);
      expect((await staffOf(member)).items).toEqual([]);
      expect((await rowan.get('/api/v1/me')).json().member.moderatesGroups).toEqual([]);

      const rows = await t().database.db.selectFrom('audit_log').select(['action', 'target_type', 'detail']).where('action', '=', 'group.staff_changed').orderBy('id').execute();
      expect(rows.map((r) => ({ type: r.target_type, ...JSON.parse(r.detail) }))).toEqual([
        { type: 'member', group: GROUP, before: 'member', after: 'moderator' },
        { type: 'member', group: GROUP, before: 'member', after: 'host' },
        { type: 'member', group: GROUP, before: 'host', after: 'member' },
      ]);
    });

    it("makes a group's host a host of that group's room, and of no other", async () => {
      const boss = await admin(t());
      const host = await staffMember(t(), boss, 'room-host', 'host');
      expect((await host.put(`/api/v1/groups/${OTHER}/membership`)).statusCode).toBe(200);
      const member = await memberIn(t(), 'room-member');
      const otherMember = await memberIn(t(), 'other-room-member', OTHER);

      const room = await enterRoom(host);
      expect(room.me.isHost).toBe(true);
      const other = await enterRoom(host, OTHER);
      expect(other.me.isHost).toBe(false);

      // Host tools in their room only.
      expect((await host.patch(`/api/v1/conversations/${room.room.id}/settings`, { slowModeSeconds: 10 })).statusCode).toBe(200);
      expect((await host.patch(`/api/v1/conversations/${other.room.id}/settings`, { slowModeSeconds: 10 })).statusCode).toBe(403);
      const memberRoom = await enterRoom(member);
      const message = (await sendMessage(member, memberRoom.room.id, 'Made-up words for the room.')).json().message.id as string;
      expect((await host.post(`/api/v1/messages/${message}/remove`, { reason: 'A made-up reason.' })).statusCode).toBe(200);
      await enterRoom(otherMember, OTHER);
      const elsewhere = (await sendMessage(otherMember, other.room.id, 'Made-up words in the other room.')).json().message.id as string;
      expect((await host.post(`/api/v1/messages/${elsewhere}/remove`, { reason: 'A made-up reason.' })).statusCode).toBe(403);

      // Their messages carry the host mark in their room, not in the other.
      const own = (await sendMessage(host, room.room.id, 'Welcome, everyone.')).json().message;
      expect(own.author).toMatchObject({ handle: 'room-host', isHost: true });
      const inOther = (await sendMessage(host, other.room.id, 'Hello from a member here.')).json().message;
      expect(inOther.author).toMatchObject({ handle: 'room-host', isHost: false });
      const history = (await member.get(`/api/v1/conversations/${room.room.id}/messages`)).json().messages as { author: { handle: string | null; isHost: boolean } }[];
      expect(history.find((m) => m.author.handle === 'room-host')?.author.isHost).toBe(true);

      // Hosts cannot be muted, by a host of any kind.
      const listener = await memberIn(t(), 'room-listener');
      await grantRole(t(), 'room-listener', 'listener');
      await enterRoom(listener);
      const hostId = (await host.get('/api/v1/me')).json().member.id as string;
      const muted = await listener.post(`/api/v1/conversations/${room.room.id}/mutes`, { memberId: hostId, minutes: 5 });
      expect(muted.statusCode).toBe(403);
      expect(muted.json().error.code).toBe('cannot_mute_host');

      // Off the staff: a member again, at once.
      await setStaff(boss, 'room-host', 'member');
      expect((await host.get(`/api/v1/groups/${GROUP}/room`)).json().me.isHost).toBe(false);
      expect((await host.patch(`/api/v1/conversations/${room.room.id}/settings`, { slowModeSeconds: 0 })).statusCode).toBe(403);
    });

    it("tells a group moderator's open queue when it changes, as it tells the site's moderators", async () => {
      const boss = await admin(t());
      const gm = await staffMember(t(), boss, 'live-group-mod', 'moderator');
      const host = await staffMember(t(), boss, 'live-group-host', 'host');
      const url = await listen(t().app);
      const gmSocket = await connect(url, gm);
      const hostSocket = await connect(url, host);
      const seen = collect(gmSocket, 'moderation:changed');
      const hostSeen = collect(hostSocket, 'moderation:changed');
      try {
        const newbie = await memberIn(t(), 'live-new-linker');
        await newbie.post(`/api/v1/groups/${GROUP}/posts`, { title: 'A link', body: 'Made-up words and https://example.org/made-up-live' });
        await eventually(() => seen.length === 1, 'the held post reaches the group moderator');
        expect(hostSeen).toEqual([]);
      } finally {
        gmSocket.close();
        hostSocket.close();
      }
    });

    it("lets a group moderator review their group's items, and only theirs", async () => {
      const boss = await admin(t());
      const gm = await staffMember(t(), boss, 'group-mod', 'moderator');
      const siteMod = await memberIn(t(), 'site-mod');
      await grantRole(t(), 'site-mod', 'moderator');
      const plain = await memberIn(t(), 'plain-reporter');

      // In their group: a new member's link post, held for review.
      const newbie = await memberIn(t(), 'new-linker');
      const held = (await newbie.post(`/api/v1/groups/${GROUP}/posts`, { title: 'A link', body: 'Made-up words and https://example.org/made-up' })).json().post;
      expect(held.status).toBe('held');
      // In another group: a reported post.
      const away = await memberIn(t(), 'away-author', OTHER);
      const awayPost = await post(away, { title: 'Elsewhere', body: 'Made-up words in another group.' }, OTHER);
      expect((await plain.post('/api/v1/reports', { targetType: 'post', targetId: awayPost, reason: 'spam' })).statusCode).toBe(201);
      // In a support chat: no group at all.
      const supportKey = await heldInSupportChat(t(), 'plain-reporter');

      const mine = await queue(gm);
      expect(mine.items.map((i) => i.key)).toEqual([`post:${held.id}`]);
      expect(mine.groups).toEqual([{ slug: GROUP, name: 'Depression support' }]);
      expect(mine.counts.total).toBe(1);
      expect((await queue(siteMod)).items.map((i) => i.key).sort()).toEqual([`post:${held.id}`, `post:${awayPost}`, supportKey].sort());

      for (const key of [`post:${awayPost}`, supportKey]) {
        expect((await gm.get(`/api/v1/moderation/queue/${encodeURIComponent(key)}`)).statusCode, key).toBe(403);
        expect((await gm.post(`/api/v1/moderation/queue/${encodeURIComponent(key)}/claim`)).statusCode, key).toBe(403);
        expect((await act(gm, key, { action: 'dismiss' })).statusCode, key).toBe(403);
      }
      expect((await gm.post(`/api/v1/moderation/queue/${encodeURIComponent(`post:${held.id}`)}/claim`)).statusCode).toBe(200);
      const approved = await act(gm, `post:${held.id}`, { action: 'approve' });
      expect(approved.statusCode).toBe(200);
      expect(approved.json().item).toBeNull();
      expect((await plain.get(`/api/v1/posts/${held.id}`)).json().post.status).toBe('published');

      // Remove and restore in their group; not in another.
      expect((await plain.post('/api/v1/reports', { targetType: 'post', targetId: held.id, reason: 'spam' })).statusCode).toBe(201);
      expect((await act(gm, `post:${held.id}`, { action: 'remove', rule: 'kind', reason: 'A made-up reason.' })).statusCode).toBe(200);
      expect((await gm.post(`/api/v1/moderation/content/post/${held.id}/restore`, { reason: 'On a second look, it was fine.' })).statusCode).toBe(204);
      expect((await act(siteMod, `post:${awayPost}`, { action: 'remove', rule: 'kind', reason: 'A made-up reason.' })).statusCode).toBe(200);
      expect((await gm.post(`/api/v1/moderation/content/post/${awayPost}/restore`, { reason: 'Not mine to restore.' })).statusCode).toBe(403);

      // Member actions: a warning for a member of their group; nothing else, and nobody else.
      const warn = { action: 'warn', rule: 'kind', reason: 'A made-up reason.' };
      expect((await memberAction(gm, 'new-linker', warn)).statusCode).toBe(200);
      // Two notices: the removal above, and this warning.
      expect((await gm.get('/api/v1/moderation/members/new-linker')).json().member).toMatchObject({ handle: 'new-linker', warnings: 2 });
      for (const body of [
        { action: 'mute', rule: 'kind', reason: 'A made-up reason.', hours: 1 },
        { action: 'suspend', rule: 'kind', reason: 'A made-up reason.', days: 1 },
        { action: 'ban', rule: 'kind', reason: 'A made-up reason.' },
        { action: 'lift', reason: 'A made-up reason.' },
      ]) {
        expect((await memberAction(gm, 'new-linker', body)).statusCode, body.action).toBe(403);
      }
      expect((await memberAction(gm, 'away-author', warn)).statusCode).toBe(403);
      expect((await gm.get('/api/v1/moderation/members/away-author')).statusCode).toBe(403);
      const member = await t().database.db.selectFrom('members').select(['muted_until', 'suspended_until', 'banned_at']).where('handle', '=', 'new-linker').executeTakeFirstOrThrow();
      expect(member).toEqual({ muted_until: null, suspended_until: null, banned_at: null });

      // The record and the numbers stay with the site's moderators and admins; members have no queue.
      expect((await gm.get('/api/v1/moderation/audit')).statusCode).toBe(403);
      expect((await gm.get('/api/v1/moderation/dashboard')).statusCode).toBe(403);
      expect((await gm.get('/api/v1/safety/alerts')).statusCode).toBe(403);
      expect((await plain.get('/api/v1/moderation/queue')).statusCode).toBe(403);

      const actions = await t().database.db.selectFrom('audit_log').innerJoin('members', 'members.id', 'audit_log.actor_id').select('audit_log.action').where('members.handle', '=', 'group-mod').orderBy('audit_log.id').execute();
      expect(actions.map((a) => a.action)).toEqual(['review.approved', 'content.removed', 'content.restored', 'member.warned']);
    });
  },
  { assess: standInAssess },
);
