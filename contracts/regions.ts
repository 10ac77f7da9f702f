import { z } from 'zod';

// GB/T 2260 region codes: 6 digits, province "44xxxx" → city "4420xx" → county "442000".
// A scope code covers every code that starts with its significant prefix.

export const REGION_LEVELS = ['province', 'city', 'county'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

export function levelOf(code: string): RegionLevel {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/** Is `code` inside the region `scope`? A null scope is the whole country. */
export function regionWithin(code: string | null | undefined, scope: string | null | undefined): boolean {
  if (!scope) return true;
  if (!code) return false;
  return code.startsWith(regionPrefix(scope));
}

// ------------------------------------------------------------------ the regions API

/** A region code as a form or a filter sends it (whether it exists is the server's question). */
export const regionCodeSchema = z.string().regex(/^\d{6}$/, '行政区划代码应为 6 位数字 / a region code has 6 digits');

/** GET /api/regions/:code */
export const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  level: z.enum(REGION_LEVELS),
  parentCode: z.string().nullable(),
});
export type Region = z.infer<typeof regionSchema>;

/** A child as the region tree lists it: how many children it has, and whether the caller's region covers it. */
export const regionChildSchema = regionSchema.extend({ childCount: z.number().int(), inScope: z.boolean() });
export type RegionChild = z.infer<typeof regionChildSchema>;

/** GET /api/regions?parent= (the provinces without a parent) */
export const regionChildrenQuerySchema = z.object({ parent: regionCodeSchema.optional() });
export type RegionChildrenQuery = z.infer<typeof regionChildrenQuerySchema>;
export const regionChildrenSchema = z.object({ items: z.array(regionChildSchema) });
