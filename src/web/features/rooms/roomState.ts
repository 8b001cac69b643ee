import type { ContentWarning } from '../../api/forumTypes';
import type { ChatMessage, JoinResult, MessagePage, ParticipantState, RoomInfo, RoomView, SentMessage } from './types';

/** A message the member wrote that the server has not acknowledged yet. */
export interface Outgoing {
  /** The idempotency key: every retry sends the same one, so the server never stores it twice. */
  clientId: string;
  body: string;
  contentWarning: ContentWarning | null;
  state: 'pending' | 'failed';
  /** Why it is not sent, in words for the member (null: not sent yet, no reason known). */
  error: string | null;
  createdAt: number;
}

/** The room as this member sees it: the messages in order, what is on its way, who is typing. */
export interface RoomState {
  room: RoomInfo;
  me: ParticipantState;
  hereNow: number;
  /** Sorted by seq; one entry per message id. */
  messages: ChatMessage[];
  olderCursor: number | null;
  /** The highest seq seen. */
  lastSeq: number;
  /**
   * Everything up to this seq has arrived (or was never meant for this member): a (re)join
   * asks for what came after it. Not simply the highest seen, since an own message's
   * acknowledgement can arrive before someone else's earlier message does.
   */
  synced: number;
  outbox: Outgoing[];
  /** Handle → when their "typing…" lapses. */
  typing: Record<string, number>;
  /** What the server said about messages sent from this page, by message id. */
  sent: Record<string, Pick<SentMessage, 'safety' | 'offPlatformNudge'>>;
  /** For hosts: messages the safety module found worrying, by message id. */
  risk: Record<string, { urgent: boolean }>;
}

export type RoomAction =
  | { type: 'joined'; result: JoinResult }
  | { type: 'received'; messages: ChatMessage[] }
  | { type: 'older'; page: MessagePage }
  | { type: 'room'; room: RoomInfo }
  | { type: 'me'; me: ParticipantState }
  | { type: 'presence'; hereNow: number }
  | { type: 'queue'; outgoing: Outgoing }
  | { type: 'pending'; clientId: string }
  | { type: 'failed'; clientId: string; error: string | null }
  | { type: 'acked'; sent: SentMessage }
  | { type: 'typing'; handle: string; typing: boolean; until: number }
  | { type: 'expireTyping'; now: number }
  | { type: 'risk'; messageId: string; urgent: boolean };

const maxSeq = (messages: ChatMessage[], from: number) => messages.reduce((m, x) => Math.max(m, x.seq), from);

/** Moves `synced` over the seqs that have now arrived one after another. */
function advance(synced: number, messages: ChatMessage[]): number {
  const seqs = new Set(messages.map((m) => m.seq));
  let s = synced;
  while (seqs.has(s + 1)) s++;
  return s;
}

/** Merges messages into a seq-ordered list, one per id; a newer copy (e.g. removed by a host) replaces the old. */
export function mergeMessages(list: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  if (incoming.length === 0) return list;
  const byId = new Map(list.map((m) => [m.id, m]));
  for (const m of incoming) {
    // A removal or deletion is final: a copy read before it (a late catch-up, a retry's push) never brings the words back.
    const known = byId.get(m.id);
    if (known && (known.status === 'removed' || known.status === 'deleted') && (m.status === 'published' || m.status === 'held')) continue;
    byId.set(m.id, m);
  }
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/** Drops the pending copies the server has now sent back (matched by the author and client id). */
function settleOutbox(outbox: Outgoing[], messages: ChatMessage[], memberId: string): Outgoing[] {
  if (outbox.length === 0) return outbox;
  const mine = new Set(messages.filter((m) => m.author.id === memberId).map((m) => m.clientId));
  const left = outbox.filter((o) => !mine.has(o.clientId));
  return left.length === outbox.length ? outbox : left;
}

export function initialRoomState(view: RoomView, memberId: string, restored: Outgoing[] = []): RoomState {
  const messages = mergeMessages([], view.messages);
  return {
    room: view.room,
    me: view.me,
    hereNow: view.hereNow,
    messages,
    olderCursor: view.olderCursor,
    lastSeq: maxSeq(messages, 0),
    // The room was read before its messages: everything up to its lastSeq was committed by then, so the page holds it.
    synced: Math.max(view.room.lastSeq, 0),
    outbox: settleOutbox(restored, messages, memberId),
    typing: {},
    sent: {},
    risk: {},
  };
}

/** The room's reducer; `memberId` tells the member's own messages apart. */
export function roomReducer(memberId: string) {
  return (state: RoomState, action: RoomAction): RoomState => {
    switch (action.type) {
      case 'joined': {
        const { result } = action;
        const messages = mergeMessages(state.messages, result.messages);
        return {
          ...state,
          room: result.room,
          me: result.me,
          hereNow: result.hereNow,
          messages,
          lastSeq: maxSeq(result.messages, state.lastSeq),
          // A catch-up holds every message up to what it returned; a complete one, everything up to the room's lastSeq when it was read.
          synced: advance(Math.max(state.synced, maxSeq(result.messages, 0), result.more ? 0 : result.room.lastSeq), messages),
          outbox: settleOutbox(state.outbox, result.messages, memberId),
        };
      }
      case 'received': {
        const typing = { ...state.typing };
        // Someone who just sent a message has stopped typing it.
        for (const m of action.messages) if (m.author.handle) delete typing[m.author.handle];
        const messages = mergeMessages(state.messages, action.messages);
        return {
          ...state,
          messages,
          lastSeq: maxSeq(action.messages, state.lastSeq),
          synced: advance(state.synced, messages),
          outbox: settleOutbox(state.outbox, action.messages, memberId),
          typing,
        };
      }
      case 'older':
        return { ...state, messages: mergeMessages(state.messages, action.page.messages), olderCursor: action.page.olderCursor };
      case 'room':
        return { ...state, room: action.room };
      case 'me':
        return { ...state, me: action.me };
      case 'presence':
        return { ...state, hereNow: action.hereNow };
      case 'queue':
        return { ...state, outbox: [...state.outbox.filter((o) => o.clientId !== action.outgoing.clientId), action.outgoing] };
      case 'pending':
        return { ...state, outbox: state.outbox.map((o) => (o.clientId === action.clientId ? { ...o, state: 'pending', error: null } : o)) };
      case 'failed':
        return { ...state, outbox: state.outbox.map((o) => (o.clientId === action.clientId ? { ...o, state: 'failed', error: action.error } : o)) };
      case 'acked': {
        const { message, safety, offPlatformNudge } = action.sent;
        const messages = mergeMessages(state.messages, [message]);
        return {
          ...state,
          messages,
          lastSeq: Math.max(state.lastSeq, message.seq),
          synced: advance(state.synced, messages),
          outbox: state.outbox.filter((o) => o.clientId !== message.clientId),
          sent: { ...state.sent, [message.id]: { safety, offPlatformNudge } },
        };
      }
      case 'risk':
        return { ...state, risk: { ...state.risk, [action.messageId]: { urgent: action.urgent } } };
      case 'typing': {
        const typing = { ...state.typing };
        if (action.typing) typing[action.handle] = action.until;
        else delete typing[action.handle];
        return { ...state, typing };
      }
      case 'expireTyping': {
        const left = Object.entries(state.typing).filter(([, until]) => until > action.now);
        return left.length === Object.keys(state.typing).length ? state : { ...state, typing: Object.fromEntries(left) };
      }
    }
  };
}
