import { describe, expect, it } from 'vitest';
import type { AlarmRule } from '../../../../contracts/stations/rules';
import {
  changeRuleBody,
  createRuleBody,
  durationOf,
  mayChangeRule,
  NEW_RULE,
  ruleFormValuesOf,
  toggleRuleBody,
} from './alarmRules';

const rule: AlarmRule = {
  id: 'r1',
  stationCode: 'HF-BH-001',
  stationName: '滨湖驿站',
  regionCode: null,
  regionName: null,
  metric: 'temperatureC',
  op: 'above',
  threshold: 32,
  durationSec: 45,
  hysteresis: 1,
  severity: 'warning',
  enabled: true,
  version: 3,
  updatedAt: '2026-07-01T00:00:00.000Z',
};
const cityRule: AlarmRule = { ...rule, id: 'r2', stationCode: null, stationName: null, regionCode: '340100' };

describe('the alarm rule form', () => {
  it('makes a rule for the station, or for the region picked, with the duration in whole seconds', () => {
    expect(createRuleBody({ ...NEW_RULE, durationMin: 0.5, hysteresis: null }, 'HF-1')).toEqual({
      stationCode: 'HF-1',
      metric: 'temperatureC',
      op: 'above',
      threshold: 35,
      durationSec: 30,
      hysteresis: 0,
      severity: 'warning',
    });
    const region = createRuleBody({ ...NEW_RULE, scope: 'region', regionCode: '340100' }, 'HF-1');
    expect(region).toMatchObject({ regionCode: '340100', durationSec: 600 });
    expect(region).not.toHaveProperty('stationCode');
    // A region scope with no region picked stays the station's (the form requires one anyway).
    expect(createRuleBody({ ...NEW_RULE, scope: 'region', regionCode: null }, 'HF-1')).toHaveProperty(
      'stationCode',
      'HF-1',
    );
  });

  it('sends only what changed, at the version read; a duration shown rounded is not written back', () => {
    const values = ruleFormValuesOf(rule);
    expect(values).toMatchObject({ scope: 'station', durationMin: 0.75, threshold: 32 });
    expect(changeRuleBody(values, rule)).toEqual({ expectedVersion: 3 });
    // 10 s shows as 0.17 minutes; unchanged, it still means 10 s.
    const tenSeconds = { ...rule, durationSec: 10 };
    expect(ruleFormValuesOf(tenSeconds).durationMin).toBe(0.17);
    expect(changeRuleBody(ruleFormValuesOf(tenSeconds), tenSeconds)).toEqual({ expectedVersion: 3 });
    for (let seconds = 0; seconds <= 7200; seconds++) {
      const r = { ...rule, durationSec: seconds };
      expect(changeRuleBody(ruleFormValuesOf(r), r)).toEqual({ expectedVersion: 3 });
    }
    expect(changeRuleBody({ ...values, threshold: 33.5, severity: 'critical', hysteresis: null }, rule)).toEqual({
      expectedVersion: 3,
      threshold: 33.5,
      severity: 'critical',
      hysteresis: 0,
    });
    expect(ruleFormValuesOf(cityRule)).toMatchObject({ scope: 'region', regionCode: '340100' });
  });

  it('turns a rule off and on at the version shown', () => {
    expect(toggleRuleBody(rule)).toEqual({ expectedVersion: 3, enabled: false });
    expect(toggleRuleBody({ ...rule, enabled: false })).toEqual({ expectedVersion: 3, enabled: true });
  });
});

describe('who may change a rule', () => {
  it('is who keeps stations, for a rule of their region', () => {
    expect(mayChangeRule(rule, '340111', '340111', true)).toBe(true);
    expect(mayChangeRule(rule, '340111', '340100', true)).toBe(true);
    expect(mayChangeRule(rule, '340111', null, true)).toBe(true);
    expect(mayChangeRule(rule, '340111', '340111', false)).toBe(false);
    // A city's rule on a county's station page: the county's staff read it only.
    expect(mayChangeRule(cityRule, '340111', '340111', true)).toBe(false);
    expect(mayChangeRule(cityRule, '340111', '340100', true)).toBe(true);
    expect(mayChangeRule(cityRule, '340111', '340000', true)).toBe(true);
    expect(mayChangeRule(cityRule, '340111', '320100', true)).toBe(false);
  });
});

describe('a duration in words', () => {
  it.each([
    [0, { unit: 'atOnce', count: 0 }],
    [45, { unit: 'seconds', count: 45 }],
    [60, { unit: 'minutes', count: 1 }],
    [600, { unit: 'minutes', count: 10 }],
    [630, { unit: 'minutes', count: 10.5 }],
    [3600, { unit: 'hours', count: 1 }],
    [5400, { unit: 'minutes', count: 90 }],
    [86_400, { unit: 'hours', count: 24 }],
  ] as const)('%i s', (seconds, expected) => {
    expect(durationOf(seconds)).toEqual(expected);
  });
});
