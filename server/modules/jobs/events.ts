import type { FastifyReply } from 'fastify';
import type { JobEndEvent, JobProgressEvent } from '../../../contracts/jobs.js';
import { FINAL_JOB_STATES, JOB_EVENT } from '../../../contracts/jobs/states.js';
import type { Ctx } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import { EventStreams } from '../../core/event-stream.js';
import type { ProgressUpdate } from './progress.js';
import { bossRepo, type JobRow } from './repository.js';
import { runnerOf, visibleJob } from './service.js';

/** How often a stream reads the job from the database (it may run on another instance). */
const POLL_MS = 1000;

const jobStreams = new EventStreams();

/** Ends every open job stream of an app (it is closing). */
export function endJobStreams(deps: Deps): void {
  jobStreams.endAll(deps);
}

/**
 * GET /api/jobs/:id/events: the job's progress as server-sent events until it ends. Progress
 * comes from this instance's runner at once, and from the database (written by whichever
 * instance runs the job) once a second; only updates newer than the last one sent go out, so
 * they arrive in order. The last event is `end` with the final state.
 */
export async function streamJobEvents(deps: Deps, ctx: Ctx, jobId: string, reply: FastifyReply): Promise<void> {
  const first = await visibleJob(deps, ctx, jobId);
  const runner = runnerOf(deps);
  const onProgress = (u: ProgressUpdate) => {
    if (u.jobId === jobId) progress(u.fraction, u.message, u.at);
  };
  const onEnd = (id: string) => {
    if (id === jobId) void stream.poll();
  };
  const stream = jobStreams.start(deps, reply, {
    requestId: ctx.requestId,
    logger: deps.logger,
    poll: {
      everyMs: POLL_MS,
      failure: 'job events: read failed',
      read: async () => {
        const row = await bossRepo.byId(deps.db, jobId);
        if (row) fromRow(row);
      },
    },
    onEnd: () => {
      runner?.events.off('progress', onProgress);
      runner?.events.off('end', onEnd);
    },
  });
  let lastAt = -1;
  const send = (event: string, data: JobProgressEvent | JobEndEvent) => stream.send(event, JSON.stringify(data));
  const progress = (fraction: number, message: ProgressUpdate['message'], at: Date) => {
    if (at.getTime() <= lastAt) return;
    lastAt = at.getTime();
    send(JOB_EVENT.progress, { fraction, message, at: at.toISOString() });
  };
  const fromRow = (row: JobRow) => {
    if (stream.ended) return;
    if (row.fraction !== null && row.progressAt)
      progress(
        row.fraction,
        row.messageZh === null ? null : { zh: row.messageZh, en: row.messageEn ?? row.messageZh },
        new Date(row.progressAt),
      );
    if (FINAL_JOB_STATES.includes(row.state)) {
      send(JOB_EVENT.end, { state: row.state, errorMessage: row.errorMessage });
      stream.end();
    }
  };
  runner?.events.on('progress', onProgress);
  runner?.events.on('end', onEnd);
  fromRow(first);
}
