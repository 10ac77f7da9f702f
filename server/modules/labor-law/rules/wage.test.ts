import { describe, it, expect } from 'vitest';
import { wageFigures, wholeMonths } from './wage.js';
import { noticePay } from './notice-pay.js';
import { rat } from './money.js';

const months = (from: string, n: number, fen: (i: number) => number) =>
  Array.from({ length: n }, (_, i) => {
    const y = Number(from.slice(0, 4)) + Math.floor((Number(from.slice(5)) - 1 + i) / 12);
    const m = ((Number(from.slice(5)) - 1 + i) % 12) + 1;
    return { month: `${y}-${String(m).padStart(2, '0')}`, fen: fen(i) };
  });

describe('劳动合同法第四十七条第三款 — "前十二个月" as whole calendar months', () => {
  it.each([
    // hire, last day, first whole month, last whole month
    ['2020-01-01', '2021-03-31', '2020-01', '2021-03'], // left on the month's last day: that month is whole
    ['2020-01-01', '2021-03-15', '2020-01', '2021-02'], // left mid-month: March is a part month
    ['2020-01-10', '2021-03-31', '2020-02', '2021-03'], // hired mid-month: January is a part month
    ['2020-02-01', '2020-02-29', '2020-02', '2020-02'], // leap February, whole
    ['2020-03-10', '2020-03-20', null, null], // no whole month at all
  ])('hired %s, last day %s → whole months %s…%s', (hireDate, lastDay, first, last) => {
    const w = wholeMonths({ hireDate, lastDay });
    expect(w === null ? [null, null] : [w.first, w.last]).toEqual([first, last]);
  });

  it('leaves the part month of leaving out of the average, so it cannot pull the average down', () => {
    // ¥6,000 a month, and ¥2,000 for the 10 days worked in the month of leaving
    const history = [...months('2022-03', 12, () => 600000), { month: '2023-03', fen: 200000 }];
    const w = wageFigures({ wageHistory: history }, { hireDate: '2020-01-01', lastDay: '2023-03-10' });
    expect(w.average).toEqual(rat(600000));
    expect(w.monthsUsed[0]).toBe('2022-03');
    expect(w.monthsUsed[11]).toBe('2023-02');
    expect(w.warnings.map((x) => x.code)).toContain('wage_history_partial_month');
  });

  it('keeps the month of leaving when the last day of work is its last day', () => {
    const history = months('2022-04', 12, (i) => 100000 * (i + 1));
    const w = wageFigures({ wageHistory: history }, { hireDate: '2020-01-01', lastDay: '2023-03-31' });
    expect(w.monthsUsed).toEqual(history.map((h) => h.month));
    expect(w.average).toEqual(rat(78n * 100000n, 12n));
    expect(w.previousMonth).toEqual({ month: '2023-03', wage: rat(1200000), recorded: true });
  });

  it('averages the whole months worked when there are fewer than twelve (实施条例第二十七条)', () => {
    const w = wageFigures(
      {
        wageHistory: [
          { month: '2023-04', fen: 400000 },
          { month: '2023-05', fen: 600000 },
          { month: '2023-06', fen: 500001 },
        ],
      },
      { hireDate: '2023-04-01', lastDay: '2023-06-30' },
    );
    expect(w.average).toEqual(rat(1500001n, 3n));
    expect(w.monthsUsed).toEqual(['2023-04', '2023-05', '2023-06']);
  });

  it('leaves out the part month of hiring as well', () => {
    const w = wageFigures(
      {
        wageHistory: [
          { month: '2023-03', fen: 100000 }, // hired on 03-20
          { month: '2023-04', fen: 500000 },
          { month: '2023-05', fen: 500000 },
        ],
      },
      { hireDate: '2023-03-20', lastDay: '2023-05-31' },
    );
    expect(w.average).toEqual(rat(500000));
    expect(w.warnings.find((x) => x.code === 'wage_history_partial_month')!.text.zh).toContain('2023-03');
  });

  it('uses the part months given when the job lasted less than a whole month', () => {
    const w = wageFigures(
      { wageHistory: [{ month: '2023-03', fen: 150000 }] },
      { hireDate: '2023-03-10', lastDay: '2023-03-20' },
    );
    expect(w.average).toEqual(rat(150000));
  });

  it('keeps only the last 12 whole months and ignores records after the end', () => {
    const history = [...months('2022-01', 15, (i) => 100000 * (i + 1)), { month: '2023-07', fen: 99999999 }];
    const w = wageFigures({ wageHistory: history }, { hireDate: '2020-01-01', lastDay: '2023-03-31' });
    expect(w.monthsUsed).toEqual(months('2022-04', 12, () => 0).map((m) => m.month));
    expect(w.average).toEqual(rat((4n + 15n) * 12n * 100000n, 2n * 12n));
    expect(w.warnings.map((x) => x.code)).toEqual(['wage_history_after_end', 'wage_history_window']);
  });

  it('uses the given average directly', () => {
    const w = wageFigures({ monthlyWageFen: 500000 }, { hireDate: '2020-01-01', lastDay: '2023-06-30' });
    expect(w.average).toEqual(rat(500000));
    expect(w.previousMonth).toEqual({ month: '2023-06', wage: rat(500000), recorded: false });
    expect(w.hasHistory).toBe(false);
  });
});

describe('劳动合同法第四十条; 实施条例第二十条 — pay in lieu of notice at the previous month’s wage', () => {
  // 额外支付的工资应当按照该劳动者上一个月的工资标准确定
  const raisedInFebruary = [...months('2022-03', 11, () => 500000), { month: '2023-02', fen: 800000 }];
  it.each([
    // last day of work, history, amount, previous month
    ['2023-03-10', [...raisedInFebruary, { month: '2023-03', fen: 250000 }], 800000, '2023-02'], // not the part month
    ['2023-02-28', raisedInFebruary, 800000, '2023-02'], // left on February's last day: February is the previous month
    ['2023-02-27', raisedInFebruary, 500000, '2023-01'], // left a day earlier: January is
  ] as const)('left on %s → %s fen (%s)', (lastDay, history, fen, month) => {
    const w = wageFigures({ wageHistory: history }, { hireDate: '2020-01-01', lastDay });
    const r = noticePay(w.previousMonth, w.hasHistory);
    expect(r.items[0]!.amountFen).toBe(fen);
    expect(r.items[0]!.explanation.zh).toContain(`上一个月即 ${month} 的工资`);
    expect(r.warnings).toEqual([]);
  });

  it('with only an average says the average stood in', () => {
    const w = wageFigures({ monthlyWageFen: 612345 }, { hireDate: '2020-01-01', lastDay: '2023-03-10' });
    const r = noticePay(w.previousMonth, w.hasHistory);
    expect(r.items[0]!.amountFen).toBe(612345);
    expect(r.items[0]!.basis).toEqual(['劳动合同法第四十条', '劳动合同法实施条例第二十条']);
    expect(r.items[0]!.explanation.zh).toBe(
      '未提前三十日书面通知，额外支付一个月工资：1 个月 × 6,123.45 元（月平均工资） = 6,123.45 元',
    );
    expect(r.warnings.map((x) => x.code)).toEqual(['notice_pay_previous_month']);
  });

  it('with a history lacking the previous month names the month missing', () => {
    const w = wageFigures(
      { wageHistory: months('2022-01', 6, () => 500000) },
      { hireDate: '2020-01-01', lastDay: '2023-03-10' },
    );
    const r = noticePay(w.previousMonth, w.hasHistory);
    expect(r.warnings[0]!.text.zh).toContain('2023-02');
  });
});
