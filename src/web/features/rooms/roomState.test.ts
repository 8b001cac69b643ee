import { describe, expect, it } from 'vitest';
import { initialRoomState, mergeMessages, roomReducer, type Outgoing } from './roomState';
import type { ChatMessage, RoomView } from './types';

const ME = 'member-me';
const OTHER = 'member-other';

function message(seq: number, over: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: `m${seq}`,
    conversationId: 'c1',
    seq,
    clientId: `client-${seq}`,
    author: { id: OTHER, handle: 'gentlefern', isHost: false },
    body: `message ${seq}`,
    contentWarning: null,
    status: 'published',
    heldReason: null,
    card: null,
    removedReason: null,
    createdAt: 1_700_000_000_000 + seq,
    ...over,
  };
}

const view = (messages: ChatMessage[]): RoomView => ({
  room: { id: 'c1', kind: 'room', group: { slug: 'evening-circle', name: 'Evening circle' }, guidelines: '', guidelinesUpdatedAt: null, slowModeSeconds: 0, lastSeq: messages.at(-1)?.seq ?? 0, closedAt: null },
  me: { isHost: false, mutedUntil: null, guidelinesSeen: true, lastReadSeq: 0, nextSendAt: null },
  hereNow: 2,
  messages,
  olderCursor: null,
});

const pending = (clientId: string): Outgoing => ({ clientId, body: 'hello', contentWarning: null, state: 'pending', error: null, createdAt: 1 });

describe('the room state', () => {
  const reduce = roomReducer(ME);

  it('keeps one copy of each message, in seq order, whatever order they come in', () => {
    const list = mergeMessages([message(1), message(3)], [message(2), message(3), message(1)]);
    expect(list.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('replaces a message with its newer copy (removed by a host) without moving it', () => {
    const list = mergeMessages([message(1), message(2)], [message(1, { status: 'removed', body: '', removedReason: 'Kept it kind' })]);
    expect(list.map((m) => [m.seq, m.status])).toEqual([
      [1, 'removed'],
      [2, 'published'],
    ]);
  });

  it('catch-up after a reconnection adds only what was missed, and moves lastSeq on', () => {
    let state = initialRoomState(view([message(1), message(2)]), ME);
    expect(state.lastSeq).toBe(2);
    state = reduce(state, { type: 'received', messages: [message(3)] });
    state = reduce(state, {
      type: 'joined',
      result: { messages: [message(3), message(4), message(5)], more: false, hereNow: 3, me: state.me, room: state.room },
    });
    expect(state.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(state.lastSeq).toBe(5);
    expect(state.hereNow).toBe(3);
  });

  it('never brings back the words of a removed message from a copy read before the removal', () => {
    const removed = message(1, { status: 'removed', body: '', removedReason: null });
    expect(mergeMessages([removed], [message(1)])[0]).toMatchObject({ status: 'removed', body: '' });
    expect(mergeMessages([message(1)], [removed])[0]).toMatchObject({ status: 'removed', body: '' });
  });

  it('rejoins from the end of the unbroken run, not from an own message acknowledged ahead of someone else’s', () => {
    let state = initialRoomState(view([message(1), message(2)]), ME);
    expect(state.synced).toBe(2);
    // Own message 4 is acknowledged while 3 (someone else's) is still on its way.
    const mine = message(4, { author: { id: ME, handle: 'quietbrook', isHost: false }, clientId: 'mine-4' });
    state = reduce(state, { type: 'acked', sent: { message: mine, safety: { level: 'none', held: false, heldReason: null, contentWarningAdded: null, response: 'none', replyCare: [] }, offPlatformNudge: false } });
    expect(state.lastSeq).toBe(4);
    expect(state.synced).toBe(2);
    state = reduce(state, { type: 'received', messages: [message(3)] });
    expect(state.synced).toBe(4);
  });

  it('moves past a gap that was never meant for this member once a complete catch-up says so', () => {
    let state = initialRoomState(view([message(1)]), ME);
    // Seq 2 was held for a moderator: this member never receives it.
    state = reduce(state, { type: 'received', messages: [message(3)] });
    expect(state.synced).toBe(1);
    state = reduce(state, { type: 'joined', result: { messages: [message(3)], more: false, hereNow: 2, me: state.me, room: { ...state.room, lastSeq: 3 } } });
    expect(state.synced).toBe(3);
    // An incomplete catch-up vouches only for what it returned.
    state = reduce(state, { type: 'joined', result: { messages: [message(4), message(5)], more: true, hereNow: 2, me: state.me, room: { ...state.room, lastSeq: 9 } } });
    expect(state.synced).toBe(5);
  });

  it('replaces the pending copy when the server sends the message back, by the author and client id', () => {
    let state = initialRoomState(view([message(1)]), ME);
    state = reduce(state, { type: 'queue', outgoing: pending('mine-1') });
    // Someone else's message with the same client id does not settle it.
    state = reduce(state, { type: 'received', messages: [message(2, { clientId: 'mine-1' })] });
    expect(state.outbox).toHaveLength(1);
    state = reduce(state, { type: 'received', messages: [message(3, { clientId: 'mine-1', author: { id: ME, handle: 'quietbrook', isHost: false } })] });
    expect(state.outbox).toHaveLength(0);
    expect(state.messages.filter((m) => m.clientId === 'mine-1' && m.author.id === ME)).toHaveLength(1);
  });

  it('a failed message keeps its words and client id, and goes back to pending on retry', () => {
    let state = initialRoomState(view([]), ME);
    state = reduce(state, { type: 'queue', outgoing: pending('mine-2') });
    state = reduce(state, { type: 'failed', clientId: 'mine-2', error: null });
    expect(state.outbox[0]).toMatchObject({ clientId: 'mine-2', body: 'hello', state: 'failed' });
    state = reduce(state, { type: 'pending', clientId: 'mine-2' });
    expect(state.outbox[0]?.state).toBe('pending');
  });

  it('an acknowledgement after the broadcast leaves one copy and remembers what safety said', () => {
    const mine = message(4, { clientId: 'mine-3', author: { id: ME, handle: 'quietbrook', isHost: false } });
    let state = initialRoomState(view([]), ME);
    state = reduce(state, { type: 'queue', outgoing: pending('mine-3') });
    state = reduce(state, { type: 'received', messages: [mine] });
    const safety = { level: 'none', held: false, heldReason: null, contentWarningAdded: null, response: 'none', replyCare: [] } as const;
    state = reduce(state, { type: 'acked', sent: { message: mine, safety: { ...safety, replyCare: [] }, offPlatformNudge: true } });
    expect(state.messages).toHaveLength(1);
    expect(state.outbox).toHaveLength(0);
    expect(state.sent[mine.id]?.offPlatformNudge).toBe(true);
  });

  it('a restored unsent message already on the server is not shown twice', () => {
    const mine = message(1, { clientId: 'mine-4', author: { id: ME, handle: 'quietbrook', isHost: false } });
    const state = initialRoomState(view([mine]), ME, [pending('mine-4'), pending('mine-5')]);
    expect(state.outbox.map((o) => o.clientId)).toEqual(['mine-5']);
  });

  it('typing lapses on its own, and stops when that person sends', () => {
    let state = initialRoomState(view([]), ME);
    state = reduce(state, { type: 'typing', handle: 'gentlefern', typing: true, until: 100 });
    state = reduce(state, { type: 'typing', handle: 'stillwater', typing: true, until: 200 });
    state = reduce(state, { type: 'expireTyping', now: 150 });
    expect(Object.keys(state.typing)).toEqual(['stillwater']);
    state = reduce(state, { type: 'received', messages: [message(1, { author: { id: 'x', handle: 'stillwater', isHost: false } })] });
    expect(state.typing).toEqual({});
  });
});
