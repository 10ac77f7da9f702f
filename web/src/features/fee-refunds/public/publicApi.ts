import type {
  FeeAccessToken,
  FeeCodeRequest,
  FeeCodeVerify,
  FeeEnterpriseLine,
  FeeEnterpriseRefunds,
} from '../../../../../contracts/fee-refunds/public';
import { request } from '../../../app/api';
import { tabToken } from '../../../app/tabToken';
import { FEE_PUBLIC_API } from '../queryKeys';

// The enterprise's no-login refund page talks to /api/public/fee-refunds/…; the session a code
// opens is a token kept in this tab only (sessionStorage), sent as X-Fee-Token.

export const feeToken = tabToken('yz_fee_token');

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
