import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { TRAINING_MODULES } from '../../shared/listeners.js';
import { createGroupsService } from '../modules/groups/groups.service.js';
import { TRAINING } from '../modules/listeners/listeners.training.js';
import { ulid } from '../platform/ids.js';
import { grantRole, type TestApp, Visitor } from './harness.js';
import { post, reply } from './forum-fixtures.js';
import { enterRoom } from './realtime-fixtures.js';

/**
 * The world the authorization matrix runs in (src/server/authorization.test.ts): an owner
 * with one of everything, the people who look after them, and one caller per role.
 */

/** `groupModerator`: a member of group A whom an admin made its moderator (a host of its room, a reviewer of its items). */
export const ROLES = ['visitor', 'member', 'otherGroup', 'listener', 'facilitator', 'moderator', 'admin', 'suspended', 'banned', 'groupModerator'] as const;
export type Role = (typeof ROLES)[number];
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The group the owner and most roles joined; the one `otherGroup` joined instead. */
export const GROUP_A = 'depression-support';
export const GROUP_B = 'anxiety-and-depression';
/** A group every role may join and leave without changing anything else in the matrix. */
export const SPARE_GROUP = 'mens-space';
/** A group an admin edits (same words back) during the matrix. */
export const EDITED_GROUP = 'young-adults';

export const PASSPHRASE = 'lantern orchard pebble';
export const NEW_PASSPHRASE = 'harbour willow compass drift';

/** Someone sending requests: no session for the visitor, a fixed cookie and CSRF token for everyone else. */
export interface Caller {
  role: Role;
  handle: string | null;
  id: string | null;
  recoveryCode: string | null;
  cookie: string | null;
  csrf: string | null;
  /** Each role comes from its own address, so the per-address limits of one role never answer for another. */
  ip: string;
}

const ipOf = (role: Role) => `10.9.0.${ROLES.indexOf(role) + 1}`;

/** Sends one request as `caller`. Unlike Visitor it never takes up a new cookie: a role stays itself for the whole matrix. */
export function send(app: FastifyInstance, caller: Caller, method: Method, url: string, body?: unknown): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (caller.cookie) headers.cookie = caller.cookie;
  if (caller.csrf && method !== 'GET') headers['x-csrf-token'] = caller.csrf;
  const payload = body ?? (method === 'GET' || method === 'DELETE' ? undefined : {});
  return app.inject({ method, url, headers, remoteAddress: caller.ip, ...(payload !== undefined ? { payload: payload as object } : {}) });
}

/** Made-up words that only their owner (and, for some, moderators) may ever be shown. */
export interface Secrets {
  /** In the owner's safety plan: nobody else, ever. */
  plan: string;
  /** In the title and body of the owner's private journal entry: nobody else, ever. */
  journal: string;
  /** The owner's note asking for a listener: nobody in the matrix. */
  supportNote: string;
  /** The owner's words in their private support chat: nobody in the matrix. */
  chat: string;
  /** The owner's words in group A's room: members of A and hosts only. */
  room: string;
  /** A post held for review: its author and moderators only. */
  held: string;
  /** The owner's listener application: moderators only. */
  application: string;
  /** In the title of the owner's post in a members-only group: signed-in members only. */
  membersOnly: string;
  /** In the name of an archived group: admins only. */
  archived: string;
}

export interface World {
  t: TestApp;
  callers: Record<Role, Caller>;
  owner: Visitor;
  steward: Visitor;
  bystander: Visitor;
  ids: {
    ownerHandle: string;
    ownerId: string;
    bystanderHandle: string;
    bystanderId: string;
    stewardHandle: string;
    keeperId: string;
    applicantId: string;
    /** The owner's named post in group A, a reply to it, and anonymous ones for the reveal routes. */
    post: string;
    reply: string;
    anonymousPost: string;
    /** The owner's anonymous reply, on a bystander's post (so nothing else on the thread names the owner). */
    anonymousReply: string;
    bystanderPost: string;
    /** Words only the anonymous post holds, to search for. */
    anonymousWords: string;
    heldPost: string;
    room: string;
    roomMessage: string;
    debriefRoom: string;
    archivedGroup: string;
    /** The owner's support request, matched with a listener who is not in the matrix, and its chat. */
    supportRequest: string;
    supportChat: string;
    chatMessage: string;
    notification: string;
    /** A review item about the owner's post (a bystander reported it), claimed by the steward. */
    reviewKey: string;
    /** A review item in group B: the other group's member's post, reported by a bystander. */
    groupBReviewKey: string;
    /** A review item with no group: a message held in a support chat. */
    supportReviewKey: string;
    ownerApplication: string;
    /** The owner's private journal entry. */
    journalEntry: string;
  };
  secrets: Secrets;
  fresh: Fresh;
}

/** Things made anew for each request that would otherwise change what later requests find. */
export interface Fresh {
  caller(role: Role): Promise<Caller>;
  post(body?: string): Promise<string>;
  lockedPost(): Promise<string>;
  /** A post a bystander reported: its review key. */
  reviewItem(): Promise<string>;
  /** The same, for a post in group B. */
  reviewItemInB(): Promise<string>;
  /** A message held in a support chat (no group): its review key. */
  supportItem(): Promise<string>;
  /** A new member who joined group A: their handle. */
  memberOfA(): Promise<string>;
  removedPost(): Promise<string>;
  reply(): Promise<string>;
  roomMessage(body?: string): Promise<string>;
  alert(): Promise<string>;
  flag(): Promise<string>;
  group(): Promise<string>;
  archivedGroup(): Promise<string>;
  /** A pending listener application by `memberId` (a bystander applicant when not given). */
  application(memberId?: string | null): Promise<string>;
  /** A listener with a profile, suspended. */
  suspendedListener(): Promise<Caller>;
  /** A new member's request, offered to `listener` as matching would offer it. */
  offerTo(listener: Caller): Promise<string>;
  handle(prefix: string): string;
  /** A weekly meeting series led by the owner in group A (straight into the table: the owner is no facilitator), each on its own day so none overlap; its first meeting's local date. */
  meeting(): Promise<{ id: string; date: string }>;
  /** A meeting led by the owner starting in a few minutes, its room opened and started by the owner. */
  meetingRoom(): Promise<{ id: string; date: string }>;
  /** A going RSVP for `memberId` (a seat in the room). */
  seat(meeting: { id: string; date: string }, memberId: string): Promise<void>;
}

const rightAnswers = (module: string) => Object.fromEntries(TRAINING.find((m) => m.id === module)!.questions.map((q) => [q.id, q.correct]));

function ok(res: LightMyRequestResponse, status: number, what: string): LightMyRequestResponse {
  if (res.statusCode !== status) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res;
}

async function idOf(v: Visitor): Promise<string> {
  return (await v.get('/api/v1/me')).json().member.id as string;
}

async function signedUp(t: TestApp, handle: string): Promise<{ v: Visitor; id: string; recoveryCode: string }> {
  const v = new Visitor(t.app);
  const recoveryCode = await v.signUp(handle, PASSPHRASE);
  return { v, id: await idOf(v), recoveryCode };
}

async function passTraining(app: FastifyInstance, c: Caller): Promise<void> {
  for (const m of TRAINING_MODULES) ok(await send(app, c, 'POST', `/api/v1/listeners/training/${m}/answers`, { answers: rightAnswers(m) }), 200, `training ${m}`);
}

/** Builds the world on a fresh app: takes a few seconds, most of it passphrase hashing. */
export async function buildWorld(t: TestApp): Promise<World> {
  const { app, database } = t;
  const { db } = database;
  await createGroupsService({ db }).seedDefaults();
  let counter = 0;
  const handle = (prefix: string) => `${prefix}-${(counter++).toString(36)}`;

  // Joined and the group's rules read, so a refused post is refused for who writes it, not for unread rules.
  const join = async (v: Visitor, slug: string) => {
    ok(await v.put(`/api/v1/groups/${slug}/membership`), 200, `join ${slug}`);
    ok(await v.post(`/api/v1/groups/${slug}/rules/seen`), 200, `rules of ${slug}`);
  };

  // --- the people around the owner ---
  const steward = await signedUp(t, 'az-steward');
  await grantRole(t, 'az-steward', 'admin');
  await join(steward.v, GROUP_A);
  const owner = await signedUp(t, 'az-owner');
  await join(owner.v, GROUP_A);
  const bystander = await signedUp(t, 'az-bystander');
  await join(bystander.v, GROUP_A);
  await enterRoom(bystander.v, GROUP_A);
  const keeper = await signedUp(t, 'az-keeper');
  await grantRole(t, 'az-keeper', 'listener');
  await db
    .insertInto('listener_profiles')
    .values({ member_id: keeper.id, languages: JSON.stringify(['en']), topics: JSON.stringify(['feeling_low']), capacity: 1, status: 'on', status_since: Date.now(), updated_at: Date.now() })
    .execute();
  const applicant = await signedUp(t, 'az-applicant');

  const secrets: Secrets = {
    plan: 'SECRET-PLAN-walk-to-the-blue-bridge',
    journal: 'SECRET-JOURNAL-a-made-up-quiet-evening',
    supportNote: 'SECRET-NOTE-a-made-up-long-week',
    chat: 'SECRET-CHAT-only-for-my-listener',
    room: 'SECRET-ROOM-for-group-a-only',
    held: 'SECRET-HELD-awaiting-review',
    application: 'SECRET-APPLICATION-why-i-would-listen',
    membersOnly: 'SECRETMEMBERSONLYtitle',
    archived: 'SECRETARCHIVEDgroup',
  };

  // --- the owner's things ---
  const postId = await post(owner.v, { title: `A made-up hard week ${secrets.membersOnly}`, body: 'Some made-up words about a long week.' });
  const replyId = await reply(owner.v, postId, 'A made-up follow-up from the author.');
  const anonymousWords = 'UNSIGNEDlanternwords';
  const anonymousPost = await post(owner.v, { title: `A made-up anonymous post ${anonymousWords}`, body: 'Made-up words, shared anonymously.', anonymous: true });
  const bystanderPost = await post(bystander.v, { title: 'A made-up question from a bystander', body: 'Made-up words asking for company.' });
  const anonymousReply = (ok(await owner.v.post(`/api/v1/posts/${bystanderPost}/replies`, { body: 'A made-up anonymous reply.', anonymous: true }), 201, 'anonymous reply').json() as { reply: { id: string } }).reply.id;
  const heldPost = await post(owner.v, { title: `Held ${secrets.held}`, body: `MARKER-METHOD made-up words ${secrets.held}` });
  ok(
    await owner.v.put('/api/v1/me/safety-plan', {
      warningSigns: secrets.plan,
      copingStrategies: '',
      distractions: '',
      peopleToAsk: '',
      professionals: '',
      safeEnvironment: '',
      reasonsForLiving: '',
    }),
    200,
    'safety plan',
  );
  const journalEntry = (ok(await owner.v.post('/api/v1/me/journal', { title: `Title ${secrets.journal}`, body: `Made-up words ${secrets.journal}` }), 201, 'journal entry').json() as { entry: { id: string } }).entry.id;
  const room = (await enterRoom(owner.v, GROUP_A)).room.id;
  const sendIn = async (v: Visitor, conversationId: string, body: string) =>
    (ok(await v.post(`/api/v1/conversations/${conversationId}/messages`, { clientId: `az-${ulid().toLowerCase()}`, body }), 201, 'message').json() as { message: { id: string } }).message.id;
  const roomMessage = await sendIn(owner.v, room, `Made-up words for the room ${secrets.room}`);

  // A bystander answers the owner's post: the owner now has a notification.
  await reply(bystander.v, postId, 'A made-up kind answer from a bystander.');
  const notification = (await owner.v.get('/api/v1/notifications')).json().items[0].id as string;
  // The bystander reports the owner's post: a review item.
  ok(await bystander.v.post('/api/v1/reports', { targetType: 'post', targetId: postId, reason: 'spam' }), 201, 'report');
  ok(await steward.v.post(`/api/v1/moderation/queue/post:${postId}/claim`), 200, 'claim');
  const debriefRoom = (ok(await steward.v.get('/api/v1/listeners/room'), 200, 'debrief room').json() as { room: { id: string } }).room.id;
  const archivedGroup = (ok(await steward.v.post('/api/v1/groups', { name: `Archived ${secrets.archived}`, description: 'A made-up archived group.', rules: [] }), 201, 'group').json() as { group: { slug: string } }).group.slug;
  ok(await steward.v.post(`/api/v1/groups/${archivedGroup}/archive`), 200, 'archive');

  // The owner asks for a listener; the keeper (not a role of the matrix) takes the chat.
  ok(await owner.v.post('/api/v1/support/requests', { topics: ['feeling_low'], language: 'en', note: secrets.supportNote }), 201, 'support request');
  const offer = (await keeper.v.get('/api/v1/support/queue')).json().offer as { requestId: string } | null;
  if (!offer) throw new Error('the keeper was not offered the owner’s request');
  const supportChat = (ok(await keeper.v.post(`/api/v1/support/requests/${offer.requestId}/accept`), 200, 'accept').json() as { conversationId: string }).conversationId;
  ok(await keeper.v.put('/api/v1/listeners/me/duty', { status: 'off' }), 200, 'keeper off duty');
  const chatMessage = await sendIn(owner.v, supportChat, `Made-up words for my listener ${secrets.chat}`);

  const ownerCaller: Caller = { role: 'member', handle: 'az-owner', id: owner.id, recoveryCode: owner.recoveryCode, cookie: owner.v.cookie, csrf: owner.v.csrfToken, ip: '10.9.1.1' };
  await passTraining(app, ownerCaller);
  const ownerApplication = (ok(await owner.v.post('/api/v1/listeners/applications', { motivation: secrets.application, languages: ['en'], topics: ['feeling_low'] }), 201, 'application').json() as { id: string }).id;

  // --- one caller per role ---
  const roomAccess: Role[] = ['member', 'listener', 'facilitator', 'moderator', 'admin', 'suspended', 'groupModerator'];

  async function makeCaller(role: Role, name: string, full: boolean): Promise<Caller> {
    if (role === 'visitor') return { role, handle: null, id: null, recoveryCode: null, cookie: null, csrf: null, ip: ipOf(role) };
    const m = await signedUp(t, name);
    const caller: Caller = { role, handle: name, id: m.id, recoveryCode: m.recoveryCode, cookie: m.v.cookie, csrf: m.v.csrfToken, ip: ipOf(role) };
    if (role === 'listener' || role === 'facilitator' || role === 'moderator' || role === 'admin') await grantRole(t, name, role);
    if (role === 'listener') {
      // As an approved application leaves a listener: a profile, off duty.
      await db
        .insertInto('listener_profiles')
        .values({ member_id: m.id, languages: JSON.stringify(['en']), topics: JSON.stringify(['feeling_low']), capacity: 1, status: 'off', status_since: Date.now(), updated_at: Date.now() })
        .execute();
    }
    if (full) {
      await join(m.v, role === 'otherGroup' ? GROUP_B : GROUP_A);
      if (roomAccess.includes(role)) {
        // Guidelines read, so a refused message is refused for who sends it, not for unread guidelines.
        await enterRoom(m.v, GROUP_A);
      }
      // Training passed, so applying is answered for who applies, not for unfinished training.
      if (role !== 'banned') await passTraining(app, caller);
    }
    // As an admin makes one, from the admin groups page.
    if (role === 'groupModerator' && full) ok(await steward.v.put(`/api/v1/groups/${GROUP_A}/staff/${name}`, { role: 'moderator' }), 200, 'group moderator');
    if (role === 'suspended') await db.updateTable('members').set({ suspended_until: Date.now() + 7 * 24 * 60 * 60 * 1000 }).where('id', '=', m.id).execute();
    if (role === 'banned') ok(await steward.v.post(`/api/v1/moderation/members/${name}/actions`, { action: 'ban', rule: 'kind', reason: 'Made-up reason for the authorization test.' }), 200, 'ban');
    return caller;
  }

  const callers = {} as Record<Role, Caller>;
  for (const role of ROLES) callers[role] = await makeCaller(role, `az-${role}`, true);

  const otherGroup = callers.otherGroup;
  let meetingCounter = 0;
  const fresh: Fresh = {
    caller: (role) => makeCaller(role, handle(`az-new-${role.slice(0, 5)}`), false),
    handle,
    async meeting() {
      const group = await db.selectFrom('groups').select('id').where('slug', '=', GROUP_A).executeTakeFirstOrThrow();
      // Tomorrow onwards, a day further for each, at noon in London: never over, never clashing.
      const date = new Date(Date.now() + (1 + meetingCounter++) * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
      const id = ulid();
      const at = Date.now();
      await db
        .insertInto('meetings')
        .values({
          id,
          group_id: group.id,
          facilitator_id: owner.id,
          co_facilitator_id: null,
          title: 'A made-up meeting',
          description: '',
          agenda: JSON.stringify(['Gathering', 'Close']),
          capacity: 12,
          duration_minutes: 60,
          time_zone: 'Europe/London',
          start_date: date,
          start_time: '12:00',
          recurrence: JSON.stringify({ kind: 'once' }),
          until_date: null,
          occurrence_count: null,
          created_at: at,
          updated_at: at,
          cancelled_at: null,
        })
        .execute();
      return { id, date };
    },
    async meetingRoom() {
      const group = await db.selectFrom('groups').select('id').where('slug', '=', GROUP_A).executeTakeFirstOrThrow();
      // Five minutes from now, in UTC: the room is open (from ten minutes before).
      const start = new Date(Math.ceil((Date.now() + 5 * 60_000) / 60_000) * 60_000).toISOString();
      const id = ulid();
      const at = Date.now();
      const date = start.slice(0, 10);
      await db
        .insertInto('meetings')
        .values({
          id,
          group_id: group.id,
          facilitator_id: owner.id,
          co_facilitator_id: null,
          title: 'A made-up meeting, now',
          description: '',
          agenda: JSON.stringify(['Gathering', 'Close']),
          capacity: 12,
          duration_minutes: 60,
          time_zone: 'UTC',
          start_date: date,
          start_time: start.slice(11, 16),
          recurrence: JSON.stringify({ kind: 'once' }),
          until_date: null,
          occurrence_count: null,
          created_at: at,
          updated_at: at,
          cancelled_at: null,
        })
        .execute();
      const room = `/api/v1/meetings/${id}/occurrences/${date}/room`;
      ok(await owner.v.post(room), 200, 'meeting room');
      ok(await owner.v.post(`${room}/step`, { step: 0 }), 200, 'meeting started');
      return { id, date };
    },
    async seat(meeting, memberId) {
      await db.insertInto('meeting_rsvps').values({ meeting_id: meeting.id, local_date: meeting.date, member_id: memberId, status: 'going', created_at: Date.now(), updated_at: Date.now() }).execute();
    },
    // Every fresh text is different: the same words a third time would be held as a repeat.
    post: (body = 'Made-up words for a fresh post.') => post(owner.v, { title: `A fresh made-up post ${handle('p')}`, body: `${body} ${handle('p')}` }),
    async lockedPost() {
      const id = await fresh.post();
      ok(await steward.v.post(`/api/v1/posts/${id}/lock`), 200, 'lock');
      return id;
    },
    async reviewItem() {
      const id = await fresh.post();
      ok(await bystander.v.post('/api/v1/reports', { targetType: 'post', targetId: id, reason: 'spam' }), 201, 'report');
      return `post:${id}`;
    },
    async reviewItemInB() {
      const res = ok(await send(app, otherGroup, 'POST', `/api/v1/groups/${GROUP_B}/posts`, { title: `A made-up post in group B ${handle('b')}`, body: `Made-up words ${handle('b')}` }), 201, 'post in B');
      const id = (res.json() as { post: { id: string } }).post.id;
      ok(await bystander.v.post('/api/v1/reports', { targetType: 'post', targetId: id, reason: 'spam' }), 201, 'report in B');
      return `post:${id}`;
    },
    async supportItem() {
      // Straight into the tables, as a support chat with a message held for contact details leaves them.
      const at = Date.now();
      const conversationId = ulid();
      const messageId = ulid();
      await db.insertInto('conversations').values({ id: conversationId, kind: 'support', group_id: null, room_of_group: null, guidelines: '', guidelines_updated_at: at, created_at: at, closed_at: null }).execute();
      await db
        .insertInto('messages')
        .values({
          id: messageId,
          conversation_id: conversationId,
          seq: 1,
          author_id: bystander.id,
          client_id: `az-${messageId.toLowerCase()}`,
          body: 'Made-up words with a made-up number to call.',
          content_warning: null,
          status: 'held',
          held_reason: 'off_platform_contact',
          card: null,
          removed_rule: null,
          removed_reason: null,
          removed_by: null,
          removed_at: null,
          created_at: at,
          deleted_at: null,
        })
        .execute();
      return `message:${messageId}`;
    },
    async memberOfA() {
      const name = handle('az-of-a');
      await join((await signedUp(t, name)).v, GROUP_A);
      return name;
    },
    async removedPost() {
      const key = await fresh.reviewItem();
      ok(await steward.v.post(`/api/v1/moderation/queue/${key}/actions`, { action: 'remove', rule: 'kind', reason: 'Made-up reason.' }), 200, 'remove');
      return key.slice('post:'.length);
    },
    reply: () => reply(owner.v, postId, `A fresh made-up reply ${handle('r')}.`),
    roomMessage: (body = 'Fresh made-up words for the room.') => sendIn(owner.v, room, `${body} ${handle('m')}`),
    async alert() {
      const id = await fresh.post('MARKER-IDEATION made-up words.');
      return (await db.selectFrom('risk_alerts').select('id').where('content_id', '=', id).executeTakeFirstOrThrow()).id;
    },
    async flag() {
      const id = await fresh.roomMessage('Made-up words: you can DM me anytime, friend');
      return (await db.selectFrom('content_flags').select('id').where('content_id', '=', id).executeTakeFirstOrThrow()).id;
    },
    async group() {
      const res = ok(await steward.v.post('/api/v1/groups', { name: `Made-up group ${handle('g')}`, description: 'A made-up group for the authorization test.', rules: [] }), 201, 'group');
      return res.json().group.slug as string;
    },
    async archivedGroup() {
      const slug = await fresh.group();
      ok(await steward.v.post(`/api/v1/groups/${slug}/archive`), 200, 'archive');
      return slug;
    },
    async application(memberId) {
      // Straight into the table: one member may have only one pending application through the API,
      // and a review needs a new one each time. pending_member_id is left empty for the same reason.
      const id = ulid();
      await db
        .insertInto('listener_applications')
        .values({ id, member_id: memberId ?? applicant.id, pending_member_id: null, status: 'pending', motivation: 'Made-up motivation.', languages: JSON.stringify(['en']), topics: JSON.stringify(['feeling_low']), created_at: Date.now(), reviewed_at: null, reviewed_by: null, review_note: null })
        .execute();
      return id;
    },
    async suspendedListener() {
      const c = await makeCaller('listener', handle('az-susp-listener'), false);
      await db.updateTable('members').set({ suspended_until: Date.now() + 7 * 24 * 60 * 60 * 1000 }).where('id', '=', c.id!).execute();
      return c;
    },
    async offerTo(listener) {
      const asking = await signedUp(t, handle('az-asking'));
      const res = ok(await asking.v.post('/api/v1/support/requests', { topics: ['feeling_low'], language: 'en' }), 201, 'support request');
      const id = (res.json() as { request: { id: string } }).request.id;
      // Straight into the table, as a round of matching leaves an offer: whether matching should have
      // made it is a separate question from whether this listener may accept it.
      await db.updateTable('support_requests').set({ status: 'offered', offered_to: listener.id, offer_expires_at: Date.now() + 60_000 }).where('id', '=', id).execute();
      return id;
    },
  };

  const groupBReviewKey = await fresh.reviewItemInB();
  const supportReviewKey = await fresh.supportItem();

  return {
    t,
    callers,
    owner: owner.v,
    steward: steward.v,
    bystander: bystander.v,
    ids: {
      ownerHandle: 'az-owner',
      ownerId: owner.id,
      bystanderHandle: 'az-bystander',
      bystanderId: bystander.id,
      stewardHandle: 'az-steward',
      keeperId: keeper.id,
      applicantId: applicant.id,
      post: postId,
      reply: replyId,
      anonymousPost,
      anonymousReply,
      bystanderPost,
      anonymousWords,
      heldPost,
      room,
      roomMessage,
      debriefRoom,
      archivedGroup,
      supportRequest: offer.requestId,
      supportChat,
      chatMessage,
      notification,
      reviewKey: `post:${postId}`,
      groupBReviewKey,
      supportReviewKey,
      ownerApplication,
      journalEntry,
    },
    secrets,
    fresh,
  };
}
