/** Judicial confirmation (司法确认): the courts an application may go to, and the grounds of a refusal. */

export const CONFIRMATION_COURTS = [
  /** 人民法院邀请调解组织开展先行调解的，向作出邀请的人民法院提出 */
  'inviting_court',
  /** 调解组织自行开展调解的：当事人住所地、标的物所在地、调解组织所在地的基层人民法院 */
  'party_domicile_basic_court',
  'subject_matter_basic_court',
  'mediation_body_basic_court',
  /** 调解协议所涉纠纷应当由中级人民法院管辖的 */
  'intermediate_court',
] as const;
export type ConfirmationCourt = (typeof CONFIRMATION_COURTS)[number];

/** Grounds on which a court refuses to confirm (民事诉讼法第二百零六条; 民诉法解释第三百五十八条). */
export const REFUSAL_GROUNDS = [
  'violates_mandatory_law',
  'harms_state_public_or_third_party',
  'offends_public_order',
  'not_voluntary',
  'content_unclear',
  'other',
] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

/**
 * Court-referred cases mediated after the court filed the suit (委托调解). They end with the court's
 * mediation document (调解书) or a ruling allowing withdrawal (撤诉), never with judicial
 * confirmation (最高人民法院关于人民法院特邀调解的规定第二十条; 人民法院在线调解规则第二十条第二款).
 */
export const POST_FILING_KINDS = ['court_post_filing_ordinary', 'court_post_filing_simple'] as const;

export function isPostFiling(kind: string): boolean {
  return (POST_FILING_KINDS as readonly string[]).includes(kind);
}

/** What the parties ask the court for when the studio submits a post-filing agreement. */
export const COURT_OUTCOME_REQUESTS = ['mediation_document', 'withdrawal'] as const;
export type CourtOutcomeRequest = (typeof COURT_OUTCOME_REQUESTS)[number];

/**
 * The cases in which a labor dispute may go straight to court instead of arbitration first
 * (劳动争议调解仲裁法第五条、第十五条), as 最高人民法院关于审理劳动争议案件适用法律问题的解释（一）
 * lists them:
 * - `wage_iou` (第十五条): the worker sues on the employer's written wage IOU (工资欠条), claiming
 *   nothing about the employment but those wages;
 * - `wage_agreement_not_performed` (第五十一条第二款): the mediation agreement is on labor
 *   remuneration only (仅就劳动报酬争议) and the employer does not pay what it fixed.
 */
export const DIRECT_SUIT_BASES = ['wage_iou', 'wage_agreement_not_performed'] as const;
export type DirectSuitBasis = (typeof DIRECT_SUIT_BASES)[number];

export const DIRECT_SUIT_LABELS: Readonly<Record<DirectSuitBasis, { zh: string; en: string }>> = {
  wage_iou: {
    zh: '持用人单位工资欠条，仅主张欠薪（劳动争议司法解释一第十五条）',
    en: 'The employer’s written wage IOU, suing for those wages only (SPC Interpretation (I) on Labor Dispute Cases (劳动争议解释（一）) art. 15)',
  },
  wage_agreement_not_performed: {
    zh: '仅就劳动报酬达成的调解协议，单位不履行（劳动争议司法解释一第五十一条第二款）',
    en: 'A wages-only mediation agreement the employer does not perform (SPC Interpretation (I) on Labor Dispute Cases (劳动争议解释（一）) art. 51 ¶2)',
  },
};
