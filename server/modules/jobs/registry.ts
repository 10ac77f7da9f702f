import type { AppConfig } from '../../config.js';
import { backupJobFor } from '../backup/backup-job.js';
import { disputeClocksJob } from '../disputes/clocks-job.js';
import { feeRefundDeadlinesJob } from '../fee-refunds/runs/deadlines.js';
import { refreshFeeStatsJob } from '../fee-refunds/stats/refresh-job.js';
import { commitImportJob } from '../imports/commit.js';
import { expireCheckedImportsJob } from '../imports/expire-job.js';
import { validateImportJob } from '../imports/validate.js';
import { dispatchMessagesJob } from '../notifications/job.js';
import { stationSilenceJob, telemetryRetentionJob } from '../stations/telemetry/upkeep.js';
import { progressCleanupJob } from './cleanup-job.js';
import type { JobDefinition } from './define.js';
import type { AnyJobDefinition } from './runner.js';

/** A definition with its schedule from configuration (null: not scheduled). */
function scheduledBy<P>(job: JobDefinition<P>, cron: string | null, payload: P): JobDefinition<P> {
  return { ...job, schedule: cron ? { cron, payload } : undefined };
}

/**
 * Every job the app runs: each instance's runner registers all of them (a queue per job) and
 * keeps their schedules. A job missing here cannot be sent.
 */
export function jobDefinitions(config: AppConfig): AnyJobDefinition[] {
  const backup = backupJobFor(config);
  return [
    progressCleanupJob,
    scheduledBy(disputeClocksJob, config.disputeClocksCron, {}),
    scheduledBy(feeRefundDeadlinesJob, config.feeDeadlinesCron, {}),
    dispatchMessagesJob,
    refreshFeeStatsJob,
    validateImportJob,
    commitImportJob,
    expireCheckedImportsJob,
    stationSilenceJob,
    telemetryRetentionJob,
    ...(backup ? [backup] : []),
  ];
}
