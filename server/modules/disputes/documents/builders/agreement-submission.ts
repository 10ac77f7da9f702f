/**
 * 调解协议提交函 — the studio's letter submitting a post-filing agreement to the court that referred the
 * case (最高人民法院关于人民法院特邀调解的规定第二十条: 委托调解达成调解协议，特邀调解员应当向人民法院提交调解
 * 协议，由人民法院审查并制作调解书结案；达成调解协议后，当事人申请撤诉的，人民法院应当依法作出裁定). It
 * states that the agreement was served on both parties, what they ask the court for, and that a
 * mediation document takes effect once both have signed for it (民事诉讼法第一百条第三款).
 */
import { formatDate, HAND_BLANK } from '../format.js';
import { heading, p, type Block, type DocumentModel } from '../../../../core/documents/model.js';
import type { CaseDocumentData } from '../types.js';
import { agreementTerms, caseCause, need, numbered, respondentNames, workerNames } from './common.js';
import { agreementTitle } from './mediation-agreement.js';

const SPC = '《最高人民法院关于人民法院特邀调解的规定》';
const CPL = '《中华人民共和国民事诉讼法》';

export function agreementSubmission(d: CaseDocumentData): DocumentModel {
  const a = need(d.agreement, 'agreement');
  const s = need(d.courtSubmission, 'courtSubmission (submittedAt, requested)');
  const workers = workerNames(d);
  const others = respondentNames(d);
  const effective = d.effectiveDate ?? a.concludedAt;
  const withdrawal = s.requested === 'withdrawal';
  const mediator = d.mediators?.[0];

  const blocks: Block[] = [
    { type: 'title', text: '调解协议提交函', level: 'document' },
    { type: 'line', text: `编号：${d.caseNumber}`, align: 'right' },
    p(`${d.court.name}：`, { indent: false }),
    p(
      `贵院立案受理的${workers}与${others}${caseCause(d)}一案，委托${d.mediationBody.name}进行调解。经调解，双方当事人于${formatDate(a.concludedAt)}自愿达成调解协议（编号：${a.number ?? d.caseNumber}），主要内容如下：`,
    ),
    ...numbered(agreementTerms(d, a)),
    p(`该调解协议已于${formatDate(effective)}经双方当事人和特邀调解员签名（盖章）。`),
    p(
      withdrawal
        ? `原告${workers}申请撤回起诉，撤诉申请书随函附上。依照${SPC}第二十条的规定，现将调解协议提交贵院，请依法审查并作出裁定。`
        : `双方当事人申请贵院依法审查后制作调解书。依照${SPC}第二十条的规定，现将调解协议提交贵院，请依法审查并制作调解书。调解书经双方当事人签收后，即具有法律效力（${CPL}第一百条第三款）。`,
    ),
    heading('附件：'),
    ...numbered(
      [`${agreementTitle(d)}一份`, '调解笔录一份', ...(withdrawal ? [`原告${workers}的撤诉申请书一份`] : [])],
      'arabic',
    ),
    {
      type: 'signatures',
      rows: [
        { left: `特邀调解员（签名）：${mediator ?? HAND_BLANK}`, right: formatDate(s.submittedAt) },
        { left: `特邀调解组织（印章）：${d.mediationBody.name}`, right: formatDate(s.submittedAt) },
      ],
      widths: [3, 1],
    },
  ];

  return {
    title: '调解协议提交函',
    subject: `${workers}与${others}${caseCause(d)}一案调解协议提交${d.court.name}`,
    blocks,
    pageNumbers: true,
  };
}
