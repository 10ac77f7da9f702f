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
    // still employed: the half day left is paid (nothing in 条例/实施办法 drops it)
    ['half day taken, still employed', { taken: 2.5, end: null, asOf: '2025-01-01' }, 10, '7.5', 970759], // 970758.62
    // leaving (even on 12-31): 10 − 2.5 = 7.5, the part below a whole day not paid (实施办法第十二条)
    ['half day taken, leaving on 12-31', { taken: 2.5 }, 10, '7', 906041], // 7 × … = 906041.38
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
    expect(run({ hire: '2023-03-01', end: null }).items[0]!.basis).toContain('企业职工带薪年休假实施办法第五条');
    expect(run({ hire: '2023-03-01', end: '2023-08-31' }).items[0]!.basis).not.toContain(
      '企业职工带薪年休假实施办法第五条',
    );
  });

  it('explains the proration', () => {
    const item = run({ end: '2023-06-30', taken: 1 }).items[0]!;
    expect(item.explanation.zh).toContain('181 ÷ 365 × 10 天 = 4.96 天，减去已休 1 天，不足一整天的部分不支付');
    expect(item.explanation.zh).toContain('3 天 × 14,076.00 元 ÷ 21.75 × 200% = 3,883.03 元');
  });
});

describe('企业职工带薪年休假实施办法第十二条 — a leaver: subtract what was taken, then drop the part below a whole day', () => {
  // （当年度在本单位已过日历天数÷365天）×职工本人全年应当享受的年休假天数－当年度已安排年休假天数；
  // 折算后不足1整天的部分不支付未休年休假工资报酬
  const table: Array<[string, Parameters<typeof run>[0], string]> = [
    // 181 ÷ 365 × 10 = 4.959: − 0.5 = 4.459 → 4 (dropping first would give 4 − 0.5 = 3.5)
    ['half a day taken: more than the old rule gave', { end: '2023-06-30', taken: 0.5 }, '4'],
    // 181 ÷ 365 × 10 = 4.959: − 1.5 = 3.459 → 3 (dropping first would give 4 − 1.5 = 2.5)
    ['one and a half days taken', { end: '2023-06-30', taken: 1.5 }, '3'],
    // 273 ÷ 365 × 10 = 7.479 (to 09-30): − 3 = 4.479 → 4
    ['whole days taken', { end: '2023-09-30', taken: 3 }, '4'],
    // 365 ÷ 365 × 10 − 9.5 = 0.5 → nothing owed (below a whole day)
    ['leaving on 12-31 with half a day left', { taken: 9.5 }, ''],
    // joined and left in the year: 184 ÷ 365 × 5 = 2.52 − 1.5 = 1.02 → 1
    ['joined and left', { hire: '2023-03-01', end: '2023-08-31', years: 3, taken: 1.5 }, '1'],
  ];
  it.each(table)('%s', (_d, opts, unused) => {
    const item = run(opts).items[0];
    expect(item?.detail!.days ?? '').toBe(unused);
  });

  it('does not claw back leave taken beyond the prorated share (第十二条第三款)', () => {
    // 181 ÷ 365 × 10 = 4.96; 6 taken → nothing owed, nothing negative
    expect(run({ end: '2023-06-30', taken: 6 }).items).toEqual([]);
  });

  it('keeps the joiner’s rule: whole days first, then what was taken (实施办法第五条)', () => {
    // still employed, joined 2023-03-01: 306 ÷ 365 × 5 = 4.19 → 4; 1.5 taken → 2.5 days paid
    const item = run({ hire: '2023-03-01', years: 3, end: null, taken: 1.5, asOf: '2025-01-01' }).items[0]!;
    expect(item.detail!.entitlementDays).toBe(4);
    expect(item.detail!.days).toBe('2.5');
  });
});

describe('企业职工带薪年休假实施办法第十条第二款 — leave declined in writing', () => {
  // 职工因本人原因且书面提出不休年休假的，用人单位可以只支付其正常工作期间的工资收入
  it('owes no 200% extra, and says why', () => {
    const r = annualLeave({
      year: 2023,
      cumulativeWorkYears: 12,
      daysTaken: 4,
      hireDate: '2015-03-01',
      endDate: '2023-12-31',
      monthlyWage: WAGE,
      asOf: '2024-03-01',
      declinedInWriting: true,
    });
    expect(r.items).toEqual([]);
    const w = r.warnings.find((x) => x.code === 'annual_leave_declined_in_writing')!;
    expect(w.text.zh).toContain('未休 6 天');
    expect(w.text.zh).toContain('第十条第二款');
  });
  it('without the written refusal the extra is owed', () => {
    expect(run({ taken: 4 }).items[0]!.amountFen).toBeGreaterThan(0);
  });
});
