// Load benchmark of the foundation's hot paths, on SQLite and PostgreSQL:
//   npm run bench            (writes a dated section into bench/RESULTS.md)
// Each run measures a baseline (GET /healthz: no database) beside the real routes, so
// numbers from different machines can be compared by their ratio to the baseline.
// Traffic goes only to 127.0.0.1; every run is bounded in time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/platform/config/config.js';
import type { Database } from '../src/server/platform/db/dialect/index.js';
import { benchDatabase, recordResults, type Row } from './common.js';
import { migrateDatabase } from '../src/server/platform/db/migrations/index.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 20;


async function openBenchDatabase(dialect: 'sqlite' | 'postgres'): Promise<{ database: Database; drop: () => Promise<void> }> {
  const { database, cleanup } = await benchDatabase(dialect, 'bench');
  await migrateDatabase(database);
  return {
    database,
    drop: async () => {
      await database.db.destroy();
      await cleanup();
    },
  };
}

async function measure(url: string, headers: Record<string, string> = {}): Promise<Omit<Row, 'dialect' | 'scenario'>> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

async function benchDialect(dialect: 'sqlite' | 'postgres'): Promise<Row[]> {
  const { database, drop } = await openBenchDatabase(dialect);
  const config = loadConfig({}, { LOG_LEVEL: 'silent', SIGNUP_LIMIT_PER_HOUR: 1000, LOGIN_LIMIT_PER_15_MIN: 1000 });
  const app = await buildApp({ config, database, redis: null });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  try {
    const signUp = await fetch(`${base}/api/v1/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ handle: 'BenchMember1', passphrase: 'lantern orchard pebble', acceptGuidelines: true }),
    });
    const cookie = (signUp.headers.get('set-cookie') ?? '').split(';')[0]!;
    const rows: Row[] = [];
    const add = async (scenario: string, url: string, headers?: Record<string, string>) =>
      rows.push({ dialect, scenario, ...(await measure(url, headers)) });
    await add('baseline: GET /healthz', `${base}/healthz`);
    await add('GET /api/v1/groups (visitor)', `${base}/api/v1/groups`);
    await add('GET /api/v1/groups (member: session + joined flags)', `${base}/api/v1/groups`, { cookie });
    await add('GET /api/v1/session (member)', `${base}/api/v1/session`, { cookie });
    await add('GET /api/v1/help/crisis-lines?country=GB', `${base}/api/v1/help/crisis-lines?country=GB`);
    return rows;
  } finally {
    await app.close();
    await drop();
  }
}

const rows = [...(await benchDialect('sqlite')), ...(await benchDialect('postgres'))];
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const header = `## ${new Date().toISOString().slice(0, 10)} — ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}\n\n` +
  `autocannon, ${CONNECTIONS} connections, ${DURATION} s per scenario, app and load generator on the same machine.\n\n` +
  '| database | scenario | req/s | p50 ms | p99 ms | errors |\n|---|---|---|---|---|---|\n';
const table = rows.map((r) => `| ${r.dialect} | ${r.scenario} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} |`).join('\n');
recordResults(header + table);
console.log(header + table);
