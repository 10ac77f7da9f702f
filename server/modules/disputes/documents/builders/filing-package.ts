/**
 * 案件材料包 — what a failed mediation carries to the court's filing desk or the arbitration
 * commission: parties, claims, facts, issues, the calculation, the mediation record, evidence,
 * and why mediation ended.
 */
import { chineseOrdinal, formatDate, formatDateTime } from '../format.js';
import { heading, p, type Block, type DocumentModel } from '../../../../core/documents/model.js';
import type { CaseDocumentData } from '../types.js';
import {
  APPLICANT_RESPONDENT,
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
import { analysisTable, claimsTable, evidenceTable, sessionModeLabel, sessionsTable } from './tables.js';

export function filingPackage(d: CaseDocumentData): DocumentModel {
  const routing = need(d.routing, 'routing (route, reason, destination)');
  const routeLabel = routing.route === 'lawsuit' ? '转立案' : '转仲裁';
  let section = 0;
  const next = (title: string) => heading(`${chineseOrdinal(++section)}、${title}`);

  const blocks: Block[] = [
    { type: 'title', text: '劳动争议案件材料包', level: 'document' },
    { type: 'line', text: `案件编号：${d.caseNumber}`, align: 'center' },
    { type: 'line', text: `${routeLabel}：${routing.destination}（${formatDate(routing.routedAt)}）`, align: 'center' },
    p(
      `申请人${workerNames(d)}与被申请人${respondentNames(d)}${caseCause(d)}一案，经${d.mediationBody.name}调解未能达成协议，现将案件材料整理移送${routing.destination}，供${routing.route === 'lawsuit' ? '立案审查' : '仲裁受理'}参考。`,
    ),
    next('当事人基本情况'),
    ...partyBlocks(d, APPLICANT_RESPONDENT),
  ];
  if (d.claims.length > 0) blocks.push(next('请求事项'), claimsTable(d.claims));
  blocks.push(next('案件事实'), ...textParagraphs(d.facts));
  if (d.issues.length > 0) blocks.push(next('争议焦点'), ...numbered(d.issues, 'paren'));
  if (d.analysis && d.analysis.length > 0) blocks.push(next('法律分析与计算'), analysisTable(d.analysis));
  if (d.proposal) {
    blocks.push(
      next('调解方案'),
      p(
        `调解组织于${formatDate(d.proposal.issuedAt)}提出协商方案，建议被申请人支付${money(d.proposal.proposedTotalFen)}。`,
      ),
    );
  }
  const sessions = d.sessions ?? [];
  if (sessions.length > 0) {
    blocks.push(next('调解经过'), sessionsTable(sessions));
    sessions.forEach((s, i) => {
      const where = s.location ? `，地点：${s.location}` : '';
      blocks.push(
        p(`（${chineseOrdinal(i + 1)}）${formatDateTime(s.startedAt)}，${sessionModeLabel(s.mode)}调解${where}。`, {
          keepWithNext: true,
        }),
        ...textParagraphs(s.summary),
      );
    });
  }
  if (d.evidence && d.evidence.length > 0) blocks.push(next('证据清单'), evidenceTable(d.evidence));
  blocks.push(next('调解终结及移送说明'), p(`调解终结原因：${routing.reason.replace(/[。；]$/u, '')}。`));
  if (routing.notes && routing.notes.length > 0) blocks.push(p('提示：'), ...numbered(routing.notes, 'arabic'));
  blocks.push(
    {
      type: 'signoff',
      lines: [
        { text: d.mediationBody.name, align: 'right' },
        ...(d.mediators && d.mediators.length > 0
          ? [{ text: `调解员：${d.mediators.join('、')}`, align: 'right' as const }]
          : []),
        { text: formatDate(routing.routedAt), align: 'right' },
      ],
    },
    ...rosterBlocks(d),
  );
  return {
    title: '劳动争议案件材料包',
    subject: `${d.caseNumber} ${routeLabel}`,
    blocks,
    pageNumbers: true,
  };
}
