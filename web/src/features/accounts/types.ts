import type { z } from 'zod';
import type { accountFilterSchema, accountPasswordSchema } from '../../../../contracts/accounts';

// The shapes the accounts API answers with and accepts, from its schemas (contracts/accounts.ts):
// the server answers through the same schemas, so these cannot drift from what arrives.

export type { Account, AccountInput } from '../../../../contracts/accounts';
export type { AccountStatus } from '../../../../contracts/accounts/statuses';

/** POST /api/accounts/:id/password: the new password an administrator sets. */
export type AccountPassword = z.input<typeof accountPasswordSchema>;

/** The filters of GET /api/accounts. */
export type AccountFilter = z.input<typeof accountFilterSchema>;
