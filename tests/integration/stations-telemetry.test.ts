import { eq } from 'drizzle-orm';
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alarm, StationLive } from '../../contracts/stations/api.js';
import { outbox } from '../../server/modules/notifications/tables.js';
import {
  stationIngestProblems,
  stationMinutes,
  stationTelemetry,
} from '../../server/modules/stations/telemetry/tables.js';
import { markSilentStations } from '../../server/modules/stations/telemetry/upkeep.js';
import { agent, createTestApp, type TestApp } from '../support/app.js';
import { newAccount, uniquePhone, type LoggedIn } from '../support/factories.js';
import {
  BAOHE,
  chinaTs,
  newDevice,
  newStation,
  sensorClient,
  startSensors,
  stationStaff,
} from '../support/stations.js';

// Sensors over the embedded MQTT broker: gateways sign in with serial and secret and publish only
// for their own station; readings land raw, in the minute rollup and in the live view; bad
// messages are counted per station and never stop the others; alarms come from threshold rules on
// the messages' own time and from the devices, repeat into one open alarm, and are acknowledged
// and cleared by staff with who and when.

let t: TestApp;
let staff: LoggedIn;
let sensors: Awaited<ReturnType<typeof startSensors>>;
const clients: MqttClient[] = [];

beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  staff = await stationStaff(t);
  sensors = await startSensors(t);
});
afterAll(async () => {
  for (const c of clients) await c.endAsync(true).catch(() => undefined);
  await sensors.stop();
  await t.close();
});

async function stationWithGateway(over: Parameters<typeof newStation>[2] = {}) {
  const station = await newStation(t, staff, over);
  const device = await newDevice(staff, station.code, 'sensor_gateway');
  const client = await sensorClient(sensors.url, station.code, device);
  clients.push(client);
  const publish = async (suffix: string, body: unknown) => {
    await client.publishAsync(
      `yizhan/stations/${station.code}/${suffix}`,
      typeof body === 'string' ? body : JSON.stringify(body),
      { qos: 1 },
    );
  };
  return { station, device, client, publish };
}

/** Waits until the broker handed everything over and the ingester wrote it. */
async function settle() {
  await new Promise((r) => setTimeout(r, 50));
  await sensors.ingester.flush();
}

const live = async (code: string) => (await staff.get(`/api/stations/${code}/live`)).json<StationLive>();

describe('sensors on the embedded broker', () => {
  it('takes a gateway’s readings into raw rows, the minute rollup and the live view', async () => {
    const { station, publish } = await stationWithGateway();
    const base = t.clock.now;
    await publish('env', { ts: chinaTs(base, -120), temperatureC: 27.5, humidityPct: 60, pm25: 35, co2ppm: 600 });
    await publish('env', { ts: chinaTs(base, -60), temperatureC: 28.5, humidityPct: 62, pm25: 30, co2ppm: 650 });
    await publish('people', { ts: chinaTs(base, -30), in: 5, out: 2 });
    await publish('equipment/mw-1', { ts: chinaTs(base, -20), state: 'on', powerW: 800 });
    await settle();
    const now = await live(station.code);
    expect(now).toMatchObject({
      temperatureC: 28.5,
      humidityPct: 62,
      peopleInside: 3,
      equipment: [{ code: 'mw-1', state: 'on', powerW: 800 }],
    });
    const raw = await t.deps.db.select().from(stationTelemetry).where(eq(stationTelemetry.stationId, station.id));
    expect(raw).toHaveLength(4);
    const minutes = await t.deps.db.select().from(stationMinutes).where(eq(stationMinutes.stationId, station.id));
    expect(minutes.reduce((n, m) => n + m.messages, 0)).toBe(4);
    expect(minutes.reduce((n, m) => n + m.temperatureSum, 0)).toBeCloseTo(56, 5);
    expect(Math.max(...minutes.map((m) => m.temperatureMax ?? -99))).toBeCloseTo(28.5, 5);
  });

  it('refuses a wrong secret, and a gateway publishing for another station', async () => {
    const { station: mine, device } = await stationWithGateway();
    const other = await newStation(t, staff);
    await expect(sensorClient(sensors.url, mine.code, { serial: device.serial, secret: 'wrong' })).rejects.toThrow();
    await expect(sensorClient(sensors.url, mine.code, { serial: 'NOBODY', secret: 'x' })).rejects.toThrow();
    const intruder = await sensorClient(sensors.url, mine.code, device);
    clients.push(intruder);
    // aedes drops a client whose publish it refuses; the reading never reaches the ingester.
    await intruder
      .publishAsync(
        `yizhan/stations/${other.code}/env`,
        JSON.stringify({ ts: chinaTs(t.clock.now, 0), temperatureC: 99 }),
        { qos: 0 },
      )
      .catch(() => undefined);
    await settle();
    expect((await live(other.code)).temperatureC).toBeNull();
  });

  it('counts malformed, out-of-range and skewed messages per station and keeps the good ones', async () => {
    const { station, publish } = await stationWithGateway();
    await publish('env', '{"ts": not json');
    await publish('env', { ts: chinaTs(t.clock.now, 0), temperatureC: 200 });
    await publish('env', { ts: chinaTs(t.clock.now, -3 * 86400), temperatureC: 20 });
    await publish('env', { ts: '2026-12-07T12:00:00', temperatureC: 20 });
    await publish('env', { ts: chinaTs(t.clock.now, 0), temperatureC: 21 });
    await settle();
    const problems = await t.deps.db
      .select()
      .from(stationIngestProblems)
      .where(eq(stationIngestProblems.stationCode, station.code));
    const byReason = Object.fromEntries(problems.map((p) => [p.reason, p.count]));
    expect(byReason).toEqual({ bad_json: 1, out_of_range: 1, clock_skew: 1, bad_field: 1 });
    expect(problems.find((p) => p.reason === 'out_of_range')?.lastTopic).toBe(`yizhan/stations/${station.code}/env`);
    expect((await live(station.code)).temperatureC).toBe(21);
  });
});

describe('alarms', () => {
  it('raises a temperature alarm only after 10 minutes above 32 °C by the messages’ time, once, and lets staff acknowledge and clear it', async () => {
    const { station, publish } = await stationWithGateway();
    const rule = await staff.post('/api/stations/alarm-rules', {
      stationCode: station.code,
      metric: 'temperatureC',
      op: 'above',
      threshold: 32,
      durationSec: 600,
      hysteresis: 1,
      severity: 'warning',
    });
    expect(rule.statusCode, rule.body).toBe(200);
    // Whole seconds: devices write their ts to the second.
    const start = new Date(Math.floor(t.clock.now.getTime() / 1000) * 1000 - 20 * 60_000);
    for (const s of [0, 120, 240, 360, 480, 599]) await publish('env', { ts: chinaTs(start, s), temperatureC: 33.5 });
    await settle();
    expect((await live(station.code)).alarms).toEqual([]);
    await publish('env', { ts: chinaTs(start, 600), temperatureC: 34 });
    await publish('env', { ts: chinaTs(start, 660), temperatureC: 34.5 });
    await settle();
    const alarms = (await live(station.code)).alarms;
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({
      kind: 'threshold',
      severity: 'warning',
      state: 'active',
      occurrences: 2,
      value: 34.5,
    });
    expect(alarms[0]!.firstAt).toBe(new Date(start.getTime() + 600_000).toISOString());
    expect(alarms[0]!.text.zh).toContain('32');
    // Staff act on the alarm.
    const ack = await staff.post(`/api/stations/${station.code}/alarms/${alarms[0]!.id}/acknowledge`, {
      note: '已到场',
    });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json<Alarm>()).toMatchObject({ state: 'acknowledged', acknowledgedBy: expect.any(String) });
    const again = await staff.post(`/api/stations/${station.code}/alarms/${alarms[0]!.id}/acknowledge`, {});
    expect(again.statusCode).toBe(409);
    const cleared = await staff.post(`/api/stations/${station.code}/alarms/${alarms[0]!.id}/clear`, {});
    expect(cleared.json<Alarm>()).toMatchObject({ state: 'cleared', clearedAt: expect.any(String) });
    const history = await staff.get(`/api/stations/${station.code}/alarms?state=cleared`);
    expect(history.json().items.map((a: Alarm) => a.id)).toEqual([alarms[0]!.id]);
    // Another region's staff and a stranger cannot act on it.
    const nanjing = await newAccount(t, { role: 'union_staff', regionCode: '320100' });
    expect((await nanjing.post(`/api/stations/${station.code}/alarms/${alarms[0]!.id}/clear`, {})).statusCode).toBe(
      403,
    );
    expect((await agent(t.app).get(`/api/stations/${station.code}/live`)).statusCode).toBe(401);
  });

  it('raises device alarms at once, repeats into the open one, texts the manager once, and clears an equipment fault when it recovers', async () => {
    const phone = uniquePhone();
    const manager = await newAccount(t, { role: 'station_manager', regionCode: BAOHE, phone });
    const { station, publish } = await stationWithGateway({ managerAccountId: manager.id });
    await publish('alarm', { ts: chinaTs(t.clock.now, -10), kind: 'emergency_button' });
    await publish('alarm', { ts: chinaTs(t.clock.now, -5), kind: 'emergency_button' });
    await publish('equipment/ac-1', { ts: chinaTs(t.clock.now, -9), state: 'fault', powerW: 0 });
    await settle();
    let alarms = (await live(station.code)).alarms;
    expect(alarms.map((a) => [a.kind, a.severity, a.occurrences]).sort()).toEqual([
      ['emergency_button', 'critical', 2],
      ['equipment_fault', 'warning', 1],
    ]);
    const texts = await t.deps.db.select().from(outbox).where(eq(outbox.recipient, phone));
    expect(texts).toHaveLength(2);
    expect(texts.map((m) => m.body).join()).toContain(station.name);
    await publish('equipment/ac-1', { ts: chinaTs(t.clock.now, -1), state: 'on', powerW: 1200 });
    await settle();
    alarms = (await live(station.code)).alarms;
    expect(alarms.map((a) => a.kind)).toEqual(['emergency_button']);
  });

  it('marks a gateway offline by its last will, and a silent station after the configured minutes', async () => {
    const { station, client } = await stationWithGateway();
    await client.publishAsync(`yizhan/stations/${station.code}/status`, '{"online":true}', { qos: 1, retain: true });
    await settle();
    expect((await live(station.code)).online).toBe(true);
    // The connection drops without a goodbye: the broker publishes the will.
    client.stream.destroy();
    await new Promise((r) => setTimeout(r, 300));
    await settle();
    const now = await live(station.code);
    expect(now.online).toBe(false);
    expect(now.alarms.map((a) => a.kind)).toEqual(['offline']);

    const quiet = await stationWithGateway();
    await quiet.publish('env', { ts: chinaTs(t.clock.now, 0), temperatureC: 20 });
    await settle();
    const before = t.clock.now;
    t.clock.now = new Date(before.getTime() + (t.deps.config.stationOfflineMinutes + 1) * 60_000);
    try {
      await markSilentStations(t.deps);
    } finally {
      t.clock.now = before;
    }
    const silent = await live(quiet.station.code);
    expect(silent.online).toBe(false);
    expect(silent.alarms.map((a) => a.kind)).toEqual(['offline']);
  });
});
