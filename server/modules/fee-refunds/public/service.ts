import type {
  FeeCodeRequest,
  FeeCodeVerify,
  FeeEnterpriseRefundsQuery,
} from '../../../../contracts/fee-refunds/public.js';
import { todayInChina } from '../../../../contracts/dates.js';
import { requireActor, type Ctx } from '../../../core/context.js';
import { sha256Hex, type FieldCipher } from '../../../core/crypto.js';
import type { Deps } from '../../../core/deps.js';
import { AppError, errors } from '../../../core/errors.js';
import { newLinkToken, newSmsCode, sameHash } from '../../../core/one-time-codes.js';
import { offsetOf, splitPage } from '../../../core/paging.js';
import { employerContactById, employerContactByUscc } from '../../employers/service.js';
import { clear, consume, consumeAll, enforce, wrongCodeRefusal, wrongCodesLockout } from '../../limits/service.js';
import { notifyCode } from '../../notifications/service.js';
import { lineViews } from '../runs/lines.js';
import { lineRepo } from '../runs/batch-repository.js';
import { CODE_TTL_MS, SESSION_TTL_MS, codeAttemptLimits, codeRequestLimits, phoneLimits } from './limits.js';
import { accessRepo } from './repository.js';
import { enterpriseLine } from './view.js';

/*
 * An enterprise reads its own refunds without an account: its USCC, then a code texted to the
 * contact phone the employers register has for it, then a half-hour session. Every answer to a
 * code request is the same, registered or not, with or without a phone: no phone hint is given
 * (it would confirm the USCC is registered and show part of the number). The limits count
 * before the lookup; the attempts per USCC, whichever code they try.
 */

const MAX_CODE_ATTEMPTS = 5;
const CODE_REQUESTS = { zh: '获取验证码', en: 'code requests' };

/**
 * A code as stored: an HMAC-SHA256 under the server's key (a plain hash of six digits is undone
 * by hashing all million), bound to the USCC and the expiry so the same digits differ when sent twice.
 */
function codeHash(cipher: FieldCipher, uscc: string, expiresAt: Date, code: string): string {
  return cipher.searchHash(`fee-refund-code:v1:${uscc}:${expiresAt.toISOString()}:${code}`);
}

/** POST /api/public/fee-refunds/request-code: the same answer whatever the USCC. */
export async function requestEnterpriseCode(deps: Deps, ctx: Ctx, body: FeeCodeRequest) {
  for (const stage of codeRequestLimits(body.uscc, ctx.ip)) await enforce(deps.db, deps.now(), stage, CODE_REQUESTS);
  const employer = await employerContactByUscc(deps.db, body.uscc);
  const phone = employer?.contactPhone;
  if (!employer || !phone) return { sent: true as const };
  // The phone's allowance, spent: not sent, and not said (a refusal would show the USCC has a phone).
  if (!(await consumeAll(deps.db, deps.now(), phoneLimits(phone))).allowed) return { sent: true as const };
  const code = newSmsCode();
  const expiresAt = new Date(deps.now().getTime() + CODE_TTL_MS);
  await deps.db.transaction(async (tx) => {
    await accessRepo.store(tx, employer.uscc, 'code', codeHash(deps.cipher, employer.uscc, expiresAt, code), expiresAt);
    await notifyCode(tx, deps, {
      channel: 'sms',
      recipient: phone,
      template: 'fee_refunds.enterprise_code',
      variables: { code },
      topic: `employer:${employer.id}`,
    });
  });
  return { sent: true as const };
}

/**
 * POST /api/public/fee-refunds/verify. Every attempt counts against the USCC before the code is
 * checked (an unknown USCC too, answered like a wrong code); a locked USCC refuses even the right
 * code until the lock ends; a right code clears the count and opens a session.
 */
export async function verifyEnterpriseCode(deps: Deps, ctx: Ctx, body: FeeCodeVerify) {
  const { usccLimit, addressLimit } = codeAttemptLimits(body.uscc, ctx.ip);
  const byAddress = await consume(deps.db, deps.now(), addressLimit);
  if (!byAddress.allowed) throw wrongCodesLockout(byAddress);
  const byUscc = await consume(deps.db, deps.now(), usccLimit);
  if (!byUscc.allowed) throw wrongCodesLockout(byUscc);
  const open = await accessRepo.latestOpenCode(deps.db, body.uscc, deps.now());
  if (!open || open.attempts >= MAX_CODE_ATTEMPTS) throw wrongCodeRefusal(byUscc.remaining);
  if (!sameHash(open.tokenHash, codeHash(deps.cipher, body.uscc, open.expiresAt, body.code))) {
    await accessRepo.countWrongAttempt(deps.db, open.id);
    throw wrongCodeRefusal(byUscc.remaining);
  }
  const token = newLinkToken();
  const expiresAt = new Date(deps.now().getTime() + SESSION_TTL_MS);
  const opened = await deps.db.transaction(async (tx) => {
    if (!(await accessRepo.markUsed(tx, open.id, deps.now()))) return false;
    await accessRepo.store(tx, body.uscc, 'session', sha256Hex(token), expiresAt);
    return true;
  });
  if (!opened) throw wrongCodeRefusal(byUscc.remaining);
  await clear(deps.db, usccLimit.key);
  return { token, expiresAt: expiresAt.toISOString() };
}

/** The USCC a session token (the X-Fee-Token header) opens; refused when unknown or expired. */
async function sessionUscc(deps: Deps, header: string | string[] | undefined): Promise<string> {
  const token = typeof header === 'string' ? header : undefined;
  if (!token) throw new AppError('UNAUTHENTICATED', '请先用验证码登录查询', 'Verify with the SMS code first');
  const row = await accessRepo.byHash(deps.db, sha256Hex(token));
  if (!row || row.kind !== 'session' || row.expiresAt <= deps.now())
    throw new AppError(
      'UNAUTHENTICATED',
      '查询已过期，请重新获取验证码',
      'The session has expired; request a new code',
    );
  return row.uscc;
}

/** The enterprise's refunds, newest month first, in its own words. */
async function refundsOf(deps: Deps, uscc: string, query: FeeEnterpriseRefundsQuery) {
  const employer = await employerContactByUscc(deps.db, uscc);
  if (!employer) throw errors.notFound('企业', 'Enterprise');
  const { page } = splitPage(query);
  const { items, total } = await lineRepo.list(deps.db, { scope: null, uscc }, page.pageSize, offsetOf(page));
  const views = await lineViews(deps, items, todayInChina(deps.now()));
  return { uscc, enterpriseName: employer.name, items: views.map(enterpriseLine), total, ...page };
}

/** GET /api/public/fee-refunds/lines with X-Fee-Token. */
export async function publicRefunds(
  deps: Deps,
  header: string | string[] | undefined,
  query: FeeEnterpriseRefundsQuery,
) {
  return refundsOf(deps, await sessionUscc(deps, header), query);
}

/** GET /api/fee-refunds/my-refunds: the signed-in employer agent's own enterprise. */
export async function myRefunds(deps: Deps, ctx: Ctx, query: FeeEnterpriseRefundsQuery) {
  const actor = requireActor(ctx);
  if (!actor.roles.includes('employer_agent') || !actor.employerId) throw errors.forbidden();
  const employer = await employerContactById(deps.db, actor.employerId);
  if (!employer) throw errors.notFound('企业', 'Enterprise');
  return refundsOf(deps, employer.uscc, query);
}
