import { describe, expect, it } from 'vitest';
import { laborLawRequestSchema } from '../../../../contracts/labor-law';
import {
  STEP_FIELDS,
  buildRequest,
  dateProblem,
  expandUnpaid,
  expandWageChanges,
  fieldMessage,
  formFieldFor,
  stepOf,
  type CalcValues,
} from './request';

const zhongshan: CalcValues = {
  city: '442000',
  hireDate: '2018-09-01',
  situation: 'art41',
  endDate: '2024-02-27',
  monthlyWage: '6500',
};

describe('wage changes → the pay history the engine needs month by month', () => {
  it('fills each month from hiring to leaving with the latest change on or before it', () => {
    const h = expandWageChanges(
      [
        { from: '2021-01', wage: '15000' },
        { from: '2020-01', wage: '5000' },
      ],
      '2020-01-01',
      '2021-03-31',
    )!;
    expect(h).toHaveLength(15);
    expect(h[0]).toEqual({ month: '2020-01', fen: 500000 });
    expect(h[11]).toEqual({ month: '2020-12', fen: 500000 });
    expect(h[12]).toEqual({ month: '2021-01', fen: 1500000 });
    expect(laborLawRequestSchema.safeParse({ ...buildRequest(zhongshan), wageHistory: h }).success).toBe(true);
  });
  it('starts no earlier than 2007-12 (no rule needs earlier months) and refuses an incomplete row', () => {
    expect(
      expandWageChanges([{ from: '1995-01', wage: '800' }], '1995-01-01', '2008-02-15')!.map((m) => m.month),
    ).toEqual(['2007-12', '2008-01', '2008-02']);
    expect(expandWageChanges([{ from: '2020-01', wage: '' }], '2020-01-01', '2021-01-01')).toBeNull();
    expect(expandWageChanges([{ from: '', wage: '5000' }], '2020-01-01', '2021-01-01')).toBeNull();
  });
  it('sends the history, the art. 38 reason and the written refusal of leave when given', () => {
    const body = buildRequest({
      ...zhongshan,
      situation: 'art38',
      art38Reason: 'wage_withheld_or_delayed',
      wageChangesOn: true,
      wageChanges: [{ from: '2018-09', wage: '6500' }],
      leaveOn: true,
      leaveYear: '2024',
      leaveWorkYears: '6',
      leaveDeclined: true,
    });
    expect(body.art38Reason).toBe('wage_withheld_or_delayed');
    expect(body.wageHistory).toHaveLength(66); // 2018-09 … 2024-02
    expect(body.annualLeave).toMatchObject({ declinedInWriting: true });
    expect(laborLawRequestSchema.safeParse(body).success).toBe(true);
    expect(buildRequest({ ...zhongshan, art38Reason: 'forced_labour' })).not.toHaveProperty('art38Reason');
  });
});

describe('unpaid stretches → one record per unpaid month', () => {
  it('expands each stretch, adds months two stretches share, and is sent as unpaidWages', () => {
    expect(
      expandUnpaid([
        { from: '2023-11', to: '2024-01', amount: '6000' },
        { from: '2024-01', amount: '500' }, // one month only: "to" left empty
      ]),
    ).toEqual([
      { month: '2023-11', fen: 600000 },
      { month: '2023-12', fen: 600000 },
      { month: '2024-01', fen: 650000 },
    ]);
    const body = buildRequest({
      ...zhongshan,
      unpaidOn: true,
      unpaid: [{ from: '2023-12', to: '2024-01', amount: '6500' }],
    });
    expect(body.unpaidWages).toEqual([
      { month: '2023-12', fen: 650000 },
      { month: '2024-01', fen: 650000 },
    ]);
    expect(laborLawRequestSchema.safeParse(body).success).toBe(true);
  });
  it('refuses a stretch that runs backwards or lacks its amount', () => {
    expect(expandUnpaid([{ from: '2024-02', to: '2024-01', amount: '100' }])).toBeNull();
    expect(expandUnpaid([{ from: '2024-01', to: '2024-02', amount: '' }])).toBeNull();
    expect(
      buildRequest({ ...zhongshan, unpaidOn: false, unpaid: [{ from: '2024-01', amount: '1' }] }),
    ).not.toHaveProperty('unpaidWages');
  });
});

describe('buildRequest', () => {
  it('builds the minimal request the contract accepts', () => {
    const body = buildRequest(zhongshan);
    expect(body).toEqual({
      regionCode: '442000',
      hireDate: '2018-09-01',
      endDate: '2024-02-27',
      termination: 'art41',
      monthlyWageFen: 650000,
    });
    expect(laborLawRequestSchema.safeParse(body).success).toBe(true);
  });

  it('sends no end date and no ground while still employed, and a typed region code', () => {
    const body = buildRequest({
      ...zhongshan,
      city: 'other',
      regionCode: ' 632801 ',
      situation: 'employed',
      endDate: '2024-01-01',
      monthlyWage: '6500.5',
    });
    expect(body).toMatchObject({ regionCode: '632801', endDate: null, termination: null, monthlyWageFen: 650050 });
    expect(laborLawRequestSchema.safeParse(body).success).toBe(true);
  });

  it('adds the optional claims that were ticked, with the monthly wage as their base', () => {
    const body = buildRequest({
      ...zhongshan,
      situation: 'art40',
      noNotice: true,
      noContract: true,
      contractSigned: 'never',
      overtimeOn: true,
      otWorkday: '10.5',
      otRestDay: '',
      otHoliday: '8',
      leaveOn: true,
      leaveYear: '2023',
      leaveWorkYears: '6',
      leaveDaysTaken: '1.5',
      injuryOn: true,
      injuryGrade: 9,
    });
    expect(body).toMatchObject({
      termination: 'art40',
      noNoticeGiven: true,
      contractSignedDate: null,
      overtime: { wageBaseFen: 650000, workdayHours: 10.5, restDayHours: 0, holidayHours: 8 },
      annualLeave: { year: 2023, cumulativeWorkYears: 6, daysTaken: 1.5 },
      injury: { grade: 9, monthlyWageFen: 650000 },
    });
    expect(laborLawRequestSchema.safeParse(body).success).toBe(true);
  });

  it('sends the signing date only when the contract was signed later, and no notice flag unless art. 40', () => {
    expect(
      buildRequest({ ...zhongshan, noContract: true, contractSigned: 'later', contractSignedDate: '2019-03-01' })
        .contractSignedDate,
    ).toBe('2019-03-01');
    expect(buildRequest({ ...zhongshan, noContract: false, contractSignedDate: '2019-03-01' })).not.toHaveProperty(
      'contractSignedDate',
    );
    expect(buildRequest({ ...zhongshan, noNotice: true })).not.toHaveProperty('noNoticeGiven');
    expect(buildRequest({ ...zhongshan, overtimeOn: false, otWorkday: '3' })).not.toHaveProperty('overtime');
  });
});

describe('formFieldFor', () => {
  it('maps API fields to the wizard fields and their steps', () => {
    expect(formFieldFor('regionCode', zhongshan)).toBe('city');
    expect(formFieldFor('regionCode', { ...zhongshan, city: 'other' })).toBe('regionCode');
    expect(formFieldFor('endDate', zhongshan)).toBe('endDate');
    expect(formFieldFor('termination', zhongshan)).toBe('situation');
    expect(formFieldFor('monthlyWageFen', zhongshan)).toBe('monthlyWage');
    expect(formFieldFor('overtime.workdayHours', zhongshan)).toBe('otWorkday');
    expect(formFieldFor('annualLeave.year', zhongshan)).toBe('leaveYear');
    expect(formFieldFor('injury.grade', zhongshan)).toBe('injuryGrade');
    // the history is built from the wage changes, so its errors belong beside them (the same step)
    expect(formFieldFor('wageHistory.3.month', zhongshan)).toBe('wageChanges');
    expect(stepOf('wageChanges')).toBe(stepOf('monthlyWage'));
    expect(formFieldFor('contractSignedDate', { ...zhongshan, contractSigned: 'later' })).toBe('contractSignedDate');
    expect(formFieldFor('contractSignedDate', { ...zhongshan, contractSigned: 'never' })).toBe('contractSigned');
    expect(formFieldFor('averageWageFen', zhongshan)).toBeNull();
    expect(formFieldFor(undefined, zhongshan)).toBeNull();
    expect(stepOf('city')).toBe(0);
    expect(stepOf('endDate')).toBe(1);
    expect(stepOf('monthlyWage')).toBe(2);
    expect(stepOf('otWorkday')).toBe(3);
    expect(STEP_FIELDS).toHaveLength(4);
  });
});

describe('fieldMessage', () => {
  const contract = {
    message: '字段「endDate」不合法：离职日期不能早于入职日期 / endDate must not be before hireDate',
    messageEn: 'Field "endDate" is invalid: Invalid input',
  };
  it('shows the contract message half in the page language, without the API field name', () => {
    expect(fieldMessage(contract, 'zh')).toBe('离职日期不能早于入职日期');
    expect(fieldMessage(contract, 'en')).toBe('endDate must not be before hireDate');
  });
  it('uses the English message of service errors', () => {
    const service = { message: '地区代码不存在（GB/T 2260）', messageEn: 'Unknown region code (GB/T 2260)' };
    expect(fieldMessage(service, 'zh')).toBe('地区代码不存在（GB/T 2260）');
    expect(fieldMessage(service, 'en')).toBe('Unknown region code (GB/T 2260)');
  });
});

describe('dateProblem', () => {
  const today = '2026-11-29';
  it('catches missing, impossible, future and reversed dates', () => {
    expect(dateProblem('hire', undefined, {}, today)).toBe('required');
    expect(dateProblem('hire', '2023-02-30', {}, today)).toBe('invalid');
    expect(dateProblem('hire', '2026-11-30', {}, today)).toBe('future');
    expect(dateProblem('hire', '2026-11-29', {}, today)).toBeNull();
    expect(dateProblem('end', '2018-08-31', { hireDate: '2018-09-01' }, today)).toBe('beforeHire');
    expect(dateProblem('end', '2018-09-01', { hireDate: '2018-09-01' }, today)).toBeNull();
    expect(dateProblem('end', '2027-01-31', { hireDate: '2018-09-01' }, today)).toBeNull();
    expect(dateProblem('signed', '2027-01-31', {}, today)).toBe('future');
  });
});
