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
