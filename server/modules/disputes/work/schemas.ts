import { z } from 'zod';
import { assignBodySchema, minutesBodySchema, sessionBodySchema } from '../../../../contracts/disputes/requests.js';
import { laborLawRequestSchema } from '../../../../contracts/labor-law.js';
import { caseIdParamsSchema } from '../schemas.js';

// Request schemas of the mediator's work routes (work/routes.ts); the assignment, session and
// minutes bodies the web sends are in contracts/disputes/requests.ts.

export { assignBodySchema, minutesBodySchema, sessionBodySchema };
export type AssignInput = z.infer<typeof assignBodySchema>;
export type SessionInput = z.infer<typeof sessionBodySchema>;
export type MinutesInput = z.infer<typeof minutesBodySchema>;

const version = z.number().int().min(1);

/**
 * The mediator's corrections to the engine's request (any of its fields). Each is checked here;
 * together with the case's facts they are checked again as one request (work/service.ts).
 */
export const analysisOverridesSchema = z.object(laborLawRequestSchema.shape).partial();
export type AnalysisOverrides = z.infer<typeof analysisOverridesSchema>;

export const analysisBodySchema = z
  .object({ overrides: analysisOverridesSchema.optional(), version: version.optional() })
  .default({});

export const sessionParamsSchema = caseIdParamsSchema.extend({ sessionId: z.string().uuid() });

export const evidenceParamsSchema = caseIdParamsSchema.extend({ evidenceId: z.string().uuid() });

export const mediatorParamsSchema = z.object({ accountId: z.string().uuid() });

export const mediatorProfileBodySchema = z.object({
  expertise: z.array(z.string().max(32)).max(20),
  available: z.boolean(),
  conflictEmployerIds: z.array(z.string().uuid()).max(200),
});
export type MediatorProfileInput = z.infer<typeof mediatorProfileBodySchema>;
