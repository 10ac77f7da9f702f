import type { z } from 'zod';
import { hoursProblem, minuteOfDayInChina } from '../../../contracts/stations/hours.js';
import type {
  NearbyAnswer,
  NearbyQuery,
  PublicStation,
  StationSearchAnswer,
  StationSearchQuery,
  stationPageSchema,
  Station,
  StationInputParsed,
  StationUpdate,
} from '../../../contracts/stations/api.js';
import { dayStartInChina, todayInChina } from '../../../contracts/dates.js';
import { writeAudit } from '../../core/audit.js';
import { assertInScope, requirePermission, type Actor, type Ctx } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import { errors } from '../../core/errors.js';
import { offsetOf, splitPage } from '../../core/paging.js';
import type { DbOrTx } from '../../db/client.js';
import { accountRepo } from '../accounts/repository.js';
import { organizationRepo } from '../organizations/repository.js';
import { regionRepo } from '../regions/repository.js';
import { stationQrPng, stationQrSvg } from './qr.js';
import { stationRepo, type FinderRow, type StationInsert, type StationRecord } from './repository.js';
import { coordinateProblem, distanceMeters, knnIsExact, wgs84ToGcj02 } from './rules/geo.js';
import { hhmmOf, minutesOf, stationOpenAt } from './hours.js';
import type { StationListQuery } from './schemas.js';

/*
 * The station registry: staff keep the region's stations (one locked, versioned write each, with
 * its audit record); anybody finds the nearest open ones and opens a station's page from its QR.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const notFound = () => errors.notFound('站点', 'Station');

export const stationPageUrl = (deps: Deps, code: string) => `${deps.config.publicUrl}/s/${encodeURIComponent(code)}`;

function listItem(deps: Deps, row: StationRecord, now: Date) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    address: row.address,
    lat: row.lat,
    lng: row.lng,
    datum: 'GCJ-02' as const,
    regionCode: row.regionCode,
    regionName: row.regionName,
    hostOrganizationId: row.hostOrganizationId,
    hostOrganizationName: row.hostOrganizationName,
    operatorName: row.operatorName,
    managerAccountId: row.managerAccountId,
    open24h: row.open24h,
    opensAt: hhmmOf(row.opensMinute),
    closesAt: hhmmOf(row.closesMinute),
    openNow: stationOpenAt(row, minuteOfDayInChina(now)),
    areaM2: row.areaM2,
    facilities: row.facilities,
    standards: row.standards,
    status: row.status,
    version: row.version,
    pageUrl: stationPageUrl(deps, row.code),
  };
}

/** What a station's stored columns are from the form: minutes for the hours, checked together. */
async function checkInput(db: DbOrTx, actor: Actor, input: Omit<StationInputParsed, 'code'>) {
  const hours = { open24h: input.open24h, opensAt: input.opensAt ?? null, closesAt: input.closesAt ?? null };
  const hoursIssue = hoursProblem(hours);
  if (hoursIssue) throw errors.validation(hoursIssue.field, hoursIssue.zh, hoursIssue.en);
  const place = coordinateProblem(input.lat, input.lng);
  if (place) throw errors.validation(place.field, place.zh, place.en);
  if (!(await regionRepo.byCode(db, input.regionCode)))
    throw errors.validation('regionCode', '行政区划代码不存在', 'Unknown region code');
  assertInScope(actor, input.regionCode);
  if (input.hostOrganizationId && !(await organizationRepo.byId(db, input.hostOrganizationId)))
    throw errors.validation('hostOrganizationId', '主办工会组织不存在', 'The host union organisation does not exist');
  if (input.managerAccountId) {
    const manager = await accountRepo.raw(db, input.managerAccountId);
    if (!manager || !manager.roles.includes('station_manager') || manager.status !== 'active')
      throw errors.validation(
        'managerAccountId',
        '该账号不是在用的驿站管理员',
        'This account is not an active station manager',
      );
  }
  const values: Omit<StationInsert, 'code'> = {
    name: input.name,
    address: input.address,
    lat: input.lat,
    lng: input.lng,
    regionCode: input.regionCode,
    hostOrganizationId: input.hostOrganizationId ?? null,
    operatorName: input.operatorName ?? null,
    // Left out, the manager stays as it is (the page's form does not pick one yet).
    ...(input.managerAccountId === undefined ? {} : { managerAccountId: input.managerAccountId }),
    ...minutesOf(hours),
    areaM2: input.areaM2 ?? null,
    facilities: [...new Set(input.facilities)],
    standards: [...new Set(input.standards)],
    status: input.status,
  };
  return values;
}

export async function createStation(deps: Deps, ctx: Ctx, input: StationInputParsed): Promise<Station> {
  const actor = requirePermission(ctx, 'stations:manage');
  const values = await checkInput(deps.db, actor, input);
  await deps.db.transaction(async (tx) => {
    const row = await stationRepo.insertNew(tx, { ...values, code: input.code });
    if (!row)
      throw errors.conflict(`站点编号 ${input.code} 已被使用`, `Station code ${input.code} is already used`, 'code');
    await writeAudit(tx, ctx, {
      action: 'station.created',
      entityType: 'station',
      entityId: row.id,
      regionCode: row.regionCode,
      after: row,
    });
  });
  return getStation(deps, ctx, input.code);
}

/** The one write of a station: locked, at the version the user read, with its audit record. */
export async function updateStation(deps: Deps, ctx: Ctx, code: string, input: StationUpdate): Promise<Station> {
  const actor = requirePermission(ctx, 'stations:manage');
  await deps.db.transaction(async (tx) => {
    const before = await stationRepo.lockByCode(tx, code);
    if (!before) throw notFound();
    assertInScope(actor, before.regionCode);
    if (before.version !== input.expectedVersion)
      throw errors.conflict(
        '该站点已被他人修改，请刷新后重试',
        'The station changed meanwhile; reload and retry',
        'expectedVersion',
      );
    const values = await checkInput(tx, actor, input);
    const after = await stationRepo.update(tx, before.id, {
      ...values,
      version: before.version + 1,
      updatedAt: deps.now(),
    });
    await writeAudit(tx, ctx, {
      action: 'station.updated',
      entityType: 'station',
      entityId: before.id,
      regionCode: values.regionCode,
      before,
      after,
    });
  });
  return getStation(deps, ctx, code);
}

/** A station by code, in the reader's region. */
export async function stationInScope(deps: Deps, ctx: Ctx, code: string): Promise<StationRecord> {
  const actor = requirePermission(ctx, 'stations:read');
  const row = await stationRepo.byCode(deps.db, code);
  if (!row) throw notFound();
  assertInScope(actor, row.regionCode);
  return row;
}

export async function getStation(deps: Deps, ctx: Ctx, code: string): Promise<Station> {
  const row = await stationInScope(deps, ctx, code);
  const now = deps.now();
  const figures = await stationRepo.figures(
    deps.db,
    row.id,
    dayStartInChina(todayInChina(now)),
    new Date(now.getTime() - 7 * DAY_MS),
  );
  return {
    ...listItem(deps, row, now),
    visitsToday: figures.visits,
    registeredWorkers: figures.workers,
    doorRejects7d: figures.rejects,
  };
}

export async function listStations(
  deps: Deps,
  ctx: Ctx,
  query: StationListQuery,
): Promise<z.infer<typeof stationPageSchema>> {
  const actor = requirePermission(ctx, 'stations:read');
  const { page, filter } = splitPage(query);
  const { items, total } = await stationRepo.list(
    deps.db,
    { ...filter, scope: actor.regionCode },
    page.pageSize,
    offsetOf(page),
  );
  const now = deps.now();
  return { items: items.map((row) => listItem(deps, row, now)), total, ...page };
}

/** The printable QR of a station: its phone page, with the name and code under the code. */
export async function stationQr(deps: Deps, ctx: Ctx, code: string, format: 'svg' | 'png') {
  const row = await stationInScope(deps, ctx, code);
  const input = { url: stationPageUrl(deps, row.code), name: row.name, code: row.code };
  return format === 'svg'
    ? { filename: `${row.code}.svg`, mime: 'image/svg+xml', content: Buffer.from(stationQrSvg(input), 'utf8') }
    : { filename: `${row.code}.png`, mime: 'image/png', content: stationQrPng(input) };
}

// ---- No login: the station's page and the finder ---------------------------------------------

/** GET /api/public/stations/:code — a closed station is not found. */
export async function publicStation(deps: Deps, code: string): Promise<PublicStation> {
  const row = await stationRepo.byCode(deps.db, code);
  if (!row || row.status === 'closed') throw notFound();
  const item = listItem(deps, row, deps.now());
  return {
    code: item.code,
    name: item.name,
    address: item.address,
    openNow: item.openNow,
    open24h: item.open24h,
    opensAt: item.opensAt,
    closesAt: item.closesAt,
    facilities: item.facilities,
    lat: item.lat,
    lng: item.lng,
    regionCode: item.regionCode,
    status: item.status,
    regionName: item.regionName,
    operatorName: item.operatorName,
  };
}

/** A station as the finder answers it, open or not at this minute of the China day. */
function finderItem(c: FinderRow, minute: number) {
  return {
    code: c.code,
    name: c.name,
    address: c.address,
    openNow: stationOpenAt(c, minute),
    open24h: c.open24h,
    opensAt: hhmmOf(c.opensMinute),
    closesAt: hhmmOf(c.closesMinute),
    facilities: c.facilities,
    lat: c.lat,
    lng: c.lng,
    regionCode: c.regionCode,
  };
}

/** GET /api/public/stations/search: by a typed place, for a phone without its position. */
export async function searchStations(deps: Deps, query: StationSearchQuery): Promise<StationSearchAnswer> {
  const minute = minuteOfDayInChina(deps.now());
  const words = query.q.split(/\s+/).filter(Boolean).slice(0, 5);
  const rows = await stationRepo.searchByPlace(deps.db, words, query.openNow ? minute : undefined, query.limit);
  return {
    items: rows.map((c) => ({ ...finderItem(c, minute), regionName: c.regionName })),
  };
}

/**
 * The nearest stations by true distance. The index gives candidates nearest first on the plane
 * of degrees; they are ranked by distance on the sphere, and the fetch is widened while a station
 * not yet fetched could still be nearer than the last one kept (`knnIsExact`).
 */
export async function nearbyStations(deps: Deps, query: NearbyQuery): Promise<NearbyAnswer> {
  const minute = minuteOfDayInChina(deps.now());
  const filter = { openAtMinute: query.openNow ? minute : undefined, facilities: query.facilities };
  // A phone's GPS position (WGS-84) is moved onto the datum the stations are stored in.
  const here = query.datum === 'WGS-84' ? wgs84ToGcj02(query.lat, query.lng) : { lat: query.lat, lng: query.lng };
  let fetch = query.limit * 2 + 8;
  for (;;) {
    const candidates = await stationRepo.nearestCandidates(deps.db, here, filter, fetch);
    const ranked = candidates
      .map((c) => ({ ...c, distanceM: distanceMeters(here, c) }))
      .sort((a, b) => a.distanceM - b.distanceM || a.code.localeCompare(b.code));
    const kept = ranked.slice(0, query.limit);
    const exhausted = candidates.length < fetch;
    const lastPlanar = candidates.at(-1)?.planar ?? 0;
    const kth = kept.at(-1)?.distanceM ?? 0;
    if (exhausted || kept.length < query.limit || knnIsExact(here, lastPlanar, kth) || fetch >= 5000) {
      return {
        items: kept.map((c) => ({ ...finderItem(c, minute), distanceM: Math.round(c.distanceM) })),
      };
    }
    fetch *= 4;
  }
}
