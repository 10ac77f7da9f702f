import type { Role } from '../roles.js';
import type { CaseKind } from './case-state.js';
import type { Stage } from './stages.js';

/**
 * The actions of the case workflow: code, zh/en label, the stages each is accepted from and may
 * lead to, and the roles that may take it. Metadata only: the payload schemas, guards and handlers
 * are the state machine's (server/modules/disputes/rules/state-machine.ts).
 */
export const ACTION_CODES = [
  'start_consultation',
  'record_consent',
  'contact_employer',
  'record_employer_answer',
  'start_mediation',
  'extend_mediation',
  'continue_mediation',
  'set_agreement_terms',
  'sign_agreement',
  'record_party_signature',
  'apply_confirmation',
  'issue_ruling',
  'refuse_confirmation',
  'reopen_mediation',
  'record_payment',
  'mark_performed',
  'apply_enforcement',
  'apply_payment_order',
  'close_failed',
  'amend_agreement',
  'submit_agreement_to_court',
  'record_mediation_document',
  'record_withdrawal',
] as const;
export type ActionCode = (typeof ACTION_CODES)[number];

export interface ActionInfo {
  code: ActionCode;
  zh: string;
  en: string;
  from: readonly Stage[];
  /** Every stage the action can lead to (an action may leave the stage unchanged). */
  to: readonly Stage[];
  roles: readonly Role[];
}

/**
 * Actions that belong to some kinds of case only (the state machine refuses them elsewhere too;
 * this keeps the page from offering them):
 * - judicial confirmation (民事诉讼法第二百零五条) and a payment order (劳动争议调解仲裁法第十六条) follow
 *   union and pre-filing mediation; a post-filing (委托) case ends with the court's mediation
 *   document or a withdrawal instead (特邀调解规定第二十条);
 * - the court path of a post-filing case belongs to it alone;
 * - union mediation is not extended but may be continued by agreement (劳动争议调解仲裁法第十四条).
 */
const UNION_AND_PRE_FILING: readonly CaseKind[] = ['union_mediation', 'court_pre_filing'];
const POST_FILING: readonly CaseKind[] = ['court_post_filing_ordinary', 'court_post_filing_simple'];
export const ACTION_CASE_KINDS: Partial<Record<ActionCode, readonly CaseKind[]>> = {
  apply_confirmation: UNION_AND_PRE_FILING,
  apply_payment_order: UNION_AND_PRE_FILING,
  submit_agreement_to_court: POST_FILING,
  record_mediation_document: POST_FILING,
  record_withdrawal: POST_FILING,
  continue_mediation: ['union_mediation'],
  extend_mediation: ['court_pre_filing', ...POST_FILING],
};

export function actionFitsKind(code: ActionCode, kind: string): boolean {
  const kinds = ACTION_CASE_KINDS[code];
  return kinds === undefined || (kinds as readonly string[]).includes(kind);
}

export function isActionCode(x: unknown): x is ActionCode {
  return typeof x === 'string' && (ACTION_CODES as readonly string[]).includes(x);
}

/** The stages in which payments under an agreement are recorded. */
export const PAYING_STAGES: readonly Stage[] = [
  'agreement_signed',
  'confirmation_applied',
  'ruling_issued',
  'enforcement_applied',
  'payment_order_applied',
  'agreement_submitted',
  'mediation_document_issued',
];

function def(
  code: ActionCode,
  zh: string,
  en: string,
  from: readonly Stage[],
  to: readonly Stage[],
  roles: readonly Role[],
): ActionInfo {
  return { code, zh, en, from, to, roles };
}

export const ACTION_INFO: Readonly<Record<ActionCode, ActionInfo>> = {
  start_consultation: def(
    'start_consultation',
    '开始咨询分析',
    'Start consultation',
    ['intake'],
    ['consultation'],
    ['mediator', 'union_staff'],
  ),
  record_consent: def(
    'record_consent',
    '记录当事人同意调解',
    'Record a party’s consent to mediate',
    ['intake', 'consultation', 'employer_contacted'],
    ['intake', 'consultation', 'employer_contacted', 'consented'],
    ['worker', 'employer_agent', 'mediator'],
  ),
  contact_employer: def(
    'contact_employer',
    '联系用人单位',
    'Contact the employer',
    ['consultation', 'employer_contacted'],
    ['consultation', 'employer_contacted'],
    ['mediator', 'union_staff'],
  ),
  record_employer_answer: def(
    'record_employer_answer',
    '记录用人单位答复',
    'Record the employer’s answer',
    ['employer_contacted'],
    ['employer_contacted', 'consented'],
    ['employer_agent', 'mediator'],
  ),
  start_mediation: def(
    'start_mediation',
    '开始调解',
    'Start mediation',
    ['consented'],
    ['mediating'],
    ['mediator', 'judge'],
  ),
  extend_mediation: def(
    'extend_mediation',
    '延长调解期限',
    'Extend the mediation period',
    ['consented', 'mediating'],
    ['consented', 'mediating'],
    ['mediator', 'judge'],
  ),
  // Union mediation past its 15 days: not an extension, a recorded agreement of both parties to go on.
  continue_mediation: def(
    'continue_mediation',
    '记录双方同意继续调解',
    'Record that both parties agree to continue mediating',
    ['consented', 'mediating'],
    ['consented', 'mediating'],
    ['mediator', 'union_staff'],
  ),
  set_agreement_terms: def(
    'set_agreement_terms',
    '录入或修改协议内容',
    'Set or change the agreement terms',
    ['mediating'],
    ['mediating'],
    ['mediator', 'judge'],
  ),
  sign_agreement: def(
    'sign_agreement',
    '签署调解协议',
    'Sign the mediation agreement',
    // agreement_signed: a pre-filing agreement is in force once both parties signed (特邀调解规定
    // 第二十四条第三款); the mediator's signature (and an organisation's seal) may follow.
    ['mediating', 'agreement_signed'],
    ['mediating', 'agreement_signed'],
    ['worker', 'employer_agent', 'mediator'],
  ),
  record_party_signature: def(
    'record_party_signature',
    '登记当事人书面签字',
    'Record a party’s signature on the paper agreement',
    ['mediating'],
    ['mediating', 'agreement_signed'],
    ['mediator'],
  ),
  apply_confirmation: def(
    'apply_confirmation',
    '共同申请司法确认',
    'Apply jointly for judicial confirmation',
    ['agreement_signed'],
    ['confirmation_applied'],
    ['mediator', 'court_clerk'],
  ),
  issue_ruling: def(
    'issue_ruling',
    '出具确认裁定',
    'Issue the confirmation ruling',
    ['confirmation_applied'],
    ['ruling_issued'],
    ['judge'],
  ),
  refuse_confirmation: def(
    'refuse_confirmation',
    '裁定驳回确认申请',
    'Refuse confirmation',
    ['confirmation_applied'],
    ['confirmation_refused'],
    ['judge'],
  ),
  reopen_mediation: def(
    'reopen_mediation',
    '重新调解（变更或达成新协议）',
    'Mediate again (amend or make a new agreement)',
    ['confirmation_refused'],
    ['mediating'],
    ['mediator', 'judge'],
  ),
  record_payment: def('record_payment', '登记付款', 'Record a payment', PAYING_STAGES, PAYING_STAGES, [
    'employer_agent',
    'worker',
    'mediator',
    'union_staff',
    'court_clerk',
  ]),
  mark_performed: def(
    'mark_performed',
    '确认履行完毕',
    'Mark as performed',
    PAYING_STAGES,
    ['performed'],
    ['worker', 'mediator', 'union_staff'],
  ),
  apply_enforcement: def(
    'apply_enforcement',
    '申请强制执行',
    'Apply for enforcement',
    // The court's mediation document is a title like the ruling (民事诉讼法第二百四十七条).
    ['ruling_issued', 'mediation_document_issued'],
    ['enforcement_applied'],
    ['worker', 'mediator', 'union_staff'],
  ),
  apply_payment_order: def(
    'apply_payment_order',
    '申请支付令',
    'Apply for a payment order',
    ['agreement_signed'],
    ['payment_order_applied'],
    ['worker', 'mediator', 'union_staff'],
  ),
  close_failed: def(
    'close_failed',
    '终止调解并分流',
    'End mediation and refer the case',
    [
      'intake',
      'consultation',
      'employer_contacted',
      'consented',
      'mediating',
      'agreement_signed',
      'confirmation_refused',
      'agreement_submitted',
    ],
    ['closed_failed'],
    ['mediator', 'union_staff', 'judge', 'worker', 'system_admin'],
  ),
  amend_agreement: def(
    'amend_agreement',
    '变更调解协议（修改后重新签署）',
    'Amend the agreement (new terms, signed again)',
    ['confirmation_refused'],
    ['mediating'],
    ['mediator', 'judge'],
  ),
  submit_agreement_to_court: def(
    'submit_agreement_to_court',
    '向法院提交调解协议',
    'Submit the agreement to the court',
    ['agreement_signed'],
    ['agreement_submitted'],
    ['mediator', 'court_clerk'],
  ),
  record_mediation_document: def(
    'record_mediation_document',
    '登记法院调解书及送达',
    'Record the court’s mediation document and its service',
    ['agreement_submitted'],
    ['mediation_document_issued'],
    ['judge'],
  ),
  record_withdrawal: def(
    'record_withdrawal',
    '登记准予撤诉裁定',
    'Record the ruling allowing withdrawal',
    ['agreement_submitted'],
    ['suit_withdrawn'],
    ['judge'],
  ),
};
