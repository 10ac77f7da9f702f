import { levelOf, regionPrefix } from '../../../../contracts/regions.js';
import type { UnionAccount, UnionAccountBody, UnionAccountKind } from '../../../../contracts/fee-refunds/accounts.js';
import { writeAudit } from '../../../core/audit.js';
import { assertInScope, requirePermission, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { errors } from '../../../core/errors.js';
import { regionFullName, regionFullNames } from '../../regions/service.js';
import { payingAccountRepo, pooledAccountRepo } from './accounts-repository.js';

const repoOf = { paying: payingAccountRepo, pooled: pooledAccountRepo } as const;

/**
 * The union's accounts inside the caller's region and above it: a province's paying account
 * serves its counties, so a county's staff see it too. Pooled accounts are counties' only.
 */
export async function listUnionAccounts(deps: Deps, ctx: Ctx, kind: UnionAccountKind): Promise<UnionAccount[]> {
  const actor = requirePermission(ctx, 'fee_refunds:read');
  const scope = actor.regionCode;
  const all = await repoOf[kind].all(deps.db);
  const seen = scope
    ? all.filter(
        (a) =>
          [scope, `${scope.slice(0, 4)}00`, `${scope.slice(0, 2)}0000`].includes(a.regionCode) ||
          a.regionCode.startsWith(regionPrefix(scope)),
      )
    : all;
  const names = await regionFullNames(
    deps.db,
    seen.map((a) => a.regionCode),
  );
  return seen.map((a) => ({ ...a, regionName: names.get(a.regionCode) ?? a.regionCode }));
}

/**
 * Sets a region's paying account, or a county's pooled account. Where money goes is the
 * checker's decision (fee_refunds:approve), audited with the account before and after. Batches
 * already made keep the accounts they were made with; lines waiting for a pooled account are
 * paid by the next re-batch.
 */
export async function setUnionAccount(
  deps: Deps,
  ctx: Ctx,
  kind: UnionAccountKind,
  regionCode: string,
  body: UnionAccountBody,
): Promise<UnionAccount> {
  const actor = requirePermission(ctx, 'fee_refunds:approve');
  assertInScope(actor, regionCode);
  const regionName = await regionFullName(deps.db, regionCode);
  if (regionName === null)
    throw errors.validation('regionCode', '没有这个行政区划代码', 'There is no region with this code');
  if (kind === 'pooled' && levelOf(regionCode) !== 'county')
    throw errors.validation(
      'regionCode',
      '归集账户只设在县级（区、县、县级市）工会',
      'A pooled account belongs to a county-level federation (district, county or county-level city)',
    );
  const account = { regionCode, ...body };
  await deps.db.transaction(async (tx) => {
    const before = (await repoOf[kind].all(tx)).find((a) => a.regionCode === regionCode) ?? null;
    await repoOf[kind].upsert(tx, account, deps.now());
    await writeAudit(tx, ctx, {
      action: kind === 'paying' ? 'fee_paying_account.set' : 'fee_pooled_account.set',
      entityType: kind === 'paying' ? 'fee_paying_account' : 'fee_pooled_account',
      entityId: regionCode,
      regionCode,
      before,
      after: account,
    });
  });
  return { ...account, regionName };
}
