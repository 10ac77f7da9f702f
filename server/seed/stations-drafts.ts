import crypto from 'node:crypto';
import {
  SIX_STANDARDS,
  STATION_FACILITIES,
  type EntryMethod,
  type Occupation,
  type SixStandard,
  type StationFacility,
} from '../../contracts/stations/codes.js';
import { distanceMeters } from '../modules/stations/rules/geo.js';
import { VISITS_BY_HOUR } from '../modules/stations/telemetry/simulator.js';
import { chineseName, mobile } from './people-gen.js';
import type { Rng } from './random.js';
import {
  HEFEI_CENTRE,
  NETWORK_RADIUS_KM,
  OPERATORS,
  PLACE_KINDS,
  PLATFORMS,
  STATION_SUFFIXES,
  type DemoDistrict,
} from './stations-places.js';

// The rows of the stations demo, drawn from the seeded generator (no database here): the Binhu
// station, the city network, the riders registered at Binhu and the visits of the last 14 days.

export const DEMO_BINHU_CODE = 'HF-BH-0001';
export const DEMO_BINHU = { lat: 31.7402, lng: 117.2995 };
/** The demo door terminal of the Binhu station (ZKTeco, ADMS push). */
export const DEMO_BINHU_DOOR = 'ZKDEMOBH0001';
export const demoStationCode = (n: number) => `HF-${String(n).padStart(4, '0')}`;
export const demoGatewaySerial = (code: string) => `SG-${code}`;

const DAY_MS = 24 * 60 * 60_000;
const CHINA_OFFSET_MS = 8 * 60 * 60_000;
const VISIT_DAYS = 14;

export interface StationDraft {
  id: string;
  code: string;
  name: string;
  address: string;
  lat: number;
  lng: number;
  regionCode: string;
  hostOrganizationId: string | null;
  operatorName: string;
  managerAccountId: string | null;
  open24h: boolean;
  opensMinute: number | null;
  closesMinute: number | null;
  areaM2: number;
  facilities: StationFacility[];
  standards: SixStandard[];
  status: 'open' | 'suspended';
}

export interface Refs {
  managerId: string | null;
  ridersUnionId: string | null;
  /** The district's union, or the city's, by region code. */
  hostOf: (regionCode: string) => string | null;
  districts: DemoDistrict[];
  /** The county whose shipped outline holds a point (null: none), so a station sits in its own district. */
  districtAt: (p: { lat: number; lng: number }) => string | null;
}

function gaussian(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

export function binhuStation(refs: Refs): StationDraft {
  return {
    id: crypto.randomUUID(),
    code: DEMO_BINHU_CODE,
    name: '滨湖世纪社区幸福驿站',
    address: '安徽省合肥市包河区滨湖世纪社区（中国铁塔换电站旁）',
    ...DEMO_BINHU,
    regionCode: '340111',
    hostOrganizationId: refs.ridersUnionId,
    operatorName: '合肥滨湖世纪物业服务有限公司',
    managerAccountId: refs.managerId,
    open24h: true,
    opensMinute: null,
    closesMinute: null,
    areaM2: 20,
    facilities: [...STATION_FACILITIES],
    standards: [...SIX_STANDARDS],
    status: 'open',
  };
}

const FACILITY_CHANCE: Record<StationFacility, number> = {
  microwave: 0.8,
  air_conditioner: 0.9,
  water_dispenser: 0.97,
  charging: 0.9,
  first_aid: 0.85,
  toilet: 0.5,
  rest_seats: 0.95,
  raincoats: 0.6,
  tool_box: 0.5,
};

/**
 * A station of the network: in a district drawn by its weight, within 15 km of the centre (and not
 * on top of Binhu, which the finder must answer first there), inside the district's own outline
 * (the coverage figures would otherwise list it as misplaced), named after one of its places.
 */
export function networkStation(rng: Rng, n: number, refs: Refs, names: Set<string>): StationDraft {
  const district = rng.weighted(refs.districts.map((d) => [d, d.weight] as const));
  let at: { lat: number; lng: number };
  let tries = 0;
  do {
    at = {
      lat: district.lat + (gaussian(rng) * district.spreadKm) / 111.2,
      lng: district.lng + (gaussian(rng) * district.spreadKm) / 94.5,
    };
    // A district whose centre lies near its edge could keep missing: after many tries, its centre.
    if (++tries > 200) at = { lat: district.lat, lng: district.lng };
  } while (
    tries <= 200 &&
    (distanceMeters(at, HEFEI_CENTRE) > NETWORK_RADIUS_KM * 1000 ||
      distanceMeters(at, DEMO_BINHU) < 300 ||
      refs.districtAt(at) !== district.code)
  );
  let place: string;
  let name: string;
  do {
    place = rng.pick(district.places);
    name = `${place}${rng.weighted(PLACE_KINDS)}${rng.weighted(STATION_SUFFIXES)}`;
  } while (names.has(name) && names.size < 2000);
  if (names.has(name)) name = `${name}（${n}）`;
  names.add(name);
  const hours = rng.weighted<[number, number] | null>([
    [null, 40],
    [[7 * 60, 22 * 60], 35],
    [[6 * 60, 23 * 60], 25],
  ]);
  const facilities = STATION_FACILITIES.filter((f) => rng.chance(FACILITY_CHANCE[f]));
  // Most are built to all six standards; some lack the rules on the wall or the map entry yet.
  const missing = rng.chance(0.75) ? [] : rng.shuffle(['rules', 'on_map', 'functions', 'sign']).slice(0, rng.int(1, 2));
  return {
    id: crypto.randomUUID(),
    code: demoStationCode(n),
    name,
    address: `安徽省合肥市${district.name}${place}${rng.pick(district.roads)}${rng.int(1, 1999)}号`,
    lat: Math.round(at.lat * 1e6) / 1e6,
    lng: Math.round(at.lng * 1e6) / 1e6,
    regionCode: district.code,
    hostOrganizationId: refs.hostOf(district.code),
    operatorName: rng.weighted(OPERATORS)(place),
    managerAccountId: null,
    open24h: hours === null,
    opensMinute: hours?.[0] ?? null,
    closesMinute: hours?.[1] ?? null,
    areaM2: rng.int(12, 60),
    facilities: facilities.length ? facilities : ['water_dispenser'],
    standards: SIX_STANDARDS.filter((s) => !missing.includes(s)),
    status: rng.chance(0.03) ? 'suspended' : 'open',
  };
}

export interface RiderDraft {
  personId: string;
  workerId: string;
  name: string;
  sex: 'male' | 'female';
  phone: string;
  occupation: Occupation;
  platform: string | null;
  consentedAt: Date;
}

/** Workers registered at Binhu, each with a phone of their own (none already registered). */
export function riders(rng: Rng, count: number, now: Date, taken: Set<string>): RiderDraft[] {
  const out: RiderDraft[] = [];
  while (out.length < count) {
    const phone = mobile(rng);
    if (taken.has(phone)) continue;
    taken.add(phone);
    const occupation = rng.weighted<Occupation>([
      ['rider', 70],
      ['courier', 17],
      ['sanitation', 5],
      ['driver', 6],
      ['other', 2],
    ]);
    const person = chineseName(rng, rng.chance(occupation === 'sanitation' ? 0.5 : 0.9) ? 'male' : 'female');
    const platforms = occupation in PLATFORMS ? PLATFORMS[occupation as keyof typeof PLATFORMS] : null;
    out.push({
      personId: crypto.randomUUID(),
      workerId: crypto.randomUUID(),
      name: person.name,
      sex: person.sex,
      phone,
      occupation,
      platform: platforms ? rng.weighted(platforms) : null,
      // Registered over the past months, before the fortnight of visits.
      consentedAt: new Date(now.getTime() - (rng.int(15, 240) + rng.next()) * DAY_MS),
    });
  }
  return out;
}

export interface VisitDraft {
  stationId: string;
  workerId: string;
  deviceId: string | null;
  occurredAt: Date;
  method: EntryMethod;
  sourceKey: string;
}

const chinaHour = (ms: number) => new Date(ms + CHINA_OFFSET_MS).getUTCHours();
const PEAK = Math.max(...VISITS_BY_HOUR);

/** A moment in [from, from + span) by the hourly profile of visits (meal-time peaks, a night trough). */
function visitTime(rng: Rng, from: number, span: number): Date {
  for (;;) {
    const at = from + Math.floor(rng.next() * span);
    if (rng.next() * PEAK < VISITS_BY_HOUR[chinaHour(at)]!) return new Date(at);
  }
}

/**
 * Visits of the 14 days before `now`, as 14 spans of 24 hours ending at `now`, `perDay` each; the
 * regulars come often (the first of the shuffled riders are drawn most).
 */
export function visits(
  rng: Rng,
  station: { id: string; code: string; deviceId: string | null },
  regulars: RiderDraft[],
  now: Date,
  perDay: () => number,
): VisitDraft[] {
  const out: VisitDraft[] = [];
  for (let day = 0; day < VISIT_DAYS; day++) {
    const from = now.getTime() - (day + 1) * DAY_MS;
    const n = perDay();
    for (let i = 0; i < n; i++) {
      const rider = regulars[Math.floor(regulars.length * rng.next() ** 2)]!;
      out.push({
        stationId: station.id,
        workerId: rider.workerId,
        deviceId: station.deviceId,
        occurredAt: visitTime(rng, from, DAY_MS),
        method: rng.weighted<EntryMethod>([
          ['face', 58],
          ['qr_pass', 36],
          ['card', 4],
          ['fingerprint', 2],
        ]),
        sourceKey: `demo:${station.code}:${day}:${i}`,
      });
    }
  }
  return out;
}
