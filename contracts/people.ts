import { z } from 'zod';
import { pageOf, pageQuerySchema } from './paging.js';
import { regionCodeSchema } from './regions/api.js';
import { mobilePhone, plainText } from './text.js';

/**
 * A person as staff (and the person themself) see them: the resident ID only masked
 * (4420**********1234); the full number is revealed one at a time, with an audit record.
 */
export const personSchema = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  residentIdMasked: z.string().nullable(),
  sex: z.enum(['male', 'female']).nullable(),
  /** YYYY-MM-DD, from the resident ID. */
  birthDate: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  occupation: z.string().nullable(),
});
export type Person = z.infer<typeof personSchema>;
export const personPageSchema = pageOf(personSchema);

/** POST /api/people/:id/reveal-resident-id (null: none on file) */
export const revealedResidentIdSchema = z.object({ residentId: z.string().nullable() });

/** POST /api/people and PUT /api/people/:id */
export const personInputSchema = z.object({
  name: plainText(32).min(2, '姓名至少 2 个字'),
  phone: mobilePhone.nullable().optional(),
  /** Checked (format, birth date, check character) by the server, then stored encrypted. */
  residentId: plainText(32).nullable().optional(),
  regionCode: regionCodeSchema,
  occupation: plainText(32).nullable().optional(),
});
export type PersonInput = z.infer<typeof personInputSchema>;

/** The filters of GET /api/people: `q` is a name there (numbers are searched with a POST). */
export const personFilterSchema = z.object({
  q: plainText(64).optional(),
  regionCode: regionCodeSchema.optional(),
});

/**
 * POST /api/people/search: `q` may be a name, a resident ID or a phone. Such numbers travel in a
 * body, never in a URL that gets logged.
 */
export const personSearchBodySchema = personFilterSchema.extend(pageQuerySchema.shape);
export type PersonSearchBody = z.infer<typeof personSearchBodySchema>;
