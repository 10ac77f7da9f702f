import { describe, it, expect } from 'vitest';
import { annualLeave, annualLeaveEntitlement } from './annual-leave.js';
import { decimalToRational, rat } from './money.js';

describe('职工带薪年休假条例第三条 — entitlement by cumulative work years', () => {
  it.each([
    [0, 0],
    [0.99, 0],
    [1, 5],
    [9.99, 5],
    [10, 10],
    [19.99, 10],
    [20, 15],
    [45, 15],
  ])('%s years → %s days', (years, days) => {
    expect(annualLeaveEntitlement(decimalToRational(years, 2))).toBe(days);
  });
});

const WAGE = rat(1407600n);

function run(
  opts: Partial<{
    year: number;
    years: number;
    taken: number;
    daily: number;
    hire: string;
    end: string | null;
    asOf: string;
  }>,
) {
  return annualLeave({
    year: opts.year ?? 2023,
    cumulativeWorkYears: opts.years ?? 12,
    daysTaken: opts.taken ?? 0,
    dailyWageBaseFen: opts.daily,
    hireDate: opts.hire ?? '2015-03-01',
    endDate: opts.end === undefined ? '2023-12-31' : opts.end,
    monthlyWage: WAGE,
    asOf: opts.asOf ?? '2024-03-01',
  });
}

describe('unused leave paid at an extra 200% of monthly ÷ 21.75 (实施办法第十条、第十一条)', () => {
  // [description, options, entitlement, unused days, fen]
  const table: Array<[string, Parameters<typeof run>[0], number, string, number]> = [
    ['full year, 10 days, none taken', {}, 10, '10', 1294345], // 10 × 1407600 / 21.75 × 2 = 1294344.83
    ['full year, 1 taken', { taken: 1 }, 10, '9', 1164910], // 9 × … = 1164910.34
    ['half day taken', { taken: 2.5 }, 10, '7.5', 970759], // 7.5 × … = 970758.62
    ['leaver on 2023-06-30 (181 days → 4.96 → 4)', { end: '2023-06-30', taken: 1 }, 4, '3', 388303],
    ['joiner on 2023-03-01 (306 days × 5 ÷ 365 = 4.19 → 4)', { hire: '2023-03-01', years: 3 }, 4, '4', 517738],
    [
      'joiner and leaver in the year (2023-03-01 … 2023-08-31: 184 days × 5 ÷ 365 = 2.52 → 2)',
      { hire: '2023-03-01', end: '2023-08-31', years: 3 },
      2,
      '2',
      258869,
    ],
    ['leap year, full year: no proration', { year: 2024, years: 25, end: null, asOf: '2026-01-02' }, 15, '15', 1941517],
    ['daily wage given', { daily: 50000, taken: 4 }, 10, '6', 600000],
  ];
  it.each(table)('%s', (_d, opts, entitlement, unused, fen) => {
    const r = run(opts);
    const item = r.items[0]!;
    expect(item.detail!.entitlementDays).toBe(entitlement);
    expect(item.detail!.days).toBe(unused);
    expect(item.amountFen).toBe(fen);
  });

  it('owes nothing when all leave was taken, or under one year of work', () => {
    expect(run({ taken: 10 }).items).toEqual([]);
    expect(run({ taken: 12 }).items).toEqual([]);
    expect(run({ years: 0.5 }).items).toEqual([]);
  });

  it('warns when the year is outside the employment', () => {
    const r = run({ year: 2014 });
    expect(r.items).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toContain('annual_leave_year_outside_employment');
  });

  it('notes that a still-employed worker may still be given the leave', () => {
    const r = run({ end: null, asOf: '2023-10-01' });
    expect(r.warnings.map((w) => w.code)).toContain('annual_leave_still_schedulable');
    expect(run({ end: '2023-09-30', asOf: '2023-10-01' }).warnings.map((w) => w.code)).not.toContain(
      'annual_leave_still_schedulable',
    );
  });

  it('names the statutes including proration rules', () => {
    expect(run({ end: '2023-06-30' }).items[0]!.basis).toContain('企业职工带薪年休假实施办法第十二条');
    expect(run({ hire: '2023-03-01' }).items[0]!.basis).toContain('企业职工带薪年休假实施办法第五条');
  });

  it('explains the proration', () => {
    const item = run({ end: '2023-06-30', taken: 1 }).items[0]!;
    expect(item.explanation.zh).toContain('181 ÷ 365 × 10 天 = 4.96 天');
    expect(item.explanation.zh).toContain('3 天 × 14,076.00 元 ÷ 21.75 × 200% = 3,883.03 元');
  });
});
