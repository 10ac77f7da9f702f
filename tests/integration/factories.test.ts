import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { newCase, newEmployer, newMediator, type CaseStage } from '../support/factories.js';

// The factories build what they promise through the real actions, and calling them again in the
// same file makes new, non-colliding records (cases of the same story for different workers).

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
});
afterAll(() => t.close());

describe('newCase', () => {
  it.each<CaseStage>([
    'intake',
    'consultation',
    'employer_contacted',
    'consented',
    'mediating',
    'agreement_signed',
    'confirmation_applied',
    'ruling_issued',
    'confirmation_refused',
  ])('drives a case to %s, readable by its mediator at the version returned', async (stage) => {
    const c = await newCase(t, { stage, day: '2025-06-02' });
    expect(c.stage).toBe(stage);
    const detail = (await c.mediator.get(`/api/disputes/${c.id}`)).json<{ stage: string; version: number }>();
    expect(detail).toMatchObject({ stage, version: c.version });
    expect(c.caseNumber).toMatch(/^粤中工调〔2025〕\d{6}号$/);
  });

  it('names the employer it is given as the liable contractor, and a court judge when the court decided', async () => {
    const employer = await newEmployer(t);
    const c = await newCase(t, { stage: 'ruling_issued', employer, day: '2025-06-02' });
    const detail = (await c.mediator.get(`/api/disputes/${c.id}`)).json<{ respondentName: string }>();
    expect(detail.respondentName).toBe(employer.name);
    expect((await c.judge!.get(`/api/disputes/${c.id}`)).statusCode).toBe(200);
  });

  it('cases of one mediator for different workers do not count as duplicates', async () => {
    const mediator = await newMediator(t);
    const first = await newCase(t, { mediator, day: '2025-06-02' });
    const second = await newCase(t, { mediator, day: '2025-06-02' });
    expect(second.id).not.toBe(first.id);
    expect(second.worker.residentId).not.toBe(first.worker.residentId);
  });
});
