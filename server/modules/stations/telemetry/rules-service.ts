import type { AlarmRule, AlarmRuleInput } from '../../../../contracts/stations/rules.js';
import { writeAudit } from '../../../core/audit.js';
import { assertInScope, requirePermission, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { errors } from '../../../core/errors.js';
import { regionRepo } from '../../regions/repository.js';
import { stationRepo } from '../repository.js';
import { ruleRepo } from './rule-repository.js';

// Threshold alarm rules kept by the region's staff: one station's own, or every station of a region.

export async function createAlarmRule(deps: Deps, ctx: Ctx, input: AlarmRuleInput): Promise<AlarmRule> {
  const actor = requirePermission(ctx, 'stations:manage');
  let stationId: string | null = null;
  let regionCode: string | null = null;
  if (input.stationCode) {
    const station = await stationRepo.byCode(deps.db, input.stationCode);
    if (!station) throw errors.validation('stationCode', '站点不存在', 'No station has this code');
    assertInScope(actor, station.regionCode);
    stationId = station.id;
  } else if (input.regionCode) {
    if (!(await regionRepo.byCode(deps.db, input.regionCode)))
      throw errors.validation('regionCode', '行政区划代码不存在', 'Unknown region code');
    assertInScope(actor, input.regionCode);
    regionCode = input.regionCode;
  }
  const id = await deps.db.transaction(async (tx) => {
    const row = await ruleRepo.insert(tx, {
      stationId,
      regionCode,
      metric: input.metric,
      op: input.op,
      threshold: input.threshold,
      durationSec: input.durationSec,
      hysteresis: input.hysteresis,
      severity: input.severity,
    });
    await writeAudit(tx, ctx, {
      action: 'station_alarm_rule.created',
      entityType: 'station_alarm_rule',
      entityId: row.id,
      regionCode: regionCode ?? (await stationRepo.byCode(tx, input.stationCode ?? ''))?.regionCode ?? null,
      after: { ...input },
    });
    return row.id;
  });
  const created = (await ruleRepo.list(deps.db, actor.regionCode)).find((r) => r.id === id);
  if (!created) throw errors.notFound('告警规则', 'Alarm rule');
  return created;
}

export async function listAlarmRules(deps: Deps, ctx: Ctx, query: { regionCode?: string }) {
  const actor = requirePermission(ctx, 'stations:read');
  const items = await ruleRepo.list(deps.db, actor.regionCode);
  return {
    items: query.regionCode
      ? items.filter((r) => (r.regionCode ?? '').startsWith(query.regionCode!.replace(/0+$/, '')))
      : items,
  };
}
