import { z } from 'zod';
import type { Deps } from '../../../core/deps.js';
import { defineJob } from '../../jobs/define.js';
import { refreshSnapshot, snapshotIsCurrent, type RefreshOutcome } from './snapshot-repository.js';

/** Refreshes the statistics' snapshot when a write left a mark; nothing to do otherwise. */
export async function refreshFeeStats(deps: Deps): Promise<RefreshOutcome | { refreshed: false; reason: 'current' }> {
  if (await snapshotIsCurrent(deps.db)) return { refreshed: false, reason: 'current' };
  return refreshSnapshot(deps.db);
}

/**
 * The refresh as a job: kicked by a read that found the snapshot stale (it answered live), and
 * every five minutes as a catch-all, so the next reader after a quiet spell finds it current.
 * Not kicked by each writer: the collections and lines are written by the tax import, its
 * rollback, the runs, the approvals, the bank results and the re-batches, and a kick per commit
 * would refresh (seconds of a province's scan) during a burst of writes that makes it stale again.
 * Singleton: kicks while one waits are dropped.
 */
export const refreshFeeStatsJob = defineJob({
  name: 'fee_refunds.stats_refresh',
  payload: z.object({}),
  handler: (deps) => refreshFeeStats(deps),
  schedule: { cron: '*/5 * * * *', payload: {} },
  singleton: true,
  expireInSeconds: 600,
  // A refresh that met another one committing (a serialization failure) tries once more.
  retry: { limit: 1, delaySeconds: 5, backoff: false },
});
