import type { z } from 'zod';
import type { AlarmRuleMetric, AlarmRuleOp, AlarmRuleSeverity } from '../../../../contracts/stations/alarm-rule-codes';
import { regionWithin } from '../../../../contracts/regions';
import type { AlarmRule, AlarmRuleChange, alarmRuleInputSchema } from '../../../../contracts/stations/rules';

// The rule form's values and the requests they make, pure (tested in alarmRules.test.ts).

/** What the create request sends (before the server's defaults). */
export type AlarmRuleInput = z.input<typeof alarmRuleInputSchema>;

/** The form: the duration in minutes as people set it; the scope only when a rule is created. */
export interface RuleFormValues {
  /** this station, or every station of a region (`regionCode`) */
  scope: 'station' | 'region';
  regionCode?: string | null;
  metric: AlarmRuleMetric;
  op: AlarmRuleOp;
  threshold: number;
  durationMin: number;
  hysteresis?: number | null;
  severity: AlarmRuleSeverity;
}

/** A new rule starts as the commonest one: too hot for ten minutes. */
export const NEW_RULE: RuleFormValues = {
  scope: 'station',
  metric: 'temperatureC',
  op: 'above',
  threshold: 35,
  durationMin: 10,
  hysteresis: 1,
  severity: 'warning',
};

/** Minutes in the form, whole seconds in the API (0.5 min is 30 s). */
const secondsOf = (minutes: number) => Math.round(minutes * 60);

export function ruleFormValuesOf(rule: AlarmRule): RuleFormValues {
  return {
    scope: rule.stationCode ? 'station' : 'region',
    regionCode: rule.regionCode,
    metric: rule.metric,
    op: rule.op,
    threshold: rule.threshold,
    // Two decimals are within 0.3 s of the seconds, which come back whole (secondsOf).
    durationMin: Math.round((rule.durationSec / 60) * 100) / 100,
    hysteresis: rule.hysteresis,
    severity: rule.severity,
  };
}

/** A new rule for the station on whose page it is made, or for the region picked. */
export function createRuleBody(v: RuleFormValues, stationCode: string): AlarmRuleInput {
  return {
    ...(v.scope === 'region' && v.regionCode ? { regionCode: v.regionCode } : { stationCode }),
    metric: v.metric,
    op: v.op,
    threshold: v.threshold,
    durationSec: secondsOf(v.durationMin),
    hysteresis: v.hysteresis ?? 0,
    severity: v.severity,
  };
}

/**
 * The change of a rule at the version it was read at: only the fields that differ from it, so a
 * duration shown rounded is not written back rounded.
 */
export function changeRuleBody(v: RuleFormValues, rule: AlarmRule): AlarmRuleChange {
  const next = {
    metric: v.metric,
    op: v.op,
    threshold: v.threshold,
    durationSec: secondsOf(v.durationMin),
    hysteresis: v.hysteresis ?? 0,
    severity: v.severity,
  };
  const body: AlarmRuleChange = { expectedVersion: rule.version };
  for (const key of Object.keys(next) as (keyof typeof next)[])
    if (next[key] !== rule[key]) Object.assign(body, { [key]: next[key] });
  return body;
}

/** Turns a rule off or on again, at the version shown. */
export const toggleRuleBody = (rule: AlarmRule): AlarmRuleChange => ({
  expectedVersion: rule.version,
  enabled: !rule.enabled,
});

/**
 * Whether the signed-in user may change a rule: who keeps stations, for a rule of their region (a
 * station's rule belongs to the station's region). The server decides regardless.
 */
export function mayChangeRule(
  rule: AlarmRule,
  stationRegion: string,
  userRegion: string | null,
  canManage: boolean,
): boolean {
  return canManage && regionWithin(rule.regionCode ?? stationRegion, userRegion);
}

/** A duration as people say it: at once, seconds under a minute, else minutes (one decimal), or hours. */
export function durationOf(seconds: number): { unit: 'atOnce' | 'seconds' | 'minutes' | 'hours'; count: number } {
  if (seconds <= 0) return { unit: 'atOnce', count: 0 };
  if (seconds < 60) return { unit: 'seconds', count: seconds };
  if (seconds >= 3600 && seconds % 3600 === 0) return { unit: 'hours', count: seconds / 3600 };
  return { unit: 'minutes', count: Math.round((seconds / 60) * 10) / 10 };
}
