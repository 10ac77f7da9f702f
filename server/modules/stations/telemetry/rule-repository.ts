import { asc, eq, or } from 'drizzle-orm';
import { inRegion } from '../../../core/scope.js';
import type { DbOrTx } from '../../../db/client.js';
import { stations } from '../tables.js';
import { stationAlarmRules } from './tables.js';

export const ruleRepo = {
  async insert(db: DbOrTx, values: typeof stationAlarmRules.$inferInsert) {
    const [row] = await db.insert(stationAlarmRules).values(values).returning();
    if (!row) throw new Error('alarm rule not written');
    return row;
  },
  /** The rules a reader's region holds: its stations' own, and those of regions within it. */
  async list(db: DbOrTx, scope: string | null) {
    const rows = await db
      .select({ rule: stationAlarmRules, stationCode: stations.code, stationRegion: stations.regionCode })
      .from(stationAlarmRules)
      .leftJoin(stations, eq(stations.id, stationAlarmRules.stationId))
      .where(
        scope ? or(inRegion(stationAlarmRules.regionCode, scope), inRegion(stations.regionCode, scope)) : undefined,
      )
      .orderBy(asc(stationAlarmRules.createdAt));
    return rows.map(({ rule, stationCode }) => ({
      id: rule.id,
      stationCode,
      regionCode: rule.regionCode,
      metric: rule.metric,
      op: rule.op,
      threshold: rule.threshold,
      durationSec: rule.durationSec,
      hysteresis: rule.hysteresis,
      severity: rule.severity,
      enabled: rule.enabled,
    }));
  },
};
