import type { Label } from './codes.js';

/**
 * Threshold alarm rules in words and numbers, shared by the server (the requests' bounds, the
 * alarm's text) and the web (the rule form and list). No zod here: the web imports it at run time.
 */

/** The environment readings a rule watches (the names of the `env` message's fields). */
export const ALARM_RULE_METRICS = ['temperatureC', 'humidityPct', 'pm25', 'co2ppm'] as const;
export type AlarmRuleMetric = (typeof ALARM_RULE_METRICS)[number];

export const ALARM_RULE_OPS = ['above', 'below'] as const;
export type AlarmRuleOp = (typeof ALARM_RULE_OPS)[number];

export const ALARM_RULE_SEVERITIES = ['info', 'warning', 'critical'] as const;
export type AlarmRuleSeverity = (typeof ALARM_RULE_SEVERITIES)[number];

/** The metrics as people read them, with their units (a leading space where the unit needs one). */
export const ALARM_RULE_METRIC_LABELS: Readonly<Record<AlarmRuleMetric, Label & { unit: string }>> = {
  temperatureC: { zh: '温度', en: 'Temperature', unit: ' °C' },
  humidityPct: { zh: '相对湿度', en: 'Relative humidity', unit: ' %' },
  pm25: { zh: 'PM2.5', en: 'PM2.5', unit: ' µg/m³' },
  co2ppm: { zh: '二氧化碳', en: 'CO₂', unit: ' ppm' },
};

export const ALARM_RULE_OP_LABELS: Readonly<Record<AlarmRuleOp, Label>> = {
  above: { zh: '高于', en: 'above' },
  below: { zh: '低于', en: 'below' },
};

/** What a rule's numbers may be: the requests check them, the form offers them. */
export const ALARM_RULE_LIMITS = {
  threshold: { min: -1000, max: 100_000 },
  /** seconds the value must stay past the threshold, by the messages' own time (0: at once) */
  durationSec: { min: 0, max: 86_400 },
  hysteresis: { min: 0, max: 1000 },
} as const;
