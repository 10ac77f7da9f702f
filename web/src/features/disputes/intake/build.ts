// The counter intake form (要素式): form values ↔ the API's intake body (contracts/disputes.ts).
import type { Art38Reason, TerminationGround } from '../../../../../contracts/labor-law';
import type { IntakeInput, Sector } from '../../../../../contracts/disputes';
import type { ChainRole } from '../../../../../contracts/disputes/liability';
import type { CaseFacts } from '../../../../../contracts/disputes/case-json';
import { formatFen, parseYuanToFen } from '../../labor-law/money';

export type CaseKind = IntakeInput['kind'] & string;
export type WageStructure = IntakeInput['employment']['wageStructure'];
export type WorkingHours = NonNullable<IntakeInput['employment']['workingHours']>;

export const CASE_KINDS: readonly CaseKind[] = [
  'court_pre_filing',
  'union_mediation',
  'court_post_filing_ordinary',
  'court_post_filing_simple',
];
export const WAGE_STRUCTURES: readonly WageStructure[] = ['monthly', 'daily', 'hourly', 'piece'];
export const WORKING_HOURS: readonly WorkingHours[] = ['standard', 'comprehensive', 'flexible'];

export interface PartyValues {
  id: string;
  name?: string;
  role?: ChainRole;
  contractedBy?: string;
  isIndividualOrUnqualified?: boolean;
  uscc?: string;
  contactPhone?: string;
  contactEmail?: string;
  serviceAddress?: string;
}

export interface IntakeValues {
  oral?: boolean;
  kind: CaseKind;
  courtId?: string;
  appliedOn?: string;
  /** Absent until a field of it is typed (the liability preview reads the form before that). */
  worker?: { name?: string; phone?: string; residentId?: string };
  workerCount?: number;
  representatives?: { name?: string; phone?: string }[];
  employer?: {
    name?: string;
    uscc?: string;
    contactName?: string;
    contactPhone?: string;
    contactEmail?: string;
    serviceAddress?: string;
    representative?: { name?: string };
  };
  employment: {
    hireDate?: string;
    endDate?: string;
    position?: string;
    wageStructure: WageStructure;
    /** Yuan, as typed. */
    monthlyWage?: string;
    workingHours: WorkingHours;
    contractSigned: boolean;
    contractSignedDate?: string;
    harmKnownOn?: string;
    leavingReason?: TerminationGround;
    art38Reason?: Art38Reason;
  };
  sector?: string;
  claims: { type?: string; amount?: string; description?: string }[];
  isConstruction?: boolean;
  construction?: {
    parties?: PartyValues[];
    hiredWorker?: string;
    crewBossReachable?: boolean;
    developerPaidProjectFunds?: 'yes' | 'no' | 'unknown';
  };
  narrative?: string;
  mediatorRequestsJudge?: boolean;
}

const text = (v: string | undefined | null) => (v && v.trim() ? v.trim() : undefined);

function employerOf(e: NonNullable<IntakeValues['employer']>): IntakeInput['employer'] {
  const representative = text(e.representative?.name);
  return {
    name: text(e.name) ?? '',
    uscc: text(e.uscc)?.toUpperCase(),
    contactName: text(e.contactName),
    contactPhone: text(e.contactPhone),
    contactEmail: text(e.contactEmail),
    serviceAddress: text(e.serviceAddress),
    ...(representative ? { representative: { name: representative } } : {}),
  };
}

/** The employment block as the API takes it (the intake, and a correction of the case's facts). */
export function employmentOf(e: IntakeValues['employment']): IntakeInput['employment'] {
  return {
    hireDate: e.hireDate ?? '',
    endDate: text(e.endDate) ?? null,
    position: text(e.position),
    wageStructure: e.wageStructure,
    monthlyWageFen: parseYuanToFen(e.monthlyWage) ?? 0,
    workingHours: e.workingHours,
    contractSigned: e.contractSigned,
    contractSignedDate: e.contractSigned ? (text(e.contractSignedDate) ?? null) : null,
    harmKnownOn: text(e.harmKnownOn),
    // only with an end date; the art. 38 reason only with that ground (the server refuses otherwise)
    ...(text(e.endDate) && e.leavingReason
      ? {
          leavingReason: e.leavingReason,
          ...(e.leavingReason === 'art38' && e.art38Reason ? { art38Reason: e.art38Reason } : {}),
        }
      : {}),
  };
}

/** The claims as the API takes them: amounts typed in yuan, in fen. */
export function claimsOf(claims: IntakeValues['claims']): IntakeInput['claims'] {
  return claims.map((c) => ({
    type: c.type as IntakeInput['claims'][number]['type'],
    amountFen: parseYuanToFen(c.amount) ?? 0,
    description: text(c.description) ?? '',
  }));
}

/** A case's employment facts as the form holds them (the correction form starts from them). */
export function employmentValuesOf(e: NonNullable<CaseFacts['employment']>): IntakeValues['employment'] {
  return {
    hireDate: e.hireDate,
    endDate: e.endDate ?? undefined,
    position: e.position,
    wageStructure: e.wageStructure,
    monthlyWage: formatFen(e.monthlyWageFen),
    workingHours: e.workingHours ?? 'standard',
    contractSigned: e.contractSigned,
    contractSignedDate: e.contractSignedDate ?? undefined,
    harmKnownOn: e.harmKnownOn,
    leavingReason: e.leavingReason,
    art38Reason: e.art38Reason,
  };
}

/** A case's claims as the form holds them. */
export function claimValuesOf(claims: CaseFacts['claims']): IntakeValues['claims'] {
  return claims.map((c) => ({
    type: c.type,
    amount: c.amountFen === undefined ? undefined : formatFen(c.amountFen),
    description: c.description,
  }));
}

/** The POST /api/disputes body. The form validated required fields; the server checks again. */
export function buildIntake(v: IntakeValues): IntakeInput {
  const construction = !!(v.isConstruction && v.construction?.parties?.length);
  const body: IntakeInput = {
    channel: 'counter',
    kind: v.kind,
    courtId: v.courtId || undefined,
    oral: !!v.oral,
    appliedOn: text(v.appliedOn),
    worker: {
      name: text(v.worker?.name) ?? '',
      phone: text(v.worker?.phone) ?? '',
      residentId: text(v.worker?.residentId)?.toUpperCase(),
    },
    workerCount: v.workerCount ?? 1,
    representatives: (v.representatives ?? []).map((r) => ({ name: text(r.name) ?? '', phone: text(r.phone) ?? '' })),
    // In a construction case the chain's hiring party is the employer: no second one is sent.
    employer: construction ? undefined : employerOf(v.employer ?? {}),
    employment: employmentOf(v.employment),
    // The form requires a sector; an empty one is refused by the server, naming the field.
    sector: (v.sector ?? '') as Sector,
    claims: claimsOf(v.claims),
    narrative: text(v.narrative) ?? '',
    mediatorRequestsJudge: !!v.mediatorRequestsJudge,
  };
  const chain = v.construction;
  if (v.isConstruction && chain?.parties?.length) {
    const paid = chain.developerPaidProjectFunds;
    body.construction = {
      parties: chain.parties.map((p) => ({
        id: p.id,
        name: text(p.name) ?? '',
        role: p.role ?? 'crew_boss',
        contractedBy: p.contractedBy || undefined,
        isIndividualOrUnqualified: p.role === 'crew_boss' ? true : !!p.isIndividualOrUnqualified,
        uscc: text(p.uscc)?.toUpperCase(),
        contactPhone: text(p.contactPhone),
        contactEmail: text(p.contactEmail),
        serviceAddress: text(p.serviceAddress),
      })),
      hiredWorker: chain.hiredWorker ?? '',
      crewBossReachable: chain.crewBossReachable ?? true,
      developerPaidProjectFunds: paid === 'yes' ? true : paid === 'no' ? false : 'unknown',
    };
  }
  return body;
}

/**
 * The form field an API error names ("employer.uscc", "claims.0.amountFen",
 * "construction.parties.1.contactPhone"), or null when the form has no such field.
 */
export function formPathFor(apiField: string | undefined): (string | number)[] | null {
  if (!apiField) return null;
  const parts: (string | number)[] = apiField.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const last = parts[parts.length - 1];
  if (apiField === 'employment.monthlyWageFen') return ['employment', 'monthlyWage'];
  if (parts[0] === 'claims' && typeof parts[1] === 'number')
    return ['claims', parts[1], last === 'amountFen' ? 'amount' : (last as string)];
  if (parts[0] === 'construction' && parts[1] === 'parties' && typeof parts[2] === 'number' && parts.length === 4)
    return parts;
  if (parts[0] === 'construction' && parts[1] === 'hiredWorker') return ['construction', 'hiredWorker'];
  if (parts[0] === 'representatives' && typeof parts[1] === 'number' && parts.length === 3) return parts;
  const known = ['worker', 'employer', 'employment'];
  if (known.includes(String(parts[0])) && parts.length === 2) return parts;
  if (['appliedOn', 'courtId', 'kind', 'sector', 'narrative', 'workerCount'].includes(apiField)) return [apiField];
  return null;
}

let counter = 0;
/** A fresh id for a new party of the hiring chain (the API only needs it to be unique in the case). */
export const newPartyId = () => `p${Date.now().toString(36)}${(counter++).toString(36)}`;
