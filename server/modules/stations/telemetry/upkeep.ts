import { z } from 'zod';
import type { Deps } from '../../../core/deps.js';
import { defineJob } from '../../jobs/define.js';
import { ALARM_LABELS, IMMEDIATE_ALARMS } from '../rules/alarms.js';
import { telemetryRepo } from './repository.js';

/*
 * The sensors' upkeep, every minute and every night: a station that has said nothing for
 * STATION_OFFLINE_MINUTES (missed heartbeats, where no last will came) is marked offline with an
 * alarm; raw telemetry older than TELEMETRY_RETENTION_DAYS goes a month partition at a time (the
 * minute and hour rollups stay).
 */

export async function markSilentStations(deps: Deps): Promise<{ offline: number }> {
  const now = deps.now();
  const silent = await telemetryRepo.silentSince(
    deps.db,
    new Date(now.getTime() - deps.config.stationOfflineMinutes * 60_000),
  );
  for (const s of silent)
    await deps.db.transaction(async (tx) => {
      await telemetryRepo.markOffline(tx, s.stationId, now);
      await telemetryRepo.raiseOrRepeat(tx, {
        stationId: s.stationId,
        kind: 'offline',
        ruleId: null,
        equipmentCode: '',
        severity: IMMEDIATE_ALARMS.offline,
        textZh: `${ALARM_LABELS.offline.zh}（超过 ${deps.config.stationOfflineMinutes} 分钟无数据）`,
        textEn: `${ALARM_LABELS.offline.en} (no data for over ${deps.config.stationOfflineMinutes} minutes)`,
        value: null,
        at: now,
      });
    });
  return { offline: silent.length };
}

export async function dropOldTelemetry(deps: Deps): Promise<{ dropped: string[] }> {
  const keepFrom = new Date(deps.now().getTime() - deps.config.telemetryRetentionDays * 86_400_000);
  return { dropped: await telemetryRepo.dropMonthsBefore(deps.db, keepFrom) };
}

export const stationSilenceJob = defineJob({
  name: 'stations.silence',
  payload: z.object({}).strict(),
  schedule: { cron: '* * * * *', payload: {} },
  retry: { limit: 1, delaySeconds: 30, backoff: false },
  expireInSeconds: 120,
  handler: async (deps) => markSilentStations(deps),
});

export const telemetryRetentionJob = defineJob({
  name: 'stations.telemetry-retention',
  payload: z.object({}).strict(),
  schedule: { cron: '10 4 * * *', payload: {} },
  retry: { limit: 2, delaySeconds: 600, backoff: false },
  handler: async (deps) => dropOldTelemetry(deps),
});
