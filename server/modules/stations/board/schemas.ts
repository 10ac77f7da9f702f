import { z } from 'zod';
import { stationCodeParamsSchema } from '../../../../contracts/stations/api.js';

// Route-only request shapes of the message board (the rest are in contracts/stations/board.ts).

export const suggestionParamsSchema = stationCodeParamsSchema.extend({ id: z.string().uuid() });

/** The session token a verified code gave the worker's phone (other headers pass untouched). */
export const stationTokenHeaders = z.looseObject({ 'x-station-token': z.string().max(512).optional() });
