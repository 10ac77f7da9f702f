import type { z } from 'zod';
import type { courtListQuerySchema, courtListSchema } from '../../../../contracts/courts';

// The shapes the courts API answers with and accepts, from its schemas (contracts/courts.ts).

export type { Court, CourtLevel } from '../../../../contracts/courts';

/** GET /api/courts: every court in the caller's scope at once (they are few). */
export type CourtList = z.infer<typeof courtListSchema>;

/** The filter of GET /api/courts. */
export type CourtFilter = z.input<typeof courtListQuerySchema>;
