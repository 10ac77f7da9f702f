import type { LiabilityResult } from './rules/construction-liability.js';
import type { Clock } from './rules/clocks.js';
import { computeClocks, riskLevel } from './rules/clocks.js';
import { clockFactsOf, type CaseState } from './rules/state-machine.js';
import type { WorkingCalendar } from './rules/working-days.js';
import type { disputeCases } from './tables.js';

export interface Notice {
  code: string;
  message: string;
  messageEn: string;
}

/** The legal record kept with a case: the state machine's state plus what intake found. */
export interface CaseRecord {
  state: CaseState;
  liability?: LiabilityResult | null;
  jointReasons?: Notice[];
  intakeWarnings?: Notice[];
  counterOffer?: { amountFen: number | null; note: string | null; at: string };
  rulingNo?: string;
  confirmationReview?: { grounds: Record<string, boolean>; at: string; by: string };
  refusalNote?: string;
  mediatorHistory?: { accountId: string; name: string; at: string; reason: string; conflictDeclared: boolean }[];
  /** Historic demo cases carry no live state. */
  historic?: boolean;
}

type CaseRow = typeof disputeCases.$inferSelect;

export interface EmploymentFacts {
  hireDate?: string;
  endDate?: string | null;
  harmKnownOn?: string;
}

/** Columns derived from the state, so lists and statistics can filter and group in SQL. */
export function projectColumns(state: CaseState) {
  const effective = state.agreementEffectiveOn ?? null;
  const total = state.agreement?.installments.reduce((s, i) => s + i.amountFen, 0) ?? null;
  return {
    stage: state.stage,
    contactedOn: state.contactedOn ?? null,
    mediationStartedOn: state.mediationStartedOn ?? null,
    extensionDays: state.extensionDays,
    agreementEffectiveOn: effective,
    confirmationAppliedOn: state.confirmationAppliedOn ?? null,
    rulingIssuedOn: state.rulingIssuedOn ?? null,
    closedOn: state.closure?.closedOn ?? state.performedOn ?? null,
    closedReason: state.closure?.reason ?? null,
    referral: state.closure?.referral ?? null,
    settledFen: effective ? total : null,
  };
}

export function clocksOf(
  row: Pick<CaseRow, 'record' | 'facts' | 'claimTypes'>,
  calendar: WorkingCalendar,
  today: string,
): Clock[] {
  const record = row.record as CaseRecord;
  if (!record.state) return [];
  const employment = (row.facts as { employment?: EmploymentFacts }).employment ?? {};
  return computeClocks(
    {
      ...clockFactsOf(record.state),
      employmentEndedOn: employment.endDate ?? undefined,
      harmKnownOn: employment.harmKnownOn,
      claimsIncludeWageArrears: row.claimTypes.includes('wage_arrears'),
    },
    calendar,
    today,
  );
}

/** Limitation clocks warn; they are not deadlines the studio acts on. */
const actionable = (c: Clock) => c.code !== 'limitation' && c.code !== 'limitation_wage_arrears';

/** The earliest date by which somebody must act; null when no clock runs. */
export function nextDueOf(clocks: Clock[]): string | null {
  const due = clocks
    .filter((c) => (c.status === 'running' || c.status === 'overdue') && c.dueOn && actionable(c))
    .map((c) => c.dueOn!);
  return due.length ? due.sort()[0]! : null;
}

export function caseRisk(clocks: Clock[], today: string) {
  return riskLevel(clocks.filter(actionable), today);
}
