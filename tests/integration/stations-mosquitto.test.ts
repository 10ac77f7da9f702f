import crypto from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import mqtt, { type MqttClient } from 'mqtt';
import type { ExternalSubscription } from '../../server/modules/stations/telemetry/start.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StationLive } from '../../contracts/stations/api.js';
import { TelemetryIngester } from '../../server/modules/stations/telemetry/ingester.js';
import { connectExternal } from '../../server/modules/stations/telemetry/start.js';
import { stationIngestProblems, stationTelemetry } from '../../server/modules/stations/telemetry/tables.js';
import { createTestApp, type TestApp } from '../support/app.js';
import type { LoggedIn } from '../support/factories.js';
import { chinaTs, MOSQUITTO_URL, mosquittoAvailable, newStation, stationStaff } from '../support/stations.js';

// The same ingestion through a real broker (Mosquitto, as production would run with MQTT_URL):
// the app subscribes with a shared subscription, so two instances split the messages between them
// and every message is written once. CI starts Mosquitto; elsewhere these tests need one on
// MOSQUITTO_URL (default mqtt://127.0.0.1:1883) and are skipped without it.

const url = MOSQUITTO_URL;
const available = await mosquittoAvailable();

describe.skipIf(!available)('sensors through Mosquitto', () => {
  let t: TestApp;
  let staff: LoggedIn;
  const group = `yz-test-${crypto.randomBytes(4).toString('hex')}`;
  const instances: { ingester: TelemetryIngester; client: ExternalSubscription }[] = [];
  let device: MqttClient;

  beforeAll(async () => {
    t = await createTestApp({ demoScale: null });
    staff = await stationStaff(t);
    for (let i = 0; i < 2; i++) {
      const ingester = new TelemetryIngester(t.deps, { flushMs: 20, maxBatch: 5000, maxBuffered: 200_000 });
      const client = await connectExternal(
        url,
        { username: null, password: null, shareGroup: group, instance: `${group}-${i}` },
        ingester,
      );
      instances.push({ ingester, client });
    }
    device = await mqtt.connectAsync(url, { clientId: `yz-test-device-${group}`, reconnectPeriod: 0 });
  });
  afterAll(async () => {
    await device?.endAsync();
    for (const i of instances) {
      await i.ingester.stop();
      await i.client.endAsync({ endSession: true });
    }
    await t?.close();
  });

  const settle = async () => {
    await new Promise((r) => setTimeout(r, 300));
    for (const i of instances) await i.ingester.flush();
  };

  it('writes every message once, split between two instances by the shared subscription', async () => {
    const stations = [await newStation(t, staff), await newStation(t, staff)];
    const sent = 200;
    for (let k = 0; k < sent; k++) {
      const s = stations[k % 2]!;
      await device.publishAsync(
        `yizhan/stations/${s.code}/env`,
        JSON.stringify({ ts: chinaTs(t.clock.now, -k), temperatureC: 20 + (k % 10), humidityPct: 50 }),
        { qos: 1 },
      );
    }
    await settle();
    const rows = await t.deps.db
      .select()
      .from(stationTelemetry)
      .where(
        inArray(
          stationTelemetry.stationId,
          stations.map((s) => s.id),
        ),
      );
    expect(rows).toHaveLength(sent);
    const received = instances.map((i) => i.ingester.stats.received);
    expect(received.reduce((a, b) => a + b, 0)).toBe(sent);
    // Both instances took a share (Mosquitto hands shared messages round-robin).
    expect(Math.min(...received)).toBeGreaterThan(0);
    const live = (await staff.get(`/api/stations/${stations[0]!.code}/live`)).json<StationLive>();
    expect(live.temperatureC).toBe(20);
  });

  it('counts an unknown station and a broken message, and keeps the rest', async () => {
    const station = await newStation(t, staff);
    const ghost = `GHOST-${group.slice(-6).toUpperCase()}`;
    await device.publishAsync(
      `yizhan/stations/${ghost}/env`,
      JSON.stringify({ ts: chinaTs(t.clock.now, 0), temperatureC: 20 }),
      { qos: 1 },
    );
    await device.publishAsync(`yizhan/stations/${station.code}/people`, '{"ts":1}', { qos: 1 });
    await device.publishAsync(
      `yizhan/stations/${station.code}/people`,
      JSON.stringify({ ts: chinaTs(t.clock.now, 0), in: 2, out: 0 }),
      { qos: 1 },
    );
    await settle();
    const unknown = await t.deps.db
      .select()
      .from(stationIngestProblems)
      .where(eq(stationIngestProblems.stationCode, ghost));
    expect(unknown.map((p) => [p.reason, p.count])).toEqual([['unknown_station', 1]]);
    const broken = await t.deps.db
      .select()
      .from(stationIngestProblems)
      .where(eq(stationIngestProblems.stationCode, station.code));
    expect(broken.map((p) => p.reason)).toEqual(['bad_field']);
    const live = (await staff.get(`/api/stations/${station.code}/live`)).json<StationLive>();
    expect(live.peopleInside).toBe(2);
  });
});
