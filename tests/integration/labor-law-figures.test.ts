import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { newAccount } from '../support/factories.js';

// The published local figures every installation loads, and what a result says when the table
// has none (or only an old one) for the case's region and date.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  t.clock.now = new Date('2026-03-01T02:00:00Z');
});
afterAll(() => t.close());

interface Warning {
  code: string;
  severity: string;
  message: string;
  messageEn: string;
}

const calc = (body: object) => t.app.inject({ method: 'POST', url: '/api/labor-law/calculate', payload: body });

const layoff = (regionCode: string, endDate: string, monthlyWageFen = 6_000_000) => ({
  regionCode,
  hireDate: '2008-01-01',
  endDate,
  termination: 'art41',
  monthlyWageFen,
});

describe('local figures in a calculation', () => {
  it('uses Zhongshan’s minimum wage of 2025-03-01 from that day, and names its source', async () => {
    const before = (await calc(layoff('442000', '2025-02-28', 100_000))).json();
    expect(before.context.minimumWageFen).toBe(190_000);
    const from = (await calc(layoff('442000', '2025-03-01', 100_000))).json();
    expect(from.context.minimumWageFen).toBe(208_000);
    expect(from.context.figuresOn).toBe('2025-03-01');
    const figure = from.context.figures.find((f: { kind: string }) => f.kind === 'minimum_wage_monthly');
    expect(figure).toMatchObject({ regionCode: '442000', effectiveFrom: '2025-03-01', amountFen: 208_000 });
    expect(figure.source).toContain('粤府函〔2025〕23号');
    // The floor raises a 1,000.00 wage to the minimum in force: 17 years and 2 months → 17.5 months.
    const item = from.items.find((i: { code: string }) => i.code === 'economic_compensation');
    expect(item.amountFen).toBe(17.5 * 208_000);
  });

  it('caps compensation at 3× the Zhongshan average wage in force, switching on its publication date', async () => {
    const union = await newAccount(t, { role: 'union_staff', regionCode: '442000' });
    for (const [effectiveFrom, amountFen] of [
      ['2024-06-15', 850_000],
      ['2025-06-20', 900_000],
    ] as const) {
      const res = await union.post('/api/labor-law/params', {
        regionCode: '442000',
        kind: 'average_wage_monthly',
        effectiveFrom,
        amountFen,
        source: '中山市统计局（测试数据）',
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const dayBefore = (await calc(layoff('442000', '2025-06-19'))).json();
    expect(dayBefore.context.averageWageFen).toBe(850_000);
    expect(dayBefore.items[0].amountFen).toBe(12 * 3 * 850_000);
    const published = (await calc(layoff('442000', '2025-06-20'))).json();
    expect(published.context.averageWageFen).toBe(900_000);
    expect(published.items[0].amountFen).toBe(12 * 3 * 900_000);
    expect(published.warnings.map((w: Warning) => w.code)).toContain('high_wage_cap_applied');
    expect(published.warnings.map((w: Warning) => w.code)).not.toContain('average_wage_outdated');
    // Still the 2025 figure at the calculation date (2026-03-01), with no newer one due yet.
    const employed = (await calc({ ...layoff('442000', '2026-02-27') })).json();
    expect(employed.context.averageWageFen).toBe(900_000);
  });

  it('names the missing figures, the region and the date when the table has none in force', async () => {
    const res = await calc(layoff('632801', '2025-05-31'));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.context.averageWageFen).toBeNull();
    expect(body.context.figures).toEqual([]);
    const average = body.warnings.find((w: Warning) => w.code === 'average_wage_missing');
    expect(average.message).toContain('格尔木市在 2025-05-31 有效的上年度职工月平均工资');
    expect(average.messageEn).toContain('on 2025-05-31');
    const minimum = body.warnings.find((w: Warning) => w.code === 'minimum_wage_missing');
    expect(minimum.message).toContain('月最低工资标准');
  });

  it('names the missing minimum wage for a date before the earliest published one', async () => {
    const body = (await calc(layoff('442000', '2018-06-30', 100_000))).json();
    expect(body.context.minimumWageFen).toBeNull();
    const minimum = body.warnings.find((w: Warning) => w.code === 'minimum_wage_missing');
    expect(minimum.message).toContain('广东省中山市在 2018-06-30 有效的月最低工资标准');
  });

  it('warns that the average wage in force is out of date when none newer is held', async () => {
    // Shanghai’s latest average in the table is from 2023-07-01: fine until 2024-10-01, old from 2024-10-02.
    const fresh = (await calc(layoff('310000', '2024-10-01'))).json();
    expect(fresh.warnings.map((w: Warning) => w.code)).not.toContain('average_wage_outdated');
    const old = (await calc(layoff('310000', '2024-10-02'))).json();
    const outdated = old.warnings.find((w: Warning) => w.code === 'average_wage_outdated');
    expect(outdated.severity).toBe('warning');
    expect(outdated.message).toContain('2023-07-01 起');
    expect(old.context.averageWageFen).toBe(1_218_300);
  });
});
