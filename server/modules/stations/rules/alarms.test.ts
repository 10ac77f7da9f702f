import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Reading } from '../telemetry/messages.js';
import {
  ALARM_LABELS,
  IMMEDIATE_ALARMS,
  INITIAL_RULE_STATE,
  evaluateThreshold,
  thresholdAlarmText,
  type AlarmKind,
  type RuleEvent,
  type RuleState,
  type ThresholdRule,
} from './alarms.js';

/** Above 32 °C for 10 minutes; clears at 31 °C or below. */
const hot: ThresholdRule = {
  id: 'hot',
  metric: 'temperatureC',
  op: 'above',
  threshold: 32,
  durationSec: 600,
  severity: 'warning',
  hysteresis: 1,
};

/** Below 30 % humidity for 5 minutes; clears at 35 % or above. */
const dry: ThresholdRule = {
  id: 'dry',
  metric: 'humidityPct',
  op: 'below',
  threshold: 30,
  durationSec: 300,
  severity: 'info',
  hysteresis: 5,
};

const start = Date.parse('2026-07-20T06:00:00Z');
const at = (sec: number) => new Date(start + sec * 1000);

/** Feeds [second, value] messages through the rule, collecting every event. */
function run(rule: ThresholdRule, messages: [number, number | null][], from: RuleState = INITIAL_RULE_STATE) {
  let state = from;
  const events: RuleEvent[] = [];
  for (const [sec, value] of messages) {
    const next = evaluateThreshold(rule, state, at(sec), value);
    state = next.state;
    events.push(...next.events);
  }
  return { state, events, types: events.map((e) => `${e.type}@${(e.at.getTime() - start) / 1000}`) };
}

describe('evaluateThreshold: duration', () => {
  it('raises nothing after 599 s of holding', () => {
    const { state, events } = run(hot, [
      [0, 33],
      [300, 34],
      [599, 33],
    ]);
    expect(events).toEqual([]);
    expect(state).toEqual({ since: at(0), raised: false, lastTs: at(599) });
  });

  it('raises at exactly 600 s, at that message, with its value', () => {
    const { state, events } = run(hot, [
      [0, 33],
      [599, 33],
      [600, 33.5],
    ]);
    expect(events).toEqual([{ type: 'raise', ruleId: 'hot', at: at(600), value: 33.5 }]);
    expect(state).toEqual({ since: at(0), raised: true, lastTs: at(600) });
  });

  it('updates the raised alarm while the condition holds, never raising twice', () => {
    const { types, state } = run(hot, [
      [0, 33],
      [600, 33],
      [660, 35],
      [720, 32.01],
    ]);
    expect(types).toEqual(['raise@600', 'update@660', 'update@720']);
    expect(state.since).toEqual(at(0));
  });

  it('starts the clock again after a dip to the threshold or below', () => {
    const { types, state } = run(hot, [
      [0, 33],
      [500, 32], // not above: the clock resets
      [560, 33],
      [1100, 33],
      [1159, 33],
      [1160, 33],
    ]);
    expect(types).toEqual(['raise@1160']);
    expect(state.since).toEqual(at(560));
  });

  it('raises after a gap longer than the duration while holding on both sides', () => {
    const { types } = run(hot, [
      [0, 33],
      [3600, 33],
    ]);
    expect(types).toEqual(['raise@3600']);
  });

  it('raises at the first holding message when the duration is 0', () => {
    expect(run({ ...hot, durationSec: 0 }, [[0, 32.1]]).types).toEqual(['raise@0']);
    expect(run({ ...hot, durationSec: -5 }, [[0, 32.1]]).types).toEqual(['raise@0']);
  });
});

describe('evaluateThreshold: clearing and the hysteresis band', () => {
  const raised = run(hot, [
    [0, 33],
    [600, 33],
  ]).state;

  it('clears at exactly threshold − hysteresis and resets the clock', () => {
    const { events, state } = run(hot, [[700, 31]], raised);
    expect(events).toEqual([{ type: 'clear', ruleId: 'hot', at: at(700), value: 31 }]);
    expect(state).toEqual({ since: null, raised: false, lastTs: at(700) });
  });

  it('keeps the alarm in the band, silently, with its start, and updates it once past the threshold again', () => {
    const { types, state } = run(
      hot,
      [
        [700, 32], // the threshold itself: in the band
        [800, 31.01],
        [900, 33],
      ],
      raised,
    );
    expect(types).toEqual(['update@900']);
    expect(state).toEqual({ since: at(0), raised: true, lastTs: at(900) });
  });

  it('needs the full duration again after a clear', () => {
    const { types } = run(
      hot,
      [
        [700, 30],
        [710, 33],
        [1309, 33],
        [1310, 33],
      ],
      raised,
    );
    expect(types).toEqual(['clear@700', 'raise@1310']);
  });

  it('clears at once with no hysteresis, and treats a negative one as none', () => {
    for (const hysteresis of [0, -2, Number.NaN]) {
      const rule = { ...hot, hysteresis };
      const { types } = run(rule, [
        [0, 33],
        [600, 33],
        [700, 32],
      ]);
      expect(types, String(hysteresis)).toEqual(['raise@600', 'clear@700']);
    }
  });

  it('clears at a band edge that binary fractions cannot hold exactly', () => {
    const rule: ThresholdRule = { ...hot, metric: 'pm25', threshold: 0.3, hysteresis: 0.1, durationSec: 0 };
    expect(0.3 - 0.1).not.toBe(0.2);
    expect(run(rule, [[0, 0.5]]).types).toEqual(['raise@0']);
    expect(
      run(rule, [
        [0, 0.5],
        [1, 0.2],
      ]).types,
    ).toEqual(['raise@0', 'clear@1']);
    expect(
      run(rule, [
        [0, 0.5],
        [1, 0.2001],
      ]).types,
    ).toEqual(['raise@0']);
  });
});

describe("evaluateThreshold: 'below'", () => {
  it('raises below the threshold after the duration and clears at threshold + hysteresis', () => {
    const { types } = run(dry, [
      [0, 29],
      [299, 25],
      [300, 29.9],
      [360, 30], // the threshold: in the band
      [420, 34.9], // still in the band
      [480, 20],
      [540, 35],
    ]);
    expect(types).toEqual(['raise@300', 'update@480', 'clear@540']);
  });

  it('resets the clock when the value is back at the threshold before the duration', () => {
    expect(
      run(dry, [
        [0, 29],
        [200, 30],
        [250, 29],
        [500, 29],
        [550, 29],
      ]).types,
    ).toEqual(['raise@550']);
  });
});

describe('evaluateThreshold: what changes nothing', () => {
  it('ignores a message older than the last one', () => {
    const before = run(hot, [
      [0, 33],
      [300, 33],
    ]).state;
    const late = evaluateThreshold(hot, before, at(299), 20);
    expect(late.events).toEqual([]);
    expect(late.state).toBe(before);
    // Had the old message been taken, the dip would have reset the clock.
    expect(run(hot, [[600, 33]], before).types).toEqual(['raise@600']);
  });

  it('evaluates a message with the same ts as the last one (QoS 1 may deliver twice)', () => {
    const { types } = run(hot, [
      [0, 33],
      [600, 33],
      [600, 33],
    ]);
    expect(types).toEqual(['raise@600', 'update@600']);
  });

  it('ignores a null value, a non-finite value and an invalid ts, lastTs included', () => {
    const before = run(hot, [[0, 33]]).state;
    for (const [ts, value] of [
      [at(700), null],
      [at(700), Number.NaN],
      [at(700), Number.POSITIVE_INFINITY],
      [new Date(Number.NaN), 40],
    ] as const) {
      const next = evaluateThreshold(hot, before, ts, value);
      expect(next.events).toEqual([]);
      expect(next.state).toBe(before);
    }
    // A null while raised does not clear.
    expect(
      run(
        hot,
        [
          [600, 33],
          [700, null],
          [800, 33],
        ],
        before,
      ).types,
    ).toEqual(['raise@600', 'update@800']);
  });

  it('never changes the state it is given', () => {
    const frozen = Object.freeze({ since: at(0), raised: false, lastTs: at(0) });
    expect(() => evaluateThreshold(hot, frozen, at(600), 33)).not.toThrow();
    expect(frozen).toEqual({ since: at(0), raised: false, lastTs: at(0) });
    expect(Object.isFrozen(INITIAL_RULE_STATE)).toBe(true);
    expect(INITIAL_RULE_STATE).toEqual({ since: null, raised: false, lastTs: null });
  });
});

describe('evaluateThreshold: against a direct reading of the rule', () => {
  // The semantics restated as "what is the alarm after these messages", computed from the whole
  // history at once: raised when the condition has held without a break (by message) for the duration.
  it('agrees with the restated semantics on random message sequences', () => {
    const message = fc.tuple(fc.integer({ min: 0, max: 400 }), fc.option(fc.integer({ min: 28, max: 36 })));
    fc.assert(
      fc.property(fc.array(message, { maxLength: 40 }), (steps) => {
        let sec = 0;
        const messages: [number, number | null][] = steps.map(([gap, value]) => [(sec += gap), value]);
        const { state, types } = run(hot, messages);
        const raises = types.filter((t) => t.startsWith('raise')).length;
        const clears = types.filter((t) => t.startsWith('clear')).length;
        expect(raises - clears).toBe(state.raised ? 1 : 0);
        let since: number | null = null;
        let raised = false;
        for (const [s, v] of messages) {
          if (v === null) continue;
          if (raised) {
            if (v <= 31) [raised, since] = [false, null];
          } else if (v > 32) {
            since ??= s;
            if (s - since >= 600) raised = true;
          } else since = null;
        }
        expect(state.raised).toBe(raised);
        expect(state.since?.getTime() ?? null).toBe(since === null ? null : start + since * 1000);
      }),
      { numRuns: 500 },
    );
  });
});

describe('immediate alarms and labels', () => {
  it('gives every device alarm of the telemetry a severity', () => {
    const deviceAlarms: Record<Extract<Reading, { kind: 'alarm' }>['alarm'], true> = {
      emergency_button: true,
      smoke: true,
      door_forced: true,
      water_leak: true,
    };
    for (const kind of Object.keys(deviceAlarms)) expect(IMMEDIATE_ALARMS).toHaveProperty(kind);
    expect(IMMEDIATE_ALARMS).toEqual({
      emergency_button: 'critical',
      smoke: 'critical',
      door_forced: 'warning',
      water_leak: 'warning',
      equipment_fault: 'warning',
      offline: 'warning',
    });
  });

  it('labels every kind of alarm in Chinese and English', () => {
    const kinds: AlarmKind[] = [...(Object.keys(IMMEDIATE_ALARMS) as AlarmKind[]), 'threshold'];
    expect(Object.keys(ALARM_LABELS).sort()).toEqual([...kinds].sort());
    for (const kind of kinds) {
      expect(ALARM_LABELS[kind].zh, kind).toMatch(/[\u4e00-\u9fff]/);
      expect(ALARM_LABELS[kind].en, kind).toMatch(/^[A-Z][a-z]/);
    }
  });

  it('words a threshold alarm', () => {
    expect(thresholdAlarmText(hot, 33.5)).toEqual({
      zh: '温度 33.5 °C，高于 32 °C 持续 10 分钟',
      en: 'Temperature 33.5 °C, above 32 °C for 10 minute(s)',
    });
    expect(thresholdAlarmText({ ...dry, durationSec: 30 }, 25)).toEqual({
      zh: '相对湿度 25 %，低于 30 % 持续 30 秒',
      en: 'Relative humidity 25 %, below 30 % for 30 second(s)',
    });
    expect(thresholdAlarmText({ ...hot, durationSec: 0 }, 40).en).toBe('Temperature 40 °C, above 32 °C');
  });
});
