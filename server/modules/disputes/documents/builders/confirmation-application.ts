/**
 * 司法确认申请书 — both parties' joint application to the court (民事诉讼法第二百零五条): the
 * agreement, identity proofs, addresses and contacts for service, and their statement that the
 * agreement is voluntary and lawful, signed by all of them.
 */
import { formatDate } from '../format.js';
import { heading, p, type Block, type DocumentModel, type SignatureRow } from '../../../../core/documents/model.js';
import type { CaseDocumentData, EmployerParty } from '../types.js';
import {
  agreementTerms,
  caseCause,
  isCollective,
  need,
  numbered,
  partyBlocks,
  respondentNames,
  respondents,
  rosterBlocks,
  signatureLine,
  workerNames,
} from './common.js';
import { agreementTitle } from './mediation-agreement.js';

function identityProofs(d: CaseDocumentData): string[] {
  const out: string[] = [];
  if (isCollective(d)) {
    out.push(`劳动者${d.parties.workers.length}人的居民身份证复印件各一份，代表人推选书一份`);
  } else {
    for (const w of d.parties.workers) out.push(`申请人${w.name}的居民身份证复印件一份`);
  }
  // A business licence only from an organisation; a person (an individual employer) gives an ID.
  const org = (e: EmployerParty) => {
    if (e.kind === 'person') return `申请人${e.name}的居民身份证复印件一份`;
    const parts = [`申请人${e.name}的营业执照副本复印件一份`];
    if (e.legalRepresentative)
      parts.push(`法定代表人身份证明书及法定代表人${e.legalRepresentative.name}的居民身份证复印件各一份`);
    if (e.agent) parts.push(`授权委托书及委托代理人${e.agent.name}的身份证明各一份`);
    return parts.join('，');
  };
  for (const e of respondents(d)) out.push(org(e));
  return out;
}

export function confirmationApplication(d: CaseDocumentData): DocumentModel {
  const a = need(d.agreement, 'agreement');
  const conf = need(d.confirmation, 'confirmation (appliedAt)');
  const court = conf.court ?? d.court;
  const effective = d.effectiveDate ?? a.concludedAt;
  const workers = workerNames(d);
  const others = respondentNames(d);

  const blocks: Block[] = [
    { type: 'title', text: '司法确认申请书', level: 'document' },
    ...partyBlocks(
      d,
      { worker: '申请人（劳动者）', employer: '申请人（用人单位）', liable: (role) => `申请人（${role}）` },
      { serviceAddress: true, agentLabel: '委托诉讼代理人' },
    ),
    heading('请求事项：'),
    p(
      `请求人民法院确认申请人${workers}与申请人${others}于${formatDate(a.concludedAt)}经${d.mediationBody.name}主持调解达成的调解协议有效。`,
    ),
    heading('事实与理由：'),
    p(
      `申请人${workers}与申请人${others}因${caseCause(d)}，于${formatDate(a.concludedAt)}经${d.mediationBody.name}主持调解，自愿达成调解协议（编号：${a.number ?? d.caseNumber}），主要内容如下：`,
    ),
    ...numbered(agreementTerms(d, a)),
    p(
      `该调解协议于${formatDate(effective)}经各方当事人签名（盖章）、调解员签名并加盖调解组织印章后生效。现申请人依照《中华人民共和国民事诉讼法》第二百零五条的规定，自调解协议生效之日起三十日内，共同向贵院申请司法确认。`,
    ),
    heading('申请人声明：'),
    ...numbered(
      [
        '申请人已知悉司法确认的法律效力和法律后果，经人民法院确认有效的调解协议，一方当事人拒绝履行或者未全部履行的，对方当事人可以向人民法院申请执行',
        '上述调解协议系申请人在平等自愿的基础上达成，是各方的真实意思表示，协议内容不违反法律、行政法规的强制性规定，不损害国家利益、社会公共利益和他人合法权益，不违背公序良俗',
        '申请人提交的身份证明及其他材料真实、合法、有效；如因虚假陈述、提交虚假材料损害他人合法权益的，愿意承担相应的民事责任和其他法律责任',
        '申请人确认下列送达地址和联系方式，同意人民法院据此送达法律文书；地址或联系方式变更的，及时书面告知人民法院',
      ],
      'chinese',
    ),
    heading('送达地址及联系方式：'),
    {
      type: 'table',
      columns: [
        { header: '申请人', width: 3.5 },
        { header: '送达地址', width: 6 },
        { header: '联系电话', width: 3, align: 'center' },
      ],
      rows: [
        ...d.parties.workers.map((w) => [w.name, w.serviceAddress ?? w.address, w.phone]),
        ...respondents(d).map((e) => [e.name, e.serviceAddress ?? e.address, e.agent?.phone ?? e.phone ?? '']),
      ],
    },
    heading('附件：'),
    ...numbered(
      [
        `${agreementTitle(d)}一份`,
        ...identityProofs(d),
        `${d.mediationBody.name}主持调解的证明材料一份`,
        ...(d.evidence && d.evidence.length > 0 ? [`与调解协议相关的证据材料${d.evidence.length}项`] : []),
      ],
      'arabic',
    ),
    { type: 'paragraph', runs: [{ text: `此致\n${court.name}` }], indent: true, align: 'left' },
  ];

  const rows: SignatureRow[] = [];
  const workerSigner = isCollective(d)
    ? (d.parties.representatives ?? []).map((r) => r.name).join('、') || workers
    : workers;
  const applied = formatDate(conf.appliedAt);
  rows.push({
    left: signatureLine(isCollective(d) ? '申请人代表人（签名）' : '申请人（签名）', workerSigner, undefined),
    right: applied,
  });
  for (const party of respondents(d))
    rows.push({
      left:
        party.kind === 'person'
          ? signatureLine('申请人（签名）', party.name, undefined)
          : signatureLine('申请人（盖章）', party.name, undefined, true),
      right: applied,
    });
  blocks.push({ type: 'signatures', rows, widths: [3, 1] }, ...rosterBlocks(d));

  return {
    title: '司法确认申请书',
    subject: `${workers}与${others}申请司法确认调解协议`,
    blocks,
    pageNumbers: true,
  };
}
