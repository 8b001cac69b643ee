import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ulid } from './platform/ids.js';
import { describe, expect, inject, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

function cli(args: string[], env: Record<string, string>) {
  return spawnSync(tsx, ['src/server/cli.ts', ...args], { cwd: root, env: { ...process.env, LOG_LEVEL: 'silent', ...env }, encoding: 'utf8' });
}

/** A throw-away PostgreSQL database for a whole process, as an operator's would be. */
async function withPostgresDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const base = inject('postgresUrl')!;
  const name = `kindred_t_cli_${ulid().toLowerCase()}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    const u = new URL(base);
    u.pathname = `/${name}`;
    return await fn(u.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

describe('npm run cli', () => {
  it('migrates, seeds once and creates or promotes an admin on SQLite in DATA_DIR', () => {
    const e = { DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'kindred-cli-')) };
    expect(cli(['migrate'], e).stdout).toContain('up to date');
    expect(cli(['seed'], e).stdout).toContain('Created the default groups');
    expect(cli(['seed'], e).stdout).toContain('nothing to do');
    const created = cli(['create-admin', 'FirstAdmin'], e);
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/Passphrase .*: \S{10,}/);
    expect(created.stdout).toMatch(/Recovery code .*: [0-9A-Z-]{24}/);
    expect(cli(['create-admin', 'firstadmin'], e).stdout).toContain('is now an admin');
    const bad = cli(['create-admin', 'no spaces'], e);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('Please give a handle');
    expect(cli(['frobnicate'], e).status).toBe(1);
    expect(fs.existsSync(path.join(e.DATA_DIR!, 'kindred.sqlite'))).toBe(true);
    // Seven CLI processes, each starting tsx: longer than one request-level test.
  }, 90_000);

  it.skipIf(!inject('postgresUrl'))('works against PostgreSQL through DATABASE_URL (skipped only without PostgreSQL outside CI)', async () => {
    await withPostgresDatabase(async (url) => {
      expect(cli(['migrate'], { DATABASE_URL: url }).status).toBe(0);
      const created = cli(['create-admin', 'FirstAdmin'], { DATABASE_URL: url });
      expect(created.stdout).toContain('Created the admin account');
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      const { rows } = await c.query("select m.handle from members m join member_roles r on r.member_id = m.id where r.role = 'admin'");
      await c.end();
      expect(rows).toEqual([{ handle: 'FirstAdmin' }]);
    });
    // Two CLI processes, each starting tsx: as above, longer than one request-level test.
  }, 90_000);
});

describe('the server process', () => {
  it('starts on SQLite, seeds the default groups, and shuts down gracefully on SIGTERM', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kindred-main-'));
    const child = spawn(tsx, ['src/server/main.ts'], { cwd: root, env: { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`did not start:\n${out}`)), 15_000);
      child.stdout.on('data', () => {
        const m = out.match(/Server listening at http:\/\/127\.0\.0\.1:(\d+)/);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
    });
    const groups = (await (await fetch(`http://127.0.0.1:${port}/api/v1/groups`, { headers: { 'user-agent': 'MadeUpBrowser/1.0' } })).json()) as {
      items: unknown[];
    };
    expect(groups.items.length).toBeGreaterThanOrEqual(8);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toContain('shutting down');
    const requestLines = out.split('\n').filter((l) => l.includes('"req"'));
    expect(requestLines.length).toBeGreaterThan(0);
    for (const line of requestLines) {
      expect(line).not.toMatch(/remote|127\.0\.0\.1|MadeUpBrowser|user-agent/i);
    }
  });

  it('refuses to start with a wrong setting, naming it', () => {
    const res = spawnSync(tsx, ['src/server/main.ts'], { cwd: root, env: { ...process.env, PORT: 'eighty' }, encoding: 'utf8' });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('PORT');
  });
});
