/** 调解建议书（协商方案） — the mediator's analysis and proposal, sent to both parties. */
import { chineseOrdinal, formatDate } from '../format.js';
import { heading, p, type Block, type DocumentModel } from '../../../../core/documents/model.js';
import type { CaseDocumentData } from '../types.js';
import {
  APPLICANT_RESPONDENT,
  caseCause,
  liableLabel,
  money,
  need,
  numbered,
  partyBlocks,
  respondentNames,
  rosterBlocks,
  textParagraphs,
  workerNames,
} from './common.js';
import { analysisTable } from './tables.js';

export function negotiationProposal(d: CaseDocumentData): DocumentModel {
  const proposal = need(d.proposal, 'proposal');
  const analysis = d.analysis ?? [];
  let section = 0;
  const next = (title: string) => heading(`${chineseOrdinal(++section)}、${title}`);

  const blocks: Block[] = [
    { type: 'title', text: '调解建议书', level: 'document' },
    { type: 'line', text: '（劳动争议协商方案）', align: 'center' },
    { type: 'line', text: `编号：${d.caseNumber}`, align: 'right' },
    ...partyBlocks(d, APPLICANT_RESPONDENT, { id: false }),
    p(
      `本${d.mediationBody.kind === 'people' ? '委员会' : '调解组织'}受理申请人${workerNames(d)}与被申请人${respondentNames(d)}${caseCause(d)}后，经询问当事人、审查证据材料，依照有关法律法规，提出如下协商方案，供双方当事人协商时参考。`,
    ),
    next('基本事实'),
    ...textParagraphs(d.facts),
  ];
  if (d.issues.length > 0) blocks.push(next('争议焦点'), ...numbered(d.issues, 'paren'));
  if (analysis.length > 0) {
    const total = analysis.reduce((s, i) => s + i.amountFen, 0);
    blocks.push(
      next('法律分析与计算'),
      p('根据申请人提供的工资、工时等材料，依照下列法律法规计算申请人依法可主张的款项如下：'),
      analysisTable(analysis),
      p(`经计算，申请人依法可主张的款项合计${money(total)}。`),
    );
  }
  const liable = d.parties.liableParties ?? [];
  if (liable.length > 0) {
    blocks.push(next('相关主体的清偿责任'));
    for (const l of liable) {
      const why = l.liabilityExplanation ? `${l.liabilityExplanation.replace(/[。；]$/u, '')}。` : '';
      const basis = l.liabilityBasis ? `依照${l.liabilityBasis}的规定，` : '';
      blocks.push(p(`${l.name}系本案${liableLabel(l)}。${why}${basis}${l.name}应当依法承担清偿责任。`));
    }
  }
  blocks.push(next('协商方案'), ...textParagraphs(proposal.text));
  blocks.push(p(`建议被申请人向申请人支付${money(proposal.proposedTotalFen)}。`));
  if (proposal.items && proposal.items.length > 0) {
    blocks.push(
      p('其中：'),
      ...numbered(
        proposal.items.map((i) => `${i.label}${money(i.amountFen)}`),
        'arabic',
      ),
    );
  }
  if (proposal.paymentPlan) blocks.push(p(`付款安排：${proposal.paymentPlan.replace(/[。；]$/u, '')}。`));
  if (proposal.replyBy)
    blocks.push(p(`请双方当事人于${formatDate(proposal.replyBy)}前将是否同意本方案的意见反馈本调解组织。`));
  blocks.push(
    next('说明'),
    p(
      '本方案系调解组织依据当事人陈述和所提交的证据材料，依照有关法律法规提出的调解建议，不具有强制约束力。双方当事人可在平等自愿的基础上协商调整；协商不成的，当事人可以依法申请劳动争议仲裁或者向人民法院提起诉讼。',
    ),
    {
      type: 'signoff',
      lines: [
        { text: d.mediationBody.name, align: 'right' },
        ...(d.mediators && d.mediators.length > 0
          ? [{ text: `调解员：${d.mediators.join('、')}`, align: 'right' as const }]
          : []),
        { text: formatDate(proposal.issuedAt), align: 'right' },
      ],
    },
    ...rosterBlocks(d),
  );
  return {
    title: '调解建议书（劳动争议协商方案）',
    subject: `${d.caseNumber} ${workerNames(d)}与${respondentNames(d)}${caseCause(d)}`,
    blocks,
    pageNumbers: true,
  };
}
