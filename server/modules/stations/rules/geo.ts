/**
 * Places and distances for the station finder.
 *
 * Stations are stored in GCJ-02 (国测局坐标, the datum of the maps Chinese phones show: Amap, Tencent
 * and the coordinates people copy from them). A phone's browser gives WGS-84
 * (navigator.geolocation), so the finder converts the phone's position with `wgs84ToGcj02` before
 * it compares it with stations. Distances are on a sphere of the mean Earth radius: within about
 * 0.5 % of the ellipsoid's, plenty for "the nearest station is 800 m away".
 */

export interface LatLng {
  lat: number;
  lng: number;
}

/** The mean Earth radius (IUGG), in metres. */
export const EARTH_RADIUS_M = 6371008.8;

/**
 * A box around China's extremes: 曾母暗沙 3.86°N, 漠河 53.56°N, the Pamirs 73.66°E, the Heilong and
 * Wusuli confluence 135.05°E. It holds parts of neighbouring countries too: it refuses only what is
 * surely not in China (a foreign point, latitude and longitude swapped, a missing minus sign).
 */
export const CHINA_BOUNDS = { south: 3.86, north: 53.56, west: 73.66, east: 135.05 } as const;

const RADIANS = Math.PI / 180;

/** Metres along a degree of latitude (north–south) and of longitude at latitude `lat` (east–west). */
export function metresPerDegree(lat: number): { northSouth: number; eastWest: number } {
  const northSouth = EARTH_RADIUS_M * RADIANS;
  return { northSouth, eastWest: northSouth * Math.cos(lat * RADIANS) };
}

/**
 * The great-circle distance in metres (haversine). Both points are GCJ-02 and the datum's offset is
 * ignored: it moves a point by 20–700 m, but by nearly the same amount for two points a few
 * kilometres apart, so a distance between GCJ-02 points is within 1 % of the true one (typically
 * 0.1 %) and the order of the stations is the true order.
 */
export function distanceMeters(a: LatLng, b: LatLng): number {
  const h =
    Math.sin(((b.lat - a.lat) * RADIANS) / 2) ** 2 +
    Math.cos(a.lat * RADIANS) * Math.cos(b.lat * RADIANS) * Math.sin(((b.lng - a.lng) * RADIANS) / 2) ** 2;
  // min: rounding can push h a hair above 1 for antipodal points.
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Whether a point lies in the rough box around China (`CHINA_BOUNDS`). */
export function isInChina(lat: number, lng: number): boolean {
  const { south, north, west, east } = CHINA_BOUNDS;
  return lat >= south && lat <= north && lng >= west && lng <= east;
}

/** Why a station's coordinates cannot be stored: the field to point at and the reason in both languages. */
export interface CoordinateProblem {
  field: 'lat' | 'lng';
  zh: string;
  en: string;
}

/** Why a GCJ-02 coordinate cannot be a station's, or null when it can. */
export function coordinateProblem(lat: number, lng: number): CoordinateProblem | null {
  if (!Number.isFinite(lat)) return { field: 'lat', zh: '纬度须为数字', en: 'The latitude must be a number' };
  if (!Number.isFinite(lng)) return { field: 'lng', zh: '经度须为数字', en: 'The longitude must be a number' };
  // Checked before the ranges: 117.2, 31.8 is out of range as a latitude, but what happened is a swap.
  if (isInChina(lng, lat))
    return {
      field: 'lat',
      zh: `纬度和经度似乎填反了：${lat} 像是经度。中国境内纬度约为 3.86 至 53.56，经度约为 73.66 至 135.05`,
      en: `The latitude and longitude look swapped: ${lat} looks like a longitude. In China latitudes run from about 3.86 to 53.56 and longitudes from about 73.66 to 135.05`,
    };
  if (lat < -90 || lat > 90)
    return { field: 'lat', zh: '纬度须在 -90 至 90 之间', en: 'The latitude must be between -90 and 90' };
  if (lng < -180 || lng > 180)
    return { field: 'lng', zh: '经度须在 -180 至 180 之间', en: 'The longitude must be between -180 and 180' };
  if (!isInChina(lat, lng)) {
    const { south, north } = CHINA_BOUNDS;
    return {
      field: lat < south || lat > north ? 'lat' : 'lng',
      zh: '该位置不在中国境内：请核对坐标（站点使用国内地图应用中的 GCJ-02 坐标，纬度约 3.86 至 53.56，经度约 73.66 至 135.05）',
      en: 'This point is not in China: check the coordinates (stations use GCJ-02, as in Chinese map apps; latitude about 3.86 to 53.56, longitude about 73.66 to 135.05)',
    };
  }
  return null;
}

// The published WGS-84 → GCJ-02 transform: the offset, in metres on the Krasovsky ellipsoid, as a
// function of the distance from 105°E, 35°N; then turned into degrees on that ellipsoid.
const KRASOVSKY_A = 6378245.0;
// The published 0.00669342162296594323, to the digits a double holds.
const KRASOVSKY_EE = 0.006693421622965943;

function northOffset(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320.0 * Math.sin((y / 30.0) * Math.PI)) * 2.0) / 3.0;
  return ret;
}

function eastOffset(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return ret;
}

/**
 * A WGS-84 position (a phone's GPS) in GCJ-02, the datum of stored stations. Outside China the
 * maps use WGS-84 and the point is returned unchanged. "Outside" is `CHINA_BOUNDS`, the box the
 * stations are checked against; other implementations use a slightly wider box (0.83–55.83°N,
 * 72.00–137.83°E), which differs only where no station can be.
 */
export function wgs84ToGcj02(lat: number, lng: number): LatLng {
  if (!isInChina(lat, lng)) return { lat, lng };
  const x = lng - 105.0;
  const y = lat - 35.0;
  const phi = lat * RADIANS;
  const w = 1 - KRASOVSKY_EE * Math.sin(phi) ** 2;
  // Metres per radian along the meridian and along the parallel, on the Krasovsky ellipsoid.
  const meridian = (KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (w * Math.sqrt(w));
  const parallel = (KRASOVSKY_A / Math.sqrt(w)) * Math.cos(phi);
  return {
    lat: lat + northOffset(x, y) / meridian / RADIANS,
    lng: lng + eastOffset(x, y) / parallel / RADIANS,
  };
}

// The offset changes slowly with position (by well under 1 % of a move), so each step of the
// inverse shrinks the error at least a hundredfold and three steps reach the tolerance; the cap
// only guards the edge of the box, where the forward transform switches off.
const INVERSE_TOLERANCE_DEGREES = 1e-7;
const INVERSE_MAX_STEPS = 20;

/**
 * The WGS-84 position of a GCJ-02 point (a station shown on a WGS-84 map), found by iterating the
 * forward transform until it lands within 1e-7 degrees (about 1 cm) of the point. The transform has
 * no closed-form inverse; the common one-step "subtract the offset" inverse is off by up to ~5 m.
 */
export function gcj02ToWgs84(lat: number, lng: number): LatLng {
  if (!isInChina(lat, lng)) return { lat, lng };
  let guess: LatLng = { lat, lng };
  for (let step = 0; step < INVERSE_MAX_STEPS; step++) {
    const there = wgs84ToGcj02(guess.lat, guess.lng);
    const dLat = lat - there.lat;
    const dLng = lng - there.lng;
    guess = { lat: guess.lat + dLat, lng: guess.lng + dLng };
    if (Math.abs(dLat) < INVERSE_TOLERANCE_DEGREES && Math.abs(dLng) < INVERSE_TOLERANCE_DEGREES) break;
  }
  return guess;
}

// Rounding in PostgreSQL's planar distance and in our haversine is ~1e-15 of the value; a floor
// lowered by a billionth (a micrometre at a kilometre) stays a floor whatever the rounding did.
const FLOOR_ROUNDING_MARGIN = 1e-9;

/**
 * No station that the planar KNN query has not yet returned is nearer than this, in metres.
 *
 * The finder asks PostgreSQL for candidates in order of planar distance in degrees,
 * e = √(Δlat² + Δlng²) (`point(lng, lat) <-> point(qlng, qlat)` on a GiST index), then re-ranks
 * them by `distanceMeters`. A station not yet returned has e ≥ E, the planar distance of the last
 * one fetched. Its true distance is at least
 *
 *   2R · sin(E/2) · cos Φ     (Φ = min(|qlat| + E, 53.56°); E in radians inside the sine)
 *
 * Why. Haversine: d = 2R·asin(√h), h = sin²(Δφ/2) + cos φ₁ cos φ₂ sin²(Δλ/2). With Φ ≥ |φ₁|, |φ₂|,
 * h ≥ cos²Φ·(sin²(Δφ/2) + sin²(Δλ/2)); since sin x / x falls on [0, π] and both halves are at most
 * e/2, sin²(Δφ/2) + sin²(Δλ/2) ≥ sin²(e/2); and asin y ≥ y. So d ≥ 2R·cos Φ·sin(e/2), which
 * grows with e (stations are in China: e < 80°). Which Φ:
 *  - a station is in China, so |φ| ≤ 53.56°, as is the query's (the finder refuses other points);
 *  - or: the shortest path from the query to a station with e ≥ E crosses the circle e = E (its
 *    longitude stays between the two, far from ±180°), at a point no farther than the station and
 *    with |φ| ≤ |qlat| + E; the bound at that point holds for the station.
 * Both hold, so the smaller Φ (the larger floor) does.
 *
 * Not R·e·cos φ (the first-order form with φ the points' latitude): a great circle between two
 * points on a parallel bows toward the pole and is shorter than that, by a few millionths at 1°.
 *
 * Outside China's box none of this is checked, and the floor is 0: "fetch more".
 */
export function unfetchedFloorMeters(query: LatLng, lastPlanarDegrees: number): number {
  if (!isInChina(query.lat, query.lng) || !(lastPlanarDegrees >= 0)) return 0;
  const phi = Math.min(query.lat + lastPlanarDegrees, CHINA_BOUNDS.north) * RADIANS;
  const floor = 2 * EARTH_RADIUS_M * Math.sin((lastPlanarDegrees * RADIANS) / 2) * Math.cos(phi);
  return floor * (1 - FLOOR_ROUNDING_MARGIN);
}

/**
 * Whether the k nearest stations re-ranked from the fetched candidates are the true k nearest: no
 * station left unfetched can be nearer than the k-th (`unfetchedFloorMeters`). When false, fetch
 * more candidates (or all within a larger planar distance) and ask again. A fetch that returned
 * fewer rows than it asked for has fetched every station, and is exact whatever this says.
 *
 * @param query the phone's position, already in GCJ-02
 * @param lastPlanarDegrees the planar distance in degrees of the last candidate fetched
 * @param kthBestMeters the true distance of the k-th nearest candidate after re-ranking
 */
export function knnIsExact(query: LatLng, lastPlanarDegrees: number, kthBestMeters: number): boolean {
  return unfetchedFloorMeters(query, lastPlanarDegrees) >= kthBestMeters;
}
