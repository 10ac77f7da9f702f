import type { ClaimType } from './claims.js';
import type { ConfirmationCourt, CourtOutcomeRequest, DirectSuitBasis, RefusalGround } from './confirmation.js';
import type { CloseReason, Referral, Stage } from './stages.js';

/** A calendar day in China, 'YYYY-MM-DD'. */
export type IsoDate = string;

export const CASE_KINDS = [
  'union_mediation',
  'court_pre_filing',
  'court_post_filing_ordinary',
  'court_post_filing_simple',
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/**
 * Who conducted a court-referred mediation: the studio as an invited mediation organisation
 * (特邀调解组织), or a mediator on the court's list as an invited individual (特邀调解员). Only an
 * organisation's mediation needs its seal on the agreement (特邀调解规定第二十四条第二款).
 */
export const MEDIATION_CONDUCTORS = ['organisation', 'individual'] as const;
export type MediationConductor = (typeof MEDIATION_CONDUCTORS)[number];

export type Party = 'worker' | 'employer';
export type Signer = 'worker' | 'employer' | 'mediator';

export interface Installment {
  dueOn: IsoDate;
  amountFen: number;
}

/**
 * How a signature was given: `link_code` through the paying side's link with a one-time code sent to
 * its registered phone; `sms_code` by the worker on the phone with a one-time code; `account` in a
 * signed-in account; `paper` by hand on the printed agreement, recorded by the mediator.
 */
export const SIGNATURE_METHODS = ['link_code', 'sms_code', 'account', 'paper'] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

export interface SignatureRecord {
  termsHash: string;
  agreementVersion: number;
  on: IsoDate;
  /**
   * `self`: the signer signed (link, code, own account); `mediator`: the mediator recorded a
   * signature made on paper.
   */
  recordedBy: 'self' | 'mediator';
  /** How it was given (older cases: unknown). */
  method?: SignatureMethod;
  /** Who put their name to it: the worker, or the person signing for an organisation. */
  signerName?: string;
}

export interface AgreementTerms {
  /** What is to be paid and when; empty for an agreement with no money term. */
  installments: Installment[];
  claimTypes: ClaimType[];
  summary?: string;
}

/** The case's state as the state machine (server/modules/disputes/rules/state-machine.ts) keeps it. */
export interface CaseState {
  stage: Stage;
  kind: CaseKind;
  appliedOn: IsoDate;
  acceptedOn: IsoDate;
  /** Every stage the case has been in, in order, the current one last. */
  visited: Stage[];
  contactAttempts: number;
  contactedOn?: IsoDate;
  consents: Record<Party, boolean>;
  employerAnswer?: 'accept' | 'decline' | 'counter';
  mediationStartedOn?: IsoDate;
  mediationMode?: 'in_person' | 'phone' | 'video';
  /** Set when mediation reopens after a refused confirmation: the period runs again from this day. */
  mediationRestartedOn?: IsoDate;
  extensionDays: number;
  /** Who conducts the mediation; absent on cases stored before it was asked: the studio, an organisation. */
  mediatedBy?: MediationConductor;
  /**
   * Union mediation only: the day both parties agreed to go on mediating past the 15 days of
   * 劳动争议调解仲裁法第十四条 (not an extension: the worker may apply for arbitration at any time).
   */
  mediationContinuedOn?: IsoDate;
  remediationCount: number;
  signatures: Record<Signer, boolean>;
  agreement?: AgreementTerms;
  /** Counts each setting of the terms: the document version every signature refers to. */
  agreementVersion?: number;
  /** Hash of the terms as set (see canonicalTerms); a signature is valid only for this hash. */
  agreementHash?: string;
  /** What each signature was given: the terms' hash and version, the day, and who recorded it. */
  signedTerms?: Partial<Record<Signer, SignatureRecord>>;
  agreementEffectiveOn?: IsoDate;
  confirmationAppliedOn?: IsoDate;
  confirmationCourt?: ConfirmationCourt;
  rulingIssuedOn?: IsoDate;
  confirmationRefusedOn?: IsoDate;
  refusalGround?: RefusalGround;
  paidFen: number;
  lastPaidOn?: IsoDate;
  performedOn?: IsoDate;
  enforcementAppliedOn?: IsoDate;
  paymentOrderAppliedOn?: IsoDate;
  /** The part of the agreement a payment order was sought for (劳动争议调解仲裁法第十六条) and its amount. */
  paymentOrder?: { claimTypes: ClaimType[]; amountFen: number };
  closure?: {
    reason: CloseReason;
    referral?: Referral;
    closedOn: IsoDate;
    fromStage: Stage;
    /** A lawsuit without arbitration first: the exception the referral rests on. */
    directSuit?: DirectSuitBasis;
  };
  /** Post-filing (委托调解): the day the studio submitted the signed agreement to the court. */
  courtSubmission?: { on: IsoDate; requested: CourtOutcomeRequest };
  /**
   * The court's mediation document (民事调解书): issued, served on each party; in effect from the
   * later service (民事诉讼法第一百条第三款).
   */
  mediationDocument?: {
    documentNo: string;
    issuedOn: IsoDate;
    servedOn: Record<Party, IsoDate>;
    effectiveOn: IsoDate;
  };
  /** The court's ruling allowing the suit to be withdrawn after the agreement (准予撤诉). */
  withdrawal?: { rulingNo: string; ruledOn: IsoDate };
}
