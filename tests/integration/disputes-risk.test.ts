import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../contracts/dates.js';
import { STAGE_CODES, type Stage } from '../../contracts/disputes/stages.js';
import { createTestApp, type Agent, type TestApp } from '../support/app.js';
import { actOn } from '../support/disputes.js';
import { newAdmin, newCase, newJudge, type CaseStage } from '../support/factories.js';

// The case list and the case page show the same risk tag for a case, whatever its stage and
// whatever day it is: both come from the case's clocks as of today (case-record.ts caseRisk).

let t: TestApp;
/** Case id by the stage it was driven to. */
const cases = new Map<Stage, string>();

const REGISTERED = '2025-06-02';
const at = (day: string) => {
  t.clock.now = new Date(`${day}T02:00:00Z`);
};

async function act(who: Agent, id: string, action: string, payload: object = {}) {
  const res = await actOn(who, id, action, payload);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
}

beforeAll(async () => {
  // Sessions of the longest allowed life (30 days), so the mediators still act 10 days on.
  t = await createTestApp({ demoScale: null, env: { SESSION_TTL_HOURS: String(24 * 30) } });
  const direct: CaseStage[] = [
    'intake',
    'consultation',
    'employer_contacted',
    'consented',
    'mediating',
    'agreement_signed',
    'confirmation_applied',
    'ruling_issued',
    'confirmation_refused',
  ];
  for (const stage of direct) cases.set(stage, (await newCase(t, { stage, day: REGISTERED })).id);

  const closed = await newCase(t, { stage: 'consultation', day: REGISTERED });
  await act(closed.mediator, closed.id, 'close_failed', { reason: 'employer_unreachable', referral: 'arbitration' });
  cases.set('closed_failed', closed.id);

  const paid = await newCase(t, { stage: 'agreement_signed', day: REGISTERED });
  const total = paid.intake.claims.reduce((sum, c) => sum + (c.amountFen ?? 0), 0);
  await act(paid.mediator, paid.id, 'record_payment', { amountFen: total, paidOn: REGISTERED });
  await act(paid.mediator, paid.id, 'mark_performed', { workerConfirmed: true });
  cases.set('performed', paid.id);

  // A post-filing case: the agreement to the court, then its mediation document or a withdrawal.
  const postFiling = () =>
    newCase(t, {
      stage: 'agreement_signed',
      day: REGISTERED,
      intake: (base) => ({ ...base, kind: 'court_post_filing_ordinary' }),
    });
  const submit = { requested: 'mediation_document' };
  const submitted = await postFiling();
  await act(submitted.mediator, submitted.id, 'submit_agreement_to_court', submit);
  cases.set('agreement_submitted', submitted.id);
  const documented = await postFiling();
  await act(documented.mediator, documented.id, 'submit_agreement_to_court', submit);
  const judge = await newJudge(t, { court: documented.mediator.studio.court });
  const served = { worker: REGISTERED, employer: REGISTERED };
  const doc = { documentNo: '（2025）粤2071民初1号', issuedOn: REGISTERED, servedOn: served };
  await act(judge, documented.id, 'record_mediation_document', doc);
  cases.set('mediation_document_issued', documented.id);
  const withdrawn = await postFiling();
  await act(withdrawn.mediator, withdrawn.id, 'submit_agreement_to_court', { ...submit, requested: 'withdrawal' });
  await act(judge, withdrawn.id, 'record_withdrawal', { rulingNo: '（2025）粤2071民初2号', ruledOn: REGISTERED });
  cases.set('suit_withdrawn', withdrawn.id);

  // Both defaults need an instalment past its due date: due 5 days after registration, acted on after 10.
  const dueSoon = (stage: CaseStage) =>
    newCase(t, { stage, day: REGISTERED, installments: [{ dueOn: addDays(REGISTERED, 5), amountFen: 2_000_000 }] });
  const enforced = await dueSoon('ruling_issued');
  const ordered = await dueSoon('agreement_signed');
  at(addDays(REGISTERED, 10));
  await act(enforced.mediator, enforced.id, 'apply_enforcement');
  cases.set('enforcement_applied', enforced.id);
  await act(ordered.mediator, ordered.id, 'apply_payment_order');
  cases.set('payment_order_applied', ordered.id);
});
afterAll(() => t.close());

describe('risk: the list row and the case page agree', () => {
  it('builds a case at every stage', () => {
    expect([...cases.keys()].sort()).toEqual([...STAGE_CODES].sort());
  });

  it('on every day from registration to past the limitation period', async () => {
    const seen = new Set<string>();
    for (const days of [0, 1, 2, 3, 5, 10, 12, 14, 16, 20, 23, 25, 27, 29, 31, 35, 45, 60, 300, 370, 700, 760]) {
      at(addDays(REGISTERED, days));
      // A reader signed in on the day (a session outlives no year).
      const admin = await newAdmin(t);
      const list = await admin.get('/api/disputes?pageSize=200');
      expect(list.statusCode, list.body).toBe(200);
      const listRisk = new Map(list.json<{ items: { id: string; risk: string }[] }>().items.map((i) => [i.id, i.risk]));
      for (const [stage, id] of cases) {
        const page = await admin.get(`/api/disputes/${id}`);
        expect(page.statusCode, page.body).toBe(200);
        const pageRisk = page.json<{ risk: string }>().risk;
        expect(listRisk.get(id), `${stage}, day ${days}`).toBe(pageRisk);
        seen.add(pageRisk);
      }
    }
    // The days above reach each level, so the comparison covers every tag the list can show.
    expect([...seen].sort()).toEqual(['due_soon', 'ok', 'overdue']);
  });
});
