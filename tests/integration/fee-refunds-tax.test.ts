import ExcelJS from 'exceljs';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeeImport } from '../../contracts/fee-refunds/responses.js';
import { feeCollections } from '../../server/modules/fee-refunds/tables.js';
import { agent, createTestApp, type Agent, type TestApp } from '../support/app.js';
import { newAccount, uniqueUscc, type LoggedIn } from '../support/factories.js';
import { csvFile, multipartBody } from '../support/imports.js';

// The tax collection data (kind=tax) through the fee-refund HTTP API: the upload other systems
// send, each reason a row is refused for, duplicates (in a file and across imports), the same
// file again, rollback, amounts exact to the fen, the importer's region, and what the route
// refuses. Jiangsu's province union imports; Suzhou's city union and Zhongshan look on.

let t: TestApp;
let js: LoggedIn;
let suzhou: LoggedIn;
let zhongshan: LoggedIn;
let judge: LoggedIn;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  js = await newAccount(t, { role: 'union_staff', regionCode: '320000' });
  suzhou = await newAccount(t, { role: 'union_staff', regionCode: '320500' });
  zhongshan = await newAccount(t, { role: 'union_staff', regionCode: '442000' });
  judge = await newAccount(t, { role: 'judge', regionCode: '320000' });
});
afterAll(() => t.close());

// The headers in another order than the template's, with a column the import ignores.
const HEADERS = [
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
  '备注',
] as const;
type Cells = Partial<Record<(typeof HEADERS)[number], string>>;

let serial = 0;
/** A new e-ticket number (20 digits, starting with 0: kept as text). */
const ticket = () => `0320${String(Date.now() % 1e9).padStart(9, '0')}${String(++serial).padStart(7, '0')}`;

/** A Suzhou 虎丘区 collection for the first quarter of 2024: 2 % of ¥10,000.00. */
function collection(over: Cells = {}): Cells {
  return {
    电子税票号码: ticket(),
    纳税人名称: '苏州虎丘精密制造有限公司',
    统一社会信用代码: uniqueUscc('320505'),
    税款所属期起: '2024-01-01',
    税款所属期止: '2024-03-31',
    计税依据: '10000.00',
    税率: '0.02',
    实缴金额: '200.00',
    征收税务机关: '国家税务总局苏州市虎丘区税务局',
    入库日期: '2024-04-15',
    所属区划代码: '320505',
    ...over,
  };
}

const fileOf = (rows: Cells[]) => csvFile([[...HEADERS], ...rows.map((c) => HEADERS.map((h) => c[h] ?? ''))]);

function send(a: Agent, filename: string, content: Buffer, fields: Record<string, string> = { kind: 'tax' }) {
  return a.request({ method: 'POST', url: '/api/fee-refunds/imports', ...multipartBody(fields, filename, content) });
}

/** Waits for the pipeline's jobs, then answers the import once it is no longer running. */
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

async function imported(a: Agent, filename: string, content: Buffer) {
  const res = await send(a, filename, content);
  expect(res.statusCode, res.body).toBe(200);
  return finished(a, res.json<{ id: string }>().id);
}

/** The stored collections of some e-tickets, in ticket and period order. */
function stored(...tickets: string[]) {
  return t.deps.db
    .select()
    .from(feeCollections)
    .where(sql`${feeCollections.eTicketNo} = any(${sql.param(tickets)}::text[])`)
    .orderBy(asc(feeCollections.eTicketNo), asc(feeCollections.periodFrom));
}

const storedOf = (importId: string) =>
  t.deps.db.select().from(feeCollections).where(eq(feeCollections.importId, importId));

const tk = (c: Cells) => c['电子税票号码']!;

describe('fee refunds: importing the tax collection data', () => {
  it('stores the good rows at once and names each bad row by row number, field and reason', async () => {
    const first = collection({ 计税依据: '61,728.00', 实缴金额: '1234.56' });
    const percent = collection({ 税率: '2%', 计税依据: '50000.5', 实缴金额: '1,000.01' });
    const nextQuarter = collection({ 电子税票号码: tk(first), 税款所属期起: '2024-04-01', 税款所属期止: '2024-06-30' });
    const rows: Cells[] = [
      first, // row 2
      percent, // 3
      collection({ 统一社会信用代码: '9132050' }), // 4: malformed USCC
      collection({ 实缴金额: '-5.00' }), // 5: negative
      collection({ 计税依据: '12.345' }), // 6: three decimals
      collection({ 税款所属期起: '2024-02-30' }), // 7: no such day
      collection({ 税款所属期起: '2024-04-01', 税款所属期止: '2024-03-31' }), // 8: ends before it starts
      collection({ 所属区划代码: '329999' }), // 9: no such region
      collection({ 电子税票号码: '' }), // 10: no e-ticket
      collection({ 所属区划代码: '442000' }), // 11: outside Jiangsu
      { ...first, 纳税人名称: '同一张税票再次出现' }, // 12: same ticket and period as row 2
      nextQuarter, // 13: same ticket, another period: another collection
      collection({ 税率: '2' }), // 14: 2 what?
      collection({ 入库日期: '2024/4/15' }), // 15: not YYYY-MM-DD
      collection({ 实缴金额: '两百元' }), // 16: not a number
    ];
    const done = await imported(js, '税务征收.csv', fileOf(rows));
    expect(done).toMatchObject({
      kind: 'tax',
      status: 'committed',
      rowsTotal: 15,
      rowsAccepted: 4,
      rowsRejected: 11,
      rowsDuplicate: 1,
      progress: 1,
    });
    const at = (row: number) => done.errors.filter((e) => e.row === row);
    expect(at(4)).toEqual([
      {
        row: 4,
        field: 'uscc',
        message: '「统一社会信用代码」应为18位，当前为7位',
        messageEn: '"USCC": must be 18 characters long (got 7)',
      },
    ]);
    expect(at(5)).toEqual([
      {
        row: 5,
        field: 'paid',
        message: '「实缴金额」金额“-5.00”不能为负数（应为不小于 0 的金额，单位元，最多 2 位小数）',
        messageEn:
          '"Amount paid": The amount "-5.00" cannot be negative (must be an amount in yuan, 0 or more, with at most 2 decimals)',
      },
    ]);
    expect(at(6)).toEqual([
      expect.objectContaining({ field: 'wageBase', message: expect.stringContaining('“12.345”最多保留2位小数') }),
    ]);
    expect(at(7)).toEqual([
      {
        row: 7,
        field: 'periodFrom',
        message: '「税款所属期起」“2024-02-30”不是有效日期（格式 YYYY-MM-DD，如 2024-03-31）',
        messageEn: '"Period from": "2024-02-30" is not a valid date (YYYY-MM-DD, e.g. 2024-03-31)',
      },
    ]);
    expect(at(8)).toEqual([
      {
        row: 8,
        field: 'periodTo',
        message: '「税款所属期止」2024-03-31 早于税款所属期起 2024-04-01',
        messageEn: '"Period to": 2024-03-31 is before the start of the period, 2024-04-01',
      },
    ]);
    expect(at(9)).toEqual([
      {
        row: 9,
        field: 'regionCode',
        message: '「所属区划代码」不存在',
        messageEn: '"Region code": unknown region code',
      },
    ]);
    expect(at(10)).toEqual([
      {
        row: 10,
        field: 'eTicketNo',
        message: '「电子税票号码」不能为空（每行须有电子税票号码）',
        messageEn: '"E-ticket number": is missing (every row needs its e-ticket number)',
      },
    ]);
    expect(at(11)).toEqual([
      {
        row: 11,
        field: 'regionCode',
        message: '「所属区划代码」不在您的管辖区域内',
        messageEn: '"Region code": outside your region',
      },
    ]);
    expect(at(12)).toEqual([]);
    expect(at(13)).toEqual([]);
    expect(at(14)).toEqual([
      expect.objectContaining({ field: 'rate', messageEn: expect.stringContaining('"2" is not a valid rate') }),
    ]);
    expect(at(15)).toEqual([expect.objectContaining({ field: 'treasuryDate' })]);
    expect(at(16)).toEqual([
      expect.objectContaining({ field: 'paid', messageEn: expect.stringContaining('is not an amount') }),
    ]);

    // Row 2 once (row 12 was the same collection), row 13 beside it, row 3: exact to the fen.
    const kept = await stored(tk(first), tk(percent));
    expect(kept.map((c) => [c.eTicketNo, c.periodFrom, c.periodTo, c.wageBaseFen, c.rateBp, c.paidFen])).toEqual(
      [
        [tk(first), '2024-01-01', '2024-03-31', 6_172_800, 200, 123_456],
        [tk(first), '2024-04-01', '2024-06-30', 1_000_000, 200, 20_000],
        [tk(percent), '2024-01-01', '2024-03-31', 5_000_050, 200, 100_001],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(kept[0]).toMatchObject({
      uscc: first['统一社会信用代码'],
      taxpayerName: '苏州虎丘精密制造有限公司',
      taxOfficeName: '国家税务总局苏州市虎丘区税务局',
      treasuryDate: '2024-04-15',
      regionCode: '320505',
      importId: done.id,
    });
    expect(await storedOf(done.id)).toHaveLength(3);
  });

  it('reads spreadsheet numbers by the digits they show: 1234.56 is 123456 fen, 0.1 + 0.2 is refused', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('征收');
    sheet.addRow([...HEADERS]);
    const uscc = uniqueUscc('320505');
    const tickets = [ticket(), ticket(), ticket(), ticket()];
    // Amounts and rates as number cells, dates as text cells (the template's columns are text).
    const row = (no: string, base: number, rate: number, paid: number, from: string | Date = '2024-01-01') => [
      no,
      '苏州表格数字有限公司',
      uscc,
      from,
      '2024-03-31',
      base,
      rate,
      paid,
      '国家税务总局苏州市虎丘区税务局',
      '2024-04-15',
      '320505',
    ];
    sheet.addRow(row(tickets[0]!, 61728, 0.02, 1234.56));
    sheet.addRow(row(tickets[1]!, 57.5, 0.02, 1.15));
    sheet.addRow(row(tickets[2]!, 15, 0.02, 0.1 + 0.2));
    // A date cell reaches the import as its day number: refused, with what to do.
    sheet.addRow(row(tickets[3]!, 15, 0.02, 0.3, new Date(Date.UTC(2024, 0, 1))));
    const done = await imported(js, '税务征收.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect(done).toMatchObject({ status: 'committed', rowsTotal: 4, rowsAccepted: 2, rowsRejected: 2 });
    expect(done.errors).toEqual([
      expect.objectContaining({
        row: 4,
        field: 'paid',
        message: expect.stringContaining('“0.30000000000000004”最多保留2位小数'),
      }),
      expect.objectContaining({
        row: 5,
        field: 'periodFrom',
        message: expect.stringContaining(
          '“45292”不是有效日期（格式 YYYY-MM-DD，如 2024-03-31）；该列在表格中是日期格式',
        ),
      }),
    ]);
    const kept = await stored(...tickets);
    expect(kept.map((c) => [c.eTicketNo, c.wageBaseFen, c.rateBp, c.paidFen, c.periodFrom, c.treasuryDate])).toEqual([
      [tickets[0], 6_172_800, 200, 123_456, '2024-01-01', '2024-04-15'],
      [tickets[1], 5_750, 200, 115, '2024-01-01', '2024-04-15'],
    ]);
  });

  it('counts a collection an earlier import stored as a duplicate, and the same file again changes nothing', async () => {
    const a = collection();
    const b = collection();
    const c = collection();
    const first = await imported(js, 'q1.csv', fileOf([a, b]));
    expect(first).toMatchObject({ status: 'committed', rowsAccepted: 2, rowsDuplicate: 0 });

    // The same bytes: the same import, nothing new.
    const again = await send(js, 'q1-again.csv', fileOf([a, b]));
    expect(again.json()).toEqual({ id: first.id });
    expect(await finished(js, first.id)).toEqual(first);

    // The same collections in another file (another order, another name): all duplicates.
    const reordered = await imported(js, 'q1-resent.csv', fileOf([{ ...b, 纳税人名称: '改过名称的纳税人' }, a]));
    expect(reordered.id).not.toBe(first.id);
    expect(reordered).toMatchObject({ status: 'committed', rowsAccepted: 2, rowsRejected: 0, rowsDuplicate: 2 });
    expect(await storedOf(reordered.id)).toHaveLength(0);

    // One old and one new: the new one is stored, the old one counted.
    const mixed = await imported(js, 'q1-more.csv', fileOf([a, c]));
    expect(mixed).toMatchObject({ status: 'committed', rowsAccepted: 2, rowsDuplicate: 1 });
    const rows = await stored(tk(a), tk(b), tk(c));
    expect(rows.map((r) => [r.eTicketNo, r.importId, r.taxpayerName])).toEqual(
      [
        [tk(a), first.id, '苏州虎丘精密制造有限公司'],
        [tk(b), first.id, '苏州虎丘精密制造有限公司'],
        [tk(c), mixed.id, '苏州虎丘精密制造有限公司'],
      ].sort((x, y) => x[0]!.localeCompare(y[0]!)),
    );
  });

  it('keeps e-ticket and period unique in the database itself', async () => {
    const a = collection();
    const done = await imported(js, 'unique.csv', fileOf([a]));
    const [row] = await storedOf(done.id);
    const { id: _id, createdAt: _at, ...copy } = row!;
    await expect(
      t.deps.db.insert(feeCollections).values({ ...copy, taxpayerName: '绕过导入的写入' }),
    ).rejects.toThrow();
    expect(await stored(tk(a))).toHaveLength(1);
  });

  it('refuses rows of regions outside the importer’s scope', async () => {
    const inSuzhou = collection();
    const inNanjing = collection({ 所属区划代码: '320102', 征收税务机关: '国家税务总局南京市玄武区税务局' });
    const done = await imported(suzhou, 'scope.csv', fileOf([inSuzhou, inNanjing]));
    expect(done).toMatchObject({ status: 'committed', rowsAccepted: 1, rowsRejected: 1 });
    expect(done.errors).toEqual([
      {
        row: 3,
        field: 'regionCode',
        message: '「所属区划代码」不在您的管辖区域内',
        messageEn: '"Region code": outside your region',
      },
    ]);
    expect(await stored(tk(inNanjing))).toHaveLength(0);
    expect(await stored(tk(inSuzhou))).toHaveLength(1);
    // A file of nothing but another region's rows has nothing to commit.
    const none = await imported(suzhou, 'scope-none.csv', fileOf([collection({ 所属区划代码: '320102' })]));
    expect(none).toMatchObject({ status: 'failed', rowsAccepted: 0, rowsRejected: 1 });
  });
});

describe('fee refunds: rolling a tax import back', () => {
  it('deletes the collections it stored and leaves those of other imports', async () => {
    const a = collection();
    const b = collection();
    const other = await imported(js, 'other.csv', fileOf([b]));
    const done = await imported(js, 'rollback.csv', fileOf([a, b]));
    expect(done).toMatchObject({ status: 'committed', rowsAccepted: 2, rowsDuplicate: 1 });
    expect(await storedOf(done.id)).toHaveLength(1);

    const undo = await js.post(`/api/fee-refunds/imports/${done.id}/rollback`);
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.json()).toMatchObject({ id: done.id, kind: 'tax', status: 'rolled_back' });
    expect(await stored(tk(a))).toHaveLength(0);
    expect((await stored(tk(b))).map((r) => r.importId)).toEqual([other.id]);

    // Twice is once; the same file may come again as a new upload, and stores a again.
    expect((await js.post(`/api/fee-refunds/imports/${done.id}/rollback`)).json().status).toBe('rolled_back');
    const anew = await imported(js, 'rollback.csv', fileOf([a, b]));
    expect(anew.id).not.toBe(done.id);
    expect(anew).toMatchObject({ status: 'committed', rowsAccepted: 2, rowsDuplicate: 1 });
    expect((await stored(tk(a))).map((r) => r.importId)).toEqual([anew.id]);
  });
});

describe('fee refunds: what the tax upload refuses', () => {
  let importId: string;
  beforeAll(async () => {
    importId = (await imported(js, 'refusals.csv', fileOf([collection()]))).id;
  });

  it('answers 401 without a login, and stores nothing', async () => {
    const row = collection();
    expect((await send(agent(t.app), 'x.csv', fileOf([row]))).statusCode).toBe(401);
    expect((await agent(t.app).get(`/api/fee-refunds/imports/${importId}`)).statusCode).toBe(401);
    expect((await agent(t.app).post(`/api/fee-refunds/imports/${importId}/rollback`)).statusCode).toBe(401);
    expect(await stored(tk(row))).toHaveLength(0);
  });

  it('answers 403 to a role without the import permission, and stores nothing', async () => {
    const row = collection();
    const res = await send(judge, 'x.csv', fileOf([row]));
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
    expect((await judge.get(`/api/fee-refunds/imports/${importId}`)).statusCode).toBe(403);
    expect((await judge.post(`/api/fee-refunds/imports/${importId}/rollback`)).statusCode).toBe(403);
    expect(await stored(tk(row))).toHaveLength(0);
  });

  it('answers 403 for another region’s tax import, and leaves it committed', async () => {
    expect((await zhongshan.get(`/api/fee-refunds/imports/${importId}`)).statusCode).toBe(403);
    expect((await zhongshan.post(`/api/fee-refunds/imports/${importId}/rollback`)).statusCode).toBe(403);
    expect((await finished(js, importId)).status).toBe('committed');
    expect(await storedOf(importId)).toHaveLength(1);
  });

  it('fails a file without the tax columns as a whole, saying which', async () => {
    const done = await imported(
      js,
      'partial.csv',
      csvFile([
        ['统一社会信用代码', '纳税人名称', '实缴金额'],
        [uniqueUscc('320505'), '苏州缺列公司', '100.00'],
      ]),
    );
    expect(done).toMatchObject({ status: 'failed', rowsTotal: 0 });
    expect(done.errors[0]).toMatchObject({
      row: null,
      message: expect.stringContaining('表头缺少必填列：电子税票号码'),
    });
  });

  it('serves the tax template with exactly its headers', async () => {
    const res = await js.get('/api/fee-refunds/imports/template.xlsx?kind=tax');
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const header = (book.worksheets[0]!.getRow(1).values as unknown[]).slice(1).map(String);
    expect([...header].sort()).toEqual(HEADERS.filter((h) => h !== '备注').sort());
  });
});
