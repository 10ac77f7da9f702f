import {
  ALARM_RULE_METRIC_LABELS,
  type AlarmRuleMetric,
  type AlarmRuleSeverity,
} from '../../../../contracts/stations/alarm-rule-codes.js';

/**
 * The alarms of a station: the kinds raised at once by a device or the ingester, and threshold rules
 * on the environment readings that raise only after the condition has held for a while.
 *
 * Threshold rules run on the messages' own time (`ts`), never on the wall clock: the same messages
 * give the same alarms whether they arrive live, late after a network outage, or are replayed.
 */

export type Metric = AlarmRuleMetric;
export type Severity = AlarmRuleSeverity;

export interface ThresholdRule {
  id: string;
  metric: Metric;
  op: 'above' | 'below';
  threshold: number;
  durationSec: number;
  severity: Severity;
  /** clears only once the value is back past threshold ∓ hysteresis */
  hysteresis: number;
}

export interface RuleState {
  /**
   * when the condition started to hold, by message ts; null when not holding. Once raised, the
   * start of the episode that raised it, kept until the alarm clears (also through the hysteresis band).
   */
  since: Date | null;
  raised: boolean;
  /** the ts of the last message evaluated; an older one is out of order and ignored */
  lastTs: Date | null;
}

export type RuleEvent =
  | { type: 'raise'; ruleId: string; at: Date; value: number }
  | { type: 'update'; ruleId: string; at: Date; value: number }
  | { type: 'clear'; ruleId: string; at: Date; value: number };

/** A rule's state before its first message. Frozen: every evaluation returns a new state. */
export const INITIAL_RULE_STATE: RuleState = Object.freeze({ since: null, raised: false, lastTs: null });

// threshold ∓ hysteresis is computed in binary floating point: 0.3 − 0.1 is 0.19999999999999998,
// and a reading of 0.2 must clear it. A billionth of the threshold is far below any sensor's resolution.
const CLEAR_MARGIN = 1e-9;

/**
 * One message's value against one rule. Pure: the state in, the next state and the events out; the
 * caller keeps the state per station and rule and turns the events into alarm rows.
 *
 * - Time is the message's `ts`. A message older than `state.lastTs` arrived out of order and is
 *   ignored: no events, state unchanged. One with the same `ts` is evaluated (QoS 1 may deliver a
 *   message twice; a second copy of a raising message gives an 'update', never a second 'raise').
 * - A null value (the sensor sent no such reading), a value that is not a finite number, or an
 *   invalid `ts` changes nothing, not even `lastTs`.
 * - The condition holds when value > threshold ('above') or value < threshold ('below'); a value
 *   equal to the threshold does not hold.
 * - Not raised: when the condition starts to hold, `since = ts`; when `ts − since ≥ durationSec` it
 *   raises ('raise', at this message's ts; the episode's start is `state.since`). Exactly at the
 *   boundary raises: above 32 °C for 10 minutes raises at the message whose ts is since + 600 s. A
 *   duration of 0 raises at the first message that holds. Any value for which the condition does
 *   not hold (the threshold itself included) resets `since` to null: the clock starts again.
 * - Raised, still holding: 'update' (the caller updates the active alarm: latest value and time).
 * - Raised, back past the threshold by the hysteresis (value ≤ threshold − hysteresis for 'above',
 *   ≥ threshold + hysteresis for 'below'): 'clear', and `since` resets to null, so a new alarm needs
 *   the full duration again.
 * - Raised, in the band between (threshold − hysteresis < value ≤ threshold for 'above'): the alarm
 *   stays active, with no event (the alarm keeps its last value past the threshold) and nothing
 *   reset: `since` stays the episode's start, and a value past the threshold again is an 'update'
 *   of the same alarm. This is what the band is for: a reading wavering around the threshold
 *   neither clears nor raises again.
 * - A gap between messages, however long, does not break a condition that holds on both sides: as
 *   far as we know the value stayed past the threshold, so a message after a gap longer than the
 *   duration raises at once. A station that went silent is the 'offline' alarm's concern, not this one.
 * - A negative or non-finite hysteresis counts as 0; a negative or non-finite duration as 0.
 */
export function evaluateThreshold(
  rule: ThresholdRule,
  state: RuleState,
  ts: Date,
  value: number | null,
): { state: RuleState; events: RuleEvent[] } {
  const at = ts.getTime();
  if (value === null || !Number.isFinite(value) || !Number.isFinite(at)) return { state, events: [] };
  if (state.lastTs !== null && at < state.lastTs.getTime()) return { state, events: [] };

  const holds = rule.op === 'above' ? value > rule.threshold : value < rule.threshold;
  const event = (type: RuleEvent['type']): RuleEvent[] => [{ type, ruleId: rule.id, at: ts, value }];

  if (state.raised) {
    if (holds) return { state: { ...state, lastTs: ts }, events: event('update') };
    if (isCleared(rule, value)) return { state: { since: null, raised: false, lastTs: ts }, events: event('clear') };
    return { state: { ...state, lastTs: ts }, events: [] };
  }

  if (!holds) return { state: { since: null, raised: false, lastTs: ts }, events: [] };
  const since = state.since ?? ts;
  if (at - since.getTime() >= nonNegative(rule.durationSec) * 1000) {
    return { state: { since, raised: true, lastTs: ts }, events: event('raise') };
  }
  return { state: { since, raised: false, lastTs: ts }, events: [] };
}

/** Whether a value is back past the threshold by the hysteresis (the band's far edge included). */
function isCleared(rule: ThresholdRule, value: number): boolean {
  const hysteresis = nonNegative(rule.hysteresis);
  const margin = CLEAR_MARGIN * Math.max(1, Math.abs(rule.threshold));
  return rule.op === 'above'
    ? value <= rule.threshold - hysteresis + margin
    : value >= rule.threshold + hysteresis - margin;
}

function nonNegative(n: number): number {
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/**
 * Alarms raised at once, with their severity: from the station's devices (the alarm topic), an
 * equipment message with state "fault", and a status message with online false.
 */
export const IMMEDIATE_ALARMS = {
  emergency_button: 'critical',
  smoke: 'critical',
  door_forced: 'warning',
  water_leak: 'warning',
  equipment_fault: 'warning',
  offline: 'warning',
} as const;

export type ImmediateAlarm = keyof typeof IMMEDIATE_ALARMS;
export type AlarmKind = ImmediateAlarm | 'threshold';

export interface AlarmLabel {
  zh: string;
  en: string;
}

/** What staff and the station manager read for each kind of alarm. */
export const ALARM_LABELS: Readonly<Record<AlarmKind, AlarmLabel>> = {
  emergency_button: { zh: '紧急求助按钮被按下', en: 'Emergency button pressed' },
  smoke: { zh: '烟雾报警', en: 'Smoke detected' },
  door_forced: { zh: '门被强行打开', en: 'Door forced open' },
  water_leak: { zh: '漏水报警', en: 'Water leak detected' },
  equipment_fault: { zh: '设备故障', en: 'Equipment fault' },
  offline: { zh: '站点设备离线', en: 'Station device offline' },
  threshold: { zh: '环境指标超限', en: 'Environment reading out of limits' },
};

/** The metrics as people read them, with their units, for the text of a threshold alarm. */
export const METRIC_LABELS: Readonly<Record<Metric, AlarmLabel & { unit: string }>> = ALARM_RULE_METRIC_LABELS;

/**
 * A threshold alarm in words: "温度 33.5 °C，高于 32 °C 持续 10 分钟" / "Temperature 33.5 °C, above 32 °C
 * for 10 minute(s)"; without the duration when the rule raises at once.
 */
export function thresholdAlarmText(rule: ThresholdRule, value: number): AlarmLabel {
  const { zh, en, unit } = METRIC_LABELS[rule.metric];
  const seconds = nonNegative(rule.durationSec);
  const past = rule.op === 'above' ? { zh: '高于', en: 'above' } : { zh: '低于', en: 'below' };
  const limit = {
    zh: `${zh} ${value}${unit}，${past.zh} ${rule.threshold}${unit}`,
    en: `${en} ${value}${unit}, ${past.en} ${rule.threshold}${unit}`,
  };
  if (seconds === 0) return limit;
  if (seconds < 60) return { zh: `${limit.zh} 持续 ${seconds} 秒`, en: `${limit.en} for ${seconds} second(s)` };
  const minutes = Math.round((seconds / 60) * 10) / 10;
  return { zh: `${limit.zh} 持续 ${minutes} 分钟`, en: `${limit.en} for ${minutes} minute(s)` };
}
