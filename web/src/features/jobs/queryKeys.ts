/** The jobs API; the list's pages and the queues summary are keyed under it. */
export const JOBS_API = '/api/jobs';
export const JOB_QUEUES_API = '/api/jobs/queues';

export const jobKeys = {
  all: [JOBS_API] as const,
  queues: [JOB_QUEUES_API] as const,
};
