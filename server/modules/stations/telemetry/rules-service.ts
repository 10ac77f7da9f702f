import type {
  AlarmRule,
  AlarmRuleChange,
  AlarmRuleInput,
  AlarmRuleList,
} from '../../../../contracts/stations/rules.js';
import { writeAudit } from '../../../core/audit.js';
import { assertInScope, requirePermission, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { errors } from '../../../core/errors.js';
import { regionRepo } from '../../regions/repository.js';
import { stationRepo } from '../repository.js';
import { stationInScope } from '../service.js';
import { ruleRepo } from './rule-repository.js';

// Threshold alarm rules kept by the region's staff: one station's own, or every station of a region.
// A rule is changed at the version read, locked, with its audit record; a disabled rule stays
// listed but the ingester does not evaluate it (`telemetryRepo.rulesFor` loads the enabled ones).

const notFound = () => errors.notFound('告警规则', 'Alarm rule');

/** The fields of a rule that decide when it raises: a change of one restarts its clocks. */
const CONDITION = ['metric', 'op', 'threshold', 'durationSec', 'hysteresis'] as const;

async function readRule(deps: Deps, id: string): Promise<AlarmRule> {
  const rule = await ruleRepo.byId(deps.db, id);
  if (!rule) throw notFound();
  return rule;
}

export async function createAlarmRule(deps: Deps, ctx: Ctx, input: AlarmRuleInput): Promise<AlarmRule> {
  const actor = requirePermission(ctx, 'stations:manage');
  let stationId: string | null = null;
  let regionCode: string | null = null;
  let ownerRegion: string;
  if (input.stationCode) {
    const station = await stationRepo.byCode(deps.db, input.stationCode);
    if (!station) throw errors.validation('stationCode', '站点不存在', 'No station has this code');
    assertInScope(actor, station.regionCode);
    stationId = station.id;
    ownerRegion = station.regionCode;
  } else if (input.regionCode) {
    if (!(await regionRepo.byCode(deps.db, input.regionCode)))
      throw errors.validation('regionCode', '行政区划代码不存在', 'Unknown region code');
    assertInScope(actor, input.regionCode);
    regionCode = input.regionCode;
    ownerRegion = input.regionCode;
  } else {
    throw errors.validation('stationCode', '请指定一个站点或一个地区', 'Name one station or one region');
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
      regionCode: ownerRegion,
      after: { ...input },
    });
    return row.id;
  });
  return readRule(deps, id);
}

export async function listAlarmRules(deps: Deps, ctx: Ctx, query: { regionCode?: string }): Promise<AlarmRuleList> {
  const actor = requirePermission(ctx, 'stations:read');
  const items = await ruleRepo.list(deps.db, actor.regionCode);
  return {
    items: query.regionCode
      ? items.filter((r) => (r.regionCode ?? '').startsWith(query.regionCode!.replace(/0+$/, '')))
      : items,
  };
}

/**
 * The rules that apply to one station, enabled or not: its own and those of the regions it lies in
 * (a city's rule shows on its stations' pages to the county's staff, who may read but not change it).
 */
export async function stationAlarmRules(deps: Deps, ctx: Ctx, code: string): Promise<AlarmRuleList> {
  const station = await stationInScope(deps, ctx, code);
  return { items: await ruleRepo.forStation(deps.db, station.id, station.regionCode) };
}

/**
 * Changes a rule at the version read (409 when it moved): its condition, severity, or whether it
 * is evaluated at all. Staff may change the rules of their own region: a station's rule with its
 * station, a region's rule when the region is within theirs. A change of the condition, or the
 * rule turned on again, forgets the clocks that had started without raising, so the rule as it
 * now reads needs its full duration; a raised alarm stays and is cleared by the rule as it now reads.
 */
export async function changeAlarmRule(deps: Deps, ctx: Ctx, id: string, change: AlarmRuleChange): Promise<AlarmRule> {
  const actor = requirePermission(ctx, 'stations:manage');
  await deps.db.transaction(async (tx) => {
    const before = await ruleRepo.lock(tx, id);
    if (!before) throw notFound();
    assertInScope(actor, before.ownerRegion);
    const { expectedVersion, ...fields } = change;
    if (before.version !== expectedVersion)
      throw errors.conflict(
        '该告警规则已被他人修改，请刷新后重试',
        'The alarm rule changed meanwhile; reload and retry',
        'expectedVersion',
      );
    // Decided on the locked row: only what differs from it is written and audited.
    const changed = Object.fromEntries(
      Object.entries(fields).filter(
        ([key, value]) => value !== undefined && value !== before[key as keyof typeof fields],
      ),
    ) as Partial<typeof fields>;
    const keys = Object.keys(changed) as (keyof typeof fields)[];
    if (!keys.length) return;
    await ruleRepo.update(tx, id, { ...changed, version: before.version + 1, updatedAt: deps.now() });
    if (changed.enabled === true || CONDITION.some((k) => k in changed)) await ruleRepo.forgetPendingStates(tx, id);
    await writeAudit(tx, ctx, {
      action:
        changed.enabled === false
          ? 'station_alarm_rule.disabled'
          : changed.enabled === true
            ? 'station_alarm_rule.enabled'
            : 'station_alarm_rule.updated',
      entityType: 'station_alarm_rule',
      entityId: id,
      regionCode: before.ownerRegion,
      before: Object.fromEntries(keys.map((k) => [k, before[k]])),
      after: { ...changed },
    });
  });
  return readRule(deps, id);
}
