/** Pieces shared by the document builders: party blocks, names, agreement terms, signatures. */
import { HAND_BLANK, amountInChineseCapitals, chineseOrdinal, formatDate, formatYuan, sexLabel } from '../format.js';
import { labelled, p, type Block } from '../../../../core/documents/model.js';
import type {
  AgreementTerms,
  Instalment,
  CaseDocumentData,
  ClaimType,
  EmployerParty,
  LiableParty,
  LiableRole,
  MediationBodyKind,
  PartySignature,
  WorkerParty,
} from '../types.js';

export class DocumentDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentDataError';
  }
}

export function need<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new DocumentDataError(`missing ${what}`);
  return value;
}

export const CLAIM_LABELS: Record<ClaimType, string> = {
  'wage-arrears': '拖欠劳动报酬',
  'economic-compensation': '解除劳动合同经济补偿',
  'unlawful-termination': '违法解除劳动合同赔偿金',
  'double-wage': '未签订书面劳动合同二倍工资差额',
  overtime: '加班工资',
  'annual-leave': '未休年休假工资报酬',
  'notice-pay': '代通知金',
  'work-injury': '工伤保险待遇',
  'social-insurance': '社会保险待遇',
  other: '其他',
};

/** claim types for which the worker may seek a payment order on an unperformed agreement (劳动争议调解仲裁法第十六条) */
export const PAYMENT_ORDER_CLAIMS: ReadonlySet<ClaimType> = new Set([
  'wage-arrears',
  'economic-compensation',
  'unlawful-termination',
  'double-wage',
  'overtime',
  'annual-leave',
  'notice-pay',
  'work-injury',
]);

export const LIABLE_ROLE_LABELS: Record<LiableRole, string> = {
  'general-contractor': '施工总承包单位',
  developer: '建设单位',
  subcontractor: '分包单位',
  'qualification-lender': '出借资质单位',
  other: '其他责任主体',
};

export const BODY_KIND_LABELS: Record<MediationBodyKind, string> = {
  union: '工会劳动争议调解组织',
  people: '人民调解委员会',
  'court-invited': '特邀调解组织',
};

export const liableLabel = (l: LiableParty): string => l.roleLabel ?? LIABLE_ROLE_LABELS[l.role];

/** A collective case lists representatives and a roster instead of every worker. */
export function isCollective(d: CaseDocumentData): boolean {
  return d.parties.workers.length >= 10 || (d.parties.representatives?.length ?? 0) > 0;
}

function firstWorker(d: CaseDocumentData): WorkerParty {
  const [first] = d.parties.workers;
  if (first === undefined) throw new DocumentDataError('a case needs at least one worker');
  return first;
}

/** 陈建国 / 陈建国、李明 / 陈建国等12人 */
export function workerNames(d: CaseDocumentData): string {
  const first = firstWorker(d);
  const ws = d.parties.workers;
  if (ws.length > 3 || isCollective(d)) return `${first.name}等${ws.length}人`;
  return ws.map((w) => w.name).join('、');
}

export function employerNames(d: CaseDocumentData): string {
  if (d.parties.employers.length === 0) throw new DocumentDataError('a case needs at least one employer');
  return d.parties.employers.map((e) => e.name).join('、');
}

/** every respondent: employers, then liable parties */
export function respondents(d: CaseDocumentData): EmployerParty[] {
  return [...d.parties.employers, ...(d.parties.liableParties ?? [])];
}

export function respondentNames(d: CaseDocumentData): string {
  return respondents(d)
    .map((e) => e.name)
    .join('、');
}

/** 案由 with 纠纷: 追索劳动报酬纠纷 / 劳动争议纠纷 */
export function caseCause(d: CaseDocumentData): string {
  return `${(d.cause ?? '劳动争议').replace(/纠纷$/u, '')}纠纷`;
}

export interface WorkerDetailOptions {
  id?: boolean;
  phone?: boolean;
  serviceAddress?: boolean;
}

export function workerDetails(w: WorkerParty, opts: WorkerDetailOptions = {}): string {
  // Never invent a person's details: what is not registered is left blank for hand completion.
  const parts = [
    w.name,
    w.sex ? sexLabel(w.sex) : `性别${HAND_BLANK}`,
    w.birthDate ? `${formatDate(w.birthDate)}出生` : `出生日期${HAND_BLANK}`,
  ];
  if (w.ethnicity) parts.push(w.ethnicity);
  if (opts.id !== false) parts.push(`公民身份号码${w.residentIdMasked}`);
  parts.push(`住${w.address}`);
  if (opts.phone !== false) parts.push(`联系电话${w.phone}`);
  if (opts.serviceAddress && w.serviceAddress) parts.push(`送达地址${w.serviceAddress}`);
  return parts.join('，') + '。';
}

export function organisationBlocks(
  label: string,
  e: EmployerParty,
  opts: { phone?: boolean; agentLabel?: string } = {},
): Block[] {
  // A person (a crew boss, an individual employer) is identified by ID and lives somewhere; an organisation
  // by its code and seat.
  const parts =
    e.kind === 'person'
      ? [e.name, `公民身份号码${e.residentIdMasked ?? HAND_BLANK}`, `住${e.address}`]
      : [e.name, `统一社会信用代码${e.uscc}`, `住所地${e.address}`];
  if (opts.phone !== false && e.phone) parts.push(`联系电话${e.phone}`);
  if (e.serviceAddress && e.serviceAddress !== e.address) parts.push(`送达地址${e.serviceAddress}`);
  const out: Block[] = [labelled(`${label}：`, parts.join('，') + '。')];
  if (e.legalRepresentative) {
    const lr = e.legalRepresentative;
    out.push(labelled('法定代表人：', `${lr.name}${lr.title ? `，${lr.title}` : ''}。`));
  }
  if (e.agent) {
    const a = e.agent;
    out.push(
      labelled(
        `${opts.agentLabel ?? '委托代理人'}：`,
        `${a.name}，${a.relation}${opts.phone !== false && a.phone ? `，联系电话${a.phone}` : ''}。`,
      ),
    );
  }
  return out;
}

export interface PartyLabels {
  worker: string;
  employer: string;
  /** the label of a liable party given its role label, e.g. 被申请人（施工总承包单位） */
  liable: (role: string) => string;
}

export const APPLICANT_RESPONDENT: PartyLabels = {
  worker: '申请人',
  employer: '被申请人',
  liable: (role) => `被申请人（${role}）`,
};

/** The parties' blocks, workers first. A collective case shows the first worker, the count and the representatives. */
export function partyBlocks(
  d: CaseDocumentData,
  labels: PartyLabels,
  opts: WorkerDetailOptions & { agentLabel?: string } = {},
): Block[] {
  const out: Block[] = workerBlocks(d, labels.worker, opts);
  for (const e of d.parties.employers)
    out.push(...organisationBlocks(labels.employer, e, { phone: opts.phone, agentLabel: opts.agentLabel }));
  for (const l of d.parties.liableParties ?? [])
    out.push(
      ...organisationBlocks(labels.liable(liableLabel(l)), l, { phone: opts.phone, agentLabel: opts.agentLabel }),
    );
  return out;
}

/** The worker side's blocks: each worker, or a collective case's first worker, the count and the representatives. */
export function workerBlocks(d: CaseDocumentData, label: string, opts: WorkerDetailOptions = {}): Block[] {
  const out: Block[] = [];
  const labels = { worker: label };
  if (isCollective(d)) {
    const ws = d.parties.workers;
    out.push(labelled(`${labels.worker}：`, `${firstWorker(d).name}等${ws.length}名劳动者（名单附后）。`));
    for (const r of d.parties.representatives ?? []) {
      const parts = [r.name];
      if (r.sex) parts.push(sexLabel(r.sex));
      if (opts.id !== false && r.residentIdMasked) parts.push(`公民身份号码${r.residentIdMasked}`);
      if (r.address) parts.push(`住${r.address}`);
      if (opts.phone !== false) parts.push(`联系电话${r.phone}`);
      out.push(labelled('代表人：', parts.join('，') + '。'));
    }
  } else {
    for (const w of d.parties.workers) out.push(labelled(`${labels.worker}：`, workerDetails(w, opts)));
  }
  return out;
}

/** The roster of a collective case's workers (appended to the document). */
export function rosterBlocks(d: CaseDocumentData): Block[] {
  if (!isCollective(d)) return [];
  return [
    {
      type: 'paragraph',
      runs: [{ text: '附：劳动者名单', bold: true }],
      indent: false,
      keepWithNext: true,
      spaceBefore: true,
    },
    {
      type: 'table',
      columns: [
        { header: '序号', width: 1.3, align: 'center' },
        { header: '姓名', width: 2, align: 'center' },
        { header: '性别', width: 1, align: 'center' },
        { header: '公民身份号码', width: 4, align: 'center' },
        { header: '联系电话', width: 3, align: 'center' },
      ],
      rows: d.parties.workers.map((w, i) => [String(i + 1), w.name, sexLabel(w.sex), w.residentIdMasked, w.phone]),
    },
  ];
}

/** Paragraphs from free text: blank lines or newlines separate paragraphs. */
export function textParagraphs(text: string): Block[] {
  return text
    .split(/\n+/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => p(s));
}

/** 一、… 二、… as separate indented paragraphs; the last ends with 。 and the others with ； */
export function numbered(items: string[], style: 'chinese' | 'paren' | 'arabic' = 'chinese'): Block[] {
  return items.map((item, i) => {
    const n =
      style === 'chinese'
        ? `${chineseOrdinal(i + 1)}、`
        : style === 'paren'
          ? `（${chineseOrdinal(i + 1)}）`
          : `${i + 1}．`;
    const body = item.replace(/[。；;，,]$/u, '');
    return p(`${n}${body}${i === items.length - 1 ? '。' : '；'}`);
  });
}

export const money = (fen: number): string => `${formatYuan(fen)}（大写：${amountInChineseCapitals(fen)}）`;

/** Checks an agreement's arithmetic; throws on data that must not be printed. */
export function checkAgreement(a: AgreementTerms): void {
  if (!Number.isSafeInteger(a.totalFen) || a.totalFen <= 0)
    throw new DocumentDataError('agreement total must be a positive integer number of fen');
  if (a.instalments.length === 0) throw new DocumentDataError('agreement needs at least one instalment');
  const sum = a.instalments.reduce((s, i) => s + i.amountFen, 0);
  if (sum !== a.totalFen) {
    throw new DocumentDataError(
      `instalments add up to ${formatYuan(sum)}, not the agreed total ${formatYuan(a.totalFen)}`,
    );
  }
  for (const [i, it] of a.instalments.entries()) {
    const prev = a.instalments[i - 1];
    if (prev && it.dueDate < prev.dueDate) throw new DocumentDataError('instalments must be in date order');
  }
}

/** The agreement's last (or only) instalment: when it is paid in full. */
export function lastInstalment(a: AgreementTerms): Instalment {
  const last = a.instalments.at(-1);
  if (last === undefined) throw new DocumentDataError('agreement needs at least one instalment');
  return last;
}

export function payerName(d: CaseDocumentData, a: AgreementTerms): string {
  return a.payer ?? need(d.parties.employers[0], 'employer').name;
}

/** The party the agreement obliges to pay (an employer or a liable party), as a party record. */
export function payerParty(d: CaseDocumentData, a: AgreementTerms): EmployerParty {
  const name = payerName(d, a);
  return respondents(d).find((e) => e.name === name) ?? need(d.parties.employers[0], 'employer');
}

/** The agreed terms as sentences (without numbering), shared by the agreement, the application and the ruling. */
export function agreementTerms(d: CaseDocumentData, a: AgreementTerms): string[] {
  checkAgreement(a);
  const payer = payerName(d, a);
  const worker = workerNames(d);
  const last = lastInstalment(a);
  const terms: string[] = [];
  terms.push(`${payer}同意向${worker}支付${a.subject}共计${money(a.totalFen)}`);
  if (a.instalments.length === 1) {
    terms.push(`上述款项由${payer}于${formatDate(last.dueDate)}前一次性支付完毕`);
  } else {
    const parts = a.instalments.map(
      (it, i) => `第${chineseOrdinal(i + 1)}期，于${formatDate(it.dueDate)}前支付${money(it.amountFen)}`,
    );
    terms.push(`上述款项分${chineseOrdinal(a.instalments.length)}期支付：${parts.join('；')}`);
  }
  terms.push(
    `履行方式、时限：${payer}以${a.paymentMethod.replace(/[。；]$/u, '')}的方式履行，于${formatDate(last.dueDate)}前履行完毕`,
  );
  terms.push(...a.otherTerms);
  return terms;
}

const METHOD_NOTE: Record<PartySignature['method'], string> = {
  handwritten: '',
  electronic: '（电子签名）',
  'video-confirmed': '（视频确认）',
  'link-code': '（经调解链接及短信验证码电子签署）',
  'sms-code': '（经短信验证码电子签署）',
};

export const BLANK = '＿＿＿＿＿＿';
export const BLANK_DATE = '　　　　年　　月　　日';

/**
 * A signature line. A person's name is printed only when the signature is electronic or
 * confirmed by video; a handwritten one leaves the line blank for ink. An organisation's name
 * is always printed (the seal goes over it).
 */
export function signatureLine(
  label: string,
  name: string,
  sig: PartySignature | undefined,
  organisation = false,
): string {
  if (organisation)
    return `${label}：${name}${sig ? METHOD_NOTE[sig.method] : ''}${sig?.signerName ? `，签署人${sig.signerName}` : ''}`;
  if (sig && sig.method !== 'handwritten') return `${label}：${name}${METHOD_NOTE[sig.method]}`;
  return `${label}：${BLANK}`;
}

export function signatureDate(at: string | undefined): string {
  return at ? formatDate(at) : BLANK_DATE;
}
