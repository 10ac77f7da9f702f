/**
 * When a mediation agreement takes effect, and what the mediator's signature must carry. It depends
 * on who mediated:
 * - union mediation (劳动争议调解仲裁法第十四条第二款: 由双方当事人签名或者盖章，经调解员签名并加盖
 *   调解组织印章后生效): both parties, then the mediator with the organisation's seal; in force
 *   on the last of them.
 * - court-referred pre-filing mediation (委派): in force once both parties have signed
 *   (最高人民法院关于人民法院特邀调解的规定第二十四条第三款; 人民法院在线调解规则第十九条第二款).
 *   The mediator still signs the agreement, and an invited organisation (特邀调解组织) adds its
 *   seal, an invited individual mediator (特邀调解员) does not (特邀调解规定第二十四条第二款); but
 *   the day it takes effect, and the 30 days to apply for confirmation (民事诉讼法第二百零五条),
 *   do not wait for them.
 * - post-filing mediation (委托) keeps the union rule for the day it takes effect here; the seal
 *   follows who mediated, as for pre-filing.
 */
import type { CaseKind, CaseState, MediationConductor } from '../../../../contracts/disputes/case-state.js';

/** Who mediated; a case stored before this was asked was mediated by the studio, an organisation. */
export function mediatedByOf(state: Pick<CaseState, 'mediatedBy'>): MediationConductor {
  return state.mediatedBy ?? 'organisation';
}

/** Whether the mediator's signature must come with the mediation organisation's seal. */
export function sealRequired(state: Pick<CaseState, 'kind' | 'mediatedBy'>): boolean {
  return state.kind === 'union_mediation' || mediatedByOf(state) === 'organisation';
}

/** Whether the agreement takes effect on the parties' signatures alone (委派: 特邀调解规定第二十四条第三款). */
export function inForceOnPartiesSignatures(kind: CaseKind): boolean {
  return kind === 'court_pre_filing';
}

/** Whether the signatures on the case bring the agreement into force. */
export function agreementInForce(state: Pick<CaseState, 'kind' | 'signatures'>): boolean {
  const s = state.signatures;
  if (inForceOnPartiesSignatures(state.kind)) return s.worker && s.employer;
  return s.worker && s.employer && s.mediator;
}

/** The agreement document still lacks the mediator's signature (in force without it: pre-filing). */
export function mediatorSignatureMissing(state: Pick<CaseState, 'signatures'>): boolean {
  return !state.signatures.mediator;
}
