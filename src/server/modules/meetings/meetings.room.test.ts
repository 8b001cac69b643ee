import { afterEach, expect, it, vi } from 'vitest';
import type { MeetingLive, MeetingRoomView } from '../../../shared/meeting-room.js';
import { describeEachDialect, grantRole, type TestApp, Visitor } from '../../test/harness.js';
import { memberIn, setTrustLevel } from '../../test/forum-fixtures.js';
import { standInAssess } from '../../test/safety-fixtures.js';
import { clientId, collect, connect, eventually, join, listen, send, sent, settle, type ClientSocket } from '../../test/realtime-fixtures.js';
import { wallClockInZone } from './recurrence.js';

const MINUTE = 60_000;
const sockets: ClientSocket[] = [];
afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
  vi.useRealTimers();
});

type Person = Visitor & { id: string; handle: string };

async function person(t: TestApp, handle: string, role?: 'facilitator' | 'moderator' | 'listener'): Promise<Person> {
  const v = await memberIn(t, handle);
  // Established members: these tests send more than a brand-new member may in a minute.
  await setTrustLevel(t, handle, 2);
  if (role) await grantRole(t, handle, role);
  const id = (await v.get('/api/v1/me')).json().member.id as string;
  return Object.assign(v, { id, handle });
}

/**
 * A made-up meeting in the default group starting `inMinutes` from now (whole minutes, UTC),
 * led by a facilitator with a co-facilitator; returns its id and local date.
 */
async function meetingIn(t: TestApp, facilitator: Person, inMinutes: number, co?: Person): Promise<{ id: string; date: string; startsAt: number }> {
  const startsAt = Math.ceil((Date.now() + inMinutes * MINUTE) / MINUTE) * MINUTE;
  const wall = wallClockInZone(startsAt, 'UTC');
  const made = await facilitator.post('/api/v1/groups/depression-support/meetings', {
    title: `Made-up evening circle ${Math.random().toString(36).slice(2, 7)}`,
    startDate: wall.date,
    startTime: wall.time,
    timeZone: 'UTC',
    durationMinutes: 60,
    recurrence: { kind: 'once' },
  });
  expect(made.statusCode, made.body).toBe(201);
  const id = made.json().meeting.id as string;
  if (co) await t.database.db.updateTable('meetings').set({ co_facilitator_id: co.id }).where('id', '=', id).execute();
  return { id, date: wall.date, startsAt };
}

/** A seat (or a place on the waitlist), as the RSVP part of the module records it. */
async function rsvp(t: TestApp, meeting: { id: string; date: string }, who: Person, status: 'going' | 'waitlist' = 'going'): Promise<void> {
  await t.database.db.insertInto('meeting_rsvps').values({ meeting_id: meeting.id, local_date: meeting.date, member_id: who.id, status, created_at: Date.now(), updated_at: Date.now() }).execute();
}

const roomOf = (m: { id: string; date: string }) => `/api/v1/meetings/${m.id}/occurrences/${m.date}/room`;

async function enter(v: Visitor, m: { id: string; date: string }): Promise<MeetingRoomView> {
  const res = await v.post(roomOf(m));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as MeetingRoomView;
}

/** Comes in and reads the guidelines, as the room page does. */
async function enterAndRead(v: Visitor, m: { id: string; date: string }): Promise<MeetingRoomView> {
  const view = await enter(v, m);
  expect((await v.post(`/api/v1/conversations/${view.live.conversationId}/guidelines/seen`)).statusCode).toBe(200);
  return view;
}

const say = (v: Visitor, conversationId: string, body: string) => v.post(`/api/v1/conversations/${conversationId}/messages`, { clientId: clientId(), body });

describeEachDialect(
  'meeting rooms',
  (t) => {
    it('opens one room however many arrive at once, only from ten minutes before, and never for a cancelled meeting', async () => {
      const f = await person(t(), 'calm-finch', 'facilitator');
      const a = await person(t(), 'quiet-otter');
      const b = await person(t(), 'soft-heron');

      const kite = await person(t(), 'later-kite', 'facilitator');
      const later = await meetingIn(t(), kite, 60);
      await rsvp(t(), later, a);
      const early = await a.post(roomOf(later));
      expect(early.statusCode).toBe(409);
      expect(early.json().error.code).toBe('room_not_open');
      expect(early.json().error.message).toContain('10 minutes before');
      expect((await kite.post(roomOf(later))).json().error.code).toBe('room_not_open');

      const soon = await meetingIn(t(), f, 5);
      await rsvp(t(), soon, a);
      await rsvp(t(), soon, b);
      const views = await Promise.all([f, a, b, f, a].map((v) => v.post(roomOf(soon))));
      expect(views.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
      const conversations = new Set(views.map((r) => (r.json() as MeetingRoomView).live.conversationId));
      expect(conversations.size).toBe(1);
      const { db } = t().database;
      expect(await db.selectFrom('meeting_sessions').select('id').where('meeting_id', '=', soon.id).execute()).toHaveLength(1);
      expect(await db.selectFrom('conversations').select('id').where('kind', '=', 'meeting').execute()).toHaveLength(1);
      const first = views[0]!.json() as MeetingRoomView;
      expect(first.live).toMatchObject({ currentStep: -1, leader: { handle: 'calm-finch' }, locked: false, deletesMessages: true, endedAt: null });
      expect(first.me).toEqual({ isLeader: true, isHost: true, feedback: null });
      expect((views[1]!.json() as MeetingRoomView).me).toEqual({ isLeader: false, isHost: false, feedback: null });

      // A cancelled occurrence never opens.
      const other = await person(t(), 'other-kite', 'facilitator');
      const off = await meetingIn(t(), other, 8);
      expect((await other.post(`/api/v1/meetings/${off.id}/occurrences/${off.date}/cancel`, { reason: 'A made-up reason: the facilitator is unwell.' })).statusCode).toBe(200);
      const cancelled = await other.post(roomOf(off));
      expect(cancelled.statusCode).toBe(409);
      expect(cancelled.json().error.code).toBe('meeting_cancelled');
      expect(cancelled.json().error.message).toContain('unwell');
      // No such date; nobody signed in.
      expect((await f.post(roomOf({ id: soon.id, date: '2020-01-01' }))).statusCode).toBe(404);
      expect((await new Visitor(t().app).post(roomOf(soon))).statusCode).toBe(401);
    });

    it('lets in the facilitators and members with a seat, says kindly why not to others, and keeps out the removed and, once locked, newcomers', async () => {
      const f = await person(t(), 'calm-finch', 'facilitator');
      const a = await person(t(), 'quiet-otter');
      const b = await person(t(), 'soft-heron');
      const waiting = await person(t(), 'patient-wren');
      const stranger = await person(t(), 'passing-lark');
      const m = await meetingIn(t(), f, 3);
      await rsvp(t(), m, a);
      await rsvp(t(), m, b);
      await rsvp(t(), m, waiting, 'waitlist');

      const none = await stranger.post(roomOf(m));
      expect(none.statusCode).toBe(403);
      expect(none.json().error.code).toBe('rsvp_needed');
      expect(none.json().error.message).toContain('RSVP');
      expect((await waiting.post(roomOf(m))).json().error.code).toBe('on_waitlist');
      // A moderator not asked in is not let in by the role alone.
      const mod = await person(t(), 'night-warden', 'moderator');
      expect((await mod.post(roomOf(m))).statusCode).toBe(403);

      const view = await enterAndRead(f, m);
      await enterAndRead(a, m);
      // Locked: those in stay; nobody new comes in, until it is open again.
      expect((await f.post(`${roomOf(m)}/lock`, { on: true })).json().live.locked).toBe(true);
      const shut = await b.post(roomOf(m));
      expect(shut.statusCode).toBe(409);
      expect(shut.json().error.code).toBe('room_locked');
      expect((await a.get(roomOf(m))).statusCode).toBe(200);
      expect((await a.post(roomOf(m))).statusCode).toBe(200);
      expect((await a.post(`${roomOf(m)}/lock`, { on: false })).statusCode).toBe(403);
      await f.post(`${roomOf(m)}/lock`, { on: false });
      await enterAndRead(b, m);

      // Removed: out of the conversation at once, and not back in.
      const removed = await f.post(`${roomOf(m)}/remove`, { memberId: b.id });
      expect(removed.statusCode).toBe(200);
      const back = await b.post(roomOf(m));
      expect(back.statusCode).toBe(403);
      expect(back.json().error.code).toBe('removed_from_meeting');
      expect((await say(b, view.live.conversationId, 'made-up words after removal')).statusCode).toBe(404);
      expect((await b.get(`/api/v1/conversations/${view.live.conversationId}`)).statusCode).toBe(404);
      // Facilitators cannot be removed; nor can a member who is not in the room.
      expect((await f.post(`${roomOf(m)}/remove`, { memberId: f.id })).json().error.code).toBe('cannot_remove_leader');
      expect((await f.post(`${roomOf(m)}/remove`, { memberId: stranger.id })).statusCode).toBe(404);
      expect((await f.post(`${roomOf(m)}/remove`, {})).statusCode).toBe(400);
    });

    it('keeps members in the lobby until a facilitator starts, then runs the agenda, the share queue, the floor and mute-all', async () => {
      const f = await person(t(), 'calm-finch', 'facilitator');
      const a = await person(t(), 'quiet-otter');
      const b = await person(t(), 'soft-heron');
      const m = await meetingIn(t(), f, 4);
      await rsvp(t(), m, a);
      await rsvp(t(), m, b);
      const { live } = await enterAndRead(f, m);
      const c = live.conversationId;
      await enterAndRead(a, m);
      await enterAndRead(b, m);

      // The lobby: no hands, no words from members yet; the facilitator may welcome people.
      expect((await a.post(`${roomOf(m)}/hand`, { raised: true })).json().error.code).toBe('meeting_not_started');
      expect((await say(a, c, 'made-up hello from the lobby')).json().error.code).toBe('meeting_not_started');
      expect((await say(f, c, 'Welcome, we begin in a moment.')).statusCode).toBe(201);

      // Starting, and moving through the agenda; only a facilitator may.
      expect((await a.post(`${roomOf(m)}/step`, { step: 1 })).statusCode).toBe(403);
      expect((await f.post(`${roomOf(m)}/step`, { step: 0 })).json().live.currentStep).toBe(0);
      expect((await f.post(`${roomOf(m)}/step`, { step: 3 })).json().live).toMatchObject({ currentStep: 3, agenda: ['Gathering', 'Welcome', 'Reading the guidelines', 'Check-in', 'Discussion', 'Close'] });
      const beyond = await f.post(`${roomOf(m)}/step`, { step: 6 });
      expect(beyond.statusCode).toBe(400);
      expect(beyond.json().error.fields.step).toContain('agenda');

      // Hands: oldest first; raising twice keeps the first place.
      await b.post(`${roomOf(m)}/hand`, { raised: true });
      await a.post(`${roomOf(m)}/hand`, { raised: true });
      const queue = (await b.post(`${roomOf(m)}/hand`, { raised: true })).json() as MeetingRoomView;
      expect(queue.live.people.map((p) => p.handle)).toEqual(['quiet-otter', 'soft-heron']);
      expect(queue.live.hands.map((h) => h.handle)).toEqual(['soft-heron', 'quiet-otter']);

      // The floor, with a timer: the speaker leaves the queue; others listen (reactions still go).
      const floor = (await f.post(`${roomOf(m)}/floor`, { memberId: a.id, shareSeconds: 120 })).json() as MeetingRoomView;
      expect(floor.live.speaker).toMatchObject({ id: a.id, handle: 'quiet-otter', shareSeconds: 120 });
      expect(floor.live.hands.map((h) => h.handle)).toEqual(['soft-heron']);
      const listening = await say(b, c, 'made-up words while someone shares');
      expect(listening.statusCode).toBe(409);
      expect(listening.json().error.code).toBe('someone_sharing');
      expect((await say(a, c, 'my made-up share')).statusCode).toBe(201);
      expect((await say(f, c, 'thank you for sharing')).statusCode).toBe(201);
      expect((await b.post(`${roomOf(m)}/reactions`, { reaction: 'hug' })).statusCode).toBe(204);
      expect((await b.post(`${roomOf(m)}/reactions`, { reaction: 'downvote' })).statusCode).toBe(400);
      expect((await b.post(`${roomOf(m)}/floor`, { memberId: b.id })).statusCode).toBe(403);
      expect((await f.post(`${roomOf(m)}/floor`, { memberId: a.id, shareSeconds: 5 })).statusCode).toBe(400);
      expect((await f.post(`${roomOf(m)}/floor`, { memberId: null })).json().live.speaker).toBeNull();
      expect((await say(b, c, 'made-up words after the share')).statusCode).toBe(201);

      // Mute all: only facilitators write; then one member muted through the conversation's own tool.
      expect((await f.post(`${roomOf(m)}/mute-all`, { on: true })).json().live.allMuted).toBe(true);
      expect((await say(b, c, 'made-up words under mute-all')).json().error.code).toBe('all_muted');
      expect((await say(f, c, 'a word from the facilitator')).statusCode).toBe(201);
      await f.post(`${roomOf(m)}/mute-all`, { on: false });
      expect((await f.post(`/api/v1/conversations/${c}/mutes`, { memberId: b.id, minutes: 10 })).statusCode).toBe(204);
      expect((await say(b, c, 'made-up words while muted')).json().error.code).toBe('muted');
      expect((await b.post(`${roomOf(m)}/reactions`, { reaction: 'hug' })).statusCode).toBe(403);
      expect((await say(a, c, 'made-up words from someone not muted')).statusCode).toBe(201);
    });

    it('hands a member to a listener (a prioritised support request) or to a moderator, who may then come in as a host', async () => {
      const f = await person(t(), 'calm-finch', 'facilitator');
      const a = await person(t(), 'quiet-otter');
      const m = await meetingIn(t(), f, 2);
      await rsvp(t(), m, a);
      const { live } = await enterAndRead(f, m);
      await enterAndRead(a, m);

      expect((await a.post(`${roomOf(m)}/hand-off`, { memberId: f.id, to: 'listener' })).statusCode).toBe(403);
      const toListener = await f.post(`${roomOf(m)}/hand-off`, { memberId: a.id, to: 'listener' });
      expect(toListener.statusCode).toBe(200);
      const request = await t().database.db.selectFrom('support_requests').selectAll().where('member_id', '=', a.id).executeTakeFirstOrThrow();
      expect(toListener.json()).toEqual({ to: 'listener', requestId: request.id });
      expect(request).toMatchObject({ status: 'waiting', note: '' });
      expect(Number(request.priority)).toBeGreaterThanOrEqual(1);
      // The member sees it as their own request, ahead of everyday ones.
      expect((await a.get('/api/v1/support/requests/mine')).json().request).toMatchObject({ id: request.id, status: 'waiting' });
      // Handing on again raises the same request rather than opening a second.
      await f.post(`${roomOf(m)}/hand-off`, { memberId: a.id, to: 'listener' });
      expect(await t().database.db.selectFrom('support_requests').select('id').where('member_id', '=', a.id).execute()).toHaveLength(1);

      const mod = await person(t(), 'night-warden', 'moderator');
      expect((await mod.post(roomOf(m))).statusCode).toBe(403);
      expect((await f.post(`${roomOf(m)}/hand-off`, { memberId: a.id, to: 'moderator' })).json()).toEqual({ to: 'moderator', requestId: null });
      const flags = (await mod.get('/api/v1/moderation/flags')).json().items as { reason: string; conversationId: string; note: string }[];
      // The moderators' list takes them to the meeting's room, not to a support chat.
      expect(flags).toMatchObject([{ reason: 'moderator_requested', conversationId: live.conversationId, meeting: { id: m.id, localDate: m.date } }]);
      expect(flags[0]!.note).toContain(`/meetings/${m.id}/${m.date}/room`);
      const modView = await enter(mod, m);
      expect(modView.me).toEqual({ isLeader: false, isHost: true, feedback: null });
      // A host, not a leader: may remove or mute, not run the agenda.
      expect((await mod.post(`${roomOf(m)}/step`, { step: 0 })).statusCode).toBe(403);
      expect((await mod.post(`${roomOf(m)}/lock`, { on: true })).statusCode).toBe(200);
    });

    it('ends the meeting: its messages are deleted, attendance is a number, the question is answered once, and the facilitator sees counts', async () => {
      const f = await person(t(), 'calm-finch', 'facilitator');
      const [a, b, c] = [await person(t(), 'quiet-otter'), await person(t(), 'soft-heron'), await person(t(), 'brief-sparrow')];
      const m = await meetingIn(t(), f, 1);
      for (const p of [a, b, c]) await rsvp(t(), m, p);
      const { live } = await enterAndRead(f, m);
      for (const p of [a, b, c]) await enterAndRead(p, m);
      // Entering twice counts once.
      await enter(a, m);
      await f.post(`${roomOf(m)}/step`, { step: 0 });
      const risky = await say(a, live.conversationId, 'a made-up hard night MARKER-IDEATION');
      expect(risky.statusCode).toBe(201);
      await say(b, live.conversationId, 'made-up words of support');
      await f.post(`${roomOf(m)}/remove`, { memberId: c.id });
      await b.post(`${roomOf(m)}/hand`, { raised: true });
      const { db } = t().database;
      expect(await db.selectFrom('messages').select('id').where('conversation_id', '=', live.conversationId).execute()).toHaveLength(2);

      expect((await a.post(`${roomOf(m)}/feedback`, { answer: 'yes' })).json().error.code).toBe('not_ended');
      expect((await a.post(`${roomOf(m)}/end`)).statusCode).toBe(403);
      const ended = (await f.post(`${roomOf(m)}/end`)).json() as MeetingRoomView;
      expect(ended.live).toMatchObject({ attendance: 3, hands: [], speaker: null });
      expect(ended.live.endedAt).not.toBeNull();
      expect(ended.feedbackCounts).toEqual({ yes: 0, somewhat: 0, no: 0 });

      // The rows are gone, not hidden; the conversation is closed and its people's rows went with it.
      expect(await db.selectFrom('messages').select('id').where('conversation_id', '=', live.conversationId).execute()).toEqual([]);
      expect(await db.selectFrom('conversation_participants').select('member_id').where('conversation_id', '=', live.conversationId).execute()).toEqual([]);
      expect((await db.selectFrom('conversations').select('closed_at').where('id', '=', live.conversationId).executeTakeFirstOrThrow()).closed_at).not.toBeNull();
      expect(await db.selectFrom('meeting_hands').selectAll().execute()).toEqual([]);
      expect((await a.get(`/api/v1/conversations/${live.conversationId}`)).statusCode).toBe(404);
      // The moderators' alert outlives the words: what was found, without the text.
      const mod = await person(t(), 'night-warden', 'moderator');
      const alert = ((await mod.get('/api/v1/safety/alerts')).json().items as { level: string; content: { text: string; status: string; id: string } }[])[0]!;
      expect(alert).toMatchObject({ level: 'ideation', content: { id: risky.json().message.id, text: '', status: 'deleted' } });
      expect(JSON.stringify(alert)).not.toContain('hard night');

      // Ending twice changes nothing; coming in now shows the end, and the question, once per person.
      expect((await f.post(`${roomOf(m)}/end`)).json().live.attendance).toBe(3);
      expect((await a.post(roomOf(m))).json().live.endedAt).toBe(ended.live.endedAt);
      expect((await a.post(`${roomOf(m)}/feedback`, { answer: 'yes' })).json().me.feedback).toBe('yes');
      const again = await a.post(`${roomOf(m)}/feedback`, { answer: 'no' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('feedback_given');
      expect((await b.post(`${roomOf(m)}/feedback`, { answer: 'somewhat' })).statusCode).toBe(200);
      expect((await b.post(`${roomOf(m)}/feedback`, { answer: 'maybe' })).statusCode).toBe(400);
      expect((await f.post(`${roomOf(m)}/feedback`, { answer: 'yes' })).statusCode).toBe(403);
      expect((await c.post(`${roomOf(m)}/feedback`, { answer: 'no' })).json().error.code).toBe('removed_from_meeting');
      const counts = (await f.get(roomOf(m))).json() as MeetingRoomView;
      expect(counts.feedbackCounts).toEqual({ yes: 1, somewhat: 1, no: 0 });
      expect((await a.get(roomOf(m))).json().feedbackCounts).toBeNull();
      // Nothing new after the end.
      expect((await f.post(`${roomOf(m)}/step`, { step: 1 })).json().error.code).toBe('meeting_ended');
    });

    it('ends rooms still open an hour after the scheduled end, and erases a member’s part when they delete their account', async () => {
      const f = await person(t(), 'calm-finch', 'facilitator');
      const a = await person(t(), 'quiet-otter');
      const m = await meetingIn(t(), f, 2);
      await rsvp(t(), m, a);
      const { live } = await enterAndRead(f, m);
      await enterAndRead(a, m);
      await f.post(`${roomOf(m)}/step`, { step: 0 });
      await say(a, live.conversationId, 'made-up words nobody ended');

      expect(await t().app.meetingRoom.sweep()).toBe(0);
      vi.useFakeTimers({ now: m.startsAt + 60 * MINUTE + 59 * MINUTE, toFake: ['Date'] });
      expect(await t().app.meetingRoom.sweep()).toBe(0);
      vi.setSystemTime(m.startsAt + 60 * MINUTE + 61 * MINUTE);
      expect(await t().app.meetingRoom.sweep()).toBe(1);
      const { db } = t().database;
      expect(await db.selectFrom('meeting_sessions').select(['attendance']).where('conversation_id', '=', live.conversationId).executeTakeFirstOrThrow()).toEqual({ attendance: 1 });
      expect(await db.selectFrom('messages').select('id').where('conversation_id', '=', live.conversationId).execute()).toEqual([]);
      vi.useRealTimers();

      expect((await a.post(`${roomOf(m)}/feedback`, { answer: 'somewhat' })).statusCode).toBe(200);
      const exported = (await a.get('/api/v1/me/export')).json();
      expect(exported.meetingRooms.feedback).toMatchObject([{ date: m.date, answer: 'somewhat' }]);
      expect((await a.request('DELETE', '/api/v1/me', { passphrase: 'lantern orchard pebble' })).statusCode).toBeLessThan(300);
      expect(await db.selectFrom('meeting_feedback').selectAll().where('member_id', '=', a.id).execute()).toEqual([]);
    });
  },
  { assess: standInAssess },
);

describeEachDialect(
  'meeting rooms that keep their messages',
  (t) => {
    it('keeps the messages when the operator chose so, and says so in the room', async () => {
      const f = await person(t(), 'calm-finch', 'facilitator');
      const a = await person(t(), 'quiet-otter');
      const m = await meetingIn(t(), f, 2);
      await rsvp(t(), m, a);
      const { live } = await enterAndRead(f, m);
      expect(live.deletesMessages).toBe(false);
      await enterAndRead(a, m);
      await f.post(`${roomOf(m)}/step`, { step: 0 });
      await say(a, live.conversationId, 'made-up words to keep');
      expect((await f.post(`${roomOf(m)}/end`)).json().live.attendance).toBe(1);
      expect(await t().database.db.selectFrom('messages').select('body').where('conversation_id', '=', live.conversationId).execute()).toEqual([{ body: 'made-up words to keep' }]);
    });
  },
  { config: { MEETING_DELETE_MESSAGES: 'false' } },
);

describeEachDialect(
  'meeting rooms over real sockets',
  (t) => {
    async function online(v: Visitor, url: string): Promise<ClientSocket> {
      const s = await connect(url, v);
      sockets.push(s);
      return s;
    }

    it('pushes the room live, brings the risk alert to the leaders at once, and tells a removed member kindly', async () => {
      const url = await listen(t().app);
      const f = await person(t(), 'calm-finch', 'facilitator');
      const co = await person(t(), 'steady-heron', 'facilitator');
      const a = await person(t(), 'quiet-otter');
      const b = await person(t(), 'soft-heron');
      // A listener who comes as a member is not a host here: no risk alerts about others.
      const l = await person(t(), 'kind-listener', 'listener');
      const m = await meetingIn(t(), f, 3, co);
      for (const p of [a, b, l]) await rsvp(t(), m, p);
      const { live } = await enterAndRead(f, m);
      const c = live.conversationId;
      for (const p of [co, a, b, l]) await enterAndRead(p, m);
      const [sf, sco, sa, sb, sl] = (await Promise.all([f, co, a, b, l].map((p) => online(p, url)))) as [ClientSocket, ClientSocket, ClientSocket, ClientSocket, ClientSocket];
      for (const s of [sf, sco, sa, sb, sl]) await join(s, c);

      const livesAtB = collect(sb, 'meeting:live');
      await f.post(`${roomOf(m)}/step`, { step: 0 });
      await a.post(`${roomOf(m)}/hand`, { raised: true });
      await f.post(`${roomOf(m)}/floor`, { memberId: a.id, shareSeconds: 90 });
      await eventually(() => livesAtB.some((x) => x.speaker?.id === a.id), 'the floor pushed to the room');
      expect(livesAtB.map((x) => x.currentStep)).toContain(0);
      expect(livesAtB.at(-1)).toMatchObject({ speaker: { handle: 'quiet-otter', shareSeconds: 90 }, hands: [] });

      // The listener blocked soft-heron: a block hides reactions too, both ways.
      expect((await l.put('/api/v1/me/blocks/soft-heron')).statusCode).toBe(204);
      const reactions = collect(sa, 'meeting:reaction');
      const reactionsAtL = collect(sl, 'meeting:reaction');
      await b.post(`${roomOf(m)}/reactions`, { reaction: 'me_too' });
      await eventually(() => reactions.length === 1, 'the reaction');
      expect(reactions[0]).toEqual({ conversationId: c, handle: 'soft-heron', reaction: 'me_too' });
      await settle();
      expect(reactionsAtL).toEqual([]);

      const riskAtF = collect(sf, 'message:risk');
      const riskAtCo = collect(sco, 'message:risk');
      const riskAtL = collect(sl, 'message:risk');
      const riskAtB = collect(sb, 'message:risk');
      const risky = await sent(sa, c, 'made-up words MARKER-PLAN');
      await eventually(() => riskAtF.length === 1 && riskAtCo.length === 1, 'the risk alert to both leaders');
      expect(riskAtF[0]).toEqual({ conversationId: c, messageId: risky.message.id, level: 'plan', urgent: true, author: { id: a.id, handle: 'quiet-otter' } });
      await settle();
      expect([...riskAtL, ...riskAtB]).toEqual([]);

      const removedAtB = collect(sb, 'meeting:removed');
      const handedAtA = collect(sa, 'meeting:handed');
      const newAtB = collect(sb, 'message:new');
      await f.post(`${roomOf(m)}/remove`, { memberId: b.id });
      await f.post(`${roomOf(m)}/hand-off`, { memberId: a.id, to: 'listener' });
      await eventually(() => removedAtB.length === 1 && handedAtA.length === 1, 'the removed and handed members told');
      expect(removedAtB[0]).toEqual({ conversationId: c });
      expect(handedAtA[0]).toEqual({ conversationId: c, to: 'listener' });
      // Their socket left the room: nothing said there reaches it any more.
      await sent(sf, c, 'made-up words after the removal');
      await settle();
      expect(newAtB).toEqual([]);
      const rejoin = await send(sb, c, 'made-up words from outside');
      expect(rejoin.ok).toBe(false);
    });

    it('lets the co-facilitator take over when the leader drops out, pauses with nobody to lead, and resumes when a leader is back', async () => {
      const url = await listen(t().app);
      const f = await person(t(), 'calm-finch', 'facilitator');
      const co = await person(t(), 'steady-heron', 'facilitator');
      const a = await person(t(), 'quiet-otter');
      const m = await meetingIn(t(), f, 3, co);
      await rsvp(t(), m, a);
      const { live } = await enterAndRead(f, m);
      const c = live.conversationId;
      await enterAndRead(co, m);
      await enterAndRead(a, m);
      const sf = await online(f, url);
      const sco = await online(co, url);
      const sa = await online(a, url);
      for (const s of [sf, sco, sa]) await join(s, c);
      await f.post(`${roomOf(m)}/step`, { step: 0 });
      const lives = collect(sa, 'meeting:live');
      const room = t().app.meetingRoom;
      const latest = (): MeetingLive | undefined => lives.at(-1);

      vi.useFakeTimers({ now: Date.now(), toFake: ['Date'] });
      await room.checkLeaders();
      sf.close();
      await eventually(async () => !(await t().app.realtime.io.in(`c:${c}`).fetchSockets()).some((s) => s.data.member.id === f.id), 'the leader gone');
      await room.checkLeaders();
      vi.setSystemTime(Date.now() + 10_000);
      await room.checkLeaders();
      await settle(100);
      expect(latest()?.leader?.handle ?? 'calm-finch').toBe('calm-finch');
      // Past the grace: the co-facilitator, here, takes over; everyone is told.
      vi.setSystemTime(Date.now() + 11_000);
      await room.checkLeaders();
      await eventually(() => latest()?.leader?.handle === 'steady-heron', 'the co-facilitator leading');
      expect(latest()?.pausedAt).toBeNull();
      expect((await co.post(`${roomOf(m)}/step`, { step: 1 })).statusCode).toBe(200);

      // The co-facilitator goes too: with nobody to lead, the room pauses, and members wait.
      sco.close();
      await eventually(async () => (await t().app.realtime.io.in(`c:${c}`).fetchSockets()).length === 1, 'both leaders gone');
      await room.checkLeaders();
      vi.setSystemTime(Date.now() + 21_000);
      await room.checkLeaders();
      await eventually(() => latest()?.pausedAt !== null && latest()?.pausedAt !== undefined, 'the pause');
      expect((await say(a, c, 'made-up words in a pause')).json().error.code).toBe('meeting_paused');

      // The facilitator comes back: the room resumes with them leading.
      const back = await online(f, url);
      await join(back, c);
      await room.checkLeaders();
      await eventually(() => latest()?.pausedAt === null && latest()?.leader?.handle === 'calm-finch', 'the room resumed');
      expect((await say(a, c, 'made-up words after the pause')).statusCode).toBe(201);
    });
  },
  { assess: standInAssess },
);
