import { z } from 'zod';
import { regionCodeSchema } from '../regions/api.js';
import { ALARM_RULE_LIMITS, ALARM_RULE_METRICS, ALARM_RULE_OPS, ALARM_RULE_SEVERITIES } from './alarm-rule-codes.js';

/**
 * Threshold alarm rules (/api/stations/alarm-rules): for one station, or every station of a region.
 * The codes, labels and bounds are in alarm-rule-codes.ts (zod-free, for the web).
 */
const threshold = z.number().finite().min(ALARM_RULE_LIMITS.threshold.min).max(ALARM_RULE_LIMITS.threshold.max);
/** How long the value must stay past the threshold, by the messages' own time (0: at once). */
const durationSec = z.number().int().min(ALARM_RULE_LIMITS.durationSec.min).max(ALARM_RULE_LIMITS.durationSec.max);
const hysteresis = z.number().finite().min(ALARM_RULE_LIMITS.hysteresis.min).max(ALARM_RULE_LIMITS.hysteresis.max);

export const alarmRuleInputSchema = z
  .object({
    stationCode: z.string().trim().toUpperCase().max(32).optional(),
    regionCode: regionCodeSchema.optional(),
    metric: z.enum(ALARM_RULE_METRICS),
    op: z.enum(ALARM_RULE_OPS),
    threshold,
    durationSec,
    hysteresis: hysteresis.default(0),
    severity: z.enum(ALARM_RULE_SEVERITIES),
  })
  .refine((r) => !!r.stationCode !== !!r.regionCode, {
    path: ['stationCode'],
    error: '请指定一个站点或一个地区（二选一） / name one station or one region, not both',
  });
export type AlarmRuleInput = z.infer<typeof alarmRuleInputSchema>;

/**
 * PUT /api/stations/alarm-rules/:id: the fields to change, at the version read. What the rule is
 * for (its station or region) stays; a field left out keeps its value. `enabled: false` stops
 * the rule being evaluated, `true` starts it again.
 */
export const alarmRuleChangeSchema = z.object({
  expectedVersion: z.number().int().min(1),
  metric: z.enum(ALARM_RULE_METRICS).optional(),
  op: z.enum(ALARM_RULE_OPS).optional(),
  threshold: threshold.optional(),
  durationSec: durationSec.optional(),
  hysteresis: hysteresis.optional(),
  severity: z.enum(ALARM_RULE_SEVERITIES).optional(),
  enabled: z.boolean().optional(),
});
export type AlarmRuleChange = z.infer<typeof alarmRuleChangeSchema>;

export const alarmRuleSchema = z.object({
  id: z.string(),
  /** The station the rule is for, or null for a region's rule. */
  stationCode: z.string().nullable(),
  stationName: z.string().nullable(),
  /** The region the rule is for (every station within it), or null for a station's rule. */
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  metric: z.enum(ALARM_RULE_METRICS),
  op: z.enum(ALARM_RULE_OPS),
  threshold: z.number(),
  durationSec: z.number(),
  hysteresis: z.number(),
  severity: z.enum(ALARM_RULE_SEVERITIES),
  enabled: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
});
export type AlarmRule = z.infer<typeof alarmRuleSchema>;
export const alarmRuleListSchema = z.object({ items: z.array(alarmRuleSchema) });
export type AlarmRuleList = z.infer<typeof alarmRuleListSchema>;
export const alarmRuleListQuerySchema = z.object({ regionCode: regionCodeSchema.optional() });
