import { asc, eq } from 'drizzle-orm';
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alarm, StationLive } from '../../contracts/stations/api.js';
import type { AlarmRule, AlarmRuleInput } from '../../contracts/stations/rules.js';
import { auditLog } from '../../server/modules/audit/tables.js';
import { agent, createTestApp, type TestApp } from '../support/app.js';
import { newAccount, type LoggedIn } from '../support/factories.js';
import {
  BAOHE,
  HEFEI,
  chinaTs,
  newDevice,
  newStation,
  sensorClient,
  startSensors,
  stationStaff,
} from '../support/stations.js';

// Threshold alarm rules changed by staff: at the version read (409 when stale), with the audit
// record; a disabled rule raises nothing, enabled again it does, on a restarted clock; a changed
// threshold clears the alarm by the rule as it now reads. Staff change only their region's rules.

let t: TestApp;
let staff: LoggedIn;
let sensors: Awaited<ReturnType<typeof startSensors>>;
const clients: MqttClient[] = [];

beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  staff = await stationStaff(t, HEFEI);
  sensors = await startSensors(t);
});
afterAll(async () => {
  for (const c of clients) await c.endAsync(true).catch(() => undefined);
  await sensors.stop();
  await t.close();
});

async function stationWithGateway() {
  const station = await newStation(t, staff);
  const device = await newDevice(staff, station.code, 'sensor_gateway');
  const client = await sensorClient(sensors.url, station.code, device);
  clients.push(client);
  // Whole seconds, half an hour back: devices write their ts to the second, and within the clock checks.
  const start = new Date(Math.floor(t.clock.now.getTime() / 1000) * 1000 - 30 * 60_000);
  const publish = (seconds: number, temperatureC: number) =>
    client.publishAsync(
      `yizhan/stations/${station.code}/env`,
      JSON.stringify({ ts: chinaTs(start, seconds), temperatureC }),
      { qos: 1 },
    );
  return { station, publish };
}

/** Waits until the broker handed everything over and the ingester wrote it. */
async function settle() {
  await new Promise((r) => setTimeout(r, 50));
  await sensors.ingester.flush();
}

const openAlarms = async (code: string) => (await staff.get(`/api/stations/${code}/live`)).json<StationLive>().alarms;

async function newRule(over: Partial<AlarmRuleInput> & ({ stationCode: string } | { regionCode: string })) {
  const res = await staff.post('/api/stations/alarm-rules', {
    metric: 'temperatureC',
    op: 'above',
    threshold: 32,
    durationSec: 0,
    hysteresis: 0,
    severity: 'warning',
    ...over,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<AlarmRule>();
}

const change = (rule: { id: string }, body: unknown, who = staff) =>
  who.put(`/api/stations/alarm-rules/${rule.id}`, body);

describe('changing a rule', () => {
  it('changes it at the version read, refuses a stale version with 409, and keeps the audit record', async () => {
    const station = await newStation(t, staff);
    const rule = await newRule({ stationCode: station.code, durationSec: 600 });
    expect(rule).toMatchObject({ version: 1, enabled: true, stationCode: station.code, regionCode: null });

    const changed = await change(rule, { expectedVersion: 1, threshold: 35.5, severity: 'critical' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<AlarmRule>()).toMatchObject({
      id: rule.id,
      threshold: 35.5,
      severity: 'critical',
      durationSec: 600,
      version: 2,
      enabled: true,
    });

    const stale = await change(rule, { expectedVersion: 1, threshold: 30 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion' });
    expect(stale.json().message).toMatch(/[\u4e00-\u9fff]/);
    expect(stale.json().messageEn).toContain('reload');

    // Nothing different from the rule as it is: nothing written, the version stays.
    const same = await change(rule, { expectedVersion: 2, threshold: 35.5 });
    expect(same.json<AlarmRule>().version).toBe(2);

    const off = await change(rule, { expectedVersion: 2, enabled: false });
    expect(off.json<AlarmRule>()).toMatchObject({ enabled: false, version: 3, threshold: 35.5 });

    // The station's page lists it as it now is.
    const listed = await staff.get(`/api/stations/${station.code}/alarm-rules`);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json<{ items: AlarmRule[] }>().items).toEqual([
      expect.objectContaining({ id: rule.id, enabled: false, version: 3, stationName: station.name }),
    ]);

    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, rule.id))
      .orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual([
      'station_alarm_rule.created',
      'station_alarm_rule.updated',
      'station_alarm_rule.disabled',
    ]);
    expect(audit[1]).toMatchObject({
      actorAccountId: staff.id,
      regionCode: BAOHE,
      before: { threshold: 32, severity: 'warning' },
      after: { threshold: 35.5, severity: 'critical' },
    });
  });

  it('a disabled rule raises nothing; enabled again it raises', async () => {
    const { station, publish } = await stationWithGateway();
    const rule = await newRule({ stationCode: station.code });
    expect((await change(rule, { expectedVersion: 1, enabled: false })).statusCode).toBe(200);
    await publish(0, 35);
    await settle();
    expect(await openAlarms(station.code)).toEqual([]);

    const on = await change(rule, { expectedVersion: 2, enabled: true });
    expect(on.json<AlarmRule>()).toMatchObject({ enabled: true, version: 3 });
    await publish(60, 35);
    await settle();
    const alarms = await openAlarms(station.code);
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ kind: 'threshold', severity: 'warning', state: 'active', value: 35 });
  });

  it('enabled again, a rule with a duration starts its clock again', async () => {
    const { station, publish } = await stationWithGateway();
    const rule = await newRule({ stationCode: station.code, durationSec: 600 });
    await publish(0, 33);
    await publish(300, 33);
    await settle();
    await change(rule, { expectedVersion: 1, enabled: false });
    await change(rule, { expectedVersion: 2, enabled: true });
    // 700 s after the first reading, but only the first reading since it was turned on.
    await publish(700, 33);
    await settle();
    expect(await openAlarms(station.code)).toEqual([]);
    await publish(1300, 33.5);
    await settle();
    const alarms = await openAlarms(station.code);
    expect(alarms.map((a) => [a.kind, a.value])).toEqual([['threshold', 33.5]]);
  });

  it('a raised threshold clears the open alarm by the rule as it now reads', async () => {
    const { station, publish } = await stationWithGateway();
    const rule = await newRule({ stationCode: station.code });
    await publish(0, 33);
    await settle();
    const [raised] = await openAlarms(station.code);
    expect(raised).toMatchObject({ kind: 'threshold', state: 'active' });

    expect((await change(rule, { expectedVersion: 1, threshold: 34 })).statusCode).toBe(200);
    await publish(60, 33);
    await settle();
    expect(await openAlarms(station.code)).toEqual([]);
    const history = await staff.get(`/api/stations/${station.code}/alarms?state=cleared`);
    expect(history.json<{ items: Alarm[] }>().items.map((a) => a.id)).toEqual([raised!.id]);
    await publish(120, 34.5);
    await settle();
    expect((await openAlarms(station.code)).map((a) => a.value)).toEqual([34.5]);
  });
});

describe('who may see and change a rule', () => {
  it('lists a station’s own rules and its regions’, and lets the county’s staff change only the station’s', async () => {
    const station = await newStation(t, staff);
    const own = await newRule({ stationCode: station.code });
    // A city rule on a reading no other test sends, so that it raises nothing elsewhere in this file.
    const city = await newRule({ regionCode: HEFEI, metric: 'co2ppm', threshold: 5000, durationSec: 600 });
    const elsewhere = await newRule({ regionCode: '340104', metric: 'co2ppm', threshold: 5000, durationSec: 600 });
    const county = await newAccount(t, { role: 'union_staff', regionCode: BAOHE });

    const listed = await county.get(`/api/stations/${station.code}/alarm-rules`);
    expect(listed.statusCode, listed.body).toBe(200);
    const items = listed.json<{ items: AlarmRule[] }>().items;
    expect(items.map((r) => r.id)).toEqual([own.id, city.id]);
    expect(items.map((r) => r.id)).not.toContain(elsewhere.id);
    expect(items[1]).toMatchObject({
      regionCode: HEFEI,
      regionName: expect.stringContaining('合肥'),
      stationCode: null,
    });

    expect((await change(own, { expectedVersion: 1, durationSec: 120 }, county)).statusCode).toBe(200);
    const cityChange = await change(city, { expectedVersion: 1, enabled: false }, county);
    expect(cityChange.statusCode).toBe(403);
    expect(cityChange.json().code).toBe('FORBIDDEN');
    // The station's manager reads the rules but changes none.
    const manager = await newAccount(t, { role: 'station_manager', regionCode: BAOHE });
    expect((await manager.get(`/api/stations/${station.code}/alarm-rules`)).statusCode).toBe(200);
    expect((await change(own, { expectedVersion: 2, enabled: false }, manager)).statusCode).toBe(403);
  });

  it('refuses no login, a role without the stations, another region’s staff, and a rule or station not there', async () => {
    const station = await newStation(t, staff);
    const rule = await newRule({ stationCode: station.code });
    const stranger = agent(t.app);
    const none = await stranger.put(`/api/stations/alarm-rules/${rule.id}`, { expectedVersion: 1, enabled: false });
    expect(none.statusCode).toBe(401);
    expect(none.json().code).toBe('UNAUTHENTICATED');
    expect((await stranger.get(`/api/stations/${station.code}/alarm-rules`)).statusCode).toBe(401);

    const mediator = await newAccount(t, { role: 'mediator', regionCode: BAOHE });
    expect((await change(rule, { expectedVersion: 1, enabled: false }, mediator)).statusCode).toBe(403);
    expect((await mediator.get(`/api/stations/${station.code}/alarm-rules`)).statusCode).toBe(403);

    const nanjing = await newAccount(t, { role: 'union_staff', regionCode: '320100' });
    const theirs = await change(rule, { expectedVersion: 1, enabled: false }, nanjing);
    expect(theirs.statusCode).toBe(403);
    expect(theirs.json().code).toBe('FORBIDDEN');
    expect((await nanjing.get(`/api/stations/${station.code}/alarm-rules`)).statusCode).toBe(403);
    expect((await nanjing.get('/api/stations/alarm-rules')).json<{ items: AlarmRule[] }>().items).toEqual([]);

    const missing = await change({ id: '00000000-0000-4000-8000-000000000000' }, { expectedVersion: 1 });
    expect(missing.statusCode).toBe(404);
    expect((await staff.get('/api/stations/HF-NOT-THERE/alarm-rules')).statusCode).toBe(404);
    // Nothing of it changed.
    const after = (await staff.get(`/api/stations/${station.code}/alarm-rules`)).json<{ items: AlarmRule[] }>();
    expect(after.items[0]).toMatchObject({ id: rule.id, enabled: true, version: 1 });
  });

  it.each([
    ['threshold', { expectedVersion: 1, threshold: 'hot' }],
    ['threshold', { expectedVersion: 1, threshold: 200_000 }],
    ['durationSec', { expectedVersion: 1, durationSec: 86_401 }],
    ['durationSec', { expectedVersion: 1, durationSec: 1.5 }],
    ['hysteresis', { expectedVersion: 1, hysteresis: -1 }],
    ['metric', { expectedVersion: 1, metric: 'noise' }],
    ['op', { expectedVersion: 1, op: 'equals' }],
    ['severity', { expectedVersion: 1, severity: 'urgent' }],
    ['enabled', { expectedVersion: 1, enabled: 'yes' }],
    ['expectedVersion', { threshold: 30 }],
    ['expectedVersion', { expectedVersion: 0, threshold: 30 }],
  ])('refuses bad input with 400 naming the field (%s)', async (field, body) => {
    const station = await newStation(t, staff);
    const rule = await newRule({ stationCode: station.code });
    const res = await change(rule, body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION', field });
    expect(res.json().message).toContain(field);
    expect(res.json().messageEn).toContain(field);
  });

  it('refuses an id that is not one with 400 naming it', async () => {
    const res = await staff.put('/api/stations/alarm-rules/not-a-rule', { expectedVersion: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('id');
  });
});
