import { levelOf, regionPrefix } from '../../../../contracts/regions.js';
import type { Coverage, CoverageQuery, StationMap, StationMapQuery } from '../../../../contracts/stations/coverage.js';
import { minuteOfDayInChina, parseHhMm } from '../../../../contracts/stations/hours.js';
import { assertInScope, requirePermission, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { errors } from '../../../core/errors.js';
import { regionRepo } from '../../regions/repository.js';
import { hhmmOf, stationOpenAt } from '../hours.js';
import { areaIndexAt, boxOf, coverageOf, type OutlinedArea } from '../rules/coverage.js';
import { coverageRepo, type Box, type MapStationRow } from './repository.js';
import { cityCounties, citiesOfProvince, OUTLINE_DATUM, outlineSource } from './outlines.js';

/*
 * The stations on the map: per county (or per city of a province) the stations registered there,
 * those open at a time of day, and the share of the area within a walking distance of an open
 * station, wherever that station is registered (a station across a county line serves both).
 */

/** The most stations one map draws. */
const MAP_STATIONS = 3000;
/** The most misplaced stations named in an answer (all are counted). */
const OUTSIDE_LISTED = 50;

const noOutline = () =>
  errors.validation(
    'regionCode',
    '项目附带的边界数据中没有该地区，无法绘图或计算覆盖率',
    'The outlines shipped with the project do not hold this region, so it cannot be drawn or measured',
  );

/** The box grown by `m` metres on every side, so that stations just outside still count. */
function grown(box: Box, m: number): Box {
  const dLat = m / 111_000;
  const dLng = m / (111_000 * Math.cos((Math.max(Math.abs(box.minLat), Math.abs(box.maxLat)) * Math.PI) / 180));
  return { minLng: box.minLng - dLng, minLat: box.minLat - dLat, maxLng: box.maxLng + dLng, maxLat: box.maxLat + dLat };
}

const within = (b: Box, s: MapStationRow) =>
  s.lng >= b.minLng && s.lng <= b.maxLng && s.lat >= b.minLat && s.lat <= b.maxLat;
const round2 = (n: number) => Math.round(n * 100) / 100;
const sum = (values: number[]) => values.reduce((n, v) => n + v, 0);
const shareOf = (covered: number, area: number) => (area > 0 ? Math.round((covered / area) * 10_000) / 10_000 : 0);

/** The rows answered: each a set of counties measured together (a county, or a city's counties). */
interface Group {
  code: string;
  name: string;
  counties: OutlinedArea[];
}

async function groupsOf(deps: Deps, code: string): Promise<Group[]> {
  const level = levelOf(code);
  if (level === 'province') {
    const cities = await citiesOfProvince(code.slice(0, 2));
    const out: Group[] = [];
    for (const city of cities) {
      const counties = await cityCounties(city);
      const name = (await regionRepo.byCode(deps.db, `${city}00`))?.name ?? `${city}00`;
      if (counties.length) out.push({ code: `${city}00`, name, counties });
    }
    return out;
  }
  const counties = await cityCounties(code.slice(0, 4));
  return counties
    .filter((c) => level === 'city' || c.code === code)
    .map((c) => ({ code: c.code, name: c.name, counties: [c] }));
}

/** GET /api/stations/coverage */
export async function stationCoverage(deps: Deps, ctx: Ctx, query: CoverageQuery): Promise<Coverage> {
  const actor = requirePermission(ctx, 'stations:read');
  if (query.regionCode) assertInScope(actor, query.regionCode);
  const code = query.regionCode ?? actor.regionCode;
  if (!code) throw errors.validation('regionCode', '请选择一个省、市或区县', 'Choose a province, a city or a county');
  const region = await regionRepo.byCode(deps.db, code);
  if (!region) throw errors.validation('regionCode', '行政区划代码不存在', 'Unknown region code');
  const minute = query.at ? parseHhMm(query.at)! : minuteOfDayInChina(deps.now());

  const groups = await groupsOf(deps, code);
  const all = groups.flatMap((g) => g.counties);
  const box = boxOf(all);
  if (!box) throw noOutline();
  // Stations within reach of the region's ground, whoever registered them; per county, the
  // registered ones counted in SQL; those registered here but placed beyond the box, counted too.
  const [near, counts, farAway] = await Promise.all([
    coverageRepo.stationsWithin(deps.db, grown(box, query.walkM)),
    coverageRepo.countsByRegion(deps.db, code, minute),
    coverageRepo.registeredOutside(deps.db, code, box, OUTSIDE_LISTED),
  ]);
  const open = near.filter((s) => stationOpenAt(s, minute));

  // A province's cities are measured one by one, each on its own grid (a grid over the whole
  // province would be coarse); a city's counties share one.
  const byCounty = new Map<string, { areaKm2: number; coveredKm2: number }>();
  let cellM = 0;
  const measure = (counties: OutlinedArea[]) => {
    const near = grown(boxOf(counties)!, query.walkM);
    const result = coverageOf(
      counties,
      open.filter((s) => within(near, s)),
      query.walkM,
    );
    cellM = Math.max(cellM, result.cellM);
    for (const a of result.areas) byCounty.set(a.code, a);
  };
  if (levelOf(code) === 'province') for (const g of groups) measure(g.counties);
  else measure(await cityCounties(code.slice(0, 4)));

  const areas = groups.map((g) => {
    const prefix = regionPrefix(g.code);
    const registered = counts.filter((c) => c.regionCode.startsWith(prefix));
    const areaKm2 = g.counties.reduce((n, c) => n + (byCounty.get(c.code)?.areaKm2 ?? 0), 0);
    const coveredKm2 = g.counties.reduce((n, c) => n + (byCounty.get(c.code)?.coveredKm2 ?? 0), 0);
    return {
      code: g.code,
      name: g.name,
      areaKm2: round2(areaKm2),
      coveredKm2: round2(coveredKm2),
      share: shareOf(coveredKm2, areaKm2),
      stations: sum(registered.map((c) => c.stations)),
      openStations: sum(registered.map((c) => c.open)),
    };
  });
  // Registered here and within the box, but in none of the region's outlines.
  const boxes = all.map((c) => boxOf([c]));
  const inBoxOutside = near
    .filter((s) => s.regionCode.startsWith(regionPrefix(code)) && within(box, s) && areaIndexAt(all, s, boxes) < 0)
    .map(({ code: c, name, lat, lng }) => ({ code: c, name, lat, lng }));
  const outside = [...farAway.items, ...inBoxOutside].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const areaKm2 = areas.reduce((n, a) => n + a.areaKm2, 0);
  const coveredKm2 = areas.reduce((n, a) => n + a.coveredKm2, 0);
  return {
    regionCode: code,
    regionName: region.fullName,
    walkM: query.walkM,
    at: hhmmOf(minute)!,
    cellM,
    datum: OUTLINE_DATUM,
    source: outlineSource,
    totals: {
      areaKm2: round2(areaKm2),
      coveredKm2: round2(coveredKm2),
      share: shareOf(coveredKm2, areaKm2),
      stations: sum(counts.map((c) => c.stations)),
      openStations: sum(counts.map((c) => c.open)),
    },
    areas,
    outsideOutline: { count: farAway.count + inBoxOutside.length, items: outside.slice(0, OUTSIDE_LISTED) },
  };
}

/** GET /api/public/stations/map: a city's county outlines and its stations, for a map drawn offline. */
export async function stationMap(deps: Deps, query: StationMapQuery): Promise<StationMap> {
  if (levelOf(query.regionCode) === 'province')
    throw errors.validation('regionCode', '请选择一个市或区县', 'Choose a city or a county');
  const cityCode = `${query.regionCode.slice(0, 4)}00`;
  const areas = await cityCounties(query.regionCode.slice(0, 4));
  const box = boxOf(areas);
  if (!box) throw noOutline();
  const [city, rows] = await Promise.all([
    regionRepo.byCode(deps.db, cityCode),
    coverageRepo.stationsWithin(deps.db, box, MAP_STATIONS + 1),
  ]);
  const minute = minuteOfDayInChina(deps.now());
  return {
    regionCode: cityCode,
    regionName: city?.fullName ?? cityCode,
    datum: OUTLINE_DATUM,
    source: outlineSource,
    areas: areas.map((a) => ({
      code: a.code,
      name: a.name,
      polygons: a.polygons.map((p) => p.map((r) => r.map(([lng, lat]): [number, number] => [lng, lat]))),
    })),
    stations: rows.slice(0, MAP_STATIONS).map((s) => ({
      code: s.code,
      name: s.name,
      lat: s.lat,
      lng: s.lng,
      openNow: stationOpenAt(s, minute),
      open24h: s.open24h,
    })),
    truncated: rows.length > MAP_STATIONS,
  };
}
