/**
 * Case stages of the one-stop labor-dispute process (立+调+确), with the labels
 * shown to staff and the plain-Chinese descriptions shown to workers; the close reasons
 * (and the stages they may be used from) and the referrals. Browser-safe metadata: the
 * server's rules (server/modules/disputes/rules) import these, the web shows them.
 */

export const STAGE_CODES = [
  'intake',
  'consultation',
  'employer_contacted',
  'consented',
  'mediating',
  'agreement_signed',
  'confirmation_applied',
  'ruling_issued',
  'confirmation_refused',
  'agreement_submitted',
  'mediation_document_issued',
  'performed',
  'suit_withdrawn',
  'enforcement_applied',
  'payment_order_applied',
  'closed_failed',
] as const;
export type Stage = (typeof STAGE_CODES)[number];

/**
 * Where a stage stands towards the agreement: before mediation starts, in mediation, with an
 * agreement in force (performed included: the agreement was carried out), or ended without one
 * (closed_failed, even when an agreement had been signed: it is no longer pursued here).
 */
export type StagePhase = 'before_mediation' | 'mediation' | 'after_agreement' | 'ended';

export interface StageInfo {
  code: Stage;
  zh: string;
  en: string;
  /** Shown to the worker on the phone page: plain words, what is happening and what comes next. */
  workerZh: string;
  workerEn: string;
  phase: StagePhase;
  /** No action is accepted any more; the case can only be read. */
  terminal: boolean;
}

export const STAGES: readonly StageInfo[] = [
  {
    code: 'intake',
    zh: '登记',
    en: 'Intake',
    workerZh: '我们已收到您的调解申请（口头申请也算），调解员会尽快和您联系。',
    workerEn: 'We have your mediation request (a spoken request counts). A mediator will contact you soon.',
    phase: 'before_mediation',
    terminal: false,
  },
  {
    code: 'consultation',
    zh: '咨询分析',
    en: 'Consultation and analysis',
    workerZh: '调解员正在帮您梳理情况、算清应得的钱，并准备和单位协商的方案。',
    workerEn:
      'The mediator is going through your case, working out what you are owed and preparing a proposal for the employer.',
    phase: 'before_mediation',
    terminal: false,
  },
  {
    code: 'employer_contacted',
    zh: '联系用人单位',
    en: 'Employer contacted',
    workerZh: '调解员已经联系单位（或应付钱的一方），正在等对方答复是否愿意调解。',
    workerEn: 'The mediator has contacted the employer (or the party that must pay) and is waiting for its answer.',
    phase: 'before_mediation',
    terminal: false,
  },
  {
    code: 'consented',
    zh: '同意调解',
    en: 'Both agreed to mediate',
    workerZh: '您和单位都同意调解了，调解员会安排调解的时间和方式（当面、电话或视频）。',
    workerEn:
      'You and the employer both agreed to mediate. The mediator will set a time and a way to meet (in person, phone or video).',
    phase: 'before_mediation',
    terminal: false,
  },
  {
    code: 'mediating',
    zh: '调解中',
    en: 'Mediating',
    workerZh: '调解正在进行。调解有期限，到期还谈不拢，我们会帮您转去仲裁或起诉，不会让您干等。',
    workerEn:
      'Mediation is under way. It has a time limit; if there is no deal by then we help you move to arbitration or court, so you never wait for nothing.',
    phase: 'mediation',
    terminal: false,
  },
  {
    code: 'agreement_signed',
    zh: '达成协议',
    en: 'Agreement signed',
    workerZh: '调解协议已经由您、单位和调解员签字盖章，协议生效了。下一步可以一起去法院申请确认，让协议能强制执行。',
    workerEn:
      'You, the employer and the mediator have signed and sealed the agreement; it is in force. Next you can jointly ask the court to confirm it so it can be enforced.',
    phase: 'after_agreement',
    terminal: false,
  },
  {
    code: 'confirmation_applied',
    zh: '申请司法确认',
    en: 'Judicial confirmation applied for',
    workerZh: '已经向法院申请确认调解协议，法院会审查后出具裁定。',
    workerEn: 'The court has the application to confirm the agreement and will rule on it.',
    phase: 'after_agreement',
    terminal: false,
  },
  {
    code: 'ruling_issued',
    zh: '出具裁定',
    en: 'Ruling issued',
    workerZh: '法院已裁定调解协议有效。单位不按时付钱的，您可以申请法院强制执行。',
    workerEn:
      'The court has ruled the agreement valid. If the employer does not pay on time, you can ask the court to enforce it.',
    phase: 'after_agreement',
    terminal: false,
  },
  {
    code: 'confirmation_refused',
    zh: '不予确认',
    en: 'Confirmation refused',
    workerZh:
      '法院没有确认这份协议。您可以：和单位商量修改协议，重新签字后再一起申请确认；或者重新调解；不再调解的，可以申请劳动仲裁（一般要先仲裁，不能直接去法院起诉）。调解员会帮您选。',
    workerEn:
      'The court did not confirm the agreement. You can amend it with the employer, sign again and reapply; mediate again; or, if you stop mediating, apply for labor arbitration (a labor dispute normally goes to arbitration before court). The mediator will help you choose.',
    phase: 'after_agreement',
    terminal: false,
  },
  // Post-filing court-referred mediation (委托调解) ends with the court's mediation document or a
  // withdrawal, not judicial confirmation (最高人民法院关于人民法院特邀调解的规定第二十条).
  {
    code: 'agreement_submitted',
    zh: '调解协议已提交法院',
    en: 'Agreement submitted to the court',
    workerZh:
      '调解协议已经交给法院。法院审查后会制作调解书（或者按您的申请准许撤诉），调解书送到您和单位手上签收后就生效。',
    workerEn:
      'The agreement is with the court. After review the court makes a mediation document (or allows the suit to be withdrawn, if you asked for that); the document takes effect once you and the employer have signed for it.',
    phase: 'after_agreement',
    terminal: false,
  },
  {
    code: 'mediation_document_issued',
    zh: '调解书生效',
    en: 'Mediation document in effect',
    workerZh: '法院的调解书已经送达双方，已经生效，和判决一样可以强制执行。单位不按时付钱的，您可以申请法院强制执行。',
    workerEn:
      'The court’s mediation document has been served on both sides and is in effect; it can be enforced like a judgment. If the employer does not pay on time, you can ask the court to enforce it.',
    phase: 'after_agreement',
    terminal: false,
  },
  {
    code: 'performed',
    zh: '履行完毕',
    en: 'Performed',
    workerZh: '协议已经全部履行，钱已到账，案件结束。',
    workerEn: 'The agreement has been carried out in full and you have been paid. The case is finished.',
    phase: 'after_agreement',
    terminal: true,
  },
  {
    code: 'suit_withdrawn',
    zh: '准予撤诉',
    en: 'Suit withdrawn',
    workerZh: '按照调解协议，法院已裁定准许撤诉，这个案件在法院结束了。单位不按协议付钱的，请联系调解员。',
    workerEn:
      'Under the agreement the court has allowed the suit to be withdrawn; the court case has ended. If the employer does not pay as agreed, contact the mediator.',
    phase: 'after_agreement',
    terminal: true,
  },
  {
    code: 'enforcement_applied',
    zh: '申请强制执行',
    en: 'Enforcement applied for',
    workerZh: '单位没有按协议付钱，已经申请法院强制执行。',
    workerEn: 'The employer did not pay as agreed; the court has been asked to enforce the ruling.',
    phase: 'after_agreement',
    terminal: false,
  },
  {
    code: 'payment_order_applied',
    zh: '申请支付令',
    en: 'Payment order applied for',
    workerZh: '单位没有按协议付工资等款项，已经向法院申请支付令，让单位限期付款。',
    workerEn:
      'The employer did not pay the wages (or similar sums) as agreed; the court has been asked for a payment order.',
    phase: 'after_agreement',
    terminal: false,
  },
  {
    code: 'closed_failed',
    zh: '调解终止',
    en: 'Mediation ended without agreement',
    workerZh: '这次调解没有成功，案件材料会一并转过去，我们帮您去仲裁或起诉，不用从头再跑。',
    workerEn:
      'Mediation did not succeed. Your file goes with you to arbitration or court, so you do not have to start over.',
    phase: 'ended',
    terminal: true,
  },
];

export const STAGE_BY_CODE: Readonly<Record<Stage, StageInfo>> = Object.fromEntries(
  STAGES.map((s) => [s.code, s]),
) as Record<Stage, StageInfo>;

function stagesWhere(test: (s: StageInfo) => boolean): readonly Stage[] {
  return STAGES.filter(test).map((s) => s.code);
}

/** The case has ended (performed, closed_failed): it takes no action, and no clock runs for it. */
export const TERMINAL_STAGES = stagesWhere((s) => s.terminal);

/** Every stage but the terminal ones: the case still needs someone to act. */
export const OPEN_STAGES = stagesWhere((s) => !s.terminal);

/** Before an agreement exists (intake to mediating): the mediation period governs the case. */
export const PRE_AGREEMENT_OPEN_STAGES = stagesWhere((s) => s.phase === 'before_mediation' || s.phase === 'mediation');

/** An agreement is in force (signed, before the court, being enforced, or performed). */
export const POST_AGREEMENT_STAGES = stagesWhere((s) => s.phase === 'after_agreement');

export function isStage(x: unknown): x is Stage {
  return typeof x === 'string' && (STAGE_CODES as readonly string[]).includes(x);
}

export function isTerminal(stage: Stage): boolean {
  return STAGE_BY_CODE[stage].terminal;
}

export const CLOSE_REASONS = [
  'employer_unreachable',
  'employer_declined',
  'deadlock',
  'deadline_passed',
  'refused_to_sign',
  'withdrawn',
  'confirmation_refused',
  'agreement_not_performed',
  'document_refused',
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const CLOSE_REASON_LABELS: Readonly<Record<CloseReason, { zh: string; en: string }>> = {
  employer_unreachable: { zh: '无法联系用人单位', en: 'Employer unreachable' },
  employer_declined: { zh: '用人单位不同意调解', en: 'Employer declined to mediate' },
  deadlock: { zh: '调解不成', en: 'Deadlock' },
  deadline_passed: { zh: '调解期限届满', en: 'Mediation period ran out' },
  refused_to_sign: { zh: '一方拒绝签署协议', en: 'A party refused to sign' },
  withdrawn: { zh: '申请人撤回', en: 'Withdrawn by the applicant' },
  confirmation_refused: { zh: '法院不予确认，不再调解', en: 'Confirmation refused; no further mediation' },
  agreement_not_performed: { zh: '协议未履行，转仲裁', en: 'Agreement not performed; taken to arbitration' },
  document_refused: {
    zh: '调解书送达前一方反悔，由法院判决',
    en: 'A party backed out before the mediation document was served; the court decides',
  },
};

export const REFERRALS = ['lawsuit', 'arbitration'] as const;
export type Referral = (typeof REFERRALS)[number];

export const REFERRAL_LABELS: Readonly<Record<Referral, { zh: string; en: string }>> = {
  lawsuit: { zh: '转立案', en: 'Referred to court filing' },
  arbitration: { zh: '转仲裁', en: 'Referred to labor arbitration' },
};

/** Which close reasons make sense from which stage. */
export const CLOSE_REASONS_BY_STAGE: Readonly<Partial<Record<Stage, readonly CloseReason[]>>> = {
  intake: ['withdrawn', 'deadline_passed'],
  consultation: ['withdrawn', 'employer_unreachable', 'deadline_passed'],
  employer_contacted: ['withdrawn', 'employer_unreachable', 'employer_declined', 'deadline_passed'],
  consented: ['withdrawn', 'employer_unreachable', 'employer_declined', 'deadline_passed'],
  mediating: [
    'withdrawn',
    'employer_unreachable',
    'employer_declined',
    'deadlock',
    'refused_to_sign',
    'deadline_passed',
  ],
  agreement_signed: ['agreement_not_performed'],
  confirmation_refused: ['confirmation_refused'],
  agreement_submitted: ['document_refused'],
};
