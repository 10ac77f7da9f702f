import type { LaborLawResponse } from '../../../../contracts/labor-law';
import type { ActionCode } from '../../../../contracts/disputes/actions';
import type { CaseState } from '../../../../contracts/disputes/case-state';
import type { Clock } from '../../../../contracts/disputes/clocks';
import type { LiabilityResult } from '../../../../contracts/disputes/liability';

export type { ActionCode, CaseState, Clock, LiabilityResult };

export type Risk = 'ok' | 'due_soon' | 'overdue';

/** One row of GET /api/disputes and /api/disputes/at-risk. */
export interface CaseListItem {
  id: string;
  caseNumber: string;
  stage: string;
  kind: string;
  sector: string;
  claimTypes: string[];
  claimTotalFen: number;
  settledFen: number | null;
  workerCount: number;
  joint: boolean;
  appliedOn: string;
  nextDueOn: string | null;
  closedReason: string | null;
  workerName: string;
  employerName: string | null;
  mediatorName: string | null;
  courtName: string | null;
  risk: Risk;
}

export interface Notice {
  code: string;
  message: string;
  messageEn: string;
}

export interface CaseRecord {
  state?: CaseState;
  liability?: LiabilityResult | null;
  jointReasons?: Notice[];
  intakeWarnings?: Notice[];
  counterOffer?: { amountFen: number | null; note: string | null; at: string };
  rulingNo?: string;
  confirmationReview?: { grounds: Record<string, boolean>; at: string; by: string };
  refusalNote?: string;
  mediatorHistory?: { accountId: string; name: string; at: string; reason: string; conflictDeclared: boolean }[];
  historic?: boolean;
}

export interface CaseEvent {
  id: number;
  at: string;
  actorLabel: string;
  action: string;
  fromStage: string | null;
  toStage: string | null;
  payload: Record<string, unknown> | null;
}

export interface CaseSession {
  id: string;
  mode: 'in_person' | 'phone' | 'video';
  scheduledAt: string;
  location: string | null;
  meetingUrl: string | null;
  heldAt: string | null;
  minutes: string | null;
}

export interface CasePayment {
  id: string;
  seq: number;
  dueOn: string;
  amountFen: number;
  paidOn: string | null;
  paidFen: number;
}

export interface CaseEvidence {
  id: string;
  filename: string;
  mime: string;
  sizeBytes: number;
  description: string | null;
  uploadedBy: string;
  createdAt: string;
}

export interface CaseFacts {
  oral?: boolean;
  worker: { name: string; phone?: string };
  employer: { name: string; uscc?: string; contactPhone?: string; contactEmail?: string };
  employment?: {
    hireDate: string;
    endDate: string | null;
    monthlyWageFen: number;
    wageStructure: string;
    workingHours?: string;
    contractSigned: boolean;
  };
  claims: { type: string; amountFen: number; description?: string }[];
  narrative?: string;
  representatives?: { name: string; phone: string }[];
}

/** GET /api/disputes/:id (see server/modules/disputes/service.ts caseDetail). */
export interface CaseDetail {
  id: string;
  caseNumber: string;
  stage: string;
  stageLabel: string;
  kind: string;
  channel: 'counter' | 'online';
  sector: string;
  claimTypes: string[];
  claimTotalFen: number;
  settledFen: number | null;
  workerCount: number;
  joint: boolean;
  appliedOn: string;
  closedReason: string | null;
  referral: string | null;
  workerName: string;
  workerPhoneMasked: string | null;
  employerName: string | null;
  respondentName: string | null;
  mediatorId: string | null;
  mediatorName: string | null;
  judgeId: string | null;
  judgeName: string | null;
  courtId: string | null;
  courtName: string | null;
  facts: CaseFacts;
  analysis: (LaborLawResponse & { request?: unknown }) | null;
  record: CaseRecord;
  clocks: Clock[];
  risk: Risk;
  events: CaseEvent[];
  sessions: CaseSession[];
  payments: CasePayment[];
  evidence: CaseEvidence[];
  availableActions: ActionCode[];
  version: number;
}

export interface OutboxMessage {
  id: string;
  channel: 'sms' | 'email';
  recipient: string;
  subject: string | null;
  body: string;
  createdAt: string;
  sentAt: string | null;
}

export interface StatRow {
  key: string | null;
  label: string | null;
  received: number;
  succeeded: number;
  failed: number;
  settledFen: number;
  avgDaysToAgreement: number | null;
  avgDaysToRuling: number | null;
  successRate: number | null;
}

export interface Court {
  id: string;
  name: string;
  code: string;
}
