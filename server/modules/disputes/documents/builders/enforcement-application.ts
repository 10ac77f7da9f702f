/**
 * 强制执行申请书 — the worker applies to the court that confirmed the mediation agreement (or, for
 * a post-filing case, made the mediation document: 民事诉讼法第一百条、第二百四十七条) for
 * enforcement when the paying party does not perform (民事诉讼法第二百四十七条; the two-year
 * period of 第二百五十条 runs from the last instalment's due date; interest on the delay under
 * 第二百六十四条). 申请执行人 is the worker, 被执行人 the party the agreement obliges to pay.
 */
import { addYears } from '../../../../../contracts/dates.js';
import { formatDate } from '../format.js';
import { heading, labelled, p, type Block, type DocumentModel } from '../../../../core/documents/model.js';
import type { CaseDocumentData } from '../types.js';
import {
  DocumentDataError,
  agreementTerms,
  caseCause,
  isCollective,
  lastInstalment,
  money,
  need,
  numbered,
  organisationBlocks,
  payerParty,
  workerBlocks,
  workerNames,
} from './common.js';
import { agreementTitle } from './mediation-agreement.js';
import { applicationClosing, checkDefault, defaultSentence } from './performance.js';

const CPL = '《中华人民共和国民事诉讼法》';

/** What the application enforces: the confirmation ruling, or the court's served mediation document. */
interface Title {
  number: string;
  date: string;
  /** 民事裁定书 / 民事调解书 */
  name: string;
  basis: string;
  story: string;
}

function titleOf(d: CaseDocumentData, court: string): Title {
  const m = d.mediationDocument;
  if (m && !d.ruling) {
    return {
      number: m.number,
      date: m.issuedAt,
      name: '民事调解书',
      basis: `${court}${formatDate(m.issuedAt)}作出的${m.number}民事调解书。`,
      story: `${court}依据该调解协议于${formatDate(m.issuedAt)}制作${m.number}民事调解书，该调解书经双方当事人签收，于${formatDate(m.effectiveAt)}发生法律效力（${CPL}第一百条第三款）。`,
    };
  }
  const r = need(d.ruling, 'ruling or mediationDocument');
  if (r.decision !== 'confirmed')
    throw new DocumentDataError('enforcement needs a ruling that confirmed the agreement');
  return {
    number: r.number,
    date: r.date,
    name: '民事裁定书',
    basis: `${court}${formatDate(r.date)}作出的${r.number}民事裁定书及该裁定书确认有效的调解协议`,
    story: `经各方当事人申请，${court}于${formatDate(r.date)}作出${r.number}民事裁定书，确认该调解协议有效，并载明一方当事人拒绝履行或者未全部履行的，对方当事人可以向人民法院申请执行。该裁定书已发生法律效力。`,
  };
}

export function enforcementApplication(d: CaseDocumentData): DocumentModel {
  const a = need(d.agreement, 'agreement');
  const f = need(d.enforcement, 'enforcement (appliedAt, paidFen, overdueFen)');
  checkDefault(a, f);
  const court = f.court ?? d.confirmation?.court ?? d.court;
  const title = titleOf(d, court.name);
  const payer = payerParty(d, a);
  const workers = workerNames(d);
  const effective = d.effectiveDate ?? a.concludedAt;
  const lastDue = lastInstalment(a).dueDate;
  const withinPeriod = f.appliedAt <= addYears(lastDue, 2);

  const blocks: Block[] = [
    { type: 'title', text: '强制执行申请书', level: 'document' },
    ...workerBlocks(d, '申请执行人', { serviceAddress: true }),
    ...organisationBlocks('被执行人', payer),
    labelled(
      '执行依据：',
      title.name === '民事调解书' ? title.basis : `${title.basis}（编号：${a.number ?? d.caseNumber}）。`,
    ),
    heading('执行请求：'),
    ...numbered([
      `请求强制被执行人${payer.name}向申请执行人${workers}支付到期未付的${a.subject}${money(f.overdueFen)}`,
      `请求责令被执行人依照${CPL}第二百六十四条的规定加倍支付迟延履行期间的债务利息`,
      '本案执行费用由被执行人负担',
    ]),
    heading('事实与理由：'),
    p(
      `申请执行人${workers}与被执行人${payer.name}因${caseCause(d)}，于${formatDate(a.concludedAt)}经${d.mediationBody.name}主持调解，自愿达成调解协议（编号：${a.number ?? d.caseNumber}），主要内容如下：`,
    ),
    ...numbered(agreementTerms(d, a)),
    p(`该调解协议于${formatDate(effective)}生效。${title.story}`),
    p(`${defaultSentence(d, a, f, '被执行人')}被执行人未按照生效法律文书确定的期限履行给付义务。`),
    p(
      `依照${CPL}第二百四十七条的规定，发生法律效力的${title.name === '民事调解书' ? '调解书' : '民事裁定'}，一方拒绝履行的，对方当事人可以向人民法院申请执行。${
        withinPeriod ? `本申请在${CPL}第二百五十条规定的二年申请执行期间内提出。` : ''
      }为维护申请执行人的合法权益，特向贵院申请强制执行，请依法支持申请执行人的请求。`,
    ),
    heading('附件：'),
    ...numbered(
      [
        `${title.number}${title.name}副本一份`,
        `${agreementTitle(d)}一份`,
        isCollective(d)
          ? `申请执行人代表人的身份证明及代表人推选书各一份`
          : `申请执行人${workers}的居民身份证复印件一份`,
        `被执行人${payer.name}的主体信息一份`,
        '被执行人未履行或者未全部履行义务的证明材料（付款记录等）',
      ],
      'arabic',
    ),
    ...applicationClosing(d, court.name, f.appliedAt, '申请执行人'),
  ];

  return {
    title: '强制执行申请书',
    subject: `${workers}申请强制执行${title.number}${title.name}`,
    blocks,
    pageNumbers: true,
  };
}
