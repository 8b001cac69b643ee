import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ServerToClientEvents } from '../../shared/messaging';
import { sessionKey, useSession } from '../api/session';
import { acquireSocket, connectionStatus, onConnectionRefused, onConnectionStatus, releaseSocket, type ConnectionStatus, type KindredSocket } from './socket';

/**
 * The signed-in member's live connection (null for visitors, and until it is opened). Every
 * screen that uses it keeps it open; it closes when the member logs out.
 */
export function useSocket(): KindredSocket | null {
  const { member } = useSession();
  const memberId = member?.id ?? null;
  const queryClient = useQueryClient();
  const [socket, setSocket] = useState<KindredSocket | null>(null);

  useEffect(() => {
    if (!memberId) return;
    let gone = false;
    let acquired: KindredSocket | null = null;
    acquireSocket(memberId).then(
      (s) => {
        acquired = s;
        if (gone) releaseSocket(s);
        else setSocket(s);
      },
      () => undefined, // The client could not load (offline on first use): the next visit tries again.
    );
    // Turned away as a visitor: the session probably ended elsewhere, so ask who is signed in.
    const stop = onConnectionRefused((code) => {
      if (code === 'unauthenticated') void queryClient.invalidateQueries({ queryKey: sessionKey });
    });
    return () => {
      gone = true;
      stop();
      if (acquired) releaseSocket(acquired);
      setSocket(null);
    };
  }, [memberId, queryClient]);

  return socket;
}

/** Whether the live connection is up, for a calm word on screen when it is not. */
export function useConnectionStatus(): ConnectionStatus {
  return useSyncExternalStore(onConnectionStatus, connectionStatus, () => 'offline');
}

type EventName = keyof ServerToClientEvents;

/** Listens to one server event for as long as the component is on screen (the latest handler is called). */
export function useSocketEvent<E extends EventName>(socket: KindredSocket | null, event: E, handler: ServerToClientEvents[E]): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!socket) return;
    const listener = ((...args: Parameters<ServerToClientEvents[E]>) => (latest.current as (...a: typeof args) => void)(...args)) as ServerToClientEvents[E];
    // Socket.IO's typed `on` cannot follow a generic event name; the listener has the event's own type.
    (socket as unknown as { on: (e: string, l: unknown) => void }).on(event, listener);
    return () => {
      (socket as unknown as { off: (e: string, l: unknown) => void }).off(event, listener);
    };
  }, [socket, event]);
}

/** Runs on every (re)connection of the socket, and at once when it is already connected. */
export function useOnConnect(socket: KindredSocket | null, handler: (again: boolean) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!socket) return;
    let count = 0;
    const onConnect = () => latest.current(count++ > 0);
    if (socket.connected) onConnect();
    socket.on('connect', onConnect);
    return () => {
      socket.off('connect', onConnect);
    };
  }, [socket]);
}
