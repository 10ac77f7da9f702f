// The case analysis uses the reason for leaving recorded at intake (the labor-law engine's
// termination ground and, for art. 38, the employer's fault), instead of guessing it from the claims.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeInput } from '../../contracts/disputes.js';
import { createTestApp, type Agent, type TestApp } from '../support/app.js';
import { constructionIntake } from '../support/disputes.js';
import { newMediator } from '../support/factories.js';

let t: TestApp;
let mediator: Agent;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  t.clock.now = new Date('2025-06-09T02:00:00Z');
  mediator = await newMediator(t);
});
afterAll(() => t.close());

let sequence = 40;
async function analysed(employment: Partial<IntakeInput['employment']>, claims?: IntakeInput['claims']) {
  const intake = constructionIntake(t, { sequence: sequence++ });
  intake.employment = { ...intake.employment, ...employment };
  if (claims) intake.claims = claims;
  const res = await mediator.post('/api/disputes', intake);
  expect(res.statusCode, res.body).toBe(200);
  const analysis = await mediator.post(`/api/disputes/${res.json().id}/analysis`, {});
  expect(analysis.statusCode, analysis.body).toBe(200);
  return analysis.json().analysis as {
    items: { code: string; amountFen: number; basis: string[] }[];
    warnings: { code: string }[];
    request: { termination: string | null; art38Reason?: string };
  };
}

describe('the reason for leaving, asked at intake, drives the analysis', () => {
  it('a dismissal without fault (art. 40) is analysed as one, not as a resignation', async () => {
    const a = await analysed({ leavingReason: 'art40' });
    expect(a.request.termination).toBe('art40');
    const item = a.items.find((i) => i.code === 'economic_compensation')!;
    expect(item.basis).toContain('劳动合同法第四十六条第三项');
    // 2024-03-01 … 2025-03-31: 1 y 1 m → 1.5 months × ¥7,000
    expect(item.amountFen).toBe(1_050_000);
  });

  it('an art. 38 resignation over withheld wages counts the years before 2008 (第九十七条第三款)', async () => {
    const withheld = await analysed({
      hireDate: '2005-03-10',
      leavingReason: 'art38',
      art38Reason: 'wage_withheld_or_delayed',
    });
    expect(withheld.request.art38Reason).toBe('wage_withheld_or_delayed');
    // before 2008: 3 months; 2008-01-01 … 2025-03-31: 17 y 3 m → 17.5
    expect(withheld.items.find((i) => i.code === 'economic_compensation')!.amountFen).toBe(20.5 * 700_000);
    const insurance = await analysed({
      hireDate: '2005-03-10',
      leavingReason: 'art38',
      art38Reason: 'no_social_insurance',
    });
    expect(insurance.items.find((i) => i.code === 'economic_compensation')!.amountFen).toBe(17.5 * 700_000);
  });

  it('a worker who resigned of their own accord is owed no economic compensation', async () => {
    const a = await analysed({ leavingReason: 'resignation' }, [
      { type: 'economic_compensation', amountFen: 1_000_000, description: '经济补偿' },
    ]);
    expect(a.items.map((i) => i.code)).not.toContain('economic_compensation');
    expect(a.warnings.map((w) => w.code)).toContain('no_compensation_for_ground');
  });

  it.each([
    [{ leavingReason: 'art40', art38Reason: 'forced_labour' }, 'employment.art38Reason'],
    [{ endDate: null, leavingReason: 'art40' }, 'employment.leavingReason'],
  ] as const)('refuses %o, naming %s', async (employment, field) => {
    const intake = constructionIntake(t, { sequence: sequence++ });
    intake.employment = { ...intake.employment, ...employment };
    const res = await mediator.post('/api/disputes', intake);
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe(field);
  });
});
