/**
 * Joint mediation by a judge and a union mediator for major disputes, and the
 * representative rule for collective disputes.
 */

export interface JointMediationConfig {
  /** Invite a judge when this many workers or more are on the worker side. */
  minWorkers: number;
  /** Invite a judge when the total claim is at least this many fen. */
  minClaimFen: number;
  /** Invite a judge when the mediator asks for one. */
  onMediatorRequest: boolean;
}

export const DEFAULT_JOINT_MEDIATION_CONFIG: Readonly<JointMediationConfig> = {
  minWorkers: 10,
  minClaimFen: 50_000_000, // ¥500,000
  onMediatorRequest: true,
};

export interface JointMediationFacts {
  workerCount: number;
  /** Total of all workers' claims, in fen. */
  claimFen: number;
  mediatorRequested?: boolean;
}

export type JointMediationReasonCode = 'many_workers' | 'large_claim' | 'mediator_request';

export interface JointMediationReason {
  code: JointMediationReasonCode;
  message: string;
  messageEn: string;
}

function yuan(fen: number): string {
  const y = Math.floor(fen / 100);
  const f = fen % 100;
  return `${y.toLocaleString('en-US')}${f ? `.${String(f).padStart(2, '0')}` : ''}`;
}

/** The reasons to invite a judge; an empty list means no invitation is proposed. */
export function shouldInviteJudge(
  facts: JointMediationFacts,
  config: JointMediationConfig = DEFAULT_JOINT_MEDIATION_CONFIG,
): JointMediationReason[] {
  if (!Number.isInteger(facts.workerCount) || facts.workerCount < 0)
    throw new RangeError('workerCount must be a non-negative integer');
  if (!Number.isInteger(facts.claimFen) || facts.claimFen < 0)
    throw new RangeError('claimFen must be a non-negative integer (fen)');
  const reasons: JointMediationReason[] = [];
  if (config.minWorkers > 0 && facts.workerCount >= config.minWorkers) {
    reasons.push({
      code: 'many_workers',
      message: `涉及职工 ${facts.workerCount} 人，达到 ${config.minWorkers} 人的联合调解标准。`,
      messageEn: `${facts.workerCount} workers are involved (threshold ${config.minWorkers}).`,
    });
  }
  if (config.minClaimFen > 0 && facts.claimFen >= config.minClaimFen) {
    reasons.push({
      code: 'large_claim',
      message: `请求金额 ${yuan(facts.claimFen)} 元，达到 ${yuan(config.minClaimFen)} 元的联合调解标准。`,
      messageEn: `The claim is ¥${yuan(facts.claimFen)} (threshold ¥${yuan(config.minClaimFen)}).`,
    });
  }
  if (config.onMediatorRequest && facts.mediatorRequested) {
    reasons.push({
      code: 'mediator_request',
      message: '调解员申请法官参与联合调解。',
      messageEn: 'The mediator asked for a judge to join.',
    });
  }
  return reasons;
}

export type CollectiveForum = 'mediation' | 'arbitration' | 'lawsuit';

export interface CollectiveIssue {
  code:
    | 'invalid_count'
    | 'more_representatives_than_workers'
    | 'representatives_recommended'
    | 'too_few_representatives'
    | 'too_many_representatives'
    | 'not_collective';
  message: string;
  messageEn: string;
}

export interface CollectiveCheck {
  /** 10 or more workers: a collective dispute. */
  collective: boolean;
  /** Recommended number of representatives for the forum, when collective. */
  recommended: { min: number; max: number } | null;
  errors: CollectiveIssue[];
  warnings: CollectiveIssue[];
}

export const COLLECTIVE_MIN_WORKERS = 10;

/**
 * Representative ranges: arbitration 3–5 (劳动人事争议仲裁办案规则第六十三条); lawsuit
 * 2–5 (民诉法解释第七十八条). Mediation has no number of its own; the arbitration range
 * is used so the same representatives can carry the case on.
 */
export const REPRESENTATIVE_RANGE: Readonly<
  Record<CollectiveForum, { min: number; max: number; basis: string; basisEn: string }>
> = {
  mediation: {
    min: 3,
    max: 5,
    basis: '《劳动争议调解仲裁法》第七条；参照《劳动人事争议仲裁办案规则》第六十三条',
    basisEn:
      'Labor Dispute Mediation and Arbitration Law (劳动争议调解仲裁法) art. 7; by analogy with Rules for Labor and Personnel Dispute Arbitration (劳动人事争议仲裁办案规则) art. 63',
  },
  arbitration: {
    min: 3,
    max: 5,
    basis: '《劳动人事争议仲裁办案规则》第六十三条',
    basisEn: 'Rules for Labor and Personnel Dispute Arbitration (劳动人事争议仲裁办案规则) art. 63',
  },
  lawsuit: {
    min: 2,
    max: 5,
    basis: '《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第七十八条',
    basisEn: 'SPC Interpretation of the Civil Procedure Law (民诉法解释) art. 78',
  },
};

/**
 * 劳动争议调解仲裁法第七条: when 10 or more workers have a common claim they *may*
 * elect representatives. The statute says "may" (可以), so the platform does not
 * block a case without representatives: it warns. Only impossible data are errors.
 */
export function collectiveRule(
  workerCount: number,
  representativeCount: number,
  forum: CollectiveForum = 'mediation',
): CollectiveCheck {
  const errors: CollectiveIssue[] = [];
  const warnings: CollectiveIssue[] = [];
  if (
    !Number.isInteger(workerCount) ||
    workerCount < 1 ||
    !Number.isInteger(representativeCount) ||
    representativeCount < 0
  ) {
    errors.push({
      code: 'invalid_count',
      message: '人数须为整数：职工至少 1 人，代表人不少于 0 人。',
      messageEn: 'Counts must be whole numbers: at least 1 worker and 0 or more representatives.',
    });
    return { collective: false, recommended: null, errors, warnings };
  }
  if (representativeCount > workerCount) {
    errors.push({
      code: 'more_representatives_than_workers',
      message: '代表人数不能多于职工人数（代表人须从职工中推举）。',
      messageEn: 'There cannot be more representatives than workers (they are elected from among the workers).',
    });
  }
  const collective = workerCount >= COLLECTIVE_MIN_WORKERS;
  if (!collective) {
    if (representativeCount > 0) {
      warnings.push({
        code: 'not_collective',
        message: `不足 ${COLLECTIVE_MIN_WORKERS} 人，不属于集体争议，每位职工可以各自参加，也可以委托代理人。`,
        messageEn: `Fewer than ${COLLECTIVE_MIN_WORKERS} workers: not a collective dispute; each worker takes part in person or through an agent.`,
      });
    }
    return { collective, recommended: null, errors, warnings };
  }
  const range = REPRESENTATIVE_RANGE[forum];
  if (representativeCount === 0) {
    warnings.push({
      code: 'representatives_recommended',
      message: `职工一方 ${workerCount} 人且有共同请求，可以推举代表参加调解、仲裁或诉讼（《劳动争议调解仲裁法》第七条），建议推举 ${range.min}–${range.max} 名代表人（${range.basis}）。`,
      messageEn: `${workerCount} workers with a common claim may elect representatives (Labor Dispute Mediation and Arbitration Law (劳动争议调解仲裁法) art. 7); ${range.min}–${range.max} are recommended (${range.basisEn}).`,
    });
  } else if (representativeCount < range.min) {
    warnings.push({
      code: 'too_few_representatives',
      message: `代表人 ${representativeCount} 名，少于建议的 ${range.min} 名（${range.basis}）。`,
      messageEn: `${representativeCount} representatives, fewer than the ${range.min} recommended (${range.basisEn}).`,
    });
  } else if (representativeCount > range.max) {
    warnings.push({
      code: 'too_many_representatives',
      message: `代表人 ${representativeCount} 名，多于规定的 ${range.max} 名（${range.basis}）。`,
      messageEn: `${representativeCount} representatives, more than the ${range.max} allowed (${range.basisEn}).`,
    });
  }
  return { collective, recommended: { min: range.min, max: range.max }, errors, warnings };
}
