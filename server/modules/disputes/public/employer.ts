import type { EmployerAnswer, EmployerView } from '../../../../contracts/disputes.js';
import type { Role } from '../../../../contracts/roles.js';
import type { Ctx } from '../../../core/context.js';
import { sha256Hex } from '../../../core/crypto.js';
import type { Deps } from '../../../core/deps.js';
import { AppError, errors } from '../../../core/errors.js';
import { studioById } from '../../organizations/service.js';
import { caseRoster } from '../case-parties.js';
import { liveState, partiesOf } from '../case-record.js';
import type { CaseState } from '../../../../contracts/disputes/case-state.js';
import { TERMINAL_STAGES, type EmployerLinkState } from '../../../../contracts/disputes.js';
import { maskMobile } from '../../../core/identifiers/phone.js';
import { enforce } from '../../limits/service.js';
import { notifyCode } from '../../notifications/service.js';
import { caseNumberKey } from './case-number.js';
import { codeRequestLimits } from './limits.js';
import { codeHash, newSmsCode } from './tokens.js';
import type { CaseRow } from '../case-writer.js';
import { caseRepo } from '../repository.js';
import { STAGE_BY_CODE, isStage } from '../rules/stages.js';
import { applyAction } from '../service.js';
import { tokenRepo } from './repository.js';
import type { EmployerSignBody } from './schemas.js';
import { consumeCode, publicCtx } from './service.js';
import { actorWithNote, signedByLinkFor } from '../../../../contracts/disputes/actor-labels.js';

// What the employer does through its one-time link (employer-link.ts sends it): read the request
// and, later, the agreement; answer once; sign the terms it was shown.

const invalidLink = () =>
  new AppError(
    'NOT_FOUND',
    '链接无效或已过期，请联系调解员',
    'The link is invalid or has expired; contact the mediator',
  );

/** Resolves an employer link to its case; the link is the employer's only credential. */
/** The shape newLinkToken makes (24 random bytes, base64url): anything else is no link of ours. */
const LINK_TOKEN = /^[A-Za-z0-9_-]{20,64}$/;

async function employerCase(deps: Deps, token: string) {
  if (!LINK_TOKEN.test(token)) throw invalidLink();
  const t = await tokenRepo.byHash(deps.db, sha256Hex(token));
  if (!t || t.purpose !== 'employer_link' || t.expiresAt < deps.now()) throw invalidLink();
  const row = await caseRepo.byId(deps.db, t.caseId);
  if (!row) throw invalidLink();
  return row;
}

/** What the link is for now; once the case is closed it changes nothing. */
function linkStateOf(stage: string, state: CaseState): EmployerLinkState {
  if ((TERMINAL_STAGES as readonly string[]).includes(stage)) return 'closed';
  if (stage === 'employer_contacted' && !state.employerAnswer) return 'answer';
  if (state.signatures.employer) return 'signed';
  if (stage === 'mediating' && state.agreement) return 'sign';
  return 'waiting';
}

/** What the employer sees behind its link: the request, the claims and, later, the agreement. */
export async function employerView(deps: Deps, token: string): Promise<EmployerView> {
  const row = await employerCase(deps, token);
  const studio = row.mediationBodyId ? await studioById(deps.db, row.mediationBodyId) : null;
  const facts = row.facts;
  const { worker, employer } = partiesOf(facts);
  const record = row.record;
  const state = liveState(record);
  const acting = caseRoster(facts, record).acting;
  const linkState = linkStateOf(row.stage, state);
  return {
    caseNumber: row.caseNumber,
    stage: row.stage,
    stageLabel: isStage(row.stage) ? STAGE_BY_CODE[row.stage].zh : row.stage,
    workerName: worker.name,
    addressee: acting?.name ?? employer.name,
    claims: facts.claims.map((c) => ({ type: c.type, amountFen: c.amountFen ?? 0, description: c.description })),
    claimTotalFen: row.claimTotalFen,
    narrative: facts.narrative,
    liability: record.liability?.contactFirst
      ? {
          basis: record.liability.contactFirst.basis,
          explanation: record.liability.contactFirst.explanation,
          explanationEn: record.liability.contactFirst.explanationEn,
        }
      : null,
    answered: state.employerAnswer ?? null,
    agreement: state.agreement ?? null,
    agreementVersion: state.agreementVersion ?? null,
    termsHash: state.agreementHash ?? null,
    employerSigned: state.signatures.employer,
    canAnswer: linkState === 'answer',
    canSign: linkState === 'sign',
    linkState,
    signPhoneMasked: acting?.phone ? maskMobile(acting.phone) : null,
    studio: studio ? { name: studio.name, contactPhone: studio.contactPhone } : null,
  };
}

/** The name of the party the link was sent to: it is the one answering and signing through it. */
function actingName(row: CaseRow): string {
  return caseRoster(row.facts, row.record).acting?.name ?? partiesOf(row.facts).employer.name;
}

const ANSWER_LABELS = {
  accept: ['同意调解', 'agreed to mediate'],
  decline: ['不同意调解', 'declined mediation'],
  counter: ['提出了金额方案', 'made a counter-offer'],
} as const;

/**
 * The link answers once: each answer moves the case and texts the worker and the mediator, so a
 * second one (a changed mind, a replayed request) goes to the mediator by phone instead.
 */
async function assertCanAnswer(deps: Deps, row: CaseRow) {
  const answered = row.record.state?.employerAnswer;
  if (row.stage === 'employer_contacted' && !answered) return;
  const studio = row.mediationBodyId ? await studioById(deps.db, row.mediationBodyId) : null;
  const phone = studio?.contactPhone ? `（电话 ${studio.contactPhone}）` : '';
  const phoneEn = studio?.contactPhone ? ` (${studio.contactPhone})` : '';
  if (!answered)
    throw errors.conflict(
      `本案已不需要通过链接答复，如有疑问请联系调解员${phone}。`,
      `This case no longer takes an answer through the link; call the mediator${phoneEn} with any question.`,
      'answer',
    );
  const [zh, en] = ANSWER_LABELS[answered];
  throw errors.conflict(
    `贵单位已答复（${zh}），不能再次提交。如需更改，请联系调解员${phone}。`,
    `Your organisation has already answered (${en}); it cannot answer again. To change the answer, call the mediator${phoneEn}.`,
    'answer',
  );
}

export async function employerAnswer(deps: Deps, ctx: Ctx, token: string, input: EmployerAnswer) {
  const row = await employerCase(deps, token);
  await assertCanAnswer(deps, row);
  const note =
    input.answer === 'counter'
      ? `对方提出金额方案：${((input.counterAmountFen ?? 0) / 100).toFixed(2)} 元。${input.note ?? ''}`
      : input.note;
  // The version makes two answers sent at once count as one: the second finds the case changed.
  const opts = {
    role: 'employer_agent' as Role,
    actorLabel: actorWithNote(actingName(row), 'byLink'),
    expectedVersion: row.version,
  };
  // The counter-offer's amount is kept with the answer, in the same locked write.
  const after = await applyAction(
    deps,
    publicCtx(ctx),
    row.id,
    'record_employer_answer',
    { answer: input.answer, ...(note ? { note } : {}) },
    { ...opts, sideData: { counterAmountFen: input.counterAmountFen ?? null } },
  );
  // Accepting through the link is the employer's consent to mediate; record it if the rules did not.
  if (input.answer === 'accept' && !liveState(after.record).consents.employer) {
    await applyAction(
      deps,
      publicCtx(ctx),
      row.id,
      'record_consent',
      { party: 'employer' },
      { ...opts, expectedVersion: after.version },
    );
  }
  return employerView(deps, token);
}

/**
 * The signing code goes to the paying party's registered phone (the one the case holds for it),
 * never to a number typed on the page: whoever holds the link also needs that phone to sign.
 */
export async function employerRequestSignCode(deps: Deps, ctx: Ctx, token: string) {
  const row = await employerCase(deps, token);
  const state = liveState(row.record);
  if (linkStateOf(row.stage, state) !== 'sign')
    throw errors.conflict('现在没有需要签署的协议', 'There is no agreement to sign now', 'code');
  const acting = caseRoster(row.facts, row.record).acting;
  if (!acting?.phone)
    throw errors.conflict(
      '本案未登记贵方的手机号，无法发送签署验证码，请联系调解员',
      'No mobile number is registered for your side, so no signing code can be sent; contact the mediator',
      'code',
    );
  for (const limits of codeRequestLimits('employer_sign', caseNumberKey(row.caseNumber), acting.phone, ctx.ip))
    await enforce(deps.db, deps.now(), limits, { zh: '获取验证码', en: 'code requests' });
  const code = newSmsCode();
  const expiresAt = new Date(deps.now().getTime() + 10 * 60_000);
  await deps.db.transaction(async (tx) => {
    const hash = codeHash(deps.cipher, row.id, 'employer_sign', expiresAt, code);
    await tokenRepo.store(tx, row.id, 'employer_sign', hash, expiresAt);
    await notifyCode(tx, deps, {
      channel: 'sms',
      recipient: acting.phone!,
      template: 'dispute.worker_code',
      variables: { code, purpose: `代表${acting.name}签署调解协议`, caseNumber: row.caseNumber },
      topic: `dispute_case:${row.id}`,
      regionCode: row.regionCode,
    });
  });
  return { sent: true as const, phoneMasked: maskMobile(acting.phone) };
}

/**
 * The paying party signs the terms it was shown (`termsHash` from its view), by the name of the
 * person signing for it and the code sent to its registered phone; the record and the event log
 * keep that name and the party's.
 */
export async function employerSign(deps: Deps, ctx: Ctx, token: string, body: EmployerSignBody) {
  const row = await employerCase(deps, token);
  const state = liveState(row.record);
  if (linkStateOf(row.stage, state) === 'closed')
    throw errors.conflict(
      '本案已结案，链接不能再作更改',
      'The case is closed; the link changes nothing any more',
      'code',
    );
  // Terms changed since the page was read: said before the code is spent, so it stays good after a reload.
  if (state.agreementHash && body.termsHash !== state.agreementHash)
    throw errors.conflict(
      '协议内容已变更，您看到的不是最新版本，请刷新后核对协议再签署。',
      'The terms have changed since you saw them; reload, read the current terms and sign again.',
      'termsHash',
    );
  await consumeCode(deps, ctx, caseNumberKey(row.caseNumber), row.id, 'employer_sign', body.code);
  const party = actingName(row);
  await applyAction(
    deps,
    publicCtx(ctx),
    row.id,
    'sign_agreement',
    { signer: 'employer', termsHash: body.termsHash },
    {
      role: 'employer_agent',
      actorLabel: signedByLinkFor(body.signerName, party),
      signature: { method: 'link_code', signerName: body.signerName },
    },
  );
  return employerView(deps, token);
}
