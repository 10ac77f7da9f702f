// The legal corrections of the labor-law engine, through POST /api/labor-law/calculate: each
// case is written from the statute's wording, at its boundary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { newAccount, newAdmin } from '../support/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  t.clock.now = new Date('2021-06-30T02:00:00Z');
});
afterAll(() => t.close());

interface Answer {
  items: { code: string; amountFen: number; explanation: string; basis: string[]; detail?: Record<string, unknown> }[];
  warnings: { code: string; severity: string; message: string }[];
  totalFen: number;
}
async function calc(body: Record<string, unknown>): Promise<Answer> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/labor-law/calculate',
    payload: { regionCode: '442000', ...body },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const item = (a: Answer, code: string) => a.items.find((i) => i.code === code);
const codes = (a: Answer) => a.warnings.map((w) => w.code);

/** ¥5,000 a month through 2020, ¥15,000 from January 2021 to March 2021. */
const RAISED = [
  ...Array.from({ length: 12 }, (_, i) => ({ month: `2020-${String(i + 1).padStart(2, '0')}`, fen: 500_000 })),
  { month: '2021-01', fen: 1_500_000 },
  { month: '2021-02', fen: 1_500_000 },
  { month: '2021-03', fen: 1_500_000 },
];

describe('1. double wages at each month’s own wage (劳动合同法第八十二条; 实施条例第六条、第七条)', () => {
  it('the issue’s worker: 11 × ¥5,000 = ¥55,000, not 11 × the average before leaving', async () => {
    const a = await calc({
      hireDate: '2020-01-01',
      endDate: '2021-03-31',
      termination: 'resignation',
      wageHistory: RAISED,
      contractSignedDate: null,
    });
    expect(item(a, 'double_wage_no_contract')!.amountFen).toBe(5_500_000);
    expect(codes(a)).not.toContain('double_wage_flat_wage');
  });
  it('with only the average wage, uses it for each month and says so', async () => {
    const a = await calc({
      hireDate: '2020-01-01',
      endDate: '2021-03-31',
      termination: 'resignation',
      monthlyWageFen: 750_000,
      contractSignedDate: null,
    });
    expect(item(a, 'double_wage_no_contract')!.amountFen).toBe(11 * 750_000);
    expect(codes(a)).toContain('double_wage_flat_wage');
  });
});

describe('2. pay in lieu of notice at the previous month’s wage (实施条例第二十条), whole months for the average', () => {
  // ¥6,000 a month, then a raise to ¥8,000 in February 2021; dismissed under art. 40 on 2021-03-10,
  // paid ¥2,000 for the ten days of March
  const history = [
    ...Array.from({ length: 11 }, (_, i) => ({
      month: i < 10 ? `2020-${String(i + 3).padStart(2, '0')}` : '2021-01',
      fen: 600_000,
    })),
    { month: '2021-02', fen: 800_000 },
    { month: '2021-03', fen: 200_000 },
  ];
  it('pays February’s ¥8,000, not March’s part month nor the average', async () => {
    const a = await calc({
      hireDate: '2019-01-01',
      endDate: '2021-03-10',
      termination: 'art40',
      noNoticeGiven: true,
      wageHistory: history,
    });
    expect(item(a, 'notice_pay')!.amountFen).toBe(800_000);
    expect(item(a, 'notice_pay')!.explanation).toContain('上一个月即 2021-02 的工资');
  });
  it('leaves the part month out of the art. 47 average: 11 × 6,000 + 8,000 over 12 months', async () => {
    const a = await calc({ hireDate: '2019-01-01', endDate: '2021-03-10', termination: 'art40', wageHistory: history });
    // 2 y 2 m 10 d → 2.5 months × (74,000 ÷ 12)
    expect(item(a, 'economic_compensation')!.amountFen).toBe(Math.round((2.5 * (11 * 600_000 + 800_000)) / 12));
    expect(codes(a)).toContain('wage_history_partial_month');
  });
});

describe('3. unused leave for a leaver: subtract, then drop the part below a day (实施办法第十二条)', () => {
  it('181 ÷ 365 × 10 − 0.5 = 4.46 → 4 days; declining in writing removes the 200 % (第十条第二款)', async () => {
    const base = {
      hireDate: '2010-01-01',
      endDate: '2021-06-30',
      termination: 'resignation',
      monthlyWageFen: 1_407_600,
    };
    const a = await calc({ ...base, annualLeave: { year: 2021, cumulativeWorkYears: 12, daysTaken: 0.5 } });
    expect(item(a, 'annual_leave_pay')!.detail!.days).toBe('4');
    const declined = await calc({
      ...base,
      annualLeave: { year: 2021, cumulativeWorkYears: 12, daysTaken: 0.5, declinedInWriting: true },
    });
    expect(item(declined, 'annual_leave_pay')).toBeUndefined();
    expect(codes(declined)).toContain('annual_leave_declined_in_writing');
  });
});

describe('4. an art. 38 resignation with service before 2008 (第九十七条第三款; 法释〔2001〕14号第十五条)', () => {
  const base = { hireDate: '2005-03-10', endDate: '2021-03-31', termination: 'art38', monthlyWageFen: 500_000 };
  it('counts the earlier years for wages withheld, not for missing social insurance', async () => {
    // before 2008: 3 months (part year = year); from 2008: 13 y 3 m → 13.5
    const withheld = await calc({ ...base, art38Reason: 'wage_withheld_or_delayed' });
    expect(item(withheld, 'economic_compensation')!.amountFen).toBe(16.5 * 500_000);
    const insurance = await calc({ ...base, art38Reason: 'no_social_insurance' });
    expect(item(insurance, 'economic_compensation')!.amountFen).toBe(13.5 * 500_000);
    expect(codes(insurance)).toContain('pre_2008_art38_not_compensated');
  });
  it('without the reason (older callers) counts from 2008 and names what the earlier years add', async () => {
    const a = await calc(base);
    expect(item(a, 'economic_compensation')!.amountFen).toBe(13.5 * 500_000);
    expect(a.warnings.find((w) => w.code === 'pre_2008_art38_reason_missing')!.message).toContain('15,000.00 元');
  });
  it('refuses a reason without the art. 38 ground, naming the field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/labor-law/calculate',
      payload: { ...base, regionCode: '442000', termination: 'art40', art38Reason: 'forced_labour' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('art38Reason');
  });
});

describe('5. limitation dates off holidays, from the platform calendar (民法典第二百零三条)', () => {
  it('moves the last day off a holiday, and follows a correction staff enter', async () => {
    // ended 2020-10-01: 2021-10-01 is in the National Day holiday → 2021-10-08
    const a = await calc({
      hireDate: '2019-01-01',
      endDate: '2020-10-01',
      termination: 'resignation',
      monthlyWageFen: 500_000,
    });
    expect(a.warnings.find((w) => w.code === 'limitation_runs_from_end')!.message).toContain(
      '最迟于 2021-10-08（含当日）',
    );
    const admin = await newAdmin(t);
    const set = await admin.request({
      method: 'PUT',
      url: '/api/disputes/calendar-overrides',
      payload: { date: '2021-10-08', kind: 'holiday', note: '台风停工（测试）' },
    });
    expect(set.statusCode, set.body).toBe(200);
    const b = await calc({
      hireDate: '2019-01-01',
      endDate: '2020-10-01',
      termination: 'resignation',
      monthlyWageFen: 500_000,
    });
    // 10-09 is a Saturday made a working day in 2021
    expect(b.warnings.find((w) => w.code === 'limitation_runs_from_end')!.message).toContain(
      '最迟于 2021-10-09（含当日）',
    );
  });
});

describe('6. the injury floor and cap use the pooling area’s average wage (工伤保险条例第六十四条)', () => {
  it('uses the figure staff enter for the pooling area, and names it', async () => {
    const injury = { grade: 10, monthlyWageFen: 3_000_000 };
    const req = {
      hireDate: '2015-01-01',
      endDate: null,
      termination: null,
      monthlyWageFen: 3_000_000,
      averageWageFen: 800_000,
    };
    const before = await calc({ ...req, injury });
    expect(item(before, 'injury_lump_sum')!.amountFen).toBe(7 * 3 * 800_000);
    expect(codes(before)).toContain('injury_pooling_wage_missing');
    const union = await newAccount(t, { role: 'union_staff', regionCode: '442000' });
    const res = await union.post('/api/labor-law/params', {
      regionCode: '442000',
      kind: 'injury_pooling_wage_monthly',
      effectiveFrom: '2020-07-01',
      amountFen: 700_000,
      source: '中山市社会保险基金管理局（测试）',
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await calc({ ...req, injury });
    expect(item(after, 'injury_lump_sum')!.amountFen).toBe(7 * 3 * 700_000);
    expect(item(after, 'injury_lump_sum')!.explanation).toContain('统筹地区职工月平均工资（');
    expect(codes(after)).not.toContain('injury_pooling_wage_missing');
  });
});
