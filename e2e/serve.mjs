// Starts a built Kindred server for the browser tests, on a fresh database each run:
// `node e2e/serve.mjs sqlite|postgres PORT`. The PostgreSQL database is dropped on exit.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const [dialect = 'sqlite', port = '3101'] = process.argv.slice(2);
const env = {
  ...process.env,
  PORT: port,
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  NODE_ENV: 'test',
  // The browser flow signs up several times from one address.
  SIGNUP_LIMIT_PER_HOUR: '100',
  LOGIN_LIMIT_PER_15_MIN: '100',
  RECOVERY_LIMIT_PER_HOUR: '100',
};
let cleanup = async () => {};

if (dialect === 'postgres') {
  const base = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `kindred_e2e_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  cleanup = async () => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
} else {
  env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'kindred-e2e-'));
  cleanup = async () => fs.rmSync(env.DATA_DIR, { recursive: true, force: true });
}

// The first admin is made as an operator would: with the CLI. The spec reads the passphrase.
const admin = spawnSync(process.execPath, ['dist/server/cli.js', 'create-admin', 'FirstAdmin'], { env, encoding: 'utf8' });
const passphrase = admin.stdout.match(/Passphrase[^:]*: (\S+)/)?.[1];
if (admin.status !== 0 || !passphrase) {
  console.error(`create-admin failed: ${admin.stderr}${admin.stdout}`);
  process.exit(1);
}
fs.mkdirSync('.e2e-data', { recursive: true });
fs.writeFileSync(`.e2e-data/${dialect}-admin.json`, JSON.stringify({ handle: 'FirstAdmin', passphrase }));

const server = spawn(process.execPath, ['dist/server/main.js'], { env, stdio: 'inherit' });
const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', async (code) => {
  await cleanup().catch(() => undefined);
  process.exit(code ?? 0);
});
