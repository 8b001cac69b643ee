// Forum benchmark (issue: group forums): a group feed page of 20 posts, a thread of 50
// replies, and creating replies, against a database of 100,000 posts and 1,000,000
// replies, on SQLite and PostgreSQL, beside a bare Fastify route (the ceiling) in the same
// run. Kindred and the ceiling each run in their own process; autocannon runs here.
//   npm run bench:forums     (BENCH_POSTS, BENCH_REPLIES, BENCH_SECONDS to change sizes)
// Traffic goes only to 127.0.0.1; every run is bounded in time.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { migrateDatabase } from '../src/server/platform/db/migrations/index.js';
import { seedForums } from './seed-forums.js';
import { benchDatabase, recordResults, type Row } from './common.js';

const POSTS = Number(process.env.BENCH_POSTS ?? 100_000);
const REPLIES = Number(process.env.BENCH_REPLIES ?? 1_000_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const root = path.resolve(import.meta.dirname, '..');


function startProcess(args: string[], env: Record<string, string>, readyUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    const poll = async () => {
      try {
        if ((await fetch(readyUrl)).ok) return resolve(child);
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) return reject(new Error(`${args.join(' ')} did not start`));
      setTimeout(poll, 200);
    };
    void poll();
  });
}

async function stop(child: ChildProcess): Promise<void> {
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function measure(opts: autocannon.Options): Promise<Omit<Row, 'dialect' | 'scenario'>> {
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...opts });
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

async function benchDialect(dialect: 'sqlite' | 'postgres'): Promise<Row[]> {
  const { env, database, cleanup } = await benchDatabase(dialect, 'bench-forums');
  const seededAt = Date.now();
  await migrateDatabase(database);
  const { threadPostId, groupSlug } = await seedForums(database, { posts: POSTS, replies: REPLIES });
  // Fresh planner statistics, as autovacuum would gather on a live installation.
  if (dialect === 'postgres') await sql`analyze`.execute(database.db);
  await database.db.destroy();
  console.error(`[bench] ${dialect}: seeded ${POSTS} posts and ${REPLIES} replies in ${((Date.now() - seededAt) / 1000).toFixed(0)} s`);

  const port = dialect === 'sqlite' ? 3991 : 3992;
  const base = `http://127.0.0.1:${port}`;
  // One member writes every reply: the per-member reply limit (a new member's share of REPLIES_PER_HOUR) is lifted so the bench measures writing, not refusing.
  const kindred = await startProcess(
    ['dist/server/main.js'],
    { ...env, PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'production', COOKIE_SECURE: 'false', REPLIES_PER_HOUR: '1000000000' },
    `${base}/readyz`,
  );
  const ceiling = await startProcess(['bench/ceiling.mjs', '3990'], {}, 'http://127.0.0.1:3990/');
  try {
    const signUp = await fetch(`${base}/api/v1/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ handle: 'BenchReader1', passphrase: 'lantern orchard pebble', acceptGuidelines: true }),
    });
    const { csrfToken } = (await signUp.json()) as { csrfToken: string };
    const cookie = (signUp.headers.get('set-cookie') ?? '').split(';')[0]!;
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
    await fetch(`${base}/api/v1/groups/${groupSlug}/membership`, { method: 'PUT', headers });

    const rows: Row[] = [];
    const add = async (scenario: string, opts: autocannon.Options) => rows.push({ dialect, scenario, ...(await measure(opts)) });
    await add('ceiling: bare Fastify, constant JSON', { url: 'http://127.0.0.1:3990/' });
    await add('group feed page, 20 posts (member)', { url: `${base}/api/v1/groups/${groupSlug}/posts?limit=20`, headers: { cookie } });
    await add('thread of 50 replies (member)', { url: `${base}/api/v1/posts/${threadPostId}/replies?limit=50`, headers: { cookie } });
    // Each reply's words differ a little: the same words again and again would be held as repeated (spam), not published.
    let written = 0;
    await add('create a reply (render, sanitize, assess, index)', {
      url: `${base}/api/v1/posts/${threadPostId}/replies`,
      requests: [
        {
          method: 'POST',
          headers,
          setupRequest: (request) => ({ ...request, body: JSON.stringify({ body: `Thinking of you today. **Small steps** still count (${++written}), and you are not alone in this.` }) }),
        },
      ],
    });
    return rows;
  } finally {
    await stop(ceiling);
    await stop(kindred);
    await cleanup();
  }
}

const rows = [...(await benchDialect('sqlite')), ...(await benchDialect('postgres'))];
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const header =
  `## ${new Date().toISOString().slice(0, 10)} — forums — ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n\n` +
  `autocannon, ${CONNECTIONS} connections, ${DURATION} s per scenario; ${POSTS.toLocaleString('en')} posts and ${REPLIES.toLocaleString('en')} replies; ` +
  'Kindred and the ceiling each in their own process, autocannon in a third, all on the same 2 cores.\n\n' +
  '| database | scenario | req/s | % of ceiling | p50 ms | p99 ms | errors |\n|---|---|---|---|---|---|---|\n';
const table = rows
  .map((r) => {
    const ceiling = rows.find((c) => c.dialect === r.dialect && c.scenario.startsWith('ceiling'))!.rps;
    return `| ${r.dialect} | ${r.scenario} | ${r.rps} | ${Math.round((100 * r.rps) / ceiling)} % | ${r.p50} | ${r.p99} | ${r.errors} |`;
  })
  .join('\n');
recordResults(header + table);
console.log(header + table);
