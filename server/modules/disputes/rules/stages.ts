/**
 * The stage rules: which stages a case must have passed before another, the claims a payment
 * order may carry. The stages, their sets (open, terminal, before and after an agreement), close
 * reasons, referrals and claim types themselves are defined in contracts/disputes (browser-safe).
 */
import type { Stage } from '../../../../contracts/disputes/stages.js';

export * from '../../../../contracts/disputes/stages.js';
export * from '../../../../contracts/disputes/claims.js';

/**
 * The stages a case must have passed through (in order) before reaching a stage.
 * Used to check that no transition skips a required step.
 */
export const REQUIRED_BEFORE: Readonly<Record<Stage, readonly Stage[]>> = {
  intake: [],
  consultation: ['intake'],
  employer_contacted: ['intake', 'consultation'],
  consented: ['intake', 'consultation', 'employer_contacted'],
  mediating: ['intake', 'consultation', 'employer_contacted', 'consented'],
  agreement_signed: ['intake', 'consultation', 'employer_contacted', 'consented', 'mediating'],
  confirmation_applied: ['intake', 'consultation', 'employer_contacted', 'consented', 'mediating', 'agreement_signed'],
  ruling_issued: [
    'intake',
    'consultation',
    'employer_contacted',
    'consented',
    'mediating',
    'agreement_signed',
    'confirmation_applied',
  ],
  confirmation_refused: [
    'intake',
    'consultation',
    'employer_contacted',
    'consented',
    'mediating',
    'agreement_signed',
    'confirmation_applied',
  ],
  agreement_submitted: ['intake', 'consultation', 'employer_contacted', 'consented', 'mediating', 'agreement_signed'],
  mediation_document_issued: [
    'intake',
    'consultation',
    'employer_contacted',
    'consented',
    'mediating',
    'agreement_signed',
    'agreement_submitted',
  ],
  performed: ['intake', 'consultation', 'employer_contacted', 'consented', 'mediating', 'agreement_signed'],
  suit_withdrawn: [
    'intake',
    'consultation',
    'employer_contacted',
    'consented',
    'mediating',
    'agreement_signed',
    'agreement_submitted',
  ],
  // Enforcement rests on a title: the confirmation ruling or, for a post-filing case, the court's
  // mediation document (民事诉讼法第二百四十七条), so neither court step is required by itself.
  enforcement_applied: ['intake', 'consultation', 'employer_contacted', 'consented', 'mediating', 'agreement_signed'],
  payment_order_applied: ['intake', 'consultation', 'employer_contacted', 'consented', 'mediating', 'agreement_signed'],
  closed_failed: ['intake'],
};

// PAYMENT_ORDER_CLAIM_TYPES (劳动争议调解仲裁法第十六条) lives in contracts/disputes/claims.ts, re-exported
// above, so that the web asks for the same eligible part of an agreement.
