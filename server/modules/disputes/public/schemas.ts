import type { IncomingHttpHeaders } from 'node:http';
import { z } from 'zod';
import {
  WORKER_DOCUMENTS,
  employerSignBodySchema,
  workerSignBodySchema,
  type trackCodeRequestSchema,
  type trackVerifySchema,
} from '../../../../contracts/disputes.js';

// Request schemas of the no-login routes (public/routes.ts); the bodies the web sends are in
// contracts/disputes.ts, the answers in contracts/disputes/public-views.ts and responses.ts.

export const PUBLIC_TAGS = ['disputes (public)'];

/**
 * A link's token as it arrives: anything up to 512 characters. A token of the wrong shape (a link cut
 * short or mangled by a chat app) is answered like an unknown one, in a plain sentence, not with a
 * validator's message about the path.
 */
export const tokenParamsSchema = z.object({ token: z.string().max(512) });

export { employerSignBodySchema, workerSignBodySchema };
export type EmployerSignBody = z.infer<typeof employerSignBodySchema>;
export type WorkerSignBody = z.infer<typeof workerSignBodySchema>;

export type TrackCodeRequest = z.infer<typeof trackCodeRequestSchema>;
export type TrackVerify = z.infer<typeof trackVerifySchema>;

/** The X-Case-Token header as it arrives (absent, once, or repeated). */
export type CaseTokenHeader = IncomingHttpHeaders[string];

/** GET /api/public/disputes/track/documents/:doc — the agreement or the court's ruling. */
export const workerDocumentParamsSchema = z.object({ doc: z.enum(WORKER_DOCUMENTS) });
export type WorkerDocument = z.infer<typeof workerDocumentParamsSchema>['doc'];
