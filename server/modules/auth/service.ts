import { permissionsOf } from '../../../contracts/roles.js';
import type { z } from 'zod';
import type { ChangePasswordBody, LoginBody, Me, okSchema } from '../../../contracts/auth.js';
import { writeAudit } from '../../core/audit.js';
import type { Actor, Ctx } from '../../core/context.js';
import { requireActor } from '../../core/context.js';
import { randomToken, sha256Hex } from '../../core/crypto.js';
import type { Deps } from '../../core/deps.js';
import { AppError, errors } from '../../core/errors.js';
import { accountRepo, sessionRepo } from '../accounts/repository.js';
import type { accounts } from '../accounts/tables.js';
import { regionRepo } from '../regions/repository.js';
import { rateLimited, waitText, type LimitResult } from '../limits/service.js';
import { admit, loginLimits, succeeded } from './login-limits.js';
import { hashPassword, passwordProblem, verifyPassword } from './password.js';

export interface SessionInfo {
  actor: Actor;
  csrfToken: string;
  tokenHash: string;
}

/** A sign-in: the cookie's token (for the route to set) and who signed in. */
export interface SignedIn {
  token: string;
  me: Me;
}

const badCredentials = () => new AppError('BAD_CREDENTIALS', '用户名或密码错误', 'Wrong username or password');

/** The same status and code as a wrong password: a pause must not tell that the name exists. */
function signInPaused(result: LimitResult): AppError {
  const wait = waitText(result.retryAfterSec);
  return new AppError(
    'BAD_CREDENTIALS',
    `用户名或密码错误，或因多次登录失败已暂停登录，请${wait.zh}后再试`,
    `Wrong username or password, or sign-in is paused after repeated failures; try again in ${wait.en}`,
  );
}

/**
 * Signs in by username or phone. The attempt is counted against the sign-in limits before the
 * password is checked (see login-limits.ts); unknown names are counted and answered exactly
 * like real ones.
 */
export async function login(deps: Deps, ctx: Ctx, input: LoginBody, userAgent: string | undefined): Promise<SignedIn> {
  const { db, config } = deps;
  const { username, password } = input;
  const now = deps.now();
  const found = await accountRepo.bySignInName(db, username);
  const limits = loginLimits(config, found ? { accountId: found.id } : { typedName: username }, ctx.ip ?? 'unknown');
  const admission = await admit(db, now, limits);
  if (!admission.allowed) {
    if (admission.by === 'address') throw rateLimited(admission.result, { zh: '登录尝试', en: 'sign-in attempts' });
    throw signInPaused(admission.result);
  }
  const account = found?.status === 'active' ? found : null;
  // Without an account, verify against a throwaway hash anyway so that timing does not reveal which names exist.
  const ok = account
    ? await verifyPassword(account.passwordHash, password)
    : await verifyPassword(await dummyHash(), password).then(() => false);
  if (!account || !ok) {
    if (found) {
      await db.transaction(async (tx) => {
        await writeAudit(tx, ctx, { action: 'auth.login_failed', entityType: 'account', entityId: found.id });
        // This failure spent the allowance: the next attempt is refused.
        if (admission.pair.remaining === 0)
          await writeAudit(tx, ctx, {
            action: 'auth.locked',
            entityType: 'account',
            entityId: found.id,
            after: { scope: 'address', ip: ctx.ip },
          });
        if (admission.account.remaining === 0)
          await writeAudit(tx, ctx, {
            action: 'auth.locked',
            entityType: 'account',
            entityId: found.id,
            after: { scope: 'account' },
          });
      });
    }
    throw badCredentials();
  }
  await succeeded(db, limits);
  const token = randomToken();
  const csrfToken = randomToken(24);
  const actor = actorOf(account);
  await db.transaction(async (tx) => {
    await sessionRepo.insert(tx, {
      tokenHash: sha256Hex(token),
      accountId: account.id,
      csrfToken,
      expiresAt: new Date(now.getTime() + config.sessionTtlHours * 3600_000),
      ip: ctx.ip,
      userAgent: userAgent?.slice(0, 256) ?? null,
    });
    await accountRepo.update(tx, account.id, { lastLoginAt: now });
    await writeAudit(tx, { ...ctx, actor }, { action: 'auth.login', entityType: 'account', entityId: account.id });
  });
  return { token, me: await describe(deps, actor, csrfToken) };
}

let dummy: Promise<string> | null = null;
function dummyHash(): Promise<string> {
  dummy ??= hashPassword('timing-equaliser-0');
  return dummy;
}

type AccountRow = typeof accounts.$inferSelect;

export function actorOf(account: AccountRow): Actor {
  return {
    accountId: account.id,
    username: account.username,
    displayName: account.displayName,
    roles: account.roles,
    permissions: permissionsOf(account.roles),
    regionCode: account.regionCode,
    organizationId: account.organizationId,
    courtId: account.courtId,
    employerId: account.employerId,
    personId: account.personId,
  };
}

/** Looks up a live session by its cookie token; null when missing, expired or disabled. */
export async function resolveSession(deps: Deps, token: string): Promise<SessionInfo | null> {
  const tokenHash = sha256Hex(token);
  const row = await sessionRepo.live(deps.db, tokenHash, deps.now());
  if (!row || row.account.status !== 'active') return null;
  return { actor: actorOf(row.account), csrfToken: row.session.csrfToken, tokenHash };
}

/** Ends the request's session, if it has one. */
export async function logout(deps: Deps, ctx: Ctx, session: SessionInfo | null): Promise<z.infer<typeof okSchema>> {
  if (session)
    await deps.db.transaction(async (tx) => {
      await sessionRepo.remove(tx, session.tokenHash);
      await writeAudit(tx, ctx, { action: 'auth.logout', entityType: 'account', entityId: ctx.actor?.accountId });
    });
  return { ok: true };
}

/** Who is signed in on this session. */
export async function me(deps: Deps, ctx: Ctx, session: SessionInfo | null): Promise<Me> {
  if (!session) throw errors.unauthenticated();
  return describe(deps, requireActor(ctx), session.csrfToken);
}

async function describe(deps: Deps, actor: Actor, csrfToken: string): Promise<Me> {
  const region = actor.regionCode ? await regionRepo.byCode(deps.db, actor.regionCode) : null;
  return {
    id: actor.accountId,
    username: actor.username,
    displayName: actor.displayName,
    roles: actor.roles,
    permissions: [...actor.permissions],
    regionCode: actor.regionCode,
    regionName: region?.fullName ?? null,
    organizationId: actor.organizationId,
    courtId: actor.courtId,
    employerId: actor.employerId,
    csrfToken,
  };
}

/** Changing the password ends every other session of the account. */
export async function changePassword(
  deps: Deps,
  ctx: Ctx,
  session: SessionInfo | null,
  input: ChangePasswordBody,
): Promise<z.infer<typeof okSchema>> {
  if (!session) throw errors.unauthenticated();
  const { currentPassword: current, newPassword: next } = input;
  const actor = requireActor(ctx);
  const account = await accountRepo.raw(deps.db, actor.accountId);
  if (!account || !(await verifyPassword(account.passwordHash, current))) {
    throw new AppError('VALIDATION', '当前密码不正确', 'Current password is wrong', 'currentPassword');
  }
  const problem = passwordProblem(next);
  if (problem) throw new AppError('VALIDATION', problem.zh, problem.en, 'newPassword');
  if (current === next)
    throw new AppError(
      'VALIDATION',
      '新密码不能与当前密码相同',
      'New password must differ from the current one',
      'newPassword',
    );
  const passwordHash = await hashPassword(next);
  await deps.db.transaction(async (tx) => {
    await accountRepo.update(tx, account.id, {
      passwordHash,
      passwordChangedAt: deps.now(),
      updatedAt: deps.now(),
    });
    await sessionRepo.removeOthersOf(tx, account.id, session.tokenHash);
    await writeAudit(tx, ctx, { action: 'account.password_changed', entityType: 'account', entityId: account.id });
  });
  return { ok: true };
}
