import type { z } from 'zod';
import type { personFilterSchema, personInputSchema, revealedResidentIdSchema } from '../../../../contracts/people';

// The shapes the people API answers with and accepts, from its schemas (contracts/people.ts).

/** A person as the people API answers (resident ID masked). */
export type { Person } from '../../../../contracts/people';

/** What the person form sends (POST /api/people, PUT /api/people/:id), before the server trims it. */
export type PersonInput = z.input<typeof personInputSchema>;

/** POST /api/people/:id/reveal-resident-id (null: none on file). */
export type RevealedResidentId = z.infer<typeof revealedResidentIdSchema>;

/** The filter of the people search (POST /api/people/search, the page added by the list). */
export type PersonFilter = z.input<typeof personFilterSchema>;
