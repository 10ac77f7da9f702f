import { describe, it, expect } from 'vitest';
import { injuryLumpSum } from './injury.js';

const AVG = 800000;

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
    const r = injuryLumpSum({ grade, monthlyWageFen: 600000 }, AVG);
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
    const r = injuryLumpSum({ grade: 10, monthlyWageFen: wage }, AVG);
    expect(r.items[0]!.amountFen).toBe(7 * base);
    expect(r.items[0]!.detail!.floorApplied).toBe(floor);
    expect(r.items[0]!.detail!.capApplied).toBe(cap);
  });
  it('rounds a 60% floor with a fraction of a fen once', () => {
    // 60% of 333,333 = 199,999.8 fen; × 7 = 1,399,998.6 → 1,399,999
    expect(injuryLumpSum({ grade: 10, monthlyWageFen: 0 }, 333333).items[0]!.amountFen).toBe(1399999);
  });
  it('without the average wage: no floor or cap, with a warning', () => {
    const r = injuryLumpSum({ grade: 10, monthlyWageFen: 100000 }, null);
    expect(r.items[0]!.amountFen).toBe(700000);
    expect(r.warnings.map((w) => w.code)).toContain('average_wage_missing');
  });
  it('explains the arithmetic', () => {
    const r = injuryLumpSum({ grade: 9, monthlyWageFen: 200000 }, AVG);
    expect(r.items[0]!.explanation.zh).toContain('9 个月 × 4,800.00 元 = 43,200.00 元');
  });
});
