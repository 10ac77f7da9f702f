import { z } from 'zod';
import { JOB_FILTER_STATES, JOB_STATES } from './jobs/states.js';
import { pageOf } from './paging.js';
import { plainText } from './text.js';

const bilingual = z.object({ zh: z.string(), en: z.string() });

/** What a job last said about itself (0..1 and a message), or null before it said anything. */
export const jobProgressSchema = z.object({
  fraction: z.number().min(0).max(1),
  message: bilingual.nullable(),
});

/** A job of GET /api/jobs and GET /api/jobs/:id. Times are ISO instants. */
export const jobSchema = z.object({
  id: z.string(),
  name: z.string(),
  state: z.enum(JOB_STATES),
  /** Runs started so far (the first run and its retries). */
  attempts: z.number().int(),
  /** Retries allowed after the first run. */
  retryLimit: z.number().int(),
  createdAt: z.string(),
  /** When it may run (a retry waits for its backoff). */
  startAfter: z.string(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  /** The last error, for a failed job or one waiting for a retry. */
  errorMessage: z.string().nullable(),
  progress: jobProgressSchema.nullable(),
});
export type Job = z.infer<typeof jobSchema>;
export const jobPageSchema = pageOf(jobSchema);

/** The filters of GET /api/jobs. */
export const jobFilterSchema = z.object({
  state: z.enum(JOB_FILTER_STATES).optional(),
  name: plainText(100).optional(),
});
export type JobFilter = z.infer<typeof jobFilterSchema>;

export const jobIdParamsSchema = z.object({ id: z.uuid() });

/** A queue (one per job definition) with its jobs counted by state, and its schedule. */
export const jobQueueSchema = z.object({
  name: z.string(),
  policy: z.string(),
  retryLimit: z.number().int(),
  counts: z.object({
    created: z.number().int(),
    retry: z.number().int(),
    active: z.number().int(),
    completed: z.number().int(),
    failed: z.number().int(),
    cancelled: z.number().int(),
  }),
  /** Cron expression and its time zone (Asia/Shanghai), when the job is scheduled. */
  schedule: z.object({ cron: z.string(), timeZone: z.string() }).nullable(),
});
export type JobQueueSummary = z.infer<typeof jobQueueSchema>;

/** GET /api/jobs/queues: the queues, and whether this instance's runner is working them. */
export const jobQueuesSchema = z.object({ running: z.boolean(), items: z.array(jobQueueSchema) });

/** Data of a `progress` event. */
export const jobProgressEventSchema = jobProgressSchema.extend({ at: z.string() });
export type JobProgressEvent = z.infer<typeof jobProgressEventSchema>;
/** Data of the `end` event, the last of the stream. */
export const jobEndEventSchema = z.object({ state: z.enum(JOB_STATES), errorMessage: z.string().nullable() });
export type JobEndEvent = z.infer<typeof jobEndEventSchema>;
