import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeeEnterprise, FeeImport } from '../../contracts/fee-refunds/responses.js';
import { usccCheckChar } from '../../server/core/identifiers/uscc.js';
import { storedFeePolicies } from '../../server/modules/fee-refunds/policies/service.js';
import { checkPolicyVersions, JIANGSU_2020_2024 } from '../../server/modules/fee-refunds/rules/policy.js';
import { agent, createTestApp, type Agent, type TestApp } from '../support/app.js';
import { newAccount, newAdmin, uniqueUscc, type LoggedIn } from '../support/factories.js';
import { csvFile, EMPLOYER_HEADERS, multipartBody, uploaded, xlsxFile } from '../support/imports.js';

// The fee-refund enterprise registry through its HTTP API: the upload other systems send, its
// state and reasons, the same file again, rollback, the registry's list and record by USCC, and
// what each route refuses. Jiangsu's province union imports; Suzhou and Zhongshan look on.

let t: TestApp;
let js: LoggedIn;
let suzhou: LoggedIn;
let zhongshan: LoggedIn;
let judge: LoggedIn;
let admin: LoggedIn;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  js = await newAccount(t, { role: 'union_staff', regionCode: '320000' });
  suzhou = await newAccount(t, { role: 'union_staff', regionCode: '320500' });
  zhongshan = await newAccount(t, { role: 'union_staff', regionCode: '442000' });
  judge = await newAccount(t, { role: 'judge', regionCode: '320000' });
  admin = await newAdmin(t);
});
afterAll(() => t.close());

// The template's headers in another order, with a column the import ignores.
const HEADERS = [
  '企业名称',
  '统一社会信用代码',
  '所属区划代码',
  '行业门类',
  '从业人员',
  '营业收入（万元）',
  '资产总额（万元）',
  '是否建会',
  '建会日期',
  '工会账户开户行号',
  '工会账户账号',
  '工会账户户名',
  '缴费账户开户行号',
  '缴费账户账号',
  '缴费账户户名',
  '备注',
] as const;
type Cells = Partial<Record<(typeof HEADERS)[number], string>>;

/** An enterprise of Suzhou's 虎丘区 as a row's cells: a manufacturer without a union unless told. */
function enterprise(over: Cells = {}): Cells {
  const uscc = over['统一社会信用代码'] ?? uniqueUscc('320505');
  return {
    统一社会信用代码: uscc,
    企业名称: `苏州虎丘精密制造有限公司${uscc.slice(-6)}`,
    所属区划代码: '320505',
    行业门类: 'C35',
    从业人员: '25',
    '营业收入（万元）': '300',
    '资产总额（万元）': '120.5',
    是否建会: '否',
    ...over,
  };
}

const withUnion = (name: string): Cells => ({
  是否建会: '是',
  建会日期: '2019-03-08',
  工会账户开户行号: '102305002019',
  工会账户账号: '0010203040506070',
  工会账户户名: `${name}工会委员会`,
  缴费账户开户行号: '001305000016',
  缴费账户账号: '0000123456',
  缴费账户户名: name,
});

const line = (c: Cells) => HEADERS.map((h) => c[h] ?? '');
const fileOf = (rows: Cells[]) => csvFile([[...HEADERS], ...rows.map(line)]);
const usccOf = (c: Cells) => c['统一社会信用代码']!;

function send(a: Agent, filename: string, content: Buffer, fields: Record<string, string> = { kind: 'enterprises' }) {
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

async function imported(a: Agent, filename: string, content: Buffer, fields?: Record<string, string>) {
  const res = await send(a, filename, content, fields);
  expect(res.statusCode, res.body).toBe(200);
  // Answered at once with the id alone; the rows are read by the job.
  expect(Object.keys(res.json())).toEqual(['id']);
  return finished(a, res.json<{ id: string }>().id);
}

async function record(a: Agent, uscc: string) {
  const res = await a.get(`/api/fee-refunds/enterprises/${uscc}`);
  return { status: res.statusCode, body: res.json<FeeEnterprise & { code?: string }>() };
}

async function sheetOf(res: { rawPayload: Buffer }): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

describe('fee refunds: importing the enterprise registry', () => {
  it('commits the good rows at once and names each bad row by row number, field and reason', async () => {
    const medium = enterprise({
      行业门类: 'C35',
      从业人员: '1,250',
      '营业收入（万元）': '2999.999999',
      '资产总额（万元）': '300',
    });
    Object.assign(medium, withUnion(medium['企业名称']!));
    const micro = enterprise({ 行业门类: 'F52', 从业人员: '9', '营业收入（万元）': '500' });
    const small = enterprise({ 行业门类: 'I65', 从业人员: '10', '营业收入（万元）': '50' });
    const inferred = enterprise({ 行业门类: 'F', 从业人员: '30', '营业收入（万元）': '600' });
    const finance = enterprise({ 行业门类: 'J66', 从业人员: '40', '营业收入（万元）': '9000', 所属区划代码: '320102' });
    const rows = [
      medium, // row 2
      micro, // 3
      small, // 4
      inferred, // 5
      finance, // 6
      enterprise({ 所属区划代码: '3205', 是否建会: '有' }), // 7: two bad cells
      { ...enterprise(), ...withUnion('苏州某公司'), 工会账户账号: '123456789' }, // 8
      enterprise({ 统一社会信用代码: '9132050' }), // 9
      {}, // 10: blank, skipped
      enterprise({ 统一社会信用代码: usccOf(medium), 企业名称: '重复的企业' }), // 11
      enterprise({ 所属区划代码: '442000' }), // 12: outside Jiangsu
      enterprise({ 所属区划代码: '329999' }), // 13: no such region
      { ...enterprise(), ...withUnion('苏州未来公司'), 建会日期: '2099-01-01' }, // 14
    ];
    const done = await imported(js, '企业名录.csv', fileOf(rows));
    expect(done).toMatchObject({
      kind: 'enterprises',
      status: 'committed',
      rowsTotal: 12,
      rowsAccepted: 5,
      rowsRejected: 7,
      rowsDuplicate: 0,
      progress: 1,
    });
    const at = (row: number) => done.errors.filter((e) => e.row === row);
    expect(at(7)).toEqual([
      {
        row: 7,
        field: 'regionCode',
        message: '「所属区划代码」“3205”应为 6 位数字的行政区划代码（GB/T 2260）',
        messageEn: '"Region code": "3205" must be a 6-digit region code (GB/T 2260)',
      },
      {
        row: 7,
        field: 'union',
        message: '「是否建会」应填“是”或“否”，不是“有”',
        messageEn: '"Union established": must be 是 (yes) or 否 (no)',
      },
    ]);
    expect(at(8)).toEqual([
      {
        row: 8,
        field: 'unionAccountNo',
        message: expect.stringContaining('「工会账户账号」“123456789”应为 10–30 位数字'),
        messageEn: expect.stringContaining('"Union account number": "123456789" must be 10 to 30 digits'),
      },
    ]);
    expect(at(9)).toEqual([
      {
        row: 9,
        field: 'uscc',
        message: '「统一社会信用代码」应为18位，当前为7位',
        messageEn: '"USCC": must be 18 characters long (got 7)',
      },
    ]);
    expect(at(10)).toEqual([]);
    expect(at(11)).toEqual([
      expect.objectContaining({ field: 'uscc', message: expect.stringContaining('与第 2 行重复') }),
    ]);
    expect(at(12)).toEqual([
      expect.objectContaining({ field: 'regionCode', messageEn: 'This enterprise is outside your region' }),
    ]);
    expect(at(13)).toEqual([expect.objectContaining({ field: 'regionCode', message: '「所属区划代码」不存在' })]);
    expect(at(14)).toEqual([
      expect.objectContaining({
        field: 'unionEstablishedOn',
        messageEn: '"Union established on": 2099-01-01 is after today',
      }),
    ]);

    // The good rows are in the registry, the size class computed by 工信部联企业〔2011〕300号.
    const m = await record(js, usccOf(medium));
    expect(m.status).toBe(200);
    expect(m.body).toMatchObject({
      name: medium['企业名称'],
      regionCode: '320505',
      industryCode: 'C35',
      employees: 1250,
      revenueFen: 2_999_999_999,
      revenueWan: '2999.999999',
      assetsWan: '300',
      hasUnion: true,
      unionEstablishedOn: '2019-03-08',
      // Account numbers and bank codes keep their leading zeros.
      unionAccount: {
        bankCode: '102305002019',
        accountNo: '0010203040506070',
        accountName: `${medium['企业名称']}工会委员会`,
      },
      payingAccount: { bankCode: '001305000016', accountNo: '0000123456', accountName: medium['企业名称'] },
      // 工业: 1 250 staff reach 中型's 300 but 2 999.999999 万元 stays below 大型's 40 000 万元.
      sizeClass: 'medium',
      sizeCategory: 'industry',
      sizeStandard: 'miit-2011-300',
      version: 1,
    });
    // 零售业 with 9 staff is below 小型's 10: micro whatever the revenue (第四条（五）).
    expect((await record(js, usccOf(micro))).body).toMatchObject({ sizeClass: 'micro', sizeCategory: 'retail' });
    // 软件和信息技术服务业 exactly at 小型's 10 staff and 50 万元 is small (第四条（十二）).
    expect((await record(js, usccOf(small))).body).toMatchObject({ sizeClass: 'small', sizeCategory: 'software_it' });
    // F alone: wholesale would be micro, retail small; the larger is taken, and the note says so.
    const f = (await record(js, usccOf(inferred))).body;
    expect(f).toMatchObject({ sizeClass: 'small', sizeCategory: null });
    expect(f.sizeNotes.map((n) => n.code)).toEqual(['category_inferred']);
    // Finance has its own standard (银发〔2015〕309号): not decided here.
    const j = (await record(js, usccOf(finance))).body;
    expect(j).toMatchObject({ sizeClass: null, regionCode: '320102' });
    expect(j.sizeNotes.map((n) => n.code)).toEqual(['industry_not_covered']);

    // The enterprise's identity is the employers register's, registered through it.
    const employers = await js.get(`/api/employers?q=${usccOf(medium)}`);
    expect(employers.json().items).toEqual([
      expect.objectContaining({ uscc: usccOf(medium), name: medium['企业名称'], regionCode: '320505' }),
    ]);

    // Every reason, with the row's cells, in the download.
    const xlsx = await js.get(`/api/fee-refunds/imports/${done.id}/errors.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const sheet = await sheetOf(xlsx);
    expect(sheet.filter((r) => r[0] === '7').map((r) => r[2])).toEqual([
      '「所属区划代码」“3205”应为 6 位数字的行政区划代码（GB/T 2260）',
      '「是否建会」应填“是”或“否”，不是“有”',
    ]);
    // One line per reason: row 7 has two.
    expect(sheet.filter((r) => r[0] !== '行号 Row').map((r) => r[0])).toEqual([
      '7',
      '7',
      '8',
      '9',
      '11',
      '12',
      '13',
      '14',
    ]);
  });

  it('refuses a failing check character unless the importer accepts such warnings, then flags it', async () => {
    const first17 = uniqueUscc('320505').slice(0, 17);
    const wrong = first17 + (usccCheckChar(first17) === '0' ? '1' : '0');
    const file = fileOf([enterprise({ 统一社会信用代码: wrong })]);
    const strict = await imported(js, '校验位.csv', file);
    expect(strict).toMatchObject({ status: 'failed', rowsRejected: 1, rowsAccepted: 0 });
    expect(strict.errors[0]).toMatchObject({
      row: 2,
      field: 'uscc',
      message: expect.stringContaining('接受校验位警告'),
    });
    expect((await record(js, wrong)).status).toBe(404);

    const lenient = await imported(js, '校验位.csv', file, { kind: 'enterprises', acceptWarnings: 'true' });
    expect(lenient).toMatchObject({ status: 'committed', rowsAccepted: 1 });
    expect((await record(js, wrong)).body).toMatchObject({ uscc: wrong, usccCheckWarning: true });
  });

  it('changes nothing when the same rows come again, and updates a changed row with its version', async () => {
    const name = '苏州幂等测试有限公司';
    const rows = [{ ...enterprise({ 企业名称: name }), ...withUnion(name) }, enterprise()];
    const file = fileOf(rows);
    const first = await imported(js, 'v1.csv', file);
    expect(first).toMatchObject({ status: 'committed', rowsAccepted: 2, rowsDuplicate: 0 });
    const auditTotal = async () =>
      (await admin.get(`/api/audit?entityType=fee_enterprise&pageSize=1`)).json<{ total: number }>().total;
    const audited = await auditTotal();

    // The same bytes: the same import, nothing done again.
    const again = await send(js, 'v1-again.csv', file);
    expect(again.json()).toEqual({ id: first.id });
    // The same rows in another file (an XLSX of text cells): read, found equal, nothing written.
    const xlsx = await imported(js, 'v1.xlsx', await xlsxFile([[...HEADERS], ...rows.map(line)]));
    expect(xlsx).toMatchObject({ status: 'committed', rowsAccepted: 2, rowsDuplicate: 2 });
    expect(xlsx.id).not.toBe(first.id);
    expect(await auditTotal()).toBe(audited);
    expect((await record(js, usccOf(rows[0]!))).body).toMatchObject({
      version: 1,
      unionAccount: { accountNo: '0010203040506070' },
    });

    // A changed figure: the profile is written again, version 2, its class recomputed.
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    const bigger = { ...rows[1]!, 从业人员: '320', '营业收入（万元）': '2000' };
    const v2 = await imported(js, 'v2.csv', fileOf([rows[0]!, bigger]));
    expect(v2).toMatchObject({ status: 'committed', rowsAccepted: 2, rowsDuplicate: 1 });
    expect((await record(js, usccOf(bigger))).body).toMatchObject({ version: 2, employees: 320, sizeClass: 'medium' });
    expect(await auditTotal()).toBe(audited + 1);
  });
});

describe('fee refunds: rolling an upload back', () => {
  it('restores what a later import changed, then takes the first one out with the employers it registered', async () => {
    const kept = enterprise();
    const gone = enterprise();
    const a = await imported(js, 'a.csv', fileOf([kept, gone]));
    expect(a.status).toBe('committed');
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    const b = await imported(js, 'b.csv', fileOf([{ ...kept, '营业收入（万元）': '5000' }]));
    expect((await record(js, usccOf(kept))).body).toMatchObject({ version: 2, revenueWan: '5000' });

    // The first import cannot be undone while the later one's change stands.
    const early = await js.post(`/api/fee-refunds/imports/${a.id}/rollback`);
    expect(early.statusCode).toBe(409);
    expect(early.json().messageEn).toContain('was changed after it');
    expect((await finished(js, a.id)).status).toBe('committed');

    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    const undoB = await js.post(`/api/fee-refunds/imports/${b.id}/rollback`);
    expect(undoB.statusCode, undoB.body).toBe(200);
    expect(undoB.json()).toMatchObject({ id: b.id, status: 'rolled_back' });
    expect((await record(js, usccOf(kept))).body).toMatchObject({ version: 1, revenueWan: '300' });

    // An account now names one of the employers the first import registered: the register keeps it.
    const employerId = (await js.get(`/api/employers?q=${usccOf(kept)}`)).json().items[0].id as string;
    await newAccount(t, { role: 'employer_agent', regionCode: '320505', employerId });
    const undoA = await js.post(`/api/fee-refunds/imports/${a.id}/rollback`);
    expect(undoA.statusCode, undoA.body).toBe(200);
    expect(undoA.json().status).toBe('rolled_back');
    expect((await record(js, usccOf(kept))).status).toBe(404);
    expect((await record(js, usccOf(gone))).status).toBe(404);
    expect((await js.get(`/api/employers?q=${usccOf(kept)}`)).json().total).toBe(1);
    expect((await js.get(`/api/employers?q=${usccOf(gone)}`)).json().total).toBe(0);
    // Twice is once; rolled back, the same file may be imported again as a new upload.
    expect((await js.post(`/api/fee-refunds/imports/${a.id}/rollback`)).json().status).toBe('rolled_back');
    const anew = await imported(js, 'a.csv', fileOf([kept, gone]));
    expect(anew.id).not.toBe(a.id);
    expect(anew).toMatchObject({ status: 'committed', rowsAccepted: 2, rowsDuplicate: 0 });
  });
});

describe('fee refunds: the registry', () => {
  const region = (code: string, n: number) =>
    Array.from({ length: n }, (_, i) =>
      enterprise({ 所属区划代码: code, 企业名称: `名录分页测试${code}企业${i + 1}号`, 从业人员: String(5 + i) }),
    );
  let suzhouRows: Cells[];
  let nanjingRows: Cells[];
  beforeAll(async () => {
    suzhouRows = region('320506', 3);
    nanjingRows = region('320104', 2);
    nanjingRows[0] = { ...nanjingRows[0]!, ...withUnion(nanjingRows[0]!['企业名称']!) };
    expect((await imported(js, 'list.csv', fileOf([...suzhouRows, ...nanjingRows]))).status).toBe('committed');
  });

  it('pages and filters within the caller’s region', async () => {
    const page = async (a: Agent, query: string) =>
      (await a.get(`/api/fee-refunds/enterprises?q=名录分页测试&${query}`)).json<{
        items: FeeEnterprise[];
        total: number;
      }>();
    const p1 = await page(js, 'pageSize=2');
    const p2 = await page(js, 'pageSize=2&page=2');
    const p3 = await page(js, 'pageSize=2&page=3');
    expect(p1.total).toBe(5);
    const names = [...p1.items, ...p2.items, ...p3.items].map((e) => e.name);
    expect(new Set(names).size).toBe(5);
    expect(names.sort()).toEqual([...suzhouRows, ...nanjingRows].map((r) => r['企业名称']).sort());

    // Suzhou's union sees Suzhou; Zhongshan's sees no Jiangsu enterprise, whatever it asks.
    const sz = await page(suzhou, 'pageSize=50');
    expect(sz.items.map((e) => e.regionCode)).toEqual(['320506', '320506', '320506']);
    expect((await page(suzhou, 'regionCode=320104')).total).toBe(0);
    expect((await page(zhongshan, 'pageSize=50')).total).toBe(0);
    expect((await page(zhongshan, 'regionCode=320000')).total).toBe(0);

    expect((await page(js, 'regionCode=320104')).items.map((e) => e.name).sort()).toEqual(
      nanjingRows.map((r) => r['企业名称']).sort(),
    );
    expect((await page(js, 'hasUnion=true')).items.map((e) => e.name)).toEqual([nanjingRows[0]!['企业名称']]);
    expect((await page(js, 'hasUnion=false')).total).toBe(4);
    // 工业 with 5–7 staff is below 小型's 20: every one is micro.
    expect((await page(js, 'sizeClass=micro')).total).toBe(5);
    expect((await page(js, 'sizeClass=small')).total).toBe(0);
    const byUscc = await js.get(`/api/fee-refunds/enterprises?q=${usccOf(suzhouRows[0]!).toLowerCase()}`);
    expect(byUscc.json().items.map((e: FeeEnterprise) => e.uscc)).toEqual([usccOf(suzhouRows[0]!)]);
  });

  it('lists an undecided class as unknown', async () => {
    const missing = enterprise({ 从业人员: '', 行业门类: 'C', '营业收入（万元）': '500' });
    await imported(js, 'unknown.csv', fileOf([missing]));
    const res = (await js.get(`/api/fee-refunds/enterprises?sizeClass=unknown&q=${usccOf(missing)}`)).json();
    expect(res.items).toEqual([expect.objectContaining({ uscc: usccOf(missing), sizeClass: null, employees: null })]);
    expect(res.items[0].sizeNotes.map((n: { code: string }) => n.code)).toEqual(['indicator_missing']);
  });

  it('reads an enterprise by USCC only inside the caller’s region', async () => {
    const nanjing = usccOf(nanjingRows[1]!);
    expect((await record(js, nanjing.toLowerCase())).status).toBe(200);
    expect((await record(admin, nanjing)).status).toBe(200);
    for (const outside of [suzhou, zhongshan]) {
      const res = await record(outside, nanjing);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    expect((await record(js, uniqueUscc('320505'))).status).toBe(404);
  });
});

describe('fee refunds: what the routes refuse', () => {
  let importId: string;
  let enterpriseUscc: string;
  beforeAll(async () => {
    const row = enterprise();
    enterpriseUscc = usccOf(row);
    importId = (await imported(js, 'refusals.csv', fileOf([row]))).id;
  });

  const routes = () =>
    [
      { method: 'GET', url: '/api/fee-refunds/enterprises' },
      { method: 'GET', url: `/api/fee-refunds/enterprises/${enterpriseUscc}` },
      { method: 'GET', url: '/api/fee-refunds/imports/template.xlsx?kind=enterprises' },
      { method: 'GET', url: `/api/fee-refunds/imports/${importId}` },
      { method: 'GET', url: `/api/fee-refunds/imports/${importId}/errors.xlsx` },
      { method: 'POST', url: `/api/fee-refunds/imports/${importId}/rollback` },
    ] as const;

  it('answers 401 without a login', async () => {
    for (const r of routes()) expect((await agent(t.app).request(r)).statusCode, r.url).toBe(401);
    const upload = await send(agent(t.app), 'x.csv', fileOf([enterprise()]));
    expect(upload.statusCode).toBe(401);
  });

  it('answers 403 to a role without fee-refund permissions', async () => {
    for (const r of routes()) {
      const res = await judge.request(r);
      expect(res.statusCode, r.url).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    expect((await send(judge, 'x.csv', fileOf([enterprise()]))).statusCode).toBe(403);
  });

  it('answers 403 for another region’s import, and leaves it as it was', async () => {
    for (const r of routes().filter((r) => r.url.includes(importId)))
      expect((await zhongshan.request(r)).statusCode, r.url).toBe(403);
    expect((await finished(js, importId)).status).toBe('committed');
  });

  it('answers 404 to a forged import id, and to an import of another kind', async () => {
    const forged = crypto.randomUUID();
    expect((await js.get(`/api/fee-refunds/imports/${forged}`)).statusCode).toBe(404);
    expect((await js.get(`/api/fee-refunds/imports/${forged}/errors.xlsx`)).statusCode).toBe(404);
    expect((await js.post(`/api/fee-refunds/imports/${forged}/rollback`)).statusCode).toBe(404);
    // An employers import (the generic pipeline) is not a fee-refund upload.
    const employers = await uploaded(
      t,
      js,
      'employers.csv',
      csvFile([EMPLOYER_HEADERS, [uniqueUscc('320505'), '苏州某单位', '320505', 'C35', '', '']]),
    );
    expect((await js.get(`/api/fee-refunds/imports/${employers.id as string}`)).statusCode).toBe(404);
    expect((await js.post(`/api/fee-refunds/imports/${employers.id as string}/rollback`)).statusCode).toBe(404);
  });

  it('answers 400 to bad input that would otherwise reach the database', async () => {
    const bad = [
      '/api/fee-refunds/imports/not-a-uuid',
      '/api/fee-refunds/imports/not-a-uuid/errors.xlsx',
      '/api/fee-refunds/imports/template.xlsx',
      '/api/fee-refunds/imports/template.xlsx?kind=people',
      '/api/fee-refunds/enterprises/12345',
      `/api/fee-refunds/enterprises/${'9'.repeat(80)}`,
      `/api/fee-refunds/enterprises/${encodeURIComponent('91320505MA1XK7Q2\u202E1')}`,
      '/api/fee-refunds/enterprises?sizeClass=huge',
      '/api/fee-refunds/enterprises?hasUnion=maybe',
      '/api/fee-refunds/enterprises?regionCode=32',
      '/api/fee-refunds/enterprises?page=0',
      '/api/fee-refunds/enterprises?pageSize=100000',
      `/api/fee-refunds/enterprises?q=${encodeURIComponent('\u202E苏州')}`,
    ];
    for (const url of bad) {
      const res = await js.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code).toBe('VALIDATION');
    }
    expect((await js.post('/api/fee-refunds/imports/not-a-uuid/rollback')).statusCode).toBe(400);
    // Not multipart; no kind; an unknown kind; the kind after the file.
    expect((await js.post('/api/fee-refunds/imports', { kind: 'enterprises' })).statusCode).toBe(400);
    const noKind = await send(js, 'x.csv', fileOf([enterprise()]), {});
    expect(noKind.statusCode).toBe(400);
    expect(noKind.json().field).toBe('kind');
    const unknown = await send(js, 'x.csv', fileOf([enterprise()]), { kind: 'people' });
    expect(unknown.json()).toMatchObject({ code: 'VALIDATION', field: 'kind' });
    // An employee count past any integer column is a row's reason, not a database error.
    const huge = await imported(
      js,
      'huge.csv',
      fileOf([enterprise({ 从业人员: '99999999999', '营业收入（万元）': '9'.repeat(20) })]),
    );
    expect(huge.status).toBe('failed');
    expect(huge.errors.map((e) => e.field).sort()).toEqual(['employees', 'revenueWan']);
  });

  it('answers a validation error for a file kind the contract does not name, and builds nothing for it', async () => {
    // bank_credits, which answered 422 NOT_AVAILABLE before, is served now (fee-refunds-bank.test.ts).
    const res = await send(js, 'payments.csv', Buffer.from('纳税人识别号,金额\r\n'), { kind: 'payments' });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION', field: 'kind' });
    expect(res.json().messageEn).toContain('enterprises, tax or bank_credits');
    const template = await js.get('/api/fee-refunds/imports/template.xlsx?kind=payments');
    expect(template.statusCode).toBe(400);
  });

  it('needs the CSRF token for an upload and a rollback', async () => {
    const headers = { 'x-csrf-token': 'wrong' };
    const upload = await js.request({ method: 'POST', url: '/api/fee-refunds/imports', headers });
    expect(upload.statusCode).toBe(403);
    const rollback = await js.request({
      method: 'POST',
      url: `/api/fee-refunds/imports/${importId}/rollback`,
      headers,
    });
    expect(rollback.statusCode).toBe(403);
    expect((await finished(js, importId)).status).toBe('committed');
  });
});

describe('fee refunds: files, templates and policies', () => {
  it('fails a file without the template’s columns as a whole, saying which', async () => {
    const partial = csvFile([
      ['统一社会信用代码', '企业名称', '所属区划代码', '行业门类'],
      [uniqueUscc('320505'), '苏州缺列公司', '320505', 'C35'],
    ]);
    const done = await imported(js, 'partial.csv', partial);
    expect(done).toMatchObject({ status: 'failed', rowsTotal: 0 });
    expect(done.errors).toEqual([
      {
        row: null,
        field: null,
        message: expect.stringContaining('表头缺少必填列：从业人员、营业收入（万元）'),
        messageEn: expect.stringContaining('lacks required columns: Employees, Revenue (10,000 yuan)'),
      },
    ]);
  });

  it('serves the template with exactly the registry’s headers, as text columns', async () => {
    const res = await js.get('/api/fee-refunds/imports/template.xlsx?kind=enterprises');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const [header] = await sheetOf(res);
    expect(header).toEqual(
      HEADERS.filter((h) => h !== '备注')
        .slice()
        .sort((a, b) => order(a) - order(b)),
    );
  });

  it('keeps the policy versions as data, seeded with Jiangsu 2020–2024', async () => {
    const stored = await storedFeePolicies(t.deps);
    expect(stored).toEqual([JIANGSU_2020_2024]);
    expect(checkPolicyVersions(stored)).toEqual([]);
    const audit = (await admin.get('/api/audit?entityType=fee_policy_version')).json();
    expect(audit.items.map((i: { entityId: string }) => i.entityId)).toEqual([JIANGSU_2020_2024.id]);
  });
});

/** The template's order: the brief's list of headers. */
function order(header: string): number {
  return [
    '统一社会信用代码',
    '企业名称',
    '所属区划代码',
    '行业门类',
    '从业人员',
    '营业收入（万元）',
    '资产总额（万元）',
    '是否建会',
    '建会日期',
    '工会账户开户行号',
    '工会账户账号',
    '工会账户户名',
    '缴费账户开户行号',
    '缴费账户账号',
    '缴费账户户名',
  ].indexOf(header);
}
