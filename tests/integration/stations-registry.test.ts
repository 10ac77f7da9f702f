import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NearbyAnswer, PublicStation, Station } from '../../contracts/stations/api.js';
import { auditLog } from '../../server/modules/audit/tables.js';
import { gcj02ToWgs84 } from '../../server/modules/stations/rules/geo.js';
import { agent, createTestApp, type TestApp } from '../support/app.js';
import { newAccount, type LoggedIn } from '../support/factories.js';
import { BAOHE, BINHU, newStation, stationInput, stationStaff } from '../support/stations.js';

// The station registry and the public finder: a station kept by staff of its region through one
// versioned write, its printable QR, and the nearest open stations for a rider's phone.

let t: TestApp;
let staff: LoggedIn;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  staff = await stationStaff(t);
});
afterAll(() => t.close());

/** A point `north` and `east` metres from Binhu (about 111 km per degree of latitude). */
const offset = (north: number, east: number) => {
  const lat = BINHU.lat + north / 111_195;
  return { lat, lng: BINHU.lng + east / (111_195 * Math.cos((lat * Math.PI) / 180)) };
};

describe('the registry', () => {
  it('creates a station with its hours, facilities and six standards, and audits it', async () => {
    const s = await newStation(t, staff, {
      open24h: false,
      opensAt: '22:00',
      closesAt: '06:00',
      operatorName: '合肥某物业',
    });
    expect(s).toMatchObject({
      datum: 'GCJ-02',
      regionCode: BAOHE,
      opensAt: '22:00',
      closesAt: '06:00',
      open24h: false,
      status: 'open',
      version: 1,
      visitsToday: 0,
      registeredWorkers: 0,
    });
    expect(s.pageUrl).toMatch(new RegExp(`/s/${s.code}$`));
    expect(s.standards).toHaveLength(6);
    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, s.id));
    expect(audit.map((a) => a.action)).toEqual(['station.created']);
  });

  it('changes a station only at the version read, and says so when it moved on', async () => {
    const s = await newStation(t, staff);
    const { code: _code, ...input } = stationInput({ name: '滨湖驿站（新）' });
    const changed = await staff.put(`/api/stations/${s.code}`, { ...input, expectedVersion: 1 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<Station>()).toMatchObject({ name: '滨湖驿站（新）', version: 2 });
    const stale = await staff.put(`/api/stations/${s.code}`, { ...input, name: '旧的', expectedVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().field).toBe('expectedVersion');
    expect((await staff.get(`/api/stations/${s.code}`)).json<Station>().name).toBe('滨湖驿站（新）');
  });

  it('refuses bad input naming the field, in Chinese and English', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ open24h: false, opensAt: '08:00' }, 'closesAt'],
      [{ open24h: true, opensAt: '08:00', closesAt: '20:00' }, 'opensAt'],
      [{ open24h: false, opensAt: '08:00', closesAt: '08:00' }, 'closesAt'],
      [{ lat: 117.3, lng: 31.7 }, 'lat'],
      [{ lat: 48.85, lng: 2.35 }, 'lng'],
      [{ code: 'a b' }, 'code'],
      [{ facilities: ['sauna'] }, 'facilities.0'],
      [{ regionCode: '999999' }, 'regionCode'],
    ];
    for (const [over, field] of cases) {
      const res = await staff.post('/api/stations', stationInput(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().field, JSON.stringify(over)).toBe(field);
      expect(res.json().messageEn).toBeTruthy();
    }
    const taken = await newStation(t, staff);
    const again = await staff.post('/api/stations', stationInput({ code: taken.code }));
    expect(again.statusCode).toBe(409);
    expect(again.json().field).toBe('code');
  });

  it('keeps each region to its own staff, and the manager reads only', async () => {
    const s = await newStation(t, staff);
    const nanjing = await newAccount(t, { role: 'union_staff', regionCode: '320100' });
    expect((await nanjing.get(`/api/stations/${s.code}`)).statusCode).toBe(403);
    expect((await nanjing.post('/api/stations', stationInput())).statusCode).toBe(403);
    const list = await nanjing.get('/api/stations');
    expect(list.json().items.map((i: Station) => i.code)).not.toContain(s.code);
    const manager = await newAccount(t, { role: 'station_manager', regionCode: BAOHE });
    expect((await manager.get(`/api/stations/${s.code}`)).statusCode).toBe(200);
    const { code: _c, ...input } = stationInput();
    expect((await manager.put(`/api/stations/${s.code}`, { ...input, expectedVersion: 1 })).statusCode).toBe(403);
    expect((await agent(t.app).get('/api/stations')).statusCode).toBe(401);
    const judge = await newAccount(t, { role: 'judge', regionCode: BAOHE });
    expect((await judge.get('/api/stations')).statusCode).toBe(403);
  });

  it('prints the QR as SVG and PNG with the name under it', async () => {
    const s = await newStation(t, staff, { name: '包河A&B驿站' });
    const svg = await staff.get(`/api/stations/${s.code}/qr?format=svg`);
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toContain('包河A&amp;B驿站');
    expect(svg.body).toContain(s.code);
    const png = await staff.get(`/api/stations/${s.code}/qr?format=png`);
    expect(png.statusCode).toBe(200);
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    const other = await newAccount(t, { role: 'union_staff', regionCode: '320100' });
    expect((await other.get(`/api/stations/${s.code}/qr`)).statusCode).toBe(403);
  });
});

describe('the finder', () => {
  const codes: Record<string, string> = {};
  beforeAll(async () => {
    // Far from the others, so that only these are near: a point 300 km away.
    const base = { regionCode: BAOHE };
    const at = (n: number, e: number) => ({ ...offset(n + 300_000, e) });
    codes.near = (await newStation(t, staff, { ...base, ...at(0, 400), name: '近站' })).code;
    codes.mid = (await newStation(t, staff, { ...base, ...at(1_000, 0), name: '中站', facilities: ['toilet'] })).code;
    codes.night = (
      await newStation(t, staff, {
        ...base,
        ...at(0, -700),
        name: '夜站',
        open24h: false,
        opensAt: '22:00',
        closesAt: '06:00',
      })
    ).code;
    codes.far = (await newStation(t, staff, { ...base, ...at(5_000, 5_000), name: '远站' })).code;
    codes.closed = (await newStation(t, staff, { ...base, ...at(0, 100), name: '撤站', status: 'closed' })).code;
  });
  const here = () => offset(300_000, 0);

  it('answers the nearest stations first with their distance, without a login', async () => {
    // 2026-12-07 12:00 in China: the night station is shut.
    t.clock.now = new Date('2026-12-07T04:00:00Z');
    const { lat, lng } = here();
    const res = await agent(t.app).get(`/api/public/stations/nearby?lat=${lat}&lng=${lng}&limit=4`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<NearbyAnswer>().items;
    expect(items.map((i) => i.code)).toEqual([codes.near, codes.night, codes.mid, codes.far]);
    expect(items[0]!.distanceM).toBeGreaterThan(390);
    expect(items[0]!.distanceM).toBeLessThan(410);
    expect(items[1]).toMatchObject({ openNow: false, opensAt: '22:00', closesAt: '06:00' });
    expect(items.map((i) => i.code)).not.toContain(codes.closed);
  });

  it('filters open now and by facilities', async () => {
    const { lat, lng } = here();
    t.clock.now = new Date('2026-12-07T04:00:00Z');
    const noon = await agent(t.app).get(`/api/public/stations/nearby?lat=${lat}&lng=${lng}&openNow=true&limit=3`);
    expect(noon.json<NearbyAnswer>().items.map((i) => i.code)).toEqual([codes.near, codes.mid, codes.far]);
    // 23:30 in China: the night station is open.
    t.clock.now = new Date('2026-12-07T15:30:00Z');
    const night = await agent(t.app).get(`/api/public/stations/nearby?lat=${lat}&lng=${lng}&openNow=true&limit=2`);
    expect(night.json<NearbyAnswer>().items.map((i) => i.code)).toEqual([codes.near, codes.night]);
    const toilets = await agent(t.app).get(
      `/api/public/stations/nearby?lat=${lat}&lng=${lng}&facilities=toilet&limit=5`,
    );
    expect(toilets.json<NearbyAnswer>().items.map((i) => i.code)).toEqual([codes.mid]);
  });

  it('takes a phone’s GPS position (WGS-84) onto the stations’ datum', async () => {
    const { lat, lng } = here();
    // The same place as GPS gives it: about half a kilometre from its GCJ-02 coordinates in Anhui.
    const gps = gcj02ToWgs84(lat, lng);
    const res = await agent(t.app).get(
      `/api/public/stations/nearby?lat=${gps.lat}&lng=${gps.lng}&datum=WGS-84&limit=1`,
    );
    expect(res.json<NearbyAnswer>().items[0]).toMatchObject({ code: codes.near });
    expect(Math.abs(res.json<NearbyAnswer>().items[0]!.distanceM - 400)).toBeLessThan(3);
    const raw = await agent(t.app).get(`/api/public/stations/nearby?lat=${gps.lat}&lng=${gps.lng}&limit=1`);
    expect(Math.abs(raw.json<NearbyAnswer>().items[0]!.distanceM - 400)).toBeGreaterThan(100);
  });

  it('refuses a bad position or filter with a 400', async () => {
    for (const q of [
      'lat=abc&lng=117',
      'lat=91&lng=117',
      'lat=31&lng=117&limit=500',
      'lat=31&lng=117&facilities=sauna',
    ]) {
      const res = await agent(t.app).get(`/api/public/stations/nearby?${q}`);
      expect(res.statusCode, q).toBe(400);
    }
  });

  it('finds stations by a typed place when the phone gives no position', async () => {
    t.clock.now = new Date('2026-12-07T04:00:00Z');
    const byName = await agent(t.app).get(`/api/public/stations/search?q=${encodeURIComponent('夜站')}`);
    expect(byName.statusCode, byName.body).toBe(200);
    expect(byName.json().items.map((i: { code: string }) => i.code)).toEqual([codes.night]);
    expect(byName.json().items[0]).toMatchObject({ openNow: false, regionName: expect.stringContaining('包河') });
    const openOnly = await agent(t.app).get(`/api/public/stations/search?q=${encodeURIComponent('夜站')}&openNow=true`);
    expect(openOnly.json().items).toEqual([]);
    const byDistrict = await agent(t.app).get(`/api/public/stations/search?q=${encodeURIComponent('包河 撤')}`);
    // The closed station is never answered, whatever is typed.
    expect(byDistrict.json().items).toEqual([]);
    expect((await agent(t.app).get('/api/public/stations/search?q=')).statusCode).toBe(400);
  });

  it('opens a station’s page from its QR, and not a closed one', async () => {
    const page = await agent(t.app).get(`/api/public/stations/${codes.near}`);
    expect(page.statusCode).toBe(200);
    expect(page.json<PublicStation>()).toMatchObject({ name: '近站', status: 'open' });
    expect(page.json()).not.toHaveProperty('id');
    expect((await agent(t.app).get(`/api/public/stations/${codes.closed}`)).statusCode).toBe(404);
    expect((await agent(t.app).get('/api/public/stations/NOPE-1')).statusCode).toBe(404);
  });
});
