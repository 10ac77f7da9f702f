import { describe, it, expect } from 'vitest';
import { overtime } from './overtime.js';

describe('劳动法第四十四条 — overtime on hourly = monthly ÷ 21.75 ÷ 8', () => {
  // [base fen, workday h, rest-day h, holiday h, expected fen per code]
  const table: Array<[number, number, number, number, Record<string, number>]> = [
    [500000, 10.5, 0, 0, { overtime_workday: 45259 }], // 500000 × 10.5 × 1.5 / 174 = 45258.62
    [500000, 0, 8, 0, { overtime_rest_day: 45977 }], // 500000 × 8 × 2 / 174 = 45977.01
    [500000, 0, 0, 8, { overtime_holiday: 68966 }], // 500000 × 8 × 3 / 174 = 68965.52
    [174000, 1, 1, 1, { overtime_workday: 1500, overtime_rest_day: 2000, overtime_holiday: 3000 }],
    [58, 1, 0, 0, { overtime_workday: 1 }], // 58 × 1.5 / 174 = 0.5 → rounds half up to 1
    [29, 1, 0, 0, { overtime_workday: 0 }], // 0.25 → 0
    [1000000, 0.01, 0, 0, { overtime_workday: 86 }], // 1000000 × 0.01 × 1.5 / 174 = 86.2
    [1000000, 36.29, 0, 0, { overtime_workday: 312845 }], // 1000000 × 36.29 × 1.5 / 174 = 312844.83
  ];
  it.each(table)('base %s: %s / %s / %s h', (base, w, r, h, expected) => {
    const res = overtime({ wageBaseFen: base, workdayHours: w, restDayHours: r, holidayHours: h }, null);
    const got = Object.fromEntries(res.items.map((i) => [i.code, i.amountFen]));
    expect(got).toEqual(expected);
  });

  it('names the paragraph of art. 44 and 劳社部发〔2008〕3号', () => {
    const res = overtime({ wageBaseFen: 500000, workdayHours: 1, restDayHours: 1, holidayHours: 1 }, null);
    expect(res.items.map((i) => i.basis[0])).toEqual([
      '劳动法第四十四条第一项',
      '劳动法第四十四条第二项',
      '劳动法第四十四条第三项',
    ]);
    expect(res.items.every((i) => i.basis.includes('劳社部发〔2008〕3号'))).toBe(true);
  });

  it('skips kinds with zero hours', () => {
    expect(overtime({ wageBaseFen: 500000, workdayHours: 0, restDayHours: 0, holidayHours: 0 }, null).items).toEqual(
      [],
    );
  });

  it('warns when the base is below the minimum wage', () => {
    const res = overtime({ wageBaseFen: 150000, workdayHours: 1, restDayHours: 0, holidayHours: 0 }, 190000);
    expect(res.warnings.map((w) => w.code)).toEqual(['overtime_base_below_minimum']);
  });

  it('shows the arithmetic', () => {
    const res = overtime({ wageBaseFen: 500000, workdayHours: 10.5, restDayHours: 0, holidayHours: 0 }, null);
    expect(res.items[0]!.explanation.zh).toContain('10.5 小时 × 5,000.00 元 ÷ 21.75 天 ÷ 8 小时 × 150% = 452.59 元');
    expect(res.items[0]!.explanation.en).toContain('10.5 h × ¥5,000.00 ÷ 21.75 days ÷ 8 h × 150% = ¥452.59');
  });
});
