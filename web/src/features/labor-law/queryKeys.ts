import type { buildRequest } from './request';

/** The local wage figures' API; the list's pages are keyed under it. */
export const LABOR_PARAMS_API = '/api/labor-law/params';

/** Query keys of the labor-law pages, in one place so that a change can invalidate the right reads. */
export const laborLawKeys = {
  all: ['labor-law'] as const,
  /** A calculation is keyed by what was asked and the language its explanations are written in. */
  calculation: (request: ReturnType<typeof buildRequest> | null, lang: string) =>
    ['labor-law', 'calculation', request, lang] as const,
  /** Invalidated by any change of a local wage figure. */
  params: [LABOR_PARAMS_API] as const,
};
