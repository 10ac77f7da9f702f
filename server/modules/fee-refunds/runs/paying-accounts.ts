import { z } from 'zod';
import { writeAudit } from '../../../core/audit.js';
import { assertInScope, requirePermission, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { errors } from '../../../core/errors.js';
import { regionFullName } from '../../regions/service.js';
import type { PayingAccount } from './plan.js';
import { payingAccountRepo } from './repository.js';

/** PUT /api/fee-refunds/paying-accounts/:regionCode: the account a region's refunds are paid from. */
export const payingAccountBodySchema = z.object({
  bankCode: z.string().regex(/^\d{12}$/, '开户行行号应为 12 位数字（CNAPS）'),
  accountNo: z.string().regex(/^\d{10,30}$/, '账号应为 10–30 位数字'),
  accountName: z.string().trim().min(1).max(128),
});
export const payingAccountSchema = payingAccountBodySchema.extend({ regionCode: z.string() });
export const regionParamsSchema = z.object({ regionCode: z.string().regex(/^\d{6}$/) });

/** The paying accounts inside the caller's region and above it (a province's serves its counties). */
export async function listPayingAccounts(deps: Deps, ctx: Ctx): Promise<PayingAccount[]> {
  const actor = requirePermission(ctx, 'fee_refunds:read');
  const scope = actor.regionCode;
  const all = await payingAccountRepo.all(deps.db);
  if (!scope) return all;
  const above = new Set([scope, `${scope.slice(0, 4)}00`, `${scope.slice(0, 2)}0000`]);
  return all.filter((a) => above.has(a.regionCode) || a.regionCode.startsWith(scope.replace(/0+$/, '')));
}

/**
 * Sets a region's paying account. Where the money leaves from is the checker's decision
 * (fee_refunds:approve), audited with the account before and after; batches already made keep
 * the account they were made with.
 */
export async function setPayingAccount(
  deps: Deps,
  ctx: Ctx,
  regionCode: string,
  body: z.infer<typeof payingAccountBodySchema>,
): Promise<PayingAccount> {
  const actor = requirePermission(ctx, 'fee_refunds:approve');
  assertInScope(actor, regionCode);
  if ((await regionFullName(deps.db, regionCode)) === null)
    throw errors.validation('regionCode', '没有这个行政区划代码', 'There is no region with this code');
  const account = { regionCode, ...body };
  await deps.db.transaction(async (tx) => {
    const before = (await payingAccountRepo.all(tx)).find((a) => a.regionCode === regionCode) ?? null;
    await payingAccountRepo.upsert(tx, account, deps.now());
    await writeAudit(tx, ctx, {
      action: 'fee_paying_account.set',
      entityType: 'fee_paying_account',
      entityId: regionCode,
      regionCode,
      before,
      after: account,
    });
  });
  return account;
}
