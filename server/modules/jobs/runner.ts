import { EventEmitter } from 'node:events';
import PgBoss from 'pg-boss';
import type { Deps } from '../../core/deps.js';
import { errorForLog } from '../../core/http.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { JobDefinition, JobQueue, SendOptions } from './define.js';
import { ProgressWriter } from './progress.js';
import { bossDbInTx, bossDbOf, bossRepo, progressRepo, type BossDb } from './repository.js';

export const SCHEDULE_TIME_ZONE = 'Asia/Shanghai';
const FAILED_KEPT_SECONDS = 7 * 24 * 3600;

export interface RunnerOptions {
  /** How often each queue is asked for work when idle (a send on this instance wakes it at once). */
  pollingIntervalMs: number;
  /** Run the cron schedules here (every instance may: pg-boss sends one job per tick in all). */
  schedule: boolean;
  /** How long a stop waits for running jobs before handing them back to the queue. */
  stopTimeoutMs: number;
  /** Progress rows are written at most this often per job. */
  progressThrottleMs?: number;
  /** pg-boss's cron check (default 30 s; the tick itself stays per minute). */
  cronMonitorIntervalSeconds?: number;
  /** How soon a due cron job is queued after its tick is claimed (default 5 s). */
  cronWorkerIntervalSeconds?: number;
}

interface Running {
  name: string;
  controller: AbortController;
  handedBack: boolean;
  done: Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- definitions of any payload share one list
export type AnyJobDefinition = JobDefinition<any>;

const HANDED_BACK = {
  message: '实例停止，任务已交回队列 / the instance stopped; the job was handed back to the queue',
};

/**
 * The job runner of one app instance on pg-boss: creates a queue per definition, keeps their
 * schedules, fetches and runs jobs (completing or failing each one itself, so one job's error
 * never fails another), writes progress, and stops gracefully.
 */
export class JobRunner implements JobQueue {
  /** 'progress' (ProgressUpdate) and 'end' (job id) of the jobs running here. */
  readonly events = new EventEmitter();
  private readonly boss: PgBoss;
  private readonly definitions = new Map<string, AnyJobDefinition>();
  private readonly running = new Map<string, Running>();
  private readonly wakers = new Map<string, () => void>();
  private readonly loops: Promise<void>[] = [];
  private state: 'stopped' | 'starting' | 'running' | 'stopping' = 'stopped';

  constructor(
    private readonly deps: Deps,
    database: { db: Db; kind: 'pglite' | 'postgres' },
    definitions: AnyJobDefinition[],
    private readonly options: RunnerOptions,
  ) {
    for (const d of definitions) {
      if (this.definitions.has(d.name)) throw new Error(`two job definitions are named ${d.name}`);
      this.definitions.set(d.name, d);
    }
    this.events.setMaxListeners(0);
    this.boss = new PgBoss({
      db: bossDbOf(database.db, database.kind),
      schedule: options.schedule,
      supervise: true,
      // A failed job stays in the live table (where pg-boss can retry it) for a week, not 12 h.
      archiveFailedAfterSeconds: FAILED_KEPT_SECONDS,
      // pg-boss refuses a setting given as undefined: only the ones set are passed.
      ...(options.cronMonitorIntervalSeconds ? { cronMonitorIntervalSeconds: options.cronMonitorIntervalSeconds } : {}),
      ...(options.cronWorkerIntervalSeconds ? { cronWorkerIntervalSeconds: options.cronWorkerIntervalSeconds } : {}),
    });
    this.boss.on('error', (err) => deps.logger.error({ error: errorForLog(err) }, 'job queue error'));
  }

  get isRunning(): boolean {
    return this.state === 'running';
  }

  async start(): Promise<void> {
    if (this.state !== 'stopped') return;
    this.state = 'starting';
    await this.boss.start();
    for (const d of this.definitions.values()) {
      const queue = {
        name: d.name,
        policy: d.singleton ? ('short' as const) : ('standard' as const),
        retryLimit: d.retry?.limit ?? 0,
        retryDelay: d.retry?.delaySeconds ?? 0,
        retryBackoff: d.retry?.backoff ?? false,
        expireInSeconds: d.expireInSeconds ?? 15 * 60,
      };
      // Instances starting together on a fresh database create the same queues at once; PostgreSQL
      // may then pick one as a deadlock victim (pg-boss's queue creation makes a partition table).
      await retryOnConflict(() => this.boss.createQueue(d.name, queue));
      // The definition may have changed since the queue was made (retries, time limit).
      await retryOnConflict(() => this.boss.updateQueue(d.name, queue));
      if (!this.options.schedule) continue;
      if (d.schedule) {
        const payload = d.payload.parse(d.schedule.payload) as object;
        await this.boss.schedule(d.name, d.schedule.cron, payload, { tz: SCHEDULE_TIME_ZONE });
      } else {
        await this.boss.unschedule(d.name);
      }
    }
    this.state = 'running';
    for (const d of this.definitions.values()) this.loops.push(this.loop(d));
  }

  async send<P>(job: JobDefinition<P>, payload: P, options: SendOptions = {}): Promise<string | null> {
    const id = await this.sendThrough(undefined, job, payload, options);
    if (id && options.startedBy)
      await progressRepo.started(this.deps.db, id, job.name, options.startedBy, this.deps.now());
    return id;
  }

  async sendInTx<P>(tx: DbOrTx, job: JobDefinition<P>, payload: P, options: SendOptions = {}): Promise<string | null> {
    const id = await this.sendThrough(bossDbInTx(tx), job, payload, options);
    if (id && options.startedBy) await progressRepo.started(tx, id, job.name, options.startedBy, this.deps.now());
    return id;
  }

  private async sendThrough<P>(db: BossDb | undefined, job: JobDefinition<P>, payload: P, options: SendOptions) {
    if (!this.definitions.has(job.name)) throw new Error(`job ${job.name} is not in the registry`);
    const data = job.payload.parse(payload) as object;
    const id = await this.boss.send(job.name, data, {
      ...(db ? { db } : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
    });
    // Sent in a transaction, the job is visible only after the commit; the poll finds it then.
    if (!db) this.wakers.get(job.name)?.();
    return id;
  }

  /** Queues failed job `id` again in the caller's transaction (pg-boss adds one retry to its limit). */
  async retryInTx(tx: DbOrTx, name: string, id: string): Promise<void> {
    await this.boss.retry(name, id, { db: bossDbInTx(tx) });
  }

  /** Asks queue `name` for work now (after a commit that queued some). */
  wake(name: string): void {
    this.wakers.get(name)?.();
  }

  /** Waits until no job of a registered queue is queued, waiting for a retry, or running (tests). */
  async idle(timeoutMs = 15_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const open = await bossRepo.openJobs(this.deps.db, [...this.definitions.keys()]);
      if (!open && !this.running.size) return;
      if (Date.now() > until) throw new Error(`the job queue is not idle after ${timeoutMs} ms (${open} open jobs)`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /**
   * Stops fetching, aborts ctx.signal of the jobs running here and gives them the timeout to
   * finish; a job still running then, or one that gave up because of the signal, is handed back
   * (queued again, without losing a retry) for another instance or the next start.
   */
  async stop(timeoutMs = this.options.stopTimeoutMs): Promise<void> {
    if (this.state !== 'running' && this.state !== 'starting') return;
    this.state = 'stopping';
    for (const wake of this.wakers.values()) wake();
    await Promise.all(this.loops);
    for (const r of this.running.values()) r.controller.abort();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([Promise.all([...this.running.values()].map((r) => r.done)), timeout]);
    clearTimeout(timer);
    for (const [id, r] of this.running) await this.handBack(r, id);
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: Math.max(1000, timeoutMs) });
    this.state = 'stopped';
  }

  private async handBack(r: Running, id: string): Promise<void> {
    if (r.handedBack) return;
    r.handedBack = true;
    try {
      await this.boss.fail(r.name, id, HANDED_BACK);
      // fail() leaves it failed when no retry is left; a hand-back is not the job's failure.
      await this.boss.retry(r.name, id);
    } catch (err) {
      this.deps.logger.error({ error: errorForLog(err), job: r.name }, 'job not handed back');
    }
  }

  private async loop(d: AnyJobDefinition): Promise<void> {
    const concurrency = Math.max(1, d.concurrency ?? 1);
    while (this.state === 'running') {
      const free = concurrency - [...this.running.values()].filter((r) => r.name === d.name).length;
      let fetched = 0;
      if (free > 0) {
        try {
          const jobs = await this.boss.fetch<unknown>(d.name, { batchSize: free, includeMetadata: true });
          fetched = jobs.length;
          for (const job of jobs) this.run(d, job);
        } catch (err) {
          if (this.state === 'running') this.deps.logger.error({ error: errorForLog(err), job: d.name }, 'job fetch');
        }
      }
      if (fetched && fetched === free) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.pollingIntervalMs);
        this.wakers.set(d.name, () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private run(d: AnyJobDefinition, job: PgBoss.JobWithMetadata<unknown>): void {
    const controller = new AbortController();
    const writer = new ProgressWriter(
      this.deps.db,
      d.name,
      this.options.progressThrottleMs ?? 250,
      this.events,
      this.deps.logger,
    );
    const entry: Running = { name: d.name, controller, handedBack: false, done: Promise.resolve() };
    this.running.set(job.id, entry);
    entry.done = (async () => {
      const expireMs = (d.expireInSeconds ?? 15 * 60) * 1000;
      let timer: NodeJS.Timeout | undefined;
      try {
        const payload: unknown = d.payload.parse(job.data);
        const work = d.handler(this.deps, payload, {
          jobId: job.id,
          attempt: job.retryCount + 1,
          signal: controller.signal,
          progress: async (fraction, message) => writer.report(job.id, fraction, message),
        });
        const expired = new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            controller.abort();
            reject(new Error(`任务超时（${d.expireInSeconds ?? 900} 秒）/ the job ran out of time`));
          }, expireMs);
        });
        const output = await Promise.race([work, expired]);
        await writer.flush();
        if (!entry.handedBack) await this.boss.complete(d.name, job.id, outputOf(output));
      } catch (err) {
        await writer.flush();
        if (entry.handedBack) return;
        if (this.state === 'stopping' && controller.signal.aborted) return this.handBack(entry, job.id);
        this.deps.logger.warn({ error: errorForLog(err), job: d.name, attempt: job.retryCount + 1 }, 'job failed');
        await this.boss.fail(d.name, job.id, { message: messageOf(err) }).catch((e: unknown) => {
          this.deps.logger.error({ error: errorForLog(e), job: d.name }, 'job failure not recorded');
        });
      } finally {
        clearTimeout(timer);
        this.running.delete(job.id);
        this.events.emit('end', job.id);
        this.wakers.get(d.name)?.();
      }
    })();
  }
}

/** pg-boss keeps an object as the job's output. */
function outputOf(value: unknown): object | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'object' && !Array.isArray(value) ? value : { value };
}

/** Only the message is kept: a stack names the server's files. */
function messageOf(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.slice(0, 1000);
}

/** Deadlock (40P01) or a concurrent creation (23505, 42P07): the other instance did it or will; try again. */
async function retryOnConflict(run: () => Promise<unknown>, attempts = 6): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await run();
      return;
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (attempt >= attempts || !['40P01', '23505', '42P07'].includes(code ?? '')) throw err;
      await new Promise((r) => setTimeout(r, 50 * attempt + Math.random() * 100));
    }
  }
}
