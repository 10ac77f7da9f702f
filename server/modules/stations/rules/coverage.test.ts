import { describe, expect, it } from 'vitest';
import { areaIndexAt, boxOf, coverageOf, MAX_CELLS, type OutlinedArea, type Ring } from './coverage.js';

const R = 6_371_007.2;
const RAD = Math.PI / 180;
const LAT = 31.7;
const LNG = 117.3;

/** Degrees of latitude and longitude for metres north and east at LAT. */
const north = (m: number) => m / (R * RAD);
const east = (m: number) => m / (R * RAD * Math.cos(LAT * RAD));

/** A box of lat/lng lines, `w` by `h` metres, its south-west corner `dx`, `dy` metres from (LNG, LAT). */
function box(dx: number, dy: number, w: number, h: number): Ring {
  const w0 = LNG + east(dx);
  const s0 = LAT + north(dy);
  return [
    [w0, s0],
    [w0 + east(w), s0],
    [w0 + east(w), s0 + north(h)],
    [w0, s0 + north(h)],
  ];
}

const area = (code: string, ...rings: Ring[]): OutlinedArea => ({ code, name: code, polygons: [rings] });
const at = (dx: number, dy: number) => ({ lng: LNG + east(dx), lat: LAT + north(dy) });
const discKm2 = (m: number) => (Math.PI * m * m) / 1e6;

describe('coverage of an area within a walking distance of stations', () => {
  it('measures a lat/lng box as the sphere does', () => {
    const ring: Ring = [
      [117, 31.5],
      [117.2, 31.5],
      [117.2, 31.7],
      [117, 31.7],
    ];
    const exact = (R * R * 0.2 * RAD * (Math.sin(31.7 * RAD) - Math.sin(31.5 * RAD))) / 1e6;
    const [a] = coverageOf([area('A', ring)], [], 1000).areas;
    expect(a!.areaKm2).toBeGreaterThan(exact * 0.995);
    expect(a!.areaKm2).toBeLessThan(exact * 1.005);
    expect(a!.coveredKm2).toBe(0);
  });

  it('counts the disc around a station in the middle of a 10 km square', () => {
    const result = coverageOf([area('A', box(0, 0, 10_000, 10_000))], [at(5000, 5000)], 1000);
    const [a] = result.areas;
    expect(a!.areaKm2).toBeCloseTo(100, 0);
    expect(a!.coveredKm2 / discKm2(1000)).toBeGreaterThan(0.97);
    expect(a!.coveredKm2 / discKm2(1000)).toBeLessThan(1.03);
  });

  it('counts only the part of a disc inside the outline, and a station outside every outline as none', () => {
    const result = coverageOf([area('A', box(0, 0, 10_000, 10_000))], [at(0, 5000), at(30_000, 30_000)], 1000);
    expect(result.areas[0]!.coveredKm2 / (discKm2(1000) / 2)).toBeGreaterThan(0.95);
    expect(result.areas[0]!.coveredKm2 / (discKm2(1000) / 2)).toBeLessThan(1.05);
  });

  it('splits a disc across two neighbouring areas, counting no cell twice', () => {
    const a = area('A', box(0, 0, 5000, 10_000));
    const b = area('B', box(5000, 0, 5000, 10_000));
    const result = coverageOf([a, b], [at(4500, 5000)], 1000);
    const [ra, rb] = result.areas;
    expect(ra!.areaKm2 + rb!.areaKm2).toBeCloseTo(100, 0);
    expect(ra!.coveredKm2).toBeGreaterThan(rb!.coveredKm2);
    expect(rb!.coveredKm2).toBeGreaterThan(0);
    expect((ra!.coveredKm2 + rb!.coveredKm2) / discKm2(1000)).toBeCloseTo(1, 1);
  });

  it('leaves a hole out of the area and its coverage', () => {
    const withHole = area('A', box(0, 0, 10_000, 10_000), box(3000, 3000, 4000, 4000));
    const result = coverageOf([withHole], [at(5000, 5000)], 1000);
    expect(result.areas[0]!.areaKm2).toBeCloseTo(84, 0);
    expect(result.areas[0]!.coveredKm2).toBe(0);
  });

  it('counts overlapping circles once', () => {
    const one = coverageOf([area('A', box(0, 0, 10_000, 10_000))], [at(5000, 5000)], 1000);
    const two = coverageOf([area('A', box(0, 0, 10_000, 10_000))], [at(5000, 5000), at(5200, 5000)], 1000);
    expect(two.areas[0]!.coveredKm2).toBeGreaterThan(one.areas[0]!.coveredKm2);
    expect(two.areas[0]!.coveredKm2).toBeLessThan(one.areas[0]!.coveredKm2 * 1.2);
  });

  it('covers everything when every point is within the walk', () => {
    const result = coverageOf([area('A', box(0, 0, 1000, 1000))], [at(500, 500)], 1000);
    expect(result.areas[0]!.coveredKm2).toBe(result.areas[0]!.areaKm2);
  });

  it('coarsens the grid over a province-sized box so that it stays within its cell budget', () => {
    const big = area('A', box(0, 0, 400_000, 400_000));
    const result = coverageOf([big], [at(200_000, 200_000)], 1000);
    expect(Math.ceil(400_000 / result.cellM) ** 2).toBeLessThanOrEqual(MAX_CELLS * 1.01);
    // A box of lat/lng lines narrows northwards: its area is the sphere's, not 400 km × 400 km.
    const dLng = east(400_000) * RAD;
    const exact = (R * R * dLng * (Math.sin((LAT + north(400_000)) * RAD) - Math.sin(LAT * RAD))) / 1e6;
    expect(result.areas[0]!.areaKm2 / exact).toBeCloseTo(1, 2);
  });

  it('answers no areas for no outlines', () => {
    expect(coverageOf([], [at(0, 0)], 1000).areas).toEqual([]);
    expect(boxOf([])).toBeNull();
  });

  it('names the area holding a point, leaving holes and the outside to none', () => {
    const a = area('A', box(0, 0, 5000, 10_000), box(1000, 1000, 1000, 1000));
    const b = area('B', box(5000, 0, 5000, 10_000));
    expect(areaIndexAt([a, b], at(500, 500))).toBe(0);
    expect(areaIndexAt([a, b], at(1500, 1500))).toBe(-1);
    expect(areaIndexAt([a, b], at(7000, 9000))).toBe(1);
    expect(areaIndexAt([a, b], at(-10, 500))).toBe(-1);
    expect(boxOf([a, b])).toMatchObject({ minLng: LNG, minLat: LAT });
  });
});
