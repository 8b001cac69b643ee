import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DialectName } from './platform/db/dialect/index.js';
import { availableDialects, startTestApp } from './test/harness.js';
import { standInAssess } from './test/safety-fixtures.js';
import { aResource } from './test/resource-fixtures.js';
import {
  buildWorld,
  EDITED_GROUP,
  GROUP_A,
  NEW_PASSPHRASE,
  PASSPHRASE,
  ROLES,
  send,
  SPARE_GROUP,
  type Caller,
  type Method,
  type Role,
  type World,
} from './test/authorization-world.js';

/**
 * Authorization, proved: every route of the API, for every role, against the status it must
 * answer, on both databases. Path parameters name *another member's* things (the owner's, in
 * authorization-world.ts), so a 2xx where the table says 403/404 is someone reading or changing
 * what is not theirs. Routes about "me" act on the caller's own data. A route without a row,
 * or a row for a route that is gone, fails the run.
 */

type Expect = Record<Role, number>;

interface Request {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
}

interface Row {
  /** As registered: method and URL pattern. */
  route: string;
  /** Which case, when a route has more than one row. */
  case?: string;
  expect: Expect;
  /** Parameters, query and body for this caller; may make a fresh target so no request changes what the next one finds. */
  req?: (w: World, c: Caller) => Request | Promise<Request>;
  /** The request ends or replaces the caller's session or account: send it as a new member of the same role. */
  freshCaller?: true;
  /** Who sends it instead of the role's caller (a suspended listener, say). */
  as?: (w: World, role: Role) => Promise<Caller>;
  /** Words this row's answer must not hold for `role`, besides those no answer may hold. */
  hides?: (w: World, role: Role) => string[];
}

// --- who may ---
const MODS: Role[] = ['moderator', 'admin'];
/** Listeners, facilitators, moderators and admins look after every room. */
const HOSTS: Role[] = ['listener', 'facilitator', ...MODS];
/** Group A's room is also hosted by group A's own moderator, and no other room is. */
const HOSTS_A: Role[] = [...HOSTS, 'groupModerator'];
/** Joined group A (the suspended member too: suspended members may read). */
const IN_A: Role[] = ['member', 'listener', 'facilitator', ...MODS, 'suspended', 'groupModerator'];
/** Joined group A and may take part. */
const WRITERS_A: Role[] = ['member', 'listener', 'facilitator', ...MODS, 'groupModerator'];
/** Who reviews group A's items: the site's moderators and admins, and group A's moderator. */
const REVIEWERS_A: Role[] = [...MODS, 'groupModerator'];

const table = (f: (r: Role) => number): Expect => Object.fromEntries(ROLES.map((r) => [r, f(r)])) as Expect;
/** Open to everyone; a banned member's dead session makes them a visitor. */
const anyone = (status = 200) => table(() => status);
/** Any signed-in member. */
const signedIn = (status = 200) => table((r) => (r === 'visitor' || r === 'banned' ? 401 : status));
/** Only `roles`; every other signed-in member gets `otherwise`. */
const rolesOnly = (roles: Role[], status = 200, otherwise = 403) => table((r) => (r === 'visitor' || r === 'banned' ? 401 : roles.includes(r) ? status : otherwise));
/** Nobody in the matrix: the owner's private things do not exist for anyone else. */
const nobody = () => rolesOnly([], 200, 404);

const aPost = { title: 'A made-up title', body: 'Made-up words for the authorization test.' };
const clientId = () => `az-${Math.random().toString(36).slice(2, 12)}`;
const planFields = { warningSigns: 'made-up', copingStrategies: '', distractions: '', peopleToAsk: '', professionals: '', safeEnvironment: '', reasonsForLiving: '' };
const reason = 'A made-up reason for the authorization test.';
/** The title of draft articles: only admins ever see it. */
const DRAFT_ARTICLE = 'Made-up unpublished draft words';
/** The owner's self-care (a kept self-check result, a mood with a note): only ever the owner's, never anyone else's, moderators and admins included. */
const MOOD_NOTE = 'A made-up private mood note, heron and thistle';
const ownerSelfCare = new WeakMap<World, Promise<{ resultId: string; moodId: string }>>();
const ownerSelfCareIds = new WeakMap<World, { resultId: string; moodId: string }>();
function selfCareOf(w: World): Promise<{ resultId: string; moodId: string }> {
  let seeded = ownerSelfCare.get(w);
  if (!seeded) {
    seeded = (async () => {
      const result = await w.owner.post('/api/v1/me/self-checks', { kind: 'phq9', answers: [1, 1, 1, 1, 1, 1, 1, 1, 1] });
      const mood = await w.owner.post('/api/v1/me/moods', { mood: 2, feelings: ['lonely'], note: MOOD_NOTE });
      if (result.statusCode !== 201 || mood.statusCode !== 201) throw new Error(`self-care seeding failed: ${result.body} ${mood.body}`);
      const ids = { resultId: result.json().result.id as string, moodId: mood.json().checkIn.id as string };
      ownerSelfCareIds.set(w, ids);
      return ids;
    })();
    ownerSelfCare.set(w, seeded);
  }
  return seeded;
}
const aMeeting = { title: 'A made-up meeting', startTime: '09:00', timeZone: 'Europe/London', durationMinutes: 60, recurrence: { kind: 'weekly', days: ['mo', 'th'], interval: 1 } };

/** The live room of a meeting: every route, as someone without a seat (or, entering, with one). */
function meetingRoomRows(): Row[] {
  const room = '/api/v1/meetings/:id/occurrences/:date/room';
  const inRoom = (body?: (w: World) => unknown) => async (w: World) => {
    const m = await w.fresh.meetingRoom();
    return { params: { id: m.id, date: m.date }, ...(body ? { body: body(w) } : {}) };
  };
  const refused = rolesOnly([], 200, 403);
  return [
    { route: `POST ${room}`, expect: refused, req: inRoom() },
    {
      route: `POST ${room}`,
      case: 'with a seat',
      // A suspended member may read, not take part.
      expect: { ...rolesOnly(['member', 'otherGroup', 'listener', 'facilitator', 'moderator', 'admin', 'groupModerator']), suspended: 403 },
      req: async (w, c) => {
        const m = await w.fresh.meetingRoom();
        if (c.id) await w.fresh.seat(m, c.id);
        return { params: { id: m.id, date: m.date } };
      },
    },
    { route: `GET ${room}`, expect: refused, req: inRoom() },
    { route: `POST ${room}/hand`, expect: refused, req: inRoom(() => ({ raised: true })) },
    { route: `POST ${room}/reactions`, expect: refused, req: inRoom(() => ({ reaction: 'hug' })) },
    { route: `POST ${room}/feedback`, expect: refused, req: inRoom(() => ({ answer: 'yes' })) },
    { route: `POST ${room}/step`, expect: refused, req: inRoom(() => ({ step: 1 })) },
    { route: `POST ${room}/floor`, expect: refused, req: inRoom((w) => ({ memberId: w.ids.ownerId })) },
    { route: `POST ${room}/lock`, expect: refused, req: inRoom(() => ({ on: true })) },
    { route: `POST ${room}/mute-all`, expect: refused, req: inRoom(() => ({ on: true })) },
    { route: `POST ${room}/remove`, expect: refused, req: inRoom((w) => ({ memberId: w.ids.ownerId })) },
    { route: `POST ${room}/hand-off`, expect: refused, req: inRoom((w) => ({ memberId: w.ids.ownerId, to: 'moderator' })) },
    { route: `POST ${room}/end`, expect: refused, req: inRoom() },
  ];
}

const ROWS: Row[] = [
  // --- accounts and sessions ---
  { route: 'GET /api/v1/session', expect: anyone() },
  { route: 'GET /api/v1/accounts/suggest-handle', expect: anyone() },
  { route: 'GET /api/v1/accounts/handle-available', expect: anyone(), req: () => ({ query: 'handle=az-free-handle' }) },
  { route: 'POST /api/v1/accounts', expect: anyone(201), freshCaller: true, req: (w) => ({ body: { handle: w.fresh.handle('az-signup'), passphrase: PASSPHRASE, acceptGuidelines: true } }) },
  {
    route: 'POST /api/v1/session',
    // A banned member's right passphrase is answered "this account was closed".
    expect: { ...anyone(200), banned: 403 },
    freshCaller: true,
    req: (w, c) => ({ body: { handle: c.handle ?? w.ids.bystanderHandle, passphrase: PASSPHRASE } }),
  },
  { route: 'DELETE /api/v1/session', expect: anyone(204), freshCaller: true },
  { route: 'DELETE /api/v1/sessions', expect: signedIn(204), freshCaller: true },
  {
    route: 'POST /api/v1/accounts/recover',
    // Recovery needs no session: whoever holds the code may reset. The visitor holds a new member's code.
    // A banned member's right code is answered "this account was closed", as log-in is; nothing is reset.
    expect: { ...anyone(200), banned: 403 },
    freshCaller: true,
    req: async (w, c) => {
      const who = c.handle ? c : await w.fresh.caller('member');
      return { body: { handle: who.handle, recoveryCode: who.recoveryCode, newPassphrase: NEW_PASSPHRASE } };
    },
  },
  { route: 'GET /api/v1/me', expect: signedIn() },
  { route: 'PATCH /api/v1/me', expect: signedIn(), req: () => ({ body: { language: 'en' } }) },
  { route: 'PUT /api/v1/me/passphrase', expect: signedIn(204), freshCaller: true, req: () => ({ body: { currentPassphrase: PASSPHRASE, newPassphrase: NEW_PASSPHRASE } }) },
  { route: 'POST /api/v1/me/recovery-code', expect: signedIn(), req: () => ({ body: { passphrase: PASSPHRASE } }) },
  { route: 'GET /api/v1/me/export', expect: signedIn() },
  { route: 'DELETE /api/v1/me', expect: signedIn(204), freshCaller: true, req: () => ({ body: { passphrase: PASSPHRASE } }) },
  { route: 'GET /api/v1/members/:handle', expect: signedIn(), req: (w) => ({ params: { handle: w.ids.ownerHandle } }) },
  { route: 'GET /api/v1/admin/members', expect: rolesOnly(['admin']) },
  { route: 'PUT /api/v1/admin/members/:id/roles', expect: rolesOnly(['admin']), req: (w) => ({ params: { id: w.ids.bystanderId }, body: { roles: [] } }) },
  { route: 'PUT /api/v1/admin/members/:id/trust', expect: rolesOnly(['admin']), req: (w) => ({ params: { id: w.ids.bystanderId }, body: { level: 1 } }) },

  // --- groups ---
  // Archived groups are for admins, and only when asked for.
  { route: 'GET /api/v1/groups', expect: anyone(), hides: (w) => [w.secrets.archived] },
  { route: 'GET /api/v1/groups', case: 'archived ones asked for', expect: anyone(), req: () => ({ query: 'archived=true' }), hides: (w, role) => (role === 'admin' ? [] : [w.secrets.archived]) },
  { route: 'GET /api/v1/groups/:slug', expect: anyone(), req: () => ({ params: { slug: GROUP_A } }) },
  { route: 'GET /api/v1/groups/:slug', case: 'archived', expect: { ...anyone(404), admin: 200 }, req: (w) => ({ params: { slug: w.ids.archivedGroup } }) },
  { route: 'PUT /api/v1/groups/:slug/membership', expect: signedIn(), req: () => ({ params: { slug: SPARE_GROUP } }) },
  { route: 'DELETE /api/v1/groups/:slug/membership', expect: signedIn(), req: () => ({ params: { slug: SPARE_GROUP } }) },
  // Showing a group on one's profile needs its membership: the other group's member is told to join first.
  { route: 'PATCH /api/v1/groups/:slug/membership', expect: { ...signedIn(), otherGroup: 409 }, req: () => ({ params: { slug: GROUP_A }, body: { showOnProfile: true } }) },
  { route: 'POST /api/v1/groups', expect: rolesOnly(['admin'], 201), req: (w) => ({ body: { name: `Made-up ${w.fresh.handle('group')}`, description: 'Made-up.', rules: [] } }) },
  { route: 'PATCH /api/v1/groups/:slug', expect: rolesOnly(['admin']), req: () => ({ params: { slug: EDITED_GROUP }, body: { rules: ['Be kind.'] } }) },
  { route: 'POST /api/v1/groups/:slug/archive', expect: rolesOnly(['admin']), req: async (w) => ({ params: { slug: await w.fresh.group() } }) },
  { route: 'DELETE /api/v1/groups/:slug/archive', expect: rolesOnly(['admin']), req: async (w) => ({ params: { slug: await w.fresh.archivedGroup() } }) },
  // Reading a group's rules is for its members (asked once, before a first post); suspended members may read.
  { route: 'POST /api/v1/groups/:slug/rules/seen', expect: rolesOnly(IN_A), req: () => ({ params: { slug: GROUP_A } }) },
  // Who hosts a group is for anyone who may read it: members-only here.
  { route: 'GET /api/v1/groups/:slug/staff', expect: signedIn(), req: () => ({ params: { slug: GROUP_A } }) },
  { route: 'GET /api/v1/groups/:slug/staff', case: 'an archived group', expect: anyone(404), req: (w) => ({ params: { slug: w.ids.archivedGroup } }) },
  // Admins choose a group's hosts and moderators (here: a member of A stays a member, so nothing else changes).
  { route: 'PUT /api/v1/groups/:slug/staff/:handle', expect: rolesOnly(['admin']), req: (w) => ({ params: { slug: GROUP_A, handle: w.ids.bystanderHandle }, body: { role: 'member' } }) },

  // --- forums ---
  // Posts in a members-only group: any signed-in member reads them, whatever they joined.
  { route: 'GET /api/v1/groups/:slug/posts', expect: signedIn(), req: () => ({ params: { slug: GROUP_A } }) },
  { route: 'GET /api/v1/groups/:slug/posts', case: 'an archived group', expect: anyone(404), req: (w) => ({ params: { slug: w.ids.archivedGroup } }) },
  { route: 'GET /api/v1/feed', expect: signedIn() },
  { route: 'GET /api/v1/needs-reply', expect: signedIn() },
  { route: 'GET /api/v1/saved', expect: signedIn() },
  // Writing a post needs membership of the group, and not being suspended.
  { route: 'POST /api/v1/groups/:slug/posts', expect: rolesOnly(WRITERS_A, 201), req: () => ({ params: { slug: GROUP_A }, body: aPost }) },
  { route: 'GET /api/v1/posts/:id', case: 'published', expect: signedIn(), req: (w) => ({ params: { id: w.ids.post } }) },
  { route: 'GET /api/v1/posts/:id', case: 'held for review', expect: rolesOnly(MODS, 200, 404), req: (w) => ({ params: { id: w.ids.heldPost } }) },
  // Anonymous to everyone, moderators included: revealing is a separate, audited act.
  { route: 'GET /api/v1/posts/:id', case: 'anonymous', expect: signedIn(), req: (w) => ({ params: { id: w.ids.anonymousPost } }), hides: (w) => [w.ids.ownerHandle, w.ids.ownerId] },
  { route: 'PATCH /api/v1/posts/:id', expect: signedIn(403), req: (w) => ({ params: { id: w.ids.post }, body: { title: 'Taken over' } }) },
  { route: 'DELETE /api/v1/posts/:id', expect: rolesOnly(MODS), req: async (w) => ({ params: { id: await w.fresh.post() } }) },
  { route: 'PUT /api/v1/posts/:id/save', expect: signedIn(), req: (w) => ({ params: { id: w.ids.post } }) },
  { route: 'DELETE /api/v1/posts/:id/save', expect: signedIn(), req: (w) => ({ params: { id: w.ids.post } }) },
  { route: 'PUT /api/v1/posts/:id/follow', expect: signedIn(), req: (w) => ({ params: { id: w.ids.post } }) },
  { route: 'DELETE /api/v1/posts/:id/follow', expect: signedIn(), req: (w) => ({ params: { id: w.ids.post } }) },
  { route: 'POST /api/v1/posts/:id/lock', expect: rolesOnly(MODS), req: async (w) => ({ params: { id: await w.fresh.post() } }) },
  { route: 'DELETE /api/v1/posts/:id/lock', expect: rolesOnly(MODS), req: async (w) => ({ params: { id: await w.fresh.lockedPost() } }) },
  { route: 'POST /api/v1/posts/:id/reveal-author', expect: rolesOnly(MODS), req: (w) => ({ params: { id: w.ids.anonymousPost }, body: { reason } }) },
  { route: 'POST /api/v1/replies/:id/reveal-author', expect: rolesOnly(MODS), req: (w) => ({ params: { id: w.ids.anonymousReply }, body: { reason } }) },
  { route: 'GET /api/v1/posts/:id/replies', case: 'published', expect: signedIn(), req: (w) => ({ params: { id: w.ids.post } }) },
  { route: 'GET /api/v1/posts/:id/replies', case: 'held for review', expect: rolesOnly(MODS, 200, 404), req: (w) => ({ params: { id: w.ids.heldPost } }) },
  { route: 'GET /api/v1/posts/:id/replies', case: 'with an anonymous reply', expect: signedIn(), req: (w) => ({ params: { id: w.ids.bystanderPost } }), hides: (w) => [w.ids.ownerHandle, w.ids.ownerId] },
  // Anyone who may read a post may reply to it (docs/decisions.md); a suspended member may not.
  { route: 'POST /api/v1/posts/:id/replies', expect: { ...signedIn(201), suspended: 403 }, req: (w) => ({ params: { id: w.ids.post }, body: { body: 'A made-up reply.' } }) },
  { route: 'PATCH /api/v1/replies/:id', expect: signedIn(403), req: (w) => ({ params: { id: w.ids.reply }, body: { body: 'Taken over' } }) },
  { route: 'DELETE /api/v1/replies/:id', expect: rolesOnly(MODS), req: async (w) => ({ params: { id: await w.fresh.reply() } }) },
  // Reacting is taking part (it notifies the author): not while suspended. Taking a reaction back always is.
  { route: 'PUT /api/v1/posts/:id/reactions/:kind', expect: { ...signedIn(), suspended: 403 }, req: (w) => ({ params: { id: w.ids.post, kind: 'hug' } }) },
  { route: 'DELETE /api/v1/posts/:id/reactions/:kind', expect: signedIn(), req: (w) => ({ params: { id: w.ids.post, kind: 'hug' } }) },
  { route: 'PUT /api/v1/replies/:id/reactions/:kind', expect: { ...signedIn(), suspended: 403 }, req: (w) => ({ params: { id: w.ids.reply, kind: 'me_too' } }) },
  { route: 'DELETE /api/v1/replies/:id/reactions/:kind', expect: signedIn(), req: (w) => ({ params: { id: w.ids.reply, kind: 'me_too' } }) },
  { route: 'POST /api/v1/markdown/preview', expect: signedIn(), req: () => ({ body: { body: '**made-up**' } }) },
  // Open to visitors, who find only what visitors may read (the secrets check below).
  { route: 'GET /api/v1/search', expect: anyone(), req: (w) => ({ query: `q=${w.secrets.membersOnly}` }) },
  { route: 'GET /api/v1/search', case: 'an anonymous post', expect: anyone(), req: (w) => ({ query: `q=${w.ids.anonymousWords}` }), hides: (w) => [w.ids.ownerHandle, w.ids.ownerId] },

  // --- notifications ---
  { route: 'GET /api/v1/notifications', expect: signedIn() },
  { route: 'GET /api/v1/notifications/unread-count', expect: signedIn() },
  { route: 'POST /api/v1/notifications/read', expect: signedIn() },
  // Someone else's notification changes nothing (checked after the matrix): the answer is the caller's own count.
  { route: 'POST /api/v1/notifications/:id/read', expect: signedIn(), req: (w) => ({ params: { id: w.ids.notification } }) },

  // --- blocks ---
  { route: 'GET /api/v1/me/blocks', expect: signedIn() },
  { route: 'PUT /api/v1/me/blocks/:handle', expect: signedIn(204), req: (w) => ({ params: { handle: w.ids.bystanderHandle } }) },
  { route: 'DELETE /api/v1/me/blocks/:handle', expect: signedIn(204), req: (w) => ({ params: { handle: w.ids.bystanderHandle } }) },

  // --- rooms and conversations ---
  // A group's room is for its members and for hosts (by role).
  { route: 'GET /api/v1/groups/:slug/room', expect: rolesOnly(IN_A), req: () => ({ params: { slug: GROUP_A } }) },
  { route: 'GET /api/v1/groups/:slug/room/here', expect: rolesOnly(IN_A), req: () => ({ params: { slug: GROUP_A } }) },
  // The listeners' debrief room: listeners and the moderators who look after them; to anyone else it does not exist.
  { route: 'GET /api/v1/listeners/room', expect: rolesOnly(['listener', ...MODS], 200, 404) },
  { route: 'GET /api/v1/conversations/:id', case: "group A's room", expect: rolesOnly(IN_A), req: (w) => ({ params: { id: w.ids.room } }) },
  { route: 'GET /api/v1/conversations/:id', case: "another member's support chat", expect: nobody(), req: (w) => ({ params: { id: w.ids.supportChat } }) },
  { route: 'GET /api/v1/conversations/:id', case: "the listeners' room", expect: rolesOnly(['listener', ...MODS], 200, 404), req: (w) => ({ params: { id: w.ids.debriefRoom } }) },
  { route: 'GET /api/v1/conversations/:id/messages', case: "group A's room", expect: rolesOnly(IN_A), req: (w) => ({ params: { id: w.ids.room } }) },
  { route: 'GET /api/v1/conversations/:id/messages', case: "another member's support chat", expect: nobody(), req: (w) => ({ params: { id: w.ids.supportChat } }) },
  {
    route: 'POST /api/v1/conversations/:id/messages',
    case: "group A's room",
    expect: rolesOnly(WRITERS_A, 201),
    req: (w) => ({ params: { id: w.ids.room }, body: { clientId: clientId(), body: 'Made-up words for the room.' } }),
  },
  {
    route: 'POST /api/v1/conversations/:id/messages',
    case: "another member's support chat",
    expect: nobody(),
    req: (w) => ({ params: { id: w.ids.supportChat }, body: { clientId: clientId(), body: 'Made-up words.' } }),
  },
  { route: 'POST /api/v1/conversations/:id/guidelines/seen', case: "group A's room", expect: rolesOnly(IN_A), req: (w) => ({ params: { id: w.ids.room } }) },
  { route: 'POST /api/v1/conversations/:id/guidelines/seen', case: "another member's support chat", expect: nobody(), req: (w) => ({ params: { id: w.ids.supportChat } }) },
  // Host tools: hosts by role; a member of the group is refused, and so is the other group's member.
  { route: 'PATCH /api/v1/conversations/:id/settings', case: "group A's room", expect: rolesOnly(HOSTS_A), req: (w) => ({ params: { id: w.ids.room }, body: { slowModeSeconds: 0 } }) },
  { route: 'PATCH /api/v1/conversations/:id/settings', case: "another member's support chat", expect: nobody(), req: (w) => ({ params: { id: w.ids.supportChat }, body: { slowModeSeconds: 0 } }) },
  { route: 'POST /api/v1/conversations/:id/mutes', case: "group A's room", expect: rolesOnly(HOSTS_A, 204), req: (w) => ({ params: { id: w.ids.room }, body: { memberId: w.ids.bystanderId, minutes: 0 } }) },
  { route: 'POST /api/v1/conversations/:id/mutes', case: "another member's support chat", expect: nobody(), req: (w) => ({ params: { id: w.ids.supportChat }, body: { memberId: w.ids.ownerId, minutes: 5 } }) },
  { route: 'POST /api/v1/messages/:id/remove', case: "in group A's room", expect: rolesOnly(HOSTS_A), req: async (w) => ({ params: { id: await w.fresh.roomMessage() }, body: { reason } }) },
  { route: 'POST /api/v1/messages/:id/remove', case: "in another member's support chat", expect: nobody(), req: (w) => ({ params: { id: w.ids.chatMessage }, body: { reason } }) },

  // --- one-to-one support ---
  // Asking for a listener is never refused to a member, suspended or not.
  { route: 'POST /api/v1/support/requests', expect: signedIn(201), req: () => ({ body: { topics: ['feeling_low'], language: 'en' } }) },
  // With every role's request waiting: a listener sees the queue anonymised.
  { route: 'GET /api/v1/support/queue', expect: rolesOnly(['listener']), hides: (w) => [w.ids.ownerHandle, ...ROLES.flatMap((r) => w.callers[r].handle ?? [])] },
  // Offers are for listeners; one not offered to them is already taken.
  { route: 'POST /api/v1/support/requests/:id/accept', expect: rolesOnly(['listener'], 409), req: (w) => ({ params: { id: w.ids.supportRequest } }) },
  {
    route: 'POST /api/v1/support/requests/:id/accept',
    case: 'an offer to a suspended listener',
    // A suspended listener takes no one's chat, even with an offer left over from before (and matching
    // leaves them out, and they cannot go back on duty: support.test.ts).
    expect: rolesOnly([], 200, 403),
    as: async (w, role) => (role === 'listener' ? w.fresh.suspendedListener() : w.callers[role]),
    req: async (w, c) => ({ params: { id: c.role === 'listener' ? await w.fresh.offerTo(c) : w.ids.supportRequest } }),
  },
  { route: 'POST /api/v1/support/requests/:id/decline', expect: rolesOnly(['listener'], 204), req: (w) => ({ params: { id: w.ids.supportRequest } }) },
  { route: 'GET /api/v1/support/requests/mine', expect: signedIn() },
  { route: 'POST /api/v1/support/requests/mine/cancel', expect: signedIn() },
  // Another member's chat, even to a listener who is not its listener and to moderators nobody called.
  { route: 'POST /api/v1/support/requests/:id/end', expect: nobody(), req: (w) => ({ params: { id: w.ids.supportRequest } }) },
  { route: 'POST /api/v1/support/requests/:id/feedback', expect: nobody(), req: (w) => ({ params: { id: w.ids.supportRequest }, body: { helped: 'no' } }) },
  { route: 'POST /api/v1/support/requests/:id/crisis-card', expect: nobody(), req: (w) => ({ params: { id: w.ids.supportRequest } }) },
  { route: 'POST /api/v1/support/requests/:id/moderator', expect: nobody(), req: (w) => ({ params: { id: w.ids.supportRequest } }) },
  { route: 'POST /api/v1/support/requests/:id/report', expect: nobody(), req: (w) => ({ params: { id: w.ids.supportRequest }, body: { note: 'A made-up report.' } }) },
  { route: 'GET /api/v1/support/stats', expect: rolesOnly(['admin']) },

  // --- the listener programme ---
  { route: 'GET /api/v1/listeners/me', expect: signedIn() },
  { route: 'GET /api/v1/listeners/training', expect: signedIn() },
  { route: 'GET /api/v1/listeners/training/:module', expect: signedIn(), req: () => ({ params: { module: 'boundaries' } }) },
  { route: 'POST /api/v1/listeners/training/:module/answers', expect: signedIn(), req: () => ({ params: { module: 'boundaries' }, body: { answers: {} } }) },
  { route: 'GET /api/v1/facilitators/me', expect: signedIn() },
  { route: 'GET /api/v1/facilitators/training', expect: signedIn() },
  { route: 'GET /api/v1/facilitators/training/:module', expect: signedIn(), req: () => ({ params: { module: 'safe_and_kind' } }) },
  { route: 'POST /api/v1/facilitators/training/:module/answers', expect: signedIn(), req: () => ({ params: { module: 'safe_and_kind' }, body: { answers: {} } }) },
  { route: 'POST /api/v1/listeners/applications', expect: { ...signedIn(201), listener: 409 }, req: () => ({ body: { motivation: 'Made-up motivation.', languages: ['en'], topics: ['feeling_low'] } }) },
  { route: 'GET /api/v1/listeners/me/profile', expect: rolesOnly(['listener']) },
  { route: 'PATCH /api/v1/listeners/me/profile', expect: rolesOnly(['listener']), req: () => ({ body: { capacity: 1 } }) },
  { route: 'PUT /api/v1/listeners/me/duty', expect: rolesOnly(['listener']), req: () => ({ body: { status: 'off' } }) },
  // Meetings: facilitators schedule in a group they joined; every signed-in member reads; the series'
  // facilitator (here the owner, not in the matrix) or an admin changes it.
  {
    route: 'POST /api/v1/groups/:slug/meetings',
    expect: rolesOnly(['facilitator'], 201),
    req: () => ({ params: { slug: GROUP_A }, body: { ...aMeeting, startDate: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10) } }),
  },
  { route: 'GET /api/v1/meetings/upcoming', expect: signedIn() },
  { route: 'GET /api/v1/meetings/:id', expect: signedIn(), req: async (w) => ({ params: { id: (await w.fresh.meeting()).id } }), hides: (w) => [w.ids.ownerId] },
  {
    route: 'GET /api/v1/meetings/:id/calendar.ics',
    expect: signedIn(),
    req: async (w) => ({ params: { id: (await w.fresh.meeting()).id } }),
    // No personal data in a calendar file, for anyone.
    hides: (w, role) => (role === 'visitor' || role === 'banned' ? [] : [w.ids.ownerHandle, w.ids.ownerId]),
  },
  { route: 'PATCH /api/v1/meetings/:id', expect: rolesOnly(['admin']), req: async (w) => ({ params: { id: (await w.fresh.meeting()).id }, body: { title: 'A made-up new title' } }) },
  { route: 'POST /api/v1/meetings/:id/cancel', expect: rolesOnly(['admin']), req: async (w) => ({ params: { id: (await w.fresh.meeting()).id } }) },
  {
    route: 'POST /api/v1/meetings/:id/occurrences/:date/cancel',
    expect: rolesOnly(['admin']),
    req: async (w) => {
      const m = await w.fresh.meeting();
      return { params: { id: m.id, date: m.date }, body: { reason } };
    },
  },
  {
    route: 'POST /api/v1/meetings/:id/occurrences/:date/move',
    expect: rolesOnly(['admin']),
    req: async (w) => {
      const m = await w.fresh.meeting();
      return { params: { id: m.id, date: m.date }, body: { date: '2099-01-05', time: '12:00' } };
    },
  },
  // Choosing the co-facilitator: the series' facilitator (the owner) or an admin; clearing it is enough to prove who may.
  { route: 'PUT /api/v1/meetings/:id/co-facilitator', expect: rolesOnly(['admin']), req: async (w) => ({ params: { id: (await w.fresh.meeting()).id }, body: { handle: null } }) },
  { route: 'GET /api/v1/meetings/:id/occurrences', expect: signedIn(), req: async (w) => ({ params: { id: (await w.fresh.meeting()).id } }), hides: (w) => [w.ids.ownerId] },
  {
    route: 'GET /api/v1/meetings/:id/occurrences/:date',
    expect: signedIn(),
    req: async (w) => {
      const m = await w.fresh.meeting();
      return { params: { id: m.id, date: m.date } };
    },
    hides: (w) => [w.ids.ownerId],
  },
  // Saving a place: members of the group who may take part (not the other group's member, not the suspended one).
  {
    route: 'POST /api/v1/meetings/:id/occurrences/:date/rsvp',
    expect: rolesOnly(WRITERS_A),
    req: async (w) => {
      const m = await w.fresh.meeting();
      return { params: { id: m.id, date: m.date } };
    },
  },
  // Giving a place up is always allowed to whoever may read the meeting (it changes nobody else's place but by promotion).
  {
    route: 'DELETE /api/v1/meetings/:id/occurrences/:date/rsvp',
    expect: signedIn(),
    req: async (w) => {
      const m = await w.fresh.meeting();
      return { params: { id: m.id, date: m.date } };
    },
  },
  // Meeting rooms: the owner leads (not in the matrix), nobody in it has a seat, so every role is
  // refused with the reason; with a seat, members who may take part come in.
  ...meetingRoomRows(),
  { route: 'GET /api/v1/moderation/listener-applications', expect: rolesOnly(MODS) },
  { route: 'POST /api/v1/moderation/listener-applications/:id/review', expect: rolesOnly(MODS), req: async (w) => ({ params: { id: await w.fresh.application() }, body: { decision: 'approve', note: 'Welcome.' } }) },
  {
    route: 'POST /api/v1/moderation/listener-applications/:id/review',
    case: "the reviewer's own application",
    // Someone other than the applicant reviews: a moderator cannot approve themselves. An admin may,
    // since admins grant any role directly (PUT /admin/members/:id/roles).
    expect: { ...rolesOnly([], 200, 403), admin: 200 },
    freshCaller: true,
    req: async (w, c) => ({ params: { id: await w.fresh.application(c.id) }, body: { decision: 'approve', note: 'Welcome.' } }),
  },

  // --- safety ---
  { route: 'GET /api/v1/help/crisis-lines', expect: anyone() },

  // --- the resource library: anyone reads published articles; drafts and writing are admins' only ---
  { route: 'GET /api/v1/resources', expect: anyone(), req: async (w) => (await aResource(w.t.database.db, { title: DRAFT_ARTICLE, published: false }), { query: 'lang=en' }), hides: () => [DRAFT_ARTICLE] },
  { route: 'GET /api/v1/resources/:slug', expect: anyone(), req: async (w) => ({ params: { slug: (await aResource(w.t.database.db, { title: 'A made-up published article', published: true })).slug } }) },
  { route: 'GET /api/v1/resources/:slug', case: 'a draft', expect: anyone(404), req: async (w) => ({ params: { slug: (await aResource(w.t.database.db, { title: DRAFT_ARTICLE, published: false })).slug } }), hides: () => [DRAFT_ARTICLE] },
  { route: 'GET /api/v1/admin/resources', expect: rolesOnly(['admin']), hides: (_w, role) => (role === 'admin' ? [] : [DRAFT_ARTICLE]) },
  { route: 'POST /api/v1/admin/resources', expect: rolesOnly(['admin'], 201), req: () => ({ body: { title: 'A made-up article', markdown: 'Made-up words.', language: 'en', tags: ['made-up'] } }) },
  { route: 'POST /api/v1/admin/resources/preview', expect: rolesOnly(['admin']), req: () => ({ body: { markdown: 'Made-up **words**.' } }) },
  { route: 'GET /api/v1/admin/resources/:id', expect: rolesOnly(['admin']), req: async (w) => ({ params: { id: (await aResource(w.t.database.db, { title: DRAFT_ARTICLE, published: false })).id } }), hides: (_w, role) => (role === 'admin' ? [] : [DRAFT_ARTICLE]) },
  { route: 'PATCH /api/v1/admin/resources/:id', expect: rolesOnly(['admin']), req: async (w) => ({ params: { id: (await aResource(w.t.database.db, { title: DRAFT_ARTICLE, published: false })).id }, body: { tags: ['made-up'] } }) },
  { route: 'POST /api/v1/admin/resources/:id/publish', expect: rolesOnly(['admin']), req: async (w) => ({ params: { id: (await aResource(w.t.database.db, { title: 'A made-up article to publish', published: false })).id } }) },
  { route: 'POST /api/v1/admin/resources/:id/unpublish', expect: rolesOnly(['admin']), req: async (w) => ({ params: { id: (await aResource(w.t.database.db, { title: 'A made-up article to unpublish', published: true })).id } }) },
  // --- self-care: a member's self-check results and moods are theirs alone; another member's id does not exist ---
  { route: 'GET /api/v1/me/self-checks', expect: signedIn(), req: async (w) => (await selfCareOf(w), {}), hides: (w) => [ownerSelfCareIds.get(w)?.resultId].filter((id): id is string => !!id) },
  { route: 'POST /api/v1/me/self-checks', expect: signedIn(201), req: () => ({ body: { kind: 'phq2', answers: [0, 1] } }) },
  { route: 'DELETE /api/v1/me/self-checks/:id', expect: nobody(), req: async (w) => ({ params: { id: (await selfCareOf(w)).resultId } }) },
  { route: 'GET /api/v1/me/moods', expect: signedIn(), req: async (w) => (await selfCareOf(w), { query: 'days=90' }), hides: () => [MOOD_NOTE] },
  { route: 'POST /api/v1/me/moods', expect: signedIn(201), req: () => ({ body: { mood: 3, feelings: ['calm'], note: 'A made-up note of the caller’s own.' } }) },
  { route: 'DELETE /api/v1/me/moods/:id', expect: nobody(), req: async (w) => ({ params: { id: (await selfCareOf(w)).moodId } }) },
  { route: 'POST /api/v1/safety/check', expect: signedIn(), req: () => ({ body: { text: 'A made-up quiet day.', kind: 'post' } }) },
  { route: 'GET /api/v1/me/safety-plan', expect: signedIn() },
  { route: 'PUT /api/v1/me/safety-plan', expect: signedIn(), req: () => ({ body: planFields }) },

  // --- the private journal: each caller's own list; the owner's entry does not exist for anyone else, admins included ---
  { route: 'GET /api/v1/me/journal', expect: signedIn() },
  { route: 'POST /api/v1/me/journal', expect: signedIn(201), req: () => ({ body: { title: '', body: 'Made-up words for the authorization test.' } }) },
  { route: 'GET /api/v1/me/journal/:id', expect: nobody(), req: (w) => ({ params: { id: w.ids.journalEntry } }) },
  { route: 'PUT /api/v1/me/journal/:id', expect: nobody(), req: (w) => ({ params: { id: w.ids.journalEntry }, body: { title: '', body: 'Made-up overwrite.' } }) },
  { route: 'DELETE /api/v1/me/journal/:id', expect: nobody(), req: (w) => ({ params: { id: w.ids.journalEntry } }) },
  { route: 'GET /api/v1/safety/alerts', expect: rolesOnly(MODS) },
  { route: 'GET /api/v1/safety/alerts/stats', expect: rolesOnly(MODS) },
  { route: 'POST /api/v1/safety/alerts/:id/acknowledge', expect: rolesOnly(MODS), req: async (w) => ({ params: { id: await w.fresh.alert() } }) },
  { route: 'POST /api/v1/safety/alerts/:id/resolve', expect: rolesOnly(MODS), req: async (w) => ({ params: { id: await w.fresh.alert() }, body: { note: 'Made-up note.' } }) },

  // --- moderation ---
  { route: 'POST /api/v1/reports', case: "another member's post", expect: signedIn(201), req: (w) => ({ body: { targetType: 'post', targetId: w.ids.post, reason: 'spam' } }) },
  // Only someone in the conversation can have seen a message.
  { route: 'POST /api/v1/reports', case: "a message in group A's room", expect: rolesOnly(IN_A, 201, 404), req: (w) => ({ body: { targetType: 'message', targetId: w.ids.roomMessage, reason: 'spam' } }) },
  { route: 'POST /api/v1/reports', case: "a message in another member's support chat", expect: nobody(), req: (w) => ({ body: { targetType: 'message', targetId: w.ids.chatMessage, reason: 'spam' } }) },
  { route: 'GET /api/v1/reports/mine', expect: signedIn() },
  { route: 'GET /api/v1/me/notices', expect: signedIn() },
  { route: 'POST /api/v1/me/notices/seen', expect: signedIn(204) },
  // Group A's moderator reviews group A's items (the owner's post is in A), and nothing else.
  { route: 'GET /api/v1/moderation/queue', expect: rolesOnly(REVIEWERS_A) },
  { route: 'GET /api/v1/moderation/queue/:key', expect: rolesOnly(REVIEWERS_A), req: (w) => ({ params: { key: w.ids.reviewKey } }) },
  { route: 'GET /api/v1/moderation/queue/:key', case: 'an item in group B', expect: rolesOnly(MODS), req: (w) => ({ params: { key: w.ids.groupBReviewKey } }) },
  { route: 'GET /api/v1/moderation/queue/:key', case: 'a support chat item', expect: rolesOnly(MODS), req: (w) => ({ params: { key: w.ids.supportReviewKey } }) },
  { route: 'POST /api/v1/moderation/queue/:key/claim', expect: rolesOnly(REVIEWERS_A), req: async (w) => ({ params: { key: await w.fresh.reviewItem() } }) },
  { route: 'POST /api/v1/moderation/queue/:key/claim', case: 'a support chat item', expect: rolesOnly(MODS), req: async (w) => ({ params: { key: await w.fresh.supportItem() } }) },
  { route: 'DELETE /api/v1/moderation/queue/:key/claim', expect: rolesOnly(REVIEWERS_A, 204), req: (w) => ({ params: { key: w.ids.reviewKey } }) },
  { route: 'DELETE /api/v1/moderation/queue/:key/claim', case: 'an item in group B', expect: rolesOnly(MODS, 204), req: (w) => ({ params: { key: w.ids.groupBReviewKey } }) },
  { route: 'POST /api/v1/moderation/queue/:key/actions', expect: rolesOnly(REVIEWERS_A), req: async (w) => ({ params: { key: await w.fresh.reviewItem() }, body: { action: 'dismiss', reason } }) },
  { route: 'POST /api/v1/moderation/queue/:key/actions', case: 'an item in group B', expect: rolesOnly(MODS), req: async (w) => ({ params: { key: await w.fresh.reviewItemInB() }, body: { action: 'dismiss', reason } }) },
  { route: 'POST /api/v1/moderation/content/:type/:id/restore', expect: rolesOnly(REVIEWERS_A, 204), req: async (w) => ({ params: { type: 'post', id: await w.fresh.removedPost() }, body: { reason } }) },
  { route: 'GET /api/v1/moderation/members/:handle', expect: rolesOnly(REVIEWERS_A), req: (w) => ({ params: { handle: w.ids.bystanderHandle } }) },
  { route: 'GET /api/v1/moderation/members/:handle', case: 'a member outside group A', expect: rolesOnly(MODS), req: (w) => ({ params: { handle: w.callers.otherGroup.handle! } }) },
  // A group moderator may warn a member of their group; every other member action is the site's moderators'.
  { route: 'POST /api/v1/moderation/members/:handle/actions', case: 'on a member', expect: rolesOnly(REVIEWERS_A), req: (w) => ({ params: { handle: w.ids.bystanderHandle }, body: { action: 'warn', rule: 'kind', reason } }) },
  { route: 'POST /api/v1/moderation/members/:handle/actions', case: 'a warning for a member outside group A', expect: rolesOnly(MODS), req: (w) => ({ params: { handle: w.callers.otherGroup.handle! }, body: { action: 'warn', rule: 'kind', reason } }) },
  { route: 'POST /api/v1/moderation/members/:handle/actions', case: 'a mute for a member of group A', expect: rolesOnly(MODS), req: async (w) => ({ params: { handle: await w.fresh.memberOfA() }, body: { action: 'mute', rule: 'kind', reason, hours: 1 } }) },
  // Only an admin acts on a moderator or an admin.
  { route: 'POST /api/v1/moderation/members/:handle/actions', case: 'on an admin', expect: rolesOnly(['admin']), req: (w) => ({ params: { handle: w.ids.stewardHandle }, body: { action: 'warn', rule: 'kind', reason } }) },
  { route: 'GET /api/v1/moderation/flags', expect: rolesOnly(MODS) },
  { route: 'GET /api/v1/moderation/flags/count', expect: rolesOnly(MODS) },
  { route: 'POST /api/v1/moderation/flags/:id/resolve', expect: rolesOnly(MODS), req: async (w) => ({ params: { id: await w.fresh.flag() } }) },
  { route: 'GET /api/v1/moderation/audit', expect: rolesOnly(MODS) },
  { route: 'GET /api/v1/moderation/dashboard', expect: rolesOnly(['admin']) },

  // --- the API's own description ---
  { route: 'GET /api/openapi.json', expect: anyone() },
];

/** What each role must never be shown, in any answer: the owner's private words and ids. */
function forbiddenWords(w: World, role: Role): string[] {
  const s = w.secrets;
  const words = [s.plan, s.journal, s.supportNote, s.chat, MOOD_NOTE];
  if (!MODS.includes(role)) words.push(s.application, w.ids.supportRequest, w.ids.supportChat, w.ids.notification);
  // The held post is in group A: its words are for the site's moderators and group A's.
  if (!REVIEWERS_A.includes(role)) words.push(s.held);
  if (!IN_A.includes(role)) words.push(s.room);
  if (role === 'visitor' || role === 'banned') words.push(s.membersOnly);
  return words;
}

function urlOf(row: Row, r: Request): { method: Method; url: string } {
  const [method, pattern] = row.route.split(' ') as [Method, string];
  const path = pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = r.params?.[name];
    if (value === undefined) throw new Error(`${row.route}: no value for :${name}`);
    return encodeURIComponent(value);
  });
  return { method, url: r.query ? `${path}?${r.query}` : path };
}

const title = (row: Row) => `${row.route}${row.case ? ` (${row.case})` : ''}`;

describe.each(availableDialects())('authorization [%s]', (dialect: DialectName) => {
  let w: World;
  const seen: { what: string; status: number }[] = [];

  beforeAll(async () => {
    const t = await startTestApp(dialect, {
      assess: standInAssess,
      // Limits have their own tests: here every request must be answered for who sends it, not for how many.
      config: {
        SIGNUP_LIMIT_PER_HOUR: 100_000,
        LOGIN_LIMIT_PER_15_MIN: 100_000,
        RECOVERY_LIMIT_PER_HOUR: 100_000,
        MESSAGES_PER_MINUTE: 100_000,
        POSTS_PER_HOUR: 100_000,
        REPLIES_PER_HOUR: 100_000,
      },
    });
    w = await buildWorld(t);
  }, 120_000);

  afterAll(async () => {
    await w?.t.close();
  });

  it('has a row for every route, and no row for a route that is gone', () => {
    const registered = new Set(w.t.app.routeTable.filter((r) => r.url.startsWith('/api/')).map((r) => `${r.method} ${r.url}`));
    const inTable = new Set(ROWS.map((r) => r.route));
    expect([...registered].filter((r) => !inTable.has(r)), 'routes with no row in the authorization table').toEqual([]);
    expect([...inTable].filter((r) => !registered.has(r)), 'rows for routes that no longer exist').toEqual([]);
  });

  for (const row of ROWS) {
    describe(title(row), () => {
      for (const role of ROLES) {
        it(`${role} → ${row.expect[role]}`, async () => {
          const caller = row.as ? await row.as(w, role) : row.freshCaller ? await w.fresh.caller(role) : w.callers[role];
          const r = (await row.req?.(w, caller)) ?? {};
          const { method, url } = urlOf(row, r);
          const res: LightMyRequestResponse = await send(w.t.app, caller, method, url, r.body);
          seen.push({ what: `${title(row)} as ${role}`, status: res.statusCode });
          expect(res.statusCode, `${method} ${url} as ${role}: ${res.body.slice(0, 300)}`).toBe(row.expect[role]);
          for (const word of [...forbiddenWords(w, role), ...(row.hides?.(w, role) ?? [])]) expect(res.body, `${title(row)} showed ${role} something not theirs`).not.toContain(word);
        });
      }
    });
  }

  it('never answered 5xx, in the matrix or while building its world', () => {
    expect(seen.filter((s) => s.status >= 500)).toEqual([]);
    const failures = w.t.logs.filter((line) => /"level":(50|60)/.test(line) || /"statusCode":5\d\d/.test(line));
    expect(failures).toEqual([]);
  });

  it("left the owner's things as they were", async () => {
    const { ids, secrets } = w;
    const { db } = w.t.database;
    const post = await db.selectFrom('posts').select(['title', 'status', 'deleted_at', 'locked_at', 'edited_at']).where('id', '=', ids.post).executeTakeFirstOrThrow();
    expect(post).toMatchObject({ status: 'published', deleted_at: null, locked_at: null, edited_at: null });
    expect(post.title).toContain(secrets.membersOnly);
    const reply = await db.selectFrom('replies').select(['body_md', 'status', 'deleted_at', 'edited_at']).where('id', '=', ids.reply).executeTakeFirstOrThrow();
    expect(reply).toEqual({ body_md: 'A made-up follow-up from the author.', status: 'published', deleted_at: null, edited_at: null });
    const notification = await db.selectFrom('notifications').select('read_at').where('id', '=', ids.notification).executeTakeFirstOrThrow();
    expect(notification.read_at, "someone marked the owner's notification read").toBeNull();
    expect((await w.owner.get('/api/v1/me/safety-plan')).json().plan.warningSigns).toBe(secrets.plan);
    const selfCare = await selfCareOf(w);
    expect((await w.owner.get('/api/v1/me/moods')).json().checkIns.map((c: { id: string; note: string }) => [c.id, c.note])).toEqual([[selfCare.moodId, MOOD_NOTE]]);
    expect((await w.owner.get('/api/v1/me/self-checks')).json().results.map((r: { id: string }) => r.id)).toEqual([selfCare.resultId]);
    expect((await w.owner.get(`/api/v1/me/journal/${ids.journalEntry}`)).json().entry.body).toBe(`Made-up words ${secrets.journal}`);
    const request = await db.selectFrom('support_requests').select(['status', 'end_reason']).where('id', '=', ids.supportRequest).executeTakeFirstOrThrow();
    expect(request).toEqual({ status: 'matched', end_reason: null });
    expect(await db.selectFrom('support_feedback').select('request_id').where('request_id', '=', ids.supportRequest).execute()).toEqual([]);
    // Nothing said into the owner's chat but the owner's own words (no crisis card, no stranger's message).
    const chat = await db.selectFrom('messages').select(['id', 'status']).where('conversation_id', '=', ids.supportChat).execute();
    expect(chat).toEqual([{ id: ids.chatMessage, status: 'published' }]);
    const conversation = await db.selectFrom('conversations').select(['closed_at', 'slow_mode_seconds']).where('id', '=', ids.supportChat).executeTakeFirstOrThrow();
    expect(conversation).toEqual({ closed_at: null, slow_mode_seconds: 0 });
    const people = await db.selectFrom('conversation_participants').select(['member_id', 'muted_until']).where('conversation_id', '=', ids.supportChat).execute();
    expect(people.map((p) => p.member_id).sort()).toEqual([ids.ownerId, ids.keeperId].sort());
    expect(people.every((p) => p.muted_until === null)).toBe(true);
    expect(await db.selectFrom('content_flags').select('reason').where('content_id', '=', ids.supportChat).execute()).toEqual([]);
    expect(await db.selectFrom('reports').select('id').where('target_id', '=', ids.chatMessage).execute()).toEqual([]);
    const roomMessage = await db.selectFrom('messages').select('status').where('id', '=', ids.roomMessage).executeTakeFirstOrThrow();
    expect(roomMessage.status).toBe('published');
    // Releasing a claim releases one's own: the steward's stands.
    const claim = await db.selectFrom('review_claims').innerJoin('members', 'members.id', 'review_claims.moderator_id').select('members.handle').where('item_key', '=', ids.reviewKey).executeTakeFirst();
    expect(claim?.handle).toBe(ids.stewardHandle);
    const application = await db.selectFrom('listener_applications').select('status').where('id', '=', ids.ownerApplication).executeTakeFirstOrThrow();
    expect(application.status).toBe('pending');
  });
});
