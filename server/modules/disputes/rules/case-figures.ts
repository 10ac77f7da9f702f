/** Figures read off a case state: agreed and overdue money, clock facts, the latest recorded date. */
import type { AgreementTerms, CaseState } from '../../../../contracts/disputes/case-state.js';
import type { ClockFacts } from './clocks.js';
import { maxDate, type IsoDate } from './dates.js';

/** The terms as one string with a fixed key order, so the same terms always hash the same. */
export function canonicalTerms(terms: AgreementTerms): string {
  return JSON.stringify({
    installments: terms.installments.map((i) => ({ dueOn: i.dueOn, amountFen: i.amountFen })),
    claimTypes: [...terms.claimTypes],
    summary: terms.summary ?? null,
  });
}

export function agreementTotalFen(terms: AgreementTerms | undefined): number {
  return (terms?.installments ?? []).reduce((s, i) => s + i.amountFen, 0);
}

/** Amount that fell due before `today` (installments whose due day has passed). */
export function amountOverdueFen(state: CaseState, today: IsoDate): number {
  const due = (state.agreement?.installments ?? []).filter((i) => i.dueOn < today).reduce((s, i) => s + i.amountFen, 0);
  return Math.max(0, due - state.paidFen);
}

/** The facts the clocks need, taken from a case state. */
export function clockFactsOf(state: CaseState): ClockFacts {
  return {
    stage: state.stage,
    kind: state.kind,
    appliedOn: state.appliedOn,
    acceptedOn: state.acceptedOn,
    mediationRestartedOn: state.mediationRestartedOn,
    extensionDays: state.extensionDays,
    mediationContinuedOn: state.mediationContinuedOn,
    contactedOn: state.contactedOn,
    mediationStartedOn: state.mediationStartedOn,
    agreementEffectiveOn: state.agreementEffectiveOn,
    confirmationAppliedOn: state.confirmationAppliedOn,
    // The enforcement clock runs from the title: the ruling, or the served mediation document.
    rulingIssuedOn: state.rulingIssuedOn ?? state.mediationDocument?.effectiveOn,
    confirmationRefusedOn: state.confirmationRefusedOn,
    paymentDueDates: state.agreement?.installments.map((i) => i.dueOn),
    performedOn: state.performedOn,
    enforcementAppliedOn: state.enforcementAppliedOn,
    paymentOrderAppliedOn: state.paymentOrderAppliedOn,
  };
}

/** The latest date recorded on the case; an action may not be dated before it. */
export function lastEventOn(s: CaseState): IsoDate {
  const dates = [
    s.appliedOn,
    s.acceptedOn,
    s.contactedOn,
    s.mediationStartedOn,
    s.mediationRestartedOn,
    s.mediationContinuedOn,
    s.agreementEffectiveOn,
    s.confirmationAppliedOn,
    s.rulingIssuedOn,
    s.confirmationRefusedOn,
    s.lastPaidOn,
    s.performedOn,
    s.enforcementAppliedOn,
    s.paymentOrderAppliedOn,
    s.closure?.closedOn,
    s.courtSubmission?.on,
    s.mediationDocument?.effectiveOn,
    s.withdrawal?.ruledOn,
  ].filter((d): d is IsoDate => d !== undefined);
  return maxDate(dates)!;
}
