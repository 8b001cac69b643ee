import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/messaging';

/** Kindred's one real-time connection, typed with the shared event contract. */
export type KindredSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** What the connection is doing, for a calm word on screen when it is not live. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** After the last screen using it goes, the connection lingers this long (a page change reuses it). */
const LINGER_MS = 2000;
/** When the server turned the handshake away (e.g. a session that just ended), the first wait before asking again. */
const REFUSED_RETRY_MS = 2000;
const REFUSED_RETRY_MAX_MS = 60_000;

interface Current {
  memberId: string;
  socket: KindredSocket;
  users: number;
  lingering: ReturnType<typeof setTimeout> | null;
  refusedRetry: ReturnType<typeof setTimeout> | null;
  refusals: number;
  detach: () => void;
}

let current: Current | null = null;
let status: ConnectionStatus = 'offline';
const statusListeners = new Set<() => void>();
const refusedListeners = new Set<(code: string) => void>();

function setStatus(next: ConnectionStatus): void {
  if (status === next) return;
  status = next;
  for (const listener of statusListeners) listener();
}

const online = () => typeof navigator === 'undefined' || navigator.onLine !== false;

type Io = typeof import('socket.io-client').io;
// Loaded on first use: visitors, and the first paint of Get help now, never wait for it.
let loading: Promise<Io> | null = null;
const loadIo = (): Promise<Io> => (loading ??= import('socket.io-client').then((m) => m.io));

function open(io: Io, memberId: string): Current {
  // Same origin, default path, the session cookie: the server needs nothing else.
  // WebSocket first; long-polling when something on the way blocks WebSockets.
  const socket: KindredSocket = io({
    autoConnect: false,
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    reconnection: true,
    reconnectionAttempts: Infinity,
    reconnectionDelay: 1000,
    reconnectionDelayMax: 15_000,
    randomizationFactor: 0.5,
  });
  const entry: Current = { memberId, socket, users: 0, lingering: null, refusedRetry: null, refusals: 0, detach: () => undefined };

  const onConnect = () => {
    entry.refusals = 0;
    setStatus('connected');
  };
  const onDisconnect = (reason: string) => {
    setStatus(online() ? 'reconnecting' : 'offline');
    // The server ended the connection (a session ended, roles changed): Socket.IO will not return by
    // itself, so ask again after a moment; a session that is over is then refused, and handled below.
    if (reason === 'io server disconnect' && current === entry) {
      if (entry.refusedRetry) clearTimeout(entry.refusedRetry);
      entry.refusedRetry = setTimeout(() => {
        entry.refusedRetry = null;
        if (current === entry && online()) socket.connect();
      }, REFUSED_RETRY_MS * (0.75 + Math.random() / 2));
    }
  };
  const onConnectError = (error: Error & { data?: { code?: string } }) => {
    if (socket.active) {
      setStatus(online() ? 'reconnecting' : 'offline');
      return;
    }
    // The server refused the handshake, so Socket.IO will not try again by itself: wait, then ask again.
    setStatus('reconnecting');
    const code = error.data?.code ?? error.message;
    for (const listener of refusedListeners) listener(code);
    if (entry.refusedRetry) clearTimeout(entry.refusedRetry);
    const wait = Math.min(REFUSED_RETRY_MS * 2 ** entry.refusals, REFUSED_RETRY_MAX_MS);
    entry.refusals += 1;
    entry.refusedRetry = setTimeout(() => {
      entry.refusedRetry = null;
      if (current === entry && online()) socket.connect();
    }, wait * (0.75 + Math.random() / 2));
  };
  // The device says there is no network: stop knocking until it comes back, then connect at once.
  const onOffline = () => {
    socket.disconnect();
    setStatus('offline');
  };
  const onOnline = () => {
    if (current !== entry || entry.users === 0) return;
    setStatus('connecting');
    socket.connect();
  };

  socket.on('connect', onConnect);
  socket.on('disconnect', onDisconnect);
  socket.on('connect_error', onConnectError);
  window.addEventListener('offline', onOffline);
  window.addEventListener('online', onOnline);
  entry.detach = () => {
    socket.off('connect', onConnect);
    socket.off('disconnect', onDisconnect);
    socket.off('connect_error', onConnectError);
    window.removeEventListener('offline', onOffline);
    window.removeEventListener('online', onOnline);
  };
  return entry;
}

function close(entry: Current): void {
  if (entry.lingering) clearTimeout(entry.lingering);
  if (entry.refusedRetry) clearTimeout(entry.refusedRetry);
  entry.detach();
  entry.socket.disconnect();
  if (current === entry) {
    current = null;
    setStatus('offline');
  }
}

/**
 * The signed-in member's connection, opened on first use. Each screen that needs it acquires it
 * and releases it when it goes; it closes shortly after the last one leaves, or when someone
 * else signs in.
 */
export async function acquireSocket(memberId: string): Promise<KindredSocket> {
  const io = await loadIo();
  if (current && current.memberId !== memberId) close(current);
  if (!current) current = open(io, memberId);
  const entry = current;
  entry.users += 1;
  if (entry.lingering) {
    clearTimeout(entry.lingering);
    entry.lingering = null;
  }
  if (!entry.socket.connected && !entry.socket.active && online()) {
    setStatus('connecting');
    entry.socket.connect();
  } else if (!online()) {
    setStatus('offline');
  }
  return entry.socket;
}

export function releaseSocket(socket: KindredSocket): void {
  const entry = current;
  if (!entry || entry.socket !== socket) return;
  entry.users = Math.max(0, entry.users - 1);
  if (entry.users > 0 || entry.lingering) return;
  entry.lingering = setTimeout(() => {
    entry.lingering = null;
    if (entry.users === 0) close(entry);
  }, LINGER_MS);
}

export function connectionStatus(): ConnectionStatus {
  return status;
}

export function onConnectionStatus(listener: () => void): () => void {
  statusListeners.add(listener);
  return () => statusListeners.delete(listener);
}

/** Told when the server refuses the connection (e.g. `unauthenticated`): the session may have ended. */
export function onConnectionRefused(listener: (code: string) => void): () => void {
  refusedListeners.add(listener);
  return () => refusedListeners.delete(listener);
}
