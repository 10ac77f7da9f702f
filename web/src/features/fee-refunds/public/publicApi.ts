import type {
  FeeAccessToken,
  FeeCodeRequest,
  FeeCodeVerify,
  FeeEnterpriseLine,
  FeeEnterpriseRefunds,
} from '../../../../../contracts/fee-refunds/public';
import { request } from '../../../app/api';
import { FEE_PUBLIC_API } from '../queryKeys';

// The enterprise's no-login refund page talks to /api/public/fee-refunds/…; the session a code
// opens is a token kept in this tab only (sessionStorage), sent as X-Fee-Token.

const KEY = 'yz_fee_token';

export const feeToken = {
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

export const feePublicApi = {
  requestCode: (body: FeeCodeRequest) => request<{ sent: true }>('POST', `${FEE_PUBLIC_API}/request-code`, body),
  verify: (body: FeeCodeVerify) => request<FeeAccessToken>('POST', `${FEE_PUBLIC_API}/verify`, body),
  lines: (token: string, page: number) =>
    request<FeeEnterpriseRefunds>(
      'GET',
      `${FEE_PUBLIC_API}/lines`,
      undefined,
      { page, pageSize: 10 },
      {
        'x-fee-token': token,
      },
    ),
};

export type { FeeEnterpriseLine, FeeEnterpriseRefunds };
