import crypto from 'node:crypto';
import type { Deps } from '../../core/deps.js';
import type { JobDefinition, JobQueue, SendOptions } from './define.js';

export interface InlineJobState {
  id: string;
  name: string;
  state: 'active' | 'completed' | 'failed';
  progress: number;
  message: { zh: string; en: string } | null;
  output?: unknown;
  error?: string;
}

/**
 * A stand-in queue that runs each job at once in this process (no retries, no schedule), used
 * until the PostgreSQL-backed runner is wired in; `idle()` waits for the jobs under way.
 */
export function inlineQueue(deps: () => Deps): JobQueue & { idle(): Promise<void>; jobs: Map<string, InlineJobState> } {
  const running = new Set<Promise<void>>();
  const jobs = new Map<string, InlineJobState>();
  return {
    jobs,
    async send<P>(job: JobDefinition<P>, payload: P, _options?: SendOptions) {
      const parsed = job.payload.parse(payload);
      const id = crypto.randomUUID();
      const state: InlineJobState = { id, name: job.name, state: 'active', progress: 0, message: null };
      jobs.set(id, state);
      const controller = new AbortController();
      const run = (async () => {
        try {
          state.output = await job.handler(deps(), parsed, {
            jobId: id,
            attempt: 1,
            signal: controller.signal,
            progress: async (fraction, message) => {
              state.progress = fraction;
              state.message = message;
            },
          });
          state.state = 'completed';
          state.progress = 1;
        } catch (err) {
          state.state = 'failed';
          state.error = err instanceof Error ? err.message : String(err);
        }
      })();
      running.add(run);
      void run.finally(() => running.delete(run));
      return id;
    },
    async idle() {
      while (running.size) await Promise.all([...running]);
    },
  };
}
