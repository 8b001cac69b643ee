// Real-time benchmark (issue: messaging core): N Socket.IO clients (WebSocket transport) in
// one group room, a few of them sending M messages per second, every message stored and
// safety-assessed. Measures delivered messages per second, send→receipt latency across all
// clients (p50/p99), losses (every client should receive every acknowledged message) and the
// server's resident memory (VmRSS). Scenarios:
//   a) one node, SQLite: BENCH_CLIENTS (1,000) clients at BENCH_RATE (50) messages/s;
//   b) one node, SQLite: BENCH_IDLE_CLIENTS (5,000) clients connected and joined, then 5 messages/s;
//   c) the same as (a) against a bare Socket.IO broadcast server (no database, no assessment): the ceiling;
//   d) two nodes, PostgreSQL + Redis: clients split across the nodes, as (a).
//   npm run bench:realtime   (BENCH_CLIENTS, BENCH_RATE, BENCH_SECONDS, BENCH_IDLE_CLIENTS, BENCH_SCENARIOS=a,b,c,d)
// The clients run in worker threads of this process, on the same 2 cores as the server(s).
// Traffic goes only to 127.0.0.1; every run is bounded in time.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { io as connectSocket, type Socket } from 'socket.io-client';
import type { Database } from '../src/server/platform/db/dialect/index.js';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000);
const RATE = Number(process.env.BENCH_RATE ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const IDLE_CLIENTS = Number(process.env.BENCH_IDLE_CLIENTS ?? 5000);
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? 'a,b,c,d').split(',');
const SENDERS = 10;
const WORKERS = 2;
/** After the last send, how long every client has to receive everything: what has not arrived by then counts as lost. */
const DRAIN_MS = 10_000;
const root = path.resolve(import.meta.dirname, '..');

// ---------------------------------------------------------------- the clients (worker threads)

interface ClientSpec {
  cookie: string;
  url: string;
  /** Which node the client is on, to tell cross-node deliveries apart. */
  node: number;
  /** Index among the senders, or -1 for a client that only receives. */
  sender: number;
}
interface WorkerInput {
  clients: ClientSpec[];
  conversationId: string;
  perSender: number;
  /** Milliseconds between one sender's messages. */
  everyMs: number;
  totalMessages: number;
}
type ToWorker = { type: 'go'; startAt: number } | { type: 'report' } | { type: 'close' };
interface WorkerReport {
  latencies: Float64Array;
  crossLatencies: Float64Array;
  /** Receipts per message index, over this worker's clients. */
  receipts: Uint32Array;
  duplicates: number;
  acked: number[];
  sendErrors: string[];
}

const now = () => performance.timeOrigin + performance.now();

async function runWorker(input: WorkerInput): Promise<void> {
  const port = parentPort!;
  const sockets: Socket[] = [];
  const latencies: number[] = [];
  const crossLatencies: number[] = [];
  const receipts = new Uint32Array(input.totalMessages);
  const seen = input.clients.map(() => new Uint8Array(input.totalMessages));
  let duplicates = 0;
  const acked: number[] = [];
  const sendErrors: string[] = [];
  let failures = 0;

  const open = async (spec: ClientSpec, i: number): Promise<void> => {
    const socket = connectSocket(spec.url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie: spec.cookie }, timeout: 60_000 });
    sockets[i] = socket;
    socket.on('message:new', (m: { body: string }) => {
      const at = now();
      const [, origin, index, sentAt] = m.body.split(' ');
      const k = Number(index);
      if (!(k >= 0 && k < input.totalMessages)) return;
      if (seen[i]![k]) duplicates += 1;
      else {
        seen[i]![k] = 1;
        receipts[k]! += 1;
      }
      const ms = at - Number(sentAt);
      latencies.push(ms);
      if (Number(origin) !== spec.node) crossLatencies.push(ms);
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const joined = await socket.timeout(60_000).emitWithAck('conversation:join', { conversationId: input.conversationId, afterSeq: 1_000_000_000 });
    if (!joined.ok) throw new Error(`join refused: ${JSON.stringify(joined.error)}`);
  };

  // A few at a time, as people arrive; not all at once.
  let next = 0;
  await Promise.all(
    Array.from({ length: 25 }, async () => {
      while (next < input.clients.length) {
        const i = next++;
        await open(input.clients[i]!, i).catch(() => void (failures += 1));
      }
    }),
  );
  port.postMessage({ type: 'ready', failures });

  port.on('message', (msg: ToWorker) => {
    if (msg.type === 'go') {
      input.clients.forEach((spec, i) => {
        if (spec.sender < 0) return;
        for (let n = 0; n < input.perSender; n++) {
          const k = spec.sender * input.perSender + n;
          if (k >= input.totalMessages) break;
          const delay = msg.startAt + (spec.sender * input.everyMs) / SENDERS + n * input.everyMs - now();
          setTimeout(() => {
            const socket = sockets[i]!;
            socket
              .timeout(30_000)
              .emitWithAck('message:send', { conversationId: input.conversationId, clientId: `bench-${k}-${randomBytes(4).toString('hex')}`, body: `bench ${spec.node} ${k} ${now()}` })
              .then((r: { ok: boolean; error?: { code: string } }) => (r.ok ? acked.push(k) : sendErrors.push(r.error?.code ?? 'unknown')))
              .catch(() => sendErrors.push('no answer in 30 s'));
          }, Math.max(0, delay));
        }
      });
    } else if (msg.type === 'report') {
      const report: WorkerReport = { latencies: Float64Array.from(latencies), crossLatencies: Float64Array.from(crossLatencies), receipts, duplicates, acked, sendErrors };
      port.postMessage({ type: 'report', report }, [report.latencies.buffer as ArrayBuffer, report.crossLatencies.buffer as ArrayBuffer]);
    } else if (msg.type === 'close') {
      for (const s of sockets) s?.close();
      port.close();
    }
  });
}

if (!isMainThread) await runWorker(workerData as WorkerInput);

// ---------------------------------------------------------------- the servers

function vmRssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : 0;
  } catch {
    return 0;
  }
}

interface Server {
  url: string;
  child: ChildProcess;
  peakRss: number;
  sample(): void;
  stop(): Promise<void>;
}

async function startServer(args: string[], env: Record<string, string>, port: number, readyPath: string): Promise<Server> {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(url + readyPath)).ok) break;
    } catch {
      // not up yet
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${args.join(' ')} did not start`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const server: Server = {
    url,
    child,
    peakRss: 0,
    sample: () => void (server.peakRss = Math.max(server.peakRss, vmRssMb(child.pid!))),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
  return server;
}

/** The ceiling: Socket.IO broadcasting to one room, no session, no database, no assessment. */
const CEILING = `
import { createServer } from 'node:http';
import { Server } from 'socket.io';
const http = createServer((req, res) => { res.writeHead(200); res.end('ok'); });
const io = new Server(http, { serveClient: false, transports: ['websocket'] });
let seq = 0;
io.on('connection', (socket) => {
  socket.on('conversation:join', ({ conversationId }, ack) => { socket.join(conversationId); ack({ ok: true, data: { messages: [], more: false } }); });
  socket.on('message:send', ({ conversationId, clientId, body }, ack) => {
    const message = { id: String(++seq), conversationId, seq, clientId, body, createdAt: Date.now() };
    io.to(conversationId).emit('message:new', message);
    ack({ ok: true, data: { message } });
  });
});
http.listen(Number(process.argv[1]), '127.0.0.1');
process.on('SIGTERM', () => { io.close(); process.exit(0); });
`;

// ---------------------------------------------------------------- members, made in the database

interface Room {
  conversationId: string;
  cookies: string[];
}

/**
 * One member signs up, joins the depression-support group and opens its room through the
 * API, as anyone would. The other members are copies made directly in the database (the
 * same rows sign-up, joining and reading the guidelines would write, with the first member's
 * passphrase hash and a session each), because 5,000 sign-ups would spend minutes in argon2.
 */
async function seedRoom(base: string, database: Database, count: number): Promise<Room> {
  const { ulid } = await import('../src/server/platform/ids.js');
  const { newSessionToken } = await import('../src/server/modules/accounts/secrets.js');
  const post = (pathname: string, body: unknown, headers: Record<string, string> = {}, method = 'POST') =>
    fetch(base + pathname, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const signUp = await post('/api/v1/accounts', { handle: 'BenchHostMember', passphrase: 'lantern orchard pebble', acceptGuidelines: true });
  if (signUp.status !== 201) throw new Error(`sign-up failed: ${signUp.status} ${await signUp.text()}`);
  const { csrfToken } = (await signUp.json()) as { csrfToken: string };
  const cookie = (signUp.headers.get('set-cookie') ?? '').split(';')[0]!;
  const auth = { cookie, 'x-csrf-token': csrfToken };
  await fetch(`${base}/api/v1/groups/depression-support/membership`, { method: 'PUT', headers: auth });
  const view = (await (await fetch(`${base}/api/v1/groups/depression-support/room`, { headers: { cookie } })).json()) as { room: { id: string; group: unknown } };
  const conversationId = view.room.id;
  await post(`/api/v1/conversations/${conversationId}/guidelines/seen`, {}, auth);

  const { db } = database;
  const first = await db.selectFrom('members').select(['id', 'passphrase_hash']).where('handle_key', '=', 'benchhostmember').executeTakeFirstOrThrow();
  const group = await db.selectFrom('groups').select('id').where('slug', '=', 'depression-support').executeTakeFirstOrThrow();
  const cookies = [cookie];
  const t = Date.now();
  for (let start = 1; start < count; start += 500) {
    const batch = Array.from({ length: Math.min(500, count - start) }, (_, j) => {
      const id = ulid(t + start + j);
      const session = newSessionToken();
      cookies.push(`${cookie.split('=')[0]}=${session.token}`);
      return { id, handle: `BenchMember${start + j}`, session };
    });
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('members')
        .values(batch.map((m) => ({ id: m.id, handle: m.handle, handle_key: m.handle.toLowerCase(), passphrase_hash: first.passphrase_hash, recovery_code_hash: null, country: null, language: 'en', deleted_at: null, suspended_until: null, created_at: t, updated_at: t })))
        .execute();
      await trx
        .insertInto('sessions')
        .values(batch.map((m) => ({ id: m.session.id, member_id: m.id, csrf_token: m.session.csrfToken, created_at: t, last_used_at: t, expires_at: t + 86_400_000 })))
        .execute();
      await trx.insertInto('group_members').values(batch.map((m) => ({ group_id: group.id, member_id: m.id, joined_at: t }))).execute();
      await trx
        .insertInto('conversation_participants')
        .values(batch.map((m) => ({ conversation_id: conversationId, member_id: m.id, role: 'participant', guidelines_seen_at: t, muted_until: null, last_sent_at: null, joined_at: t })))
        .execute();
    });
  }
  await db.updateTable('groups').set({ member_count: count }).where('id', '=', group.id).execute();
  return { conversationId, cookies };
}

// ---------------------------------------------------------------- one measured run

interface Outcome {
  scenario: string;
  clients: number;
  connectFailures: number;
  offeredRate: number;
  acked: number;
  sendErrors: number;
  delivered: number;
  deliveredPerSecond: number;
  lost: number;
  duplicates: number;
  p50: number;
  p99: number;
  crossP50: number | null;
  crossP99: number | null;
  rssIdle: number;
  rssPeak: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measure(scenario: string, servers: Server[], room: { conversationId: string; cookies: string[] }, opts: { clients: number; rate: number; seconds: number }): Promise<Outcome> {
  const totalMessages = Math.round(opts.rate * opts.seconds);
  const perSender = Math.ceil(totalMessages / SENDERS);
  const everyMs = 1000 / (opts.rate / SENDERS);
  // Client i goes to node i mod nodes; senders are spread over the nodes and the workers.
  const specs: ClientSpec[] = Array.from({ length: opts.clients }, (_, i) => ({
    cookie: room.cookies[i % room.cookies.length]!,
    url: servers[i % servers.length]!.url,
    node: i % servers.length,
    sender: i < SENDERS ? i : -1,
  }));
  const workers = Array.from({ length: WORKERS }, (_, w) => {
    const input: WorkerInput = { clients: specs.filter((_, i) => i % WORKERS === w), conversationId: room.conversationId, perSender, everyMs, totalMessages };
    // The clients' half of this file, loaded through tsx as the main thread is (Node 20 workers do not inherit its loader).
    const entry = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    return new Worker(entry, { eval: true, workerData: input });
  });
  const next = (w: Worker) => new Promise<{ type: string; failures?: number; report?: WorkerReport }>((resolve, reject) => {
    w.once('message', resolve);
    w.once('error', reject);
  });
  const sampler = setInterval(() => servers.forEach((s) => s.sample()), 250);
  const connectedAt = Date.now();
  const ready = await Promise.all(workers.map(next));
  const connectFailures = ready.reduce((n, r) => n + (r.failures ?? 0), 0);
  console.error(`[bench] ${scenario}: ${opts.clients - connectFailures} clients connected and joined in ${((Date.now() - connectedAt) / 1000).toFixed(1)} s`);
  await new Promise((r) => setTimeout(r, 2000));
  const rssIdle = servers.reduce((n, s) => n + vmRssMb(s.child.pid!), 0);
  for (const s of servers) s.peakRss = 0;
  const startAt = now() + 500;
  for (const w of workers) w.postMessage({ type: 'go', startAt } satisfies ToWorker);
  await new Promise((r) => setTimeout(r, 500 + opts.seconds * 1000 + DRAIN_MS));
  const reports = await Promise.all(
    workers.map(async (w) => {
      const reply = next(w);
      w.postMessage({ type: 'report' } satisfies ToWorker);
      return (await reply).report!;
    }),
  );
  clearInterval(sampler);
  for (const w of workers) w.postMessage({ type: 'close' } satisfies ToWorker);
  await Promise.all(workers.map((w) => new Promise((r) => w.once('exit', r))));

  const connected = opts.clients - connectFailures;
  const acked = reports.flatMap((r) => r.acked);
  const receipts = new Uint32Array(totalMessages);
  for (const r of reports) r.receipts.forEach((n, k) => (receipts[k]! += n));
  const lost = acked.reduce((n, k) => n + Math.max(0, connected - receipts[k]!), 0);
  const delivered = receipts.reduce((n, x) => n + x, 0);
  const join = (key: 'latencies' | 'crossLatencies') => {
    const all = new Float64Array(reports.reduce((n, r) => n + r[key].length, 0));
    let o = 0;
    for (const r of reports) {
      all.set(r[key], o);
      o += r[key].length;
    }
    return all.sort();
  };
  const lat = join('latencies');
  const cross = join('crossLatencies');
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    scenario,
    clients: opts.clients,
    connectFailures,
    offeredRate: opts.rate,
    acked: acked.length,
    sendErrors: reports.reduce((n, r) => n + r.sendErrors.length, 0),
    delivered,
    deliveredPerSecond: Math.round(delivered / opts.seconds),
    lost,
    duplicates: reports.reduce((n, r) => n + r.duplicates, 0),
    p50: round(percentile(lat, 50)),
    p99: round(percentile(lat, 99)),
    crossP50: cross.length ? round(percentile(cross, 50)) : null,
    crossP99: cross.length ? round(percentile(cross, 99)) : null,
    rssIdle,
    rssPeak: servers.reduce((n, s) => n + s.peakRss, 0),
  };
}

// ---------------------------------------------------------------- the scenarios

const kindredEnv = { LOG_LEVEL: 'warn', NODE_ENV: 'production', COOKIE_SECURE: 'false', MESSAGES_PER_MINUTE: '1000000', SIGNUP_LIMIT_PER_HOUR: '1000', SEED_DEFAULT_GROUPS: 'true' };

async function kindredScenario(label: string, dialect: 'sqlite' | 'postgres', nodes: number, members: number, runs: { scenario: string; clients: number; rate: number; seconds: number }[]): Promise<Outcome[]> {
  const { benchDatabase } = await import('./common.js');
  const { migrateDatabase } = await import('../src/server/platform/db/migrations/index.js');
  const { env, database, cleanup } = await benchDatabase(dialect, `bench-realtime-${label}`);
  await migrateDatabase(database);
  const redisEnv: Record<string, string> = nodes > 1 ? { REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' } : {};
  const servers: Server[] = [];
  try {
    for (let n = 0; n < nodes; n++) {
      const port = 3995 + n;
      servers.push(await startServer(['dist/server/main.js'], { ...kindredEnv, ...env, ...redisEnv, PORT: String(port) }, port, '/readyz'));
    }
    const seededAt = Date.now();
    const room = await seedRoom(servers[0]!.url, database, members);
    console.error(`[bench] ${label}: ${members} members in the room in ${((Date.now() - seededAt) / 1000).toFixed(1)} s (${dialect}${nodes > 1 ? `, ${nodes} nodes, Redis` : ''}; one signed up through the API, the rest written to the database)`);
    const outcomes: Outcome[] = [];
    for (const run of runs) outcomes.push(await measure(run.scenario, servers, room, run));
    return outcomes;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await database.db.destroy();
    await cleanup();
  }
}

async function ceilingScenario(): Promise<Outcome> {
  const port = 3994;
  const server = await startServer(['--input-type=module', '-e', CEILING, String(port)], {}, port, '/');
  try {
    return await measure('c) ceiling: bare Socket.IO broadcast, no database, no assessment', [server], { conversationId: 'ceiling-room', cookies: [''] }, { clients: CLIENTS, rate: RATE, seconds: SECONDS });
  } finally {
    await server.stop();
  }
}

if (isMainThread) {
  const outcomes: Outcome[] = [];
  const busy = fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  if (SCENARIOS.includes('a')) {
    outcomes.push(...(await kindredScenario('one-node', 'sqlite', 1, CLIENTS, [{ scenario: 'a) Kindred, one node, SQLite', clients: CLIENTS, rate: RATE, seconds: SECONDS }])));
  }
  if (SCENARIOS.includes('c')) outcomes.push(await ceilingScenario());
  if (SCENARIOS.includes('b')) {
    outcomes.push(...(await kindredScenario('idle', 'sqlite', 1, IDLE_CLIENTS, [{ scenario: `b) Kindred, one node, SQLite: ${IDLE_CLIENTS.toLocaleString('en')} joined, 5 messages/s`, clients: IDLE_CLIENTS, rate: 5, seconds: Math.min(SECONDS, 10) }])));
  }
  if (SCENARIOS.includes('d')) {
    outcomes.push(...(await kindredScenario('two-nodes', 'postgres', 2, CLIENTS, [{ scenario: 'd) Kindred, two nodes, PostgreSQL + Redis', clients: CLIENTS, rate: RATE, seconds: SECONDS }])));
  }

  const ceiling = outcomes.find((o) => o.scenario.startsWith('c)'));
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const header =
    `## ${new Date().toISOString().slice(0, 10)} — real-time rooms — ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n\n` +
    `Socket.IO clients over WebSocket in one group room, ${SENDERS} of them sending; ${SECONDS} s of sending per scenario (at most 10 s for b), then ${DRAIN_MS / 1000} s to drain. ` +
    `Every message is stored and safety-assessed before it is acknowledged and pushed. The clients run in ${WORKERS} worker threads of the bench process, ` +
    `on the same 2 cores as the server(s) (and Redis and PostgreSQL), so the load generator takes CPU from the server. Load average ${busy} at the start.\n\n` +
    '| scenario | clients | offered msg/s | acked | delivered/s | % of ceiling | lost | dup | p50 ms | p99 ms | cross-node p50 / p99 ms | server RSS idle / peak MB |\n' +
    '|---|---|---|---|---|---|---|---|---|---|---|---|\n';
  const table = outcomes
    .map((o) => {
      const pct = ceiling && o.offeredRate === ceiling.offeredRate && o.clients === ceiling.clients ? `${Math.round((100 * o.deliveredPerSecond) / ceiling.deliveredPerSecond)} %` : '';
      const failed = o.connectFailures ? ` (${o.connectFailures} failed to connect)` : '';
      const errors = o.sendErrors ? ` (${o.sendErrors} send errors)` : '';
      return `| ${o.scenario} | ${o.clients}${failed} | ${o.offeredRate} | ${o.acked}${errors} | ${o.deliveredPerSecond} | ${pct} | ${o.lost} | ${o.duplicates} | ${o.p50} | ${o.p99} | ${o.crossP50 ?? '–'} / ${o.crossP99 ?? '–'} | ${o.rssIdle} / ${o.rssPeak} |`;
    })
    .join('\n');
  // The issue's targets, judged from this run's numbers.
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
  const targets: string[] = [];
  const a = outcomes.find((o) => o.scenario.startsWith('a)'));
  const b = outcomes.find((o) => o.scenario.startsWith('b)'));
  const d = outcomes.find((o) => o.scenario.startsWith('d)'));
  if (a) targets.push(`- a) p99 below 100 ms with nothing lost, ${a.clients} clients at ${a.offeredRate} msg/s: ${verdict(a.p99 < 100 && a.lost === 0 && a.connectFailures === 0 && a.sendErrors === 0)} (p99 ${a.p99} ms, ${a.lost} lost).`);
  if (b) targets.push(`- b) server RSS below 1 GB with ${b.clients - b.connectFailures} clients connected and joined: ${verdict(b.rssPeak < 1024 && b.connectFailures === 0)} (${b.rssIdle} MB idle, ${b.rssPeak} MB at most while messages flowed).`);
  if (a && ceiling) targets.push(`- c) Kindred delivered ${Math.round((100 * a.deliveredPerSecond) / ceiling.deliveredPerSecond)} % of the ceiling's messages per second at the same offered load (p99 ${a.p99} ms against ${ceiling.p99} ms).`);
  if (d) targets.push(`- d) cross-node p99 below 150 ms: ${verdict((d.crossP99 ?? Infinity) < 150 && d.lost === 0)} (cross-node p99 ${d.crossP99} ms, ${d.lost} lost).`);
  const section = `${header}${table}\n\n${targets.join('\n')}`;
  console.log(section);
  const { recordResults } = await import('./common.js');
  recordResults(section);
  process.exit(0);
}
