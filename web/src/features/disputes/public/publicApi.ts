import type { z } from 'zod';
import type {
  employerSignBodySchema,
  trackCodeRequestSchema,
  trackVerifySchema,
  workerSignBodySchema,
} from '../../../../../contracts/disputes';
import type {
  applicationReceiptSchema,
  caseTokenSchema,
  studioListSchema,
} from '../../../../../contracts/disputes/responses';
import { request } from '../../../app/api';
import { tabToken } from '../../../app/tabToken';

// Public dispute pages talk to /api/public/disputes/…; the worker's tracking session is a case
// token kept in this tab only (sessionStorage), sent as X-Case-Token.

export const caseToken = tabToken('yz_case_token');

const base = '/api/public/disputes';

export const publicApi = {
  get: <T>(path: string) => request<T>('GET', `${base}${path}`),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', `${base}${path}`, body),
  /** With the worker's case token. */
  tracked: <T>(method: 'GET' | 'POST', path: string, token: string, body?: unknown) =>
    request<T>(method, `${base}${path}`, method === 'POST' ? (body ?? {}) : undefined, undefined, {
      'x-case-token': token,
    }),
};

/** GET /studios: the union studios taking online applications. */
export type StudioList = z.infer<typeof studioListSchema>;
export type Studio = StudioList['items'][number];

/** POST /apply: the number to track the application by. */
export type ApplicationReceipt = z.infer<typeof applicationReceiptSchema>;

/** POST /track/request-code and POST /track/verify, and the verified case's token. */
export type TrackCodeRequest = z.input<typeof trackCodeRequestSchema>;
export type TrackVerify = z.input<typeof trackVerifySchema>;
export type CaseToken = z.infer<typeof caseTokenSchema>;

/** POST /track/sign and POST /employer/:token/sign: the hash of the agreement shown (and the worker's code). */
export type WorkerSignBody = z.input<typeof workerSignBodySchema>;
export type EmployerSignBody = z.input<typeof employerSignBodySchema>;

/** What the worker's tracking page and the employer's link page are shown: the routes' response schemas. */
export type { EmployerView, WorkerView } from '../../../../../contracts/disputes/public-views';
