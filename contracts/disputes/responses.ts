import { z } from 'zod';
import { casePartySchema } from './parties.js';
import { ROLES } from '../roles.js';
import { ACTION_CODES } from './actions.js';
import {
  IDENTITY_DIFFERENCES,
  caseFactsSchema,
  caseRecordSchema,
  eventPayloadSchema,
  savedAnalysisSchema,
} from './case-json.js';
import { CLOCK_CODES, CLOCK_STATUSES, type Clock } from './clocks.js';

/**
 * The response schemas of the staff dispute API (the public pages' are in public-views.ts). The
 * server's routes answer through them (a field not listed here is dropped), and the web derives
 * its types from them (web/src/features/disputes/types.ts), so both read one definition.
 */

const nullableString = z.string().nullable();

// ------------------------------------------------------------------ the case file

export const RISKS = ['ok', 'due_soon', 'overdue'] as const;
export const riskSchema = z.enum(RISKS);

/** One statutory clock with its basis (rules/clocks.ts computes them). */
export const clockSchema = z.object({
  code: z.enum(CLOCK_CODES),
  label: z.string(),
  labelEn: z.string(),
  basis: z.string(),
  basisEn: z.string(),
  unit: z.enum(['calendar_days', 'working_days']),
  startsOn: nullableString,
  dueOn: nullableString,
  status: z.enum(CLOCK_STATUSES),
  daysLeft: z.number().nullable(),
  workingDaysLeft: z.number().nullable().optional(),
  remindOn: nullableString,
  metOn: z.string().optional(),
  late: z.boolean().optional(),
  audience: z.array(z.enum(ROLES)),
  note: z.string().optional(),
  noteEn: z.string().optional(),
  obligation: z.literal('service_standard').optional(),
});
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const clockSchemaMatches: Same<z.infer<typeof clockSchema>, Clock> = true;
void clockSchemaMatches;

/** A row of dispute_events; `at` as an ISO instant. */
export const caseEventSchema = z.object({
  id: z.number(),
  caseId: z.string(),
  at: z.string(),
  actorAccountId: nullableString,
  actorLabel: z.string(),
  action: z.string(),
  fromStage: nullableString,
  toStage: nullableString,
  payload: eventPayloadSchema.nullable(),
});

export const caseSessionSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  mode: z.enum(['in_person', 'phone', 'video']),
  scheduledAt: z.string(),
  location: nullableString,
  meetingUrl: nullableString,
  heldAt: nullableString,
  minutes: nullableString,
  reminderSentAt: nullableString,
  createdAt: z.string(),
});

export const casePaymentSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  seq: z.number(),
  dueOn: z.string(),
  amountFen: z.number(),
  paidOn: nullableString,
  paidFen: z.number(),
});

/** An evidence file as listed (never its content). */
export const caseEvidenceSchema = z.object({
  id: z.string(),
  filename: z.string(),
  mime: z.string(),
  sizeBytes: z.number(),
  description: nullableString,
  uploadedBy: z.string(),
  createdAt: z.string(),
});

/** One row of GET /api/disputes and /api/disputes/at-risk. */
export const caseListItemSchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  stage: z.string(),
  kind: z.string(),
  sector: z.string(),
  claimTypes: z.array(z.string()),
  claimTotalFen: z.number(),
  settledFen: z.number().nullable(),
  workerCount: z.number(),
  joint: z.boolean(),
  appliedOn: z.string(),
  nextDueOn: nullableString,
  closedReason: nullableString,
  workerName: z.string(),
  employerName: nullableString,
  mediatorName: nullableString,
  courtName: nullableString,
  risk: riskSchema,
  /** An online application held until a mediator verifies who the applicant is. */
  identityHeld: z.boolean(),
});

/**
 * A held online application as the mediator compares it: what the applicant typed, and the
 * registered person the typed resident ID belongs to, read from the people register now. The
 * registered phone is shown in full only when that person is in the mediator's region (as the
 * people pages show it), masked otherwise; resident IDs only masked.
 */
export const identityCheckSchema = z.object({
  /** What differs now between the two (the register may have changed since the application). */
  differs: z.array(z.enum(IDENTITY_DIFFERENCES)),
  applicant: z.object({
    personId: z.string(),
    name: z.string(),
    phone: z.string(),
    residentIdMasked: nullableString,
  }),
  registered: z.object({
    personId: z.string(),
    name: z.string(),
    phone: nullableString,
    phoneMasked: z.boolean(),
    residentIdMasked: nullableString,
    regionCode: z.string(),
    regionName: nullableString,
    /** The registered person's open cases (this one excepted); `readable`: the caller may open it. */
    openCases: z.array(
      z.object({
        id: z.string(),
        caseNumber: z.string(),
        stage: z.string(),
        employerName: nullableString,
        readable: z.boolean(),
      }),
    ),
  }),
});

/** GET /api/disputes/:id, and the answer of every staff change of a case. */
export const caseDetailSchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  stage: z.string(),
  stageLabel: z.string(),
  kind: z.string(),
  channel: z.enum(['counter', 'online']),
  sector: z.string(),
  claimTypes: z.array(z.string()),
  claimTotalFen: z.number(),
  settledFen: z.number().nullable(),
  workerCount: z.number(),
  workerPersonId: z.string(),
  joint: z.boolean(),
  appliedOn: z.string(),
  closedReason: nullableString,
  referral: nullableString,
  regionCode: z.string(),
  mediationBodyId: nullableString,
  workerName: z.string(),
  workerPhoneMasked: nullableString,
  employerName: nullableString,
  respondentName: nullableString,
  mediatorId: nullableString,
  mediatorName: nullableString,
  judgeId: nullableString,
  judgeName: nullableString,
  courtId: nullableString,
  courtName: nullableString,
  courtCode: nullableString,
  /** As the caller may see them: no resident ID, the worker's phone masked for the other side. */
  facts: caseFactsSchema,
  /** Who is in the case and in which role (parties.ts); cases from before the list have it derived. */
  parties: z.array(casePartySchema),
  analysis: savedAnalysisSchema.nullable(),
  record: caseRecordSchema,
  clocks: z.array(clockSchema),
  risk: riskSchema,
  events: z.array(caseEventSchema),
  sessions: z.array(caseSessionSchema),
  payments: z.array(casePaymentSchema),
  evidence: z.array(caseEvidenceSchema),
  /** What the caller could try now (the state machine still has the last word). */
  availableActions: z.array(z.enum(ACTION_CODES)),
  /** A held online application, for those who may decide it (null otherwise). */
  identityCheck: identityCheckSchema.nullable(),
  version: z.number(),
});

/** POST /api/disputes/:id/actions?view=none: the new stage only. */
export const caseStageSchema = z.object({ id: z.string(), stage: z.string(), version: z.number() });
export const actionResultSchema = z.union([caseDetailSchema, caseStageSchema]);

// ------------------------------------------------------------------ the mediator's work

/** GET /api/disputes/:id/mediator-proposals (rules/assignment.ts). */
export const mediatorProposalsSchema = z.object({
  proposals: z.array(
    z.object({
      rank: z.number(),
      mediatorId: z.string(),
      name: z.string(),
      tier: z.enum(['full', 'partial', 'none']),
      matched: z.array(z.string()),
      activeCases: z.number(),
      reasons: z.array(z.object({ zh: z.string(), en: z.string() })),
    }),
  ),
  excluded: z.array(
    z.object({
      mediatorId: z.string(),
      name: z.string(),
      reason: z.enum(['unavailable', 'conflict']),
      zh: z.string(),
      en: z.string(),
    }),
  ),
});

/** POST /api/disputes/:id/evidence: the file as stored. */
export const evidenceUploadSchema = z.object({
  id: z.string(),
  filename: z.string(),
  mime: z.string(),
  sizeBytes: z.number(),
});

/** A message of the outbox, one-time secrets hidden; times as ISO instants. */
export const outboxItemSchema = z.object({
  id: z.string(),
  channel: z.enum(['sms', 'email']),
  recipient: z.string(),
  subject: nullableString,
  body: z.string(),
  createdAt: z.string(),
  sentAt: nullableString,
});
export const caseOutboxSchema = z.object({ items: z.array(outboxItemSchema), demoPhone: z.boolean() });

export const mediatorListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      expertise: z.array(z.string()),
      available: z.boolean(),
      conflictEmployerIds: z.array(z.string()),
      activeCases: z.number(),
    }),
  ),
});

/** The judges of a case's court (joint mediation). */
export const judgeListSchema = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) });

// ------------------------------------------------------------------ the filing package

const sexSchema = z.enum(['male', 'female']);
const employerPartySchema = z.object({
  name: z.string(),
  uscc: z.string(),
  address: z.string(),
  legalRepresentative: z.object({ name: z.string(), title: z.string().optional() }).optional(),
  agent: z.object({ name: z.string(), relation: z.string(), phone: z.string().optional() }).optional(),
  phone: z.string().optional(),
  serviceAddress: z.string().optional(),
});

/** The parties as the documents name them (server/modules/disputes/documents/types.ts). */
export const documentPartiesSchema = z.object({
  workers: z.array(
    z.object({
      name: z.string(),
      sex: sexSchema.optional(),
      birthDate: z.string().optional(),
      ethnicity: z.string().optional(),
      residentIdMasked: z.string(),
      address: z.string(),
      phone: z.string(),
      serviceAddress: z.string().optional(),
    }),
  ),
  representatives: z
    .array(
      z.object({
        name: z.string(),
        sex: sexSchema.optional(),
        residentIdMasked: z.string().optional(),
        phone: z.string(),
        address: z.string().optional(),
      }),
    )
    .optional(),
  employers: z.array(employerPartySchema),
  liableParties: z
    .array(
      employerPartySchema.extend({
        role: z.enum(['general-contractor', 'developer', 'subcontractor', 'qualification-lender', 'other']),
        roleLabel: z.string().optional(),
        liabilityBasis: z.string().optional(),
        liabilityExplanation: z.string().optional(),
      }),
    )
    .optional(),
});

export const DOCUMENT_CLAIM_TYPES = [
  'wage-arrears',
  'economic-compensation',
  'unlawful-termination',
  'double-wage',
  'overtime',
  'annual-leave',
  'notice-pay',
  'work-injury',
  'social-insurance',
  'other',
] as const;

/** GET /api/disputes/:id/filing-package: what a court or arbitration commission needs next. */
export const filingPackageSchema = z.object({
  caseNumber: z.string(),
  stage: z.string(),
  closedReason: nullableString,
  referral: nullableString,
  parties: documentPartiesSchema,
  claims: z.array(z.object({ type: z.enum(DOCUMENT_CLAIM_TYPES), description: z.string(), amountFen: z.number() })),
  /** The facts in prose, as the documents state them. */
  facts: z.string(),
  analysis: savedAnalysisSchema.nullable(),
  evidence: z.array(caseEvidenceSchema),
  minutes: z.array(
    z.object({
      mode: z.enum(['in_person', 'phone', 'video']),
      scheduledAt: z.string(),
      heldAt: nullableString,
      minutes: nullableString,
    }),
  ),
  events: z.array(z.object({ at: z.string(), action: z.string(), actor: z.string() })),
});

// ------------------------------------------------------------------ statistics

export const STAT_DIMENSIONS = ['court', 'mediator', 'sector', 'claim_type', 'month', 'year'] as const;
export type StatDimension = (typeof STAT_DIMENSIONS)[number];

export const statRowSchema = z.object({
  key: nullableString,
  label: nullableString,
  received: z.number(),
  succeeded: z.number(),
  failed: z.number(),
  settledFen: z.number(),
  avgDaysToAgreement: z.number().nullable(),
  avgDaysToRuling: z.number().nullable(),
  successRate: z.number().nullable(),
});

/** GET /api/disputes/stats: the totals and one row per group of the dimension. */
export const disputeStatsSchema = z.object({
  totals: statRowSchema,
  dimension: z.enum(STAT_DIMENSIONS),
  rows: z.array(statRowSchema),
});

// ------------------------------------------------------------------ settings

/** The joint-mediation triggers (GET, and the PUT body and answer). */
export const jointConfigSchema = z.object({
  minWorkers: z.number().int().min(0).max(10_000),
  minClaimFen: z.number().int().min(0),
  onMediatorRequest: z.boolean(),
});

export const calendarOverrideListSchema = z.object({
  items: z.array(z.object({ date: z.string(), kind: z.enum(['holiday', 'workday']), note: nullableString })),
});

export const okSchema = z.object({ ok: z.literal(true) });

// ------------------------------------------------------------------ no login (public pages)

export const studioListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      regionCode: z.string(),
      regionName: nullableString,
      address: nullableString,
      contactPhone: nullableString,
    }),
  ),
});
/** An online application as received: the number to track it by. */
export const applicationReceiptSchema = z.object({ caseNumber: z.string() });
export const codeSentSchema = z.object({ sent: z.literal(true) });
/** The paying party's signing code: where it went, masked. */
export const signCodeSentSchema = z.object({ sent: z.literal(true), phoneMasked: z.string() });
export const caseTokenSchema = z.object({ caseToken: z.string() });
