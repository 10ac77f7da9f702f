import { z } from 'zod';
import { DOCUMENT_FORMATS } from '../../../../contracts/disputes/documents.js';
import { caseIdParamsSchema } from '../schemas.js';

// Request schemas of the document routes (documents/routes.ts).

/** The kind is checked by the service (an unknown kind is a 400 naming `kind`). */
export const documentParamsSchema = caseIdParamsSchema.extend({ kind: z.string() });

export const documentQuerySchema = z.object({ format: z.enum(DOCUMENT_FORMATS).default('pdf') });
