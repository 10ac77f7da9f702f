import type { z } from 'zod';
import type { ActionCode } from '../../../../contracts/disputes/actions';
import type { CaseFacts, CaseRecord, Notice } from '../../../../contracts/disputes/case-json';
import type { CaseState } from '../../../../contracts/disputes/case-state';
import type { Clock } from '../../../../contracts/disputes/clocks';
import type { LiabilityResult } from '../../../../contracts/disputes/liability';
import type {
  caseDetailSchema,
  caseEventSchema,
  caseEvidenceSchema,
  caseListItemSchema,
  casePaymentSchema,
  caseSessionSchema,
  outboxItemSchema,
  riskSchema,
  statRowSchema,
} from '../../../../contracts/disputes/responses';

// The shapes the dispute API answers with, from its response schemas (contracts/disputes/responses.ts):
// the server answers through the same schemas, so these cannot drift from what arrives.

export type { ActionCode, CaseFacts, CaseRecord, CaseState, Clock, LiabilityResult, Notice };

export type Risk = z.infer<typeof riskSchema>;

/** One row of GET /api/disputes and /api/disputes/at-risk. */
export type CaseListItem = z.infer<typeof caseListItemSchema>;

export type CaseEvent = z.infer<typeof caseEventSchema>;
export type CaseSession = z.infer<typeof caseSessionSchema>;
export type CasePayment = z.infer<typeof casePaymentSchema>;
export type CaseEvidence = z.infer<typeof caseEvidenceSchema>;

/** GET /api/disputes/:id, and the answer of every staff change of a case. */
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export type OutboxMessage = z.infer<typeof outboxItemSchema>;

export type StatRow = z.infer<typeof statRowSchema>;

/** A court as GET /api/courts lists it (contracts/courts.ts). */
export type { Court } from '../../../../contracts/courts';
