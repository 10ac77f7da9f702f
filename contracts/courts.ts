import { z } from 'zod';
import { regionCodeSchema } from './regions/api.js';

/** 基层、中级、高级人民法院 */
export const COURT_LEVELS = ['basic', 'intermediate', 'high'] as const;
export type CourtLevel = (typeof COURT_LEVELS)[number];

/** GET /api/courts/:id, and a row of GET /api/courts */
export const courtSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Case-number prefix such as 粤2071 (ruling numbers start with it). */
  code: z.string(),
  level: z.enum(COURT_LEVELS),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  address: z.string().nullable(),
});
export type Court = z.infer<typeof courtSchema>;

/** GET /api/courts?regionCode= : the courts in the caller's region (and in regionCode, when given). */
export const courtListQuerySchema = z.object({ regionCode: regionCodeSchema.optional() });
export type CourtListQuery = z.infer<typeof courtListQuerySchema>;
export const courtListSchema = z.object({ items: z.array(courtSchema) });
