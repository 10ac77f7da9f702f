import type { CaseFacts, CaseRecord, EmployerFact, WorkerFact } from '../../../contracts/disputes/case-json.js';
import { errors } from '../../core/errors.js';
import type { Clock } from './rules/clocks.js';
import { computeClocks, riskLevel, type RiskLevel } from './rules/clocks.js';
import { clockFactsOf, type CaseState } from './rules/state-machine.js';
import type { WorkingCalendar } from './rules/working-days.js';

// The JSON kept with a case is defined once, in contracts (it types the jsonb columns and the case
// file the web reads); the server's helpers on it are here.
export type { CaseFacts, CaseRecord, Notice } from '../../../contracts/disputes/case-json.js';

const historic = () => errors.conflict('历史案件只能查看', 'Historic cases are read-only');

/** The state machine's state of a live case; a historic (imported) case has none, and is read-only. */
export function liveState(record: CaseRecord): CaseState {
  if (!record.state) throw historic();
  return record.state;
}

/** The parties as registered at intake (a historic case has none). */
export function partiesOf(facts: CaseFacts): { worker: WorkerFact; employer: EmployerFact } {
  if (!facts.worker || !facts.employer) throw historic();
  return { worker: facts.worker, employer: facts.employer };
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

/** What a case's clocks are computed from: its state, the employment dates, the claim types. */
export interface ClockSource {
  record: Pick<CaseRecord, 'state'>;
  facts: Pick<CaseFacts, 'employment'>;
  claimTypes: readonly string[];
}

export function clocksOf(row: ClockSource, calendar: WorkingCalendar, today: string): Clock[] {
  const state = row.record.state;
  if (!state) return [];
  const employment = row.facts.employment;
  return computeClocks(
    {
      ...clockFactsOf(state),
      employmentEndedOn: employment?.endDate ?? undefined,
      harmKnownOn: employment?.harmKnownOn,
      claimsIncludeWageArrears: row.claimTypes.includes('wage_arrears'),
    },
    calendar,
    today,
  );
}

/** Limitation clocks warn; they are not deadlines the studio acts on. */
const actionable = (c: Clock) => c.code !== 'limitation' && c.code !== 'limitation_wage_arrears';

/** The earliest date by which somebody must act; null when no clock runs (kept as next_due_on for lists). */
export function nextDueOf(clocks: Clock[]): string | null {
  const due = clocks
    .filter((c) => (c.status === 'running' || c.status === 'overdue') && c.dueOn && actionable(c))
    .map((c) => c.dueOn!);
  return due.length ? due.sort()[0]! : null;
}

/**
 * The risk a case shows, on its page and on every list row alike: both compute it here from the
 * case's clocks as of today, so a row never says "ok" for a case whose page says "due soon".
 */
export function caseRisk(row: ClockSource, calendar: WorkingCalendar, today: string): RiskLevel {
  return riskOfClocks(clocksOf(row, calendar, today), today);
}

/** The same, from clocks already computed (the case page shows them too). */
export function riskOfClocks(clocks: readonly Clock[], today: string): RiskLevel {
  return riskLevel(clocks.filter(actionable), today);
}
