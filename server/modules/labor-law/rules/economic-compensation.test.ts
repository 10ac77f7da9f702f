import { describe, it, expect } from 'vitest';
import type { Art38Reason, TerminationGround } from '../../../../contracts/labor-law.js';
import { compensationBase, economicCompensation, PRE_2008_COMPENSATED_ART38 } from './economic-compensation.js';
import { rat } from './money.js';

const MIN = 190000; // ¥1,900 minimum wage
const AVG = 800000; // ¥8,000 previous-year average monthly wage

function run(
  hireDate: string,
  endDate: string,
  ground: TerminationGround,
  wageFen: number,
  minimumWageFen: number | null = MIN,
  averageWageFen: number | null = AVG,
) {
  return economicCompensation({ hireDate, endDate, ground, wage: rat(wageFen), minimumWageFen, averageWageFen });
}

describe('劳动合同法第四十六条 — which grounds are compensated', () => {
  it.each([
    ['mutual_by_employer', 'economic_compensation'],
    ['art38', 'economic_compensation'],
    ['art40', 'economic_compensation'],
    ['art41', 'economic_compensation'],
    ['expiry', 'economic_compensation'],
    ['unlawful', 'unlawful_termination_compensation'],
  ] as const)('%s → %s', (ground, code) => {
    const r = run('2018-03-01', '2023-06-30', ground, 1407600);
    expect(r.items.map((i) => i.code)).toEqual([code]);
  });
  it.each(['resignation', 'mutual_by_worker'] as const)('%s → nothing', (ground) => {
    expect(run('2018-03-01', '2023-06-30', ground, 1407600).items).toEqual([]);
  });
});

describe('劳动合同法第四十七条 — amount', () => {
  // [hire, end, ground, wage, expected fen, months]
  const table: Array<[string, string, TerminationGround, number, number, string]> = [
    ['2018-03-01', '2023-06-30', 'art40', 1407600, 7741800, '5.5'], // 5 y 4 m → 5.5 × 14,076
    ['2018-01-01', '2023-06-30', 'art41', 1407600, 8445600, '6'], // 5 y 6 m → 6
    ['2015-03-01', '2023-06-30', 'mutual_by_employer', 1407600, 11964600, '8.5'],
    ['2023-06-01', '2023-06-30', 'art38', 500000, 250000, '0.5'], // one month of work → half a month
    ['2023-06-30', '2023-06-30', 'art38', 500000, 250000, '0.5'], // a single day
    ['2022-07-01', '2023-06-30', 'art38', 500000, 500000, '1'], // exactly a year
    ['2022-07-01', '2023-07-01', 'art38', 500000, 750000, '1.5'], // a year and a day
    ['2023-01-01', '2023-06-30', 'art41', 500000, 500000, '1'], // exactly 6 months → a year
    ['2023-01-02', '2023-06-30', 'art41', 500000, 250000, '0.5'], // one day short of 6 months
  ];
  it.each(table)('%s … %s %s wage %s → %s fen (%s months)', (hire, end, ground, wage, fen, months) => {
    const r = run(hire, end, ground, wage);
    expect(r.items[0]!.amountFen).toBe(fen);
    expect(r.items[0]!.detail!.months).toBe(months);
  });

  it('explains the arithmetic in Chinese and English', () => {
    const item = run('2018-03-01', '2023-06-30', 'art40', 1407600).items[0]!;
    expect(item.explanation.zh).toContain('5.5 个月 × 14,076.00 元 = 77,418.00 元');
    expect(item.explanation.en).toContain('5.5 months × ¥14,076.00 = ¥77,418.00');
    expect(item.basis).toEqual(['劳动合同法第四十六条第三项', '劳动合同法第四十七条', '劳动合同法实施条例第二十七条']);
  });
});

describe('实施条例第二十七条 — minimum-wage floor', () => {
  it('raises a wage below the minimum wage to the minimum', () => {
    const r = run('2020-07-01', '2023-06-30', 'art41', 150000);
    expect(r.items[0]!.amountFen).toBe(3 * MIN);
    expect(r.items[0]!.detail!.floorApplied).toBe(true);
    expect(r.warnings.map((w) => w.code)).toContain('minimum_wage_floor_applied');
  });
  it('leaves a wage at the minimum alone', () => {
    const r = run('2020-07-01', '2023-06-30', 'art41', MIN);
    expect(r.items[0]!.detail!.floorApplied).toBe(false);
  });
  it('warns and does not floor when the minimum wage is unknown', () => {
    const r = run('2020-07-01', '2023-06-30', 'art41', 150000, null);
    expect(r.items[0]!.amountFen).toBe(3 * 150000);
    expect(r.warnings.map((w) => w.code)).toContain('minimum_wage_missing');
  });
});

describe('劳动合同法第四十七条第二款 — 3× average cap and 12-year limit', () => {
  it('caps the base at 3× and the years at 12 when the wage exceeds 3×', () => {
    const r = run('2008-01-01', '2023-06-30', 'art41', 3000000); // 15 y 6 m → 16, capped at 12
    expect(r.items[0]!.amountFen).toBe(12 * 3 * AVG);
    expect(r.items[0]!.detail!.capApplied).toBe(true);
    expect(r.items[0]!.explanation.zh).toContain('以 12 个月为限');
    expect(r.warnings.map((w) => w.code)).toContain('high_wage_cap_applied');
  });
  it('caps only the base when service is under 12 years', () => {
    const r = run('2018-01-01', '2023-06-30', 'art41', 3000000);
    expect(r.items[0]!.amountFen).toBe(6 * 3 * AVG);
  });
  it('does not cap a wage of exactly 3× (the law says "higher than")', () => {
    const r = run('2008-01-01', '2023-06-30', 'art41', 3 * AVG);
    expect(r.items[0]!.amountFen).toBe(16 * 3 * AVG);
    expect(r.items[0]!.detail!.capApplied).toBe(false);
  });
  it('applies the 12-year limit only to high wages', () => {
    const r = run('2000-01-01', '2023-06-30', 'unlawful', 1000000);
    expect(r.items[0]!.detail!.months).toBe('24'); // 23 y 6 m → 24, no cap
  });
  it('is a statutory cliff: just above 3× with long service pays less than exactly 3×', () => {
    const at = run('2008-01-01', '2023-06-30', 'art41', 3 * AVG).items[0]!.amountFen;
    const above = run('2008-01-01', '2023-06-30', 'art41', 3 * AVG + 1).items[0]!.amountFen;
    expect(above).toBeLessThan(at);
  });
  it('warns and does not cap when the average wage is unknown', () => {
    const r = run('2008-01-01', '2023-06-30', 'art41', 3000000, MIN, null);
    expect(r.items[0]!.amountFen).toBe(16 * 3000000);
    expect(r.warnings.map((w) => w.code)).toContain('average_wage_missing');
  });
});

describe('劳动合同法第九十七条 — service before 2008-01-01', () => {
  it('expiry: only service from 2008-01-01 counts', () => {
    const r = run('2005-03-10', '2023-06-30', 'expiry', 1407600);
    expect(r.items[0]!.detail!.months).toBe('16'); // 2008-01-01 … 2023-06-30 = 15 y 6 m
    expect(r.items[0]!.amountFen).toBe(16 * 1407600);
    expect(r.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['pre_2008_service', 'expiry_renewal_assumption']),
    );
  });
  it('other grounds: pre-2008 part under the 1994 rules (part year = year), post-2008 under art. 47', () => {
    const r = run('2005-03-10', '2023-06-30', 'art40', 1407600);
    const d = r.items[0]!.detail!;
    expect(d.segments).toEqual([
      { period: 'before_2008', from: '2005-03-10', to: '2007-12-31', months: '3', baseFen: 1407600 },
      { period: 'from_2008', from: '2008-01-01', to: '2023-06-30', months: '16', baseFen: 1407600 },
    ]);
    expect(r.items[0]!.amountFen).toBe(19 * 1407600);
    expect(r.items[0]!.basis).toContain('劳动合同法第九十七条');
    expect(r.items[0]!.explanation.zh).toContain('2008 年前按当时规定');
  });
  it('mutual agreement: the pre-2008 part is at most 12 months (481号第五条)', () => {
    const r = run('1990-01-01', '2010-06-30', 'mutual_by_employer', 500000);
    expect(r.items[0]!.detail!.segments!.map((s) => s.months)).toEqual(['12', '3']);
  });
  it('art. 40: no cap on the pre-2008 part, with a warning about incompetence', () => {
    const r = run('1990-01-01', '2010-06-30', 'art40', 500000);
    expect(r.items[0]!.detail!.segments!.map((s) => s.months)).toEqual(['18', '3']);
    expect(r.warnings.map((w) => w.code)).toContain('pre_2008_art40_cap');
  });
  it('high wage: 3× cap and 12 years apply to the post-2008 part only', () => {
    const r = run('2000-01-01', '2023-06-30', 'art41', 3000000);
    const segs = r.items[0]!.detail!.segments!;
    expect(segs).toEqual([
      { period: 'before_2008', from: '2000-01-01', to: '2007-12-31', months: '8', baseFen: 3000000 },
      { period: 'from_2008', from: '2008-01-01', to: '2023-06-30', months: '12', baseFen: 3 * AVG },
    ]);
    expect(r.items[0]!.amountFen).toBe(8 * 3000000 + 12 * 3 * AVG);
  });
  it('unlawful termination counts the whole service from the hire date (实施条例第二十五条)', () => {
    const r = run('2005-03-10', '2023-06-30', 'unlawful', 1407600); // 18 y 3 m 21 d → 18.5
    expect(r.items[0]!.amountFen).toBe(2 * 18.5 * 1407600);
    expect(r.items[0]!.detail!.segments).toHaveLength(1);
    expect(r.items[0]!.detail!.segments![0]!.period).toBe('whole');
  });
  it('termination before 2008: 1994 rules only, strong warning; no unlawful-termination item', () => {
    const r = run('2003-01-01', '2007-06-30', 'art41', 500000);
    expect(r.items[0]!.amountFen).toBe(5 * 500000);
    expect(r.warnings.map((w) => w.code)).toContain('pre_2008_termination');
    const u = run('2003-01-01', '2007-06-30', 'unlawful', 500000);
    expect(u.items).toEqual([]);
    expect(u.warnings.find((w) => w.code === 'pre_2008_termination')!.severity).toBe('critical');
    expect(run('2003-01-01', '2007-06-30', 'expiry', 500000).items).toEqual([]);
  });
});

describe('劳动合同法第九十七条第三款 — a worker’s resignation under art. 38 with service before 2008', () => {
  // 本法施行前按照当时有关规定，用人单位应当向劳动者支付经济补偿的，按照当时有关规定执行;
  // the rules then in force gave compensation for five employer faults only (法释〔2001〕14号第十五条)
  const art38 = (reason: Art38Reason | undefined, hire = '2005-03-10', end = '2023-06-30') =>
    economicCompensation({
      hireDate: hire,
      endDate: end,
      ground: 'art38',
      art38Reason: reason,
      wage: rat(1407600),
      minimumWageFen: MIN,
      averageWageFen: AVG,
    });
  const table: Array<[Art38Reason, boolean]> = [
    ['forced_labour', true], // 第十五条第一项 以暴力、威胁或者非法限制人身自由的手段强迫劳动
    ['no_labour_conditions', true], // 第二项 未按照劳动合同约定…提供劳动条件
    ['pay_not_as_agreed', true], // 第二项 未按照劳动合同约定支付劳动报酬
    ['wage_withheld_or_delayed', true], // 第三项 克扣或者无故拖欠劳动者工资
    ['overtime_unpaid', true], // 第四项 拒不支付劳动者延长工作时间工资报酬
    ['below_minimum_wage', true], // 第五项 低于当地最低工资标准支付劳动者工资
    ['no_social_insurance', false], // 劳动合同法第三十八条第一款第三项: new in 2008
    ['unlawful_rules', false],
    ['invalid_contract', false],
    ['dangerous_orders', false],
    ['other', false],
  ];
  it.each(table)('%s: service before 2008 counts → %s', (reason, counts) => {
    const r = art38(reason);
    const item = r.items[0]!;
    // before 2008: 2005-03-10 … 2007-12-31 → 3 months (part year = year); from 2008: 15 y 6 m → 16
    expect(item.amountFen).toBe((counts ? 19 : 16) * 1407600);
    expect(item.detail!.segments!.map((s) => s.period)).toEqual(counts ? ['before_2008', 'from_2008'] : ['from_2008']);
    expect(PRE_2008_COMPENSATED_ART38.includes(reason)).toBe(counts);
    if (counts)
      expect(item.basis).toContain(
        '最高人民法院关于审理劳动争议案件适用法律若干问题的解释（法释〔2001〕14号）第十五条',
      );
    else expect(r.warnings.map((w) => w.code)).toContain('pre_2008_art38_not_compensated');
  });
  it('without the reason counts from 2008 and says what the earlier years would add', () => {
    const r = art38(undefined);
    expect(r.items[0]!.amountFen).toBe(16 * 1407600);
    const w = r.warnings.find((x) => x.code === 'pre_2008_art38_reason_missing')!;
    expect(w.severity).toBe('warning');
    expect(w.text.zh).toContain('另计 42,228.00 元'); // 3 × 14,076
  });
  it('service that began in 2008 or later is not affected by the reason', () => {
    expect(art38('no_social_insurance', '2008-01-01').items[0]!.amountFen).toBe(
      art38('forced_labour', '2008-01-01').items[0]!.amountFen,
    );
  });
  it('employment that ended before 2008 for an uncompensated reason owes nothing', () => {
    expect(art38('no_social_insurance', '2003-01-01', '2007-06-30').items).toEqual([]);
    expect(art38('wage_withheld_or_delayed', '2003-01-01', '2007-06-30').items[0]!.amountFen).toBe(5 * 1407600);
  });
});

describe('劳动合同法第四十八条、第八十七条 — unlawful termination', () => {
  it('pays twice the economic compensation, instead of it', () => {
    const r = run('2018-03-01', '2023-06-30', 'unlawful', 1407600);
    expect(r.items).toHaveLength(1);
    expect(r.items[0]!.amountFen).toBe(2 * 7741800);
    expect(r.items[0]!.explanation.zh).toContain('赔偿金 = 2 × 5.5 个月 × 14,076.00 元 = 154,836.00 元');
    expect(r.items[0]!.basis).toEqual(expect.arrayContaining(['劳动合同法第四十八条', '劳动合同法第八十七条']));
  });
  it('high wage: 2 × 12 × 3× average at most', () => {
    const r = run('2000-01-01', '2023-06-30', 'unlawful', 5000000);
    expect(r.items[0]!.amountFen).toBe(2 * 12 * 3 * AVG);
  });
});

describe('rounding once per item', () => {
  it('rounds the exact product half up', () => {
    // half a month of ¥1,000.01 = 50,000.5 fen → 50,001
    expect(run('2023-06-01', '2023-06-30', 'art41', 100001, 100000).items[0]!.amountFen).toBe(50001);
  });
  it('keeps an average wage exact until the end', () => {
    const r = economicCompensation({
      hireDate: '2023-04-01',
      endDate: '2023-06-30',
      ground: 'art41',
      wage: rat(300001n, 3n), // average of 1,000.01 + 1,000.00 + 1,000.00
      minimumWageFen: null,
      averageWageFen: null,
    });
    expect(r.items[0]!.amountFen).toBe(50000); // 0.5 × 100000.333… = 50000.1666…
  });
});

describe('compensationBase', () => {
  it.each([
    [100000, 190000, 800000, 190000, false],
    [500000, 190000, 800000, 500000, false],
    [2400000, 190000, 800000, 2400000, false],
    [2400001, 190000, 800000, 2400000, true],
  ])('wage %s min %s avg %s → base %s high %s', (wage, minW, avg, base, high) => {
    const b = compensationBase(rat(wage), minW, avg);
    expect(b.lclBase).toEqual(rat(base));
    expect(b.highWage).toBe(high);
  });
});
