import { request } from '../../../app/api';

// Public dispute pages talk to /api/public/disputes/…; the worker's tracking session is a case
// token kept in this tab only (sessionStorage), sent as X-Case-Token.

const KEY = 'yz_case_token';

export const caseToken = {
  get(): string | null {
    try {
      return sessionStorage.getItem(KEY);
    } catch {
      return null;
    }
  },
  set(token: string): void {
    try {
      sessionStorage.setItem(KEY, token);
    } catch {
      // Private mode: the token lives as long as the page.
    }
  },
  clear(): void {
    try {
      sessionStorage.removeItem(KEY);
    } catch {
      // nothing stored
    }
  },
};

const base = '/api/public/disputes';

export const publicApi = {
  get: <T>(path: string) => request<T>('GET', `${base}${path}`),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', `${base}${path}`, body),
  /** With the worker's case token. */
  tracked: <T>(method: 'GET' | 'POST', path: string, token: string, body?: unknown) => request<T>(method, `${base}${path}`, method === 'POST' ? (body ?? {}) : undefined, undefined, { 'x-case-token': token }),
};

/** A union studio taking online applications (GET /studios). */
export interface Studio {
  id: string;
  name: string;
  regionCode: string;
  regionName: string | null;
  address: string | null;
  contactPhone: string | null;
}

export interface WorkerView {
  caseNumber: string;
  workerName: string;
  phoneMasked: string | null;
  stage: string;
  steps: { code: string; label: string; labelEn: string; description: string; descriptionEn: string; current: boolean }[];
  clocks: { code: string; label: string; labelEn: string; dueOn: string | null; status: string; daysLeft: number | null; basis: string }[];
  agreement: { installments: { dueOn: string; amountFen: number }[]; claimTypes: string[]; summary?: string } | null;
  /** The version of the terms on screen: a signature names it, so nobody signs terms they did not see. */
  agreementVersion: number | null;
  termsHash: string | null;
  signatures: { worker: boolean; employer: boolean; mediator: boolean } | null;
  canSign: boolean;
  payments: { id: string; seq: number; dueOn: string; amountFen: number; paidOn: string | null; paidFen: number }[];
  closedReason: string | null;
  referral: string | null;
}

export interface EmployerView {
  caseNumber: string;
  stage: string;
  stageLabel: string;
  workerName: string;
  addressee: string;
  claims: { type: string; amountFen: number; description?: string }[];
  claimTotalFen: number;
  narrative: string;
  liability: { basis: { law: string; article: number; paragraph?: number; text: string; textEn: string }; explanation: string } | null;
  answered: 'accept' | 'decline' | 'counter' | null;
  agreement: WorkerView['agreement'];
  agreementVersion: number | null;
  termsHash: string | null;
  employerSigned: boolean;
  canAnswer: boolean;
  canSign: boolean;
  /** The studio that took the case, with its phone for questions. */
  studio: { name: string; contactPhone: string | null } | null;
}
