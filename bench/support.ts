// `npm run bench:support`: the listener queue's matching, as the issue measures it — 500 open
// requests and 100 on-duty listeners — on SQLite and PostgreSQL. One "matching decision" is one
// run of the matcher: read the queue, the free listeners, the offers already made and the
// blocks, then offer each waiting request to the best free listener. Between runs every offer
// is passed on (declined), so each run has the whole queue and all the listeners to consider.
// Also races concurrent accepts of one offer and counts matches: there must be exactly one.
import os from 'node:os';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/platform/config/config.js';
import { migrateDatabase } from '../src/server/platform/db/migrations/index.js';
import { ulid } from '../src/server/platform/ids.js';
import type { AuthMember } from '../src/server/platform/http/auth.js';
import { benchDatabase, recordResults } from './common.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 500);
const LISTENERS = Number(process.env.BENCH_LISTENERS ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);
const TOPICS = ['feeling_low', 'anxiety', 'loneliness', 'grief', 'sleep'];

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

async function run(dialect: 'sqlite' | 'postgres') {
  const { database, cleanup, env } = await benchDatabase(dialect, 'support');
  await migrateDatabase(database);
  const config = loadConfig({}, { NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEFAULT_GROUPS: 'false', ...env });
  const app = await buildApp({ config, database, redis: null, webDir: os.tmpdir(), logStream: { write: () => undefined } });
  await app.ready();
  const { db } = database;
  const t = Date.now();
  const member = (i: number, prefix: string) => ({
    id: ulid(t + i) + prefix.slice(0, 1).toUpperCase(),
    handle: `${prefix}-${i}`,
    handle_key: `${prefix}-${i}`,
    passphrase_hash: 'x',
    recovery_code_hash: null,
    country: null,
    language: 'en',
    deleted_at: null,
    created_at: t,
    updated_at: t,
  });
  const listeners = Array.from({ length: LISTENERS }, (_, i) => member(i, 'listener'));
  const askers = Array.from({ length: REQUESTS }, (_, i) => member(i, 'asker'));
  for (let i = 0; i < askers.length; i += 200) await db.insertInto('members').values(askers.slice(i, i + 200)).execute();
  await db.insertInto('members').values(listeners).execute();
  await db.insertInto('member_roles').values(listeners.map((l) => ({ member_id: l.id, role: 'listener', granted_at: t, granted_by: null }))).execute();
  await db
    .insertInto('listener_profiles')
    .values(listeners.map((l, i) => ({ member_id: l.id, languages: JSON.stringify(i % 5 === 0 ? ['en', 'es'] : ['en']), topics: JSON.stringify([TOPICS[i % TOPICS.length]]), capacity: 1 + (i % 3), status: 'on', status_since: t, updated_at: t })))
    .execute();
  for (let i = 0; i < askers.length; i += 200) {
    await db
      .insertInto('support_requests')
      .values(
        askers.slice(i, i + 200).map((a, k) => ({
          id: ulid(t + i + k),
          member_id: a.id,
          open_member_id: a.id,
          topics: JSON.stringify([TOPICS[(i + k) % TOPICS.length]]),
          language: (i + k) % 7 === 0 ? 'es' : 'en',
          note: '',
          risk_level: 'none',
          priority: (i + k) % 50 === 0 ? 2 : 0,
          status: 'waiting',
          created_at: t - (REQUESTS - i - k) * 1000,
        })),
      )
      .execute();
  }

  const times: number[] = [];
  let offered = 0;
  for (let round = 0; round < ROUNDS; round++) {
    // Pass every offer on and forget who was asked, so each decision sees the whole queue again.
    await db.updateTable('support_requests').set({ status: 'waiting', offered_to: null, offer_expires_at: null }).where('status', '=', 'offered').execute();
    await db.deleteFrom('support_offers').execute();
    const s = performance.now();
    await app.support.match();
    times.push(performance.now() - s);
    if (round === 0) offered = Number((await db.selectFrom('support_requests').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'offered').executeTakeFirstOrThrow()).n);
  }
  times.sort((a, b) => a - b);

  // The race: everyone holding an offer tries to accept it five times at once.
  const offers = await db.selectFrom('support_requests').select(['id', 'offered_to']).where('status', '=', 'offered').execute();
  const asMember = (id: string): AuthMember => ({ id, handle: id, roles: ['member', 'listener'], country: null, language: 'en' });
  const attempts = offers.flatMap((o) => Array.from({ length: 5 }, () => app.support.accept(asMember(o.offered_to!), o.id).then(() => 1, () => 0)));
  const won = (await Promise.all(attempts)).reduce<number>((n, x) => n + x, 0);
  const conversations = Number((await db.selectFrom('conversations').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'support').executeTakeFirstOrThrow()).n);
  await app.close();
  await db.destroy();
  await cleanup();
  return { dialect, p50: pct(times, 0.5), p99: pct(times, 0.99), max: times.at(-1)!, offered, offers: offers.length, won, conversations };
}

const load = os.loadavg()[0]!.toFixed(1);
const results = [await run('sqlite'), await run('postgres')];
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const rows = results.map((r) => `| ${r.dialect} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} | ${r.offered} | ${r.offers} × 5 | ${r.won} | ${r.conversations} |`);
const verdict = results.map((r) => `${r.dialect}: p99 ${r.p99.toFixed(1)} ms — ${r.p99 < 50 ? 'met' : '**missed**'}; ${r.won === r.offers && r.conversations === r.offers ? 'no request matched twice' : '**a request was matched twice**'}`).join('; ');
const section =
  `## ${new Date().toISOString().slice(0, 10)} — listener matching — ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n\n` +
  `${REQUESTS} open requests and ${LISTENERS} on-duty listeners (capacity 1–3, one in five also speaking Spanish; one request in seven in Spanish, one in fifty urgent), ${ROUNDS} matching decisions each over the whole queue, in process (load average ${load} at the start). Target: p99 below 50 ms per decision, and no request matched twice when every offer is accepted five times at once.\n\n` +
  '| database | decision p50 ms | p99 ms | max ms | offers per decision | accepts raced | accepted | chats opened |\n|---|---|---|---|---|---|---|---|\n' +
  rows.join('\n') +
  `\n\n${verdict}.\n`;
console.log(section);
if (process.env.BENCH_RECORD !== '0') recordResults(section);
process.exit(0);
