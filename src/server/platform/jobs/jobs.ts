import { Queue, Worker, type RedisOptions } from 'bullmq';
import type { Redis } from 'ioredis';

/**
 * Background jobs: work that runs every so often (meeting reminders, sweeps, purges).
 * Without Redis, in-process timers on the one node. With Redis, BullMQ: one job scheduler per
 * name in Redis produces one job per tick, and whichever node's worker takes it runs it, so a
 * tick runs on one node at a time however many nodes registered it. A job must still be safe to
 * run twice or to overlap itself (a slow run and the next tick, a job retried after a node died):
 * BullMQ promises at least once, not exactly once.
 */
export interface Jobs {
  /** Runs `run` every `everyMs`; with Redis, on one node at a time (BullMQ repeatable job + Worker), else in-process timers. */
  every(name: string, everyMs: number, run: () => Promise<void>): void;
  /** Stops the timers or the worker, waiting for a run in progress; registered schedules stay in Redis for the other nodes. */
  close(): Promise<void>;
}

export interface JobsLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** The queue every Kindred node shares; `prefix` keeps one installation's (or one test's) keys apart. */
const QUEUE = 'kindred-jobs';
const DEFAULT_PREFIX = 'kindred';

export function createJobs({ redis, log, prefix = DEFAULT_PREFIX }: { redis?: Redis | null | undefined; log: JobsLog; prefix?: string }): Jobs {
  return redis ? bullJobs(redis, log, prefix) : inProcessJobs(log);
}

/** One timer per job on this node. A run still going when its next tick comes is not started twice. */
function inProcessJobs(log: JobsLog): Jobs {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<void>>();
  let closed = false;
  return {
    every(name, everyMs, run) {
      let busy = false;
      const timer = setInterval(() => {
        if (busy || closed) return;
        busy = true;
        const done = run()
          .catch((err: unknown) => log.warn({ err, job: name }, 'a background job failed'))
          .finally(() => {
            busy = false;
            running.delete(done);
          });
        running.add(done);
      }, everyMs);
      timer.unref();
      timers.push(timer);
    },
    async close() {
      closed = true;
      for (const t of timers.splice(0)) clearInterval(t);
      await Promise.all([...running]);
    },
  };
}

/**
 * BullMQ: `upsertJobScheduler` (idempotent across nodes and restarts) makes one job per tick;
 * one Worker per node runs the jobs this node knows by name. BullMQ opens its own connections
 * from the app's Redis options (its blocking connection needs `maxRetriesPerRequest: null`,
 * which the app's shared connection does not have) and closes them on close().
 */
function bullJobs(redis: Redis, log: JobsLog, prefix: string): Jobs {
  const connection = { ...redis.options, maxRetriesPerRequest: null, lazyConnect: false } as RedisOptions;
  const handlers = new Map<string, () => Promise<void>>();
  const pending: Promise<unknown>[] = [];
  let queue: Queue | null = null;
  let worker: Worker | null = null;
  let closing = false;

  function start(): void {
    queue = new Queue(QUEUE, { connection, prefix });
    queue.on('error', (err) => log.warn({ err }, 'the background jobs queue could not reach Redis'));
    worker = new Worker(
      QUEUE,
      async (job) => {
        const run = handlers.get(job.name);
        // A job this node does not know (another version of Kindred registered it) is left to the nodes that do.
        if (!run) throw new Error(`No job called ${job.name} here`);
        await run();
      },
      { connection, prefix, concurrency: 4, autorun: false },
    );
    worker.on('error', (err) => log.warn({ err }, 'the background jobs worker could not reach Redis'));
    worker.on('failed', (job, err) => log.warn({ err, job: job?.name }, 'a background job failed'));
    // Once every job of this start-up is registered (the same tick as the first), begin taking jobs.
    setImmediate(() => {
      if (closing || !worker) return;
      worker.run().catch((err: unknown) => log.error({ err }, 'the background jobs worker stopped'));
    });
  }

  return {
    every(name, everyMs, run) {
      if (closing) return;
      if (!queue) start();
      handlers.set(name, run);
      pending.push(
        queue!
          .upsertJobScheduler(name, { every: everyMs }, { name, opts: { removeOnComplete: true, removeOnFail: 50 } })
          .catch((err: unknown) => log.error({ err, job: name }, 'a background job could not be scheduled')),
      );
    },
    async close() {
      closing = true;
      await Promise.allSettled(pending);
      await worker?.close();
      await queue?.close();
    },
  };
}
