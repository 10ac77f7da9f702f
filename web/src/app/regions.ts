import { useQueries } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Region, RegionChild, RegionChildrenQuery, regionChildrenSchema } from '../../../contracts/regions/api';
import { api } from './api';

// GB/T 2260 regions as the API lists them, shared by the region picker of every form and the
// regions page. The tree never changes while the app runs, so each level is asked for once.

/** A child as GET /api/regions?parent= lists it, from its schema (contracts/regions/api.ts). */
export type { RegionChild };

export const regionKeys = {
  all: ['/api/regions'] as const,
  /** The regions directly under `parent` (null: the provinces). */
  children: (parent: string | null) => ['/api/regions', 'children', parent] as const,
  /** The codes from the province down to `code`. */
  chain: (code: string) => ['/api/regions', 'chain', code] as const,
};

export const fetchRegionChildren = (parent: string | null) => {
  const query: RegionChildrenQuery = { parent: parent ?? undefined };
  return api.get<z.infer<typeof regionChildrenSchema>>('/api/regions', query).then((r) => r.items);
};

/** Walks up from a code to its province: ['440000', '442000'] for 中山市. */
export async function fetchRegionChain(code: string): Promise<string[]> {
  const chain: string[] = [];
  for (let at: string | null = code; at && chain.length < 4;) {
    chain.unshift(at);
    at = (await api.get<Region>(`/api/regions/${at}`)).parentCode;
  }
  return chain;
}

export const childrenQuery = (parent: string | null) => ({
  queryKey: regionKeys.children(parent),
  queryFn: () => fetchRegionChildren(parent),
  staleTime: Infinity,
});

/**
 * Counties are leaves; provinces and cities load their children on demand and become leaves when
 * they have none (e.g. 中山市). childCount is not relied on for this, so a wrong count can never
 * hide real children.
 */
export const isLeafRegion = (r: Region) => r.level === 'county';

/** The children of each parent asked for, as far as they have loaded (a parent is absent until then). */
export function useRegionChildren(parents: readonly (string | null)[]): Map<string | null, RegionChild[]> {
  const results = useQueries({ queries: parents.map(childrenQuery) });
  const loaded = new Map<string | null, RegionChild[]>();
  results.forEach((r, i) => r.data && loaded.set(parents[i] ?? null, r.data));
  return loaded;
}

/**
 * The loaded part of the tree below `parent`, built with `make`: a region whose children have
 * loaded gets them (none: it is a leaf); one not opened yet gets `undefined`.
 */
export function regionTree<N>(
  loaded: ReadonlyMap<string | null, RegionChild[]>,
  make: (region: RegionChild, children: N[] | undefined, leaf: boolean) => N,
  parent: string | null = null,
): N[] {
  return (loaded.get(parent) ?? []).map((region) => {
    const children = loaded.get(region.code);
    if (!children) return make(region, undefined, isLeafRegion(region));
    return children.length ? make(region, regionTree(loaded, make, region.code), false) : make(region, undefined, true);
  });
}

/** Adds a parent to those opened, once. */
export const withParent = (opened: string[], code: string) => (opened.includes(code) ? opened : [...opened, code]);
