import type { z } from 'zod';
import { homeQuerySchema } from '../../../../contracts/disputes/home.js';

// Request schemas of the home route (home/routes.ts), in contracts/disputes/home.ts (the web sends them).

export { homeQuerySchema };
export type HomeQuery = z.infer<typeof homeQuerySchema>;
