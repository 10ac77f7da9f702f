import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHINA_BOUNDS,
  EARTH_RADIUS_M,
  coordinateProblem,
  distanceMeters,
  gcj02ToWgs84,
  isInChina,
  knnIsExact,
  metresPerDegree,
  unfetchedFloorMeters,
  wgs84ToGcj02,
  type LatLng,
} from './geo.js';

const hefei: LatLng = { lat: 31.8206, lng: 117.2272 };
const nanjing: LatLng = { lat: 32.0603, lng: 118.7969 };
const mohe: LatLng = { lat: 53.0, lng: 122.5 };
const tokyo: LatLng = { lat: 35.6812, lng: 139.7671 };

/** A point anywhere in China's box. */
const inChina = fc.record({
  lat: fc.double({ min: CHINA_BOUNDS.south, max: CHINA_BOUNDS.north, noNaN: true }),
  lng: fc.double({ min: CHINA_BOUNDS.west, max: CHINA_BOUNDS.east, noNaN: true }),
});

const planarDegrees = (a: LatLng, b: LatLng) => Math.hypot(a.lat - b.lat, a.lng - b.lng);

describe('distanceMeters', () => {
  it('Hefei to Nanjing is about 150 km', () => {
    const d = distanceMeters(hefei, nanjing);
    expect(Math.abs(d - 150_000) / 150_000).toBeLessThan(0.01);
    expect(distanceMeters(nanjing, hefei)).toBe(d);
  });

  it('is 0 between a point and itself', () => {
    expect(distanceMeters(hefei, { ...hefei })).toBe(0);
  });

  it('measures 1 km north and 1 km east', () => {
    const perDegree = metresPerDegree(hefei.lat);
    const north = { lat: hefei.lat + 1000 / perDegree.northSouth, lng: hefei.lng };
    const east = { lat: hefei.lat, lng: hefei.lng + 1000 / perDegree.eastWest };
    expect(distanceMeters(hefei, north)).toBeCloseTo(1000, 6);
    // Along the parallel the great circle is a hair shorter than 1 km (a few micrometres here).
    expect(distanceMeters(hefei, east)).toBeCloseTo(1000, 3);
  });

  it('uses the mean Earth radius', () => {
    expect(EARTH_RADIUS_M).toBe(6371008.8);
    expect(metresPerDegree(0).northSouth).toBeCloseTo(111_195.08, 2);
    expect(metresPerDegree(60).eastWest).toBeCloseTo(111_195.08 / 2, 2);
  });
});

describe('isInChina and coordinateProblem', () => {
  it('knows the box around China', () => {
    expect(isInChina(hefei.lat, hefei.lng)).toBe(true);
    expect(isInChina(mohe.lat, mohe.lng)).toBe(true);
    expect(isInChina(tokyo.lat, tokyo.lng)).toBe(false);
    expect(isInChina(hefei.lng, hefei.lat)).toBe(false);
  });

  it('accepts a station in Hefei', () => {
    expect(coordinateProblem(hefei.lat, hefei.lng)).toBeNull();
  });

  it('says latitude and longitude were swapped, rather than "latitude out of range"', () => {
    const problem = coordinateProblem(hefei.lng, hefei.lat);
    expect(problem?.field).toBe('lat');
    expect(problem?.zh).toContain('填反');
    expect(problem?.en).toContain('swapped');
    // 40°N 80°E (Xinjiang) swapped is still a valid latitude, but a swap all the same.
    expect(coordinateProblem(80, 40)?.en).toContain('swapped');
  });

  it.each([
    [NaN, 117, 'lat', '纬度须为数字'],
    [31, Infinity, 'lng', '经度须为数字'],
    [95, 170, 'lat', '纬度须在 -90 至 90 之间'],
    [31, 200, 'lng', '经度须在 -180 至 180 之间'],
    [tokyo.lat, tokyo.lng, 'lng', '不在中国境内'],
    [60, 100, 'lat', '不在中国境内'],
    [-31.8, 117.2, 'lat', '不在中国境内'],
    [31.8, -117.2, 'lng', '不在中国境内'],
  ])('refuses %f, %f on %s: %s', (lat, lng, field, zh) => {
    const problem = coordinateProblem(lat, lng);
    expect(problem?.field).toBe(field);
    expect(problem?.zh).toContain(zh);
    expect(problem?.en).toMatch(/^[\x20-\x7e]+$/);
  });
});

describe('WGS-84 and GCJ-02', () => {
  it('gives the published transform’s value for Tiananmen (wandergis/coordtransform)', () => {
    const gcj = wgs84ToGcj02(39.915, 116.404);
    expect(gcj.lat).toBeCloseTo(39.91640428150164, 12);
    expect(gcj.lng).toBeCloseTo(116.41024449916938, 12);
  });

  it('moves a phone in Hefei by a few hundred metres', () => {
    const moved = distanceMeters(hefei, wgs84ToGcj02(hefei.lat, hefei.lng));
    expect(moved).toBeGreaterThan(300);
    expect(moved).toBeLessThan(600);
  });

  it('leaves a point outside China unchanged, both ways', () => {
    expect(wgs84ToGcj02(tokyo.lat, tokyo.lng)).toEqual(tokyo);
    expect(gcj02ToWgs84(tokyo.lat, tokyo.lng)).toEqual(tokyo);
    expect(wgs84ToGcj02(48.8584, 2.2945)).toEqual({ lat: 48.8584, lng: 2.2945 });
  });

  it('inverts the transform to within 1e-6 degrees anywhere in China', () => {
    fc.assert(
      fc.property(inChina, ({ lat, lng }) => {
        // Stay off the box's edge, where the forward transform switches off.
        fc.pre(isInChina(lat - 0.02, lng - 0.02) && isInChina(lat + 0.02, lng + 0.02));
        const gcj = wgs84ToGcj02(lat, lng);
        const back = gcj02ToWgs84(gcj.lat, gcj.lng);
        expect(Math.abs(back.lat - lat)).toBeLessThan(1e-6);
        expect(Math.abs(back.lng - lng)).toBeLessThan(1e-6);
      }),
      { numRuns: 2000 },
    );
  });

  it('the inverse is the position that maps onto the stored one (Hefei)', () => {
    const wgs = gcj02ToWgs84(hefei.lat, hefei.lng);
    const again = wgs84ToGcj02(wgs.lat, wgs.lng);
    expect(Math.abs(again.lat - hefei.lat)).toBeLessThan(1e-7);
    expect(Math.abs(again.lng - hefei.lng)).toBeLessThan(1e-7);
  });
});

describe('knnIsExact', () => {
  it('near 53°N: exact when the k-th is nearer than the floor, not when it is farther', () => {
    // 0.05° planar at 53°N: 2R·sin(0.025°)·cos(53.05°) ≈ 3342 m.
    const floor = unfetchedFloorMeters(mohe, 0.05);
    expect(floor).toBeGreaterThan(3340);
    expect(floor).toBeLessThan(3345);
    expect(knnIsExact(mohe, 0.05, 3000)).toBe(true);
    expect(knnIsExact(mohe, 0.05, 3500)).toBe(false);
  });

  it('near 53°N the floor is below a station due east on the circle, which R·e·cos φ is not', () => {
    const east = { lat: mohe.lat, lng: mohe.lng + 0.05 };
    const d = distanceMeters(mohe, east);
    expect(unfetchedFloorMeters(mohe, 0.05)).toBeLessThanOrEqual(d);
    // The first-order bound overstates it: the great circle bows toward the pole.
    const firstOrder = EARTH_RADIUS_M * 0.05 * (Math.PI / 180) * Math.cos(mohe.lat * (Math.PI / 180));
    expect(d).toBeLessThan(firstOrder);
  });

  it('says "fetch more" when a station not fetched could be nearer (Hefei, 0.01°, k-th at 2 km)', () => {
    // A station due east at planar 0.0101° (not fetched) is about 956 m away, nearer than 2 km.
    const unfetched = { lat: hefei.lat, lng: hefei.lng + 0.0101 };
    expect(distanceMeters(hefei, unfetched)).toBeLessThan(2000);
    expect(unfetchedFloorMeters(hefei, 0.01)).toBeLessThan(distanceMeters(hefei, unfetched));
    expect(knnIsExact(hefei, 0.01, 2000)).toBe(false);
    expect(knnIsExact(hefei, 0.01, 900)).toBe(true);
  });

  it('cannot vouch for a query outside China', () => {
    expect(unfetchedFloorMeters(tokyo, 1)).toBe(0);
    expect(knnIsExact(tokyo, 1, 10)).toBe(false);
  });

  it('the floor is never above the distance of a station in China at or beyond the planar distance', () => {
    fc.assert(
      fc.property(
        inChina,
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 1, max: 3, noNaN: true }),
        (query, e, bearing, beyond) => {
          const station = {
            lat: query.lat + e * beyond * Math.sin(bearing),
            lng: query.lng + e * beyond * Math.cos(bearing),
          };
          fc.pre(isInChina(station.lat, station.lng));
          // The last candidate fetched was nearer on the plane, by the factor `beyond`, as the
          // stored coordinates have it (what PostgreSQL measures).
          const lastPlanar = planarDegrees(query, station) / beyond;
          expect(unfetchedFloorMeters(query, lastPlanar)).toBeLessThanOrEqual(distanceMeters(query, station));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('re-ranking the planar candidates gives the true k nearest whenever it says exact', () => {
    // At 50°N a degree of longitude is 0.64 of one of latitude: the planar order is often wrong.
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            dLat: fc.double({ min: -0.3, max: 0.3, noNaN: true }),
            dLng: fc.double({ min: -0.3, max: 0.3, noNaN: true }),
          }),
          {
            minLength: 20,
            maxLength: 80,
          },
        ),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 5, max: 20 }),
        (offsets, k, fetched) => {
          const query = { lat: 50, lng: 120 };
          const stations = offsets.map(({ dLat, dLng }) => ({ lat: query.lat + dLat, lng: query.lng + dLng }));
          const byPlanar = [...stations].sort((a, b) => planarDegrees(query, a) - planarDegrees(query, b));
          const candidates = byPlanar.slice(0, fetched);
          const last = candidates[candidates.length - 1];
          const reRanked = candidates.map((s) => distanceMeters(query, s)).sort((a, b) => a - b);
          const kth = reRanked[k - 1];
          if (last === undefined || kth === undefined || !knnIsExact(query, planarDegrees(query, last), kth)) return;
          const trueNearest = stations.map((s) => distanceMeters(query, s)).sort((a, b) => a - b);
          expect(reRanked.slice(0, k)).toEqual(trueNearest.slice(0, k));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
