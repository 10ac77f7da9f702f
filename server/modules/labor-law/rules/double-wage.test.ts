import { describe, it, expect } from 'vitest';
import { doubleWage } from './double-wage.js';
import { rat } from './money.js';

const WAGE = 500000; // ¥5,000

function run(
  hireDate: string,
  endDate: string | null,
  contractSignedDate: string | null,
  asOf = '2021-06-30',
  wage = WAGE,
) {
  return doubleWage({ hireDate, endDate, contractSignedDate, wage: rat(wage), asOf });
}

describe('劳动合同法第八十二条; 实施条例第六条、第七条 — the extra one-times wage', () => {
  // from the day after one month of work until the day before signing; at most 11 months
  const table: Array<[string, string | null, string | null, string, number, string, string, string]> = [
    // hire, end, signed, asOf, fen, months, from, to
    ['2020-01-01', '2021-06-30', null, '2021-06-30', 11 * WAGE, '11', '2020-02-01', '2020-12-31'],
    ['2020-01-01', '2020-12-31', null, '2021-06-30', 11 * WAGE, '11', '2020-02-01', '2020-12-31'],
    ['2020-01-01', '2020-11-30', null, '2021-06-30', 10 * WAGE, '10', '2020-02-01', '2020-11-30'],
    ['2020-01-01', '2021-06-30', '2020-04-16', '2021-06-30', 1250000, '2.5', '2020-02-01', '2020-04-15'], // 2 months + 15/30
    ['2020-01-01', '2020-03-15', null, '2021-01-30', 741935, '1 + 15/31', '2020-02-01', '2020-03-15'], // 1 + 15/31 months
    ['2020-01-01', '2021-06-30', '2020-02-02', '2021-01-30', 17241, '1/29', '2020-02-01', '2020-02-01'], // one day of a 29-day February
    ['2020-01-01', null, null, '2020-05-31', 4 * WAGE, '4', '2020-02-01', '2020-05-31'], // still employed: until asOf
    ['2020-01-01', '2021-06-30', '2021-03-01', '2021-06-30', 11 * WAGE, '11', '2020-02-01', '2020-12-31'], // signed after a year
    ['2005-06-01', '2010-06-30', null, '2010-07-01', 11 * WAGE, '11', '2008-02-01', '2008-12-31'], // hired before 2008
    ['2020-01-31', '2021-06-30', null, '2021-06-30', 11 * WAGE, '11', '2020-02-29', '2021-01-30'], // month-end hire
  ];
  it.each(table)(
    'hire %s end %s signed %s (asOf %s) → %s fen, %s months %s…%s',
    (hire, end, signed, asOf, fen, months, from, to) => {
      const r = run(hire, end, signed, asOf);
      const item = r.items[0]!;
      expect(item.amountFen).toBe(fen);
      expect(item.detail!.months).toBe(months);
      expect(item.detail!.from).toBe(from);
      expect(item.detail!.to).toBe(to);
      expect(item.basis).toEqual(['劳动合同法第八十二条', '劳动合同法实施条例第六条', '劳动合同法实施条例第七条']);
    },
  );

  it.each([
    ['2020-01-01', '2021-06-30', '2020-01-20'], // signed within the first month
    ['2020-01-01', '2021-06-30', '2020-02-01'], // signed on the first day of the double-wage period
    ['2020-01-01', '2021-06-30', '2019-12-20'], // signed before work began
    ['2020-01-01', '2020-01-31', null], // worked exactly one month
    ['2003-01-01', '2007-06-30', null], // ended before the Labor Contract Law
  ])('owes nothing: hire %s end %s signed %s', (hire, end, signed) => {
    const r = run(hire, end, signed);
    expect(r.items).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toContain('double_wage_not_owed');
  });

  it('warns that a non-fixed-term contract is deemed concluded after a year unsigned', () => {
    const codes = run('2020-01-01', '2021-06-30', null).warnings.map((w) => w.code);
    expect(codes).toContain('double_wage_open_ended_deemed');
    const short = run('2020-01-01', '2020-11-30', null).warnings.map((w) => w.code);
    expect(short).not.toContain('double_wage_open_ended_deemed');
    const signedLate = run('2020-01-01', '2021-06-30', '2021-03-01').warnings.map((w) => w.code);
    expect(signedLate).toContain('double_wage_open_ended_deemed');
    const signedInTime = run('2020-01-01', '2021-06-30', '2020-12-31').warnings.map((w) => w.code);
    expect(signedInTime).not.toContain('double_wage_open_ended_deemed');
  });

  it('warns about the one-year limitation, strongly once the year has passed', () => {
    const fresh = run('2020-01-01', '2021-06-30', null, '2021-06-30').warnings.find(
      (w) => w.code === 'double_wage_limitation',
    )!;
    expect(fresh.severity).toBe('warning');
    const stale = run('2020-01-01', '2021-06-30', null, '2022-01-01').warnings.find(
      (w) => w.code === 'double_wage_limitation',
    )!;
    expect(stale.severity).toBe('critical');
  });

  it('explains the period and the arithmetic', () => {
    const item = run('2020-01-01', '2020-03-15', null, '2021-01-30').items[0]!;
    expect(item.explanation.zh).toContain('2020-02-01 起');
    expect(item.explanation.zh).toContain('1 个整月又 15 天');
    expect(item.explanation.zh).toContain('= 7,419.35 元');
    expect(item.explanation.en).toContain('= ¥7,419.35');
  });
});
