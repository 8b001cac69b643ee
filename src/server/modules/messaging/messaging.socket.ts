import { CONTENT_WARNINGS } from '../../../shared/forum-rules.js';
import { MESSAGE_MAX, socketRooms, type Ack, type SendMessageBody } from '../../../shared/messaging.js';
import type { EventBus } from '../../platform/events/bus.js';
import { AppError } from '../../platform/http/errors.js';
import { socketError, type KindredServer, type KindredSocket, type Realtime } from '../../platform/realtime/realtime.js';
import type { Limiter } from '../../platform/realtime/limits.js';
import type { BlocksService } from '../blocks/blocks.service.js';
import type { MessagingService, Viewer } from './messaging.service.js';

type Log = { error(obj: object, msg: string): void; warn(obj: object, msg: string): void };

const invalid = (message: string, field = '_') => new AppError('invalid_input', message, 400, { [field]: message });
const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 40 && !v.includes('\u0000');

/** Socket payloads are checked here as strictly as the HTTP schemas check bodies. */
function parseSend(input: unknown): { conversationId: string } & SendMessageBody {
  const i = (input ?? {}) as Record<string, unknown>;
  if (!isId(i.conversationId)) throw invalid('That conversation could not be found.', 'conversationId');
  if (typeof i.clientId !== 'string' || !/^[A-Za-z0-9_-]{8,64}$/.test(i.clientId)) throw invalid('That message id is not valid.', 'clientId');
  if (typeof i.body !== 'string' || !/\S/.test(i.body)) throw invalid('Please write something before sending.', 'body');
  // As over HTTP: a NUL character cannot be stored, and is never part of what a person wrote.
  if (i.body.includes('\u0000')) throw invalid('Your message contains a character Kindred cannot store. Please remove it and try again.', 'body');
  if ([...i.body].length > MESSAGE_MAX) throw invalid(`A message can be at most ${MESSAGE_MAX} characters.`, 'body');
  const cw = i.contentWarning;
  if (cw !== undefined && cw !== null && !(CONTENT_WARNINGS as readonly unknown[]).includes(cw)) throw invalid('Please choose a content warning from the list.', 'contentWarning');
  return { conversationId: i.conversationId, clientId: i.clientId, body: i.body, contentWarning: (cw ?? null) as SendMessageBody['contentWarning'] };
}

/** Runs a request that has an acknowledgement, answering with data or a kind error, whatever happens. */
function answer<T>(ack: unknown, log: Log, work: () => Promise<T>): void {
  const reply = (typeof ack === 'function' ? ack : () => undefined) as Ack<T>;
  work().then(
    (data) => reply({ ok: true, data }),
    (err: unknown) => reply({ ok: false, error: socketError(err, log) }),
  );
}

type Audience = ReturnType<KindredServer['to']>;

/**
 * Who hears what `authorId` says or does in a conversation: no socket of someone who blocked the
 * author, nor of someone the author blocked, except that the conversation's hosts still hear
 * members who blocked them (a block must not hide anything from whoever looks after the room;
 * history reads the same way). Two broadcasts no socket is in both of — the hosts, and everyone
 * else — so it works through the adapter on every node. `hostsOnly`: what only hosts may hear;
 * `skip`: rooms left out of both (the author's own, when they get a copy of their own).
 */
function audiences(to: (room: string) => Audience, conversationId: string, authorId: string, opts: { hostsOnly?: boolean; skip?: string[] } = {}): Audience[] {
  const hosts = socketRooms.hosts(conversationId);
  const skip = [socketRooms.hiding(authorId), ...(opts.skip ?? [])];
  const toHosts = to(hosts).except(skip);
  if (opts.hostsOnly) return [toHosts];
  return [to(socketRooms.conversation(conversationId)).except([...skip, socketRooms.blockedBy(authorId), hosts]), toHosts];
}

/**
 * Live conversations over Socket.IO: joining (with catch-up from the last message seen),
 * sending, typing and presence; and the pushes that follow committed changes, through the
 * adapter, to every node.
 */
export function messagingSocket(deps: { realtime: Realtime; messaging: MessagingService; blocks: Pick<BlocksService, 'blocksOf'>; bus: EventBus; typingLimiter: Limiter; log: Log }): void {
  const { realtime, messaging, blocks, bus, log } = deps;
  const { io, presence } = realtime;
  const pending = new Map<string, NodeJS.Timeout>();

  /** "N here now", sent at most once a second per conversation however many come and go. */
  function presenceChanged(conversationId: string): void {
    if (pending.has(conversationId)) return;
    const timer = setTimeout(() => {
      pending.delete(conversationId);
      presence.count(conversationId).then(
        (hereNow) => io.to(socketRooms.conversation(conversationId)).emit('presence', { conversationId, hereNow }),
        (err: unknown) => log.warn({ err }, 'presence could not be counted'),
      );
    }, 1000);
    timer.unref();
    pending.set(conversationId, timer);
  }

  // What members this one blocked say never reaches this socket, nor (unless it hosts) what members who blocked this one say.
  realtime.roomsOnConnect(async (member) => {
    const { blocked, blockedBy } = await blocks.blocksOf(member.id);
    return [...blocked.map(socketRooms.hiding), ...blockedBy.map(socketRooms.blockedBy)];
  });

  realtime.onConnection((socket: KindredSocket) => {
    // With the session it opened with: every join and send checks that session is still live.
    const member: Viewer = { ...socket.data.member, sessionId: socket.data.sessionId };
    const joined = new Set<string>();

    socket.on('conversation:join', (input, ack) =>
      answer(ack, log, async () => {
        const conversationId = (input as { conversationId?: unknown })?.conversationId;
        const afterSeq = Number((input as { afterSeq?: unknown })?.afterSeq ?? 0);
        if (!isId(conversationId)) throw invalid('That conversation could not be found.', 'conversationId');
        if (!Number.isSafeInteger(afterSeq) || afterSeq < 0) throw invalid('That place in the conversation is not valid.', 'afterSeq');
        // Subscribe first, then read: a message committed in between is pushed, read, or both (the client dedupes), never neither.
        const { isHost } = await messaging.access(member, conversationId);
        // A socket that went while the database answered must not be left in rooms or counted as here.
        if (socket.disconnected) throw new AppError('disconnected', 'The connection closed.', 409);
        await socket.join([socketRooms.conversation(conversationId), ...(isHost ? [socketRooms.hosts(conversationId)] : [])]);
        const result = await messaging.join(member, conversationId, afterSeq);
        if (socket.disconnected) throw new AppError('disconnected', 'The connection closed.', 409);
        if (!joined.has(conversationId)) {
          joined.add(conversationId);
          await presence.enter(conversationId, member.id, socket.id);
          presenceChanged(conversationId);
        }
        const { isHost: _host, ...rest } = result;
        return { ...rest, hereNow: await presence.count(conversationId) };
      }),
    );

    socket.on('conversation:leave', (input) => {
      const conversationId = (input as { conversationId?: unknown })?.conversationId;
      if (!isId(conversationId) || !joined.has(conversationId)) return;
      joined.delete(conversationId);
      void socket.leave(socketRooms.conversation(conversationId));
      void socket.leave(socketRooms.hosts(conversationId));
      presence.leave(conversationId, member.id, socket.id).then(() => presenceChanged(conversationId), () => undefined);
    });

    socket.on('message:send', (input, ack) =>
      answer(ack, log, async () => {
        const { conversationId, ...body } = parseSend(input);
        return messaging.send(member, conversationId, body);
      }),
    );

    socket.on('typing', (input) => {
      const conversationId = (input as { conversationId?: unknown })?.conversationId;
      if (!isId(conversationId) || !joined.has(conversationId)) return;
      const typing = (input as { typing?: unknown }).typing === true;
      deps.typingLimiter.consume(member.id).then(
        () => {
          for (const audience of audiences((room) => socket.to(room), conversationId, member.id)) audience.emit('typing', { conversationId, handle: member.handle, typing });
        },
        () => undefined,
      );
    });

    socket.on('conversation:read', (input) => {
      const conversationId = (input as { conversationId?: unknown })?.conversationId;
      const seq = Number((input as { seq?: unknown })?.seq);
      if (!isId(conversationId) || !joined.has(conversationId) || !Number.isSafeInteger(seq) || seq < 0) return;
      messaging.markRead(member, conversationId, seq).catch((err: unknown) => log.warn({ err }, 'a read marker was not saved'));
    });

    socket.on('disconnect', () => {
      for (const conversationId of joined) {
        presence.leave(conversationId, member.id, socket.id).then(() => presenceChanged(conversationId), () => undefined);
      }
      joined.clear();
    });
  });

  // --- pushes, after commit ---
  bus.on('message.created', async ({ message, authorId, held, hostsSeeHeld, risk }) => {
    if (risk) {
      io.to(socketRooms.hosts(message.conversationId)).emit('message:risk', {
        conversationId: message.conversationId,
        messageId: message.id,
        level: risk.level as 'ideation' | 'plan' | 'imminent',
        urgent: risk.urgent,
        author: { id: authorId, handle: message.author.handle ?? '' },
      });
    }
    if (held) {
      // Only its author and the room's hosts see a held message (in a private chat, only its author).
      const audience = io.to(socketRooms.member(authorId));
      (hostsSeeHeld ? audience.to(socketRooms.hosts(message.conversationId)) : audience).emit('message:new', message);
      return;
    }
    for (const audience of audiences((room) => io.to(room), message.conversationId, authorId)) audience.emit('message:new', message);
  });

  bus.on('message.updated', async ({ message, authorId, reasonForAuthor, onlyAuthorAndHosts }) => {
    for (const audience of audiences((room) => io.to(room), message.conversationId, authorId, { hostsOnly: onlyAuthorAndHosts, skip: [socketRooms.member(authorId)] })) {
      audience.emit('message:updated', message);
    }
    io.to(socketRooms.member(authorId)).emit('message:updated', { ...message, removedReason: reasonForAuthor });
  });

  bus.on('conversation.updated', async ({ room }) => {
    io.to(socketRooms.conversation(room.id)).emit('conversation:updated', room);
  });

  bus.on('participant.updated', async ({ conversationId, memberId, me }) => {
    io.to(socketRooms.member(memberId)).emit('participant:updated', { conversationId, me });
  });

  // Both members' sockets, on every node (through the adapter): each stops hearing the other.
  bus.on('member.blocked', async ({ blockerId, blockedId }) => {
    io.in(socketRooms.member(blockerId)).socketsJoin(socketRooms.hiding(blockedId));
    io.in(socketRooms.member(blockedId)).socketsJoin(socketRooms.blockedBy(blockerId));
  });

  bus.on('member.access_changed', async ({ memberId }) => realtime.disconnectMember(memberId));
  bus.on('session.ended', async ({ sessionId }) => realtime.disconnectSession(sessionId));

  // A block the other way, if there is one, keeps its own rooms (x:<blocker>, y:<blocked>).
  bus.on('member.unblocked', async ({ blockerId, blockedId }) => {
    io.in(socketRooms.member(blockerId)).socketsLeave(socketRooms.hiding(blockedId));
    io.in(socketRooms.member(blockedId)).socketsLeave(socketRooms.blockedBy(blockerId));
  });
}
