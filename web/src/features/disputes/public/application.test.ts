import { describe, expect, it } from 'vitest';
import { intakeSchema } from '../../../../../contracts/disputes';
import { buildApplication, stepOfField } from './application';

const base = {
  name: '宋建军',
  phone: '13912340001',
  employerName: '李某',
  hireDate: '2025-01-01',
  endDate: '2025-10-31',
  monthlyWage: '7,000',
  claims: ['wage_arrears'],
  amounts: { wage_arrears: '84000' },
  narrative: '包工头拖欠工资后失联。',
};

describe('buildApplication', () => {
  it('builds an intake the contract accepts, in fen', () => {
    const body = buildApplication({ ...base, sector: 'catering' });
    const parsed = intakeSchema.safeParse(body);
    expect(parsed.success).toBe(true);
    expect(body.employment.monthlyWageFen).toBe(700_000);
    expect(body.claims).toEqual([{ type: 'wage_arrears', amountFen: 8_400_000, description: '' }]);
    expect(body.sector).toBe('catering');
    expect(body.construction).toBeUndefined();
  });

  it('names the contractor as the crew boss’s contracting party on a building site', () => {
    const body = buildApplication({
      ...base,
      onSite: true,
      hiredBy: 'boss',
      bossReachable: false,
      contractorName: ' 华裕建筑 ',
    });
    expect(body.sector).toBe('construction');
    expect(body.construction).toMatchObject({ hiredWorker: 'boss', crewBossReachable: false });
    expect(body.construction!.parties.map((p) => [p.role, p.name, p.contractedBy])).toEqual([
      ['general_contractor', '华裕建筑', undefined],
      ['crew_boss', '李某', 'contractor'],
    ]);
    expect(intakeSchema.safeParse(body).success).toBe(true);
  });

  it('sends no end date while still working, and no chain without a contractor name', () => {
    const body = buildApplication({ ...base, stillWorking: true, onSite: true, hiredBy: 'boss' });
    expect(body.employment.endDate).toBeNull();
    expect(body.construction).toBeUndefined();
  });

  it('sends API errors back to the step that asked', () => {
    expect(stepOfField('worker.residentId')).toBe(0);
    expect(stepOfField('employer.contactPhone')).toBe(1);
    expect(stepOfField('employment.endDate')).toBe(2);
    expect(stepOfField('narrative')).toBe(3);
  });
});
