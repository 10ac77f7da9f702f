import { z } from 'zod';
import { laborLawRequestSchema } from '../../../../contracts/labor-law.js';
import { plainText } from '../../../../contracts/text.js';
import { caseIdParamsSchema } from '../schemas.js';

// Request schemas of the mediator's work routes (work/routes.ts).

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

export const assignBodySchema = z.object({
  mediatorAccountId: z.string().uuid(),
  reason: plainText(200).optional(),
  noConflictDeclared: z.boolean(),
  version: version.optional(),
});
export type AssignInput = z.infer<typeof assignBodySchema>;

/**
 * A meeting link is sent to both parties by SMS: only a web address (https, or http on an
 * intranet) may be, never javascript:, data:, vbscript: or file: links.
 */
export const meetingUrlSchema = z
  .string()
  .trim()
  .max(500)
  .refine((u) => URL.canParse(u) && ['https:', 'http:'].includes(new URL(u).protocol) && !!new URL(u).hostname, {
    error: '会议链接须为 https:// 开头的网址 / the meeting link must be an https:// web address',
  });

export const sessionBodySchema = z.object({
  mode: z.enum(['in_person', 'phone', 'video']),
  scheduledAt: z.string().datetime({ offset: true, message: '时间格式应为 ISO 8601' }),
  location: plainText(200).optional(),
  meetingUrl: meetingUrlSchema.optional(),
});
export type SessionInput = z.infer<typeof sessionBodySchema>;

export const sessionParamsSchema = caseIdParamsSchema.extend({ sessionId: z.string().uuid() });

export const minutesBodySchema = z.object({
  minutes: z.string().trim().min(5, '请填写调解笔录').max(20_000),
  heldAt: z.string().datetime({ offset: true }).optional(),
});
export type MinutesInput = z.infer<typeof minutesBodySchema>;

export const evidenceParamsSchema = caseIdParamsSchema.extend({ evidenceId: z.string().uuid() });

export const mediatorParamsSchema = z.object({ accountId: z.string().uuid() });

export const mediatorProfileBodySchema = z.object({
  expertise: z.array(z.string().max(32)).max(20),
  available: z.boolean(),
  conflictEmployerIds: z.array(z.string().uuid()).max(200),
});
export type MediatorProfileInput = z.infer<typeof mediatorProfileBodySchema>;
