import type { z } from 'zod';
import type { Deps } from '../../core/deps.js';
import type { DbOrTx } from '../../db/client.js';

/** What a running job can do besides its work: say how far it is, and notice a shutdown. */
export interface JobContext {
  /** The queue's id of this job (the same across retries). */
  jobId: string;
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
  /** Records progress (0..1) and a message in both languages; the web shows it as a bar. */
  progress(fraction: number, message: { zh: string; en: string }): Promise<void>;
  /** Aborted when the instance shuts down: a long job stops at a safe point and is retried. */
  signal: AbortSignal;
}

export interface JobRetry {
  /** Retries after the first run fails; then the job stays in the failed state. */
  limit: number;
  /** Seconds before the first retry. */
  delaySeconds: number;
  /** Doubles the delay on each retry. */
  backoff: boolean;
}

/**
 * A job: a name, a zod payload, a handler. A schedule (cron in Asia/Shanghai) makes the queue
 * send it on every tick, once across all instances. Handlers must be safe to run again: a retry,
 * or a run taken over from an instance that died, runs the handler from the start.
 */
export interface JobDefinition<P = unknown> {
  name: string;
  payload: z.ZodType<P>;
  handler: (deps: Deps, payload: P, ctx: JobContext) => Promise<unknown>;
  retry?: JobRetry;
  /** How long one run may take before the queue hands it to another worker (default 15 min). */
  expireInSeconds?: number;
  schedule?: { cron: string; payload: P };
  /** At most one waiting job of this name (e.g. a dispatcher kicked after every commit). */
  singleton?: boolean;
  /** Jobs taken at once by one instance (default 1). */
  concurrency?: number;
}

export function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}

export interface SendOptions {
  /** A key that makes a second send with the same key a no-op while the first is queued or running. */
  singletonKey?: string;
  /** Seconds to wait before the job may start. */
  startAfterSeconds?: number;
  /**
   * The account that started the job from a request: it may then follow the job's progress
   * (GET /api/jobs/:id/events) without the jobs permission.
   */
  startedBy?: string | null;
}

/** The queue as services see it (`deps.jobs`). */
export interface JobQueue {
  /**
   * Queues a job on the queue's own connection; returns its id, or null when a singleton job of
   * that name/key is already waiting. Never call it inside an open transaction on the embedded
   * database (one connection: it would wait for the transaction forever); use sendInTx there.
   */
  send<P>(job: JobDefinition<P>, payload: P, options?: SendOptions): Promise<string | null>;
  /**
   * Queues a job in the caller's transaction: the job exists only if the transaction commits
   * (a dispatcher kicked by the rows it will send, an import by the upload it will read).
   */
  sendInTx<P>(tx: DbOrTx, job: JobDefinition<P>, payload: P, options?: SendOptions): Promise<string | null>;
}
