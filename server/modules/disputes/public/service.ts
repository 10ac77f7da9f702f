import type { Intake, WorkerView } from '../../../../contracts/disputes.js';
import type { Ctx } from '../../../core/context.js';
import { sha256Hex } from '../../../core/crypto.js';
import type { Deps } from '../../../core/deps.js';
import { AppError, errors } from '../../../core/errors.js';
import { maskMobile } from '../../../core/identifiers/phone.js';
import { clear, consume, consumeAll, enforce, waitText, type Limit, type LimitResult } from '../../limits/service.js';
import { notifyCode } from '../../notifications/service.js';
import { listStudios } from '../../organizations/service.js';
import { calendarFor, todayOf } from '../calendar.js';
import { clocksOf, partiesOf } from '../case-record.js';
import { registerCase } from '../intake/service.js';
import { applicationLimits, codeAttemptLimits, codeRequestLimits, smsSent } from './limits.js';
import { caseRepo, contactRepo } from '../repository.js';
import { STAGES } from '../rules/stages.js';
import { workerNextSteps } from '../rules/worker-next-steps.js';
import { workerWarningsOf } from '../worker-warnings.js';
import { workerSessions } from './worker-sessions.js';
import { applyAction } from '../service.js';
import type { CaseTokenHeader, TrackCodeRequest, TrackVerify, WorkerSignBody } from './schemas.js';
import { caseNumberKey } from './case-number.js';
import { caseByNumber, tokenRepo } from './repository.js';
import { codeHash, newLinkToken, newSmsCode, sameHash, type TokenPurpose } from './tokens.js';
import { actorWithNote } from '../../../../contracts/disputes/actor-labels.js';

const MAX_CODE_ATTEMPTS = 5;
/** The studios taking online applications, for the worker to choose one. */
export async function studiosForApplicants(deps: Deps) {
  return { items: await listStudios(deps) };
}

/** Link and code holders act without an account; the audit names them by the event label. */
export function publicCtx(ctx: Ctx): Ctx {
  return { ...ctx, actor: null };
}

/** Counts against limits in stages: a stage that refuses stops the count for the later ones. */
export async function enforceStages(deps: Deps, stages: Limit[][], what: { zh: string; en: string }) {
  for (const limits of stages) await enforce(deps.db, deps.now(), limits, what);
}

const CODE_REQUESTS = { zh: '获取验证码', en: 'code requests' };

/**
 * Worker tracking: case number plus a code sent to the phone on the case. The answer is the
 * same whether or not the number and phone match, so nobody can probe for cases; the limits
 * count every request alike, before the case is looked up.
 */
export async function requestWorkerCode(
  deps: Deps,
  ctx: Ctx,
  caseNumber: string,
  phone: string,
  purpose: 'worker_code' | 'worker_sign' = 'worker_code',
) {
  const number = caseNumber.trim();
  await enforceStages(deps, codeRequestLimits(purpose, caseNumberKey(number), phone, ctx.ip), CODE_REQUESTS);
  const row = await caseByNumber(deps.db, number);
  if (!row) return;
  const worker = await contactRepo.worker(deps.db, row.workerPersonId);
  if (!worker?.phone || worker.phone !== phone) return;
  const code = newSmsCode();
  const expiresAt = new Date(deps.now().getTime() + 10 * 60_000);
  await deps.db.transaction(async (tx) => {
    await tokenRepo.store(tx, row.id, purpose, codeHash(deps.cipher, row.id, purpose, expiresAt, code), expiresAt);
    const what = purpose === 'worker_code' ? '查询案件进度' : '确认签署调解协议';
    await notifyCode(tx, deps, {
      channel: 'sms',
      recipient: phone,
      template: 'dispute.worker_code',
      variables: { code, purpose: what, caseNumber: row.caseNumber },
      topic: `dispute_case:${row.id}`,
      regionCode: row.regionCode,
    });
  });
}

/** POST /api/public/disputes/track/request-code: the same answer whether or not the case and phone match. */
export async function requestTrackingCode(deps: Deps, ctx: Ctx, body: TrackCodeRequest) {
  await requestWorkerCode(deps, ctx, body.caseNumber, body.phone);
  return { sent: true as const };
}

/** The limits' refusal, in words for a worker who typed wrong codes: what happened, and how long to wait. */
function lockedOut(result: LimitResult): AppError {
  const wait = waitText(result.retryAfterSec);
  return new AppError(
    'RATE_LIMITED',
    `验证码错误次数过多，为保护您的案件，请${wait.zh}后再试`,
    `Too many wrong codes; to protect your case, try again in ${wait.en}`,
    'code',
  );
}

const wrongCode = (left: number) =>
  left > 0
    ? new AppError(
        'VALIDATION',
        `验证码不正确或已过期，还可尝试 ${left} 次`,
        `The code is wrong or has expired; ${left} attempt(s) left`,
        'code',
      )
    : new AppError(
        'VALIDATION',
        '验证码不正确或已过期，尝试次数已用完，请 15 分钟后再试',
        'The code is wrong or has expired; no attempts left, try again in 15 minutes',
        'code',
      );

/**
 * Every attempt counts against the case and purpose, whichever code it tries: a new code does
 * not bring new attempts. A locked case refuses even the right code until the lock ends.
 */
export async function consumeCode(
  deps: Deps,
  ctx: Ctx,
  caseNumber: string,
  caseId: string | null,
  purpose: TokenPurpose,
  code: string,
) {
  const { caseLimit, addressLimit } = codeAttemptLimits(purpose, caseNumber, ctx.ip);
  const byAddress = await consume(deps.db, deps.now(), addressLimit);
  if (!byAddress.allowed) throw lockedOut(byAddress);
  const byCase = await consume(deps.db, deps.now(), caseLimit);
  if (!byCase.allowed) throw lockedOut(byCase);
  const open = caseId ? await tokenRepo.latestOpen(deps.db, caseId, purpose, deps.now()) : null;
  if (!open || open.attempts >= MAX_CODE_ATTEMPTS) throw wrongCode(byCase.remaining);
  if (!sameHash(open.tokenHash, codeHash(deps.cipher, caseId!, purpose, open.expiresAt, code.trim()))) {
    await tokenRepo.countWrongAttempt(deps.db, open.id);
    throw wrongCode(byCase.remaining);
  }
  await tokenRepo.markUsed(deps.db, open.id, deps.now());
  await clear(deps.db, caseLimit.key);
}

export async function verifyWorkerCode(deps: Deps, ctx: Ctx, body: TrackVerify): Promise<{ caseToken: string }> {
  const { code } = body;
  const number = body.caseNumber.trim();
  const row = await caseByNumber(deps.db, number);
  // An unknown number is counted and answered like a wrong code.
  await consumeCode(deps, ctx, caseNumberKey(number), row?.id ?? null, 'worker_code', code);
  if (!row) throw wrongCode(0);
  const caseToken = newLinkToken();
  await tokenRepo.store(
    deps.db,
    row.id,
    'worker_session',
    sha256Hex(caseToken),
    new Date(deps.now().getTime() + 2 * 3600_000),
  );
  return { caseToken };
}

/**
 * The worker's phone sends the token a verified code gave it in the X-Case-Token header: the
 * tracking session (its id keys the session's limits) and the one case it opens.
 */
export async function workerSession(deps: Deps, header: CaseTokenHeader) {
  const caseToken = typeof header === 'string' ? header : undefined;
  if (!caseToken) throw new AppError('UNAUTHENTICATED', '请先用验证码登录查询', 'Verify with the SMS code first');
  const t = await tokenRepo.byHash(deps.db, sha256Hex(caseToken));
  if (!t || t.purpose !== 'worker_session' || t.expiresAt < deps.now())
    throw new AppError('UNAUTHENTICATED', '查询已过期，请重新获取验证码', 'Session expired; request a new code');
  const row = await caseRepo.byId(deps.db, t.caseId);
  if (!row) throw errors.notFound('案件', 'Case');
  return { sessionId: t.id, row };
}

async function workerCase(deps: Deps, header: CaseTokenHeader) {
  return (await workerSession(deps, header)).row;
}

/**
 * Every step in plain Chinese, with what happens next, the sessions to attend, the deadlines the
 * worker must meet (in the words of the SMS) and the clocks that concern the worker.
 */
export async function workerView(deps: Deps, caseToken: CaseTokenHeader): Promise<WorkerView> {
  const row = await workerCase(deps, caseToken);
  const record = row.record;
  const calendar = await calendarFor(deps);
  const today = todayOf(deps);
  const clocks = clocksOf(row, calendar, today).filter(
    (c) => c.audience.includes('worker') && c.status !== 'not_started',
  );
  const visited = new Set(record.state?.visited ?? [row.stage]);
  const worker = await contactRepo.worker(deps.db, row.workerPersonId);
  const payments = await caseRepo.payments(deps.db, row.id);
  const sessions = await caseRepo.sessions(deps.db, row.id);
  return {
    caseNumber: row.caseNumber,
    workerName: worker?.name ?? '',
    phoneMasked: worker?.phone ? maskMobile(worker.phone) : null,
    stage: row.stage,
    steps: STAGES.filter((s) => visited.has(s.code) || s.code === row.stage).map((s) => ({
      code: s.code,
      label: s.zh,
      labelEn: s.en,
      description: s.workerZh,
      descriptionEn: s.workerEn,
      current: s.code === row.stage,
    })),
    clocks: clocks.map((c) => ({
      code: c.code,
      label: c.label,
      labelEn: c.labelEn,
      dueOn: c.dueOn,
      status: c.status,
      daysLeft: c.daysLeft,
      basis: c.basis,
      basisEn: c.basisEn,
    })),
    agreement: record.state?.agreement ?? null,
    agreementVersion: record.state?.agreementVersion ?? null,
    termsHash: record.state?.agreementHash ?? null,
    signatures: record.state?.signatures ?? null,
    canSign: row.stage === 'mediating' && !!record.state?.agreement && !record.state.signatures.worker,
    payments,
    closedReason: row.closedReason,
    referral: row.referral,
    nextSteps: record.state
      ? workerNextSteps(
          record.state,
          {
            harmKnownOn: row.facts.employment?.harmKnownOn,
            employmentEndedOn: row.facts.employment?.endDate ?? undefined,
            claimsIncludeWageArrears: row.claimTypes.includes('wage_arrears'),
          },
          calendar,
          today,
        )
      : [],
    sessions: workerSessions(sessions, deps.now()),
    warnings: workerWarningsOf(row, calendar, today).map((w) => ({
      clock: w.clock,
      kind: w.kind,
      dueOn: w.dueOn,
      daysLeft: w.daysLeft,
      text: w.text,
      textEn: w.textEn,
    })),
  };
}

export async function workerRequestSignCode(deps: Deps, ctx: Ctx, caseToken: CaseTokenHeader) {
  const row = await workerCase(deps, caseToken);
  const worker = await contactRepo.worker(deps.db, row.workerPersonId);
  await requestWorkerCode(deps, ctx, row.caseNumber, worker?.phone ?? '', 'worker_sign');
  return { sent: true as const };
}

/** The worker signs on the phone with a fresh one-time code, for the terms shown (`termsHash`). */
export async function workerSign(deps: Deps, ctx: Ctx, caseToken: CaseTokenHeader, body: WorkerSignBody) {
  const { code, termsHash } = body;
  const row = await workerCase(deps, caseToken);
  await consumeCode(deps, ctx, caseNumberKey(row.caseNumber), row.id, 'worker_sign', code);
  const { worker } = partiesOf(row.facts);
  await applyAction(
    deps,
    publicCtx(ctx),
    row.id,
    'sign_agreement',
    { signer: 'worker', termsHash },
    {
      role: 'worker',
      actorLabel: actorWithNote(worker.name, 'phoneCodeSigned'),
      signature: { method: 'sms_code', signerName: worker.name },
    },
  );
  return workerView(deps, caseToken);
}

/**
 * The worker's application from a phone. Limited per phone and per address, then registered
 * like any intake, dated today. The SMS with the case number then counts against the phone's
 * SMS allowance, so applications and code requests together cannot flood a phone.
 */
export async function applyOnline(deps: Deps, ctx: Ctx, body: Omit<Intake, 'channel' | 'oral' | 'appliedOn'>) {
  await enforceStages(deps, applicationLimits(body.worker.phone, ctx.ip), { zh: '提交申请', en: 'applications' });
  const row = await registerCase(deps, publicCtx(ctx), {
    ...body,
    channel: 'online',
    oral: false,
    appliedOn: undefined,
  });
  await consumeAll(deps.db, deps.now(), smsSent(body.worker.phone));
  return { caseNumber: row.caseNumber };
}
