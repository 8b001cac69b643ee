import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ChatMessage } from '../shared/messaging.js';
import { collect, eventually, join, sent, type ClientSocket } from './test/realtime-fixtures.js';
import { SERVICES_REQUIRED } from './test/services.js';
import { freePort, HttpMember, request, startNode, throwawayPostgres, type KindredNode } from './test/server-process.js';

/**
 * docs/nginx/kindred.conf, as written, in front of two real Kindred nodes (one PostgreSQL,
 * one Redis). Needs nginx and openssl (for a throw-away certificate): skipped without them
 * outside CI; in CI (.ci/run installs both) their absence fails the run.
 */

const root = path.resolve(import.meta.dirname, '../..');
const which = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim() || null;
const nginx = which('nginx') ?? (fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : null);
const openssl = which('openssl');
const missingTools = [nginx ? null : 'nginx', openssl ? null : 'openssl'].filter(Boolean).join(' and ');
const services = Boolean(inject('postgresUrl') && inject('redisUrl'));
const runs = services && (Boolean(nginx && openssl) || SERVICES_REQUIRED);
const title = missingTools
  ? `nginx in front of two nodes (SKIPPED: ${missingTools} not installed; apt-get install nginx openssl)`
  : 'nginx in front of two nodes, with docs/nginx/kindred.conf (skipped only without PostgreSQL and Redis outside CI)';

/** docs/nginx/kindred.conf with test ports and paths; each swap must find its text, so the test follows the file. */
function testConfig(dir: string, ports: { a: number; b: number; http: number; https: number }): string {
  let conf = fs.readFileSync(path.join(root, 'docs/nginx/kindred.conf'), 'utf8');
  const swap = (from: string, to: string, times: number) => {
    const found = conf.split(from).length - 1;
    if (found !== times) throw new Error(`docs/nginx/kindred.conf: expected "${from}" ${times} time(s), found ${found}; update this test with the file`);
    conf = conf.split(from).join(to);
  };
  swap('127.0.0.1:3001', `127.0.0.1:${ports.a}`, 2);
  swap('127.0.0.1:3002', `127.0.0.1:${ports.b}`, 2);
  swap('listen [::]:80;', '', 1);
  swap('listen [::]:443 ssl;', '', 1);
  swap('listen 80;', `listen 127.0.0.1:${ports.http};`, 1);
  swap('listen 443 ssl;', `listen 127.0.0.1:${ports.https} ssl;`, 1);
  swap('/etc/letsencrypt/live/support.example.org/fullchain.pem', path.join(dir, 'cert.pem'), 1);
  swap('/etc/letsencrypt/live/support.example.org/privkey.pem', path.join(dir, 'key.pem'), 1);
  swap('/var/log/nginx/', `${dir}/`, 2);
  fs.writeFileSync(path.join(dir, 'kindred.conf'), conf);
  // The surroundings a distribution's nginx.conf gives it, with every path in `dir` so no root is needed.
  const main = `daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 512; }
http {
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  access_log off;
  include ${dir}/kindred.conf;
}
`;
  fs.writeFileSync(path.join(dir, 'nginx.conf'), main);
  return path.join(dir, 'nginx.conf');
}

describe.skipIf(!runs)(title, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kindred-nginx-'));
  let database: { url: string; drop: () => Promise<void> };
  let nodes: KindredNode[] = [];
  let proxy: ChildProcess | null = null;
  let proxyOut = '';
  let ca = '';
  let base = '';
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    if (!nginx || !openssl) throw new Error(`${missingTools} must be installed here (CI=true): apt-get install nginx openssl`);
    // A certificate for 127.0.0.1 that the clients below trust explicitly: verification stays on.
    const made = spawnSync(openssl, ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`openssl could not make a test certificate: ${made.stderr}`);
    ca = fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8');
    const ports = { http: await freePort(), https: await freePort() };
    base = `https://127.0.0.1:${ports.https}`;
    database = await throwawayPostgres('nginx');
    // As in production: Secure cookies, the public address, and the proxy on this machine believed.
    const env = { DATABASE_URL: database.url, REDIS_URL: inject('redisUrl')!, NODE_ENV: 'production', PUBLIC_ORIGIN: base, TRUST_PROXY: 'loopback', SIGNUP_LIMIT_PER_HOUR: '1000' };
    nodes = await Promise.all([startNode('A', env), startNode('B', env)]);
    const conf = testConfig(dir, { a: nodes[0]!.port, b: nodes[1]!.port, ...ports });
    const checked = spawnSync(nginx, ['-t', '-p', dir, '-e', path.join(dir, 'nginx-error.log'), '-c', conf], { encoding: 'utf8' });
    if (checked.status !== 0) throw new Error(`nginx -t refused the configuration:\n${checked.stderr}`);
    proxy = spawn(nginx, ['-p', dir, '-e', path.join(dir, 'nginx-error.log'), '-c', conf]);
    proxy.stderr!.on('data', (d: Buffer) => (proxyOut += d.toString()));
    await eventually(async () => (await request('GET', `${base}/healthz`, { ca }).catch(() => null))?.status === 200, 'nginx to answer', 10_000);
  }, 60_000);

  afterAll(async () => {
    for (const s of sockets) s.close();
    if (proxy && proxy.exitCode === null) {
      const gone = new Promise((r) => proxy!.once('exit', r));
      proxy.kill('SIGQUIT');
      await gone;
    }
    await Promise.all(nodes.map((n) => n.stop()));
    await database?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers /healthz and /readyz through nginx, and sends plain HTTP to HTTPS', async () => {
    expect((await request('GET', `${base}/healthz`, { ca })).json()).toEqual({ status: 'ok' });
    expect((await request('GET', `${base}/readyz`, { ca })).json()).toMatchObject({ status: 'ok', checks: { database: 'ok', redis: 'ok' } });
    const conf = fs.readFileSync(path.join(dir, 'kindred.conf'), 'utf8');
    const httpPort = /listen 127\.0\.0\.1:(\d+);/.exec(conf)![1];
    const redirect = await request('GET', `http://127.0.0.1:${httpPort}/groups?x=1`);
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('https://127.0.0.1/groups?x=1');
    expect((await request('GET', `${base}/metrics`, { ca })).status).toBe(404);
  });

  it('carries WebSockets to both nodes: a member on one hears a member on the other, and logs neither address nor browser', async () => {
    const accessLog = path.join(dir, 'kindred-access.log');
    const upgrades = () => (fs.existsSync(accessLog) ? fs.readFileSync(accessLog, 'utf8') : '').split('\n').filter((l) => l.includes('/socket.io/') && / 101 /.test(l));
    /** The node a member's WebSocket reaches: nginx logs it with the upstream once the socket closes. */
    const nodeOf = async (m: HttpMember): Promise<string> => {
      const before = upgrades().length;
      (await m.connect(base, { ca })).close();
      await eventually(() => upgrades().length > before, 'the closed WebSocket in the access log');
      return /upstream=(\S+)/.exec(upgrades().at(-1)!)![1]!;
    };
    const writer = new HttpMember(base, 'quiet-harbour', ca);
    const conversationId = await writer.enterRoom();
    // The cookie is the production one: Secure, __Host- prefixed, set over HTTPS through nginx.
    expect(writer.cookie).toMatch(/^__Host-kindred_session=/);
    const writerNode = await nodeOf(writer);
    // nginx keeps each member's socket on one node (by session cookie): find a member whose node is the other one.
    let reader: HttpMember | null = null;
    for (let i = 0; i < 10 && !reader; i++) {
      const candidate = new HttpMember(base, `gentle-fern-${i}`, ca);
      expect(await candidate.enterRoom()).toBe(conversationId);
      if ((await nodeOf(candidate)) !== writerNode) reader = candidate;
    }
    expect(reader, 'a member whose socket reaches the other node').not.toBeNull();
    const sw = await writer.connect(base, { ca });
    const sr = await reader!.connect(base, { ca });
    sockets.push(sw, sr);
    await join(sw, conversationId);
    await join(sr, conversationId);
    const atReader = collect(sr, 'message:new');
    const atWriter = collect(sw, 'message:new');
    const one = await sent(sw, conversationId, 'made-up hello through nginx');
    const two = await sent(sr, conversationId, 'made-up answer through nginx');
    await eventually(() => atReader.some((m) => m.id === one.message.id) && atWriter.some((m) => m.id === two.message.id), 'each message on the other node');

    // A browser whose WebSocket is blocked falls back to long-polling: many requests, all kept on one node by the session cookie.
    const polling = await reader!.connect(base, { ca, transports: ['polling'] });
    sockets.push(polling);
    await join(polling, conversationId);
    const atPolling = collect(polling, 'message:new');
    const sentMessages: ChatMessage[] = [];
    for (let i = 0; i < 6; i++) sentMessages.push((await sent(sw, conversationId, `made-up message ${i} for the polling client`)).message);
    await eventually(() => sentMessages.every((m) => atPolling.some((p) => p.id === m.id)), 'every message over long-polling');
    expect(polling.io.engine.transport.name).toBe('polling');

    // Something a visitor's browser and a search would leave in a log, if the format let them in.
    expect((await request('GET', `${base}/api/v1/groups?q=made-up-private-words`, { ca, headers: { 'user-agent': 'MadeUpBrowser/1.0' } })).status).toBe(200);
    for (const s of [sw, sr, polling]) s.close();
    sockets.length = 0;
    const opened = upgrades().length;
    await eventually(() => upgrades().length >= opened + 2, 'the two WebSockets in the access log');
    const log = fs.readFileSync(accessLog, 'utf8');
    // The two members really were on different nodes, and the same node each time.
    const lastTwo = upgrades().slice(-2).map((l) => /upstream=(\S+)/.exec(l)![1]!);
    expect(new Set(lastTwo)).toEqual(new Set(nodes.map((n) => `127.0.0.1:${n.port}`)));
    expect(log).toContain('/api/v1/groups');
    expect(log).not.toMatch(/MadeUpBrowser|made-up-private-words|EIO=|sid=/);
    // The only addresses in it are the nodes' own.
    for (const address of log.match(/\d+\.\d+\.\d+\.\d+(:\d+)?/g) ?? []) expect(nodes.map((n) => `127.0.0.1:${n.port}`)).toContain(address);
    expect(proxyOut).toBe('');
  });
});
