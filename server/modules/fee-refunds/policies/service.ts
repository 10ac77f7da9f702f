import { randomBytes } from 'node:crypto';
import type { PolicyBody, PolicyVersionView } from '../../../../contracts/fee-refunds/policies.js';
import { regionWithin } from '../../../../contracts/regions.js';
import { writeAudit } from '../../../core/audit.js';
import { assertInScope, requirePermission, systemCtx, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { AppError, errors } from '../../../core/errors.js';
import { regionFullName, regionFullNames } from '../../regions/service.js';
import { checkPolicyVersions, SEED_POLICY_VERSIONS, type FeePolicyVersion } from '../rules/policy.js';
import { runRepo } from '../runs/repository.js';
import { feePolicyRepo, type PolicyRow } from './repository.js';

/*
 * Refund policy versions are data (table fee_policy_versions). Every installation starts with the
 * seeded ones (rules/policy.ts: Jiangsu 2020–2024), in force. Staff add the rest:
 * - a maker (fee_refunds:run) drafts a version and may edit or discard it while it is a draft;
 * - a checker (fee_refunds:approve) who did not write it puts it in force, if it overlaps no
 *   version of the same region in force and no run has computed a collection it would govern
 *   (a policy applies to what is computed after it, never to money already counted);
 * - a version in force is never edited: the ledger names it for every collection computed under
 *   it. A checker may end it earlier, down to the last tax period computed under it.
 * Each step is audited with the version before and after.
 */

/** The seeded versions, inserted once with an audit record; a stored version is never overwritten. */
export async function ensureFeePolicies(deps: Pick<Deps, 'db' | 'now'>): Promise<void> {
  const problems = checkPolicyVersions(SEED_POLICY_VERSIONS);
  if (problems.length) throw new Error(`fee policy seed: ${problems.map((p) => p.en).join('; ')}`);
  await deps.db.transaction(async (tx) => {
    const inserted = await feePolicyRepo.insertMissing(tx, SEED_POLICY_VERSIONS, deps.now());
    for (const id of inserted) {
      const version = SEED_POLICY_VERSIONS.find((v) => v.id === id)!;
      await writeAudit(tx, systemCtx('reference-data'), {
        action: 'fee_policy.seeded',
        entityType: 'fee_policy_version',
        entityId: id,
        regionCode: version.regionCode,
        after: version,
      });
    }
  });
}

/** The versions in force, for the refund rules (policyInForce, policySegments). */
export async function storedFeePolicies(deps: Pick<Deps, 'db'>): Promise<FeePolicyVersion[]> {
  return feePolicyRepo.active(deps.db);
}

const bodyOf = ({ id: _id, ...body }: FeePolicyVersion): PolicyBody => body as PolicyBody;

/** The versions that govern the caller's region (those above it) and those inside it. */
export async function listPolicyVersions(deps: Deps, ctx: Ctx): Promise<PolicyVersionView[]> {
  const actor = requirePermission(ctx, 'fee_refunds:read');
  const scope = actor.regionCode;
  const rows = (await feePolicyRepo.listed(deps.db)).filter(
    ({ row }) => regionWithin(row.regionCode, scope) || (scope !== null && regionWithin(scope, row.regionCode)),
  );
  const names = await regionFullNames(
    deps.db,
    rows.map(({ row }) => row.regionCode),
  );
  return rows.map(({ row, drafterName, approverName }) => ({
    id: row.id,
    status: row.status,
    version: row.version,
    regionName: names.get(row.regionCode) ?? row.regionCode,
    policy: bodyOf(row.policy),
    draftedBy: row.draftedBy ? { id: row.draftedBy, name: drafterName ?? '' } : null,
    approvedBy: row.approvedBy ? { id: row.approvedBy, name: approverName ?? '' } : null,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  }));
}

async function viewOf(deps: Deps, ctx: Ctx, id: string): Promise<PolicyVersionView> {
  const view = (await listPolicyVersions(deps, ctx)).find((v) => v.id === id);
  if (!view) throw errors.notFound('返还政策版本', 'Refund policy version');
  return view;
}

/** The region must exist and be the caller's; the version must pass the rules' own check. */
async function checkedBody(deps: Deps, ctx: Ctx, body: PolicyBody, id: string): Promise<FeePolicyVersion> {
  const actor = requirePermission(ctx, 'fee_refunds:run');
  assertInScope(actor, body.regionCode);
  if ((await regionFullName(deps.db, body.regionCode)) === null)
    throw errors.validation('regionCode', '没有这个行政区划代码', 'There is no region with this code');
  const version: FeePolicyVersion = { id, ...body };
  const [problem] = checkPolicyVersions([version]);
  if (problem) throw new AppError('VALIDATION', problem.zh, problem.en, 'policy');
  return version;
}

/** The stored draft or version in force the caller may act on (not found outside their region). */
async function visible(deps: Deps, ctx: Ctx, id: string): Promise<PolicyRow> {
  const actor = requirePermission(ctx, 'fee_refunds:read');
  const row = await feePolicyRepo.get(deps.db, id);
  if (!row || !regionWithin(row.regionCode, actor.regionCode))
    throw errors.notFound('返还政策版本', 'Refund policy version');
  return row;
}

const stale = () =>
  errors.conflict(
    '该政策版本已被他人修改，请刷新后重试',
    'Someone changed this policy version since you opened it; reload and try again',
    'version',
  );

const notDraft = () =>
  errors.conflict(
    '已生效的政策版本不能修改或删除（已按它计算的返还以它为准）；可以提前终止它，再起草新版本',
    'A version in force cannot be edited or deleted (refunds computed under it rest on it); end it earlier and draft a new one',
    'status',
  );

export async function draftPolicyVersion(deps: Deps, ctx: Ctx, body: PolicyBody): Promise<PolicyVersionView> {
  const id = `${body.regionCode}-${body.effectiveFrom}-${randomBytes(4).toString('hex')}`;
  const version = await checkedBody(deps, ctx, body, id);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await feePolicyRepo.insert(tx, {
      id,
      regionCode: version.regionCode,
      effectiveFrom: version.effectiveFrom,
      effectiveTo: version.effectiveTo,
      policy: version,
      status: 'draft',
      draftedBy: ctx.actor!.accountId,
      createdAt: now,
      updatedAt: now,
    });
    await writeAudit(tx, ctx, {
      action: 'fee_policy.drafted',
      entityType: 'fee_policy_version',
      entityId: id,
      regionCode: version.regionCode,
      after: version,
    });
  });
  return viewOf(deps, ctx, id);
}

export async function editPolicyVersion(
  deps: Deps,
  ctx: Ctx,
  id: string,
  readAt: number,
  body: PolicyBody,
): Promise<PolicyVersionView> {
  const before = await visible(deps, ctx, id);
  const version = await checkedBody(deps, ctx, body, id);
  if (before.status !== 'draft') throw notDraft();
  await deps.db.transaction(async (tx) => {
    const written = await feePolicyRepo.update(tx, id, readAt, {
      regionCode: version.regionCode,
      effectiveFrom: version.effectiveFrom,
      effectiveTo: version.effectiveTo,
      policy: version,
      draftedBy: ctx.actor!.accountId,
      updatedAt: deps.now(),
    });
    if (!written) throw stale();
    await writeAudit(tx, ctx, {
      action: 'fee_policy.edited',
      entityType: 'fee_policy_version',
      entityId: id,
      regionCode: version.regionCode,
      before: before.policy,
      after: version,
    });
  });
  return viewOf(deps, ctx, id);
}

export async function discardPolicyVersion(deps: Deps, ctx: Ctx, id: string, readAt: number): Promise<void> {
  const actor = requirePermission(ctx, 'fee_refunds:run');
  const before = await visible(deps, ctx, id);
  assertInScope(actor, before.regionCode);
  if (before.status !== 'draft') throw notDraft();
  await deps.db.transaction(async (tx) => {
    if (!(await feePolicyRepo.deleteDraft(tx, id, readAt))) throw stale();
    await writeAudit(tx, ctx, {
      action: 'fee_policy.discarded',
      entityType: 'fee_policy_version',
      entityId: id,
      regionCode: before.regionCode,
      before: before.policy,
    });
  });
}

/**
 * Puts a draft in force. Refused to the person who last wrote it, when it overlaps a version of
 * the same region in force, and when a run has already computed a collection of its region whose
 * tax period it would govern.
 */
export async function activatePolicyVersion(
  deps: Deps,
  ctx: Ctx,
  id: string,
  readAt: number,
): Promise<PolicyVersionView> {
  const actor = requirePermission(ctx, 'fee_refunds:approve');
  const draft = await visible(deps, ctx, id);
  assertInScope(actor, draft.regionCode);
  if (draft.status !== 'draft')
    throw errors.conflict('该政策版本已经生效', 'This policy version is already in force', 'status');
  if (draft.draftedBy === actor.accountId)
    throw new AppError(
      'FORBIDDEN',
      '不能批准自己起草或修改的政策版本，须由另一位复核人批准',
      'You cannot put in force a version you drafted or edited; another checker must',
    );
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    // Runs of the province wait (and this waits for one under way): what they compute and the
    // versions in force cannot change under each other.
    await runRepo.lockProvince(tx, draft.regionCode.slice(0, 2));
    await feePolicyRepo.lockVersions(tx);
    const [overlap] = checkPolicyVersions([...(await feePolicyRepo.active(tx)), draft.policy]);
    if (overlap) throw errors.conflict(overlap.zh, overlap.en, 'effectiveFrom');
    if (await feePolicyRepo.computedWithin(tx, draft.regionCode, draft.effectiveFrom, draft.effectiveTo))
      throw errors.conflict(
        '该地区在此期间已有按现行政策计算的返还，新政策不能追溯适用；请把起始日期定在尚未计算的税款所属期',
        'Refunds of this region in this period were already computed under the policy in force; a new version cannot apply to them. Start it at a tax period not yet computed',
        'effectiveFrom',
      );
    const written = await feePolicyRepo.update(tx, id, readAt, {
      status: 'active',
      approvedBy: actor.accountId,
      approvedAt: now,
      updatedAt: now,
    });
    if (!written) throw stale();
    await writeAudit(tx, ctx, {
      action: 'fee_policy.activated',
      entityType: 'fee_policy_version',
      entityId: id,
      regionCode: draft.regionCode,
      before: { status: 'draft' },
      after: { status: 'active', policy: draft.policy },
    });
  });
  return viewOf(deps, ctx, id);
}

/**
 * Ends a version in force earlier (a new policy starts, the old one stops): its last day moves
 * back, never forward and never before the last tax period a run computed under it.
 */
export async function closePolicyVersion(
  deps: Deps,
  ctx: Ctx,
  id: string,
  readAt: number,
  effectiveTo: string,
): Promise<PolicyVersionView> {
  const actor = requirePermission(ctx, 'fee_refunds:approve');
  const row = await visible(deps, ctx, id);
  assertInScope(actor, row.regionCode);
  if (row.status !== 'active')
    throw errors.conflict(
      '草稿可以直接修改截止日期，无需终止',
      'A draft is edited, not ended: change its end date',
      'status',
    );
  if (effectiveTo < row.effectiveFrom)
    throw errors.validation('effectiveTo', '截止日期早于起始日期', 'The end is before the start');
  if (row.effectiveTo !== null && effectiveTo >= row.effectiveTo)
    throw errors.validation(
      'effectiveTo',
      `只能提前终止：新的截止日期应早于 ${row.effectiveTo}`,
      `A version can only end earlier: the new end must be before ${row.effectiveTo}`,
    );
  await deps.db.transaction(async (tx) => {
    await runRepo.lockProvince(tx, row.regionCode.slice(0, 2));
    const computedUntil = await feePolicyRepo.computedAfter(tx, id, effectiveTo);
    if (computedUntil !== null)
      throw errors.conflict(
        `已有税款所属期至 ${computedUntil} 的征收按该版本计算，截止日期不能早于此日`,
        `Collections with tax periods up to ${computedUntil} were computed under this version; it cannot end before that day`,
        'effectiveTo',
      );
    const written = await feePolicyRepo.update(tx, id, readAt, {
      effectiveTo,
      policy: { ...row.policy, effectiveTo },
      updatedAt: deps.now(),
    });
    if (!written) throw stale();
    await writeAudit(tx, ctx, {
      action: 'fee_policy.closed',
      entityType: 'fee_policy_version',
      entityId: id,
      regionCode: row.regionCode,
      before: { effectiveTo: row.effectiveTo },
      after: { effectiveTo },
    });
  });
  return viewOf(deps, ctx, id);
}
