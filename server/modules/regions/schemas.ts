import { z } from 'zod';
import { regionCodeSchema } from '../../../contracts/regions/api.js';

// Request schemas of the regions routes; the list's query and the answers are in contracts/regions/api.ts.

export const regionCodeParamsSchema = z.object({ code: regionCodeSchema });
