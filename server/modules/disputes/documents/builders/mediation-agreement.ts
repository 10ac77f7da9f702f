/** 调解协议书 / 人民调解协议书 —劳动争议调解仲裁法第十四条, 人民调解法第二十八条至第二十九条. */
import { chineseOrdinal, formatDate } from '../format.js';
import { heading, p, type Block, type DocumentModel, type SignatureRow } from '../../../../core/documents/model.js';
import type { CaseDocumentData } from '../types.js';
import {
  APPLICANT_RESPONDENT,
  BLANK,
  PAYMENT_ORDER_CLAIMS,
  agreementTerms,
  caseCause,
  isCollective,
  need,
  numbered,
  partyBlocks,
  respondents,
  respondentNames,
  rosterBlocks,
  signatureDate,
  signatureLine,
  textParagraphs,
  workerNames,
} from './common.js';

export function agreementTitle(d: CaseDocumentData): string {
  return d.mediationBody.kind === 'people' ? '人民调解协议书' : '调解协议书';
}

export function mediationAgreement(d: CaseDocumentData): DocumentModel {
  const a = need(d.agreement, 'agreement');
  const sig = d.signatures ?? { seal: false };
  const parties = d.parties.workers.length + respondents(d).length;
  const collective = isCollective(d);
  // one per worker side (one for all in a collective case), one per respondent, one for the mediation body
  const copies = a.copies ?? (collective ? 1 : d.parties.workers.length) + respondents(d).length + 1;

  const blocks: Block[] = [
    { type: 'title', text: agreementTitle(d), level: 'document' },
    { type: 'line', text: `编号：${a.number ?? d.caseNumber}`, align: 'right' },
    ...partyBlocks(d, APPLICANT_RESPONDENT),
    heading('纠纷主要事实、争议事项：'),
    ...textParagraphs(d.facts),
  ];
  if (d.issues.length > 0) blocks.push(p('争议事项：'), ...numbered(d.issues, 'paren'));
  blocks.push(
    heading(`经${d.mediationBody.name}主持调解，双方当事人自愿达成如下协议：`),
    ...numbered(agreementTerms(d, a)),
    p(
      `本协议一式${chineseOrdinal(copies)}份，${parties > 1 ? '当事人各执一份' : '当事人执一份'}，调解组织留存一份，具有同等法律效力。${effectClause(d)}`,
    ),
  );
  if (d.claims.some((c) => PAYMENT_ORDER_CLAIMS.has(c.type))) {
    blocks.push(
      p(
        '因支付拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金事项达成调解协议，用人单位在协议约定期限内不履行的，劳动者可以持本协议书依法向人民法院申请支付令（《中华人民共和国劳动争议调解仲裁法》第十六条）。',
      ),
    );
  }
  blocks.push(
    p(
      d.postFiling
        ? '本协议由特邀调解员提交人民法院，由人民法院依法审查后制作调解书；当事人申请撤诉的，由人民法院依法作出裁定（《最高人民法院关于人民法院特邀调解的规定》第二十条）。调解书经双方当事人签收后，即具有法律效力；一方拒绝履行的，对方当事人可以向人民法院申请执行（《中华人民共和国民事诉讼法》第一百条、第二百四十七条）。'
        : '双方当事人可以自本协议生效之日起三十日内，共同向有管辖权的人民法院申请司法确认（《中华人民共和国民事诉讼法》第二百零五条）。经人民法院确认有效后，一方当事人拒绝履行或者未全部履行的，对方当事人可以向人民法院申请强制执行。',
    ),
  );

  const rows: SignatureRow[] = [];
  const workerLabel = collective ? '申请人代表人（签名）' : '申请人（签名）';
  const workerName = collective
    ? (d.parties.representatives ?? []).map((r) => r.name).join('、') || workerNames(d)
    : workerNames(d);
  rows.push({ left: signatureLine(workerLabel, workerName, sig.worker), right: signatureDate(sig.worker?.signedAt) });
  for (const party of respondents(d)) {
    // A person signs; an organisation seals, and on paper its representative signs as well.
    if (party.kind === 'person') {
      rows.push({
        left: signatureLine('被申请人（签名）', party.name, sig.employer),
        right: signatureDate(sig.employer?.signedAt),
      });
      continue;
    }
    rows.push({
      left: signatureLine('被申请人（盖章）', party.name, sig.employer, true),
      right: signatureDate(sig.employer?.signedAt),
    });
    if (!sig.employer || sig.employer.method === 'handwritten')
      rows.push({ left: `　　法定代表人或委托代理人（签名）：${BLANK}`, right: '' });
  }
  const mediator = sig.mediator?.name ?? d.mediators?.[0];
  rows.push({ left: `调解员（签名）：${mediator ?? BLANK}`, right: signatureDate(sig.mediator?.signedAt) });
  // An invited individual mediator signs alone; an organisation adds its seal (特邀调解规定第二十四条第二款).
  if (d.sealRequired !== false) {
    rows.push({
      left: `调解组织（印章）：${d.mediationBody.name}${sig.seal ? '（已盖章）' : ''}`,
      right: signatureDate(sig.seal ? (d.effectiveDate ?? sig.mediator?.signedAt) : undefined),
    });
  }
  blocks.push({ type: 'signatures', rows, widths: [3, 1] });
  if (d.effectiveDate)
    blocks.push({
      type: 'paragraph',
      runs: [{ text: `本协议生效日期：${formatDate(d.effectiveDate)}` }],
      indent: false,
      spaceBefore: true,
    });
  blocks.push(...rosterBlocks(d));

  return {
    title: agreementTitle(d),
    subject: `${a.number ?? d.caseNumber} ${workerNames(d)}与${respondentNames(d)}${caseCause(d)}`,
    blocks,
    pageNumbers: true,
  };
}

/**
 * When the agreement takes effect, as the law for its kind of mediation says: union mediation when
 * the parties have signed and the mediator has signed and sealed it (劳动争议调解仲裁法第十四条第二款);
 * court-referred before filing once both parties have signed (特邀调解规定第二十四条第三款); after filing
 * it goes to the court, whose mediation document takes effect when both parties sign for it
 * (特邀调解规定第二十条; 民事诉讼法第一百条).
 */
function effectClause(d: CaseDocumentData): string {
  if (d.preFiling)
    return '本协议自双方当事人签名（盖章）之日起生效（《最高人民法院关于人民法院特邀调解的规定》第二十四条第三款）。';
  if (d.postFiling) return '本协议经双方当事人和特邀调解员签名（盖章）后提交人民法院。';
  return d.sealRequired === false
    ? '本协议自各方当事人和调解员签名（盖章）之日起生效。'
    : '本协议自各方当事人签名（盖章）、调解员签名并加盖调解组织印章之日起生效。';
}
