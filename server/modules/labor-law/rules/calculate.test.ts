import { describe, it, expect } from 'vitest';
import { laborLawResponseSchema, type LaborLawRequest } from '../../../../contracts/labor-law.js';
import { calculate, calculateEngine } from './calculate.js';

const PARAMS = { minimumWageFen: 190000, averageWageFen: 800000, regionName: '中山市' };
const AS_OF = { asOf: '2023-08-01' };

function req(over: Partial<LaborLawRequest> = {}): LaborLawRequest {
  return {
    regionCode: '442000',
    hireDate: '2018-03-01',
    endDate: '2023-06-30',
    termination: 'art40',
    monthlyWageFen: 1407600,
    ...over,
  };
}

describe('calculate — orchestration', () => {
  it('returns a response that satisfies the contract, total = sum of items', () => {
    const r = calculate(
      req({
        noNoticeGiven: true,
        contractSignedDate: '2018-05-16',
        overtime: { wageBaseFen: 500000, workdayHours: 10.5, restDayHours: 8, holidayHours: 2.25 },
        annualLeave: { year: 2023, cumulativeWorkYears: 12, daysTaken: 1 },
        injury: { grade: 9, monthlyWageFen: 200000 },
      }),
      PARAMS,
      'zh',
      AS_OF,
    );
    expect(laborLawResponseSchema.parse(r)).toEqual(r);
    expect(r.items.map((i) => i.code)).toEqual([
      'economic_compensation',
      'notice_pay',
      'double_wage_no_contract',
      'overtime_workday',
      'overtime_rest_day',
      'overtime_holiday',
      'annual_leave_pay',
      'injury_lump_sum',
    ]);
    expect(r.totalFen).toBe(r.items.reduce((a, i) => a + i.amountFen, 0));
    expect(r.items[0]!.amountFen).toBe(7741800);
    expect(r.items[0]!.explanation).toContain('5.5 个月 × 14,076.00 元 = 77,418.00 元');
    expect(r.items[0]!.explanationEn).toContain('5.5 months × ¥14,076.00 = ¥77,418.00');
    expect(r.context).toEqual({
      regionCode: '442000',
      regionName: '中山市',
      asOf: '2023-08-01',
      minimumWageFen: 190000,
      averageWageFen: 800000,
      monthlyWageFen: 1407600,
    });
  });

  it('unlawful termination yields the double compensation only, never economic compensation too', () => {
    const r = calculate(req({ termination: 'unlawful', noNoticeGiven: true }), PARAMS, 'zh', AS_OF);
    expect(r.items.map((i) => i.code)).toEqual(['unlawful_termination_compensation']);
    expect(r.items[0]!.amountFen).toBe(2 * 7741800);
    expect(r.warnings.map((w) => w.code)).toContain('notice_pay_not_applicable');
  });

  it('notice pay uses the last month of the wage history', () => {
    const r = calculate(
      req({
        monthlyWageFen: undefined,
        noNoticeGiven: true,
        wageHistory: [
          { month: '2023-04', fen: 500000 },
          { month: '2023-05', fen: 520000 },
          { month: '2023-06', fen: 480000 },
        ],
      }),
      PARAMS,
      'zh',
      AS_OF,
    );
    const notice = r.items.find((i) => i.code === 'notice_pay')!;
    expect(notice.amountFen).toBe(480000);
    const ec = r.items.find((i) => i.code === 'economic_compensation')!;
    expect(ec.amountFen).toBe(5.5 * 500000); // average (500000 + 520000 + 480000) / 3
  });

  it.each([
    ['resignation', 'no_compensation_for_ground'],
    ['mutual_by_worker', 'no_compensation_for_ground'],
  ] as const)('%s: no compensation, %s', (termination, code) => {
    const r = calculate(req({ termination }), PARAMS, 'zh', AS_OF);
    expect(r.items).toEqual([]);
    expect(r.totalFen).toBe(0);
    expect(r.warnings.map((w) => w.code)).toContain(code);
  });

  it('still employed: no severance, limitation note for employment', () => {
    const r = calculate(req({ termination: null, endDate: null }), PARAMS, 'zh', AS_OF);
    expect(r.items).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['still_employed', 'limitation_while_employed']),
    );
  });

  it('an end date without a ground is flagged', () => {
    const r = calculate(req({ termination: null }), PARAMS, 'zh', AS_OF);
    expect(r.warnings.map((w) => w.code)).toContain('termination_ground_missing');
  });

  it('request overrides beat the looked-up parameters', () => {
    const r = calculate(req({ averageWageFen: 400000, minimumWageFen: 100000 }), PARAMS, 'zh', AS_OF);
    expect(r.context!.averageWageFen).toBe(400000);
    expect(r.items[0]!.amountFen).toBe(5.5 * 1200000); // 3 × 4,000 cap
    expect(r.warnings.map((w) => w.code)).toContain('high_wage_cap_applied');
  });

  it('missing parameters are never guessed: warnings name the missing figure', () => {
    const r = calculate(
      req({ injury: { grade: 10, monthlyWageFen: 100000 } }),
      { minimumWageFen: null, averageWageFen: null },
      'zh',
      AS_OF,
    );
    const codes = r.warnings.map((w) => w.code);
    expect(codes).toEqual(expect.arrayContaining(['minimum_wage_missing', 'average_wage_missing']));
    expect(r.items.find((i) => i.code === 'injury_lump_sum')!.amountFen).toBe(700000);
    expect(r.context!.regionName).toBeNull();
  });

  it('limitation: a year from the end of employment, critical when it has passed', () => {
    const soon = calculate(req(), PARAMS, 'zh', { asOf: '2023-07-01' }).warnings.find(
      (w) => w.code === 'limitation_runs_from_end',
    )!;
    expect(soon.severity).toBe('warning');
    // 2024-06-30 is a Sunday: the last day moves to Monday 2024-07-01 (民法典第二百零三条), included
    expect(soon.message).toContain('最迟于 2024-07-01（含当日）');
    const late = calculate(req(), PARAMS, 'zh', { asOf: '2024-05-15' }).warnings.find(
      (w) => w.code === 'limitation_runs_from_end',
    )!;
    expect(late.severity).toBe('critical');
    const onLastDay = calculate(req(), PARAMS, 'zh', { asOf: '2024-07-01' }).warnings.map((w) => w.code);
    expect(onLastDay).toContain('limitation_runs_from_end');
    expect(onLastDay).not.toContain('limitation_expired_risk');
    const expired = calculate(req(), PARAMS, 'zh', { asOf: '2024-07-02' }).warnings.find(
      (w) => w.code === 'limitation_expired_risk',
    )!;
    expect(expired.severity).toBe('critical');
  });

  it('English: explanation and message follow lang; the En fields are always English', () => {
    const r = calculate(req(), PARAMS, 'en', AS_OF);
    expect(r.items[0]!.explanation).toBe(r.items[0]!.explanationEn);
    expect(r.items[0]!.explanation).toContain('¥77,418.00');
    expect(r.warnings.every((w) => w.message === w.messageEn)).toBe(true);
    const zh = calculate(req(), PARAMS, undefined, AS_OF);
    expect(zh.items[0]!.explanation).toContain('元');
  });

  it('the lower-level API keeps both languages', () => {
    const e = calculateEngine(req(), PARAMS, AS_OF);
    expect(e.items[0]!.explanation.zh).toContain('元');
    expect(e.items[0]!.explanation.en).toContain('¥');
    expect(e.totalFen).toBe(7741800);
  });

  it('defaults asOf to a real date when not injected', () => {
    const r = calculate(req(), PARAMS);
    expect(r.context!.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
