import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContentWarning } from '../../api/forumTypes';
import { useOnConnect, useSocket, useSocketEvent } from '../../realtime';
import { draftKey, readDraft, removeDraft, writeDraft } from '../../ui/draftStorage';
import { initialRoomState, roomReducer, type Outgoing, type RoomState } from './roomState';
import { TYPING_TTL_MS, type ChatMessage, type RoomView, type SentMessage, type SocketError } from './types';

/** A send that has not been acknowledged by then shows "Retry" (it may still arrive: the retry is then harmless). */
export const SEND_TIMEOUT_MS = 8000;
const JOIN_TIMEOUT_MS = 5000;
/** A message arrived with a seq beyond the next one: ask for what came between after this pause (it may be a held message, meant for nobody here). */
const GAP_WAIT_MS = 1500;
/** "typing…" is sent at most this often while typing. */
const TYPING_EVERY_MS = 3000;

interface Options {
  view: RoomView;
  memberId: string;
  myHandle: string;
  /** Called when the server acknowledged a message sent from this page (for the crisis response). */
  onSent: (sent: SentMessage) => void;
}

const outboxName = (conversationId: string) => `room:outbox:${conversationId}`;

/** What could not be sent survives a reload, to be retried: kept like a draft, on this device only. */
function restoreOutbox(memberId: string, conversationId: string): Outgoing[] {
  const stored = readDraft<Outgoing[]>(draftKey(memberId, outboxName(conversationId)));
  if (!stored || !Array.isArray(stored.value)) return [];
  return stored.value.map((o) => ({ ...o, state: 'failed', error: null }));
}

/**
 * A room, live: the first page from `view`, then every message as it is committed, catch-up after
 * each reconnection (from the last seq seen: nothing missed, nothing twice), the member's sends
 * with pending → sent / failed and retry under the same client id, typing and presence.
 */
export function useRoomLive({ view, memberId, myHandle, onSent }: Options) {
  const { t } = useTranslation();
  const conversationId = view.room.id;
  const socket = useSocket();
  const reducer = useMemo(() => roomReducer(memberId), [memberId]);
  const [state, dispatch] = useReducer(reducer, undefined, () => initialRoomState(view, memberId, restoreOutbox(memberId, conversationId)));
  const latest = useRef<RoomState>(state);
  latest.current = state;
  const joined = useRef(false);
  const inFlight = useRef(new Set<string>());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const gap = useRef<{ from: number; timer: ReturnType<typeof setTimeout> } | null>(null);
  const onSentRef = useRef(onSent);
  onSentRef.current = onSent;

  const errorText = useCallback(
    (error: SocketError): string => {
      if ((error.code === 'slow_mode' || error.code === 'rate_limited') && error.retryAfterMs) {
        return t('rooms.tryAgainIn', { count: Math.max(1, Math.ceil(error.retryAfterMs / 1000)) });
      }
      return error.fields?.body ?? error.message;
    },
    [t],
  );

  const clearTimer = (clientId: string) => {
    const timer = timers.current.get(clientId);
    if (timer) clearTimeout(timer);
    timers.current.delete(clientId);
  };

  const emitSend = useCallback(
    async (o: Outgoing) => {
      if (!socket || !socket.connected || inFlight.current.has(o.clientId)) return;
      inFlight.current.add(o.clientId);
      try {
        const result = await socket
          .timeout(SEND_TIMEOUT_MS)
          .emitWithAck('message:send', { conversationId, clientId: o.clientId, body: o.body, contentWarning: o.contentWarning });
        clearTimer(o.clientId);
        if (result.ok) {
          dispatch({ type: 'acked', sent: result.data });
          const slow = latest.current.room.slowModeSeconds;
          // Hosts are not slowed, so they get no countdown.
          if (slow > 0 && !latest.current.me.isHost) dispatch({ type: 'me', me: { ...latest.current.me, nextSendAt: Date.now() + slow * 1000 } });
          onSentRef.current(result.data);
          return;
        }
        const { error } = result;
        if (error.code === 'guidelines_unseen') dispatch({ type: 'me', me: { ...latest.current.me, guidelinesSeen: false } });
        if (error.code === 'slow_mode' && error.retryAfterMs) dispatch({ type: 'me', me: { ...latest.current.me, nextSendAt: Date.now() + error.retryAfterMs } });
        dispatch({ type: 'failed', clientId: o.clientId, error: errorText(error) });
      } catch {
        // No answer in time: the connection dropped on the way. Retrying is safe (same client id).
        clearTimer(o.clientId);
        dispatch({ type: 'failed', clientId: o.clientId, error: null });
      } finally {
        inFlight.current.delete(o.clientId);
      }
    },
    [socket, conversationId, errorText],
  );

  /** Sends now when connected; otherwise it waits for the connection, and shows "Retry" if that takes too long. */
  const attempt = useCallback(
    (o: Outgoing) => {
      clearTimer(o.clientId);
      timers.current.set(
        o.clientId,
        setTimeout(() => {
          timers.current.delete(o.clientId);
          if (!inFlight.current.has(o.clientId) && latest.current.outbox.some((x) => x.clientId === o.clientId && x.state === 'pending')) {
            dispatch({ type: 'failed', clientId: o.clientId, error: null });
          }
        }, SEND_TIMEOUT_MS),
      );
      if (joined.current) void emitSend(o);
    },
    [emitSend],
  );

  const joinRetry = useRef<ReturnType<typeof setTimeout> | null>(null);
  const join = useCallback(
    (afterSeq: number, attemptNo = 0) => {
      if (!socket) return;
      if (joinRetry.current) clearTimeout(joinRetry.current);
      joinRetry.current = null;
      // No answer, or a passing failure: ask again (the connection may have been too new to listen yet).
      const again = () => {
        if (!socket.connected) return; // The next connection joins anew.
        joinRetry.current = setTimeout(() => join(latest.current.synced, attemptNo + 1), Math.min(1000 * 2 ** attemptNo, 15_000));
      };
      socket
        .timeout(JOIN_TIMEOUT_MS)
        .emitWithAck('conversation:join', { conversationId, afterSeq })
        .then((result) => {
          if (!result.ok) {
            if (result.error.code !== 'not_a_member' && result.error.code !== 'unauthenticated') again();
            return;
          }
          joined.current = true;
          dispatch({ type: 'joined', result: result.data });
          const last = result.data.messages.at(-1);
          if (result.data.more && last) {
            join(last.seq);
            return;
          }
          // Caught up: what was waiting for the connection goes now, once each.
          for (const o of latest.current.outbox) if (o.state === 'pending') void emitSend(o);
        })
        .catch(again);
    },
    [socket, conversationId, emitSend],
  );

  useOnConnect(socket, () => {
    joined.current = false;
    if (gap.current) {
      clearTimeout(gap.current.timer);
      gap.current = null;
    }
    join(latest.current.synced);
  });

  useEffect(() => {
    if (!socket) return;
    const onDisconnect = () => {
      joined.current = false;
    };
    socket.on('disconnect', onDisconnect);
    return () => {
      socket.off('disconnect', onDisconnect);
      if (socket.connected) socket.emit('conversation:leave', { conversationId });
      joined.current = false;
    };
  }, [socket, conversationId]);

  // A seq was skipped: usually a message held for a moderator, but perhaps one lost on the way.
  const watchGap = (m: ChatMessage) => {
    const last = latest.current.synced;
    if (m.seq <= last + 1 || gap.current) return;
    gap.current = {
      from: last,
      timer: setTimeout(() => {
        gap.current = null;
        // Ask from wherever the unbroken run has got to by now (the gap may have filled itself).
        if (joined.current && latest.current.synced < latest.current.lastSeq) join(latest.current.synced);
      }, GAP_WAIT_MS),
    };
  };

  const mine = (c: { conversationId: string }) => c.conversationId === conversationId;
  useSocketEvent(socket, 'message:new', (m) => {
    if (!mine(m)) return;
    watchGap(m);
    dispatch({ type: 'received', messages: [m] });
  });
  useSocketEvent(socket, 'message:updated', (m) => mine(m) && dispatch({ type: 'received', messages: [m] }));
  useSocketEvent(socket, 'message:risk', (r) => mine(r) && dispatch({ type: 'risk', messageId: r.messageId, urgent: r.urgent }));
  useSocketEvent(socket, 'presence', (p) => mine(p) && dispatch({ type: 'presence', hereNow: p.hereNow }));
  useSocketEvent(socket, 'conversation:updated', (room) => room.id === conversationId && dispatch({ type: 'room', room }));
  useSocketEvent(socket, 'participant:updated', (p) => mine(p) && dispatch({ type: 'me', me: p.me }));
  useSocketEvent(socket, 'typing', (p) => {
    if (!mine(p) || p.handle === myHandle) return;
    dispatch({ type: 'typing', handle: p.handle, typing: p.typing, until: Date.now() + TYPING_TTL_MS });
  });

  // "typing…" lapses on its own when the next keystroke does not come.
  const typingCount = Object.keys(state.typing).length;
  useEffect(() => {
    if (typingCount === 0) return;
    const timer = setInterval(() => dispatch({ type: 'expireTyping', now: Date.now() }), 1000);
    return () => clearInterval(timer);
  }, [typingCount]);

  // Keep what is not sent yet on this device, so a reload or a closed tab loses nothing.
  useEffect(() => {
    const key = draftKey(memberId, outboxName(conversationId));
    if (state.outbox.length === 0) removeDraft(key);
    else writeDraft(key, state.outbox);
  }, [state.outbox, memberId, conversationId]);

  useEffect(() => {
    const all = timers.current;
    return () => {
      for (const timer of all.values()) clearTimeout(timer);
      all.clear();
      if (gap.current) clearTimeout(gap.current.timer);
      if (joinRetry.current) clearTimeout(joinRetry.current);
    };
  }, []);

  const send = useCallback(
    (body: string, contentWarning: ContentWarning | null) => {
      const outgoing: Outgoing = { clientId: crypto.randomUUID(), body, contentWarning, state: 'pending', error: null, createdAt: Date.now() };
      dispatch({ type: 'queue', outgoing });
      attempt(outgoing);
    },
    [attempt],
  );

  const retry = useCallback(
    (clientId: string) => {
      const o = latest.current.outbox.find((x) => x.clientId === clientId);
      if (!o) return;
      dispatch({ type: 'pending', clientId });
      attempt({ ...o, state: 'pending', error: null });
    },
    [attempt],
  );

  const lastTyping = useRef(0);
  /** Tells the room the member is typing (at most every few seconds), or has stopped. */
  const setTyping = useCallback(
    (typing: boolean) => {
      if (!socket?.connected) return;
      const now = Date.now();
      if (typing) {
        if (now - lastTyping.current < TYPING_EVERY_MS) return;
        lastTyping.current = now;
      } else {
        if (lastTyping.current === 0) return;
        lastTyping.current = 0;
      }
      socket.emit('typing', { conversationId, typing });
    },
    [socket, conversationId],
  );

  const markRead = useCallback(
    (seq: number) => {
      if (socket?.connected) socket.emit('conversation:read', { conversationId, seq });
    },
    [socket, conversationId],
  );

  return { state, dispatch, send, retry, setTyping, markRead, connected: !!socket };
}
