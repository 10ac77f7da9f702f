import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../server/core/deps.js';
import { startEmbeddedBroker } from '../../server/modules/stations/telemetry/broker.js';
import { TelemetryIngester } from '../../server/modules/stations/telemetry/ingester.js';
import { connectExternal, type ExternalSubscription } from '../../server/modules/stations/telemetry/start.js';
import { stationTelemetry } from '../../server/modules/stations/telemetry/tables.js';
import { createTestApp, type TestApp } from '../support/app.js';
import type { LoggedIn } from '../support/factories.js';
import {
  chinaTs,
  MOSQUITTO_URL,
  mosquittoAvailable,
  newDevice,
  newStation,
  sensorClient,
  stationStaff,
} from '../support/stations.js';

// A QoS 1 sensor message is acknowledged only once the batch holding it is committed, so a crash
// before the commit loses nothing: the sender still has it. On the embedded broker the gateway's
// PUBLISH is answered after the commit; through Mosquitto the app's PUBACK goes out after the
// commit, and what an instance had not acknowledged is sent again when it comes back under the
// same name.

let t: TestApp;
let staff: LoggedIn;

beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  staff = await stationStaff(t);
});
afterAll(async () => {
  await t?.close();
});

/** The test's app, except that every commit fails while `away.now` (the database is away). */
function flakyDatabase() {
  const away = { now: false };
  const real = t.deps.db;
  const db: Deps['db'] = Object.create(real) as Deps['db'];
  db.transaction = ((...args: Parameters<Deps['db']['transaction']>) =>
    away.now ? Promise.reject(new Error('database away')) : real.transaction(...args)) as Deps['db']['transaction'];
  // The failed commits are expected here: not logged.
  return { deps: { ...t.deps, db, logger: t.deps.logger.child({}, { level: 'silent' }) }, away };
}

const ingesterFor = (deps: Deps) => new TelemetryIngester(deps, { flushMs: 20, maxBatch: 100, maxBuffered: 1000 });

async function until(check: () => boolean, what: string) {
  for (let waited = 0; !check(); waited += 20) {
    if (waited > 10_000) throw new Error(`waited 10 s for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** 'answered' if the promise settles within `ms`, else 'waiting'. */
async function answeredWithin(p: Promise<unknown>, ms: number): Promise<'answered' | 'waiting'> {
  const timer = new Promise<'waiting'>((resolve) => setTimeout(() => resolve('waiting'), ms));
  return Promise.race([p.then(() => 'answered' as const), timer]);
}

const rowsOf = (stationId: string) =>
  t.deps.db.select().from(stationTelemetry).where(eq(stationTelemetry.stationId, stationId));

const reading = (temperatureC: number) => JSON.stringify({ ts: chinaTs(t.clock.now, 0), temperatureC });

describe('the embedded broker', () => {
  it('answers a gateway’s QoS 1 message once its batch is committed, and not while it cannot be', async () => {
    const { deps, away } = flakyDatabase();
    const ingester = ingesterFor(deps);
    const broker = await startEmbeddedBroker(deps, { port: 0, host: '127.0.0.1', ingester });
    const station = await newStation(t, staff);
    const gateway = await sensorClient(
      `mqtt://127.0.0.1:${broker.port}`,
      station.code,
      await newDevice(staff, station.code, 'sensor_gateway'),
    );
    try {
      const topic = `yizhan/stations/${station.code}/env`;
      // The PUBACK comes after the commit: the row is there when the gateway hears back.
      await gateway.publishAsync(topic, reading(21), { qos: 1 });
      expect(await rowsOf(station.id)).toHaveLength(1);

      away.now = true;
      const second = gateway.publishAsync(topic, reading(22), { qos: 1 });
      await until(() => ingester.stats.failedBatches > 0, 'the failed batch');
      expect(await answeredWithin(second, 500)).toBe('waiting');
      expect(await rowsOf(station.id)).toHaveLength(1);
      // The database is back: the batch is tried again, committed, and only then answered.
      away.now = false;
      await second;
      expect((await rowsOf(station.id)).map((r) => r.temperatureC).sort()).toEqual([21, 22]);
    } finally {
      await gateway.endAsync(true);
      await ingester.stop();
      await broker.close();
    }
  });
});

describe('the ingester', () => {
  it('settles a message only after its commit, and lets go unwritten what it cannot write when stopping', async () => {
    const { deps, away } = flakyDatabase();
    const ingester = ingesterFor(deps);
    const station = await newStation(t, staff);
    const told: boolean[] = [];
    ingester.receive(`yizhan/stations/${station.code}/env`, Buffer.from(reading(20)), (ok) => told.push(ok));
    await ingester.flush();
    expect(told).toEqual([true]);
    away.now = true;
    ingester.receive(`yizhan/stations/${station.code}/env`, Buffer.from(reading(30)), (ok) => told.push(ok));
    await until(() => ingester.stats.failedBatches > 0, 'the failed batch');
    expect(told).toEqual([true]);
    await ingester.stop();
    expect(told).toEqual([true, false]);
    // Stopped, it takes nothing more.
    ingester.receive(`yizhan/stations/${station.code}/env`, Buffer.from(reading(40)), (ok) => told.push(ok));
    expect(told).toEqual([true, false, false]);
    expect((await rowsOf(station.id)).map((r) => r.temperatureC)).toEqual([20]);
  });
});

const available = await mosquittoAvailable();

describe.skipIf(!available)('through Mosquitto', () => {
  it('is sent again what an instance had not acknowledged when it comes back, and not what it had', async () => {
    const group = `yz-acks-${crypto.randomBytes(4).toString('hex')}`;
    const name = `${group}-a`;
    const subscribe = (ingester: TelemetryIngester) =>
      connectExternal(
        MOSQUITTO_URL,
        { username: null, password: null, shareGroup: group, instance: name, connections: 1 },
        ingester,
      );
    const station = await newStation(t, staff);
    const device = await mqtt.connectAsync(MOSQUITTO_URL, { clientId: `${group}-device`, reconnectPeriod: 0 });
    let subscription: ExternalSubscription | null = null;
    try {
      // The first run takes the message but cannot commit it, and goes down.
      const { deps, away } = flakyDatabase();
      away.now = true;
      const first = ingesterFor(deps);
      subscription = await subscribe(first);
      await device.publishAsync(`yizhan/stations/${station.code}/env`, reading(23), { qos: 1 });
      await until(() => first.stats.failedBatches > 0, 'the failed batch');
      await subscription.endAsync();
      subscription = null;
      await first.stop();
      expect(await rowsOf(station.id)).toHaveLength(0);

      // Back under the same name: the broker sends it again, and it is written and acknowledged.
      const second = ingesterFor(t.deps);
      subscription = await subscribe(second);
      await until(() => second.stats.written > 0, 'the message sent again');
      expect(second.stats.received).toBe(1);
      await second.stop();
      await subscription.endAsync();
      subscription = null;
      expect((await rowsOf(station.id)).map((r) => r.temperatureC)).toEqual([23]);

      // Acknowledged, it is not sent a third time.
      const third = ingesterFor(t.deps);
      subscription = await subscribe(third);
      await new Promise((r) => setTimeout(r, 500));
      expect(third.stats.received).toBe(0);
      await third.stop();
    } finally {
      await subscription?.endAsync({ endSession: true });
      await device.endAsync();
    }
  });
});
