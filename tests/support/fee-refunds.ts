import { expect } from 'vitest';
import type { FeeImport } from '../../contracts/fee-refunds/responses.js';
import type { FeeLine } from '../../contracts/fee-refunds/runs.js';
import type { Page } from '../../contracts/paging.js';
import type { Agent, TestApp } from './app.js';
import { newAccount, uniqueUscc, type LoggedIn } from './factories.js';
import { csvFile, multipartBody } from './imports.js';

// Helpers of the fee-refund tests: rows of the three files as other systems send them, the
// upload through the HTTP API and the wait for its job.

export type Cells = Record<string, string>;

/** The province union's account refunds are paid from in these tests (江苏省总工会). */
export const JIANGSU_PAYING_ACCOUNT = {
  bankCode: '102301000011',
  accountNo: '3200000000000001',
  accountName: '江苏省总工会',
} as const;

/** Sets a region's paying account as the checker does (a run needs one to make batches). */
export async function setPayingAccount(checker: Agent, regionCode = '320000', account = JIANGSU_PAYING_ACCOUNT) {
  const res = await checker.put(`/api/fee-refunds/paying-accounts/${regionCode}`, account);
  expect(res.statusCode, res.body).toBe(200);
}

/**
 * Jiangsu's province refund staff on a fresh app: a maker and a checker (two people, so the
 * four-eyes rule can be met), the province's paying account set by the checker.
 */
export async function jiangsuRefundStaff(
  t: TestApp,
  opts: { makerPhone?: string } = {},
): Promise<{ maker: LoggedIn; checker: LoggedIn }> {
  const maker = await newAccount(t, { role: 'union_staff', regionCode: '320000', phone: opts.makerPhone });
  const checker = await newAccount(t, { role: 'union_staff', regionCode: '320000' });
  await setPayingAccount(checker);
  return { maker, checker };
}

/** A Suzhou 虎丘区 enterprise: small (25 staff, ¥3m revenue) manufacturer, without a union unless told. */
export function enterpriseRow(over: Cells = {}): Cells {
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

/** The union and both accounts of an enterprise (digits derived from the USCC so each differs). */
export function unionCells(uscc: string, name = '企业'): Cells {
  const digits = uscc.replace(/\D/g, '').padEnd(12, '7').slice(0, 12);
  return {
    是否建会: '是',
    建会日期: '2019-03-08',
    工会账户开户行号: '102305002019',
    工会账户账号: `0${digits}1`,
    工会账户户名: `${name}工会委员会`,
    缴费账户开户行号: '001305000016',
    缴费账户账号: `0${digits}2`,
    缴费账户户名: name,
  };
}

let ticketSerial = 0;
/** A new e-ticket number (20 digits, starting with 0). */
export const eTicket = () =>
  `0321${String(Date.now() % 1e9).padStart(9, '0')}${String(++ticketSerial).padStart(7, '0')}`;

export const HUQIU_OFFICE = '国家税务总局苏州市虎丘区税务局';
export const XUANWU_OFFICE = '国家税务总局南京市玄武区税务局';

export const usccOf = (c: Cells) => c['统一社会信用代码']!;

/** An enterprise of the county, with a union and its accounts when named, without one when null. */
export function inCounty(county: string, union: string | null): Cells {
  const e = enterpriseRow({ 所属区划代码: county });
  return union ? Object.assign(e, unionCells(usccOf(e), union)) : e;
}

/** The enterprise's first refund line as the lines API shows it. */
export async function firstLineOf(a: Agent, e: Cells): Promise<FeeLine> {
  const res = await a.get(`/api/fee-refunds/lines?uscc=${usccOf(e)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page<FeeLine>>().items[0]!;
}

/** A collection: 2 % of the wage base, first quarter of 2024, at 虎丘区's tax office on 2024-04-15. */
export function collectionRow(uscc: string, paidYuan: string, over: Cells = {}): Cells {
  return {
    电子税票号码: eTicket(),
    纳税人名称: '企业',
    统一社会信用代码: uscc,
    税款所属期起: '2024-01-01',
    税款所属期止: '2024-03-31',
    计税依据: (Number(paidYuan) * 50).toFixed(2),
    税率: '0.02',
    实缴金额: paidYuan,
    征收税务机关: HUQIU_OFFICE,
    入库日期: '2024-04-15',
    所属区划代码: '320505',
    ...over,
  };
}

let creditSerial = 0;
export function creditRow(amountYuan: string, over: Cells = {}): Cells {
  return {
    流水号: `C${String(Date.now() % 1e9).padStart(9, '0')}${String(++creditSerial).padStart(5, '0')}`,
    付款方名称: HUQIU_OFFICE,
    入账日期: '2024-04-15',
    金额: amountYuan,
    ...over,
  };
}

/** A CSV of the rows, the headers being every key any row has. */
export function cellsFile(rows: Cells[]): Buffer {
  const headers = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return csvFile([headers, ...rows.map((r) => headers.map((h) => r[h] ?? ''))]);
}

/** Uploads a file of the kind and answers the import once its job is done. */
export async function feeImported(t: TestApp, a: Agent, kind: string, rows: Cells[]): Promise<FeeImport> {
  const res = await a.request({
    method: 'POST',
    url: '/api/fee-refunds/imports',
    ...multipartBody({ kind }, `${kind}.csv`, cellsFile(rows)),
  });
  expect(res.statusCode, res.body).toBe(200);
  const id = res.json<{ id: string }>().id;
  for (let i = 0; i < 400; i++) {
    await t.jobs.idle();
    const state = await a.get(`/api/fee-refunds/imports/${id}`);
    expect(state.statusCode, state.body).toBe(200);
    const body = state.json<FeeImport>();
    if (body.status !== 'running') return body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`import ${id} still running`);
}
