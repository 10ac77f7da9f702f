import type { z } from 'zod';
import { stationListQuerySchema } from '../../../contracts/stations/api.js';

// Route-only request shapes of the stations module (the rest are in contracts/stations/api.ts).

export { stationListQuerySchema };
export type StationListQuery = z.infer<typeof stationListQuerySchema>;
