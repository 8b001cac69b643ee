import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ChatMessage, JoinResult, SentMessage } from '../shared/messaging.js';
import { eventually, type ClientSocket, type Result } from './test/realtime-fixtures.js';
import { HttpMember, startNode, throwawayPostgres, type KindredNode } from './test/server-process.js';
import { startTcpBalancer, type TcpBalancer } from './test/tcp-balancer.js';

/**
 * The multi-node proof: two real Kindred processes on two ports, one PostgreSQL database and
 * one Redis. Skipped only when PostgreSQL or Redis does not answer outside CI; in CI the
 * global setup fails the run instead.
 */

/** How long a client waits with a seq missing before asking for what came between (the web client waits 1.5 s). */
const GAP_WAIT_MS = 400;

/**
 * One client's view of the room, kept the way a careful client keeps it: messages in seq
 * order with no gaps; one that arrives ahead of its turn waits until the ones before it are
 * in; each (re)connection joins from the last message in that unbroken order; a gap that
 * does not fill itself is asked for again. It also counts what the server did wrong.
 */
class RoomReader {
  readonly timeline: ChatMessage[] = [];
  private readonly ahead = new Map<number, ChatMessage>();
  private pushedOnThisConnection = new Set<string>();
  private gapTimer: NodeJS.Timeout | null = null;
  /** The same message pushed twice on one connection. */
  livePushedTwice: string[] = [];
  /** Catch-up answers that were out of order or reached back before `afterSeq`. */
  badCatchUps: string[] = [];
  /** Messages this client first learned of from a catch-up (after a reconnection, or to fill a gap). */
  learnedFromCatchUp = 0;
  /** Connections this client has had: the first, then each reconnection. */
  connections = 1;

  constructor(
    readonly name: string,
    readonly socket: ClientSocket,
    private readonly conversationId: string,
  ) {
    socket.on('message:new', (m) => {
      if (m.conversationId !== conversationId) return;
      if (this.pushedOnThisConnection.has(m.id)) this.livePushedTwice.push(`${name}: seq ${m.seq}`);
      this.pushedOnThisConnection.add(m.id);
      this.add(m, 'live');
    });
    socket.on('connect', () => {
      this.connections += 1;
      this.pushedOnThisConnection = new Set();
      void this.join();
    });
  }

  get lastSeq(): number {
    return this.timeline.at(-1)?.seq ?? 0;
  }

  /** Joins (again) from the last message held in unbroken order, and takes in what was missed. */
  async join(): Promise<void> {
    for (;;) {
      const afterSeq = this.lastSeq;
      const r = await new Promise<Result<JoinResult> | null>((resolve) => {
        this.socket.timeout(3000).emit('conversation:join', { conversationId: this.conversationId, afterSeq }, (err: Error | null, res: Result<JoinResult>) => resolve(err ? null : res));
      });
      if (!r?.ok) return; // the connection dropped again: the next 'connect' joins anew
      const seqs = r.data.messages.map((m) => m.seq);
      if (seqs.some((s, i) => s <= afterSeq || (i > 0 && s <= seqs[i - 1]!))) this.badCatchUps.push(`${this.name}: after ${afterSeq} got ${seqs.join(',')}`);
      for (const m of r.data.messages) this.add(m, 'catch-up');
      if (!r.data.more) return;
    }
  }

  private add(m: ChatMessage, via: 'live' | 'catch-up'): void {
    if (m.seq <= this.lastSeq || this.ahead.has(m.seq)) return;
    if (via === 'catch-up') this.learnedFromCatchUp += 1;
    this.ahead.set(m.seq, m);
    for (let next = this.ahead.get(this.lastSeq + 1); next; next = this.ahead.get(this.lastSeq + 1)) {
      this.ahead.delete(next.seq);
      this.timeline.push(next);
    }
    if (this.ahead.size > 0 && !this.gapTimer) {
      this.gapTimer = setTimeout(() => {
        this.gapTimer = null;
        if (this.ahead.size > 0 && this.socket.connected) void this.join();
      }, GAP_WAIT_MS);
    }
  }

  has(id: string): boolean {
    return this.timeline.some((m) => m.id === id);
  }
}

/**
 * Sends under one client id until the server acknowledges it, as the web client does: only
 * while connected, and again after a reconnection when the connection dropped before the
 * answer came (a retry never makes a second message).
 */
async function sendUntilAcked(socket: ClientSocket, conversationId: string, clientId: string, body: string, giveUpAt: number): Promise<SentMessage> {
  for (;;) {
    while (!socket.connected) {
      if (Date.now() > giveUpAt) throw new Error(`${clientId}: the client never reconnected`);
      await new Promise((res) => setTimeout(res, 50));
    }
    const r = await new Promise<Result<SentMessage> | null>((resolve) => {
      const dropped = () => resolve(null);
      socket.once('disconnect', dropped);
      socket.timeout(5000).emit('message:send', { conversationId, clientId, body }, (err: Error | null, res: Result<SentMessage>) => {
        socket.off('disconnect', dropped);
        resolve(err ? null : res);
      });
    });
    if (r?.ok) return r.data;
    if (r && !r.ok) throw new Error(`send refused: ${r.error.code} ${r.error.message}`);
    if (Date.now() > giveUpAt) throw new Error(`${clientId} was never acknowledged`);
  }
}

const services = Boolean(inject('postgresUrl') && inject('redisUrl'));

describe.skipIf(!services)('two Kindred nodes through one PostgreSQL and one Redis (skipped only when they do not answer outside CI, where it fails instead)', () => {
  let database: { url: string; drop: () => Promise<void> };
  let nodeA: KindredNode;
  let nodeB: KindredNode;
  let toA: TcpBalancer;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    database = await throwawayPostgres('multinode');
    const env = { DATABASE_URL: database.url, REDIS_URL: inject('redisUrl')!, SIGNUP_LIMIT_PER_HOUR: '1000', MESSAGES_PER_MINUTE: '100000' };
    // Started together on a new database, as a deployment would: one migrates and seeds, the other waits for it.
    [nodeA, nodeB] = await Promise.all([startNode('A', env), startNode('B', env)]);
    // A's clients connect through this: to A while it lives, then to B.
    toA = await startTcpBalancer([nodeA.port, nodeB.port]);
  }, 60_000);

  afterAll(async () => {
    for (const s of sockets) s.close();
    await toA?.close();
    await Promise.all([nodeA?.stop('SIGKILL'), nodeB?.stop()]);
    await database?.drop();
  });

  it('delivers across nodes, and after node A is killed in a burst its clients get every acknowledged message once, in order', async () => {
    const conversationId = await new HttpMember(nodeA.url, 'harbour-lamp').enterRoom();
    // Two members on each node: one who writes and one who only reads.
    const people = { aliceOnA: new HttpMember(nodeA.url, 'quiet-harbour'), aylaOnA: new HttpMember(nodeA.url, 'gentle-fern'), brunoOnB: new HttpMember(nodeB.url, 'steady-oak'), beaOnB: new HttpMember(nodeB.url, 'slow-river') };
    for (const p of Object.values(people)) expect(await p.enterRoom()).toBe(conversationId);
    const connected = async (p: HttpMember, url: string, reconnection: boolean) => {
      const s = await p.connect(url, { reconnection });
      sockets.push(s);
      const reader = new RoomReader(p.handle, s, conversationId);
      await reader.join();
      return reader;
    };
    const alice = await connected(people.aliceOnA, toA.url, true);
    const ayla = await connected(people.aylaOnA, toA.url, true);
    const bruno = await connected(people.brunoOnB, nodeB.url, false);
    const bea = await connected(people.beaOnB, nodeB.url, false);
    expect(toA.routed.every((r) => r.backend === nodeA.port)).toBe(true);
    const readers = [alice, ayla, bruno, bea];
    const acked = new Map<string, ChatMessage>();
    const giveUpAt = Date.now() + 25_000;

    // A client on A sends; clients on B receive it (and the reverse).
    for (const [from, clientId] of [[alice, 'cross-a-to-b'], [bruno, 'cross-b-to-a']] as const) {
      const sentMessage = await sendUntilAcked(from.socket, conversationId, clientId, `made-up hello (${clientId})`, giveUpAt);
      acked.set(clientId, sentMessage.message);
      await eventually(() => readers.every((r) => r.has(sentMessage.message.id)), `${clientId} on both nodes`);
    }

    // A burst from a writer on each node; node A dies part-way through it.
    const PER_WRITER = 60;
    const EVERY_MS = 20;
    const kill: { exited: Promise<string> | null } = { exited: null };
    const burst = (writer: RoomReader, who: string) =>
      Promise.all(
        Array.from({ length: PER_WRITER }, async (_, i) => {
          await new Promise((r) => setTimeout(r, i * EVERY_MS));
          const clientId = `burst-${who}-${i}`;
          const sentMessage = await sendUntilAcked(writer.socket, conversationId, clientId, `made-up burst message ${i} from ${who}`, giveUpAt);
          acked.set(clientId, sentMessage.message);
          if (!kill.exited && acked.size >= 2 + PER_WRITER / 2) kill.exited = nodeA.stop('SIGKILL');
        }),
      );
    await Promise.all([burst(alice, 'alice'), burst(bruno, 'bruno')]);
    expect(kill.exited).not.toBeNull();
    expect(await kill.exited).toBe('SIGKILL');

    const ackedIds = [...acked.values()].map((m) => m.id);
    await eventually(() => readers.every((r) => ackedIds.every((id) => r.has(id))), 'every acknowledged message at every client', 10_000).catch((err: Error) => {
      const missing = readers.map((r) => `${r.name}: ${[...acked.values()].filter((m) => !r.has(m.id)).map((m) => m.seq).join(',')}`);
      throw new Error(`${err.message}\n  missing seqs: ${missing.join('\n  ')}`);
    });
    await new Promise((r) => setTimeout(r, GAP_WAIT_MS + 200));

    // What the database holds: each client id once (retries under the same id made nothing new), seqs 1..n.
    const c = new pg.Client({ connectionString: database.url });
    await c.connect();
    const { rows } = await c.query<{ id: string; seq: string; client_id: string; body: string; status: string }>(
      'select id, seq, client_id, body, status from messages where conversation_id = $1 order by seq',
      [conversationId],
    );
    await c.end();
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
    expect(new Set(rows.map((r) => r.client_id)).size).toBe(rows.length);
    expect(rows.length).toBe(2 + 2 * PER_WRITER);
    expect(rows.every((r) => r.status === 'published')).toBe(true);
    for (const m of acked.values()) expect(rows[m.seq - 1]).toMatchObject({ id: m.id, body: m.body });

    for (const r of readers) {
      // Exactly once and in seq order: the timeline is 1..n with no gap and no repeat, the same messages as the database.
      expect(r.timeline.map((m) => m.seq), r.name).toEqual(rows.map((_, i) => i + 1));
      expect(r.timeline.map((m) => m.id), r.name).toEqual(rows.map((row) => row.id));
      expect(r.livePushedTwice, r.name).toEqual([]);
      expect(r.badCatchUps, r.name).toEqual([]);
    }
    // A's clients really were cut off and came back through B, and catch-up gave them what they missed meanwhile.
    for (const r of [alice, ayla]) {
      expect(r.connections, r.name).toBeGreaterThanOrEqual(2);
      expect(r.learnedFromCatchUp, r.name).toBeGreaterThan(0);
    }
    expect(toA.routed.filter((x) => x.backend === nodeB.port).length).toBeGreaterThanOrEqual(2);
    // B's clients stayed connected throughout.
    for (const r of [bruno, bea]) expect(r.connections, r.name).toBe(1);
    expect((await fetch(`${nodeB.url}/readyz`)).status).toBe(200);
  }, 45_000);
});
