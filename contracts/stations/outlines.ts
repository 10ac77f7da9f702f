/*
 * Outlines as the server measures them and the web draws them (zod-free: the web imports it).
 * A ring is [lng, lat] points; a polygon is its outside ring then its holes.
 */

export type OutlineRing = readonly (readonly [number, number])[];
export interface Outlined {
  polygons: readonly (readonly OutlineRing[])[];
}

export interface LngLatBox {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

/** The box around every point of the outlines, or null when there is no point. */
export function boxOf(areas: readonly Outlined[]): LngLatBox | null {
  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  for (const a of areas)
    for (const polygon of a.polygons)
      for (const ring of polygon)
        for (const [lng, lat] of ring) {
          minLng = Math.min(minLng, lng);
          maxLng = Math.max(maxLng, lng);
          minLat = Math.min(minLat, lat);
          maxLat = Math.max(maxLat, lat);
        }
  return minLng === Infinity ? null : { minLng, minLat, maxLng, maxLat };
}
