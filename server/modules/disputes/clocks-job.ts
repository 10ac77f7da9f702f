import { z } from 'zod';
import { defineJob } from '../jobs/define.js';
import { runReminders } from './reminders.js';

/**
 * The dispute clocks, on the job queue: reminders before deadlines and the recorded decision
 * when a mediation period ends. pg-boss sends one job per cron tick across all instances; a
 * retry (or a run taken over from an instance that died) sends no reminder twice, because each
 * one is recorded per clock, kind and day on the locked case row in the same transaction as its
 * message (reminders.ts).
 */
export const disputeClocksJob = defineJob({
  name: 'disputes.clocks',
  payload: z.object({}).strict(),
  retry: { limit: 3, delaySeconds: 30, backoff: true },
  expireInSeconds: 30 * 60,
  handler: async (deps, _payload, ctx) => {
    const result = await runReminders(deps, { signal: ctx.signal });
    if (result.remindersSent || result.closedForDeadline || result.sessionReminders || result.workerWarnings)
      deps.logger.info(result, 'dispute clocks job');
    return result;
  },
});
