import { describe, it, expect } from 'vitest';
import { laborLawRequestSchema } from '../../../../contracts/labor-law.js';

const valid = {
  regionCode: '442000',
  hireDate: '2018-03-01',
  endDate: '2023-06-30',
  termination: 'art40',
  monthlyWageFen: 1407600,
};

function issues(body: unknown) {
  const r = laborLawRequestSchema.safeParse(body);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('laborLawRequestSchema', () => {
  it('accepts a minimal request and a full one', () => {
    expect(issues(valid)).toEqual([]);
    expect(
      issues({
        ...valid,
        monthlyWageFen: undefined,
        wageHistory: [{ month: '2023-06', fen: 500000 }],
        averageWageFen: 800000,
        minimumWageFen: 190000,
        noNoticeGiven: true,
        contractSignedDate: null,
        overtime: { wageBaseFen: 500000, workdayHours: 10.25, restDayHours: 0, holidayHours: 3 },
        annualLeave: { year: 2023, cumulativeWorkYears: 12.5, daysTaken: 0.5, dailyWageBaseFen: 30000 },
        injury: { grade: 10, monthlyWageFen: 500000 },
      }),
    ).toEqual([]);
    expect(
      issues({
        ...valid,
        termination: 'art38',
        art38Reason: 'wage_withheld_or_delayed',
        annualLeave: { year: 2023, cumulativeWorkYears: 3, daysTaken: 0, declinedInWriting: true },
        injury: { grade: 9, monthlyWageFen: 500000, poolingAverageWageFen: 900000 },
      }),
    ).toEqual([]);
    expect(issues({ ...valid, endDate: null, termination: null })).toEqual([]);
  });

  it.each([
    [{ hireDate: '2023-02-29' }, 'hireDate'],
    [{ hireDate: '2023/01/01' }, 'hireDate'],
    [{ endDate: '2017-01-01' }, 'endDate'],
    [{ endDate: null }, 'endDate'], // a termination ground needs an end date
    [{ art38Reason: 'wage_withheld_or_delayed' }, 'art38Reason'], // only with termination art38
    [{ unpaidWages: [{ month: '2023-05', fen: 0 }] }, 'unpaidWages.0.fen'],
    [{ unpaidWages: [{ month: '2023-07', fen: 100 }] }, 'unpaidWages.0.month'], // after the month of leaving
    [{ unpaidWages: [{ month: '2018-02', fen: 100 }] }, 'unpaidWages.0.month'], // before hiring
    [
      {
        unpaidWages: [
          { month: '2023-05', fen: 100 },
          { month: '2023-05', fen: 200 },
        ],
      },
      'unpaidWages.1.month',
    ],
    [{ termination: 'art38', art38Reason: 'late_bus' }, 'art38Reason'],
    [{ regionCode: '4420' }, 'regionCode'],
    [{ termination: 'fired' }, 'termination'],
    [{ monthlyWageFen: -1 }, 'monthlyWageFen'],
    [{ monthlyWageFen: 100.5 }, 'monthlyWageFen'],
    [{ monthlyWageFen: undefined }, 'monthlyWageFen'],
    [{ wageHistory: [{ month: '2023-13', fen: 1 }] }, 'wageHistory.0.month'],
    [
      {
        wageHistory: [
          { month: '2023-05', fen: 1 },
          { month: '2023-05', fen: 2 },
        ],
      },
      'wageHistory.1.month',
    ],
    [{ overtime: { wageBaseFen: 1, workdayHours: 1.234, restDayHours: 0, holidayHours: 0 } }, 'overtime.workdayHours'],
    [{ overtime: { wageBaseFen: 1, workdayHours: -1, restDayHours: 0, holidayHours: 0 } }, 'overtime.workdayHours'],
    [{ injury: { grade: 11, monthlyWageFen: 1 } }, 'injury.grade'],
    [{ injury: { grade: 0, monthlyWageFen: 1 } }, 'injury.grade'],
    [{ annualLeave: { year: 2023, cumulativeWorkYears: -1, daysTaken: 0 } }, 'annualLeave.cumulativeWorkYears'],
    [{ contractSignedDate: '2023-04-31' }, 'contractSignedDate'],
  ])('rejects %o at %s with a bilingual message', (patch, path) => {
    const found = issues({ ...valid, ...patch });
    expect(found.map((i) => i.path)).toContain(path);
    const msg = found.find((i) => i.path === path)!.message;
    expect(msg).toMatch(/[\u4e00-\u9fff]/); // Chinese
    expect(msg).toMatch(/ \/ [A-Za-z]/); // then English
  });
});
