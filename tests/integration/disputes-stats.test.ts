import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_HISTORY, writeHistory } from '../../server/seed/disputes-history.js';
import { generateDemo } from '../../server/seed/demo-data.js';
import { historyRefs } from '../../server/seed/demo.js';
import { createTestApp, loginAs, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demoScale: 0.05 });
  await writeHistory(t.deps, historyRefs(generateDemo(0.05), t.ids!), SEED_HISTORY);
}, 120_000);
afterAll(() => t.close());

describe('statistics reproduce the seed page’s headline figures', () => {
  it('7,729 cases received from December 2017 to December 2022, ¥52.5 million settled', async () => {
    const union = await loginAs(t.app, 'zs_union');
    const res = await union.get('/api/disputes/stats?dimension=year&from=2017-12-01&to=2022-12-31');
    expect(res.statusCode, res.body).toBe(200);
    const { totals, rows } = res.json();
    expect(totals.received).toBe(7729);
    expect(totals.settledFen).toBe(5_250_000_000);
    expect(rows.map((r: { key: string }) => r.key)).toEqual(['2017', '2018', '2019', '2020', '2021', '2022']);
    expect(rows.reduce((s: number, r: { received: number }) => s + r.received, 0)).toBe(7729);
    expect(totals.successRate).toBeGreaterThan(50);
    expect(totals.avgDaysToAgreement).toBeGreaterThan(0);
    expect(totals.avgDaysToRuling).toBeGreaterThanOrEqual(totals.avgDaysToAgreement);
  });

  it('puts every year of the range on the axis, with zeros where nothing happened', async () => {
    const union = await loginAs(t.app, 'zs_union');
    const res = await union.get('/api/disputes/stats?dimension=year&from=2015-01-01&to=2022-12-31');
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().rows as { key: string; received: number }[];
    expect(rows.map((r) => r.key)).toEqual(['2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022']);
    expect(rows.slice(0, 2).map((r) => r.received)).toEqual([0, 0]);
    expect(rows.reduce((s, r) => s + r.received, 0)).toBe(res.json().totals.received);
  });

  it('refuses a date range that ends before it starts, naming the end date, in the table and the workbook', async () => {
    const union = await loginAs(t.app, 'zs_union');
    for (const url of [
      '/api/disputes/stats?from=2022-12-31&to=2017-12-01',
      '/api/disputes/stats.xlsx?from=2022-12-31&to=2017-12-01',
    ]) {
      const res = await union.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().field).toBe('to');
      expect(res.json().message).toContain('结束日期不能早于开始日期');
    }
  });

  it('breaks down by court, mediator, sector, claim type and month consistently', async () => {
    const union = await loginAs(t.app, 'zs_union');
    for (const dimension of ['court', 'mediator', 'sector', 'month']) {
      const { rows } = (await union.get(`/api/disputes/stats?dimension=${dimension}`)).json();
      expect(rows.reduce((s: number, r: { received: number }) => s + r.received, 0)).toBe(7729);
      expect(rows.reduce((s: number, r: { settledFen: number }) => s + r.settledFen, 0)).toBe(5_250_000_000);
    }
    const courts = (await union.get('/api/disputes/stats?dimension=court')).json().rows;
    expect(courts).toHaveLength(3);
    const claims = (await union.get('/api/disputes/stats?dimension=claim_type')).json().rows;
    expect(claims.find((r: { key: string }) => r.key === 'wage_arrears').label).toBe('拖欠工资');
  });

  it('a union outside Guangdong sees none of Zhongshan’s cases', async () => {
    const js = await loginAs(t.app, 'js_union');
    expect((await js.get('/api/disputes/stats')).json().totals.received).toBe(0);
  });

  it('the home page carries the two headline figures', async () => {
    const union = await loginAs(t.app, 'zs_union');
    const figures = (await union.get('/api/dashboard')).json().figures;
    expect(figures.find((f: { key: string }) => f.key === 'dispute_cases').value).toBe(7729);
    expect(figures.find((f: { key: string }) => f.key === 'dispute_settled_yuan').value).toBe(52_500_000);
  });

  it('exports the tables as an XLSX workbook', async () => {
    const union = await loginAs(t.app, 'zs_union');
    const res = await union.get('/api/disputes/stats.xlsx');
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('按年度')!;
    const last = sheet.getRow(sheet.rowCount);
    expect(last.getCell(1).value).toBe('合计');
    expect(last.getCell(2).value).toBe(7729);
    expect(last.getCell(6).value).toBe(52_500_000);
    // it says what it counts, over which days, where, and when it was made
    expect(sheet.getRow(1).getCell(1).value).toBe('劳动争议调解统计（按年度）');
    expect(sheet.getRow(2).getCell(1).value).toBe('统计范围：全部期间');
    expect(String(sheet.getRow(3).getCell(1).value)).toMatch(/^地区：.*中山/);
    expect(String(sheet.getRow(4).getCell(1).value)).toMatch(/^生成时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）$/);
    expect(sheet.getRow(6).getCell(1).value).toBe('分组');
  });
});
