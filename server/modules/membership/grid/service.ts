import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import type {
  OrganiserAccounts,
  OrganiserAccountsQuery,
  Organiser,
  OrganiserInput,
  OrganiserListQuery,
  organiserPageSchema,
  OrganiserUpdate,
} from '../../../../contracts/membership/grid.js';
import { regionWithin } from '../../../../contracts/regions.js';
import { writeAudit } from '../../../core/audit.js';
import { assertInScope, requirePermission, type Actor, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { errors } from '../../../core/errors.js';
import { offsetOf, splitPage } from '../../../core/paging.js';
import type { DbOrTx } from '../../../db/client.js';
import { isUniqueViolation } from '../../../db/errors.js';
import { accountRepo } from '../../accounts/repository.js';
import { organizationById } from '../../organizations/service.js';
import { regionRepo } from '../../regions/repository.js';
import { gridRepo, type OrganiserRecord } from './repository.js';
import { joinUrlOf } from './links.js';

/*
 * The grid's organisers, kept by staff with membership:manage in their region (areas.ts: the
 * areas, the same way): each change one locked, versioned write with its audit record; an
 * organiser with anything on record is kept (stopped instead of deleted).
 */

export const organiserNotFound = () => errors.notFound('组织员', 'Organiser');
export const changedMeanwhile = () =>
  errors.conflict('该记录已被他人修改，请刷新后重试', 'The record changed meanwhile; reload and retry', 'version');

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** 'O' and seven base32 characters: 34 billion codes, short enough to type from a poster. */
export function newOrganiserCode(): string {
  return `O${Array.from({ length: 7 }, () => BASE32[randomInt(32)]).join('')}`;
}

export function organiserAnswer(deps: Deps, row: OrganiserRecord): Organiser {
  return { ...row, active: row.active === 1, joinUrl: joinUrlOf(deps, row.organizationCode, row.code) };
}

/** The organization and the record's region: the region within the organization's and the actor's. */
export async function placeOf(db: DbOrTx, actor: Actor, organizationId: string, regionCode: string | undefined) {
  const organization = await organizationById(db, organizationId);
  if (!organization)
    throw errors.validation('organizationId', '工会组织不存在', 'The union organization does not exist');
  const region = regionCode ?? organization.regionCode;
  if (!region) throw errors.validation('regionCode', '请选择所在地区', 'Choose the region');
  if (!(await regionRepo.byCode(db, region)))
    throw errors.validation('regionCode', '行政区划代码不存在', 'Unknown region code');
  if (!regionWithin(region, organization.regionCode))
    throw errors.validation(
      'regionCode',
      '所在地区须在该工会组织的地区之内',
      'The region must lie within the union organization’s region',
    );
  assertInScope(actor, region);
  return region;
}

async function checkAccount(db: DbOrTx, actor: Actor, accountId: string, organiserId: string | null) {
  const account = await accountRepo.raw(db, accountId);
  if (
    !account ||
    account.status !== 'active' ||
    !account.roles.includes('union_organiser') ||
    !regionWithin(account.regionCode, actor.regionCode)
  )
    throw errors.validation(
      'accountId',
      '该账号不是本地区在用的工会组织员账号',
      'This is not an active union organiser account of your region',
    );
  const linked = await gridRepo.organiserOfAccount(db, accountId);
  if (linked && linked.id !== organiserId) throw accountTaken();
}

const accountTaken = () =>
  errors.conflict('该账号已关联其他组织员', 'This account is already linked to another organiser', 'accountId');

/** The account link is unique in the database too: two links made at once cannot both stand. */
async function accountUnique<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (isUniqueViolation(e)) throw accountTaken();
    throw e;
  }
}

async function organiserValues(db: DbOrTx, actor: Actor, input: OrganiserInput, organiserId: string | null) {
  const regionCode = await placeOf(db, actor, input.organizationId, input.regionCode);
  if (input.accountId) await checkAccount(db, actor, input.accountId, organiserId);
  return {
    name: input.name,
    phone: input.phone ?? null,
    organizationId: input.organizationId,
    regionCode,
    accountId: input.accountId ?? null,
    active: input.active ? 1 : 0,
  };
}

export async function listOrganisers(
  deps: Deps,
  ctx: Ctx,
  query: OrganiserListQuery,
): Promise<z.infer<typeof organiserPageSchema>> {
  const actor = requirePermission(ctx, 'membership:read');
  const { page, filter } = splitPage(query);
  const { items, total } = await gridRepo.organiserList(
    deps.db,
    { ...filter, scope: actor.regionCode },
    page.pageSize,
    offsetOf(page),
  );
  return { items: items.map((row) => organiserAnswer(deps, row)), total, ...page };
}

/** Active union_organiser accounts of the region, by name: what the organiser form links to. */
export async function organiserAccounts(
  deps: Deps,
  ctx: Ctx,
  query: OrganiserAccountsQuery,
): Promise<OrganiserAccounts> {
  const actor = requirePermission(ctx, 'membership:manage');
  const { items } = await accountRepo.list(
    deps.db,
    { scope: actor.regionCode, q: query.q, role: 'union_organiser', status: 'active' },
    ORGANISER_ACCOUNT_CHOICES,
    0,
  );
  return { items: items.map(({ id, username, displayName }) => ({ id, username, displayName })) };
}

const ORGANISER_ACCOUNT_CHOICES = 20;

export async function getOrganiser(deps: Deps, ctx: Ctx, id: string): Promise<Organiser> {
  const actor = requirePermission(ctx, 'membership:read');
  const row = await gridRepo.organiserById(deps.db, id);
  if (!row) throw organiserNotFound();
  assertInScope(actor, row.regionCode);
  return organiserAnswer(deps, row);
}

export async function createOrganiser(deps: Deps, ctx: Ctx, input: OrganiserInput): Promise<Organiser> {
  const actor = requirePermission(ctx, 'membership:manage');
  const id = await deps.db.transaction(async (tx) => {
    const values = await organiserValues(tx, actor, input, null);
    // A drawn code already taken is drawn again; five misses in 34 billion codes means a bug.
    for (let draw = 0; draw < 5; draw++) {
      const row = await accountUnique(() => gridRepo.insertOrganiser(tx, { ...values, code: newOrganiserCode() }));
      if (!row) continue;
      await writeAudit(tx, ctx, {
        action: 'membership_organiser.created',
        entityType: 'membership_organiser',
        entityId: row.id,
        regionCode: row.regionCode,
        after: row,
      });
      return row.id;
    }
    throw new Error('no free organiser code after five draws');
  });
  return getOrganiser(deps, ctx, id);
}

/** The one write of an organiser: locked, at the version the user read, with its audit record. */
export async function updateOrganiser(deps: Deps, ctx: Ctx, id: string, input: OrganiserUpdate): Promise<Organiser> {
  const actor = requirePermission(ctx, 'membership:manage');
  await deps.db.transaction(async (tx) => {
    const before = await gridRepo.lockOrganiser(tx, id);
    if (!before) throw organiserNotFound();
    assertInScope(actor, before.regionCode);
    if (before.version !== input.version) throw changedMeanwhile();
    const values = await organiserValues(tx, actor, input, id);
    const after = await accountUnique(() =>
      gridRepo.updateOrganiser(tx, id, { ...values, version: before.version + 1, updatedAt: deps.now() }),
    );
    await writeAudit(tx, ctx, {
      action: 'membership_organiser.updated',
      entityType: 'membership_organiser',
      entityId: id,
      regionCode: after.regionCode,
      before,
      after,
    });
  });
  return getOrganiser(deps, ctx, id);
}

export async function deleteOrganiser(deps: Deps, ctx: Ctx, id: string, version: number): Promise<{ deleted: true }> {
  const actor = requirePermission(ctx, 'membership:manage');
  await deps.db.transaction(async (tx) => {
    const before = await gridRepo.lockOrganiser(tx, id);
    if (!before) throw organiserNotFound();
    assertInScope(actor, before.regionCode);
    if (before.version !== version) throw changedMeanwhile();
    if (await gridRepo.organiserInUse(tx, id))
      throw errors.conflict(
        '该组织员已有网格、走访或入会记录，不能删除，可改为停用',
        'This organiser has areas, visits or joins on record and cannot be deleted; stop them instead',
        'active',
      );
    await gridRepo.deleteOrganiser(tx, id);
    await writeAudit(tx, ctx, {
      action: 'membership_organiser.deleted',
      entityType: 'membership_organiser',
      entityId: id,
      regionCode: before.regionCode,
      before,
    });
  });
  return { deleted: true };
}
