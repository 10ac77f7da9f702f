import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liabilityResultSchema } from '../../contracts/disputes/liability.js';
import { buildIntake, type IntakeValues } from '../../web/src/features/disputes/intake/build.js';
import { agent, createTestApp, type TestApp } from '../support/app.js';
import { newAccount, newEmployer, newMediator } from '../support/factories.js';

// The intake form asks the server who is liable in a hiring chain (the rules stay on the server).

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
});
afterAll(() => t.close());

/** The form as a mediator fills it for a vanished crew boss (the same values as build.test.ts). */
const values: IntakeValues = {
  oral: true,
  kind: 'court_pre_filing',
  appliedOn: '2025-06-09',
  worker: { name: '宋建军', phone: '13912340001' },
  workerCount: 1,
  representatives: [],
  employer: { name: '包工头 李某（个人）', uscc: '' },
  employment: {
    hireDate: '2024-03-01',
    endDate: '',
    wageStructure: 'monthly',
    monthlyWage: '7000',
    workingHours: 'standard',
    contractSigned: false,
  },
  sector: 'construction',
  claims: [{ type: 'wage_arrears', amount: '84000', description: '劳务费' }],
  isConstruction: true,
  construction: {
    parties: [
      { id: 'dev', name: '翠亨置业', role: 'developer' },
      {
        id: 'gc',
        name: '华裕建筑',
        role: 'general_contractor',
        contractedBy: 'dev',
        uscc: '91442000ma05weupxg',
        contactPhone: '13800002222',
      },
      { id: 'boss', name: '李某', role: 'crew_boss', contractedBy: 'gc' },
    ],
    hiredWorker: 'boss',
    crewBossReachable: false,
    developerPaidProjectFunds: 'unknown',
  },
  narrative: '包工头拖欠劳务费后失联。',
};
const chain = () => buildIntake(values).construction!;

describe('POST /api/disputes/liability-preview', () => {
  it('names the general contractor for the chain the form builds (art. 36), in the contract’s shape', async () => {
    const mediator = await newMediator(t);
    const res = await mediator.post('/api/disputes/liability-preview', chain());
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(liabilityResultSchema.strict().safeParse({ ...result }).success).toBe(true);
    expect(result.contactFirst).toMatchObject({
      partyId: 'gc',
      partyName: '华裕建筑',
      rank: 'primary',
      basis: { article: 36 },
    });
    expect(result.errors).toEqual([]);
  });

  it('answers inconsistent chains with the rules’ errors, not a failure', async () => {
    const mediator = await newMediator(t);
    const res = await mediator.post('/api/disputes/liability-preview', { ...chain(), hiredWorker: 'nobody' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().errors.length).toBeGreaterThan(0);
    expect(res.json().contactFirst).toBeNull();
  });

  it('refuses a malformed chain with a 400 naming the field', async () => {
    const mediator = await newMediator(t);
    const res = await mediator.post('/api/disputes/liability-preview', {
      ...chain(),
      parties: [{ id: 'x', name: 'y', role: 'landlord' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toContain('parties');
  });

  it('is for those who may register a case: 401 without a session, 403 for an employer', async () => {
    expect((await agent(t.app).post('/api/disputes/liability-preview', chain())).statusCode).toBe(401);
    const employer = await newAccount(t, { role: 'employer_agent', employerId: (await newEmployer(t)).id });
    expect((await employer.post('/api/disputes/liability-preview', chain())).statusCode).toBe(403);
  });
});
