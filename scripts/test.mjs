// `npm test`: the whole suite. Type checks, unit and integration tests on SQLite and
// PostgreSQL (Vitest), a production build, then browser tests in Chromium (Playwright).
// Says plainly what it skipped and why; in CI (CI=true) nothing may be skipped.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const ci = process.env.CI === 'true';
const required = ci || process.env.KINDRED_REQUIRE_SERVICES === '1';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'kindred-test-'));
const skipped = [];
const problems = [];
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(title, cmd, args, env = {}) {
  console.log(`\n=== ${title} ===`);
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return res.status === 0;
}

function finish(ok) {
  console.log('');
  for (const s of skipped) console.log(`SKIPPED: ${s}`);
  for (const p of problems) console.log(`FAILED: ${p}`);
  console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(ok ? 0 : 1);
}

async function redisAnswers() {
  const url = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  const net = await import('node:net');
  return new Promise((resolve) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port || 6379), timeout: 2000 });
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (d) => {
      resolve(d.toString().startsWith('+PONG'));
      socket.destroy();
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      resolve(false);
      socket.destroy();
    });
  });
}

async function postgresAnswers() {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test', connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

if (!run('type check', 'npx', ['tsc', '-p', 'tsconfig.json']) || !run('type check (web)', 'npx', ['tsc', '-p', 'tsconfig.web.json']) || !run('type check (browser tests)', 'npx', ['tsc', '-p', 'e2e/tsconfig.json'])) {
  totals.failed += 1;
  finish(false);
}

// The Vitest global setup fails instead when services are required; here we only say what a local run leaves out.
const [pgUp, redisUp] = [await postgresAnswers(), await redisAnswers()];
if (!pgUp) skipped.push('the PostgreSQL run of every integration suite, and the browser tests on PostgreSQL: PostgreSQL does not answer on 127.0.0.1:5432');
if (!redisUp) skipped.push('the Redis suites (rate limits shared between nodes, readiness with Redis): Redis does not answer on 127.0.0.1:6379');

const vitestJson = path.join(out, 'vitest.json');
const unitOk = run('unit and integration tests (Vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (fs.existsSync(vitestJson)) {
  const r = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  // Vitest also fails a run for an error outside any test (an unhandled rejection, a suite that
  // could not load): count it, so the summary never reads "0 failed" over a failing run.
  if (!unitOk && r.numFailedTests === 0) {
    totals.failed += 1;
    problems.push('Vitest failed outside any single test (an unhandled error, or a suite that could not load); its output above says where');
  }
} else if (!unitOk) {
  totals.failed += 1;
}

if (!run('build', 'npm', ['run', 'build', '--silent'])) {
  totals.failed += 1;
  finish(false);
}

if (!fs.existsSync(chromium)) {
  if (required) {
    console.error(`Chromium is required here but ${chromium} is missing (apt-get install chromium).`);
    totals.failed += 1;
    finish(false);
  }
  skipped.push(`browser tests: ${chromium} not found (install Debian's chromium: apt-get install chromium)`);
  finish(unitOk);
}

const dialects = ['sqlite'];
if (pgUp) dialects.push('postgres');
else if (required) {
  console.error('PostgreSQL is required here but does not answer on 127.0.0.1:5432.');
  totals.failed += 1;
  finish(false);
}

const pwJson = path.join(out, 'playwright.json');
const e2eOk = run('browser tests (Playwright, Chromium)', 'npx', ['playwright', 'test'], {
  KINDRED_E2E_DIALECTS: dialects.join(','),
  PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
});
if (fs.existsSync(pwJson)) {
  const report = JSON.parse(fs.readFileSync(pwJson, 'utf8'));
  const s = report.stats;
  // Errors outside any test (a global set-up or tear-down, a web server) are listed apart from the tests.
  for (const e of report.errors ?? []) problems.push(`Playwright: ${String(e.message ?? e.value ?? JSON.stringify(e)).split('\n')[0]}`);
  totals.passed += s.expected;
  totals.failed += s.unexpected + s.flaky;
  totals.skipped += s.skipped;
  if (!e2eOk && s.unexpected + s.flaky === 0) {
    totals.failed += 1;
    problems.push('Playwright failed outside any single test (a server that would not start, or an error in a spec file); its output above says where');
  }
} else if (!e2eOk) {
  totals.failed += 1;
}
finish(unitOk && e2eOk);
