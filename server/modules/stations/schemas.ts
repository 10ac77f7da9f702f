import { z } from 'zod';
import { stationListQuerySchema } from '../../../contracts/stations/api.js';

// Route-only request shapes of the stations module (the rest are in contracts/stations/api.ts).

export { stationListQuerySchema };
export type StationListQuery = z.infer<typeof stationListQuerySchema>;

/** PUT /api/stations/alarm-rules/:id */
export const alarmRuleParamsSchema = z.object({ id: z.string().uuid() });
