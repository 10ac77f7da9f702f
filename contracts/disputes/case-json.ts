import { art38Reasons, terminationGrounds } from '../labor-law.js';
import { z } from 'zod';
import { laborLawRequestSchema, laborLawResponseSchema } from '../labor-law.js';
import { CASE_KINDS, MEDIATION_CONDUCTORS, SIGNATURE_METHODS, type CaseState } from './case-state.js';
import { CLAIM_TYPES } from './claims.js';
import { CONFIRMATION_COURTS, COURT_OUTCOME_REQUESTS, DIRECT_SUIT_BASES, REFUSAL_GROUNDS } from './confirmation.js';
import { liabilityResultSchema } from './liability.js';
import { casePartySchema } from './parties.js';
import { hiringChainSchema } from '../disputes.js';
import { SECTOR_VALUES } from './sectors.js';
import { CLOSE_REASONS, REFERRALS, STAGE_CODES } from './stages.js';

/**
 * The JSON kept with a case (the jsonb columns of dispute_cases and dispute_events), as zod
 * schemas: their types type the columns (server/modules/disputes/tables.ts), and the case file's
 * response schema (responses.ts) is built from them, so the web reads the same types.
 * These describe stored data; they do not validate input (that is disputes.ts).
 */

// ------------------------------------------------------------------ facts (要素式 intake form)

const workerFactSchema = z.object({
  name: z.string(),
  phone: z.string(),
  regionCode: z.string().optional(),
  /** 4420**********123X; the full ID lives encrypted on the person record only. Null: none given. */
  residentIdMasked: z.string().nullable().optional(),
});

const employerFactSchema = z.object({
  employerId: z.string().optional(),
  name: z.string(),
  uscc: z.string().optional(),
  contactName: z.string().optional(),
  contactPhone: z.string().optional(),
  contactEmail: z.string().optional(),
});

const employmentFactSchema = z.object({
  hireDate: z.string(),
  endDate: z.string().nullable(),
  position: z.string().optional(),
  wageStructure: z.enum(['monthly', 'daily', 'hourly', 'piece']),
  monthlyWageFen: z.number(),
  workingHours: z.enum(['standard', 'comprehensive', 'flexible']).optional(),
  contractSigned: z.boolean(),
  contractSignedDate: z.string().nullable().optional(),
  harmKnownOn: z.string().optional(),
  leavingReason: z.enum(terminationGrounds).optional(),
  art38Reason: z.enum(art38Reasons).optional(),
});

/**
 * Where the identity of an online applicant stands. `held`: the resident ID typed belongs to a
 * registered person whose name or phone differs from what was typed, and nothing else is done on
 * the case until a mediator decides; `unverified`: nothing contradicts what was typed (the ID
 * card is still checked at first contact); `verified_same` / `verified_different`: decided.
 */
export const IDENTITY_MATCH_STATUSES = ['held', 'unverified', 'verified_same', 'verified_different'] as const;
export const IDENTITY_DECISIONS = ['same_person', 'different_person'] as const;
export const KEEP_PHONE_CHOICES = ['application', 'registered'] as const;
export const IDENTITY_DIFFERENCES = ['name', 'phone'] as const;
export type IdentityDifference = (typeof IDENTITY_DIFFERENCES)[number];

/** The mediator's decision on a held application, kept with the case. */
const identityDecisionSchema = z.object({
  decision: z.enum(IDENTITY_DECISIONS),
  /** ISO instant. */
  at: z.string(),
  /** The mediator's name and account. */
  by: z.string(),
  byAccountId: z.string().optional(),
  /** What the applicant had typed, and the record made for them at intake. */
  applicant: z.object({
    personId: z.string(),
    name: z.string(),
    phone: z.string(),
    residentIdMasked: z.string().nullable(),
  }),
  /** same_person: whose phone the person keeps. */
  keptPhone: z.enum(KEEP_PHONE_CHOICES).optional(),
  /** different_person: the applicant's own resident ID, read from the card, masked (absent: none given). */
  residentIdMasked: z.string().optional(),
  note: z.string().optional(),
});

/** What the mediator must check before joining an online applicant to a registered person. */
export const identityMatchSchema = z.object({
  status: z.enum(IDENTITY_MATCH_STATUSES),
  /** A person with the resident ID the applicant typed is already registered. */
  matchesRegisteredPerson: z.boolean(),
  registeredPersonId: z.string().optional(),
  /** Held: what the applicant typed that the registered person's record does not say. */
  differs: z.array(z.enum(IDENTITY_DIFFERENCES)).optional(),
  decision: identityDecisionSchema.optional(),
});
export type IdentityMatch = z.infer<typeof identityMatchSchema>;
export type IdentityDecisionRecord = z.infer<typeof identityDecisionSchema>;

/**
 * The element-based facts of a case, as registered at intake. Historic (imported) cases keep only
 * the narrative and the claim types, hence everything else is optional.
 */
export const caseFactsSchema = z.object({
  narrative: z.string(),
  claims: z.array(
    z.object({
      type: z.enum(CLAIM_TYPES),
      /** Absent on historic cases. */
      amountFen: z.number().optional(),
      description: z.string().optional(),
    }),
  ),
  channel: z.enum(['counter', 'online']).optional(),
  kind: z.enum(CASE_KINDS).optional(),
  courtId: z.string().optional(),
  mediationBodyId: z.string().optional(),
  /** An oral application recorded by the mediator at the counter. */
  oral: z.boolean().optional(),
  appliedOn: z.string().optional(),
  worker: workerFactSchema.optional(),
  workerCount: z.number().optional(),
  representatives: z.array(z.object({ name: z.string(), phone: z.string() })).optional(),
  employer: employerFactSchema.optional(),
  /** Cases registered before the party list: the party the studio contacted (now `parties`). */
  respondent: employerFactSchema.optional(),
  employment: employmentFactSchema.optional(),
  sector: z.enum(SECTOR_VALUES).optional(),
  construction: hiringChainSchema.optional(),
  mediatorRequestsJudge: z.boolean().optional(),
  identityMatch: identityMatchSchema.optional(),
  /**
   * The parties with their roles (parties.ts): the one list every page, message and document reads.
   * Cases registered before it existed derive it from worker, employer and the hiring chain.
   */
  parties: z.array(casePartySchema).optional(),
});
export type CaseFacts = z.infer<typeof caseFactsSchema>;
export type WorkerFact = z.infer<typeof workerFactSchema>;
export type EmployerFact = z.infer<typeof employerFactSchema>;

// ------------------------------------------------------------------ record (the legal record)

const installmentSchema = z.object({ dueOn: z.string(), amountFen: z.number() });
const signersSchema = z.enum(['worker', 'employer', 'mediator']);
const signatureRecordSchema = z.object({
  termsHash: z.string(),
  agreementVersion: z.number(),
  on: z.string(),
  recordedBy: z.enum(['self', 'mediator']),
  method: z.enum(SIGNATURE_METHODS).optional(),
  signerName: z.string().optional(),
});

/** The state machine's state (CaseState, case-state.ts), as kept in the case record. */
export const caseStateSchema = z.object({
  stage: z.enum(STAGE_CODES),
  kind: z.enum(CASE_KINDS),
  appliedOn: z.string(),
  acceptedOn: z.string(),
  visited: z.array(z.enum(STAGE_CODES)),
  contactAttempts: z.number(),
  contactedOn: z.string().optional(),
  consents: z.object({ worker: z.boolean(), employer: z.boolean() }),
  employerAnswer: z.enum(['accept', 'decline', 'counter']).optional(),
  mediationStartedOn: z.string().optional(),
  mediationMode: z.enum(['in_person', 'phone', 'video']).optional(),
  mediationRestartedOn: z.string().optional(),
  extensionDays: z.number(),
  mediatedBy: z.enum(MEDIATION_CONDUCTORS).optional(),
  mediationContinuedOn: z.string().optional(),
  remediationCount: z.number(),
  signatures: z.object({ worker: z.boolean(), employer: z.boolean(), mediator: z.boolean() }),
  agreement: z
    .object({
      installments: z.array(installmentSchema),
      claimTypes: z.array(z.enum(CLAIM_TYPES)),
      summary: z.string().optional(),
    })
    .optional(),
  agreementVersion: z.number().optional(),
  agreementHash: z.string().optional(),
  signedTerms: z.partialRecord(signersSchema, signatureRecordSchema).optional(),
  agreementEffectiveOn: z.string().optional(),
  confirmationAppliedOn: z.string().optional(),
  confirmationCourt: z.enum(CONFIRMATION_COURTS).optional(),
  rulingIssuedOn: z.string().optional(),
  confirmationRefusedOn: z.string().optional(),
  refusalGround: z.enum(REFUSAL_GROUNDS).optional(),
  paidFen: z.number(),
  lastPaidOn: z.string().optional(),
  performedOn: z.string().optional(),
  enforcementAppliedOn: z.string().optional(),
  paymentOrderAppliedOn: z.string().optional(),
  paymentOrder: z.object({ claimTypes: z.array(z.enum(CLAIM_TYPES)), amountFen: z.number() }).optional(),
  closure: z
    .object({
      reason: z.enum(CLOSE_REASONS),
      referral: z.enum(REFERRALS).optional(),
      closedOn: z.string(),
      fromStage: z.enum(STAGE_CODES),
      directSuit: z.enum(DIRECT_SUIT_BASES).optional(),
    })
    .optional(),
  courtSubmission: z.object({ on: z.string(), requested: z.enum(COURT_OUTCOME_REQUESTS) }).optional(),
  mediationDocument: z
    .object({
      documentNo: z.string(),
      issuedOn: z.string(),
      servedOn: z.object({ worker: z.string(), employer: z.string() }),
      effectiveOn: z.string(),
    })
    .optional(),
  withdrawal: z.object({ rulingNo: z.string(), ruledOn: z.string() }).optional(),
});

// The schema and the state machine's interface are one shape: a field added to one and not the
// other stops the build here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const stateSchemaMatches: Same<z.infer<typeof caseStateSchema>, CaseState> = true;
void stateSchemaMatches;

export const noticeSchema = z.object({ code: z.string(), message: z.string(), messageEn: z.string() });
export type Notice = z.infer<typeof noticeSchema>;

/** The legal record kept with a case: the state machine's state plus what intake and the staff found. */
export const caseRecordSchema = z.object({
  /** Absent on historic (imported) cases, which carry no live state and are read-only. */
  state: caseStateSchema.optional(),
  liability: liabilityResultSchema.nullable().optional(),
  jointReasons: z.array(noticeSchema).optional(),
  intakeWarnings: z.array(noticeSchema).optional(),
  counterOffer: z.object({ amountFen: z.number().nullable(), note: z.string().nullable(), at: z.string() }).optional(),
  rulingNo: z.string().optional(),
  /** Who made the ruling: the judge's and the clerk's names as printed under it. */
  rulingBench: z.object({ judge: z.string(), clerk: z.string().optional() }).optional(),
  /** The judge's review against each refusal ground (true = the ground applies). */
  confirmationReview: z
    .object({ grounds: z.partialRecord(z.enum(REFUSAL_GROUNDS), z.boolean()), at: z.string(), by: z.string() })
    .optional(),
  refusalNote: z.string().optional(),
  mediatorHistory: z
    .array(
      z.object({
        accountId: z.string(),
        name: z.string(),
        at: z.string(),
        reason: z.string(),
        conflictDeclared: z.boolean(),
      }),
    )
    .optional(),
  /** Reminders already sent (clock:kind:day), so the clocks job sends each once. */
  remindersSent: z.array(z.string()).optional(),
  /** Deadline warnings texted to the worker (clock:step:last day), so each is texted once. */
  workerWarningsSent: z.array(z.string()).optional(),
  historic: z.boolean().optional(),
});
export type CaseRecord = z.infer<typeof caseRecordSchema>;

// ------------------------------------------------------------------ analysis, event payloads

/** The labor-law engine's answer saved with the case, with the request it was given. */
export const savedAnalysisSchema = laborLawResponseSchema.extend({
  request: laborLawRequestSchema.optional(),
  /** The employment facts or claims were corrected on this day, after the analysis: run it again. */
  factsChangedOn: z.string().optional(),
});
export type SavedAnalysis = z.infer<typeof savedAnalysisSchema>;

/** What an event carries beside its action: the action's payload, or a few words on the change. */
export const eventPayloadSchema = z.record(z.string(), z.unknown());
export type EventPayload = z.infer<typeof eventPayloadSchema>;
