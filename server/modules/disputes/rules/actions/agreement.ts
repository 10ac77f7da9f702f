/** The agreement: its terms and the signatures that bring it into force. */
import type { CaseState, SignatureRecord, Signer } from '../../../../../contracts/disputes/case-state.js';
import { isPostFiling } from '../../../../../contracts/disputes/confirmation.js';
import { agreementTotalFen, canonicalTerms } from '../case-figures.js';
import { agreementInForce, inForceOnPartiesSignatures, mediatedByOf, sealRequired } from '../agreement-effect.js';
import { confirmationDueOn } from '../clocks.js';
import { maxDate } from '../dates.js';
import { fail, moveTo, PARTY_ZH, ROLE_SIGNER, type HandlerCtx, type TransitionError } from './kit.js';
import type { ActionPayload } from './payloads.js';

/**
 * A signature is valid only for the terms it was given: the hash the signer saw must be the
 * hash of the terms now on the case. When the agreement takes effect depends on who mediated
 * (agreement-effect.ts): union mediation once both parties and the mediator with the seal signed
 * (劳动争议调解仲裁法第十四条); court-referred pre-filing mediation once both parties signed
 * (特邀调解规定第二十四条第三款; 在线调解规则第十九条第二款), the mediator's signature (with an
 * invited organisation's seal) possibly following.
 */
function recordSignature(
  next: CaseState,
  signer: Signer,
  termsHash: string,
  recordedBy: SignatureRecord['recordedBy'],
  sealApplied: boolean | undefined,
  c: HandlerCtx,
  how: Pick<SignatureRecord, 'method' | 'signerName'> = {},
): TransitionError | void {
  if (!next.agreement || !next.agreementHash) {
    return fail(
      'terms_required',
      '请先由调解员录入协议内容（金额、期限、请求事项）再签署。',
      'The mediator must enter the agreement terms before anyone signs.',
    );
  }
  if (termsHash !== next.agreementHash) {
    return fail(
      'terms_changed',
      '协议内容已变更，您看到的不是最新版本，请刷新后核对协议再签署。',
      'The terms have changed since you saw them; reload, read the current terms and sign again.',
    );
  }
  if (next.signatures[signer]) {
    return fail('already_recorded', `${PARTY_ZH[signer]}已签署。`, 'That signature is already recorded.');
  }
  if (signer === 'mediator' && !sealApplied && sealRequired(next)) {
    return next.kind === 'union_mediation'
      ? fail(
          'seal_required',
          '调解员签名时须加盖调解组织印章，协议方能生效（《劳动争议调解仲裁法》第十四条）。',
          'The mediator’s signature must come with the mediation body’s seal (Labor Dispute Mediation and Arbitration Law (劳动争议调解仲裁法) art. 14).',
        )
      : fail(
          'seal_required',
          '本案由特邀调解组织主持调解，调解员签名时须加盖调解组织印章（《最高人民法院关于人民法院特邀调解的规定》第二十四条第二款）。',
          'An invited mediation organisation conducted this mediation, so the mediator’s signature must come with its seal (SPC Provisions on Specially Invited Mediation (特邀调解规定) art. 24 ¶2).',
        );
  }
  next.signatures[signer] = true;
  next.signedTerms = {
    ...next.signedTerms,
    [signer]: {
      termsHash,
      agreementVersion: next.agreementVersion ?? 1,
      on: c.today,
      recordedBy,
      ...(how.method ? { method: how.method } : {}),
      ...(how.signerName ? { signerName: how.signerName } : {}),
    },
  };
  // A pre-filing agreement already in force: the mediator's signature completes the document only.
  if (next.stage === 'agreement_signed') {
    c.effects.push({ type: 'document', document: 'mediation_agreement' });
    return;
  }
  if (!agreementInForce(next)) return;

  next.agreementEffectiveOn = c.today;
  moveTo(next, 'agreement_signed', c.effects);
  c.effects.push({ type: 'clock_met', clock: 'mediation', on: c.today });
  c.effects.push({ type: 'document', document: 'mediation_agreement' });
  const last = maxDate(next.agreement.installments.map((i) => i.dueOn));
  if (last) c.effects.push({ type: 'clock_started', clock: 'performance', on: c.today, dueOn: last });
  if (isPostFiling(next.kind)) {
    // 委托调解: the court makes its mediation document or allows a withdrawal (特邀调解规定第二十条);
    // there is no judicial confirmation to apply for.
    c.effects.push({
      type: 'notify',
      audience: ['worker', 'employer_agent', 'mediator'],
      message:
        '调解协议已签署。工作室将把调解协议提交法院，由法院依法制作调解书或者准许撤诉（《最高人民法院关于人民法院特邀调解的规定》第二十条）。',
      messageEn:
        'The agreement is signed. The studio will submit it to the court, which makes its mediation document or allows the suit to be withdrawn (SPC Provisions on Specially Invited Mediation (特邀调解规定) art. 20).',
    });
    return;
  }
  c.effects.push({
    type: 'clock_started',
    clock: 'confirmation_application',
    on: c.today,
    dueOn: confirmationDueOn(c.today, c.calendar),
  });
  const due = confirmationDueOn(c.today, c.calendar);
  const mediatorToSign = inForceOnPartiesSignatures(next.kind) && !next.signatures.mediator;
  const seal = mediatedByOf(next) === 'organisation';
  c.effects.push({
    type: 'notify',
    audience: ['worker', 'employer_agent', 'mediator'],
    message: `调解协议已生效。双方可在 ${due}（含当日）前共同申请司法确认。${
      mediatorToSign ? `调解员尚需在协议书上签名${seal ? '并加盖调解组织印章' : ''}，申请司法确认前须补齐。` : ''
    }`,
    messageEn: `The agreement is in force. Both parties may jointly apply for judicial confirmation by ${due} (that day included).${
      mediatorToSign
        ? ` The mediator still has to sign the agreement${seal ? ' and add the organisation’s seal' : ''} before the application.`
        : ''
    }`,
  });
}

export function setAgreementTerms(
  next: CaseState,
  p: ActionPayload<'set_agreement_terms'>,
  c: HandlerCtx,
): TransitionError | void {
  if (agreementTotalFen(p.terms) < next.paidFen) {
    return fail(
      'terms_below_paid',
      '新协议约定的金额少于此前已支付的款项，请把已付款项计入协议。',
      'The new terms total less than what has already been paid; include the payments made.',
    );
  }
  if (!c.hashTerms) throw new Error('set_agreement_terms needs ctx.hashTerms');
  const hash = c.hashTerms(canonicalTerms(p.terms));
  if (hash === next.agreementHash) return;
  const anySigned = next.signatures.worker || next.signatures.employer || next.signatures.mediator;
  if (anySigned) {
    c.effects.push({
      type: 'warning',
      code: 'signatures_reset',
      message: '协议内容已修改，此前的签字作废，需各方重新签署。',
      messageEn: 'The terms changed; earlier signatures are void and everyone must sign again.',
    });
  }
  next.signatures = { worker: false, employer: false, mediator: false };
  next.signedTerms = {};
  next.agreement = p.terms;
  next.agreementHash = hash;
  next.agreementVersion = (next.agreementVersion ?? 0) + 1;
}

export function signAgreement(
  next: CaseState,
  p: ActionPayload<'sign_agreement'>,
  c: HandlerCtx,
): TransitionError | void {
  if (next.stage === 'agreement_signed' && p.signer !== 'mediator') {
    return fail('already_recorded', `${PARTY_ZH[p.signer]}已签署。`, 'That signature is already recorded.');
  }
  const own = ROLE_SIGNER[c.role];
  if (own !== p.signer) {
    return fail(
      'party_mismatch',
      '只能以本人（本方）身份签署；调解员登记当事人的书面签字请用“登记当事人书面签字”。',
      'You can only sign for your own side; a mediator records a party’s paper signature with “Record a party’s signature”.',
    );
  }
  return recordSignature(next, p.signer, p.termsHash, 'self', p.sealApplied, c, {
    method: p.method,
    signerName: p.signerName,
  });
}

export function recordPartySignature(
  next: CaseState,
  p: ActionPayload<'record_party_signature'>,
  c: HandlerCtx,
): TransitionError | void {
  return recordSignature(next, p.signer, p.termsHash, 'mediator', undefined, c, {
    method: 'paper',
    signerName: p.signerName,
  });
}
