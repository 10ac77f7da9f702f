import { z } from 'zod';
import { REGION_LEVELS } from '../regions.js';

// The regions API (the helpers, which the browser runs, are in contracts/regions.ts: no zod there,
// so the web bundle does not carry it).

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
