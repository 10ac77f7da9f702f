/**
 * 支付令申请书 — an agreement to pay wages, work-injury medical costs, severance or damages
 * that the employer does not perform within the agreed time lets the worker take the agreement
 * to the basic court for a payment order (劳动争议调解仲裁法第十六条; 督促程序, 民事诉讼法
 * 第二百二十五条, the debtor pays or objects within 15 days of service, 第二百二十七条).
 * No court confirmation is needed. 被申请人 is the party the agreement obliges to pay.
 */
import { formatDate } from '../format.js';
import { heading, p, type Block, type DocumentModel } from '../../../../core/documents/model.js';
import type { CaseDocumentData } from '../types.js';
import {
  agreementTerms,
  caseCause,
  isCollective,
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

export const ARTICLE_16 =
  '因支付拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金事项达成调解协议，用人单位在协议约定期限内不履行的，劳动者可以持调解协议书依法向人民法院申请支付令。人民法院应当依法发出支付令。';

export function paymentOrderApplication(d: CaseDocumentData): DocumentModel {
  const a = need(d.agreement, 'agreement');
  const f = need(d.paymentOrder, 'paymentOrder (appliedAt, paidFen, overdueFen)');
  checkDefault(a, f);
  const court = f.court ?? d.court;
  const payer = payerParty(d, a);
  const workers = workerNames(d);
  const effective = d.effectiveDate ?? a.concludedAt;
  const number = a.number ?? d.caseNumber;

  const blocks: Block[] = [
    { type: 'title', text: '支付令申请书', level: 'document' },
    ...workerBlocks(d, '申请人', { serviceAddress: true }),
    ...organisationBlocks('被申请人', payer),
    heading('请求事项：'),
    ...numbered([
      f.part
        ? `请求人民法院向被申请人${payer.name}发出支付令，督促被申请人自收到支付令之日起十五日内向申请人${workers}支付调解协议中${f.part.claims.join('、')}${money(f.part.amountFen)}`
        : `请求人民法院向被申请人${payer.name}发出支付令，督促被申请人自收到支付令之日起十五日内向申请人${workers}支付${a.subject}${money(f.overdueFen)}`,
      '本案申请费由被申请人负担',
    ]),
    heading('事实与理由：'),
    p(
      `申请人${workers}与被申请人${payer.name}因${caseCause(d)}，于${formatDate(a.concludedAt)}经${d.mediationBody.name}主持调解，自愿达成调解协议（编号：${number}）。该调解协议于${formatDate(effective)}${
        f.inForceOnPartiesSignatures
          ? '经双方当事人签名（盖章）后生效（《最高人民法院关于人民法院特邀调解的规定》第二十四条第三款）'
          : '经当事人签名（盖章）、调解员签名并加盖调解组织印章后生效'
      }，对双方具有约束力，主要内容如下：`,
    ),
    ...numbered(agreementTerms(d, a)),
    p(`${defaultSentence(d, a, f, '被申请人')}被申请人在协议约定期限内未履行支付义务。`),
    ...(f.part
      ? [
          p(
            `调解协议另有其他事项。本申请仅就其中${f.part.claims.join('、')}部分申请支付令，请求金额为${money(f.part.amountFen)}，其余事项另行主张。`,
          ),
        ]
      : []),
    p(
      `《中华人民共和国劳动争议调解仲裁法》第十六条规定：“${ARTICLE_16}”上述调解协议系就支付${a.subject}事项达成，被申请人未在协议约定期限内履行，申请人可以持调解协议书向人民法院申请支付令。`,
    ),
    p(
      `申请人请求被申请人给付的是金钱，已到期且数额确定；申请人与被申请人之间没有其他债务纠纷，支付令能够送达被申请人，符合《中华人民共和国民事诉讼法》第二百二十五条规定的条件。为此，依照《中华人民共和国劳动争议调解仲裁法》第十六条和《中华人民共和国民事诉讼法》第二百二十五条的规定，特向贵院申请支付令，请依法发出支付令。`,
    ),
    heading('附件：'),
    ...numbered(
      [
        `${agreementTitle(d)}（编号：${number}）一份`,
        isCollective(d) ? '申请人代表人的身份证明及代表人推选书各一份' : `申请人${workers}的居民身份证复印件一份`,
        `被申请人${payer.name}的主体信息一份`,
        '被申请人未履行调解协议的证明材料（付款记录等）',
      ],
      'arabic',
    ),
    ...applicationClosing(d, court.name, f.appliedAt, '申请人'),
  ];

  return {
    title: '支付令申请书',
    subject: `${workers}依调解协议（${number}）申请支付令`,
    blocks,
    pageNumbers: true,
  };
}
