import { describe, it, expect } from 'vitest';
import { wageFigures } from './wage.js';
import { noticePay } from './notice-pay.js';
import { rat } from './money.js';

describe('monthly wage: average of the last up-to-12 months (劳动合同法第四十七条第三款)', () => {
  it('uses the given average directly', () => {
    const w = wageFigures({ monthlyWageFen: 500000 }, '2023-06-30');
    expect(w.average).toEqual(rat(500000));
    expect(w.lastMonth).toEqual(rat(500000));
  });
  it('averages fewer months when employed less than a year (实施条例第二十七条)', () => {
    const w = wageFigures(
      {
        wageHistory: [
          { month: '2023-05', fen: 600000 },
          { month: '2023-04', fen: 400000 },
          { month: '2023-06', fen: 500001 },
        ],
      },
      '2023-06-30',
    );
    expect(w.average).toEqual(rat(1500001n, 3n));
    expect(w.lastMonth).toEqual(rat(500001));
    expect(w.monthsUsed).toEqual(['2023-04', '2023-05', '2023-06']);
  });
  it('keeps only the last 12 months up to the end month', () => {
    // 2022-01 … 2023-03 (15 months) paid 1,000 … 15,000 yuan
    const months = [
      '2022-01',
      '2022-02',
      '2022-03',
      '2022-04',
      '2022-05',
      '2022-06',
      '2022-07',
      '2022-08',
      '2022-09',
      '2022-10',
      '2022-11',
      '2022-12',
      '2023-01',
      '2023-02',
      '2023-03',
    ];
    const history = months.map((month, i) => ({ month, fen: 100000 * (i + 1) }));
    history.push({ month: '2023-07', fen: 99999999 });
    const w = wageFigures({ wageHistory: history }, '2023-03-31');
    expect(w.monthsUsed).toEqual([
      '2022-04',
      '2022-05',
      '2022-06',
      '2022-07',
      '2022-08',
      '2022-09',
      '2022-10',
      '2022-11',
      '2022-12',
      '2023-01',
      '2023-02',
      '2023-03',
    ]);
    expect(w.average).toEqual(rat((4n + 15n) * 12n * 100000n, 2n * 12n)); // 4..15 × 100000, averaged
    expect(w.lastMonth).toEqual(rat(1500000));
    expect(w.warnings.map((x) => x.code)).toEqual(['wage_history_after_end', 'wage_history_window']);
  });
});

describe('劳动合同法第四十条; 实施条例第二十条 — pay in lieu of notice', () => {
  it('is one month at last month’s wage', () => {
    const r = noticePay(rat(612345));
    expect(r.items[0]!.amountFen).toBe(612345);
    expect(r.items[0]!.basis).toEqual(['劳动合同法第四十条', '劳动合同法实施条例第二十条']);
    expect(r.items[0]!.explanation.zh).toBe(
      '未提前三十日书面通知，额外支付一个月工资：1 个月 × 6,123.45 元（上一个月工资） = 6,123.45 元',
    );
  });
});
