import ExcelJS from 'exceljs';
import { docxText, pdfText } from '../../server/modules/disputes/documents/test-support.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeeLine } from '../../contracts/fee-refunds/runs.js';
import type { FeeStats } from '../../contracts/fee-refunds/stats.js';
import { addDays } from '../../contracts/dates.js';
import { agent, createTestApp, loginAs, type Agent, type TestApp } from '../support/app.js';
import { bankResultCsv, type BankResultRow } from '../support/bank-files.js';
import {
  collectionRow,
  creditRow,
  feeImported,
  HUQIU_OFFICE,
  type Cells,
  jiangsuRefundStaff,
  firstLineOf,
  inCounty,
  usccOf,
  XUANWU_OFFICE,
} from '../support/fee-refunds.js';
import { FACTORY_PASSWORD, newAccount, type LoggedIn } from '../support/factories.js';
import { multipartBody } from '../support/imports.js';

// The statistics of fee refunds through HTTP: two counties of two cities, one run, one batch
// approved by two people, the bank paying some lines (one late), returning one; the figures per
// city and county to the fen, the overdue lines after their due date, the biweekly workbook.

let t: TestApp;
let maker: LoggedIn;
let checker: LoggedIn;
let judge: LoggedIn;
let nanjing: LoggedIn;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  ({ maker, checker } = await jiangsuRefundStaff(t));
  judge = await newAccount(t, { role: 'judge', regionCode: '320000' });
  nanjing = await newAccount(t, { role: 'union_staff', regionCode: '320100' });
});
afterAll(() => t.close());

const uscc = usccOf;
const lineOf = (e: Cells) => firstLineOf(maker, e);

async function bankSays(rows: BankResultRow[], who: Agent = maker) {
  const res = await who.request({
    method: 'POST',
    url: '/api/fee-refunds/bank-returns',
    ...multipartBody({}, 'result.csv', Buffer.from(bankResultCsv(rows))),
  });
  expect(res.statusCode, res.body).toBe(200);
}

async function stats(query: string, who: LoggedIn = maker): Promise<FeeStats> {
  const res = await who.get(`/api/fee-refunds/stats?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<FeeStats>();
}

describe('fee refunds: statistics', () => {
  // 玄武区 (南京市): A paid on time, B still in the batch, H without a union (held).
  const a = inCounty('320102', '甲企业');
  const b = inCounty('320102', '乙企业');
  const h = inCounty('320102', null);
  // 虎丘区 (苏州市): C paid after its due date, D returned by the bank.
  const c = inCounty('320505', '丙企业');
  const d = inCounty('320505', '丁企业');
  let dueOn: string;

  beforeAll(async () => {
    const date = '2024-04-15';
    const collections = [
      collectionRow(uscc(a), '100.00', { 征收税务机关: XUANWU_OFFICE, 所属区划代码: '320102' }),
      collectionRow(uscc(b), '200.00', { 征收税务机关: XUANWU_OFFICE, 所属区划代码: '320102' }),
      collectionRow(uscc(h), '150.00', { 征收税务机关: XUANWU_OFFICE, 所属区划代码: '320102' }),
      collectionRow(uscc(c), '300.00'),
      collectionRow(uscc(d), '400.00'),
      // Another year: in neither side of 2024.
      collectionRow(uscc(a), '999.00', { 入库日期: '2023-12-20', 征收税务机关: XUANWU_OFFICE, 所属区划代码: '320102' }),
    ];
    expect((await feeImported(t, maker, 'enterprises', [a, b, h, c, d])).rowsRejected).toBe(0);
    expect((await feeImported(t, maker, 'tax', collections)).rowsRejected).toBe(0);
    const credits = [
      creditRow('450.00', { 付款方名称: XUANWU_OFFICE }),
      creditRow('700.00', { 付款方名称: HUQIU_OFFICE }),
    ];
    expect((await feeImported(t, maker, 'bank_credits', credits)).rowsRejected).toBe(0);
    const run = await maker.post('/api/fee-refunds/runs', { regionCode: '320000', month: date.slice(0, 7) });
    expect(run.statusCode, run.body).toBe(200);
    const batchId = run.json<{ batches: { id: string }[] }>().batches[0]!.id;
    expect((await maker.post(`/api/fee-refunds/batches/${batchId}/submit`)).statusCode).toBe(200);
    expect((await checker.post(`/api/fee-refunds/batches/${batchId}/approve`)).statusCode).toBe(200);

    const [lineA, lineC, lineD] = [await lineOf(a), await lineOf(c), await lineOf(d)];
    dueOn = lineA.dueOn;
    expect([lineC.dueOn, lineD.dueOn, (await lineOf(b)).dueOn]).toEqual([dueOn, dueOn, dueOn]);
    const id = (l: FeeLine) => l.payments[0]!.endToEndId;
    await bankSays([
      { endToEndId: id(lineA), status: '成功' },
      { endToEndId: id(lineD), status: '退回', reason: '账户已销户' },
    ]);
    // Forty days on, after the due date (a session of today would have expired by then).
    t.clock.now = new Date(Date.now() + 40 * 86_400_000);
    const later = await loginAs(t.app, maker.username, FACTORY_PASSWORD);
    await bankSays([{ endToEndId: id(lineC), status: '成功' }], later);
    t.clock.now = new Date();
    expect((await lineOf(c)).paidOn! > dueOn).toBe(true);
  });

  const nanjingFigures = {
    enterprisesPaid: 3,
    collectedFen: 45_000,
    enterprisesDue: 2,
    dueFen: 30_000,
    enterprisesRefunded: 1,
    refundedFen: 10_000,
    rateByCount: 0.5,
    rateByAmount: 1 / 3,
    pendingFen: 20_000 + 15_000,
    heldFen: 15_000,
    overdueLines: 1,
    overdueFen: 20_000,
    onTimeRate: 1,
  };
  const suzhouFigures = {
    enterprisesPaid: 2,
    collectedFen: 70_000,
    enterprisesDue: 2,
    dueFen: 70_000,
    enterprisesRefunded: 1,
    refundedFen: 30_000,
    rateByCount: 0.5,
    rateByAmount: 3 / 7,
    pendingFen: 40_000,
    heldFen: 0,
    overdueLines: 1,
    overdueFen: 40_000,
    onTimeRate: 0,
  };

  it('gives a province’s cities to the fen, and a total that is their sum', async () => {
    const asOf = addDays(dueOn, 1);
    const s = await stats(`regionCode=320000&year=2024&asOf=${asOf}`);
    expect(s).toMatchObject({ regionCode: '320000', year: 2024, asOf });
    expect(s.rows).toEqual([
      { regionCode: '320100', regionName: '南京市', ...nanjingFigures },
      { regionCode: '320500', regionName: '苏州市', ...suzhouFigures },
    ]);
    expect(s.total).toEqual({
      regionCode: '320000',
      regionName: '江苏省',
      enterprisesPaid: 5,
      collectedFen: 115_000,
      enterprisesDue: 4,
      dueFen: 100_000,
      enterprisesRefunded: 2,
      refundedFen: 40_000,
      rateByCount: 0.5,
      rateByAmount: 0.4,
      pendingFen: 75_000,
      heldFen: 15_000,
      overdueLines: 2,
      overdueFen: 60_000,
      onTimeRate: 0.5,
    });
    const additive = ['enterprisesPaid', 'collectedFen', 'dueFen', 'refundedFen', 'pendingFen', 'overdueFen'] as const;
    for (const key of additive) expect(s.total[key]).toBe(s.rows.reduce((sum, r) => sum + r[key], 0));
  });

  it('counts nothing overdue on or before the due date, and another year as empty', async () => {
    const onDue = await stats(`regionCode=320000&year=2024&asOf=${dueOn}`);
    expect(onDue.total).toMatchObject({ overdueLines: 0, overdueFen: 0, pendingFen: 75_000 });
    const today = await stats('regionCode=320000&year=2024');
    expect(today.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const y2023 = await stats('regionCode=320000&year=2023');
    expect(y2023.total).toMatchObject({
      enterprisesPaid: 1,
      collectedFen: 99_900,
      enterprisesDue: 0,
      rateByCount: null,
    });
    expect(y2023.total.onTimeRate).toBeNull();
    expect((await stats('regionCode=320000&year=2022')).rows).toEqual([]);
  });

  it('gives a city its counties, and a county itself', async () => {
    const asOf = addDays(dueOn, 1);
    const city = await stats(`regionCode=320100&year=2024&asOf=${asOf}`, nanjing);
    expect(city.rows).toEqual([{ regionCode: '320102', regionName: '玄武区', ...nanjingFigures }]);
    expect(city.total).toEqual({ regionCode: '320100', regionName: '南京市', ...nanjingFigures });
    const county = await stats(`regionCode=320505&year=2024&asOf=${asOf}`);
    expect(county.rows).toEqual([{ regionCode: '320505', regionName: '虎丘区', ...suzhouFigures }]);
  });

  it('refuses those without the right or outside the region, and a bad query', async () => {
    expect((await agent(t.app).get('/api/fee-refunds/stats?regionCode=320000&year=2024')).statusCode).toBe(401);
    expect((await judge.get('/api/fee-refunds/stats?regionCode=320000&year=2024')).statusCode).toBe(403);
    expect((await nanjing.get('/api/fee-refunds/stats?regionCode=320500&year=2024')).statusCode).toBe(403);
    expect((await nanjing.get('/api/fee-refunds/stats?regionCode=320000&year=2024')).statusCode).toBe(403);
    expect((await nanjing.get('/api/fee-refunds/stats/biweekly.xlsx?regionCode=320000&year=2024')).statusCode).toBe(
      403,
    );
    for (const bad of ['year=24x', 'year=1999', 'year=2024&asOf=2024-02-30', 'year=']) {
      const res = await maker.get(`/api/fee-refunds/stats?regionCode=320000&${bad}`);
      expect(res.statusCode, bad).toBe(400);
    }
    expect((await maker.get('/api/fee-refunds/stats?regionCode=32&year=2024')).statusCode).toBe(400);
  });

  it('writes the biweekly table: cities, their counties indented, the total', async () => {
    const asOf = addDays(dueOn, 1);
    const started = Date.now();
    const res = await maker.get(`/api/fee-refunds/stats/biweekly.xlsx?regionCode=320000&year=2024&asOf=${asOf}`);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(String(sheet.getCell('A1').value)).toBe(`江苏省2024年工会经费返还双周统计表（截至${asOf}）`);
    expect(values(2)).toEqual([
      '地区',
      '缴费企业数',
      '征收金额（元）',
      '应返还企业数',
      '应返还金额（元）',
      '已返还企业数',
      '已返还金额（元）',
      '返还率（按户数）',
      '返还率（按金额）',
      '待返还金额（元）',
      '逾期笔数',
      '逾期金额（元）',
    ]);
    expect(values(3)).toEqual(['南京市', 3, 450, 2, 300, 1, 100, 0.5, 1 / 3, 350, 1, 200]);
    expect(values(4)[0]).toBe('玄武区');
    expect(sheet.getCell('A4').alignment).toMatchObject({ indent: 1 });
    expect(values(5)).toEqual(['苏州市', 2, 700, 2, 700, 1, 300, 0.5, 3 / 7, 400, 1, 400]);
    expect(values(6)[0]).toBe('虎丘区');
    expect(values(7)).toEqual(['合计', 5, 1150, 4, 1000, 2, 400, 0.5, 0.4, 750, 2, 600]);
    expect(sheet.getCell('C7').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('H7').numFmt).toBe('0.0%');
    expect(sheet.rowCount).toBe(7);
  });

  it('writes the quarterly circular and the weekly report, ranking the cities, as PDF and DOCX', async () => {
    const pdf = await maker.get('/api/fee-refunds/stats/report?kind=quarterly&regionCode=320000&year=2024&quarter=4');
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text.flat).toContain('关于江苏省2024年第四季度小微企业工会经费返还工作情况的通报');
    expect(text.flat).toContain('按户数返还率50.0%');
    // Ranked: the two cities tie by count; Suzhou returns more of its amount (3/7 > 1/3).
    expect(text.flat.indexOf('苏州市')).toBeLessThan(text.flat.indexOf('南京市'));
    const docx = await maker.get(
      '/api/fee-refunds/stats/report?kind=weekly&regionCode=320000&year=2024&asOf=2024-12-20&format=docx',
    );
    expect(docx.statusCode, docx.body).toBe(200);
    const doc = await docxText(docx.rawPayload);
    expect(doc.flat).toContain('江苏省小微企业工会经费返还工作周报（截至2024年12月20日）');
    expect(doc.flat).toContain('江苏省总工会');
    const noQuarter = await maker.get('/api/fee-refunds/stats/report?kind=quarterly&regionCode=320000&year=2024');
    expect(noQuarter.statusCode).toBe(400);
    expect(noQuarter.json()).toMatchObject({ field: 'quarter' });
    expect((await judge.get('/api/fee-refunds/stats/report?kind=weekly&regionCode=320000&year=2024')).statusCode).toBe(
      403,
    );
  });
});
