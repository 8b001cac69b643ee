import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';
import { Server, type Socket } from 'socket.io';
import { socketRooms, type ClientToServerEvents, type ServerToClientEvents, type SocketError } from '../../../shared/messaging.js';
import type { AuthMember, SessionResolver } from '../http/auth.js';
import { AppError } from '../http/errors.js';
import { memoryPresence, redisPresence, type Presence } from './presence.js';

export interface SocketData {
  member: AuthMember;
  /** The session the socket opened with: every join and send checks it is still live. */
  sessionId: string;
  /** Socket.IO rooms this socket is in from its first moment, decided during the handshake. */
  rooms: string[];
}
export type KindredServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type KindredSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface Realtime {
  io: KindredServer;
  presence: Presence;
  /** This process, in logs and metrics: several nodes share one Redis. */
  nodeId: string;
  /**
   * Runs during the handshake for every authenticated member: the rooms returned are joined
   * before any event is handled, so nothing can slip past them (a block, for one).
   */
  roomsOnConnect(resolver: (member: AuthMember) => Promise<string[]>): void;
  /** Runs for every authenticated socket, synchronously, before any of its events arrive. */
  onConnection(handler: (socket: KindredSocket) => void): void;
  /**
   * Ends the sockets of a member (roles changed, signed out everywhere, account deleted) or of
   * one session (signed out), on every node; the client reconnects and is checked afresh.
   */
  disconnectMember(memberId: string): void;
  /** Runs when the server closes (timers that belong with the live layer stop here). */
  onClose(handler: () => void): void;
  disconnectSession(sessionId: string): void;
  close(): Promise<void>;
}

export interface RealtimeOptions {
  server: HttpServer;
  redis: Redis | null;
  resolve: SessionResolver;
  cookieName: string;
  parseCookie: (header: string) => Record<string, string | undefined>;
  publicOrigin: string;
  log: { error(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

/** Every socket of one session, so signing out ends exactly those. */
const sessionRoom = (sessionId: string) => `s:${sessionId}`;

/** A browser must be on Kindred's own origin: stops another site opening a socket with the member's cookie. */
function sameOrigin(req: IncomingMessage, publicOrigin: string): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (publicOrigin) return origin === publicOrigin;
  try {
    const forwarded = req.headers['x-forwarded-host'];
    const host = (typeof forwarded === 'string' && forwarded) || req.headers.host;
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** What a socket caller hears when something goes wrong: the same words HTTP would use, never a stack trace. */
export function socketError(err: unknown, log: RealtimeOptions['log']): SocketError {
  if (err instanceof AppError) {
    const retryAfterMs = err.extra?.retryAfterMs;
    return {
      code: err.code,
      message: err.message,
      ...(typeof retryAfterMs === 'number' ? { retryAfterMs } : {}),
      ...(err.fields ? { fields: err.fields } : {}),
    };
  }
  log.error({ err }, 'a socket request failed');
  return { code: 'server_error', message: 'Kindred could not do that just now. Please try again in a moment; nothing you wrote is lost.' };
}

/**
 * Socket.IO on Fastify's own HTTP server. The handshake authenticates with the session
 * cookie and refuses a visitor or a suspended member; with Redis every node joins one
 * adapter, so a message sent on one node reaches sockets on all of them.
 */
export function createRealtime(opts: RealtimeOptions): Realtime {
  const io: KindredServer = new Server(opts.server, {
    serveClient: false,
    transports: ['websocket', 'polling'],
    allowRequest: (req, callback) => callback(null, sameOrigin(req, opts.publicOrigin)),
    // Missed messages come from the database on rejoin, so the adapter's own recovery is not needed.
    pingInterval: 20_000,
    pingTimeout: 20_000,
    maxHttpBufferSize: 64 * 1024,
  });
  const subscribers: Redis[] = [];
  if (opts.redis) {
    const pub = opts.redis.duplicate();
    const sub = opts.redis.duplicate();
    for (const c of [pub, sub]) c.on('error', (err: Error) => opts.log.warn({ err: err.message }, 'the real-time Redis connection is not answering'));
    subscribers.push(pub, sub);
    io.adapter(createAdapter(pub, sub, { key: 'kindred:sio' }));
  }
  const presence = opts.redis ? redisPresence(opts.redis) : memoryPresence();
  const handlers: ((socket: KindredSocket) => void)[] = [];
  const closers: (() => void)[] = [];
  const roomResolvers: ((member: AuthMember) => Promise<string[]>)[] = [];

  io.use((socket, next) => {
    void (async () => {
      const header = socket.request.headers.cookie;
      const token = header ? opts.parseCookie(header)[opts.cookieName] : undefined;
      const session = token ? await opts.resolve(token) : null;
      if (!session) return next(Object.assign(new Error('Please log in to join the conversation.'), { data: { code: 'unauthenticated' } }));
      const until = session.member.suspendedUntil;
      if (until && until > Date.now()) {
        return next(Object.assign(new Error('Your account is suspended for now, so you cannot take part in conversations.'), { data: { code: 'suspended', until } }));
      }
      socket.data.member = session.member;
      socket.data.sessionId = session.sessionId;
      socket.data.rooms = [socketRooms.member(session.member.id), sessionRoom(session.sessionId), ...(await Promise.all(roomResolvers.map((r) => r(session.member)))).flat()];
      next();
    })().catch((err: unknown) => {
      opts.log.error({ err }, 'a socket handshake failed');
      next(new Error('Kindred could not connect just now. It will try again.'));
    });
  });

  io.on('connection', (socket) => {
    void socket.join(socket.data.rooms);
    // Handlers are attached before this function returns: an event sent straight after connecting is never missed.
    for (const handler of handlers) handler(socket);
  });

  return {
    io,
    presence,
    nodeId: randomUUID(),
    onConnection: (handler) => void handlers.push(handler),
    disconnectMember: (memberId) => io.in(socketRooms.member(memberId)).disconnectSockets(true),
    disconnectSession: (sessionId) => io.in(sessionRoom(sessionId)).disconnectSockets(true),
    roomsOnConnect: (resolver) => void roomResolvers.push(resolver),
    onClose: (handler) => void closers.push(handler),
    async close() {
      for (const c of closers) c();
      presence.close();
      // This node's sockets only: through the Redis adapter a bare disconnectSockets would end every node's.
      io.local.disconnectSockets(true);
      // Closes the engine without closing Fastify's HTTP server, which Fastify closes itself.
      io.engine.close();
      for (const c of subscribers) c.disconnect();
    },
  };
}
