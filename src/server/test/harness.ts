import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { Redis } from 'ioredis';
import pg from 'pg';
import { ulid } from '../platform/ids.js';
import { afterEach, beforeEach, describe, inject } from 'vitest';
import { buildApp } from '../app.js';
import type { Assess } from '../modules/safety/assess.js';
import type { ReplyCareCheck } from '../modules/safety/safety.service.js';
import type { Role } from '../../shared/rules.js';
import { loadConfig, type Config } from '../platform/config/config.js';
import { openDatabase, type Database, type DialectName } from '../platform/db/dialect/index.js';
import { migrateDatabase } from '../platform/db/migrations/index.js';

/** The dialects this run can test: SQLite always; PostgreSQL when it answers (required in CI). */
export function availableDialects(): DialectName[] {
  return inject('postgresUrl') ? ['sqlite', 'postgres'] : ['sqlite'];
}

export function redisUrl(): string | null {
  return inject('redisUrl');
}

let workerDatabase: Promise<string> | null = null;

/**
 * Each test worker gets its own PostgreSQL database (dropped at the end of the run by the
 * global setup), and each test a schema in it: Kysely's migrator inspects every schema of
 * its database, so workers must not see each other's schemas come and go.
 */
function workerDatabaseUrl(): Promise<string> {
  workerDatabase ??= (async () => {
    const url = inject('postgresUrl');
    if (!url) throw new Error('PostgreSQL is not available in this run');
    const name = `${inject('databasePrefix')}${ulid().toLowerCase()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    return u.toString();
  })();
  return workerDatabase;
}

/** A fresh, migrated database: in-memory SQLite, or a new PostgreSQL schema dropped afterwards. */
export async function freshDatabase(dialect: DialectName): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const database = openDatabase({ url: '', sqliteFile: ':memory:' });
    await migrateDatabase(database);
    return { database, drop: () => database.db.destroy() };
  }
  const url = await workerDatabaseUrl();
  const schema = `t_${ulid().toLowerCase()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = openDatabase({ url, sqliteFile: '', schema });
  await migrateDatabase(database);
  return {
    database,
    drop: async () => {
      await database.db.destroy();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  logs: string[];
  redis: Redis | null;
  webDir: string;
  close(): Promise<void>;
}

export async function startTestApp(
  dialect: DialectName,
  opts: { config?: Partial<Config>; redis?: boolean; database?: Database; webDir?: string; assess?: Assess; replyCare?: ReplyCareCheck } = {},
): Promise<TestApp> {
  const fresh = opts.database ? null : await freshDatabase(dialect);
  const database = opts.database ?? fresh!.database;
  const config = loadConfig({}, { NODE_ENV: 'test', LOG_LEVEL: 'info', SEED_DEFAULT_GROUPS: 'false', ...opts.config });
  const url = opts.redis ? redisUrl() : null;
  if (opts.redis && !url) throw new Error('Redis is not available in this run');
  const redis = url ? new Redis(url) : null;
  const logs: string[] = [];
  const webDir = opts.webDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kindred-web-'));
  const app = await buildApp({ config, database, redis, webDir, logStream: { write: (line) => void logs.push(line) }, ...(opts.assess ? { assess: opts.assess } : {}), ...(opts.replyCare ? { replyCare: opts.replyCare } : {}) });
  await app.ready();
  return {
    app,
    database,
    config,
    logs,
    redis,
    webDir,
    close: async () => {
      await app.close();
      redis?.disconnect();
      await fresh?.drop();
    },
  };
}

/**
 * Runs the same suite once per available dialect, each test on a fresh database.
 * `t()` gives the current test's app.
 */
export function describeEachDialect(
  name: string,
  suite: (t: () => TestApp, dialect: DialectName) => void,
  opts: { config?: Partial<Config>; redis?: boolean; assess?: Assess; replyCare?: ReplyCareCheck } = {},
): void {
  describe.each(availableDialects())(`${name} [%s]`, (dialect) => {
    let current: TestApp | null = null;
    beforeEach(async () => {
      current = await startTestApp(dialect, opts);
    });
    afterEach(async () => {
      await current?.close();
      current = null;
    });
    suite(() => {
      if (!current) throw new Error('no test app');
      return current;
    }, dialect);
  });
}

/** A person using Kindred through one browser: keeps the session cookie and the CSRF token. */
export class Visitor {
  cookie: string | null = null;
  csrfToken: string | null = null;

  constructor(
    private readonly app: FastifyInstance,
    private readonly headers: Record<string, string> = {},
  ) {}

  async request(method: InjectOptions['method'], url: string, body?: unknown, extra: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...this.headers, ...extra };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    const res = await this.app.inject({ method, url, headers, ...(body !== undefined ? { payload: body as object } : {}) });
    const setCookie = res.cookies.find((c) => c.name === 'kindred_session' || c.name === '__Host-kindred_session');
    if (setCookie) {
      const expired = setCookie.value === '' || (setCookie.expires !== undefined && setCookie.expires.getTime() <= Date.now());
      this.cookie = expired ? null : `${setCookie.name}=${setCookie.value}`;
      if (expired) this.csrfToken = null;
    }
    if (res.statusCode < 300 && res.headers['content-type']?.toString().includes('json')) {
      const json = res.json() as { csrfToken?: unknown };
      if (typeof json.csrfToken === 'string') this.csrfToken = json.csrfToken;
    }
    return res;
  }

  get = (url: string, extra?: Record<string, string>) => this.request('GET', url, undefined, extra);
  post = (url: string, body?: unknown, extra?: Record<string, string>) => this.request('POST', url, body ?? {}, extra);
  put = (url: string, body?: unknown) => this.request('PUT', url, body);
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body ?? {});
  delete = (url: string) => this.request('DELETE', url);

  /** Signs up with clearly made-up details; returns the recovery code. */
  async signUp(handle: string, passphrase = 'lantern orchard pebble'): Promise<string> {
    const res = await this.post('/api/v1/accounts', { handle, passphrase, acceptGuidelines: true });
    if (res.statusCode !== 201) throw new Error(`sign-up failed: ${res.statusCode} ${res.body}`);
    return (res.json() as { recoveryCode: string }).recoveryCode;
  }

  async logIn(handle: string, passphrase = 'lantern orchard pebble'): Promise<LightMyRequestResponse> {
    return this.post('/api/v1/session', { handle, passphrase });
  }
}

/** Makes `handle` an admin directly in the database, as the CLI would. */
export async function makeAdmin(t: TestApp, handle: string): Promise<void> {
  await grantRole(t, handle, 'admin');
}

/** Grants `role` to `handle` directly in the database. */
export async function grantRole(t: TestApp, handle: string, role: Role): Promise<void> {
  const row = await t.database.db.selectFrom('members').select('id').where('handle_key', '=', handle.toLowerCase()).executeTakeFirstOrThrow();
  await t.database.db.insertInto('member_roles').values({ member_id: row.id, role, granted_at: Date.now(), granted_by: null }).execute();
}
