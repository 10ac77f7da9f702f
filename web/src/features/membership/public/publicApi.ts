import type { ApplicationAnswer, ApplicationInput, JoiningOrganization, MemberCard, MemberSession } from '../types';
import { request } from '../../../app/api';

// The worker's no-login membership pages talk to /api/public/membership/…. The session a texted
// code (or an application) opens is kept on the phone (localStorage) for its thirty days, so the
// card opens, and a transfer is accepted, without another code.

export const MEMBERSHIP_PUBLIC_API = '/api/public/membership';

export const membershipPublicKeys = {
  all: [MEMBERSHIP_PUBLIC_API] as const,
  organization: (code: string, organiserCode: string | null) =>
    [MEMBERSHIP_PUBLIC_API, 'organizations', code, organiserCode] as const,
  card: (token: string) => [MEMBERSHIP_PUBLIC_API, 'card', token] as const,
};

const KEY = 'yz_member_session';

/** The phone's membership session: kept until it expires or the server stops accepting it. */
export const memberSession = {
  get(): string | null {
    try {
      const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as MemberSession | null;
      if (!stored || typeof stored.token !== 'string') return null;
      return Date.parse(stored.expiresAt) > Date.now() ? stored.token : null;
    } catch {
      return null;
    }
  },
  set(session: MemberSession): void {
    try {
      localStorage.setItem(KEY, JSON.stringify(session));
    } catch {
      // Private mode: the session lives as long as the page.
    }
  },
  clear(): void {
    try {
      localStorage.removeItem(KEY);
    } catch {
      // nothing stored
    }
  },
};

const tokenHeader = (token: string | null) => (token ? { 'x-member-token': token } : undefined);

export const membershipPublicApi = {
  organization: (code: string, organiserCode: string | null) =>
    request<JoiningOrganization>(
      'GET',
      `${MEMBERSHIP_PUBLIC_API}/organizations/${encodeURIComponent(code)}`,
      undefined,
      { o: organiserCode },
    ),
  requestCode: (phone: string) =>
    request<{ sent: true; resendAfterSec: number }>('POST', `${MEMBERSHIP_PUBLIC_API}/codes`, { phone }),
  /** With the phone's session the texted code may be left out (the server checks the session is this phone's). */
  apply: (body: ApplicationInput, token: string | null) =>
    request<ApplicationAnswer>('POST', `${MEMBERSHIP_PUBLIC_API}/applications`, body, undefined, tokenHeader(token)),
  signIn: (body: { phone: string; otp: string }) =>
    request<MemberSession>('POST', `${MEMBERSHIP_PUBLIC_API}/sign-in`, body),
  card: (token: string) =>
    request<MemberCard>('GET', `${MEMBERSHIP_PUBLIC_API}/card`, undefined, undefined, tokenHeader(token)),
};
