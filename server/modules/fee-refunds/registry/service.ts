import type { z } from 'zod';
import type { FeeEnterprise, feeEnterprisePageSchema } from '../../../../contracts/fee-refunds/responses.js';
import { writeAudit } from '../../../core/audit.js';
import { assertInScope, requirePermission, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { errors } from '../../../core/errors.js';
import { offsetOf, splitPage } from '../../../core/paging.js';
import { formatWanYuan } from '../rules/money.js';
import { feeEnterpriseRepo, type FeeEnterpriseRow } from './repository.js';
import type { FeeEligibilityBody, FeeEnterpriseListQuery } from './schemas.js';

type Listed = FeeEnterpriseRow & { uscc: string; usccCheckWarning: boolean; name: string; regionName: string | null };

function accountOf(bankCode: string | null, accountNo: string | null, accountName: string | null) {
  return bankCode !== null && accountNo !== null && accountName !== null ? { bankCode, accountNo, accountName } : null;
}

function enterpriseOf(row: Listed): FeeEnterprise {
  return {
    uscc: row.uscc,
    usccCheckWarning: row.usccCheckWarning,
    name: row.name,
    regionCode: row.regionCode,
    regionName: row.regionName,
    industryCode: row.industryCode,
    employees: row.employees,
    revenueFen: row.revenueFen,
    revenueWan: row.revenueFen === null ? null : formatWanYuan(row.revenueFen),
    assetsFen: row.assetsFen,
    assetsWan: row.assetsFen === null ? null : formatWanYuan(row.assetsFen),
    hasUnion: row.hasUnion,
    unionEstablishedOn: row.unionEstablishedOn,
    unionAccount: accountOf(row.unionBankCode, row.unionAccountNo, row.unionAccountName),
    payingAccount: accountOf(row.payingBankCode, row.payingAccountNo, row.payingAccountName),
    sizeClass: row.sizeClass,
    sizeCategory: row.sizeCategory,
    sizeNotes: row.sizeNotes,
    sizeStandard: row.sizeStandard,
    declaredSizeClass: row.declaredSizeClass,
    exclusionFlags: row.exclusionFlags,
    eligibilityReason: row.eligibilityReason,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** GET /api/fee-refunds/enterprises: the registry in the caller's region, paged and filtered. */
export async function listFeeEnterprises(
  deps: Deps,
  ctx: Ctx,
  query: FeeEnterpriseListQuery,
): Promise<z.infer<typeof feeEnterprisePageSchema>> {
  const actor = requirePermission(ctx, 'fee_refunds:read');
  const { page, filter } = splitPage(query);
  const { items, total } = await feeEnterpriseRepo.list(
    deps.db,
    {
      scope: actor.regionCode,
      q: filter.q,
      regionCode: filter.regionCode,
      sizeClass: filter.sizeClass,
      hasUnion: filter.hasUnion === undefined ? undefined : filter.hasUnion === 'true',
    },
    page.pageSize,
    offsetOf(page),
  );
  return { items: items.map(enterpriseOf), total, ...page };
}

/** GET /api/fee-refunds/enterprises/:uscc: refused (403) outside the caller's region. */
export async function getFeeEnterprise(deps: Deps, ctx: Ctx, uscc: string): Promise<FeeEnterprise> {
  const actor = requirePermission(ctx, 'fee_refunds:read');
  const row = await feeEnterpriseRepo.byUscc(deps.db, uscc);
  if (!row) throw errors.notFound('经费返还名录中的企业', 'Enterprise');
  assertInScope(actor, row.regionCode);
  return enterpriseOf(row);
}

/**
 * PUT /api/fee-refunds/enterprises/:uscc/eligibility: a checker (fee_refunds:approve) declares
 * the size class by hand or names exclusion flags, with the reason. Only collections computed
 * after it are affected (a run never recomputes a collection). On the locked profile, at the
 * version the checker read; the import never touches these fields, and a later rollback of an
 * earlier import is refused because the version moved on.
 */
export async function setFeeEnterpriseEligibility(
  deps: Deps,
  ctx: Ctx,
  uscc: string,
  body: FeeEligibilityBody,
): Promise<FeeEnterprise> {
  const actor = requirePermission(ctx, 'fee_refunds:approve');
  const flags = [...new Set(body.exclusionFlags)];
  const reason = body.reason === null || body.reason === '' ? null : body.reason;
  if ((body.declaredSizeClass !== null || flags.length > 0) && reason === null)
    throw errors.validation(
      'reason',
      '声明规模类型或排除情形时须写明依据',
      'Give the grounds when you declare a size class or an exclusion',
    );
  return deps.db.transaction(async (tx) => {
    const row = await feeEnterpriseRepo.lockByUscc(tx, uscc);
    if (!row) throw errors.notFound('经费返还名录中的企业', 'Enterprise');
    assertInScope(actor, row.regionCode);
    if (row.version !== body.expectedVersion)
      throw errors.conflict(
        '该企业的名录信息已被更新，请刷新后重试',
        'The profile changed meanwhile; reload and retry',
        'expectedVersion',
      );
    const now = deps.now();
    const after = { declaredSizeClass: body.declaredSizeClass, exclusionFlags: flags, eligibilityReason: reason };
    await feeEnterpriseRepo.update(tx, row.id, { ...after, version: row.version + 1, updatedAt: now });
    await writeAudit(tx, ctx, {
      action: 'fee_enterprise.eligibility_set',
      entityType: 'fee_enterprise',
      entityId: row.id,
      regionCode: row.regionCode,
      before: {
        declaredSizeClass: row.declaredSizeClass,
        exclusionFlags: row.exclusionFlags,
        eligibilityReason: row.eligibilityReason,
        version: row.version,
      },
      after: { ...after, version: row.version + 1 },
    });
    return enterpriseOf({ ...row, ...after, version: row.version + 1, updatedAt: now });
  });
}
