import ExcelJS from 'exceljs';
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Station } from '../../contracts/stations/api.js';
import type { StationDashboard } from '../../contracts/stations/dashboard.js';
import { agent, createTestApp, type TestApp } from '../support/app.js';
import { newAccount, type LoggedIn } from '../support/factories.js';
import {
  BAOHE,
  HEFEI,
  chinaTs,
  newDevice,
  newStation,
  stationInput,
  registeredWorker,
  sensorClient,
  signedDoorEvent,
  startSensors,
  stationStaff,
} from '../support/stations.js';

// The city or province dashboard of the stations: visits per China day and hour, by occupation and
// per station, the stations now and the alarms, for the reader's region or a region within it; the
// same figures as a workbook. Hefei's staff keep stations in Baohe and Shushan, Nanjing's one of its own.

const SHUSHAN = '340104';
const NANJING = '320100';
/** Noon on 8 December 2026 in China: the default period is 9 November to 8 December. */
const NOW = new Date('2026-12-08T04:00:00Z');

let t: TestApp;
let staff: LoggedIn;
let nanjing: LoggedIn;
let sensors: Awaited<ReturnType<typeof startSensors>>;
const clients: MqttClient[] = [];
const stations: Record<'a' | 'b' | 'c' | 'idle' | 'nj', Station> = {} as never;
let eventSerial = 0;

/** A door entry at a chosen instant, sent by the station's terminal a minute later (its clock then). */
async function visit(device: { serial: string; secret: string }, pin: number, at: string) {
  const before = t.clock.now;
  t.clock.now = new Date(new Date(at).getTime() + 60_000);
  try {
    const res = await signedDoorEvent(t, device, {
      eventId: `d-${++eventSerial}`,
      occurredAt: at,
      pin,
      method: 'face',
    });
    expect(res.json()).toEqual({ accepted: true, visit: 'created' });
  } finally {
    t.clock.now = before;
  }
}

async function dashboard(who: LoggedIn, query = '') {
  const res = await who.get(`/api/stations/dashboard${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<StationDashboard>();
}

beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  t.clock.now = NOW;
  staff = await stationStaff(t, HEFEI);
  nanjing = await newAccount(t, { role: 'union_staff', regionCode: NANJING });
  sensors = await startSensors(t);
  stations.a = await newStation(t, staff, { name: '滨湖世纪社区幸福驿站' });
  stations.b = await newStation(t, staff, { name: '包河万达幸福驿站' });
  stations.c = await newStation(t, staff, { name: '蜀山三里庵幸福驿站', regionCode: SHUSHAN, lat: 31.85, lng: 117.25 });
  stations.idle = await newStation(t, staff, { code: 'HF-IDLE-1', name: '暂停的驿站', status: 'suspended' });
  stations.nj = await newStation(t, nanjing, {
    name: '玄武湖幸福驿站',
    regionCode: '320102',
    address: '江苏省南京市玄武区',
    lat: 32.07,
    lng: 118.79,
  });

  const rider = await registeredWorker(t, stations.a.code, { occupation: 'rider' });
  t.clock.now = new Date(NOW.getTime() + 61_000);
  const courier = await registeredWorker(t, stations.a.code, { occupation: 'courier' });
  const sweeper = await registeredWorker(t, stations.c.code, { occupation: 'sanitation' });
  const njRider = await registeredWorker(t, stations.nj.code, { occupation: 'rider' });
  t.clock.now = NOW;

  const doorA = await newDevice(staff, stations.a.code, 'door_webhook');
  const doorB = await newDevice(staff, stations.b.code, 'door_webhook');
  const doorC = await newDevice(staff, stations.c.code, 'door_webhook');
  const doorNj = await newDevice(nanjing, stations.nj.code, 'door_webhook');
  await visit(doorA, rider.pin, '2026-12-06T17:30:00Z'); // 7 Dec 01:30 in China
  await visit(doorA, courier.pin, '2026-12-07T02:00:00Z'); // 7 Dec 10:00
  await visit(doorA, rider.pin, '2026-12-07T15:59:00Z'); // 7 Dec 23:59
  await visit(doorA, rider.pin, '2026-12-07T16:00:00Z'); // 8 Dec 00:00
  await visit(doorB, courier.pin, '2026-12-06T15:59:00Z'); // 6 Dec 23:59
  await visit(doorC, sweeper.pin, '2026-12-07T02:30:00Z'); // 7 Dec 10:30
  await visit(doorC, sweeper.pin, '2026-12-07T03:00:00Z'); // 7 Dec 11:00
  await visit(doorNj, njRider.pin, '2026-12-07T02:00:00Z');
  await visit(doorA, rider.pin, '2026-11-01T02:00:00Z'); // before the default period

  // Station A's gateway says it is online, and raises an emergency alarm and an equipment fault
  // that recovers (cleared: raised in the period, not open now).
  const gateway = await newDevice(staff, stations.a.code, 'sensor_gateway');
  const client = await sensorClient(sensors.url, stations.a.code, gateway);
  clients.push(client);
  const publish = (suffix: string, body: unknown) =>
    client.publishAsync(`yizhan/stations/${stations.a.code}/${suffix}`, JSON.stringify(body), { qos: 1 });
  await publish('status', { online: true });
  await publish('alarm', { ts: chinaTs(NOW, -10), kind: 'emergency_button' });
  await publish('equipment/ac-1', { ts: chinaTs(NOW, -9), state: 'fault', powerW: 0 });
  await publish('equipment/ac-1', { ts: chinaTs(NOW, -5), state: 'on', powerW: 1200 });
  await new Promise((r) => setTimeout(r, 100));
  await sensors.ingester.flush();
});
afterAll(async () => {
  for (const c of clients) await c.endAsync(true).catch(() => undefined);
  await sensors.stop();
  await t.close();
});

describe('the stations dashboard', () => {
  it('counts the region’s visits per China day and hour, by occupation and per station, over the last 30 days', async () => {
    const d = await dashboard(staff);
    expect(d).toMatchObject({ regionCode: HEFEI, regionName: expect.stringContaining('合肥市') });
    expect([d.from, d.to]).toEqual(['2026-11-09', '2026-12-08']);
    expect(d.visits).toEqual({ total: 7, workers: 3 });
    expect(d.visitsByDay).toHaveLength(30);
    expect(d.visitsByDay.filter((x) => x.visits > 0)).toEqual([
      { day: '2026-12-06', visits: 1, workers: 1 },
      // 17:30 UTC on the 6th is half past one on the 7th in China.
      { day: '2026-12-07', visits: 5, workers: 3 },
      { day: '2026-12-08', visits: 1, workers: 1 },
    ]);
    expect(d.visitsByHour).toHaveLength(24);
    expect(Object.fromEntries(d.visitsByHour.filter((h) => h.visits).map((h) => [h.hour, h.visits]))).toEqual({
      0: 1,
      1: 1,
      10: 2,
      11: 1,
      23: 2,
    });
    expect(d.occupations).toEqual([
      { occupation: 'rider', visits: 3, workers: 1 },
      { occupation: 'courier', visits: 2, workers: 1 },
      { occupation: 'sanitation', visits: 2, workers: 1 },
    ]);
    expect(d.topStations.map((s) => [s.code, s.visits, s.workers])).toEqual([
      [stations.a.code, 4, 2],
      [stations.c.code, 2, 1],
      [stations.b.code, 1, 1],
    ]);
    expect(d.topStations[1]).toMatchObject({ name: '蜀山三里庵幸福驿站', status: 'open' });
  });

  it('counts the stations now and the alarms open and raised', async () => {
    const d = await dashboard(staff);
    expect(d.stations).toEqual({
      total: 4,
      open: 3,
      online: 1,
      byStatus: [
        { status: 'open', stations: 3 },
        { status: 'suspended', stations: 1 },
        { status: 'closed', stations: 0 },
      ],
    });
    expect(d.alarms.openNow).toBe(1);
    expect(d.alarms.raised).toBe(2);
    expect(d.alarms.byKind).toEqual([
      { kind: 'emergency_button', raised: 1, openNow: 1 },
      { kind: 'equipment_fault', raised: 1, openNow: 0 },
    ]);
    expect(d.alarms.byDay.filter((x) => x.raised)).toEqual([{ day: '2026-12-08', raised: 2 }]);
    // Before the alarms were raised: none raised, the emergency still open.
    const earlier = await dashboard(staff, '?from=2026-12-01&to=2026-12-07');
    expect(earlier.alarms).toMatchObject({ openNow: 1, raised: 0 });
  });

  it('narrows to a chosen period and to a county within the region', async () => {
    const day = await dashboard(staff, '?from=2026-12-07&to=2026-12-07');
    expect(day.visits).toEqual({ total: 5, workers: 3 });
    expect(day.visitsByDay).toEqual([{ day: '2026-12-07', visits: 5, workers: 3 }]);
    const longer = await dashboard(staff, '?from=2026-10-01&to=2026-12-08');
    expect(longer.visits.total).toBe(8);
    const baohe = await dashboard(staff, `?regionCode=${BAOHE}`);
    expect(baohe).toMatchObject({ regionCode: BAOHE, regionName: expect.stringContaining('包河区') });
    expect(baohe.visits).toEqual({ total: 5, workers: 2 });
    expect(baohe.topStations.map((s) => s.code)).toEqual([stations.a.code, stations.b.code]);
    expect(baohe.occupations.map((o) => o.occupation)).toEqual(['rider', 'courier']);
    expect(baohe.stations.total).toBe(3);
    const shushan = await dashboard(staff, `?regionCode=${SHUSHAN}`);
    expect(shushan.visits.total).toBe(2);
    expect(shushan.alarms.openNow).toBe(0);
  });

  it('shows another region’s staff none of it, and refuses them a region outside their own', async () => {
    const d = await dashboard(nanjing);
    expect(d.regionCode).toBe(NANJING);
    expect(d.visits).toEqual({ total: 1, workers: 1 });
    expect(d.topStations.map((s) => s.code)).toEqual([stations.nj.code]);
    expect(d.stations).toMatchObject({ total: 1, online: 0 });
    expect(d.alarms).toMatchObject({ openNow: 0, raised: 0 });
    expect((await nanjing.get(`/api/stations/dashboard?regionCode=${HEFEI}`)).statusCode).toBe(403);
    expect((await nanjing.get(`/api/stations/dashboard.xlsx?regionCode=${BAOHE}`)).statusCode).toBe(403);
    // Nor may Hefei ask for the province above it.
    expect((await staff.get('/api/stations/dashboard?regionCode=340000')).statusCode).toBe(403);
  });

  it('refuses a request without a login, a period over 366 days, and dates that are not days', async () => {
    expect((await agent(t.app).get('/api/stations/dashboard')).statusCode).toBe(401);
    expect((await agent(t.app).get('/api/stations/dashboard.xlsx')).statusCode).toBe(401);
    const long = await staff.get('/api/stations/dashboard?from=2025-12-06&to=2026-12-08');
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ field: 'from', message: expect.stringContaining('366') });
    expect((await staff.get('/api/stations/dashboard?from=2025-12-07&to=2026-12-08')).statusCode).toBe(200);
    const backwards = await staff.get('/api/stations/dashboard?from=2026-12-08&to=2026-12-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().field).toBe('from');
    const noDay = await staff.get('/api/stations/dashboard?from=2026-02-30');
    expect(noDay.statusCode).toBe(400);
    expect(JSON.stringify(noDay.json())).toContain('from');
    const noRegion = await staff.get('/api/stations/dashboard?regionCode=340199');
    expect(noRegion.statusCode).toBe(400);
    expect(noRegion.json().field).toBe('regionCode');
  });

  it('refuses a station code that names a page, so the dashboard’s path is never a station', async () => {
    const res = await staff.post('/api/stations', stationInput({ code: 'dashboard' }));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().field).toBe('code');
    const d = await staff.get('/api/stations/dashboard');
    expect(d.json()).toHaveProperty('visitsByHour');
    expect((await staff.get(`/api/stations/${stations.idle.code}`)).json<Station>().status).toBe('suspended');
  });

  it('gives the same figures as a workbook of five sheets', async () => {
    const d = await dashboard(staff);
    const res = await staff.get('/api/stations/dashboard.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '每日到访 Visits per day',
      '分时段 By hour',
      '职业 Occupations',
      '站点排行 Top stations',
      '告警 Alarms',
    ]);
    const rows = (name: string) =>
      (book.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    const totals = (name: string) => rows(name).filter((r) => r[0] === '合计 Total');
    expect(totals('每日到访 Visits per day')).toEqual([['合计 Total', d.visits.total, d.visits.workers]]);
    expect(totals('分时段 By hour')).toEqual([['合计 Total', d.visits.total]]);
    expect(totals('职业 Occupations')).toEqual([['合计 Total', d.visits.total, d.visits.workers]]);
    expect(totals('告警 Alarms')).toEqual([
      ['合计 Total', d.alarms.raised],
      ['合计 Total', d.alarms.raised, d.alarms.openNow],
    ]);
    expect(rows('每日到访 Visits per day').find((r) => r[0] === '2026-12-07')).toEqual(['2026-12-07', 5, 3]);
    expect(rows('分时段 By hour').find((r) => r[0] === '10:00–11:00')).toEqual(['10:00–11:00', 2]);
    expect(rows('职业 Occupations').find((r) => r[0] === '外卖骑手')).toEqual(['外卖骑手', 3, 1]);
    const ranked = rows('站点排行 Top stations').filter((r) => typeof r[0] === 'number');
    expect(ranked.map((r) => [r[0], r[1], r[5]])).toEqual(d.topStations.map((s, i) => [i + 1, s.code, s.visits]));
    // Headers in Chinese, with English under them.
    expect(rows('站点排行 Top stations')).toContainEqual([
      '排名',
      '站点编号',
      '站点名称',
      '所在地区',
      '状态',
      '到访人次',
      '到访人数',
    ]);
    expect(rows('站点排行 Top stations')).toContainEqual([
      'Rank',
      'Code',
      'Station',
      'Region',
      'Status',
      'Visits',
      'Workers',
    ]);
  });
});
