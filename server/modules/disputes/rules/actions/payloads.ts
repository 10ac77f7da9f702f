/**
 * The payload schema of every action: what the caller must send, parsed before any handler runs.
 * Handlers take `ActionPayload<'…'>`, the type these schemas parse to.
 */
import { z } from 'zod';
import type { ActionCode } from '../../../../../contracts/disputes/actions.js';
import {
  CONFIRMATION_COURTS,
  COURT_OUTCOME_REQUESTS,
  REFUSAL_GROUNDS,
} from '../../../../../contracts/disputes/confirmation.js';
import { isIsoDate } from '../dates.js';
import { MEDIATION_CONDUCTORS } from '../../../../../contracts/disputes/case-state.js';
import { MAX_AGREED_EXTENSION_DAYS } from '../periods.js';
import { CLAIM_TYPES, CLOSE_REASONS, REFERRALS } from '../stages.js';

const isoDate = z.string().refine(isIsoDate, { message: 'expected a date YYYY-MM-DD' });
const empty = z.strictObject({});
/** The clerk who records the ruling with the judge (书记员): printed under it, so a real name or nothing. */
const clerkName = z.string().trim().min(2).max(32);

const termsSchema = z.strictObject({
  installments: z.array(z.strictObject({ dueOn: isoDate, amountFen: z.number().int().positive() })).max(120),
  claimTypes: z.array(z.enum(CLAIM_TYPES)).min(1),
  summary: z.string().max(2000).optional(),
});

export const PAYLOADS = {
  start_consultation: empty,
  record_consent: z.strictObject({ party: z.enum(['worker', 'employer']) }),
  contact_employer: z.strictObject({
    channel: z.enum(['phone', 'sms', 'visit', 'letter', 'video', 'online']),
    reached: z.boolean(),
  }),
  record_employer_answer: z.strictObject({
    answer: z.enum(['accept', 'decline', 'counter']),
    note: z.string().max(2000).optional(),
  }),
  start_mediation: z.strictObject({
    mode: z.enum(['in_person', 'phone', 'video']),
    /** Court-referred cases: an invited organisation or an invited individual mediator (default organisation). */
    mediatedBy: z.enum(MEDIATION_CONDUCTORS).optional(),
  }),
  extend_mediation: z.strictObject({
    workerConsents: z.boolean(),
    employerConsents: z.boolean(),
    /** The days the parties agreed on (pre-filing: required; post-filing: 30 or left out). */
    days: z.number().int().min(1).max(MAX_AGREED_EXTENSION_DAYS).optional(),
  }),
  continue_mediation: z.strictObject({ workerConsents: z.boolean(), employerConsents: z.boolean() }),
  set_agreement_terms: z.strictObject({ terms: termsSchema }),
  sign_agreement: z.strictObject({
    signer: z.enum(['worker', 'employer', 'mediator']),
    /** The hash of the terms the signer was shown (agreementHash); other terms are not signed. */
    termsHash: z.string().min(16).max(128),
    /** The mediation body's seal, required with the mediator's signature. */
    sealApplied: z.boolean().optional(),
    /** Set by the service from the door the signature came through, never by the caller (service.ts). */
    method: z.enum(['link_code', 'sms_code', 'account']).optional(),
    signerName: z.string().max(64).optional(),
  }),
  record_party_signature: z.strictObject({
    signer: z.enum(['worker', 'employer']),
    termsHash: z.string().min(16).max(128),
    /** Signed on the printed agreement at the session, which the studio keeps. */
    method: z.enum(['paper']),
    /** Who signed on paper (for an organisation: its representative or agent). */
    signerName: z.string().trim().max(64).optional(),
  }),
  apply_confirmation: z.strictObject({
    applicants: z.array(z.enum(['worker', 'employer'])),
    materials: z.strictObject({
      agreement: z.boolean(),
      identityProofs: z.boolean(),
      contactDetails: z.boolean(),
      /** 调解组织主持调解的证明 (民诉法解释第三百五十四条); checked by the rules, so a missing one is named. */
      mediationProof: z.boolean().optional(),
    }),
    court: z.enum(CONFIRMATION_COURTS),
  }),
  issue_ruling: z.strictObject({ rulingNo: z.string().max(64).optional(), clerkName: clerkName.optional() }),
  refuse_confirmation: z.strictObject({
    ground: z.enum(REFUSAL_GROUNDS),
    note: z.string().max(2000).optional(),
    clerkName: clerkName.optional(),
  }),
  reopen_mediation: z.strictObject({ workerConsents: z.boolean(), employerConsents: z.boolean() }),
  record_payment: z.strictObject({ amountFen: z.number().int().positive(), paidOn: isoDate }),
  mark_performed: z.strictObject({ workerConfirmed: z.boolean() }),
  apply_enforcement: empty,
  apply_payment_order: z.strictObject({
    /** The eligible part of the agreement the order is sought for (劳动争议调解仲裁法第十六条). */
    claimTypes: z.array(z.enum(CLAIM_TYPES)).min(1).max(CLAIM_TYPES.length).optional(),
    amountFen: z.number().int().positive().optional(),
  }),
  close_failed: z.strictObject({
    reason: z.enum(CLOSE_REASONS),
    referral: z.enum(REFERRALS).optional(),
    note: z.string().max(2000).optional(),
    /** A lawsuit without arbitration first names the exception it rests on (closing.ts). */
    directSuit: z
      .discriminatedUnion('basis', [
        z.strictObject({
          basis: z.literal('wage_iou'),
          /** The IOU is the employer's own written acknowledgement of the wages owed. */
          writtenIouFromEmployer: z.boolean(),
          /** What the suit asks for. */
          suitClaims: z.array(z.enum(CLAIM_TYPES)).min(1),
        }),
        z.strictObject({ basis: z.literal('wage_agreement_not_performed') }),
      ])
      .optional(),
  }),
  amend_agreement: z.strictObject({
    terms: termsSchema,
    workerConsents: z.boolean(),
    employerConsents: z.boolean(),
  }),
  submit_agreement_to_court: z.strictObject({
    /** 特邀调解规定第二十条: the agreement is served on both parties and submitted to the court. */
    requested: z.enum(COURT_OUTCOME_REQUESTS),
  }),
  record_mediation_document: z.strictObject({
    documentNo: z.string().trim().min(1).max(64),
    issuedOn: isoDate,
    servedOn: z.strictObject({ worker: isoDate, employer: isoDate }),
  }),
  record_withdrawal: z.strictObject({
    rulingNo: z.string().trim().min(1).max(64),
    ruledOn: isoDate,
  }),
} as const satisfies Record<ActionCode, z.ZodType>;

export type ActionPayload<A extends ActionCode> = z.infer<(typeof PAYLOADS)[A]>;
