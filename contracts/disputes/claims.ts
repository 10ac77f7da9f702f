/** Claim types recorded on a case and on an agreement. */
export const CLAIM_TYPES = [
  'wage_arrears',
  'overtime_pay',
  'economic_compensation',
  'unlawful_termination_damages',
  'double_wage',
  'annual_leave_pay',
  'work_injury_medical',
  'work_injury_other',
  'social_insurance',
  'other',
] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

export const CLAIM_TYPE_LABELS: Readonly<Record<ClaimType, { zh: string; en: string }>> = {
  wage_arrears: { zh: '拖欠工资', en: 'Unpaid wages' },
  overtime_pay: { zh: '加班费', en: 'Overtime pay' },
  economic_compensation: { zh: '经济补偿', en: 'Severance (economic compensation)' },
  unlawful_termination_damages: { zh: '违法解除赔偿金', en: 'Damages for unlawful termination' },
  double_wage: { zh: '未签劳动合同二倍工资', en: 'Double wages (no written contract)' },
  annual_leave_pay: { zh: '未休年休假工资', en: 'Unused annual leave pay' },
  work_injury_medical: { zh: '工伤医疗费', en: 'Work-injury medical costs' },
  work_injury_other: { zh: '其他工伤待遇', en: 'Other work-injury benefits' },
  social_insurance: { zh: '社会保险', en: 'Social insurance' },
  other: { zh: '其他', en: 'Other' },
};

/**
 * Agreements a worker may take to court for a payment order (支付令) when the employer
 * does not pay on time: 劳动报酬 (wages, overtime pay), 工伤医疗费, 经济补偿, 赔偿金
 * (劳动争议调解仲裁法第十六条).
 */
export const PAYMENT_ORDER_CLAIM_TYPES: readonly ClaimType[] = [
  'wage_arrears',
  'overtime_pay',
  'work_injury_medical',
  'economic_compensation',
  'unlawful_termination_damages',
];
