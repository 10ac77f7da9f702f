import type { z } from 'zod';
import type {
  AccountCreate,
  AccountUpdate,
  accountPageSchema,
  accountPasswordSchema,
  accountSchema,
} from '../../../contracts/accounts.js';
import { ROLE_PERMISSIONS, type Permission, type Role } from '../../../contracts/roles.js';
import { writeAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { assertInScope, requirePermission } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import { AppError, errors } from '../../core/errors.js';
import { offsetOf, splitPage } from '../../core/paging.js';
import { forgetAccountFailures } from '../auth/login-limits.js';
import { hashPassword, passwordProblem } from '../auth/password.js';
import { regionRepo } from '../regions/repository.js';
import { assertLinksAllowed } from './links.js';
import { accountRepo, sessionRepo } from './repository.js';
import type { AccountListQuery } from './schemas.js';

type AccountAnswer = z.infer<typeof accountSchema>;
type Row = NonNullable<Awaited<ReturnType<typeof accountRepo.byId>>>;

function toDto(row: Row, now: Date): AccountAnswer {
  const { pausedUntil, lastLoginAt, ...rest } = row;
  return {
    ...rest,
    locked: !!pausedUntil && new Date(pausedUntil) > now,
    lastLoginAt: lastLoginAt?.toISOString() ?? null,
  };
}

export async function listAccounts(
  deps: Deps,
  ctx: Ctx,
  query: AccountListQuery,
): Promise<z.infer<typeof accountPageSchema>> {
  const actor = requirePermission(ctx, 'accounts:manage');
  const { page, filter } = splitPage(query);
  const { items, total } = await accountRepo.list(
    deps.db,
    { ...filter, scope: actor.regionCode },
    page.pageSize,
    offsetOf(page),
  );
  return { items: items.map((r) => toDto(r, deps.now())), total, ...page };
}

export async function getAccount(deps: Deps, ctx: Ctx, id: string): Promise<AccountAnswer> {
  const actor = requirePermission(ctx, 'accounts:manage');
  const row = await accountRepo.byId(deps.db, id);
  if (!row) throw errors.notFound('账号', 'Account');
  if (row.regionCode || actor.regionCode) assertInScope(actor, row.regionCode);
  return toDto(row, deps.now());
}

type Before = NonNullable<Awaited<ReturnType<typeof accountRepo.raw>>>;

/**
 * Nobody hands out a wider scope than their own: the account's region and every record it is
 * linked to (as it will be after the change) must lie inside the editor's region.
 */
async function checkScope(deps: Deps, ctx: Ctx, input: AccountUpdate, before: Before | null) {
  const actor = requirePermission(ctx, 'accounts:manage');
  if (input.regionCode && !(await regionRepo.byCode(deps.db, input.regionCode)))
    throw errors.validation('regionCode', '行政区划代码不存在', 'Unknown region code');
  if (actor.regionCode) {
    if (!input.regionCode) throw errors.validation('regionCode', '请选择账号的管辖区域', 'Choose the account region');
    assertInScope(actor, input.regionCode);
  }
  if (input.roles.includes('system_admin') && !actor.roles.includes('system_admin')) throw errors.forbidden();
  // A link left out of an update stays as it was (and is checked as it stays).
  const kept = <K extends 'organizationId' | 'courtId' | 'employerId' | 'personId'>(k: K) =>
    input[k] === undefined ? (before?.[k] ?? null) : input[k];
  await assertLinksAllowed(deps.db, actor, {
    regionCode: input.regionCode,
    organizationId: kept('organizationId'),
    courtId: kept('courtId'),
    employerId: kept('employerId'),
    personId: kept('personId'),
  });
}

export async function createAccount(deps: Deps, ctx: Ctx, input: AccountCreate): Promise<AccountAnswer> {
  await checkScope(deps, ctx, input, null);
  const problem = passwordProblem(input.password);
  if (problem) throw errors.validation('password', problem.zh, problem.en);
  if (await accountRepo.byUsernameOrPhone(deps.db, input.username, input.phone))
    throw errors.conflict('用户名或手机号已被使用', 'Username or phone already in use', 'username');
  const { password, ...rest } = input;
  const passwordHash = await hashPassword(password);
  const id = await deps.db.transaction(async (tx) => {
    const row = await accountRepo.insert(tx, { ...rest, phone: rest.phone ?? null, passwordHash });
    if (!row) throw new AppError('INTERNAL', '创建失败', 'Create failed');
    await writeAudit(tx, ctx, {
      action: 'account.created',
      entityType: 'account',
      entityId: row.id,
      regionCode: row.regionCode,
      after: row,
    });
    return row.id;
  });
  return getAccount(deps, ctx, id);
}

export async function updateAccount(deps: Deps, ctx: Ctx, id: string, input: AccountUpdate): Promise<AccountAnswer> {
  requirePermission(ctx, 'accounts:manage');
  const before = await accountRepo.raw(deps.db, id);
  if (!before) throw errors.notFound('账号', 'Account');
  await getAccount(deps, ctx, id);
  await checkScope(deps, ctx, input, before);
  if (input.phone && input.phone !== before.phone) {
    const clash = await accountRepo.byUsernameOrPhone(deps.db, before.username, input.phone);
    if (clash && clash.id !== id) throw errors.conflict('手机号已被使用', 'Phone already in use', 'phone');
  }
  await deps.db.transaction(async (tx) => {
    const after = await accountRepo.update(tx, id, { ...input, phone: input.phone ?? null, updatedAt: deps.now() });
    // A disabled account or changed roles take effect at once: its sessions end.
    if (input.status === 'disabled' || before.roles.join() !== input.roles.join())
      await sessionRepo.removeAllOf(tx, id);
    await writeAudit(tx, ctx, {
      action: 'account.updated',
      entityType: 'account',
      entityId: id,
      regionCode: input.regionCode,
      before,
      after,
    });
  });
  return getAccount(deps, ctx, id);
}

/** An administrator sets a new password: the account's sessions end and its sign-in pauses are lifted. */
export async function resetPassword(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: z.infer<typeof accountPasswordSchema>,
): Promise<AccountAnswer> {
  await getAccount(deps, ctx, id);
  const problem = passwordProblem(input.password);
  if (problem) throw errors.validation('password', problem.zh, problem.en);
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction(async (tx) => {
    await accountRepo.update(tx, id, { passwordHash, failedLogins: 0, lockedUntil: null, updatedAt: deps.now() });
    await sessionRepo.removeAllOf(tx, id);
    await forgetAccountFailures(tx, id);
    await writeAudit(tx, ctx, { action: 'account.password_reset', entityType: 'account', entityId: id });
  });
  return getAccount(deps, ctx, id);
}

/**
 * The active accounts that hold a permission (by their roles), with phone and region: whom a
 * module tells about work waiting in their region (fee-refund deadlines). Read-only.
 */
export async function accountsWithPermission(deps: Pick<Deps, 'db'>, permission: Permission) {
  const roles = (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((r) => ROLE_PERMISSIONS[r].includes(permission));
  return accountRepo.activeWithRoles(deps.db, roles);
}
