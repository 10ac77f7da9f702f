import type { IncomingHttpHeaders } from 'node:http';
import { z } from 'zod';
import { signCodeSchema, type trackCodeRequestSchema, type trackVerifySchema } from '../../../../contracts/disputes.js';

// Request schemas of the no-login routes (public/routes.ts); the bodies the web sends are in
// contracts/disputes.ts, the answers in contracts/disputes/public-views.ts and responses.ts.

export const PUBLIC_TAGS = ['disputes (public)'];

export const tokenParamsSchema = z.object({ token: z.string().min(20).max(64) });

/** The hash of the agreement version the signer was shown (from its view), so nobody signs other terms. */
export const termsHashSchema = z
  .string({ error: '请刷新页面，核对协议后再签署 / reload and read the agreement before signing' })
  .regex(/^[0-9a-f]{64}$/, '协议版本无效，请刷新后重试 / invalid agreement version; reload');

export const employerSignBodySchema = z.object({ termsHash: termsHashSchema });
export type EmployerSignBody = z.infer<typeof employerSignBodySchema>;

export const workerSignBodySchema = signCodeSchema.extend({ termsHash: termsHashSchema });
export type WorkerSignBody = z.infer<typeof workerSignBodySchema>;

export type TrackCodeRequest = z.infer<typeof trackCodeRequestSchema>;
export type TrackVerify = z.infer<typeof trackVerifySchema>;

/** The X-Case-Token header as it arrives (absent, once, or repeated). */
export type CaseTokenHeader = IncomingHttpHeaders[string];
