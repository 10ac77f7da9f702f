import type { z } from 'zod';
import { statsExportQuerySchema, statsQuerySchema } from '../../../../contracts/disputes/requests.js';

// Request schemas of the statistics routes (stats/routes.ts), in contracts/disputes/requests.ts
// (the web sends them).

export { statsExportQuerySchema, statsQuerySchema };
export type StatsQuery = z.infer<typeof statsQuerySchema>;
export type StatsExportQuery = z.infer<typeof statsExportQuerySchema>;
