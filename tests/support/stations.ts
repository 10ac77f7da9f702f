import crypto from 'node:crypto';
import net from 'node:net';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Station, StationInput, WorkerPass } from '../../contracts/stations/api.js';
import { outbox } from '../../server/modules/notifications/tables.js';
import { agent, type Agent, type TestApp } from './app.js';
import { newAccount, uniquePhone, type LoggedIn } from './factories.js';

// Stations built through the API: staff of a region, stations near a point, registered workers
// and door terminals, each with its own codes, phones and serial numbers.

/** Hefei's Baohe district (包河区), where the seed's 滨湖世纪社区 station is. */
export const BAOHE = '340111';
export const HEFEI = '340100';
/** 滨湖世纪社区, GCJ-02. */
export const BINHU = { lat: 31.7402, lng: 117.2995 };

let serial = 0;
const next = () => `${Date.now().toString(36).slice(-4)}${(serial++).toString(36)}`.toUpperCase();

export function stationStaff(t: TestApp, regionCode = HEFEI): Promise<LoggedIn> {
  return newAccount(t, { role: 'union_staff', regionCode });
}

export function stationInput(over: Partial<StationInput> = {}): StationInput {
  return {
    code: `HF-${next()}`,
    name: '滨湖世纪社区幸福驿站',
    address: '安徽省合肥市包河区滨湖世纪社区',
    lat: BINHU.lat,
    lng: BINHU.lng,
    regionCode: BAOHE,
    open24h: true,
    facilities: ['microwave', 'air_conditioner', 'water_dispenser', 'charging'],
    standards: ['sign', 'site', 'facilities', 'functions', 'rules', 'on_map'],
    areaM2: 20,
    ...over,
  };
}

export async function newStation(t: TestApp, staff: Agent, over: Partial<StationInput> = {}): Promise<Station> {
  const res = await staff.post('/api/stations', stationInput(over));
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Station>();
}

/** The station code last texted to a phone, read from the outbox. */
export async function stationCodeTo(t: TestApp, phone: string): Promise<string | undefined> {
  const sms = await t.deps.db.select({ body: outbox.body }).from(outbox).where(eq(outbox.recipient, phone));
  return sms
    .map((m) => /验证码为(\d{6})/.exec(m.body)?.[1])
    .filter(Boolean)
    .at(-1);
}

let addressCounter = 1;
/** Each worker's phone comes from its own address, as on the street. */
export function phoneAgent(t: TestApp): Agent {
  const a = agent(t.app);
  const remoteAddress = `100.64.${(addressCounter >> 8) & 255}.${addressCounter++ & 255}`;
  const request = a.request.bind(a);
  a.request = (opts) => request({ remoteAddress, ...opts });
  return a;
}

/** A worker registered from a station's QR, as the phone page does it. */
export async function registeredWorker(
  t: TestApp,
  stationCode: string,
  over: { phone?: string; name?: string; occupation?: string; platform?: string } = {},
): Promise<WorkerPass & { phone: string; token: string }> {
  const phone = over.phone ?? uniquePhone();
  const a = phoneAgent(t);
  const asked = await a.post('/api/public/stations/request-code', { phone });
  expect(asked.statusCode, asked.body).toBe(200);
  const code = await stationCodeTo(t, phone);
  const res = await a.post(`/api/public/stations/${stationCode}/register`, {
    phone,
    code,
    name: over.name ?? '王骑手',
    occupation: over.occupation ?? 'rider',
    platform: over.platform ?? '美团',
    consent: true,
  });
  expect(res.statusCode, res.body).toBe(200);
  const pass = res.json<WorkerPass>();
  return { ...pass, phone, token: pass.token ?? '' };
}

/** A door terminal of a station, with the secret shown once. */
export async function newDevice(
  staff: Agent,
  stationCode: string,
  kind: 'door_adms' | 'door_webhook' | 'sensor_gateway',
): Promise<{ serial: string; secret: string; id: string }> {
  const serialNo = `${kind === 'door_adms' ? 'ZK' : kind === 'sensor_gateway' ? 'SG' : 'WH'}${next()}${crypto.randomBytes(2).toString('hex').toUpperCase()}`;
  const res = await staff.post(`/api/stations/${stationCode}/devices`, { serial: serialNo, kind });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** A webhook call as a terminal signs it. */
export function signedDoorEvent(
  t: TestApp,
  device: { serial: string; secret: string },
  event: Record<string, unknown>,
  opts: { timestamp?: number; secret?: string } = {},
) {
  const body = JSON.stringify(event);
  const timestamp = String(opts.timestamp ?? Math.floor(t.clock.now.getTime() / 1000));
  const signature = crypto
    .createHmac('sha256', opts.secret ?? device.secret)
    .update(`${timestamp}.${body}`)
    .digest('hex');
  return t.app.inject({
    method: 'POST',
    url: '/api/stations/door-events',
    headers: {
      'content-type': 'application/json',
      'x-device-serial': device.serial,
      'x-timestamp': timestamp,
      'x-signature': signature,
    },
    payload: body,
  });
}

// ---- Sensors over MQTT ----------------------------------------------------------------------

/** The app's embedded broker on a free port with an ingester writing through the test's database. */
export async function startSensors(t: TestApp) {
  const { TelemetryIngester } = await import('../../server/modules/stations/telemetry/ingester.js');
  const { startEmbeddedBroker } = await import('../../server/modules/stations/telemetry/broker.js');
  const ingester = new TelemetryIngester(t.deps, { flushMs: 20, maxBatch: 5000, maxBuffered: 200_000 });
  const broker = await startEmbeddedBroker(t.deps, { port: 0, host: '127.0.0.1', ingester });
  return {
    ingester,
    broker,
    url: `mqtt://127.0.0.1:${broker.port}`,
    async stop() {
      await ingester.stop();
      await broker.close();
    },
  };
}

/** The Mosquitto the MQTT_URL tests use (CI starts one; elsewhere they are skipped without it). */
export const MOSQUITTO_URL = process.env.MOSQUITTO_URL ?? 'mqtt://127.0.0.1:1883';

/** Whether something answers on the broker's port; CI must have it. */
export async function mosquittoAvailable(): Promise<boolean> {
  const { hostname, port } = new URL(MOSQUITTO_URL);
  const up = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 1883) });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
  if (!up && process.env.CI) throw new Error(`CI needs Mosquitto on ${MOSQUITTO_URL}`);
  return up;
}

/** A sensor gateway of a station connected to a broker with its serial and secret; its last will says offline. */
export async function sensorClient(url: string, stationCode: string, device: { serial: string; secret: string }) {
  const mqtt = (await import('mqtt')).default;
  return mqtt.connectAsync(url, {
    username: device.serial,
    password: device.secret,
    reconnectPeriod: 0,
    connectTimeout: 5000,
    will: {
      topic: `yizhan/stations/${stationCode}/status`,
      payload: Buffer.from('{"online":false}'),
      qos: 1,
      retain: true,
    },
  });
}

/** A time `minutes` after `base`, as devices write it: ISO with China's offset. */
export function chinaTs(base: Date, seconds: number): string {
  const d = new Date(base.getTime() + seconds * 1000 + 8 * 3600_000);
  return `${d.toISOString().slice(0, 19)}+08:00`;
}

/** A suggestion posted on a station's message board from a worker's phone (no token: none sent). */
export function postSuggestion(
  t: TestApp,
  stationCode: string,
  token: string | undefined,
  payload: unknown,
  phone: Agent = phoneAgent(t),
) {
  return phone.request({
    method: 'POST',
    url: `/api/public/stations/${stationCode}/suggestions`,
    headers: token ? { 'x-station-token': token } : {},
    payload: payload as never,
  });
}
