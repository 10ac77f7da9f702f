import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeeImport, FeeReconciliation, FeeReconciliationGroup } from '../../contracts/fee-refunds/responses.js';
import { isReconciled, reconciledPairs } from '../../server/modules/fee-refunds/bank/reconciliation.js';
import { feeBankCredits } from '../../server/modules/fee-refunds/tables.js';
import { agent, createTestApp, type Agent, type TestApp } from '../support/app.js';
import { newAccount, uniqueUscc, type LoggedIn } from '../support/factories.js';
import { csvFile, multipartBody } from '../support/imports.js';

// The bank's credits (kind=bank_credits) through the fee-refund HTTP API, and the reconciliation
// of the tax data with them by (tax office, date). Jiangsu's province union imports; Suzhou's
// city union sees its own part; a judge has no fee-refund permission.

let t: TestApp;
let js: LoggedIn;
let suzhou: LoggedIn;
let judge: LoggedIn;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  js = await newAccount(t, { role: 'union_staff', regionCode: '320000' });
  suzhou = await newAccount(t, { role: 'union_staff', regionCode: '320500' });
  judge = await newAccount(t, { role: 'judge', regionCode: '320000' });
});
afterAll(() => t.close());

// The headers in another order than the template's, with a column the import ignores.
const HEADERS = ['流水号', '付款方名称', '入账日期', '金额', '摘要'] as const;
type Cells = Partial<Record<(typeof HEADERS)[number], string>>;

let serial = 0;
const nextSerial = () => `B${String(Date.now() % 1e9).padStart(9, '0')}${String(++serial).padStart(5, '0')}`;

/** A credit from 虎丘区's tax office: ¥200.00 on 2024-04-15. */
function credit(over: Cells = {}): Cells {
  return {
    流水号: nextSerial(),
    付款方名称: '国家税务总局苏州市虎丘区税务局',
    入账日期: '2024-04-15',
    金额: '200.00',
    摘要: '工会经费划转',
    ...over,
  };
}

const fileOf = (rows: Cells[]) => csvFile([[...HEADERS], ...rows.map((c) => HEADERS.map((h) => c[h] ?? ''))]);
const sn = (c: Cells) => c['流水号']!;

function send(a: Agent, filename: string, content: Buffer, kind = 'bank_credits') {
  return a.request({ method: 'POST', url: '/api/fee-refunds/imports', ...multipartBody({ kind }, filename, content) });
}

async function finished(a: Agent, id: string): Promise<FeeImport> {
  for (let i = 0; i < 400; i++) {
    await t.jobs.idle();
    const res = await a.get(`/api/fee-refunds/imports/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<FeeImport>();
    if (body.status !== 'running') return body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`import ${id} still running`);
}

async function imported(a: Agent, filename: string, content: Buffer, kind = 'bank_credits') {
  const res = await send(a, filename, content, kind);
  expect(res.statusCode, res.body).toBe(200);
  return finished(a, res.json<{ id: string }>().id);
}

function stored(...serials: string[]) {
  return t.deps.db
    .select()
    .from(feeBankCredits)
    .where(sql`${feeBankCredits.serialNo} = any(${sql.param(serials)}::text[])`)
    .orderBy(feeBankCredits.serialNo);
}
const storedOf = (importId: string) =>
  t.deps.db.select().from(feeBankCredits).where(eq(feeBankCredits.importId, importId));

describe('fee refunds: importing the bank credits', () => {
  it('stores the good rows at once and names each bad row by row number, field and reason', async () => {
    const first = credit({ 金额: '1,234.56' });
    const fullWidth = credit({ 付款方名称: '国家税务总局苏州市虎丘区税务局（第一税务所）', 金额: '0.01' });
    const rows: Cells[] = [
      first, // row 2
      fullWidth, // 3
      credit({ 入账日期: '2024-02-30' }), // 4: no such day
      credit({ 金额: '-5.00' }), // 5: negative
      credit({ 金额: '12.345' }), // 6: three decimals
      credit({ 流水号: '' }), // 7: no serial number
      credit({ 付款方名称: '国家税务总局苏州市\u200b虎丘区税务局' }), // 8: a hidden character
      { ...first, 金额: '999.99' }, // 9: the serial number of row 2 again
      credit({ 入账日期: '2024/4/15', 金额: '0' }), // 10: not YYYY-MM-DD
    ];
    const done = await imported(js, '银行流水.csv', fileOf(rows));
    expect(done).toMatchObject({
      kind: 'bank_credits',
      status: 'committed',
      rowsTotal: 9,
      rowsAccepted: 3,
      rowsRejected: 6,
      rowsDuplicate: 1,
      progress: 1,
    });
    const at = (row: number) => done.errors.filter((e) => e.row === row);
    expect(at(2)).toEqual([]);
    expect(at(4)).toEqual([
      {
        row: 4,
        field: 'creditDate',
        message: '「入账日期」“2024-02-30”不是有效日期（格式 YYYY-MM-DD，如 2024-03-31）',
        messageEn: '"Credit date": "2024-02-30" is not a valid date (YYYY-MM-DD, e.g. 2024-03-31)',
      },
    ]);
    expect(at(5)).toEqual([
      {
        row: 5,
        field: 'amount',
        message: '「金额」金额“-5.00”不能为负数（应为不小于 0 的金额，单位元，最多 2 位小数）',
        messageEn:
          '"Amount": The amount "-5.00" cannot be negative (must be an amount in yuan, 0 or more, with at most 2 decimals)',
      },
    ]);
    expect(at(6)).toEqual([
      expect.objectContaining({ field: 'amount', message: expect.stringContaining('“12.345”最多保留2位小数') }),
    ]);
    expect(at(7)).toEqual([
      {
        row: 7,
        field: 'serialNo',
        message: '「流水号」不能为空（每行须有流水号）',
        messageEn: '"Serial number": is missing (every row needs its serial number)',
      },
    ]);
    expect(at(8)).toEqual([
      {
        row: 8,
        field: 'payerName',
        message: '「付款方名称」含有不可见或控制字符',
        messageEn: '"Payer name": contains invisible or control characters',
      },
    ]);
    expect(at(9)).toEqual([]);
    expect(at(10)).toEqual([expect.objectContaining({ field: 'creditDate' })]);

    // Row 2 once (row 9 had its serial number), row 3 beside it: exact to the fen.
    const kept = await stored(sn(first), sn(fullWidth));
    expect(kept.map((c) => [c.serialNo, c.creditDate, c.amountFen, c.payerName, c.payerKey])).toEqual(
      [
        [sn(first), '2024-04-15', 123_456, '国家税务总局苏州市虎丘区税务局', '国家税务总局苏州市虎丘区税务局'],
        [
          sn(fullWidth),
          '2024-04-15',
          1,
          '国家税务总局苏州市虎丘区税务局（第一税务所）',
          '国家税务总局苏州市虎丘区税务局(第一税务所)',
        ],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(kept.every((c) => c.importId === done.id && c.regionCode === '320000')).toBe(true);
    expect(await storedOf(done.id)).toHaveLength(2);
  });

  it('reads an XLSX: amounts by the digits they show, 0.1 + 0.2 refused', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('流水');
    sheet.addRow(['入账日期', '付款方名称', '金额', '流水号']);
    const serials = [nextSerial(), nextSerial()];
    sheet.addRow(['2024-04-16', '国家税务总局苏州市虎丘区税务局', 1234.56, serials[0]]);
    sheet.addRow(['2024-04-16', '国家税务总局苏州市虎丘区税务局', 0.1 + 0.2, serials[1]]);
    const done = await imported(js, '银行流水.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect(done).toMatchObject({ status: 'committed', rowsTotal: 2, rowsAccepted: 1, rowsRejected: 1 });
    expect(done.errors).toEqual([
      expect.objectContaining({ row: 3, field: 'amount', message: expect.stringContaining('“0.30000000000000004”') }),
    ]);
    expect((await stored(...serials)).map((c) => [c.serialNo, c.amountFen])).toEqual([[serials[0], 123_456]]);
  });

  it('counts a serial number stored already as a duplicate, and the same file again changes nothing', async () => {
    const a = credit();
    const b = credit();
    const c = credit();
    const first = await imported(js, 'apr.csv', fileOf([a, b]));
    expect(first).toMatchObject({ status: 'committed', rowsAccepted: 2, rowsDuplicate: 0 });

    const again = await send(js, 'apr-again.csv', fileOf([a, b]));
    expect(again.json()).toEqual({ id: first.id });
    expect(await finished(js, first.id)).toEqual(first);

    const resent = await imported(js, 'apr-resent.csv', fileOf([{ ...b, 金额: '1.00' }, a]));
    expect(resent.id).not.toBe(first.id);
    expect(resent).toMatchObject({ status: 'committed', rowsAccepted: 2, rowsDuplicate: 2 });
    expect(await storedOf(resent.id)).toHaveLength(0);

    const mixed = await imported(js, 'apr-more.csv', fileOf([a, c]));
    expect(mixed).toMatchObject({ status: 'committed', rowsAccepted: 2, rowsDuplicate: 1 });
    expect((await stored(sn(a), sn(b), sn(c))).map((r) => [r.serialNo, r.importId, r.amountFen])).toEqual(
      [
        [sn(a), first.id, 20_000],
        [sn(b), first.id, 20_000],
        [sn(c), mixed.id, 20_000],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
  });

  it('keeps the serial number unique in the database itself', async () => {
    const a = credit();
    const done = await imported(js, 'unique.csv', fileOf([a]));
    const [row] = await storedOf(done.id);
    const { id: _id, createdAt: _at, ...copy } = row!;
    await expect(t.deps.db.insert(feeBankCredits).values({ ...copy, amountFen: 1 })).rejects.toThrow();
    expect(await stored(sn(a))).toHaveLength(1);
  });

  it('rolls an import back: its credits go, those of other imports stay', async () => {
    const a = credit();
    const b = credit();
    const other = await imported(js, 'other.csv', fileOf([b]));
    const done = await imported(js, 'rollback.csv', fileOf([a, b]));
    expect(done).toMatchObject({ status: 'committed', rowsAccepted: 2, rowsDuplicate: 1 });
    const undo = await js.post(`/api/fee-refunds/imports/${done.id}/rollback`);
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.json()).toMatchObject({ id: done.id, kind: 'bank_credits', status: 'rolled_back' });
    expect(await stored(sn(a))).toHaveLength(0);
    expect((await stored(sn(b))).map((r) => r.importId)).toEqual([other.id]);
  });

  it('serves the template with exactly its headers', async () => {
    const res = await js.get('/api/fee-refunds/imports/template.xlsx?kind=bank_credits');
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const header = (book.worksheets[0]!.getRow(1).values as unknown[]).slice(1).map(String);
    expect([...header].sort()).toEqual(HEADERS.filter((h) => h !== '摘要').sort());
  });

  it('answers 401 without a login and 403 without the import permission, and stores nothing', async () => {
    const row = credit();
    expect((await send(agent(t.app), 'x.csv', fileOf([row]))).statusCode).toBe(401);
    const res = await send(judge, 'x.csv', fileOf([row]));
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
    expect(await stored(sn(row))).toHaveLength(0);
  });
});

// ------------------------------------------------------------------ reconciliation

const DAY = '2024-05-15';
const HUQIU = '国家税务总局苏州市虎丘区税务局（第一税务所）';
const WUZHONG = '国家税务总局苏州市吴中区税务局';
const XIANGCHENG = '国家税务总局苏州市相城区税务局';
const XUANWU = '国家税务总局南京市玄武区税务局';
const GUSU = '国家税务总局苏州市姑苏区税务局';

const TAX_HEADERS = [
  '电子税票号码',
  '纳税人名称',
  '统一社会信用代码',
  '税款所属期起',
  '税款所属期止',
  '计税依据',
  '税率',
  '实缴金额',
  '征收税务机关',
  '入库日期',
  '所属区划代码',
] as const;
let ticketNo = 0;
function taxRow(office: string, region: string, paid: string, treasuryDate = DAY): string[] {
  const cells: Record<(typeof TAX_HEADERS)[number], string> = {
    电子税票号码: `0320${String(Date.now() % 1e9).padStart(9, '0')}${String(++ticketNo).padStart(7, '0')}`,
    纳税人名称: '对账测试有限公司',
    统一社会信用代码: uniqueUscc(region),
    税款所属期起: '2024-04-01',
    税款所属期止: '2024-04-30',
    计税依据: '100000.00',
    税率: '0.02',
    实缴金额: paid,
    征收税务机关: office,
    入库日期: treasuryDate,
    所属区划代码: region,
  };
  return TAX_HEADERS.map((h) => cells[h]);
}

const reconciliation = (a: Agent, query: string) => a.get(`/api/fee-refunds/reconciliation?${query}`);
const byOffice = (body: FeeReconciliation) =>
  Object.fromEntries(body.items.map((g) => [g.taxOfficeName, g])) as Record<string, FeeReconciliationGroup>;

describe('fee refunds: reconciling the tax data with the bank credits', () => {
  beforeAll(async () => {
    const tax = await imported(
      js,
      'reconcile-tax.csv',
      csvFile([
        [...TAX_HEADERS],
        taxRow(HUQIU, '320505', '1234.56'),
        taxRow(HUQIU, '320505', '200.00'),
        taxRow(WUZHONG, '320506', '500.00'),
        taxRow(XIANGCHENG, '320507', '300.00'),
        taxRow(XUANWU, '320102', '700.00'),
      ]),
      'tax',
    );
    expect(tax).toMatchObject({ status: 'committed', rowsAccepted: 5 });
    const bank = await imported(
      js,
      'reconcile-bank.csv',
      fileOf([
        // 虎丘: the bank writes the brackets half-width, once with spaces; 1000.00 + 434.56 = 1434.56.
        credit({ 付款方名称: '国家税务总局苏州市虎丘区税务局(第一税务所)', 入账日期: DAY, 金额: '1000.00' }),
        credit({ 付款方名称: ' 国家税务总局苏州市虎丘区税务局 (第一税务所) ', 入账日期: DAY, 金额: '434.56' }),
        credit({ 付款方名称: WUZHONG, 入账日期: DAY, 金额: '499.99' }), // one fen short
        credit({ 付款方名称: XUANWU, 入账日期: DAY, 金额: '700.00' }),
        credit({ 付款方名称: GUSU, 入账日期: DAY, 金额: '88.88' }), // no collection
        credit({ 付款方名称: WUZHONG, 入账日期: '2024-05-16', 金额: '500.00' }), // the next day
      ]),
    );
    expect(bank).toMatchObject({ status: 'committed', rowsAccepted: 6, rowsRejected: 0 });
  });

  it('matches a group to the fen, shows a difference with both sums, and lists the groups without a credit or a collection', async () => {
    const res = await reconciliation(js, `from=${DAY}&to=${DAY}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<FeeReconciliation>();
    expect(body.total).toBe(5);
    const groups = byOffice(body);
    expect(groups[HUQIU]).toEqual({
      taxOfficeName: HUQIU,
      date: DAY,
      collectedFen: 143_456,
      creditedFen: 143_456,
      differenceFen: 0,
      collections: 2,
      credits: 2,
      status: 'reconciled',
    });
    expect(groups[WUZHONG]).toMatchObject({
      collectedFen: 50_000,
      creditedFen: 49_999,
      differenceFen: -1,
      status: 'difference',
    });
    expect(groups[XIANGCHENG]).toMatchObject({
      collectedFen: 30_000,
      creditedFen: 0,
      differenceFen: -30_000,
      credits: 0,
      status: 'no_credit',
    });
    expect(groups[XUANWU]).toMatchObject({ collectedFen: 70_000, creditedFen: 70_000, status: 'reconciled' });
    expect(groups[GUSU]).toMatchObject({
      collectedFen: 0,
      creditedFen: 8_888,
      differenceFen: 8_888,
      collections: 0,
      status: 'no_collection',
    });
    expect(body.totals).toEqual({
      collectedFen: 143_456 + 50_000 + 30_000 + 70_000,
      creditedFen: 143_456 + 49_999 + 70_000 + 8_888,
      differenceFen: 49_999 + 8_888 - 50_000 - 30_000,
      groups: { reconciled: 2, difference: 1, no_credit: 1, no_collection: 1 },
    });
  });

  it('pages the groups by date, and keeps the totals of all of them', async () => {
    const all = (await reconciliation(js, `from=${DAY}&to=2024-05-16&pageSize=200`)).json<FeeReconciliation>();
    expect(all.total).toBe(6);
    expect(all.items.at(-1)).toMatchObject({ taxOfficeName: WUZHONG, date: '2024-05-16', status: 'no_collection' });
    const second = (await reconciliation(js, `from=${DAY}&to=2024-05-16&page=2&pageSize=4`)).json<FeeReconciliation>();
    expect(second).toMatchObject({ total: 6, page: 2, pageSize: 4 });
    expect(second.items).toEqual(all.items.slice(4));
    expect(second.totals).toEqual(all.totals);
  });

  it('keeps to the caller’s region and to the region asked for', async () => {
    const city = (await reconciliation(suzhou, `from=${DAY}&to=${DAY}`)).json<FeeReconciliation>();
    expect(Object.keys(byOffice(city)).sort()).toEqual([HUQIU, WUZHONG, XIANGCHENG].sort());
    expect(city.totals).toMatchObject({ collectedFen: 223_456, creditedFen: 193_455, differenceFen: -30_001 });

    const county = (await reconciliation(js, `from=${DAY}&to=${DAY}&regionCode=320506`)).json<FeeReconciliation>();
    expect(county.items).toEqual([expect.objectContaining({ taxOfficeName: WUZHONG, status: 'difference' })]);
    const outside = (await reconciliation(suzhou, `from=${DAY}&to=${DAY}&regionCode=320102`)).json<FeeReconciliation>();
    expect(outside).toMatchObject({ items: [], total: 0, totals: { collectedFen: 0, creditedFen: 0 } });
  });

  it('tells the refund runs which (office, date) pairs are reconciled, by the whole office', async () => {
    expect(await isReconciled(t.deps.db, HUQIU, DAY)).toBe(true);
    expect(await isReconciled(t.deps.db, '国家税务总局苏州市虎丘区税务局(第一税务所)', DAY)).toBe(true);
    expect(await isReconciled(t.deps.db, WUZHONG, DAY)).toBe(false);
    expect(await isReconciled(t.deps.db, XIANGCHENG, DAY)).toBe(false);
    expect(await isReconciled(t.deps.db, GUSU, DAY)).toBe(false);
    expect(await isReconciled(t.deps.db, HUQIU, '2024-05-16')).toBe(false);
    const pairs = await reconciledPairs(t.deps.db, DAY, '2024-05-16');
    expect(pairs.sort((a, b) => a.taxOfficeName.localeCompare(b.taxOfficeName))).toEqual(
      [
        { taxOfficeName: HUQIU, treasuryDate: DAY },
        { taxOfficeName: XUANWU, treasuryDate: DAY },
      ].sort((a, b) => a.taxOfficeName.localeCompare(b.taxOfficeName)),
    );
  });

  it('refuses a window that is backwards, too long or not a date', async () => {
    for (const q of [
      'from=2024-05-16&to=2024-05-15',
      'from=2024-01-01&to=2025-01-01',
      'from=2024-02-30&to=2024-03-01',
    ]) {
      const res = await reconciliation(js, q);
      expect(res.statusCode, q).toBe(400);
    }
    // 2024 is a leap year: 366 days are one window.
    expect((await reconciliation(js, 'from=2024-01-01&to=2024-12-31')).statusCode).toBe(200);
  });

  it('answers 401 without a login and 403 to a role without the read permission', async () => {
    expect((await agent(t.app).get(`/api/fee-refunds/reconciliation?from=${DAY}&to=${DAY}`)).statusCode).toBe(401);
    const res = await reconciliation(judge, `from=${DAY}&to=${DAY}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });
});
