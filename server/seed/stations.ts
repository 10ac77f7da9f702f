import crypto from 'node:crypto';
import { and, eq, getTableName, inArray } from 'drizzle-orm';
import { OCCUPATION_LABELS, PRIVACY_NOTICE_VERSION } from '../../contracts/stations/codes.js';
import type { Deps } from '../core/deps.js';
import { bulkInsert } from '../db/bulk.js';
import { accounts } from '../modules/accounts/tables.js';
import { organizations } from '../modules/organizations/tables.js';
import { people } from '../modules/people/tables.js';
import { regions } from '../modules/regions/tables.js';
import { cityCounties } from '../modules/stations/coverage/outlines.js';
import { areaIndexAt } from '../modules/stations/rules/coverage.js';
import { distanceMeters } from '../modules/stations/rules/geo.js';
import { stationDevices, stations, stationVisits, stationWorkers } from '../modules/stations/tables.js';
import { stationAlarmRules } from '../modules/stations/telemetry/tables.js';
import { createRng } from './random.js';
import {
  binhuStation,
  DEMO_BINHU,
  DEMO_BINHU_CODE,
  DEMO_BINHU_DOOR,
  demoGatewaySerial,
  networkStation,
  riders,
  visits,
  type Refs,
} from './stations-drafts.js';
import { HEFEI_DISTRICTS } from './stations-places.js';

export { DEMO_BINHU, DEMO_BINHU_CODE, DEMO_BINHU_DOOR, demoGatewaySerial, demoStationCode } from './stations-drafts.js';

// The stations demo (seed article 7, Hefei): the Baohe 滨湖世纪社区 station — 24 hours, 20 m²,
// a face-recognition door, 1,000+ registered riders and 300–400 visits a day — and a city network
// around it whose gateways can be driven by `npm run simulate:stations`. Written directly in one
// transaction, like the other demo writers' bulk rows: seed rows carry no audit records.

/** The demo riders' union (demo-data.ts, key 'hf-riders'), host of the Binhu station. */
const RIDERS_UNION = '包河区新就业形态劳动者联合工会';
const MANAGER = 'hf_station';
const HEFEI = '340100';

/**
 * The secret of a demo station's sensor gateway, so that the simulator can sign in as it.
 * FOR THE DEMO DATA ONLY: it is derived from the public station code under a label in this source
 * file, so anybody can compute it; no station outside the demo data may ever get such a secret
 * (real gateways get a random one, shown once, from the station's page).
 */
export function demoSensorSecret(stationCode: string): string {
  return demoSecret('sensor-gateway', stationCode);
}

function demoSecret(kind: string, name: string): string {
  return crypto.createHmac('sha256', `yizhan-demo-only:${kind}`).update(name).digest('base64url');
}

async function loadRefs(deps: Deps): Promise<Refs> {
  const { db } = deps;
  const [manager] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, MANAGER));
  const [union] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.name, RIDERS_UNION));
  const codes = HEFEI_DISTRICTS.map((d) => d.code);
  const known = new Set(
    (await db.select({ code: regions.code }).from(regions).where(inArray(regions.code, codes))).map((r) => r.code),
  );
  const unions = await db
    .select({ id: organizations.id, regionCode: organizations.regionCode })
    .from(organizations)
    .where(and(inArray(organizations.regionCode, [HEFEI, ...codes]), inArray(organizations.kind, ['city', 'county'])));
  const unionOf = new Map(unions.map((u) => [u.regionCode, u.id]));
  const counties = await cityCounties(HEFEI.slice(0, 4));
  return {
    districtAt: (p) => counties[areaIndexAt(counties, p)]?.code ?? null,
    managerId: manager?.id ?? null,
    ridersUnionId: union?.id ?? null,
    hostOf: (regionCode) => unionOf.get(regionCode) ?? unionOf.get(HEFEI) ?? null,
    districts: HEFEI_DISTRICTS.filter((d) => known.has(d.code)),
  };
}

/**
 * Writes the stations demo once: a second call finds the Binhu station and writes nothing. The
 * same data every time (but for the ids, and the visits' times, which end at `now`).
 */
export async function writeStationsDemo(
  deps: Deps,
  opts: { now?: Date; stations?: number; riders?: number } = {},
): Promise<{ stations: number; riders: number; visits: number }> {
  const now = opts.now ?? deps.now();
  const [existing] = await deps.db.select({ id: stations.id }).from(stations).where(eq(stations.code, DEMO_BINHU_CODE));
  if (existing) return { stations: 0, riders: 0, visits: 0 };
  const rng = createRng('stations-demo');
  const refs = await loadRefs(deps);
  if (!refs.districts.some((d) => d.code === '340111'))
    throw new Error('stations demo: the regions table has no 340111 (包河区); load the reference data first');

  const binhu = binhuStation(refs);
  const names = new Set([binhu.name]);
  const network = Array.from({ length: opts.stations ?? 300 }, (_, i) => networkStation(rng, i + 1, refs, names));
  const all = [binhu, ...network];
  const door = { id: crypto.randomUUID(), serial: DEMO_BINHU_DOOR, stationId: binhu.id };
  // A few stations near Binhu have a door terminal too: riders registered at Binhu stop there as well.
  const neighbours = network
    .filter((s) => s.status === 'open')
    .sort((a, b) => distanceMeters(a, DEMO_BINHU) - distanceMeters(b, DEMO_BINHU))
    .slice(0, 5)
    .map((s, i) => ({ station: s, door: { id: crypto.randomUUID(), serial: `ZKDEMOHF${i + 1}`, stationId: s.id } }));
  // Every secret is derived (see demoSensorSecret): demo data only.
  const devices = [
    ...[door, ...neighbours.map((n) => n.door)].map((d) => ({
      ...d,
      kind: 'door_adms',
      secret: demoSecret('door', d.serial),
    })),
    ...all.map((s) => ({
      id: crypto.randomUUID(),
      serial: demoGatewaySerial(s.code),
      stationId: s.id,
      kind: 'sensor_gateway',
      secret: demoSensorSecret(s.code),
    })),
  ];

  const taken = new Set(
    (await deps.db.select({ phone: stationWorkers.phone }).from(stationWorkers)).map((w) => w.phone),
  );
  const registered = riders(rng, opts.riders ?? 1200, now, taken);
  const regulars = rng.shuffle(registered);
  const visitRows = [
    ...visits(rng, { id: binhu.id, code: binhu.code, deviceId: door.id }, regulars, now, () => rng.int(300, 400)),
    ...neighbours.flatMap((n) =>
      visits(rng, { id: n.station.id, code: n.station.code, deviceId: n.door.id }, regulars.slice(0, 300), now, () =>
        rng.int(0, 4),
      ),
    ),
  ];

  await deps.db.transaction(async (tx) => {
    for (let i = 0; i < all.length; i += 200) await tx.insert(stations).values(all.slice(i, i + 200));
    await bulkInsert(
      tx,
      getTableName(stationDevices),
      [
        { name: 'id', type: 'uuid', value: (d) => d.id },
        { name: 'serial', type: 'text', value: (d) => d.serial },
        { name: 'station_id', type: 'uuid', value: (d) => d.stationId },
        { name: 'kind', type: 'text', value: (d) => d.kind },
        { name: 'secret_enc', type: 'text', value: (d) => deps.cipher.encrypt(d.secret) },
      ],
      devices,
    );
    await bulkInsert(
      tx,
      getTableName(people),
      [
        { name: 'id', type: 'uuid', value: (r) => r.personId },
        { name: 'name', type: 'text', value: (r) => r.name },
        { name: 'phone', type: 'text', value: (r) => r.phone },
        { name: 'sex', type: 'text', value: (r) => r.sex },
        { name: 'region_code', type: 'text', value: () => '340111' },
        { name: 'occupation', type: 'text', value: (r) => OCCUPATION_LABELS[r.occupation].zh },
        { name: 'created_at', type: 'timestamptz', value: (r) => r.consentedAt },
        { name: 'updated_at', type: 'timestamptz', value: (r) => r.consentedAt },
      ],
      registered,
    );
    await bulkInsert(
      tx,
      getTableName(stationWorkers),
      [
        { name: 'id', type: 'uuid', value: (r) => r.workerId },
        { name: 'person_id', type: 'uuid', value: (r) => r.personId },
        { name: 'phone', type: 'text', value: (r) => r.phone },
        { name: 'occupation', type: 'text', value: (r) => r.occupation },
        { name: 'platform', type: 'text', value: (r) => r.platform },
        { name: 'registered_station_id', type: 'uuid', value: () => binhu.id },
        { name: 'privacy_notice_version', type: 'text', value: () => PRIVACY_NOTICE_VERSION },
        { name: 'consented_at', type: 'timestamptz', value: (r) => r.consentedAt },
        { name: 'created_at', type: 'timestamptz', value: (r) => r.consentedAt },
        { name: 'updated_at', type: 'timestamptz', value: (r) => r.consentedAt },
      ],
      registered,
    );
    await bulkInsert(
      tx,
      getTableName(stationVisits),
      [
        { name: 'id', type: 'uuid', value: () => crypto.randomUUID() },
        { name: 'station_id', type: 'uuid', value: (v) => v.stationId },
        { name: 'worker_id', type: 'uuid', value: (v) => v.workerId },
        { name: 'device_id', type: 'uuid', value: (v) => v.deviceId },
        { name: 'occurred_at', type: 'timestamptz', value: (v) => v.occurredAt },
        { name: 'method', type: 'text', value: (v) => v.method },
        { name: 'source_key', type: 'text', value: (v) => v.sourceKey },
        // The terminal uploads within seconds.
        { name: 'received_at', type: 'timestamptz', value: (v) => new Date(v.occurredAt.getTime() + 3000) },
      ],
      visitRows,
    );
    // Hefei's summer rule: a station's room above 32 °C for ten minutes warns its manager.
    await tx.insert(stationAlarmRules).values({
      regionCode: HEFEI,
      metric: 'temperatureC',
      op: 'above',
      threshold: 32,
      durationSec: 600,
      hysteresis: 1,
      severity: 'warning',
    });
  });
  return { stations: all.length, riders: registered.length, visits: visitRows.length };
}
