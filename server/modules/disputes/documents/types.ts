/**
 * Input data for the dispute documents. A plain object, no database: the case service
 * assembles it from the case record and hands it to `renderDocument`.
 *
 * Conventions:
 * - money is integer fen (分), never floating yuan;
 * - dates are ISO `YYYY-MM-DD`; instants (signatures, sessions) are `YYYY-MM-DDTHH:mm[:ss]` in
 *   local (Beijing) time, printed without conversion;
 * - every text is Chinese as it should appear in the document.
 */

export type Fen = number;
/** `YYYY-MM-DD` */
export type IsoDate = string;
/** `YYYY-MM-DDTHH:mm` or `YYYY-MM-DDTHH:mm:ss` (local time), or a plain `YYYY-MM-DD`. */
export type IsoDateTime = string;

export type Sex = 'male' | 'female';

export interface WorkerParty {
  name: string;
  /** Omitted when no resident ID is registered: the document leaves a blank to fill in by hand. */
  sex?: Sex;
  birthDate?: IsoDate;
  /** e.g. 汉族; omitted when unknown */
  ethnicity?: string;
  /** already masked, e.g. 4420**********123X */
  residentIdMasked: string;
  /** 住址 (household or habitual residence) */
  address: string;
  phone: string;
  /** 送达地址 when it differs from `address` */
  serviceAddress?: string;
}

/** A collective case's elected representative (劳动争议调解仲裁法第七条). */
export interface Representative {
  name: string;
  sex?: Sex;
  residentIdMasked?: string;
  phone: string;
  address?: string;
}

export interface Agent {
  name: string;
  /** relation to the party: 该公司员工 / 广东某某律师事务所律师 / 申请人之兄 … */
  relation: string;
  phone?: string;
}

export interface LegalRepresentative {
  name: string;
  /** 职务: 执行董事兼总经理 … */
  title?: string;
}

export interface EmployerParty {
  name: string;
  /** An individual employer (a crew boss, 个体) is a person: identified by ID, not by a licence. Default organisation. */
  kind?: 'person' | 'organisation';
  /** A person's masked resident ID (kind 'person'). */
  residentIdMasked?: string;
  /** 统一社会信用代码 */
  uscc: string;
  /** 住所地 */
  address: string;
  legalRepresentative?: LegalRepresentative;
  agent?: Agent;
  phone?: string;
  serviceAddress?: string;
}

/** Who else answers for the wages in a construction case (保障农民工工资支付条例). */
export type LiableRole = 'general-contractor' | 'developer' | 'subcontractor' | 'qualification-lender' | 'other';

export interface LiableParty extends EmployerParty {
  role: LiableRole;
  /** overrides the default role label (施工总承包单位 / 建设单位 …) */
  roleLabel?: string;
  /** the statute that makes it liable, e.g. 《保障农民工工资支付条例》第三十条 */
  liabilityBasis?: string;
  /** one or two sentences on why, shown in the proposal */
  liabilityExplanation?: string;
}

export interface Parties {
  workers: WorkerParty[];
  /** collective case (10+ workers with a common claim) */
  representatives?: Representative[];
  employers: EmployerParty[];
  liableParties?: LiableParty[];
}

export type ClaimType =
  | 'wage-arrears'
  | 'economic-compensation'
  | 'unlawful-termination'
  | 'double-wage'
  | 'overtime'
  | 'annual-leave'
  | 'notice-pay'
  | 'work-injury'
  | 'social-insurance'
  | 'other';

export interface Claim {
  type: ClaimType;
  /** the request as the worker states it: 支付2024年3月至2025年2月工资 */
  description: string;
  amountFen: Fen;
}

/** One line of the labor-law calculation (server/modules/labor-law). */
export interface AnalysisItem {
  label: string;
  amountFen: Fen;
  /** statute references, e.g. 劳动合同法第四十七条 */
  basis: string[];
  explanation: string;
}

export interface Proposal {
  /** the mediator's proposal in prose */
  text: string;
  proposedTotalFen: Fen;
  /** optional split of the proposed total */
  items?: { label: string; amountFen: Fen }[];
  paymentPlan?: string;
  /** the parties are asked to answer by this date */
  replyBy?: IsoDate;
  issuedAt: IsoDate;
}

export interface Instalment {
  dueDate: IsoDate;
  amountFen: Fen;
}

export interface AgreementTerms {
  /** 协议编号; defaults to the case number */
  number?: string;
  /** the date the agreement was reached/signed */
  concludedAt: IsoDate;
  /** who pays; defaults to the first employer */
  payer?: string;
  totalFen: Fen;
  /** what the total covers: 2024年3月至2025年2月工资 */
  subject: string;
  /** must add up to totalFen; a single instalment is a lump-sum payment */
  instalments: Instalment[];
  /** 履行方式: 银行转账至申请人本人账户 … */
  paymentMethod: string;
  otherTerms: string[];
  /** 本协议一式X份; defaults to one per party plus one for the mediation body */
  copies?: number;
}

/**
 * `link-code`: through the party's link with a code sent to its registered phone; `sms-code`: with the
 * worker's phone code.
 */
export type SignatureMethod = 'handwritten' | 'electronic' | 'video-confirmed' | 'link-code' | 'sms-code';

export interface PartySignature {
  signedAt: IsoDateTime;
  method: SignatureMethod;
  /** Who signed for an organisation (its representative or agent), printed beside its name. */
  signerName?: string;
}

export interface Signatures {
  /** the worker side (all workers, or their representatives in a collective case) */
  worker?: PartySignature;
  /** the employer side (and any liable party that joined the agreement) */
  employer?: PartySignature;
  mediator?: { name: string; signedAt?: IsoDateTime };
  /** the mediation body's seal has been affixed */
  seal: boolean;
}

export interface Court {
  name: string;
  /** the court's code in case numbers, e.g. 粤2071 */
  code: string;
}

export type MediationBodyKind = 'union' | 'people' | 'court-invited';

export interface MediationBody {
  name: string;
  kind: MediationBodyKind;
  address?: string;
  phone?: string;
}

export interface MediationApplication {
  appliedAt: IsoDate;
  /** 劳动争议调解仲裁法第十二条: an oral application is recorded by the mediator */
  mode: 'written' | 'oral';
  recordedBy?: string;
}

export interface ConfirmationApplication {
  appliedAt: IsoDate;
  /** defaults to `court` */
  court?: Court;
}

export type RefusalGround =
  'mandatory-law' | 'public-interest' | 'public-order' | 'not-voluntary' | 'unclear' | 'other';

export interface Ruling {
  /** （2025）粤2071民特123号 */
  number: string;
  /** 立案日期; defaults to the application date */
  acceptedAt?: IsoDate;
  date: IsoDate;
  judge: string;
  clerk: string;
  decision: 'confirmed' | 'refused';
  refusalGround?: RefusalGround;
  /** the court's reasoning for a refusal, appended to the ground */
  refusalReason?: string;
  /** replaces the default statute list (民事诉讼法第二百零五条、第二百零六条 / 第二百零六条) */
  legalBasis?: string[];
}

export interface MediationSession {
  startedAt: IsoDateTime;
  mode: 'in-person' | 'phone' | 'video';
  location?: string;
  mediators: string[];
  /** a judge mediating jointly with the union mediator */
  judge?: string;
  attendees: string[];
  /** 笔录摘要 */
  summary: string;
  result?: string;
}

export interface EvidenceItem {
  name: string;
  /** who provided it: 申请人 / 被申请人 / 调解组织调取 */
  providedBy: string;
  purpose: string;
  form?: '原件' | '复印件' | '电子数据' | '视听资料';
  pages?: number;
}

export interface CaseRouting {
  route: 'lawsuit' | 'arbitration';
  /** why mediation ended */
  reason: string;
  /** the court or arbitration commission it goes to */
  destination: string;
  routedAt: IsoDate;
  /** limitation warnings etc. */
  notes?: string[];
}

/**
 * An agreement that was not performed and the worker's application to a court about it: for
 * enforcement of the confirmed agreement (民事诉讼法第二百四十七条) or for a payment order
 * (劳动争议调解仲裁法第十六条, 民事诉讼法第二百二十五条).
 */
export interface PerformanceDefault {
  /** the date of the application; what had fallen due before it is overdue */
  appliedAt: IsoDate;
  /** paid under the agreement so far */
  paidFen: Fen;
  /** fallen due and unpaid on `appliedAt`: the amount the application seeks */
  overdueFen: Fen;
  /** the court applied to; defaults to the court that confirmed the agreement (enforcement) or `court` */
  court?: Court;
  /**
   * A payment order for part of a mixed agreement (劳动争议调解仲裁法第十六条): the eligible claims
   * named in the application (Chinese labels) and the amount sought for them.
   */
  part?: { claims: string[]; amountFen: Fen };
  /** the agreement took effect on the parties' signatures alone (委派: 特邀调解规定第二十四条第三款) */
  inForceOnPartiesSignatures?: boolean;
}

/**
 * A post-filing case (委托调解): the studio submits the signed agreement to the court that referred it
 * (最高人民法院关于人民法院特邀调解的规定第二十条).
 */
export interface CourtSubmission {
  submittedAt: IsoDate;
  /** what the parties ask the court for: a mediation document (调解书) or the suit's withdrawal */
  requested: 'mediation-document' | 'withdrawal';
}

/** The court's mediation document (民事调解书), in effect once both parties signed for it (民事诉讼法第一百条). */
export interface MediationDocument {
  /** （2025）粤2071民初88号 */
  number: string;
  issuedAt: IsoDate;
  effectiveAt: IsoDate;
}

export interface CaseDocumentData {
  /** the studio's or the court's number: 中总工调〔2025〕0123号 / （2025）粤2071民诉前调1234号 */
  caseNumber: string;
  /** 案由, e.g. 追索劳动报酬纠纷; defaults to 劳动争议 */
  cause?: string;
  court: Court;
  mediationBody: MediationBody;
  mediators?: string[];
  parties: Parties;
  claims: Claim[];
  /** 纠纷事实; paragraphs separated by blank lines or newlines */
  facts: string;
  /** 争议焦点 */
  issues: string[];
  analysis?: AnalysisItem[];
  proposal?: Proposal;
  application?: MediationApplication;
  agreement?: AgreementTerms;
  signatures?: Signatures;
  /** the date the agreement took effect (all signatures and the seal) */
  effectiveDate?: IsoDate;
  confirmation?: ConfirmationApplication;
  ruling?: Ruling;
  sessions?: MediationSession[];
  evidence?: EvidenceItem[];
  routing?: CaseRouting;
  /** the worker applied for enforcement of the confirmed agreement */
  enforcement?: PerformanceDefault;
  /** the worker applied for a payment order on the unperformed agreement */
  paymentOrder?: PerformanceDefault;
  /** mediated after the court filed the suit (委托调解): no judicial confirmation, the court's own document */
  postFiling?: boolean;
  /**
   * court-referred before filing (委派调解): the agreement is in force once both parties have signed
   * (特邀调解规定第二十四条第三款)
   */
  preFiling?: boolean;
  /**
   * the mediator's signature carries the mediation organisation's seal: union mediation, or an invited
   * organisation mediated; not an invited individual mediator (特邀调解规定第二十四条第二款). Default true.
   */
  sealRequired?: boolean;
  courtSubmission?: CourtSubmission;
  mediationDocument?: MediationDocument;
}
