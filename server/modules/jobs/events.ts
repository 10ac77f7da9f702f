import type { FastifyReply } from 'fastify';
import type { JobEndEvent, JobProgressEvent } from '../../../contracts/jobs.js';
import { FINAL_JOB_STATES, JOB_EVENT } from '../../../contracts/jobs/states.js';
import type { Ctx } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import { errorForLog } from '../../core/http.js';
import type { ProgressUpdate } from './progress.js';
import { bossRepo, type JobRow } from './repository.js';
import { runnerOf, visibleJob } from './service.js';

/** How often a stream reads the job from the database (it may run on another instance). */
const POLL_MS = 1000;
/** A comment line keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;

/** Open streams per app, ended when the app closes (a stream would otherwise hold the server open). */
const openStreams = new WeakMap<Deps, Set<() => void>>();

export function endJobStreams(deps: Deps): void {
  for (const end of [...(openStreams.get(deps) ?? [])]) end();
}

/**
 * GET /api/jobs/:id/events: the job's progress as server-sent events until it ends. Progress
 * comes from this instance's runner at once, and from the database (written by whichever
 * instance runs the job) once a second; only updates newer than the last one sent go out, so
 * they arrive in order. The last event is `end` with the final state.
 */
export async function streamJobEvents(deps: Deps, ctx: Ctx, jobId: string, reply: FastifyReply): Promise<void> {
  const first = await visibleJob(deps, ctx, jobId);
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': ctx.requestId,
  });
  let lastAt = -1;
  let ended = false;
  const send = (event: string, data: JobProgressEvent | JobEndEvent) =>
    raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const progress = (fraction: number, message: ProgressUpdate['message'], at: Date) => {
    if (at.getTime() <= lastAt) return;
    lastAt = at.getTime();
    send(JOB_EVENT.progress, { fraction, message, at: at.toISOString() });
  };
  const fromRow = (row: JobRow) => {
    if (row.fraction !== null && row.progressAt)
      progress(
        row.fraction,
        row.messageZh === null ? null : { zh: row.messageZh, en: row.messageEn ?? row.messageZh },
        new Date(row.progressAt),
      );
    if (FINAL_JOB_STATES.includes(row.state)) {
      send(JOB_EVENT.end, { state: row.state, errorMessage: row.errorMessage });
      end();
    }
  };
  const runner = runnerOf(deps);
  const onProgress = (u: ProgressUpdate) => {
    if (u.jobId === jobId) progress(u.fraction, u.message, u.at);
  };
  let reading = false;
  const check = async () => {
    if (ended || reading) return;
    reading = true;
    try {
      const row = await bossRepo.byId(deps.db, jobId);
      if (!ended && row) fromRow(row);
    } catch (err) {
      deps.logger.warn({ error: errorForLog(err) }, 'job events: read failed');
    } finally {
      reading = false;
    }
  };
  const onEnd = (id: string) => {
    if (id === jobId) void check();
  };
  const poll = setInterval(() => void check(), POLL_MS);
  const heartbeat = setInterval(() => raw.write(': ping\n\n'), HEARTBEAT_MS);
  const streams = openStreams.get(deps) ?? new Set<() => void>();
  openStreams.set(deps, streams);
  function end() {
    if (ended) return;
    ended = true;
    clearInterval(poll);
    clearInterval(heartbeat);
    runner?.events.off('progress', onProgress);
    runner?.events.off('end', onEnd);
    streams.delete(end);
    raw.end();
  }
  streams.add(end);
  raw.on('close', end);
  runner?.events.on('progress', onProgress);
  runner?.events.on('end', onEnd);
  fromRow(first);
}
