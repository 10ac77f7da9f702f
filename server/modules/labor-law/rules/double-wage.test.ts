import { describe, it, expect } from 'vitest';
import { createCalendar } from '../../disputes/rules/working-days.js';
import { doubleWage } from './double-wage.js';
import { rat, type Rational } from './money.js';

const CALENDAR = createCalendar([]);

const WAGE = 500000; // ¥5,000

function run(
  hireDate: string,
  endDate: string | null,
  contractSignedDate: string | null,
  asOf = '2021-06-30',
  wage = WAGE,
) {
  return doubleWage({
    hireDate,
    endDate,
    contractSignedDate,
    wageOfMonth: () => null,
    averageWage: rat(wage),
    hasHistory: false,
    asOf,
    calendar: CALENDAR,
  });
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

/** A pay history: `from` (inclusive) → fen, each month until the next change, up to `until`. */
function history(changes: Record<string, number>, until: string): (month: string) => Rational | null {
  const starts = Object.keys(changes).sort();
  return (month) => {
    if (month < starts[0]! || month > until) return null;
    const from = starts.filter((s) => s <= month).pop()!;
    return rat(changes[from]!);
  };
}

function withHistory(
  hireDate: string,
  endDate: string | null,
  wageOfMonth: (month: string) => Rational | null,
  averageWage = 750000,
  asOf = '2021-06-30',
) {
  return doubleWage({
    hireDate,
    endDate,
    contractSignedDate: null,
    wageOfMonth,
    averageWage: rat(averageWage),
    hasHistory: true,
    asOf,
    calendar: CALENDAR,
  });
}

describe('实施条例第六条 — "每月支付两倍的工资": each month at its own wage', () => {
  it('a raise after the period does not raise the double wage (the issue’s worker: ¥55,000, not ¥82,500)', () => {
    // hired 2020-01-01 at ¥5,000; raised to ¥15,000 in January 2021; left 2021-03-31
    const r = doubleWage({
      hireDate: '2020-01-01',
      endDate: '2021-03-31',
      contractSignedDate: null,
      wageOfMonth: history({ '2020-01': 500000, '2021-01': 1500000 }, '2021-03'),
      averageWage: rat(750000), // the 12-month average before leaving
      hasHistory: true,
      asOf: '2021-06-30',
      calendar: CALENDAR,
    });
    expect(r.items[0]!.amountFen).toBe(11 * 500000);
    expect(r.items[0]!.detail!.perMonth).toHaveLength(11);
    expect(r.items[0]!.explanation.zh).toContain('11 个月 × 5,000.00 元 = 55,000.00 元');
  });

  it.each([
    // a raise inside the period: Feb–Jun at 5,000, Jul–Dec at 6,000
    ['2020-01-01', '2021-03-31', { '2020-01': 500000, '2020-07': 600000 }, 5 * 500000 + 6 * 600000],
    // hired mid-month: a day counts 1/L of its calendar month's wage, L the anniversary month's length.
    // Period 2020-02-15 … 2021-01-14; raise from 2020-03. February: 15 of the 29-day month 02-15…03-14
    // at 5,000; March 1–14 of that month at 6,000; then whole months at 6,000 until 2021-01-14.
    [
      '2020-01-15',
      '2021-03-31',
      { '2020-01': 500000, '2020-03': 600000 },
      Math.round((15 / 29) * 500000 + (14 / 29) * 600000 + 10 * 600000),
    ],
  ] as const)('hire %s end %s, pay %o → %s fen', (hire, end, changes, fen) => {
    const r = withHistory(hire, end, history(changes, '2021-03'));
    expect(r.items[0]!.amountFen).toBe(fen);
    expect(r.warnings.map((w) => w.code)).not.toContain('double_wage_month_missing');
  });

  it('a constant pay history gives exactly months × wage, whatever day of the month work began', () => {
    for (const hire of ['2020-01-01', '2020-01-15', '2020-01-31', '2019-02-28']) {
      const byHistory = withHistory(hire, '2021-06-30', () => rat(612345)).items[0]!;
      const flat = run(hire, '2021-06-30', null, '2021-06-30', 612345).items[0]!;
      expect(byHistory.amountFen).toBe(flat.amountFen);
    }
  });

  it('says when the average stood in for months with no record', () => {
    const r = withHistory('2020-01-01', '2020-06-30', history({ '2020-01': 500000 }, '2020-03'), 700000);
    // Feb, Mar recorded at 5,000; Apr–Jun missing → the average 7,000
    expect(r.items[0]!.amountFen).toBe(2 * 500000 + 3 * 700000);
    const w = r.warnings.find((x) => x.code === 'double_wage_month_missing')!;
    expect(w.text.zh).toContain('2020-04、2020-05、2020-06');
    expect(r.items[0]!.detail!.perMonth!.filter((m) => m.estimated).map((m) => m.month)).toEqual([
      '2020-04',
      '2020-05',
      '2020-06',
    ]);
  });

  it('with only an average wage uses it for every month and says so', () => {
    const r = run('2020-01-01', '2021-03-31', null);
    expect(r.warnings.find((w) => w.code === 'double_wage_flat_wage')!.severity).toBe('warning');
  });
});

describe('民法典第二百零三条 — the limitation’s last day moves off holidays and is stated inclusively', () => {
  it.each([
    // period ends (last day unsigned) → one year later, moved off a rest day
    ['2020-01-01', '2020-10-31', '2021-10-31', '2021-11-01'], // 2021-10-31 is a Sunday
    ['2020-01-01', '2020-10-01', '2021-10-01', '2021-10-08'], // National Day holiday 10-01…10-07
    ['2020-03-01', '2021-02-01', '2022-02-01', '2022-02-07'], // Spring Festival holiday 01-31…02-06
    ['2020-01-01', '2020-09-30', '2021-09-30', '2021-09-30'], // a Thursday: not moved
    ['2020-01-01', '2020-09-26', '2021-09-26', '2021-09-26'], // a Sunday made a working day: not moved
  ])('hire %s, period to %s: nominal %s, last day %s', (hire, end, nominal, lastDay) => {
    const r = run(hire, end, null, '2021-06-30');
    const w = r.warnings.find((x) => x.code === 'double_wage_limitation')!;
    expect(w.text.zh).toContain(`最迟于 ${lastDay}（含当日）`);
    if (nominal !== lastDay) expect(w.text.zh).toContain(`${nominal} 为法定休假日或休息日`);
  });

  it('is still open on the moved last day and closed the day after', () => {
    // period to 2020-10-31; 2021-10-31 is a Sunday, so 2021-11-01 is the last day
    const onTheDay = run('2020-01-01', '2020-10-31', null, '2021-11-01').warnings.find(
      (x) => x.code === 'double_wage_limitation',
    )!;
    expect(onTheDay.severity).toBe('warning');
    const after = run('2020-01-01', '2020-10-31', null, '2021-11-02').warnings.find(
      (x) => x.code === 'double_wage_limitation',
    )!;
    expect(after.severity).toBe('critical');
  });
});
