import type { z } from 'zod';
import type { Job, jobPageSchema, jobQueuesSchema } from '../../../contracts/jobs.js';
import type { JobState } from '../../../contracts/jobs/states.js';
import { writeAudit } from '../../core/audit.js';
import { requireActor, requirePermission, type Ctx } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import { errors } from '../../core/errors.js';
import { offsetOf, splitPage } from '../../core/paging.js';
import { bossRepo, type JobRow } from './repository.js';
import { JobRunner } from './runner.js';
import type { JobListQuery } from './schemas.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function jobOf(row: JobRow): Job {
  return {
    id: row.id,
    name: row.name,
    state: row.state,
    attempts: row.startedOn ? row.retryCount + 1 : 0,
    retryLimit: row.retryLimit,
    createdAt: iso(row.createdOn)!,
    startAfter: iso(row.startAfter)!,
    startedAt: iso(row.startedOn),
    completedAt: iso(row.completedOn),
    errorMessage: row.errorMessage,
    progress:
      row.fraction === null
        ? null
        : {
            fraction: row.fraction,
            message: row.messageZh === null ? null : { zh: row.messageZh, en: row.messageEn ?? row.messageZh },
          },
  };
}

/** The runner of this instance (the admin routes need more than the JobQueue services see). */
export function runnerOf(deps: Deps): JobRunner | null {
  return deps.jobs instanceof JobRunner ? deps.jobs : null;
}

export async function listQueues(deps: Deps, ctx: Ctx): Promise<z.infer<typeof jobQueuesSchema>> {
  requirePermission(ctx, 'jobs:manage');
  const rows = await bossRepo.queues(deps.db);
  return {
    running: runnerOf(deps)?.isRunning ?? false,
    items: rows.map((q) => ({
      name: q.name,
      policy: q.policy,
      retryLimit: q.retryLimit,
      counts: {
        created: q.created,
        retry: q.retry,
        active: q.active,
        completed: q.completed,
        failed: q.failed,
        cancelled: q.cancelled,
      },
      schedule: q.cron ? { cron: q.cron, timeZone: q.timezone ?? 'UTC' } : null,
    })),
  };
}

export async function listJobs(deps: Deps, ctx: Ctx, query: JobListQuery): Promise<z.infer<typeof jobPageSchema>> {
  requirePermission(ctx, 'jobs:manage');
  const { page, filter } = splitPage(query);
  const states: JobState[] | undefined =
    filter.state === 'queued' ? ['created', 'retry'] : filter.state ? [filter.state] : undefined;
  const { items, total } = await bossRepo.list(deps.db, { states, name: filter.name }, page.pageSize, offsetOf(page));
  return { items: items.map(jobOf), total, ...page };
}

/** A job the caller may see: any job with the jobs permission, otherwise one the caller started. */
export async function visibleJob(deps: Deps, ctx: Ctx, id: string): Promise<JobRow> {
  const actor = requireActor(ctx);
  const row = await bossRepo.byId(deps.db, id);
  if (!row) throw errors.notFound('任务', 'Job');
  if (!actor.permissions.has('jobs:manage') && row.createdBy !== actor.accountId) throw errors.forbidden();
  return row;
}

export async function getJob(deps: Deps, ctx: Ctx, id: string): Promise<Job> {
  return jobOf(await visibleJob(deps, ctx, id));
}

/** A failed job queued again (one more retry allowed), with its audit record. */
export async function retryJob(deps: Deps, ctx: Ctx, id: string): Promise<Job> {
  requirePermission(ctx, 'jobs:manage');
  const runner = runnerOf(deps);
  const row = await bossRepo.byId(deps.db, id);
  if (!row) throw errors.notFound('任务', 'Job');
  if (row.state !== 'failed')
    throw errors.conflict('只有失败的任务可以重试', 'Only a failed job can be retried', 'state');
  if (!runner) throw errors.conflict('本实例未运行任务队列', 'The job queue does not run on this instance');
  await deps.db.transaction(async (tx) => {
    await runner.retryInTx(tx, row.name, id);
    // pg-boss retries only jobs not yet moved to its archive.
    if ((await bossRepo.byId(tx, id))?.state === 'failed')
      throw errors.conflict('该任务已归档，无法重试', 'The job has been archived and cannot be retried', 'state');
    await writeAudit(tx, ctx, {
      action: 'job.retried',
      entityType: 'job',
      entityId: id,
      before: { name: row.name, state: row.state, error: row.errorMessage },
      after: { state: 'retry' },
    });
  });
  runner.wake(row.name);
  return jobOf((await bossRepo.byId(deps.db, id)) ?? row);
}
