/**
 * The share of an area within a walking distance of a station ("15-minute" service circles), by
 * rasterising the outlines on an equal-area grid.
 *
 * Points and outlines are put on the sinusoidal projection about the areas' middle meridian:
 * x = R·Δλ·cos φ, y = R·φ. It is equal-area, so a cell of c × c metres stands for c² m² of ground
 * wherever it lies, and the areas come out right without a correction per row; within a city
 * (a degree or two from the middle meridian) distances are off by about 1 %, far below a cell.
 * A cell belongs to the outline holding its centre (even–odd rule, so holes and islands count
 * right) and is covered when its centre is within the walking distance of a station, straight
 * line: the outlines carry no road network.
 */

import type { OutlineRing } from '../../../../contracts/stations/outlines.js';

import { boxOf } from '../../../../contracts/stations/outlines.js';

export { boxOf };

/** A ring of [lng, lat] points; the first ring of a polygon is its outside, the others its holes. */
export type Ring = OutlineRing;
export type Polygon = readonly Ring[];

export interface OutlinedArea {
  code: string;
  name: string;
  polygons: readonly Polygon[];
}

export interface LatLng {
  lat: number;
  lng: number;
}

export interface AreaCoverage {
  code: string;
  name: string;
  areaKm2: number;
  coveredKm2: number;
}

export interface CoverageResult {
  /** The side of a grid cell in metres. */
  cellM: number;
  areas: AreaCoverage[];
}

/** The earth's authalic radius (WGS-84), for which the sinusoidal projection keeps areas exact. */
const R = 6_371_007.2;
const RAD = Math.PI / 180;

/** At most this many cells (one byte each for coverage, two for the area): a few MB per city. */
export const MAX_CELLS = 2_000_000;
/** Cells never smaller than this, however small the area. */
export const MIN_CELL_M = 10;

interface Projected {
  x: number;
  y: number;
}

function projector(lng0: number) {
  return (lng: number, lat: number): Projected => ({
    x: R * (lng - lng0) * RAD * Math.cos(lat * RAD),
    y: R * lat * RAD,
  });
}

interface Edge {
  area: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The grid cell side in whole metres: as fine as MAX_CELLS allows over the box. */
export function cellSize(widthM: number, heightM: number): number {
  return Math.max(MIN_CELL_M, Math.ceil(Math.sqrt((widthM * heightM) / MAX_CELLS)));
}

export function coverageOf(areas: readonly OutlinedArea[], stations: readonly LatLng[], walkM: number): CoverageResult {
  let minLng = Infinity;
  let maxLng = -Infinity;
  for (const a of areas)
    for (const p of a.polygons)
      for (const ring of p)
        for (const [lng] of ring) {
          if (lng < minLng) minLng = lng;
          if (lng > maxLng) maxLng = lng;
        }
  if (minLng === Infinity) {
    return { cellM: MIN_CELL_M, areas: [] };
  }
  const project = projector((minLng + maxLng) / 2);

  const edges: Edge[] = [];
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  areas.forEach((a, area) => {
    for (const polygon of a.polygons)
      for (const ring of polygon) {
        const pts = ring.map(([lng, lat]) => project(lng, lat));
        for (let k = 0; k < pts.length; k++) {
          const p = pts[k]!;
          const q = pts[(k + 1) % pts.length]!;
          if (p.x < x0) x0 = p.x;
          if (p.y < y0) y0 = p.y;
          if (p.x > x1) x1 = p.x;
          if (p.y > y1) y1 = p.y;
          if (p.y !== q.y) edges.push({ area, x1: p.x, y1: p.y, x2: q.x, y2: q.y });
        }
      }
  });

  const cell = cellSize(x1 - x0, y1 - y0);
  const cols = Math.max(1, Math.ceil((x1 - x0) / cell));
  const rows = Math.max(1, Math.ceil((y1 - y0) / cell));
  /** Which area holds each cell's centre, 1-based (0: none). */
  const owner = new Uint16Array(cols * rows);
  const centreY = (j: number) => y0 + (j + 0.5) * cell;
  /** The first column whose centre is at or right of x. */
  const firstCol = (x: number) => Math.max(0, Math.ceil((x - x0) / cell - 0.5));

  // Each edge is filed under the rows whose centre line it crosses, so a row looks only at its own.
  const byRow: Edge[][] = Array.from({ length: rows }, () => []);
  for (const e of edges) {
    const lo = Math.min(e.y1, e.y2);
    const hi = Math.max(e.y1, e.y2);
    const jFrom = Math.max(0, Math.ceil((lo - y0) / cell - 0.5));
    const jTo = Math.min(rows - 1, Math.ceil((hi - y0) / cell - 0.5) - 1);
    for (let j = jFrom; j <= jTo; j++) byRow[j]!.push(e);
  }
  for (let j = 0; j < rows; j++) {
    const yc = centreY(j);
    const crossings = new Map<number, number[]>();
    for (const e of byRow[j]!) {
      // Half-open in y, so a vertex on the line is counted once.
      if (e.y1 <= yc === e.y2 <= yc) continue;
      const x = e.x1 + ((yc - e.y1) * (e.x2 - e.x1)) / (e.y2 - e.y1);
      const list = crossings.get(e.area) ?? crossings.set(e.area, []).get(e.area)!;
      list.push(x);
    }
    for (const [area, xs] of crossings) {
      xs.sort((a, b) => a - b);
      for (let k = 0; k + 1 < xs.length; k += 2) {
        const from = firstCol(xs[k]!);
        const to = Math.min(cols, firstCol(xs[k + 1]!));
        owner.fill(area + 1, j * cols + from, j * cols + Math.max(from, to));
      }
    }
  }

  const covered = new Uint8Array(cols * rows);
  for (const s of stations) {
    const p = project(s.lng, s.lat);
    const jFrom = Math.max(0, Math.ceil((p.y - walkM - y0) / cell - 0.5));
    const jTo = Math.min(rows - 1, Math.floor((p.y + walkM - y0) / cell - 0.5));
    for (let r = jFrom; r <= jTo; r++) {
      const dy = centreY(r) - p.y;
      const half = Math.sqrt(Math.max(0, walkM * walkM - dy * dy));
      const from = firstCol(p.x - half);
      const to = Math.min(cols - 1, Math.floor((p.x + half - x0) / cell - 0.5));
      if (to >= from) covered.fill(1, r * cols + from, r * cols + to + 1);
    }
  }

  const inside = new Array<number>(areas.length).fill(0);
  const reached = new Array<number>(areas.length).fill(0);
  for (let k = 0; k < owner.length; k++) {
    const a = owner[k]!;
    if (a === 0) continue;
    inside[a - 1]!++;
    if (covered[k]) reached[a - 1]!++;
  }
  const km2 = (cells: number) => (cells * cell * cell) / 1e6;
  return {
    cellM: cell,
    areas: areas.map((a, k) => ({
      code: a.code,
      name: a.name,
      areaKm2: km2(inside[k]!),
      coveredKm2: km2(reached[k]!),
    })),
  };
}

/**
 * The index of the area whose outline holds the point (even–odd, holes excluded), or -1. Each
 * area's box is looked at first, so a point far from an area costs four comparisons, not a walk
 * around its outline.
 */
export function areaIndexAt(areas: readonly OutlinedArea[], p: LatLng, boxes = areas.map((a) => boxOf([a]))): number {
  return areas.findIndex((a, k) => {
    const box = boxes[k];
    if (!box || p.lng < box.minLng || p.lng > box.maxLng || p.lat < box.minLat || p.lat > box.maxLat) return false;
    return a.polygons.some((polygon) => {
      let inside = false;
      for (const ring of polygon)
        for (let k = 0, prev = ring.length - 1; k < ring.length; prev = k++) {
          const [xk, yk] = ring[k]!;
          const [xp, yp] = ring[prev]!;
          if (yk > p.lat !== yp > p.lat && p.lng < xk + ((p.lat - yk) * (xp - xk)) / (yp - yk)) inside = !inside;
        }
      return inside;
    });
  });
}
