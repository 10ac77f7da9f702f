/**
 * What the enforcement and payment-order applications share: the check of the default's
 * figures and the sentences that say what the agreement required, what was paid and what is
 * overdue on the day of the application.
 */
import { formatDate } from '../format.js';
import type { Block } from '../../../../core/documents/model.js';
import type { AgreementTerms, CaseDocumentData, PerformanceDefault } from '../types.js';
import { BLANK, DocumentDataError, checkAgreement, isCollective, money, payerName, rosterBlocks } from './common.js';

/** Throws on figures that must not be printed: nothing overdue, or more paid and owed than agreed. */
export function checkDefault(a: AgreementTerms, f: PerformanceDefault): void {
  checkAgreement(a);
  if (!Number.isSafeInteger(f.paidFen) || f.paidFen < 0)
    throw new DocumentDataError('paid amount must be a non-negative integer number of fen');
  if (!Number.isSafeInteger(f.overdueFen) || f.overdueFen <= 0)
    throw new DocumentDataError('an application needs an overdue amount (a positive integer number of fen)');
  if (f.paidFen + f.overdueFen > a.totalFen)
    throw new DocumentDataError('paid and overdue amounts exceed the agreed total');
}

/** The instalments that fell due before the application. */
export function dueInstalments(a: AgreementTerms, f: PerformanceDefault): AgreementTerms['instalments'] {
  return a.instalments.filter((i) => i.dueDate < f.appliedAt);
}

/**
 * 按照调解协议，X应于…前支付…。截至…，X已支付…（未支付任何款项），尚有…逾期未付；另有…尚未到期。
 * `debtor` names the paying party the way the document calls it (被执行人 / 被申请人).
 */
export function defaultSentence(d: CaseDocumentData, a: AgreementTerms, f: PerformanceDefault, debtor: string): string {
  const payer = payerName(d, a);
  const due = dueInstalments(a, f);
  const dueFen = due.reduce((s, i) => s + i.amountFen, 0);
  const parts: string[] = [];
  const last = due.at(-1);
  if (last) {
    parts.push(`按照调解协议的约定，${debtor}${payer}应于${formatDate(last.dueDate)}前支付${money(dueFen)}`);
  }
  const paid = f.paidFen > 0 ? `仅支付${money(f.paidFen)}` : '未支付任何款项';
  parts.push(`截至${formatDate(f.appliedAt)}，${debtor}${paid}，尚有${money(f.overdueFen)}逾期未付`);
  const notDue = a.totalFen - f.paidFen - f.overdueFen;
  if (notDue > 0) parts.push(`另有${money(notDue)}尚未到约定的履行期限`);
  return `${parts.join('；')}。`;
}

/** The end of an application to the court: 此致 the court, the applicant's signature line and date, the roster. */
export function applicationClosing(
  d: CaseDocumentData,
  courtName: string,
  appliedAt: string,
  applicant: string,
): Block[] {
  return [
    { type: 'paragraph', runs: [{ text: `此致\n${courtName}` }], indent: true, align: 'left' },
    {
      type: 'signatures',
      rows: [
        {
          left: `${isCollective(d) ? `${applicant}代表人（签名）` : `${applicant}（签名）`}：${BLANK}`,
          right: formatDate(appliedAt),
        },
      ],
      widths: [3, 1],
    },
    ...rosterBlocks(d),
  ];
}
