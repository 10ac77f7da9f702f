import { z } from 'zod';
import { CLAIM_TYPES } from './claims.js';
import { CLOCK_CODES, CLOCK_STATUSES } from './clocks.js';
import { citationSchema } from './liability.js';
import { STAGE_CODES } from './stages.js';

/**
 * What the public dispute pages are shown (no account: the employer by its link, the worker by SMS
 * code). These are the routes' 200 response schemas, so the serializer drops any field not listed
 * here: a new field reaches a phone only when it is added here on purpose.
 */

const agreementSchema = z.object({
  installments: z.array(z.object({ dueOn: z.string(), amountFen: z.number() })),
  claimTypes: z.array(z.enum(CLAIM_TYPES)),
  summary: z.string().optional(),
});

export const EMPLOYER_LINK_STATES = ['answer', 'waiting', 'sign', 'signed', 'closed'] as const;
export type EmployerLinkState = (typeof EMPLOYER_LINK_STATES)[number];

/** GET /api/public/disputes/employer/:token, and the answer and sign responses. */
export const employerViewSchema = z.object({
  caseNumber: z.string(),
  /** The stage code (see STAGE_CODES). */
  stage: z.string(),
  stageLabel: z.string(),
  workerName: z.string(),
  /** The party the link was sent to (the respondent named by the liability rules, or the employer). */
  addressee: z.string(),
  claims: z.array(z.object({ type: z.string(), amountFen: z.number(), description: z.string().optional() })),
  claimTotalFen: z.number(),
  narrative: z.string(),
  liability: z.object({ basis: citationSchema, explanation: z.string(), explanationEn: z.string() }).nullable(),
  answered: z.enum(['accept', 'decline', 'counter']).nullable(),
  agreement: agreementSchema.nullable(),
  /** The version of the terms on screen: a signature names it, so nobody signs terms they did not see. */
  agreementVersion: z.number().nullable(),
  termsHash: z.string().nullable(),
  employerSigned: z.boolean(),
  canAnswer: z.boolean(),
  canSign: z.boolean(),
  /**
   * What the link is for now: answer the request, wait for the terms, sign them, signed (waiting for
   * the others or the court), or closed (the link changes nothing any more).
   */
  linkState: z.enum(EMPLOYER_LINK_STATES),
  /** The registered phone the signing code goes to, masked; null: none registered (call the studio). */
  signPhoneMasked: z.string().nullable(),
  /** The studio that took the case, with its phone for questions. */
  studio: z.object({ name: z.string(), contactPhone: z.string().nullable() }).nullable(),
});
export type EmployerView = z.infer<typeof employerViewSchema>;

/**
 * A session as the worker sees it: upcoming (not yet held, and not more than two hours past its
 * start), held (the mediator recorded it), or past (its time went by with nothing recorded).
 */
export const WORKER_SESSION_STATUSES = ['upcoming', 'held', 'past'] as const;
export type WorkerSessionStatus = (typeof WORKER_SESSION_STATUSES)[number];

/** A deadline the worker must meet: near (a month or a week before, days before for mediation) or passed. */
export const WORKER_WARNING_KINDS = ['near', 'overdue'] as const;

/** GET /api/public/disputes/track (X-Case-Token), and the sign response. */
export const workerViewSchema = z.object({
  caseNumber: z.string(),
  workerName: z.string(),
  phoneMasked: z.string().nullable(),
  /** The stage code (see STAGE_CODES). */
  stage: z.string(),
  steps: z.array(
    z.object({
      code: z.enum(STAGE_CODES),
      label: z.string(),
      labelEn: z.string(),
      description: z.string(),
      descriptionEn: z.string(),
      current: z.boolean(),
    }),
  ),
  clocks: z.array(
    z.object({
      code: z.enum(CLOCK_CODES),
      label: z.string(),
      labelEn: z.string(),
      dueOn: z.string().nullable(),
      status: z.enum(CLOCK_STATUSES),
      daysLeft: z.number().nullable(),
      basis: z.string(),
      basisEn: z.string(),
    }),
  ),
  agreement: agreementSchema.nullable(),
  agreementVersion: z.number().nullable(),
  termsHash: z.string().nullable(),
  signatures: z.object({ worker: z.boolean(), employer: z.boolean(), mediator: z.boolean() }).nullable(),
  canSign: z.boolean(),
  payments: z.array(
    z.object({
      id: z.string(),
      seq: z.number(),
      dueOn: z.string(),
      amountFen: z.number(),
      paidOn: z.string().nullable(),
      paidFen: z.number(),
    }),
  ),
  closedReason: z.string().nullable(),
  referral: z.string().nullable(),
  /**
   * What the worker can do now and by when, where the stage does not say it (after a refused
   * confirmation, after a closing with a referral); see rules/worker-next-steps.ts.
   */
  nextSteps: z.array(z.object({ code: z.string(), text: z.string(), textEn: z.string(), byOn: z.string().nullable() })),
  /**
   * The case's sessions, upcoming first (soonest first), then held and past ones (latest first). The
   * time is China's (Asia/Shanghai) whatever the phone's zone; the place only for a session in person,
   * the link only for a video one; never the minutes or anyone's phone.
   */
  sessions: z.array(
    z.object({
      mode: z.enum(['in_person', 'phone', 'video']),
      /** The instant, ISO. */
      scheduledAt: z.string(),
      /** China date, YYYY-MM-DD. */
      date: z.string(),
      /** China time of day, HH:mm. */
      time: z.string(),
      status: z.enum(WORKER_SESSION_STATUSES),
      location: z.string().nullable(),
      meetingUrl: z.string().nullable(),
    }),
  ),
  /**
   * Deadlines the worker must act on now, in the worker's words (the same the SMS says), the most
   * urgent first; see rules/worker-deadlines.ts.
   */
  warnings: z.array(
    z.object({
      clock: z.enum(CLOCK_CODES),
      kind: z.enum(WORKER_WARNING_KINDS),
      dueOn: z.string(),
      daysLeft: z.number(),
      text: z.string(),
      textEn: z.string(),
    }),
  ),
});
export type WorkerView = z.infer<typeof workerViewSchema>;

/** The case's papers the worker may download from the phone (GET …/track/documents/:kind). */
export const WORKER_DOCUMENTS = ['agreement', 'ruling'] as const;

/**
 * GET /api/public/disputes/track/files (X-Case-Token), and the answer of an upload: what the worker
 * sent from the phone (never the other side's files), whether more may be sent, and which papers
 * are ready to download.
 */
export const workerFilesSchema = z.object({
  evidence: z.array(z.object({ id: z.string(), filename: z.string(), sizeBytes: z.number(), uploadedAt: z.string() })),
  /** Evidence is taken while the case is open and the worker's share is not used up. */
  canUpload: z.boolean(),
  /** What is left of the worker's share of the case's evidence. */
  filesLeft: z.number(),
  documents: z.object({ agreement: z.boolean(), ruling: z.boolean() }),
});
export type WorkerFiles = z.infer<typeof workerFilesSchema>;
