// Browser-safe and zod-free (the web imports it at run time; the schemas are in contracts/jobs.ts).

/** pg-boss's states of a job: queued, waiting for a retry, running, and the three ends. */
export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** A job in one of these will not run again unless an administrator retries it. */
export const FINAL_JOB_STATES: readonly JobState[] = ['completed', 'cancelled', 'failed'];

/** The list's filter: a state, or `queued` for both states of a job waiting to run. */
export const JOB_FILTER_STATES = ['queued', ...JOB_STATES] as const;
export type JobFilterState = (typeof JOB_FILTER_STATES)[number];

/** The events of GET /api/jobs/:id/events (server-sent events). */
export const JOB_EVENT = { progress: 'progress', end: 'end' } as const;

/** The path of a job's events stream. */
export const jobEventsPath = (jobId: string) => `/api/jobs/${encodeURIComponent(jobId)}/events`;
