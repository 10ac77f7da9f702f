import { z } from 'zod';
import { regionCodeSchema } from '../regions/api.js';

/** Threshold alarm rules (POST/GET /api/stations/alarm-rules): for one station, or every station of a region. */
export const ALARM_METRICS = ['temperatureC', 'humidityPct', 'pm25', 'co2ppm'] as const;

export const alarmRuleInputSchema = z
  .object({
    stationCode: z.string().trim().toUpperCase().max(32).optional(),
    regionCode: regionCodeSchema.optional(),
    metric: z.enum(ALARM_METRICS),
    op: z.enum(['above', 'below']),
    threshold: z.number().finite().min(-1000).max(100_000),
    /** How long the value must stay past the threshold, by the messages' own time (0: at once). */
    durationSec: z.number().int().min(0).max(86_400),
    hysteresis: z.number().finite().min(0).max(1000).default(0),
    severity: z.enum(['info', 'warning', 'critical']),
  })
  .refine((r) => !!r.stationCode !== !!r.regionCode, {
    path: ['stationCode'],
    error: '请指定一个站点或一个地区（二选一） / name one station or one region, not both',
  });
export type AlarmRuleInput = z.infer<typeof alarmRuleInputSchema>;

export const alarmRuleSchema = z.object({
  id: z.string(),
  stationCode: z.string().nullable(),
  regionCode: z.string().nullable(),
  metric: z.enum(ALARM_METRICS),
  op: z.enum(['above', 'below']),
  threshold: z.number(),
  durationSec: z.number(),
  hysteresis: z.number(),
  severity: z.enum(['info', 'warning', 'critical']),
  enabled: z.boolean(),
});
export type AlarmRule = z.infer<typeof alarmRuleSchema>;
export const alarmRuleListSchema = z.object({ items: z.array(alarmRuleSchema) });
export const alarmRuleListQuerySchema = z.object({ regionCode: regionCodeSchema.optional() });
