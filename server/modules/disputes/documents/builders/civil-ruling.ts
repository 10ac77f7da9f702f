/**
 * 民事裁定书 on an application for judicial confirmation of a mediation agreement
 * (民事诉讼法第二百零五条、第二百零六条), after the Supreme People's Court's document samples:
 * court header, title, number, applicants, the procedure, the agreement, the court's view,
 * the decision, judge, date, seal, 本件与原本核对无异, clerk.
 */
import { formatDate, formatDateInChineseNumerals } from '../format.js';
import { p, type Block, type DocumentModel } from '../../../../core/documents/model.js';
import type { CaseDocumentData, RefusalGround } from '../types.js';
import {
  agreementTerms,
  caseCause,
  DocumentDataError,
  need,
  numbered,
  partyBlocks,
  respondentNames,
  rosterBlocks,
  workerNames,
} from './common.js';

export const REFUSAL_GROUNDS: Record<RefusalGround, string> = {
  'mandatory-law': '该调解协议违反法律、行政法规的强制性规定',
  'public-interest': '该调解协议损害国家利益、社会公共利益或者他人合法权益',
  'public-order': '该调解协议违背公序良俗',
  'not-voluntary': '该调解协议违反自愿原则',
  unclear: '该调解协议内容不明确，无法确认',
  other: '该调解协议不符合司法确认的条件',
};

const CIVIL_PROCEDURE_LAW = '《中华人民共和国民事诉讼法》';

export function civilRuling(d: CaseDocumentData): DocumentModel {
  const r = need(d.ruling, 'ruling');
  const a = need(d.agreement, 'agreement');
  const conf = need(d.confirmation, 'confirmation (appliedAt)');
  const court = conf.court ?? d.court;
  const workers = workerNames(d);
  const others = respondentNames(d);
  const body = d.mediationBody.name;
  if (r.decision === 'refused' && !r.refusalGround) throw new DocumentDataError('a refusal needs its ground');

  const blocks: Block[] = [
    { type: 'title', text: court.name, level: 'court' },
    { type: 'title', text: '民 事 裁 定 书', level: 'document' },
    { type: 'line', text: r.number, align: 'right' },
    ...partyBlocks(
      d,
      { worker: '申请人', employer: '申请人', liable: () => '申请人' },
      { id: false, phone: false, agentLabel: '委托诉讼代理人' },
    ),
    p(
      `申请人${workers}与申请人${others}于${formatDate(conf.appliedAt)}向本院申请司法确认调解协议。本院于${formatDate(r.acceptedAt ?? conf.appliedAt)}立案后，依法进行了审查，现已审查终结。`,
    ),
    p(
      `申请人${workers}与${others}因${caseCause(d)}，于${formatDate(a.concludedAt)}经${body}主持调解，达成了如下调解协议：`,
    ),
    ...numbered(agreementTerms(d, a)),
    p(
      `申请人${workers}与${others}认为，前述协议系各方自愿达成，内容不违反法律、行政法规的强制性规定，不损害国家利益、社会公共利益和他人合法权益，请求人民法院依法确认调解协议有效。`,
    ),
  ];

  if (r.decision === 'confirmed') {
    const basis = r.legalBasis?.join('、') ?? `${CIVIL_PROCEDURE_LAW}第二百零五条、第二百零六条`;
    blocks.push(
      p(`本院经审查认为，申请人达成的调解协议，符合司法确认调解协议的法定条件。依照${basis}规定，裁定如下：`),
      p(`一、申请人${workers}与申请人${others}于${formatDate(a.concludedAt)}经${body}主持调解达成的调解协议有效。`),
      p(
        '二、当事人应当按照调解协议的约定自觉履行义务。一方当事人拒绝履行或者未全部履行的，对方当事人可以向人民法院申请执行。',
      ),
    );
  } else {
    const ground = REFUSAL_GROUNDS[r.refusalGround as RefusalGround];
    const reason = r.refusalReason ? `，${r.refusalReason.replace(/[。；]$/u, '')}` : '';
    const basis = r.legalBasis?.join('、') ?? `${CIVIL_PROCEDURE_LAW}第二百零六条`;
    blocks.push(
      p(`本院经审查认为，${ground}${reason}，不符合司法确认调解协议的法定条件。依照${basis}规定，裁定如下：`),
      p(`驳回申请人${workers}与申请人${others}的司法确认申请。`),
      p('当事人可以通过调解方式变更原调解协议或者达成新的调解协议，也可以向人民法院提起诉讼。'),
    );
  }
  blocks.push(p('本裁定书自即日起发生法律效力。'), {
    type: 'signoff',
    lines: [
      { text: `审　判　员　${r.judge}`, align: 'right' },
      { text: '', align: 'right' },
      { text: formatDateInChineseNumerals(r.date), align: 'right' },
      { text: '（院印）', align: 'right' },
      { text: '本件与原本核对无异', align: 'left' },
      { text: `书　记　员　${r.clerk}`, align: 'right' },
    ],
  });
  blocks.push(...rosterBlocks(d));

  return {
    title: `${court.name}民事裁定书 ${r.number}`,
    subject: `${workers}与${others}申请司法确认调解协议`,
    blocks,
    pageNumbers: true,
  };
}
