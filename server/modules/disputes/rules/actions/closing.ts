/** Closing a case that did not settle, with its referral. */
import type { CaseState } from '../../../../../contracts/disputes/case-state.js';
import type { ClaimType } from '../../../../../contracts/disputes/claims.js';
import type { Referral } from '../../../../../contracts/disputes/stages.js';
import { amountOverdueFen } from '../case-figures.js';
import { mediationDueOn, mediationExpired } from '../clocks.js';
import { CLOSE_REASON_LABELS, CLOSE_REASONS_BY_STAGE } from '../stages.js';
import { fail, moveTo, type HandlerCtx, type TransitionError } from './kit.js';
import type { ActionPayload } from './payloads.js';

export function closeFailed(next: CaseState, p: ActionPayload<'close_failed'>, c: HandlerCtx): TransitionError | void {
  const allowed = CLOSE_REASONS_BY_STAGE[next.stage] ?? [];
  const label = CLOSE_REASON_LABELS[p.reason];
  if (!allowed.includes(p.reason)) {
    return fail(
      'reason_not_allowed',
      `当前阶段不能以“${label.zh}”终止。`,
      `The case cannot be closed as “${label.en}” at this stage.`,
    );
  }
  if (c.role === 'worker' && p.reason !== 'withdrawn') {
    return fail('forbidden_role', '职工本人只能撤回申请。', 'A worker can only withdraw the application.');
  }
  if (c.role === 'system_admin' && p.reason !== 'deadline_passed') {
    return fail(
      'forbidden_role',
      '系统只能在调解期限届满时自动终止案件。',
      'The system may only close cases whose mediation period ran out.',
    );
  }
  if (p.reason === 'deadline_passed' && !mediationExpired(next, c.today)) {
    return fail(
      'deadline_not_passed',
      `调解期限至 ${mediationDueOn(next)} 才届满。`,
      `The mediation period runs until ${mediationDueOn(next)}.`,
    );
  }
  if (p.reason === 'agreement_not_performed' && amountOverdueFen(next, c.today) <= 0) {
    return fail(
      'no_default_yet',
      '协议约定的履行期限尚未届满或款项已付清。',
      'Nothing under the agreement is overdue.',
    );
  }
  const referral: Referral | undefined = p.referral ?? DEFAULT_REFERRAL[p.reason];
  if (p.reason === 'document_refused' && referral !== 'lawsuit') {
    return fail(
      'referral_must_be_lawsuit',
      '调解书送达前一方反悔的，案件已在法院立案，由人民法院及时判决（《民事诉讼法》第一百零二条），不转仲裁。',
      'A party backed out before the mediation document was served: the suit is already filed and the court goes on to judgment (Civil Procedure Law (民事诉讼法) art. 102); it does not go to arbitration.',
    );
  }
  if (p.reason !== 'withdrawn' && !referral) {
    return fail(
      'referral_required',
      '终止调解时须选择转立案或转仲裁。',
      'Choose a referral (court filing or arbitration).',
    );
  }
  const direct = referral === 'lawsuit' && p.directSuit ? directSuitRefusal(next, p.directSuit, c) : undefined;
  if (direct) return direct;
  const directSuit = referral === 'lawsuit' ? p.directSuit?.basis : undefined;
  if (p.reason === 'confirmation_refused' && referral === 'lawsuit' && !directSuit) {
    return fail(
      'direct_suit_not_allowed',
      '法院驳回确认申请后，劳动争议应先申请劳动仲裁（《劳动争议调解仲裁法》第五条、第十五条），不能直接起诉；只有持用人单位工资欠条仅主张欠薪（劳动争议司法解释一第十五条），或仅就劳动报酬达成的调解协议单位不履行（第五十一条第二款）时，才可直接起诉，请选择所依据的情形。',
      'After a refused confirmation a labor dispute goes to arbitration first (Labor Dispute Mediation and Arbitration Law (劳动争议调解仲裁法) arts. 5 and 15), not straight to court. A direct suit is only possible on the employer’s written wage IOU for those wages alone (SPC Interpretation (I) on Labor Dispute Cases (劳动争议解释（一）) art. 15) or on a wages-only agreement the employer does not perform (SPC Interpretation (I) on Labor Dispute Cases (劳动争议解释（一）) art. 51 ¶2): name which applies.',
    );
  }
  if (
    directSuit &&
    p.reason === 'confirmation_refused' &&
    next.refusalGround &&
    VALIDITY_GROUNDS.includes(next.refusalGround)
  ) {
    c.effects.push({
      type: 'warning',
      code: 'agreement_validity_doubted',
      message: '法院以协议本身的效力问题驳回了确认申请，依该协议直接起诉可能得不到支持；可考虑申请劳动仲裁。',
      messageEn:
        'The court refused because of the agreement’s own validity; a suit on it may fail. Consider arbitration.',
    });
  }
  if (
    referral === 'lawsuit' &&
    !directSuit &&
    p.reason !== 'confirmation_refused' &&
    (next.kind === 'union_mediation' || next.kind === 'court_pre_filing')
  ) {
    c.effects.push({
      type: 'warning',
      code: 'arbitration_first',
      message:
        '劳动争议一般须先申请劳动仲裁，对裁决不服的再向法院起诉（《劳动争议调解仲裁法》第五条）；仅凭工资欠条主张欠薪等情形可直接起诉。请核实。',
      messageEn:
        'Labor disputes normally go to arbitration before court (Labor Dispute Mediation and Arbitration Law (劳动争议调解仲裁法) art. 5); a claim resting only on a wage IOU may go straight to court. Please check.',
    });
  }
  next.closure = {
    reason: p.reason,
    referral,
    closedOn: c.today,
    fromStage: next.stage,
    ...(directSuit ? { directSuit } : {}),
  };
  moveTo(next, 'closed_failed', c.effects);
  if (referral) {
    c.effects.push({ type: 'referral', referral, carryOverFile: true });
    c.effects.push({ type: 'document', document: 'referral_letter' });
  }
}

/**
 * The referral a reason leads to when none is named. 民事诉讼法第二百零六条 leaves a refused
 * confirmation to a lawsuit, but a labor dispute goes to arbitration first (劳动争议调解仲裁法
 * 第五条、第十五条). A post-filing case whose party backs out before the mediation document is served
 * stays with the court, which decides (民事诉讼法第一百零二条).
 */
const DEFAULT_REFERRAL: Partial<Record<ActionPayload<'close_failed'>['reason'], Referral>> = {
  confirmation_refused: 'arbitration',
  document_refused: 'lawsuit',
};

/**
 * Labor remuneration (劳动报酬) as 劳动争议司法解释一第五十一条第二款 names it: wages and overtime pay.
 * Double wages are a sanction and leave pay a separate compensation; neither is counted here.
 */
export const REMUNERATION_CLAIM_TYPES: readonly ClaimType[] = ['wage_arrears', 'overtime_pay'];

/** Refusal grounds that go to the agreement's own validity (民诉法解释第三百五十八条). */
const VALIDITY_GROUNDS: readonly string[] = [
  'violates_mandatory_law',
  'harms_state_public_or_third_party',
  'offends_public_order',
  'not_voluntary',
];

type DirectSuit = NonNullable<ActionPayload<'close_failed'>['directSuit']>;

/** Whether the exception a direct suit names applies to this case; a refusal says why not. */
function directSuitRefusal(next: CaseState, d: DirectSuit, c: HandlerCtx): TransitionError | undefined {
  if (d.basis === 'wage_iou') {
    // 第十五条: 劳动者以用人单位的工资欠条为证据直接提起诉讼，诉讼请求不涉及劳动关系其他争议的…
    if (!d.writtenIouFromEmployer) {
      return fail(
        'direct_suit_not_allowed',
        '直接起诉须以用人单位出具的书面工资欠条为证据（劳动争议司法解释一第十五条）。',
        'A direct suit needs the employer’s own written wage IOU as evidence (SPC Interpretation (I) on Labor Dispute Cases (劳动争议解释（一）) art. 15).',
      );
    }
    if (d.suitClaims.some((t) => t !== 'wage_arrears')) {
      return fail(
        'direct_suit_not_allowed',
        '凭工资欠条直接起诉的，诉讼请求只能是欠条上的工资，不能涉及劳动关系的其他争议（劳动争议司法解释一第十五条）；其他请求须先申请仲裁。',
        'A suit on a wage IOU may claim only the wages on it, nothing else about the employment (SPC Interpretation (I) on Labor Dispute Cases (劳动争议解释（一）) art. 15); other claims go to arbitration first.',
      );
    }
    return undefined;
  }
  // 第五十一条第二款: 仅就劳动报酬争议达成调解协议，用人单位不履行调解协议确定的给付义务…
  const claims = next.agreement?.claimTypes ?? [];
  if (claims.length === 0 || claims.some((t) => !REMUNERATION_CLAIM_TYPES.includes(t))) {
    return fail(
      'direct_suit_not_allowed',
      '只有仅就劳动报酬（工资、加班费）达成的调解协议，用人单位不履行时才能直接起诉（劳动争议司法解释一第五十一条第二款）；本协议还涉及其他事项，须先申请仲裁。',
      'Only an agreement on labor remuneration alone (wages, overtime pay) can be sued on directly when the employer does not pay (SPC Interpretation (I) on Labor Dispute Cases (劳动争议解释（一）) art. 51 ¶2); this agreement covers more, so arbitration comes first.',
    );
  }
  if (amountOverdueFen(next, c.today) <= 0) {
    return fail(
      'direct_suit_not_allowed',
      '用人单位尚未违反协议确定的给付义务（没有到期未付的款项），还不能依协议直接起诉（劳动争议司法解释一第五十一条第二款）。',
      'The employer has not yet failed to pay under the agreement (nothing is overdue), so it cannot be sued on yet (SPC Interpretation (I) on Labor Dispute Cases (劳动争议解释（一）) art. 51 ¶2).',
    );
  }
  return undefined;
}
