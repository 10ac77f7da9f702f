import { z } from 'zod';
import { stationCodeParamsSchema } from '../../../../contracts/stations/api.js';

// Route-only request shapes of the supplies (the rest are in contracts/stations/supplies.ts).

/** An item of the station (…/supplies/:id/moves) or a move of it (…/supplies/moves/:id/thank). */
export const supplyParamsSchema = stationCodeParamsSchema.extend({ id: z.string().uuid() });
