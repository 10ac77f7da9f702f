import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { outbox } from '../../server/modules/notifications/tables.js';
import type { TestApp } from './app.js';
import { newAccount, newEmployer, type Employer, type LoggedIn } from './factories.js';
import { collectionRow, creditRow, enterpriseRow, feeImported, HUQIU_OFFICE, unionCells } from './fee-refunds.js';

// Enterprises that have refunds to look up, as an enterprise reaches them: registered in the
// employers register with a contact phone, profiled by the fee registry's import, their fees
// collected and credited, and April and May 2024 computed by a Suzhou union's run.

export interface RefundedEnterprises {
  staff: LoggedIn;
  /** With a union and its account: ¥200.00 in April, ¥50.00 in May, both being paid. */
  withUnion: Employer;
  /** Without a union: ¥150.00 in April held as preparation fund. */
  noUnion: Employer;
  /** With a union: ¥90.00 in April. */
  other: Employer;
}

export async function refundedEnterprises(t: TestApp): Promise<RefundedEnterprises> {
  const staff = await newAccount(t, { role: 'union_staff', regionCode: '320000' });
  const paying = await staff.put('/api/fee-refunds/paying-accounts/320500', {
    bankCode: '102305000012',
    accountNo: '3205000000000001',
    accountName: '苏州市总工会',
  });
  expect(paying.statusCode, paying.body).toBe(200);
  const withUnion = await newEmployer(t, { regionCode: '320505' });
  const noUnion = await newEmployer(t, { regionCode: '320505' });
  const other = await newEmployer(t, { regionCode: '320505' });
  const rows = [
    { ...enterpriseRow({ 统一社会信用代码: withUnion.uscc }), ...unionCells(withUnion.uscc, '甲企业') },
    enterpriseRow({ 统一社会信用代码: noUnion.uscc }),
    { ...enterpriseRow({ 统一社会信用代码: other.uscc }), ...unionCells(other.uscc, '丙企业') },
  ];
  expect((await feeImported(t, staff, 'enterprises', rows)).rowsRejected).toBe(0);
  const collections = [
    collectionRow(withUnion.uscc, '200.00'),
    collectionRow(withUnion.uscc, '50.00', { 入库日期: '2024-05-15' }),
    collectionRow(noUnion.uscc, '150.00'),
    collectionRow(other.uscc, '90.00'),
  ];
  expect((await feeImported(t, staff, 'tax', collections)).rowsRejected).toBe(0);
  const credits = [
    creditRow('440.00', { 付款方名称: HUQIU_OFFICE, 入账日期: '2024-04-15' }),
    creditRow('50.00', { 付款方名称: HUQIU_OFFICE, 入账日期: '2024-05-15' }),
  ];
  expect((await feeImported(t, staff, 'bank_credits', credits)).rowsRejected).toBe(0);
  for (const month of ['2024-04', '2024-05']) {
    const run = await staff.post('/api/fee-refunds/runs', { regionCode: '320000', month });
    expect(run.statusCode, run.body).toBe(200);
  }
  return { staff, withUnion, noUnion, other };
}

/** Every fee-refund code texted so far, with where it went (read from the outbox). */
export async function feeCodesSent(t: TestApp) {
  const rows = await t.deps.db
    .select({ recipient: outbox.recipient, body: outbox.body })
    .from(outbox)
    .where(eq(outbox.template, 'fee_refunds.enterprise_code'));
  return rows.map((r) => ({ recipient: r.recipient, code: /验证码为(\d{6})/.exec(r.body)?.[1] }));
}

/** The fee-refund code last texted to a phone. */
export async function lastFeeCodeTo(t: TestApp, phone: string): Promise<string> {
  const code = (await feeCodesSent(t)).filter((c) => c.recipient === phone).at(-1)?.code;
  expect(code).toMatch(/^\d{6}$/);
  return code!;
}
