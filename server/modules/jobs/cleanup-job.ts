import { z } from 'zod';
import { defineJob } from './define.js';
import { progressRepo } from './repository.js';

/** pg-boss deletes archived jobs 7 days after archiving them (up to 14 days after they ended). */
const PROGRESS_KEPT_DAYS = 15;

/** The progress rows of jobs pg-boss no longer keeps, deleted once a day at 03:30 China time. */
export const progressCleanupJob = defineJob({
  name: 'jobs.progress-cleanup',
  payload: z.object({}).strict(),
  schedule: { cron: '30 3 * * *', payload: {} },
  retry: { limit: 2, delaySeconds: 300, backoff: false },
  handler: async (deps) => {
    await progressRepo.deleteBefore(deps.db, new Date(deps.now().getTime() - PROGRESS_KEPT_DAYS * 86_400_000));
  },
});
