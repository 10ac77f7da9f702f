import type { ApiError } from '../../../contracts/errors';
import type { Page } from '../../../contracts/paging';
import i18n from './i18n';

// A small fetch wrapper: JSON in and out, same-origin cookies, and the CSRF token (kept in
// memory only, from login or /api/auth/me) on every state-changing request.

let csrfToken: string | null = null;
let unauthenticatedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request (other than the session probes) answers 401: the session ended. */
export function onUnauthenticated(handler: (() => void) | null): void {
  unauthenticatedHandler = handler;
}

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError,
  ) {
    super(body.messageEn || body.message);
    this.name = 'ApiRequestError';
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** A failure the server did not describe, worded like the server's own errors: Chinese and English. */
function localError(key: 'common.networkError' | 'common.requestFailed', status?: number): ApiError {
  return {
    code: 'INTERNAL',
    message: i18n.t(key, { lng: 'zh', status }),
    messageEn: i18n.t(key, { lng: 'en', status }),
    requestId: '',
  };
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  query?: Query,
  extraHeaders?: Record<string, string>,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
  // A form (an upload) sets its own multipart content type, boundary included.
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiRequestError(0, localError('common.networkError'));
  }
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const err =
      data && typeof data === 'object' && 'code' in data
        ? (data as ApiError)
        : localError('common.requestFailed', res.status);
    // A public page's own credential (a case code) expiring says nothing about the staff session.
    if (res.status === 401 && !path.startsWith('/api/auth/') && !path.startsWith('/api/public/'))
      unauthenticatedHandler?.();
    throw new ApiRequestError(res.status, err);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  /** DELETE, without a body (no content type, so the server reads none). */
  remove: <T>(path: string) => request<T>('DELETE', path),
  /** A multipart upload: the fields first, then the file (servers reading the stream need them in that order). */
  upload: <T>(path: string, fields: Record<string, string>, file: File) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    form.set('file', file, file.name);
    return request<T>('POST', path, form);
  },
};

/** The server's paged list shape (pageOf in contracts/paging.ts). */
export type { Page };
