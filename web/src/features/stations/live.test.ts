import { describe, expect, it } from 'vitest';
// The test (not the page) reads the contract's code lists: zod stays out of the web bundle.
import { ALARM_KINDS, ALARM_SEVERITIES, ALARM_STATES, stationLiveSchema } from '../../../../contracts/stations/api';
import {
  actionsOf,
  connectionOf,
  noteBody,
  openAlarmsChanged,
  parseLiveEvent,
  pollEvery,
  POLL_MS,
  SEVERITY_COLORS,
} from './live';
import { stationAlarmPath, stationKeys, stationLiveEventsPath, stationLivePath } from './queryKeys';
import { stationsEn } from './strings.en';
import { stationsZh } from './strings.zh';
import type { Alarm, StationLive } from './types';

const alarm = (id: string, state: Alarm['state'], change: Partial<Alarm> = {}): Alarm => ({
  id,
  stationCode: 'BH-001',
  stationName: '滨湖驿站',
  kind: 'threshold',
  severity: 'warning',
  state,
  text: { zh: '室温 35.2 °C，高于 32 °C 已 10 分钟', en: 'Room at 35.2 °C, above 32 °C for 10 minutes' },
  equipmentCode: null,
  value: 35.2,
  firstAt: '2026-07-01T06:00:00.000Z',
  lastAt: '2026-07-01T06:10:00.000Z',
  occurrences: 1,
  acknowledgedBy: null,
  acknowledgedAt: null,
  clearedBy: null,
  clearedAt: null,
  ...change,
});

const now: StationLive = {
  stationCode: 'BH-001',
  online: true,
  lastMessageAt: '2026-07-01T06:10:00.000Z',
  temperatureC: 35.2,
  humidityPct: 60,
  pm25: 12,
  co2ppm: 650,
  envAt: '2026-07-01T06:10:00.000Z',
  peopleInside: 3,
  visitsToday: 17,
  equipment: [{ code: 'ac-1', state: 'fault', powerW: null, at: '2026-07-01T06:09:00.000Z' }],
  alarms: [alarm('a1', 'active')],
};

describe('the station now from its stream', () => {
  it('is read from a live event of this station', () => {
    expect(parseLiveEvent(JSON.stringify(now), 'BH-001')).toEqual(now);
  });

  it('ignores what is not the station now: not JSON, another station, a shape without its lists', () => {
    expect(parseLiveEvent('{not json', 'BH-001')).toBeNull();
    expect(parseLiveEvent(undefined, 'BH-001')).toBeNull();
    expect(parseLiveEvent('null', 'BH-001')).toBeNull();
    expect(parseLiveEvent(JSON.stringify(now), 'BH-002')).toBeNull();
    expect(parseLiveEvent(JSON.stringify({ ...now, alarms: undefined }), 'BH-001')).toBeNull();
    expect(parseLiveEvent(JSON.stringify({ ...now, equipment: 'none' }), 'BH-001')).toBeNull();
    expect(parseLiveEvent(JSON.stringify({ ...now, peopleInside: '3' }), 'BH-001')).toBeNull();
  });
});

describe('asking for the station now', () => {
  it('does not ask while the stream is open: every change arrives as an event', () => {
    expect(pollEvery('open', null)).toBe(false);
  });

  it('asks every 5 s while the stream is opening or down', () => {
    expect(POLL_MS).toBe(5_000);
    expect(pollEvery('connecting', null)).toBe(5_000);
    expect(pollEvery('down', null)).toBe(5_000);
  });

  it('keeps asking after a network failure or a server error, and stops when the server refused', () => {
    expect(pollEvery('down', 0)).toBe(5_000);
    expect(pollEvery('down', 503)).toBe(5_000);
    expect(pollEvery('down', 404)).toBe(false);
    expect(pollEvery('down', 403)).toBe(false);
    expect(pollEvery('down', 401)).toBe(false);
  });
});

describe('the open alarms as the history sees them', () => {
  it('change when one comes, goes or moves on to another state', () => {
    const before = [alarm('a1', 'active'), alarm('a2', 'acknowledged')];
    expect(openAlarmsChanged(before, [alarm('a3', 'active'), ...before])).toBe(true);
    expect(openAlarmsChanged(before, [alarm('a1', 'active')])).toBe(true);
    expect(openAlarmsChanged(before, [alarm('a1', 'acknowledged'), alarm('a2', 'acknowledged')])).toBe(true);
    expect(openAlarmsChanged(before, [alarm('a1', 'active'), alarm('a4', 'acknowledged')])).toBe(true);
  });

  it('do not change with a repeat of the same alarm, nor on the first answer', () => {
    const before = [alarm('a1', 'active')];
    const repeated = alarm('a1', 'active', { occurrences: 2, lastAt: '2026-07-01T06:20:00.000Z' });
    expect(openAlarmsChanged(before, [repeated])).toBe(false);
    expect(openAlarmsChanged(undefined, before)).toBe(false);
  });
});

describe('what staff may do to an alarm', () => {
  it('acknowledge or clear an active one, clear an acknowledged one, nothing to a cleared one', () => {
    expect(actionsOf('active')).toEqual(['acknowledge', 'clear']);
    expect(actionsOf('acknowledged')).toEqual(['clear']);
    expect(actionsOf('cleared')).toEqual([]);
  });

  it('sends the note trimmed, and none when it is blank', () => {
    expect(noteBody('  空调已重启 ')).toEqual({ note: '空调已重启' });
    expect(noteBody('   ')).toEqual({});
    expect(noteBody(undefined)).toEqual({});
    expect(noteBody(null)).toEqual({});
  });
});

describe('the codes on the page', () => {
  it('colour a critical alarm red, a warning orange and information blue', () => {
    expect(SEVERITY_COLORS).toEqual({ critical: 'red', warning: 'orange', info: 'blue' });
  });

  it('tell an unheard gateway from one that went offline', () => {
    expect(connectionOf(true)).toBe('online');
    expect(connectionOf(false)).toBe('offline');
    expect(connectionOf(null)).toBe('unknown');
  });

  it('have a label in both languages for every kind, severity, state and equipment state', () => {
    for (const strings of [stationsZh, stationsEn]) {
      expect(Object.keys(strings.alarms.kinds).sort()).toEqual([...ALARM_KINDS].sort());
      expect(Object.keys(strings.alarms.severities).sort()).toEqual([...ALARM_SEVERITIES].sort());
      expect(Object.keys(strings.alarms.states).sort()).toEqual([...ALARM_STATES].sort());
      expect(Object.keys(strings.live.equipmentStates).sort()).toEqual(
        [...stationLiveSchema.shape.equipment.element.shape.state.options].sort(),
      );
    }
  });
});

describe('the keys and addresses of the live view', () => {
  it('sit under the station, so a change of the station reaches its live state and alarms', () => {
    const station = stationKeys.station('BH-001');
    expect(stationKeys.live('BH-001').slice(0, station.length)).toEqual([...station]);
    expect(stationKeys.alarmPage('BH-001', 'cleared', 2, 10).slice(0, 4)).toEqual([...stationKeys.alarms('BH-001')]);
    expect(stationKeys.alarms('BH-001')).not.toEqual(stationKeys.live('BH-001').slice(0, 4));
  });

  it('escape the station code and the alarm id', () => {
    expect(stationLivePath('BH 1')).toBe('/api/stations/BH%201/live');
    expect(stationLiveEventsPath('BH-001')).toBe('/api/stations/BH-001/live/events');
    expect(stationAlarmPath('BH-001', 'a/b')).toBe('/api/stations/BH-001/alarms/a%2Fb');
  });
});
