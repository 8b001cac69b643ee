import type { FastifyInstance } from 'fastify';
import { io as connectSocket, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, JoinResult, RoomView, SentMessage, ServerToClientEvents, SocketError } from '../../shared/messaging.js';
import type { Visitor } from './harness.js';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type Result<T> = { ok: true; data: T } | { ok: false; error: SocketError };

/** Puts a test app on a real port, so real Socket.IO clients can reach it. */
export async function listen(app: FastifyInstance): Promise<string> {
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return address;
}

/**
 * A Socket.IO client for `visitor` (with their session cookie), over a real WebSocket.
 * Resolves once connected; rejects with the server's reason when the handshake is refused.
 */
export function connect(url: string, visitor: Visitor | null, opts: { reconnection?: boolean } = {}): Promise<ClientSocket> {
  const socket: ClientSocket = connectSocket(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: opts.reconnection ?? false,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    extraHeaders: visitor?.cookie ? { cookie: visitor.cookie } : {},
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

export function emitWithAck<T>(socket: ClientSocket, event: 'conversation:join' | 'message:send', input: object): Promise<Result<T>> {
  return new Promise((resolve) => (socket.emit as (e: string, i: object, ack: (r: Result<T>) => void) => void)(event, input, resolve));
}

export async function join(socket: ClientSocket, conversationId: string, afterSeq = 0): Promise<JoinResult> {
  const r = await emitWithAck<JoinResult>(socket, 'conversation:join', { conversationId, afterSeq });
  if (!r.ok) throw new Error(`join failed: ${r.error.code} ${r.error.message}`);
  return r.data;
}

let counter = 0;
export const clientId = () => `test-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export async function send(socket: ClientSocket, conversationId: string, body: string, id = clientId()): Promise<Result<SentMessage>> {
  return emitWithAck<SentMessage>(socket, 'message:send', { conversationId, clientId: id, body });
}

export async function sent(socket: ClientSocket, conversationId: string, body: string, id = clientId()): Promise<SentMessage> {
  const r = await send(socket, conversationId, body, id);
  if (!r.ok) throw new Error(`send failed: ${r.error.code} ${r.error.message}`);
  return r.data;
}

/** Opens the group's room over HTTP and reads its guidelines, as the room page does. */
export async function enterRoom(v: Visitor, slug = 'depression-support'): Promise<RoomView> {
  const res = await v.get(`/api/v1/groups/${slug}/room`);
  if (res.statusCode !== 200) throw new Error(`room failed: ${res.statusCode} ${res.body}`);
  const view = res.json() as RoomView;
  const seen = await v.post(`/api/v1/conversations/${view.room.id}/guidelines/seen`);
  if (seen.statusCode !== 200) throw new Error(`guidelines failed: ${seen.statusCode} ${seen.body}`);
  return view;
}

/** Collects every event of one name a socket receives. */
export function collect<E extends keyof ServerToClientEvents>(socket: ClientSocket, event: E): Parameters<ServerToClientEvents[E]>[0][] {
  const seen: Parameters<ServerToClientEvents[E]>[0][] = [];
  (socket.on as (e: string, h: (x: unknown) => void) => void)(event, (x) => void seen.push(x as Parameters<ServerToClientEvents[E]>[0]));
  return seen;
}

/** Waits until `check` holds, polling; fails with `what` after a few seconds. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Gives events that should NOT arrive a fair chance to arrive. */
export const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));
