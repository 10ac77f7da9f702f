import { describe, it, expect } from 'vitest';
import { injuryLumpSum } from './injury.js';

const AVG = 800000;
/** the pooling area's figure of 工伤保险条例第六十四条 */
const pool = (avg: number | null) => ({ poolingAverageWageFen: avg, averageWageFen: null });

describe('工伤保险条例第三十五条至第三十七条 — months by grade', () => {
  it.each([
    [1, 27, '工伤保险条例第三十五条'],
    [2, 25, '工伤保险条例第三十五条'],
    [3, 23, '工伤保险条例第三十五条'],
    [4, 21, '工伤保险条例第三十五条'],
    [5, 18, '工伤保险条例第三十六条'],
    [6, 16, '工伤保险条例第三十六条'],
    [7, 13, '工伤保险条例第三十七条'],
    [8, 11, '工伤保险条例第三十七条'],
    [9, 9, '工伤保险条例第三十七条'],
    [10, 7, '工伤保险条例第三十七条'],
  ])('grade %s → %s months (%s)', (grade, months, article) => {
    const r = injuryLumpSum({ grade, monthlyWageFen: 600000 }, pool(AVG));
    expect(r.items[0]!.amountFen).toBe(months * 600000);
    expect(r.items[0]!.basis).toEqual([article, '工伤保险条例第六十四条']);
  });
});

describe('工伤保险条例第六十四条 — 60% floor and 300% cap of the average wage', () => {
  it.each([
    [200000, 480000, true, false], // below 60% → 4,800
    [480000, 480000, false, false],
    [2400000, 2400000, false, false],
    [3000000, 2400000, false, true], // above 300% → 24,000
  ])('wage %s → base %s', (wage, base, floor, cap) => {
    const r = injuryLumpSum({ grade: 10, monthlyWageFen: wage }, pool(AVG));
    expect(r.items[0]!.amountFen).toBe(7 * base);
    expect(r.items[0]!.detail!.floorApplied).toBe(floor);
    expect(r.items[0]!.detail!.capApplied).toBe(cap);
  });
  it('rounds a 60% floor with a fraction of a fen once', () => {
    // 60% of 333,333 = 199,999.8 fen; × 7 = 1,399,998.6 → 1,399,999
    expect(injuryLumpSum({ grade: 10, monthlyWageFen: 0 }, pool(333333)).items[0]!.amountFen).toBe(1399999);
  });
  it('without the average wage: no floor or cap, with a warning', () => {
    const r = injuryLumpSum({ grade: 10, monthlyWageFen: 100000 }, pool(null));
    expect(r.items[0]!.amountFen).toBe(700000);
    expect(r.warnings.map((w) => w.code)).toContain('average_wage_missing');
  });
  it('explains the arithmetic', () => {
    const r = injuryLumpSum({ grade: 9, monthlyWageFen: 200000 }, pool(AVG));
    expect(r.items[0]!.explanation.zh).toContain('9 个月 × 4,800.00 元 = 43,200.00 元');
  });
});

describe('工伤保险条例第六十四条 — the pooling area’s average wage, not the severance figure', () => {
  // 本人工资高于统筹地区职工平均工资300%的，按照统筹地区职工平均工资的300%计算；
  // 本人工资低于统筹地区职工平均工资60%的，按照统筹地区职工平均工资的60%计算
  it.each([
    // wage, pooling, local average, base used, warning expected
    [2_000_000, 600_000, 800_000, 1_800_000, false], // capped at 300% of the pooling figure, not of the local one
    [300_000, 600_000, 400_000, 360_000, false], // floored at 60% of the pooling figure
    [2_000_000, null, 800_000, 2_000_000, true], // no pooling figure: the local average stands in, with a warning
    [3_000_000, null, 800_000, 2_400_000, true],
  ] as const)('wage %s, pooling %s, local %s → base %s', (wage, pooling, local, base, warned) => {
    const r = injuryLumpSum(
      { grade: 10, monthlyWageFen: wage },
      { poolingAverageWageFen: pooling, averageWageFen: local },
    );
    expect(r.items[0]!.amountFen).toBe(7 * base);
    expect(r.warnings.map((w) => w.code).includes('injury_pooling_wage_missing')).toBe(warned);
  });
  it('takes the request’s own pooling figure over the region’s', () => {
    const r = injuryLumpSum(
      { grade: 10, monthlyWageFen: 2_000_000, poolingAverageWageFen: 500_000 },
      { poolingAverageWageFen: 600_000, averageWageFen: 800_000 },
    );
    expect(r.items[0]!.amountFen).toBe(7 * 1_500_000);
  });
  it('names the figure and the area in the explanation', () => {
    const capped = injuryLumpSum(
      { grade: 10, monthlyWageFen: 2_000_000 },
      { poolingAverageWageFen: 600_000, averageWageFen: 800_000, regionName: '上海市' },
    );
    expect(capped.items[0]!.explanation.zh).toContain('高于统筹地区职工月平均工资（上海市） 6,000.00 元 的 300%');
    expect(capped.items[0]!.explanation.en).toContain('the pooling area’s average monthly wage (上海市)');
    const within = injuryLumpSum(
      { grade: 10, monthlyWageFen: 700_000 },
      { poolingAverageWageFen: 600_000, averageWageFen: null, regionName: '上海市' },
    );
    expect(within.items[0]!.explanation.zh).toContain(
      '在统筹地区职工月平均工资（上海市） 6,000.00 元 的 60% 至 300% 之间',
    );
  });
});
