import { z } from 'zod';
import { STAT_DIMENSIONS } from '../../../../contracts/disputes/responses.js';

// Request schemas of the statistics routes (stats/routes.ts).

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const statsQuerySchema = z.object({
  dimension: z.enum(STAT_DIMENSIONS).default('year'),
  from: isoDay.optional(),
  to: isoDay.optional(),
  courtId: z.string().uuid().optional(),
});
export type StatsQuery = z.infer<typeof statsQuerySchema>;

/** The workbook has a sheet per dimension. */
export const statsExportQuerySchema = statsQuerySchema.omit({ dimension: true });
export type StatsExportQuery = z.infer<typeof statsExportQuerySchema>;
