import { eq } from 'drizzle-orm';
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NearbyAnswer, Station, StationLive } from '../../contracts/stations/api.js';
import type { Coverage } from '../../contracts/stations/coverage.js';
import type { AlarmRule } from '../../contracts/stations/rules.js';
import { stationDevices } from '../../server/modules/stations/tables.js';
import { simulatedClock, StationTraffic } from '../../server/modules/stations/telemetry/simulator.js';
import { createRng } from '../../server/seed/random.js';
import { DEMO_BINHU_CODE, demoSensorSecret, writeStationsDemo } from '../../server/seed/stations.js';
import { createTestApp, loginAs, type Agent, type TestApp } from '../support/app.js';
import { newAccount, type LoggedIn } from '../support/factories.js';
import { BINHU, HEFEI, sensorClient, startSensors } from '../support/stations.js';

// The stations demo as its users meet it: the Baohe 滨湖世纪社区 station seen by its manager
// (hf_station) with its 1,000+ riders and 300–400 visits a day, Hefei's network seen by the city
// union, the finder near Binhu, and the demo gateway signing in with its derived secret.

/** A summer afternoon in Hefei: 15:30 China time. */
const NOW = new Date('2026-07-15T07:30:00Z');
const DAY_MS = 24 * 60 * 60_000;

let t: TestApp;
let written: Awaited<ReturnType<typeof writeStationsDemo>>;
let seconds: number;
let manager: Agent;
let city: LoggedIn;

beforeAll(async () => {
  t = await createTestApp({ demoScale: 0.01 });
  t.clock.now = NOW;
  const started = performance.now();
  written = await writeStationsDemo(t.deps);
  seconds = (performance.now() - started) / 1000;
  manager = await loginAs(t.app, 'hf_station');
  city = await newAccount(t, { role: 'union_staff', regionCode: HEFEI });
});
afterAll(() => t.close());

const binhu = async () => {
  const res = await manager.get(`/api/stations/${DEMO_BINHU_CODE}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Station>();
};

describe('the stations demo', () => {
  it('writes the Binhu station, a city network, 1,200 riders and a fortnight of visits in a few seconds', () => {
    expect(written).toMatchObject({ stations: 301, riders: 1200 });
    expect(written.visits).toBeGreaterThanOrEqual(14 * 300);
    expect(seconds).toBeLessThan(10);
  });

  it('shows the manager the Binhu station: 24 hours, 20 m², every facility, 1,000+ riders, visits today', async () => {
    const me = (await manager.get('/api/auth/me')).json<{ id: string }>();
    const s = await binhu();
    expect(s).toMatchObject({
      name: '滨湖世纪社区幸福驿站',
      regionCode: '340111',
      open24h: true,
      openNow: true,
      areaM2: 20,
      status: 'open',
      managerAccountId: me.id,
      hostOrganizationName: '包河区新就业形态劳动者联合工会',
    });
    expect(s.lat).toBeCloseTo(BINHU.lat, 4);
    expect(s.lng).toBeCloseTo(BINHU.lng, 4);
    expect(s.facilities).toHaveLength(9);
    expect(s.standards).toHaveLength(6);
    expect(s.registeredWorkers).toBeGreaterThanOrEqual(1000);
    expect(s.visitsToday).toBeGreaterThan(0);
    const devices = (await manager.get(`/api/stations/${DEMO_BINHU_CODE}/devices`)).json<{
      items: { serial: string; kind: string }[];
    }>();
    expect(devices.items.map((d) => [d.serial, d.kind]).sort()).toEqual([
      [`SG-${DEMO_BINHU_CODE}`, 'sensor_gateway'],
      ['ZKDEMOBH0001', 'door_adms'],
    ]);
  });

  it('has 300–400 visits in each of the 14 days, busiest at meals, mostly by face or pass', async () => {
    const visits: { occurredAt: string; method: string }[] = [];
    for (let page = 1; ; page++) {
      const res = await manager.get(`/api/stations/${DEMO_BINHU_CODE}/visits?pageSize=200&page=${page}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<{ items: { occurredAt: string; method: string }[]; total: number }>();
      visits.push(...body.items);
      if (visits.length >= body.total || !body.items.length) break;
    }
    const perDay = new Array<number>(14).fill(0);
    const perHour = new Array<number>(24).fill(0);
    for (const v of visits) {
      const at = Date.parse(v.occurredAt);
      const day = Math.floor((NOW.getTime() - at) / DAY_MS);
      expect(day).toBeGreaterThanOrEqual(0);
      expect(day).toBeLessThan(14);
      perDay[day]!++;
      perHour[new Date(at + 8 * 3600_000).getUTCHours()]!++;
    }
    for (const n of perDay) {
      expect(n).toBeGreaterThanOrEqual(300);
      expect(n).toBeLessThanOrEqual(400);
    }
    const lunch = perHour[11]! + perHour[12]! + perHour[13]!;
    const supper = perHour[17]! + perHour[18]! + perHour[19]!;
    const night = perHour[2]! + perHour[3]! + perHour[4]!;
    expect(lunch).toBeGreaterThan(night * 5);
    expect(supper).toBeGreaterThan(night * 5);
    const byFaceOrPass = visits.filter((v) => v.method === 'face' || v.method === 'qr_pass').length;
    expect(byFaceOrPass / visits.length).toBeGreaterThan(0.9);
  });

  it('gives the Hefei union its whole network, across districts, some suspended, with the heat rule', async () => {
    const all = (await city.get('/api/stations?pageSize=1')).json<{ total: number }>();
    expect(all.total).toBeGreaterThanOrEqual(300);
    for (const district of ['340102', '340103', '340104', '340111', '340123']) {
      const res = (await city.get(`/api/stations?pageSize=1&regionCode=${district}`)).json<{ total: number }>();
      expect(res.total, district).toBeGreaterThan(0);
    }
    const suspended = (await city.get('/api/stations?pageSize=1&status=suspended')).json<{ total: number }>();
    expect(suspended.total).toBeGreaterThan(0);
    expect(suspended.total).toBeLessThan(30);
    const rules = (await city.get('/api/stations/alarm-rules')).json<{ items: AlarmRule[] }>();
    expect(rules.items).toContainEqual(
      expect.objectContaining({
        regionCode: HEFEI,
        metric: 'temperatureC',
        op: 'above',
        threshold: 32,
        durationSec: 600,
        hysteresis: 1,
        severity: 'warning',
      }),
    );
  });

  it('answers the finder near Binhu with Binhu first, and stations within reach after it', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/public/stations/nearby?lat=${BINHU.lat}&lng=${BINHU.lng}&limit=5`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const { items } = res.json<NearbyAnswer>();
    expect(items).toHaveLength(5);
    expect(items[0]!.code).toBe(DEMO_BINHU_CODE);
    for (const s of items.slice(1)) expect(s.distanceM).toBeLessThan(5000);
  });

  it('lets the Binhu gateway sign in with its demo secret, and a heat wave raises the rule’s alarm', async () => {
    const [gateway] = await t.deps.db
      .select({ secretEnc: stationDevices.secretEnc })
      .from(stationDevices)
      .where(eq(stationDevices.serial, `SG-${DEMO_BINHU_CODE}`));
    expect(t.deps.cipher.decrypt(gateway!.secretEnc)).toBe(demoSensorSecret(DEMO_BINHU_CODE));

    const sensors = await startSensors(t);
    let client: MqttClient | null = null;
    try {
      client = await sensorClient(sensors.url, DEMO_BINHU_CODE, {
        serial: `SG-${DEMO_BINHU_CODE}`,
        secret: demoSensorSecret(DEMO_BINHU_CODE),
      });
      // Fifteen minutes of an overheating room, replayed in fifteen simulated seconds up to now.
      const rng = createRng('stations-demo-test');
      const traffic = new StationTraffic({
        codes: [DEMO_BINHU_CODE],
        rate: 4,
        clock: simulatedClock({ wallStart: NOW.getTime(), timeScale: 60, seconds: 15 }),
        random: () => rng.next(),
        heat: DEMO_BINHU_CODE,
      });
      const messages = [...traffic.opening(), ...traffic.due(15_000)];
      for (const m of messages) await client.publishAsync(m.topic, m.payload, { qos: 1, retain: m.retain });
      for (let i = 0; i < 100 && sensors.ingester.stats.received < messages.length; i++)
        await new Promise((r) => setTimeout(r, 20));
      await sensors.ingester.flush();
      expect(sensors.ingester.stats).toMatchObject({ received: messages.length, refused: 0 });
    } finally {
      await client?.endAsync();
      await sensors.stop();
    }
    const live = (await manager.get(`/api/stations/${DEMO_BINHU_CODE}/live`)).json<StationLive>();
    expect(live.online).toBe(true);
    expect(live.temperatureC).toBeGreaterThanOrEqual(34);
    expect(live.temperatureC).toBeLessThanOrEqual(36);
    expect(live.alarms).toContainEqual(expect.objectContaining({ kind: 'threshold', state: 'active' }));
  });

  it('places every station inside its own district, so the coverage figures name none as misplaced', async () => {
    const res = await city.get(`/api/stations/coverage?regionCode=${HEFEI}&at=12:00`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json<Coverage>();
    expect(c.outsideOutline).toEqual({ count: 0, items: [] });
    expect(c.totals.stations).toBe(301);
    const baohe = c.areas.find((a) => a.code === '340111')!;
    expect(baohe.stations).toBeGreaterThan(30);
    expect(baohe.share).toBeGreaterThan(0.05);
    for (const district of ['340102', '340103', '340104', '340111'])
      expect(
        (await city.get(`/api/stations/coverage?regionCode=${district}`)).json<Coverage>().outsideOutline.count,
      ).toBe(0);
  });

  it('writes nothing the second time: the Binhu station is there', async () => {
    const before = await binhu();
    const total = (await city.get('/api/stations?pageSize=1')).json<{ total: number }>().total;
    expect(await writeStationsDemo(t.deps)).toEqual({ stations: 0, riders: 0, visits: 0 });
    const after = await binhu();
    expect(after.registeredWorkers).toBe(before.registeredWorkers);
    expect(after.visitsToday).toBe(before.visitsToday);
    expect((await city.get('/api/stations?pageSize=1')).json<{ total: number }>().total).toBe(total);
  });
});
