import { AppError, errors } from '../../../core/errors.js';
import type { Tx } from '../../../db/client.js';
import { nextNumber } from '../../numbering/service.js';
import type { CaseRow } from '../case-writer.js';
import { REFUSAL_GROUNDS, type ActionCode, type RefusalGround } from '../rules/state-machine.js';
import { courtCode, highestRulingSeq } from './repository.js';

// The court's side of judicial confirmation (司法确认): the judge's review of every refusal ground,
// and the ruling's number. Both run inside applyAction (service.ts), on the locked case.

export type ConfirmationReview = Partial<Record<RefusalGround, boolean>>;

export const REFUSAL_GROUND_LABELS: Record<RefusalGround, string> = {
  violates_mandatory_law: '违反法律强制性规定',
  harms_state_public_or_third_party: '损害国家利益、社会公共利益或他人合法权益',
  offends_public_order: '违背公序良俗',
  not_voluntary: '违反自愿原则',
  content_unclear: '内容不明确',
  other: '其他不能进行司法确认的情形',
};

/**
 * Confirmation is decided against every refusal ground (民事诉讼法第二百零六条): a ruling needs all
 * of them checked as not applying; a refusal needs its ground checked as applying.
 */
export function checkedReview(
  action: ActionCode,
  /** The ground a refusal names (as the state machine recorded it). */
  ground: RefusalGround | undefined,
  review: ConfirmationReview | undefined,
): ConfirmationReview {
  const grounds = REFUSAL_GROUNDS.filter((g) => g !== 'other');
  const missing = grounds.filter((g) => review?.[g] === undefined);
  if (!review || missing.length)
    throw new AppError(
      'VALIDATION',
      `请逐项完成审查清单（未勾选：${missing.map((g) => REFUSAL_GROUND_LABELS[g]).join('、')}）`,
      `Complete the review checklist (missing: ${missing.join(', ')})`,
      'review',
    );
  const applying = grounds.filter((g) => review[g]);
  if (action === 'issue_ruling' && applying.length)
    throw new AppError(
      'VALIDATION',
      '审查清单中有不予确认的情形，不能出具确认裁定',
      'A refusal ground applies; the agreement cannot be confirmed',
      'review',
    );
  if (action === 'refuse_confirmation' && ground && ground !== 'other' && !review[ground])
    throw new AppError(
      'VALIDATION',
      '驳回理由须与审查清单一致',
      'The refusal ground must match the checklist',
      'review',
    );
  return review;
}

/**
 * （2025）粤2071民特12号: the court's code from its row, and the next number of that court's
 * series for the year (a counter row locked until commit, so two rulings never share a number).
 * A series used for the first time starts above any number already issued in it.
 */
export async function nextRulingNo(tx: Tx, row: CaseRow, issuedOn: string): Promise<string> {
  if (!row.courtId)
    throw errors.conflict('案件未关联法院，无法编号裁定书', 'The case has no court to number the ruling', 'courtId');
  const code = await courtCode(tx, row.courtId);
  if (code === null) throw errors.notFound('法院', 'Court');
  const year = issuedOn.slice(0, 4);
  const prefix = `（${year}）${code}民特`;
  const series = `ruling:${row.courtId}:${year}`;
  return `${prefix}${await nextNumber(tx, series, () => highestRulingSeq(tx, prefix))}号`;
}
