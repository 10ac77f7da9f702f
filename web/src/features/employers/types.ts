import type { z } from 'zod';
import type { employerFilterSchema, employerInputSchema } from '../../../../contracts/employers';

// The shapes the employers API answers with and accepts, from its schemas (contracts/employers.ts).

/** Industry codes of employers: the sectors the dispute statistics know (one list, in contracts). */
export { SECTOR_VALUES as INDUSTRY_CODES } from '../../../../contracts/disputes/sectors';

export type { Employer } from '../../../../contracts/employers';

/** What the employer form sends (before the server trims it). */
export type EmployerInput = z.input<typeof employerInputSchema>;

/** The filters of GET /api/employers. */
export type EmployerFilter = z.input<typeof employerFilterSchema>;
