import { describe, expect, it } from 'vitest';
import { intakeSchema } from '../../../../../contracts/disputes';
import { buildIntake, formPathFor, type IntakeValues } from './build';

const values: IntakeValues = {
  oral: true,
  kind: 'court_pre_filing',
  appliedOn: '2025-06-09',
  worker: { name: ' 宋建军 ', phone: '13912340001', residentId: '36110219820418031x' },
  workerCount: 1,
  representatives: [],
  employer: { name: '包工头 李某（个人）', uscc: '' },
  employment: {
    hireDate: '2024-03-01',
    endDate: '',
    wageStructure: 'monthly',
    monthlyWage: '7,000.50',
    workingHours: 'standard',
    contractSigned: false,
    contractSignedDate: '2024-05-01',
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

describe('buildIntake', () => {
  it('reads a form whose worker and employer are not typed yet (the liability preview does)', () => {
    const { worker: _w, employer: _e, ...untyped } = values;
    const body = buildIntake(untyped);
    expect(body.worker).toEqual({ name: '', phone: '', residentId: undefined });
    expect(body.construction?.hiredWorker).toBe('boss');
    expect(buildIntake({ ...untyped, isConstruction: false }).employer?.name).toBe('');
  });

  it('turns the form into the intake contract: trimmed text, fen, no empty strings', () => {
    const body = buildIntake(values);
    expect(intakeSchema.safeParse(body).success).toBe(true);
    expect(body.worker).toEqual({ name: '宋建军', phone: '13912340001', residentId: '36110219820418031X' });
    expect(body.employer?.uscc).toBeUndefined();
    expect(body.employment).toMatchObject({ endDate: null, monthlyWageFen: 700_050, contractSignedDate: null });
    expect(body.claims).toEqual([{ type: 'wage_arrears', amountFen: 8_400_000, description: '劳务费' }]);
  });

  // That the server's rules name the general contractor (art. 36) for this chain is checked through
  // HTTP in tests/integration/liability-preview.test.ts (the web does not import server code).
  it('sends the hiring chain', () => {
    const body = buildIntake(values);
    expect(body.construction!.parties[1]).toMatchObject({
      uscc: '91442000MA05WEUPXG',
      isIndividualOrUnqualified: false,
    });
    expect(body.construction!.parties[2]!.isIndividualOrUnqualified).toBe(true);
  });

  it('leaves the chain out when the case is not a construction case', () => {
    expect(buildIntake({ ...values, isConstruction: false }).construction).toBeUndefined();
  });

  it('maps API error fields onto form fields', () => {
    expect(formPathFor('employer.uscc')).toEqual(['employer', 'uscc']);
    expect(formPathFor('worker.residentId')).toEqual(['worker', 'residentId']);
    expect(formPathFor('employment.monthlyWageFen')).toEqual(['employment', 'monthlyWage']);
    expect(formPathFor('claims.0.amountFen')).toEqual(['claims', 0, 'amount']);
    expect(formPathFor('construction.parties.1.contactPhone')).toEqual(['construction', 'parties', 1, 'contactPhone']);
    expect(formPathFor('appliedOn')).toEqual(['appliedOn']);
    expect(formPathFor('construction')).toBeNull();
    expect(formPathFor(undefined)).toBeNull();
  });
});
