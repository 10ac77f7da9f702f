// A job, the list's filter and the queues summary, from their schemas (contracts/jobs.ts).
import type { z } from 'zod';
import type { jobQueuesSchema } from '../../../../contracts/jobs';

export type { Job, JobFilter, JobQueueSummary } from '../../../../contracts/jobs';
export type JobQueues = z.infer<typeof jobQueuesSchema>;
