import { eq, sql } from 'drizzle-orm';
import type { Role } from '../../../contracts/roles.js';
import type { Ctx } from '../../core/context.js';
import { sha256Hex } from '../../core/crypto.js';
import type { Deps } from '../../core/deps.js';
import { AppError, errors } from '../../core/errors.js';
import { maskMobile } from '../../core/identifiers/phone.js';
import { notify } from '../notifications/service.js';
import { people } from '../people/tables.js';
import { calendarFor, todayOf } from './calendar.js';
import { clocksOf, type CaseRecord } from './case-record.js';
import { caseRepo } from './repository.js';
import { STAGES, STAGE_BY_CODE, type Stage } from './rules/stages.js';
import { applyAction } from './service.js';
import { disputeAccessTokens } from './tables.js';
import { codeHash, latestOpenCode, newLinkToken, newSmsCode, storeToken } from './tokens.js';

const MAX_CODE_ATTEMPTS = 5;
const invalidLink = () => new AppError('NOT_FOUND', '链接无效或已过期，请联系调解员', 'The link is invalid or has expired; contact the mediator');

/** Resolves an employer link to its case; the link is the employer's only credential. */
async function employerCase(deps: Deps, token: string) {
  const t = await caseRepo.tokenByHash(deps.db, sha256Hex(token));
  if (!t || t.purpose !== 'employer_link' || t.expiresAt < deps.now()) throw invalidLink();
  const row = await caseRepo.byId(deps.db, t.caseId);
  if (!row) throw invalidLink();
  return row;
}

/** Link and code holders act without an account; the audit names them by the event label. */
function publicCtx(ctx: Ctx): Ctx {
  return { ...ctx, actor: null };
}

/** What the employer sees behind its link: the request, the claims and, later, the agreement. */
export async function employerView(deps: Deps, token: string) {
  const row = await employerCase(deps, token);
  const facts = row.facts as { worker: { name: string }; employer: { name: string }; claims: { type: string; amountFen: number }[]; narrative: string; respondent?: { name: string } };
  const record = row.record as CaseRecord;
  return {
    caseNumber: row.caseNumber,
    stage: row.stage,
    stageLabel: STAGE_BY_CODE[row.stage as Stage]?.zh ?? row.stage,
    workerName: facts.worker.name,
    addressee: facts.respondent?.name ?? facts.employer.name,
    claims: facts.claims,
    claimTotalFen: row.claimTotalFen,
    narrative: facts.narrative,
    liability: record.liability?.contactFirst ? { basis: record.liability.contactFirst.basis, explanation: record.liability.contactFirst.explanation, explanationEn: record.liability.contactFirst.explanationEn } : null,
    answered: record.state.employerAnswer ?? null,
    agreement: record.state.agreement ?? null,
    agreementVersion: record.state.agreementVersion ?? null,
    termsHash: record.state.agreementHash ?? null,
    employerSigned: record.state.signatures.employer,
    canAnswer: row.stage === 'employer_contacted' && !record.state.employerAnswer,
    canSign: row.stage === 'mediating' && !!record.state.agreement && !record.state.signatures.employer,
  };
}

export async function employerAnswer(deps: Deps, ctx: Ctx, token: string, input: { answer: 'accept' | 'decline' | 'counter'; counterAmountFen?: number; note?: string }) {
  const row = await employerCase(deps, token);
  const note = input.answer === 'counter' ? `对方提出金额方案：${((input.counterAmountFen ?? 0) / 100).toFixed(2)} 元。${input.note ?? ''}` : input.note;
  const opts = { role: 'employer_agent' as Role, actorLabel: `${(row.facts as { employer: { name: string } }).employer.name}（链接）` };
  // The counter-offer's amount is kept with the answer, in the same locked write.
  const after = await applyAction(deps, publicCtx(ctx), row.id, 'record_employer_answer', { answer: input.answer, ...(note ? { note } : {}) }, { ...opts, sideData: { counterAmountFen: input.counterAmountFen ?? null } });
  // Accepting through the link is the employer's consent to mediate; record it if the rules did not.
  if (input.answer === 'accept' && !(after.record as CaseRecord).state.consents.employer) {
    await applyAction(deps, publicCtx(ctx), row.id, 'record_consent', { party: 'employer' }, opts);
  }
  return employerView(deps, token);
}

/** The employer signs the terms it was shown: `termsHash` comes from its view of the agreement. */
export async function employerSign(deps: Deps, ctx: Ctx, token: string, termsHash: string) {
  const row = await employerCase(deps, token);
  await applyAction(deps, publicCtx(ctx), row.id, 'sign_agreement', { signer: 'employer', termsHash }, { role: 'employer_agent', actorLabel: `${(row.facts as { employer: { name: string } }).employer.name}（链接签署）` });
  return employerView(deps, token);
}

/**
 * Worker tracking: case number plus a code sent to the phone on the case. The answer is the
 * same whether or not the number and phone match, so nobody can probe for cases.
 */
export async function requestWorkerCode(deps: Deps, caseNumber: string, phone: string, purpose: 'worker_code' | 'worker_sign' = 'worker_code') {
  const row = await caseRepo.byNumber(deps.db, caseNumber.trim());
  if (!row) return;
  const [worker] = await deps.db.select({ phone: people.phone }).from(people).where(eq(people.id, row.workerPersonId));
  if (!worker?.phone || worker.phone !== phone) return;
  const code = newSmsCode();
  await deps.db.transaction(async (tx) => {
    await storeToken(tx, row.id, purpose, codeHash(row.id, purpose, code), new Date(deps.now().getTime() + 10 * 60_000));
    const what = purpose === 'worker_code' ? '查询案件进度' : '确认签署调解协议';
    await notify(tx, { channel: 'sms', recipient: phone, body: `【一站】验证码 ${code}，用于${what}（案件${row.caseNumber}），10 分钟内有效。如非本人操作请忽略。`, topic: `dispute_case:${row.id}`, regionCode: row.regionCode });
  });
}

async function consumeCode(deps: Deps, caseId: string, purpose: 'worker_code' | 'worker_sign', code: string) {
  const open = await latestOpenCode(deps.db, caseId, purpose, deps.now());
  const wrong = () => new AppError('VALIDATION', '验证码不正确或已过期', 'The code is wrong or has expired', 'code');
  if (!open || open.attempts >= MAX_CODE_ATTEMPTS) throw wrong();
  if (open.tokenHash !== codeHash(caseId, purpose, code.trim())) {
    await deps.db.update(disputeAccessTokens).set({ attempts: sql`${disputeAccessTokens.attempts} + 1` }).where(eq(disputeAccessTokens.id, open.id));
    throw wrong();
  }
  await deps.db.update(disputeAccessTokens).set({ usedAt: deps.now() }).where(eq(disputeAccessTokens.id, open.id));
}

export async function verifyWorkerCode(deps: Deps, caseNumber: string, code: string): Promise<{ caseToken: string }> {
  const row = await caseRepo.byNumber(deps.db, caseNumber.trim());
  if (!row) throw new AppError('VALIDATION', '验证码不正确或已过期', 'The code is wrong or has expired', 'code');
  await consumeCode(deps, row.id, 'worker_code', code);
  const caseToken = newLinkToken();
  await storeToken(deps.db, row.id, 'worker_session', sha256Hex(caseToken), new Date(deps.now().getTime() + 2 * 3600_000));
  return { caseToken };
}

async function workerCase(deps: Deps, caseToken: string | undefined) {
  if (!caseToken) throw new AppError('UNAUTHENTICATED', '请先用验证码登录查询', 'Verify with the SMS code first');
  const t = await caseRepo.tokenByHash(deps.db, sha256Hex(caseToken));
  if (!t || t.purpose !== ('worker_session' as never) || t.expiresAt < deps.now()) throw new AppError('UNAUTHENTICATED', '查询已过期，请重新获取验证码', 'Session expired; request a new code');
  const row = await caseRepo.byId(deps.db, t.caseId);
  if (!row) throw errors.notFound('案件', 'Case');
  return row;
}

/** Every step in plain Chinese, with what happens next and the clocks that concern the worker. */
export async function workerView(deps: Deps, caseToken: string | undefined) {
  const row = await workerCase(deps, caseToken);
  const record = row.record as CaseRecord;
  const clocks = clocksOf(row, await calendarFor(deps), todayOf(deps)).filter((c) => c.audience.includes('worker') && c.status !== 'not_started');
  const visited = new Set(record.state?.visited ?? [row.stage]);
  const [worker] = await deps.db.select({ name: people.name, phone: people.phone }).from(people).where(eq(people.id, row.workerPersonId));
  const payments = await caseRepo.payments(deps.db, row.id);
  return {
    caseNumber: row.caseNumber,
    workerName: worker?.name ?? '',
    phoneMasked: worker?.phone ? maskMobile(worker.phone) : null,
    stage: row.stage,
    steps: STAGES.filter((s) => visited.has(s.code) || s.code === row.stage).map((s) => ({ code: s.code, label: s.zh, labelEn: s.en, description: s.workerZh, descriptionEn: s.workerEn, current: s.code === row.stage })),
    clocks: clocks.map((c) => ({ code: c.code, label: c.label, labelEn: c.labelEn, dueOn: c.dueOn, status: c.status, daysLeft: c.daysLeft, basis: c.basis, basisEn: c.basisEn })),
    agreement: record.state?.agreement ?? null,
    agreementVersion: record.state?.agreementVersion ?? null,
    termsHash: record.state?.agreementHash ?? null,
    signatures: record.state?.signatures ?? null,
    canSign: row.stage === 'mediating' && !!record.state?.agreement && !record.state.signatures.worker,
    payments,
    closedReason: row.closedReason,
    referral: row.referral,
  };
}

export async function workerRequestSignCode(deps: Deps, caseToken: string | undefined) {
  const row = await workerCase(deps, caseToken);
  const [worker] = await deps.db.select({ phone: people.phone }).from(people).where(eq(people.id, row.workerPersonId));
  await requestWorkerCode(deps, row.caseNumber, worker?.phone ?? '', 'worker_sign');
}

/** The worker signs on the phone with a fresh one-time code, for the terms shown (`termsHash`). */
export async function workerSign(deps: Deps, ctx: Ctx, caseToken: string | undefined, code: string, termsHash: string) {
  const row = await workerCase(deps, caseToken);
  await consumeCode(deps, row.id, 'worker_sign', code);
  const facts = row.facts as { worker: { name: string } };
  await applyAction(deps, publicCtx(ctx), row.id, 'sign_agreement', { signer: 'worker', termsHash }, { role: 'worker', actorLabel: `${facts.worker.name}（手机验证码签署）` });
  return workerView(deps, caseToken);
}
