import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import { inRegion } from '../../../core/scope.js';
import type { DbOrTx } from '../../../db/client.js';
import { regions } from '../../regions/tables.js';
import { stations } from '../tables.js';
import { stationAlarmRules, stationRuleStates } from './tables.js';

// Staff's reads and changes of threshold alarm rules (the ingester reads the enabled ones in
// repository.ts `rulesFor`, which is where a disabled rule stops being evaluated).

type RuleInsert = typeof stationAlarmRules.$inferInsert;

/** A rule as staff read it: its station's code and name or its region's name, its version. */
async function select(db: DbOrTx, where: SQL | undefined) {
  const rows = await db
    .select({
      rule: stationAlarmRules,
      stationCode: stations.code,
      stationName: stations.name,
      regionName: regions.name,
    })
    .from(stationAlarmRules)
    .leftJoin(stations, eq(stations.id, stationAlarmRules.stationId))
    .leftJoin(regions, eq(regions.code, stationAlarmRules.regionCode))
    .where(where)
    // A station's own rules before its regions', each oldest first.
    .orderBy(sql`${stationAlarmRules.stationId} is null`, asc(stationAlarmRules.createdAt), asc(stationAlarmRules.id));
  return rows.map(({ rule, stationCode, stationName, regionName }) => ({
    id: rule.id,
    stationCode,
    stationName,
    regionCode: rule.regionCode,
    regionName,
    metric: rule.metric,
    op: rule.op,
    threshold: rule.threshold,
    durationSec: rule.durationSec,
    hysteresis: rule.hysteresis,
    severity: rule.severity,
    enabled: rule.enabled,
    version: rule.version,
    updatedAt: rule.updatedAt.toISOString(),
  }));
}

export const ruleRepo = {
  async insert(db: DbOrTx, values: RuleInsert) {
    const [row] = await db.insert(stationAlarmRules).values(values).returning();
    if (!row) throw new Error('alarm rule not written');
    return row;
  },
  async byId(db: DbOrTx, id: string) {
    const [row] = await select(db, eq(stationAlarmRules.id, id));
    return row ?? null;
  },
  /** The rules a reader's region holds: its stations' own, and those of regions within it. */
  async list(db: DbOrTx, scope: string | null) {
    return select(
      db,
      scope ? or(inRegion(stationAlarmRules.regionCode, scope), inRegion(stations.regionCode, scope)) : undefined,
    );
  },
  /**
   * The rules that apply to a station: its own, and those of its county, city and province (the
   * same coverage as the ingester's `rulesFor`: a region covers its sub-regions).
   */
  async forStation(db: DbOrTx, stationId: string, stationRegion: string) {
    return select(
      db,
      or(
        eq(stationAlarmRules.stationId, stationId),
        sql`${stationRegion} like (case when right(${stationAlarmRules.regionCode}, 4) = '0000' then left(${stationAlarmRules.regionCode}, 2) when right(${stationAlarmRules.regionCode}, 2) = '00' then left(${stationAlarmRules.regionCode}, 4) else ${stationAlarmRules.regionCode} end) || '%'`,
      ),
    );
  },
  /** The rule to change, locked until the caller's transaction ends, with the region it belongs to. */
  async lock(db: DbOrTx, id: string) {
    const [row] = await db
      .select({ rule: stationAlarmRules, stationRegion: stations.regionCode })
      .from(stationAlarmRules)
      .leftJoin(stations, eq(stations.id, stationAlarmRules.stationId))
      .where(eq(stationAlarmRules.id, id))
      .for('update', { of: stationAlarmRules });
    return row ? { ...row.rule, ownerRegion: row.rule.regionCode ?? row.stationRegion } : null;
  },
  async update(db: DbOrTx, id: string, values: Partial<RuleInsert>) {
    const [row] = await db.update(stationAlarmRules).set(values).where(eq(stationAlarmRules.id, id)).returning();
    if (!row) throw new Error('alarm rule not written');
    return row;
  },
  /**
   * Forgets where the rule's condition had started to hold without raising yet, at every station:
   * that clock ran under another condition (or while the rule was off). A raised state stays, so
   * the open alarm is updated or cleared by the rule as it now reads.
   */
  async forgetPendingStates(db: DbOrTx, ruleId: string) {
    await db
      .delete(stationRuleStates)
      .where(and(eq(stationRuleStates.ruleId, ruleId), eq(stationRuleStates.raised, false)));
  },
};
