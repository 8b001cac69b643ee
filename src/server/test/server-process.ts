import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { io as connectSocket } from 'socket.io-client';
import type { RoomView } from '../../shared/messaging.js';
import { ulid } from '../platform/ids.js';
import type { ClientSocket } from './realtime-fixtures.js';

/**
 * Real Kindred processes for the tests that need more than one node: each runs
 * src/server/main.ts through tsx (no build needed), on its own port,
 * against a shared PostgreSQL database and Redis.
 */

const root = path.resolve(import.meta.dirname, '../../..');

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A new PostgreSQL database for a group of nodes, named with this run's prefix so the global teardown drops it even after a crash. */
export async function throwawayPostgres(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = inject('postgresUrl');
  if (!base) throw new Error('PostgreSQL is not available in this run');
  const name = `${inject('databasePrefix')}${label}_${ulid().toLowerCase()}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface KindredNode {
  name: string;
  port: number;
  url: string;
  child: ChildProcess;
  /** The last few kilobytes the process wrote, for a failure message. */
  output(): string;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<string>;
  stop(signal?: NodeJS.Signals): Promise<string>;
}

/** Starts one Kindred node and waits until /readyz answers 200 (the database, and Redis when set). */
export async function startNode(name: string, env: Record<string, string>, timeoutMs = 30_000): Promise<KindredNode> {
  const port = await freePort();
  // tsx as a loader in one process (its CLI would be a parent process, and a SIGKILL to it would leave the server running).
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', SEED_DEFAULT_GROUPS: 'true', ...env, PORT: String(port), HOST: '127.0.0.1' },
  });
  let out = '';
  const keep = (d: Buffer) => void (out = (out + d.toString()).slice(-8000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? String(code))));
  const url = `http://127.0.0.1:${port}`;
  const node: KindredNode = {
    name,
    port,
    url,
    child,
    output: () => out,
    exited,
    stop: (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  const deadline = Date.now() + timeoutMs;
  let gone: string | null = null;
  void exited.then((how) => (gone = how));
  for (;;) {
    if (gone !== null) throw new Error(`node ${name} exited (${gone}) before it was ready:\n${out}`);
    try {
      if ((await request('GET', `${url}/readyz`)).status === 200) return node;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await node.stop('SIGKILL');
      throw new Error(`node ${name} was not ready within ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  json<T = unknown>(): T;
}

/** One HTTP(S) request; `ca` trusts a test certificate (verification stays on). */
export function request(method: string, url: string, opts: { headers?: Record<string, string>; body?: unknown; ca?: string } = {}): Promise<Reply> {
  const u = new URL(url);
  const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  const headers: Record<string, string> = { ...opts.headers, ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) };
  const lib = u.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(u, { method, headers, agent: false, ...(opts.ca ? { ca: opts.ca } : {}), timeout: 10_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: <T>() => JSON.parse(body) as T }));
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${url} timed out`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** A member using Kindred over real HTTP: keeps the session cookie and the CSRF token. */
export class HttpMember {
  cookie = '';
  csrfToken = '';
  constructor(
    readonly base: string,
    readonly handle: string,
    private readonly ca?: string,
  ) {}

  async call(method: string, pathname: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const res = await request(method, this.base + pathname, {
      body,
      ...(this.ca ? { ca: this.ca } : {}),
      headers: { ...headers, ...(this.cookie ? { cookie: this.cookie } : {}), ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}) },
    });
    const set = [res.headers['set-cookie'] ?? []].flat().find((c) => /^(__Host-)?kindred_session=/.test(c));
    if (set) this.cookie = set.split(';')[0]!;
    return res;
  }

  /** Signs up (made-up handle), joins the group and reads its room's guidelines, as the room page does; returns the room's id. */
  async enterRoom(slug = 'depression-support'): Promise<string> {
    const signUp = await this.call('POST', '/api/v1/accounts', { handle: this.handle, passphrase: 'lantern orchard pebble', acceptGuidelines: true });
    if (signUp.status !== 201) throw new Error(`sign-up failed: ${signUp.status} ${signUp.body}`);
    this.csrfToken = signUp.json<{ csrfToken: string }>().csrfToken;
    const joined = await this.call('PUT', `/api/v1/groups/${slug}/membership`);
    if (joined.status >= 300) throw new Error(`joining the group failed: ${joined.status} ${joined.body}`);
    const room = await this.call('GET', `/api/v1/groups/${slug}/room`);
    if (room.status !== 200) throw new Error(`room failed: ${room.status} ${room.body}`);
    const id = room.json<RoomView>().room.id;
    const seen = await this.call('POST', `/api/v1/conversations/${id}/guidelines/seen`, {});
    if (seen.status !== 200) throw new Error(`guidelines failed: ${seen.status} ${seen.body}`);
    return id;
  }

  /** A Socket.IO client with this member's cookie; resolves once connected. */
  connect(url: string, opts: { reconnection?: boolean; transports?: ('websocket' | 'polling')[]; ca?: string } = {}): Promise<ClientSocket> {
    const socket: ClientSocket = connectSocket(url, {
      transports: opts.transports ?? ['websocket'],
      forceNew: true,
      reconnection: opts.reconnection ?? false,
      reconnectionDelay: 100,
      reconnectionDelayMax: 400,
      extraHeaders: { cookie: this.cookie },
      ...(opts.ca ?? this.ca ? { ca: opts.ca ?? this.ca } : {}),
    });
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', (err) => {
        socket.close();
        reject(err);
      });
    });
  }
}
