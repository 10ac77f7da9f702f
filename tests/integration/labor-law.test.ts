import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { newAccount, newAdmin, newMediator } from '../support/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  t.clock.now = new Date('2024-03-01T02:00:00Z');
});
afterAll(() => t.close());

const calc = (body: unknown, lang = 'zh') =>
  t.app.inject({ method: 'POST', url: `/api/labor-law/calculate?lang=${lang}`, payload: body as object });

describe('POST /api/labor-law/calculate', () => {
  it('computes economic compensation for a Zhongshan layoff without login, naming the statute', async () => {
    const res = await calc({
      regionCode: '442000',
      hireDate: '2018-09-01',
      endDate: '2024-02-27',
      termination: 'art41',
      monthlyWageFen: 650_000,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const item = body.items.find((i: { code: string }) => i.code === 'economic_compensation');
    // 5 years, 5 months and 27 days (first and last day both worked) → 5.5 months × 6,500.00
    expect(item.amountFen).toBe(3_575_000);
    expect(item.basis.join()).toContain('劳动合同法第四十七条');
    expect(item.explanation).toContain('5.5 个月');
    // One more day completes the sixth month, and the remainder then counts as a full year.
    const later = (
      await calc({
        regionCode: '442000',
        hireDate: '2018-09-01',
        endDate: '2024-02-29',
        termination: 'art41',
        monthlyWageFen: 650_000,
      })
    ).json();
    expect(later.items[0].amountFen).toBe(3_900_000);
    expect(body.totalFen).toBe(body.items.reduce((s: number, i: { amountFen: number }) => s + i.amountFen, 0));
  });

  it('raises a wage below the local minimum wage in force on the end date (Zhongshan 1,900 from 2021-12-01)', async () => {
    const res = await calc({
      regionCode: '442000',
      hireDate: '2022-01-10',
      endDate: '2024-01-09',
      termination: 'art40',
      monthlyWageFen: 150_000,
    });
    const item = res.json().items.find((i: { code: string }) => i.code === 'economic_compensation');
    expect(item.amountFen).toBe(2 * 190_000);
    expect(res.json().context.minimumWageFen).toBe(190_000);
  });

  it('uses the older minimum wage for an earlier end date', async () => {
    const res = await calc({
      regionCode: '442000',
      hireDate: '2019-01-01',
      endDate: '2020-12-31',
      termination: 'art40',
      monthlyWageFen: 100_000,
    });
    expect(res.json().context.minimumWageFen).toBe(172_000);
  });

  it('says the local average wage is missing instead of guessing the 3× cap', async () => {
    const res = await calc({
      regionCode: '442000',
      hireDate: '2010-01-01',
      endDate: '2024-01-01',
      termination: 'art41',
      monthlyWageFen: 6_000_000,
    });
    expect(res.statusCode).toBe(200);
    const text = JSON.stringify(res.json().warnings);
    expect(text).toMatch(/平均工资/);
  });

  it('applies the 3× average cap and the 12-year cap with Shanghai’s published average', async () => {
    const res = await calc({
      regionCode: '310104',
      hireDate: '2008-01-01',
      endDate: '2023-12-31',
      termination: 'mutual_by_employer',
      monthlyWageFen: 5_000_000,
    });
    const item = res.json().items.find((i: { code: string }) => i.code === 'economic_compensation');
    expect(item.amountFen).toBe(12 * 3 * 1_218_300);
  });

  it('answers in English when asked', async () => {
    const res = await calc(
      {
        regionCode: '442000',
        hireDate: '2020-01-01',
        endDate: '2023-12-31',
        termination: 'unlawful',
        monthlyWageFen: 800_000,
      },
      'en',
    );
    const item = res.json().items[0];
    expect(item.code).toBe('unlawful_termination_compensation');
    expect(item.amountFen).toBe(2 * 4 * 800_000);
    expect(item.explanation).toMatch(/months/);
  });

  it('rejects bad input with a 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [
        { regionCode: '4420', hireDate: '2020-01-01', endDate: null, termination: null, monthlyWageFen: 1 },
        'regionCode',
      ],
      [
        { regionCode: '442000', hireDate: '2020-02-30', endDate: null, termination: null, monthlyWageFen: 1 },
        'hireDate',
      ],
      [
        {
          regionCode: '442000',
          hireDate: '2020-01-01',
          endDate: '2019-01-01',
          termination: 'art40',
          monthlyWageFen: 1,
        },
        'endDate',
      ],
      [
        { regionCode: '442000', hireDate: '2020-01-01', endDate: null, termination: null, monthlyWageFen: 1.5 },
        'monthlyWageFen',
      ],
      [
        { regionCode: '442000', hireDate: '2020-01-01', endDate: null, termination: 'fired', monthlyWageFen: 1 },
        'termination',
      ],
    ];
    for (const [body, field] of cases) {
      const res = await calc(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().field).toBe(field);
    }
  });

  it('refuses an unknown region code', async () => {
    const res = await calc({
      regionCode: '999999',
      hireDate: '2020-01-01',
      endDate: null,
      termination: null,
      monthlyWageFen: 1,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('regionCode');
  });
});

describe('unpaid wages (劳动法第五十条; 劳动合同法第三十条)', () => {
  it('counts each unpaid month as entered, first among the items, and adds it to the total', async () => {
    const res = await calc({
      regionCode: '442000',
      hireDate: '2022-03-01',
      endDate: '2024-01-31',
      termination: 'art38',
      art38Reason: 'wage_withheld_or_delayed',
      monthlyWageFen: 600_000,
      unpaidWages: [
        { month: '2023-11', fen: 600_000 },
        { month: '2023-12', fen: 600_000 },
        { month: '2024-01', fen: 250_000 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.items[0].code).toBe('unpaid_wages');
    expect(body.items[0].amountFen).toBe(1_450_000);
    expect(body.items[0].explanation).toContain('2023-11 至 2023-12 每月 6,000.00 元 × 2 + 2024-01 2,500.00 元');
    // 1 y 11 m → 2 months of economic compensation as well
    expect(body.totalFen).toBe(1_450_000 + 2 * 600_000);
    expect(body.warnings.map((w: { code: string }) => w.code)).toContain('unpaid_wages_bureau_penalty');
  });

  it('refuses a month outside the employment, naming the row', async () => {
    const res = await calc({
      regionCode: '442000',
      hireDate: '2022-03-01',
      endDate: '2024-01-31',
      termination: 'resignation',
      monthlyWageFen: 600_000,
      unpaidWages: [
        { month: '2024-01', fen: 600_000 },
        { month: '2024-02', fen: 600_000 },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('unpaidWages.1.month');
  });
});

describe('local wage figures', () => {
  it('lets union staff add a figure in their region, audited, and the engine uses it', async () => {
    const union = await newAccount(t, { role: 'union_staff', regionCode: '442000' });
    const res = await union.post('/api/labor-law/params', {
      regionCode: '442000',
      kind: 'average_wage_monthly',
      effectiveFrom: '2023-07-01',
      amountFen: 800_000,
      source: '中山市统计局（测试）',
    });
    expect(res.statusCode, res.body).toBe(200);
    const calcRes = await calc({
      regionCode: '442000',
      hireDate: '2010-01-01',
      endDate: '2024-01-01',
      termination: 'art41',
      monthlyWageFen: 6_000_000,
    });
    const item = calcRes.json().items.find((i: { code: string }) => i.code === 'economic_compensation');
    expect(item.amountFen).toBe(12 * 3 * 800_000);
    const admin = await newAdmin(t);
    expect((await admin.get(`/api/audit?entityType=labor_param&entityId=${res.json().id}`)).json().total).toBe(1);
  });

  it('refuses edits outside the staff member’s region and by other roles', async () => {
    const union = await newAccount(t, { role: 'union_staff', regionCode: '442000' });
    const other = await union.post('/api/labor-law/params', {
      regionCode: '310000',
      kind: 'minimum_wage_monthly',
      effectiveFrom: '2025-07-01',
      amountFen: 274_000,
      source: '上海',
    });
    expect(other.statusCode).toBe(403);
    const mediator = await newMediator(t);
    const denied = await mediator.post('/api/labor-law/params', {
      regionCode: '442000',
      kind: 'minimum_wage_monthly',
      effectiveFrom: '2025-07-01',
      amountFen: 200_000,
      source: '中山',
    });
    expect(denied.statusCode).toBe(403);
  });

  it('refuses a figure dated on a day that does not exist, naming the field, and answers a new figure as lists show it', async () => {
    const union = await newAccount(t, { role: 'union_staff', regionCode: '442000' });
    const figure = {
      regionCode: '442000',
      kind: 'minimum_wage_monthly',
      effectiveFrom: '2025-02-30',
      amountFen: 200_000,
      source: '中山市（测试）',
    };
    const impossible = await union.post('/api/labor-law/params', figure);
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json().field).toBe('effectiveFrom');
    const created = await union.post('/api/labor-law/params', { ...figure, effectiveFrom: '2025-04-01' });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ regionCode: '442000', regionName: '广东省中山市', amountFen: 200_000 });
    expect(created.json()).not.toHaveProperty('createdAt');
  });

  it('lists figures for a region with the province’s figures included', async () => {
    const union = await newAccount(t, { role: 'union_staff', regionCode: '442000' });
    const list = (await union.get('/api/labor-law/params?regionCode=442000')).json();
    expect(list.items.map((r: { amountFen: number }) => r.amountFen)).toEqual(
      expect.arrayContaining([172_000, 190_000]),
    );
    expect(list.canEdit).toBe(true);
  });
});
