import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { redisUrl } from '../../test/harness.js';
import { ulid } from '../ids.js';
import { createJobs, type Jobs } from './jobs.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const warnings: string[] = [];
const log = { warn: (_obj: object, msg: string) => void warnings.push(msg), error: (_obj: object, msg: string) => void warnings.push(msg) };

const open: Jobs[] = [];
const redisClients: Redis[] = [];
afterEach(async () => {
  for (const j of open.splice(0)) await j.close();
  for (const r of redisClients.splice(0)) r.disconnect();
  warnings.length = 0;
});

function jobs(opts: Parameters<typeof createJobs>[0]): Jobs {
  const j = createJobs(opts);
  open.push(j);
  return j;
}

describe('background jobs in-process', () => {
  it('runs each job on its timer, never twice at once, reports a failure and goes on, and stops on close', async () => {
    const j = jobs({ log });
    let runs = 0;
    let inFlight = 0;
    let most = 0;
    j.every('slow-one', 20, async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await sleep(50);
      inFlight -= 1;
      runs += 1;
    });
    let failures = 0;
    j.every('failing-one', 20, async () => {
      failures += 1;
      throw new Error('a made-up failure');
    });
    await sleep(300);
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(most).toBe(1);
    expect(failures).toBeGreaterThanOrEqual(2);
    expect(warnings).toContain('a background job failed');
    await j.close();
    const after = runs;
    await sleep(100);
    expect(runs).toBe(after);
  });
});

describe.skipIf(!redisUrl())('background jobs through BullMQ (skipped only when Redis does not answer outside CI, where it fails instead)', () => {
  /** Removes a test's queue and schedules from Redis. */
  async function forget(prefix: string): Promise<void> {
    const connection = new Redis(redisUrl()!, { maxRetriesPerRequest: null });
    const q = new Queue('kindred-jobs', { connection, prefix });
    await q.obliterate({ force: true });
    await q.close();
    connection.disconnect();
  }

  it('runs a job registered on two nodes once per tick, not twice', async () => {
    const prefix = `kindred-test-${ulid().toLowerCase()}`;
    const runsAt: { node: string; at: number }[] = [];
    const nodeA = new Redis(redisUrl()!, { maxRetriesPerRequest: 1 });
    const nodeB = new Redis(redisUrl()!, { maxRetriesPerRequest: 1 });
    redisClients.push(nodeA, nodeB);
    const everyMs = 400;
    for (const [name, redis] of [['a', nodeA], ['b', nodeB]] as const) {
      jobs({ redis, log, prefix }).every('made-up-sweep', everyMs, async () => {
        runsAt.push({ node: name, at: Date.now() });
      });
    }
    await sleep(everyMs * 6 + 200);
    for (const j of open.splice(0)) await j.close();
    await forget(prefix);

    // About one run per tick (the first right away), never one for each node.
    expect(runsAt.length).toBeGreaterThanOrEqual(4);
    expect(runsAt.length).toBeLessThanOrEqual(8);
    const times = runsAt.map((r) => r.at).sort((a, b) => a - b);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThan(everyMs / 3);
    expect(warnings).toEqual([]);
  });

  it('closes cleanly: no run after close, and a job that throws is reported without stopping the next tick', async () => {
    const prefix = `kindred-test-${ulid().toLowerCase()}`;
    const redis = new Redis(redisUrl()!, { maxRetriesPerRequest: 1 });
    redisClients.push(redis);
    const j = jobs({ redis, log, prefix });
    let runs = 0;
    j.every('made-up-failing', 300, async () => {
      runs += 1;
      throw new Error('a made-up failure');
    });
    await sleep(800);
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(warnings).toContain('a background job failed');
    await j.close();
    open.splice(0);
    const after = runs;
    await sleep(400);
    expect(runs).toBe(after);
    await forget(prefix);
  });
});
