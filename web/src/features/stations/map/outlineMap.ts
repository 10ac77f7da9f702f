import { boxOf } from '../../../../../contracts/stations/outlines';

/*
 * Drawing a city's outlines and stations with no map service: a plain projection of [lng, lat]
 * onto an SVG box. Longitude is shrunk by the cosine of the middle latitude, so that a city looks
 * as it does on a map (within a city the difference from a real map projection is invisible).
 */

export type MapRing = [number, number][];
export interface MapArea {
  code: string;
  name: string;
  polygons: MapRing[][];
}
export interface MapPoint {
  lat: number;
  lng: number;
}

/** The width of the SVG's view box; its height follows the city's shape. */
export const VIEW_WIDTH = 1000;

export interface Projection {
  width: number;
  height: number;
  /** [x, y] in the view box for a point. */
  at: (lng: number, lat: number) => [number, number];
}

export function projectionFor(areas: MapArea[]): Projection | null {
  const box = boxOf(areas);
  if (!box || box.maxLng === box.minLng || box.maxLat === box.minLat) return null;
  const { minLng, maxLng, minLat, maxLat } = box;
  const shrink = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = VIEW_WIDTH / ((maxLng - minLng) * shrink);
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    width: VIEW_WIDTH,
    height: Math.ceil((maxLat - minLat) * scale),
    at: (lng, lat) => [round((lng - minLng) * shrink * scale), round((maxLat - lat) * scale)],
  };
}

/** An SVG path of the area's polygons, holes included (drawn with fill-rule evenodd). */
export function pathOf(area: MapArea, p: Projection): string {
  const parts: string[] = [];
  for (const polygon of area.polygons)
    for (const ring of polygon) {
      const pts = ring.map(([lng, lat]) => p.at(lng, lat).join(','));
      if (pts.length >= 3) parts.push(`M${pts.join('L')}Z`);
    }
  return parts.join('');
}

/** Where an area's name goes: the middle of its largest polygon's outside ring (by points' mean). */
export function labelPoint(area: MapArea, p: Projection): [number, number] | null {
  const rings = area.polygons.map((polygon) => polygon[0]).filter((r): r is MapRing => !!r && r.length > 0);
  const largest = rings.sort((a, b) => b.length - a.length)[0];
  if (!largest) return null;
  const lng = largest.reduce((n, [x]) => n + x, 0) / largest.length;
  const lat = largest.reduce((n, [, y]) => n + y, 0) / largest.length;
  return p.at(lng, lat);
}

/** A fill for a share from 0 to 1: pale to deep green, so better-served counties stand out. */
export function shareColour(share: number): string {
  const s = Math.max(0, Math.min(1, share));
  // From #f0f9e8 (nothing) to #1a7f37 (everything), straight in RGB.
  const mix = (a: number, b: number) => Math.round(a + (b - a) * Math.sqrt(s));
  return `rgb(${mix(0xf0, 0x1a)}, ${mix(0xf9, 0x7f)}, ${mix(0xe8, 0x37)})`;
}
