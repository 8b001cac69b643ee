import type { Redis } from 'ioredis';

/**
 * Who is in a conversation right now, counted as distinct members (a member with two tabs
 * is one person). In memory on one node; in Redis across nodes, where each entry carries an
 * expiry its node keeps refreshing, so a node that dies stops counting within a minute and
 * a half.
 */
export interface Presence {
  enter(conversationId: string, memberId: string, socketId: string): Promise<void>;
  leave(conversationId: string, memberId: string, socketId: string): Promise<void>;
  count(conversationId: string): Promise<number>;
  close(): void;
}

export function memoryPresence(): Presence {
  const rooms = new Map<string, Map<string, Set<string>>>();
  return {
    async enter(conversationId, memberId, socketId) {
      const room = rooms.get(conversationId) ?? new Map<string, Set<string>>();
      rooms.set(conversationId, room);
      const sockets = room.get(memberId) ?? new Set<string>();
      room.set(memberId, sockets);
      sockets.add(socketId);
    },
    async leave(conversationId, memberId, socketId) {
      const room = rooms.get(conversationId);
      const sockets = room?.get(memberId);
      if (!room || !sockets) return;
      sockets.delete(socketId);
      if (sockets.size === 0) room.delete(memberId);
      if (room.size === 0) rooms.delete(conversationId);
    },
    async count(conversationId) {
      return rooms.get(conversationId)?.size ?? 0;
    },
    close() {
      rooms.clear();
    },
  };
}

const TTL_MS = 90_000;
const REFRESH_MS = 30_000;
const key = (conversationId: string) => `kindred:presence:${conversationId}`;

export function redisPresence(redis: Redis, now: () => number = Date.now): Presence {
  // This node's own entries, re-stamped every REFRESH_MS so they outlive TTL_MS only while the node lives.
  const mine = new Map<string, Set<string>>();
  const timer = setInterval(() => {
    if (mine.size === 0) return;
    const expiry = now() + TTL_MS;
    const pipeline = redis.pipeline();
    for (const [conversationId, entries] of mine) {
      for (const entry of entries) pipeline.zadd(key(conversationId), expiry, entry);
      pipeline.pexpire(key(conversationId), TTL_MS);
    }
    pipeline.exec().catch(() => undefined);
  }, REFRESH_MS);
  timer.unref();

  return {
    async enter(conversationId, memberId, socketId) {
      const entry = `${memberId}|${socketId}`;
      const set = mine.get(conversationId) ?? new Set<string>();
      mine.set(conversationId, set);
      set.add(entry);
      await redis.multi().zadd(key(conversationId), now() + TTL_MS, entry).pexpire(key(conversationId), TTL_MS).exec();
    },
    async leave(conversationId, memberId, socketId) {
      const entry = `${memberId}|${socketId}`;
      const set = mine.get(conversationId);
      set?.delete(entry);
      if (set?.size === 0) mine.delete(conversationId);
      await redis.zrem(key(conversationId), entry);
    },
    async count(conversationId) {
      const k = key(conversationId);
      const [, live] = (await redis.multi().zremrangebyscore(k, '-inf', now()).zrange(k, 0, -1).exec()) ?? [];
      const entries = (live?.[1] as string[] | undefined) ?? [];
      return new Set(entries.map((e) => e.slice(0, e.indexOf('|')))).size;
    },
    close() {
      clearInterval(timer);
      mine.clear();
    },
  };
}
