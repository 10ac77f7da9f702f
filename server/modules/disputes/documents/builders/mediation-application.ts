/** 劳动争议调解申请书 — the worker's application to the mediation body. */
import { formatDate, formatYuan } from '../format.js';
import { heading, p, type Block, type DocumentModel } from '../../../../core/documents/model.js';
import type { CaseDocumentData } from '../types.js';
import {
  APPLICANT_RESPONDENT,
  BLANK,
  CLAIM_LABELS,
  DocumentDataError,
  caseCause,
  money,
  need,
  numbered,
  partyBlocks,
  respondentNames,
  rosterBlocks,
  textParagraphs,
  workerNames,
} from './common.js';
import { evidenceTable } from './tables.js';

export function mediationApplication(d: CaseDocumentData): DocumentModel {
  const app = need(d.application, 'application (appliedAt, mode)');
  if (d.claims.length === 0) throw new DocumentDataError('an application needs at least one claim');
  const total = d.claims.reduce((s, c) => s + c.amountFen, 0);
  const blocks: Block[] = [
    { type: 'title', text: '劳动争议调解申请书', level: 'document' },
    { type: 'line', text: `编号：${d.caseNumber}`, align: 'right' },
    ...partyBlocks(d, APPLICANT_RESPONDENT),
    heading('请求事项：'),
    ...numbered(
      d.claims.map((c) => `请求被申请人支付${c.description}（${CLAIM_LABELS[c.type]}）${formatYuan(c.amountFen)}`),
    ),
    p(`以上合计${money(total)}。`),
    heading('事实与理由：'),
    ...textParagraphs(d.facts),
  ];
  if (d.issues.length > 0) blocks.push(heading('争议事项：'), ...numbered(d.issues, 'paren'));
  if (d.parties.liableParties && d.parties.liableParties.length > 0) {
    blocks.push(
      p(
        `申请人认为，${d.parties.liableParties
          .map((l) => `${l.name}${l.liabilityBasis ? `依照${l.liabilityBasis}` : ''}应当承担清偿责任`)
          .join('；')}，故一并列为被申请人。`,
      ),
    );
  }
  blocks.push(
    p(
      `为此，申请人依照《中华人民共和国劳动争议调解仲裁法》第十条、第十二条的规定，向贵${d.mediationBody.kind === 'people' ? '委员会' : '组织'}申请调解，请求依法调解处理${caseCause(d)}。`,
    ),
  );
  if (d.evidence && d.evidence.length > 0) blocks.push(heading('证据材料：'), evidenceTable(d.evidence));
  if (app.mode === 'oral') {
    blocks.push(
      p(
        `本申请系申请人口头提出，由调解员${app.recordedBy ?? BLANK}当场记录，经申请人核对无误（《中华人民共和国劳动争议调解仲裁法》第十二条）。`,
      ),
    );
  }
  blocks.push(
    // 此致 indented, the addressee flush left on the next line: one paragraph, so they never part
    { type: 'paragraph', runs: [{ text: `此致\n${d.mediationBody.name}` }], indent: true, align: 'left' },
    {
      type: 'signoff',
      lines: [
        { text: `申请人（签名）：${d.parties.workers.length > 3 ? workerNames(d) : BLANK}`, align: 'right' },
        ...(app.mode === 'oral' ? [{ text: `记录人：${app.recordedBy ?? BLANK}`, align: 'right' as const }] : []),
        { text: formatDate(app.appliedAt), align: 'right' },
      ],
    },
    ...rosterBlocks(d),
  );
  return {
    title: '劳动争议调解申请书',
    subject: `${d.caseNumber} ${workerNames(d)}与${respondentNames(d)}${caseCause(d)}`,
    blocks,
    pageNumbers: true,
  };
}
