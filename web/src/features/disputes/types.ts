import type { z } from 'zod';
import type { ActionCode } from '../../../../contracts/disputes/actions';
import type { CaseFacts, CaseRecord, Notice } from '../../../../contracts/disputes/case-json';
import type { CaseState } from '../../../../contracts/disputes/case-state';
import type { Clock } from '../../../../contracts/disputes/clocks';
import type { LiabilityResult } from '../../../../contracts/disputes/liability';
import type {
  actionBodySchema,
  assignBodySchema,
  calendarOverrideSchema,
  caseFilterSchema,
  identityDecisionBodySchema,
  inviteJudgeBodySchema,
  minutesBodySchema,
  sessionBodySchema,
  statsQuerySchema,
} from '../../../../contracts/disputes/requests';
import type {
  StatDimension,
  calendarOverrideListSchema,
  caseDetailSchema,
  caseEventSchema,
  caseEvidenceSchema,
  caseListItemSchema,
  caseOutboxSchema,
  casePaymentSchema,
  caseSessionSchema,
  disputeStatsSchema,
  identityCheckSchema,
  jointConfigSchema,
  judgeListSchema,
  mediatorListSchema,
  mediatorProposalsSchema,
  outboxItemSchema,
  riskSchema,
  statRowSchema,
} from '../../../../contracts/disputes/responses';

// The shapes the dispute API answers with, from its response schemas (contracts/disputes/responses.ts):
// the server answers through the same schemas, so these cannot drift from what arrives.

export type { ActionCode, CaseFacts, CaseRecord, CaseState, Clock, LiabilityResult, Notice, StatDimension };

export type Risk = z.infer<typeof riskSchema>;

/** One row of GET /api/disputes and /api/disputes/at-risk. */
export type CaseListItem = z.infer<typeof caseListItemSchema>;

export type CaseEvent = z.infer<typeof caseEventSchema>;
export type CaseSession = z.infer<typeof caseSessionSchema>;
export type CasePayment = z.infer<typeof casePaymentSchema>;
export type CaseEvidence = z.infer<typeof caseEvidenceSchema>;

/** GET /api/disputes/:id, and the answer of every staff change of a case. */
export type CaseDetail = z.infer<typeof caseDetailSchema>;

/** A held online application as the mediator compares it: the applicant as typed, the registered person. */
export type IdentityCheck = z.infer<typeof identityCheckSchema>;

export type OutboxMessage = z.infer<typeof outboxItemSchema>;

/** GET /api/disputes/:id/outbox: the messages sent for a case, and whether the demo phone shows them. */
export type CaseOutbox = z.infer<typeof caseOutboxSchema>;

/** GET /api/disputes/:id/mediator-proposals: who could mediate, best first, and who may not. */
export type MediatorProposals = z.infer<typeof mediatorProposalsSchema>;
export type MediatorProposal = MediatorProposals['proposals'][number];

/** GET /api/disputes/:id/judges: the judges of the case's court. */
export type JudgeList = z.infer<typeof judgeListSchema>;

/** GET /api/disputes/mediators: the studio's mediators with their profiles and loads. */
export type MediatorList = z.infer<typeof mediatorListSchema>;
export type Mediator = MediatorList['items'][number];

/** GET /api/disputes/calendar-overrides: the holidays and make-up working days on record. */
export type CalendarOverrideList = z.infer<typeof calendarOverrideListSchema>;
export type CalendarOverride = CalendarOverrideList['items'][number];

/** GET and PUT /api/disputes/settings/joint-mediation: when a case gets a judge beside the mediator. */
export type JointConfig = z.infer<typeof jointConfigSchema>;

export type StatRow = z.infer<typeof statRowSchema>;

/** GET /api/disputes/stats: the totals and one row per group of the dimension. */
export type DisputeStats = z.infer<typeof disputeStatsSchema>;

// What the staff pages send, from the request schemas the routes validate with
// (contracts/disputes/requests.ts): z.input, the body before the schema fills in its defaults.

/** POST /api/disputes/:id/actions: an action of the state machine with its payload. */
export type ActionBody = z.input<typeof actionBodySchema>;

/** POST /api/disputes/:id/assign and POST /api/disputes/:id/invite-judge. */
export type AssignBody = z.input<typeof assignBodySchema>;
export type InviteJudgeBody = z.input<typeof inviteJudgeBodySchema>;

/** POST /api/disputes/:id/identity: the mediator's decision on a held online application. */
export type IdentityDecisionBody = z.input<typeof identityDecisionBodySchema>;

/** POST /api/disputes/:id/sessions and …/sessions/:sessionId/minutes (times as ISO instants). */
export type SessionBody = z.input<typeof sessionBodySchema>;
export type MinutesBody = z.input<typeof minutesBodySchema>;

/** PUT /api/disputes/calendar-overrides: a holiday or a make-up working day. */
export type CalendarOverrideBody = z.input<typeof calendarOverrideSchema>;

/** The filters of GET /api/disputes (the list adds the page). */
export type CaseFilter = z.input<typeof caseFilterSchema>;

/** GET /api/disputes/stats: the dimension, the period and the court. */
export type StatsQuery = z.input<typeof statsQuerySchema>;

/** A court as GET /api/courts lists it (contracts/courts.ts). */
export type { Court } from '../../../../contracts/courts';
