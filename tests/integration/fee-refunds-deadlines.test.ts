import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, todayInChina } from '../../contracts/dates.js';
import type { FeeLine, FeeRun } from '../../contracts/fee-refunds/runs.js';
import type { Page } from '../../contracts/paging.js';
import { runDeadlineReminders } from '../../server/modules/fee-refunds/runs/deadlines.js';
import { outbox } from '../../server/modules/notifications/tables.js';
import { createTestApp, loginAs, type TestApp } from '../support/app.js';
import {
  collectionRow,
  creditRow,
  enterpriseRow,
  feeImported,
  unionCells,
  jiangsuRefundStaff,
} from '../support/fee-refunds.js';
import { FACTORY_PASSWORD, newAccount, uniquePhone, type LoggedIn } from '../support/factories.js';

// Each refund line is due one month after its data arrived: the lines list filters the overdue
// and the at-risk ones, and the daily job tells each refund maker of the region, by SMS, once a
// day — a second run of the same day sends nothing, a city's staff hear only of their city.

let t: TestApp;
let maker: LoggedIn;
const makerPhone = uniquePhone();
const wuxiPhone = uniquePhone();
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  ({ maker } = await jiangsuRefundStaff(t, { makerPhone }));
  // Wuxi's city union: the line is in Suzhou, so it hears nothing.
  await newAccount(t, { role: 'union_staff', regionCode: '320200', phone: wuxiPhone });
  const e = enterpriseRow();
  Object.assign(e, unionCells(e['统一社会信用代码']!, '到期企业'));
  await feeImported(t, maker, 'enterprises', [e]);
  await feeImported(t, maker, 'tax', [collectionRow(e['统一社会信用代码']!, '88.00', { 入库日期: '2024-09-09' })]);
  await feeImported(t, maker, 'bank_credits', [creditRow('88.00', { 入账日期: '2024-09-09' })]);
  const run = await maker.post('/api/fee-refunds/runs', { regionCode: '320000', month: '2024-09' });
  expect(run.statusCode, run.body).toBe(200);
  expect(run.json<FeeRun>().batches).toHaveLength(1);
});
afterAll(() => t.close());

/** The session expires as the clock moves: sign in again at the new time. */
const fresh = () => loginAs(t.app, maker.username, FACTORY_PASSWORD);

async function lines(query: string) {
  const res = await (await fresh()).get(`/api/fee-refunds/lines?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page<FeeLine>>();
}

const sms = (phone: string) =>
  t.deps.db
    .select({ body: outbox.body })
    .from(outbox)
    .where(and(eq(outbox.recipient, phone), like(outbox.topic, 'fee_refund_deadlines:%')));

describe('fee refunds: deadlines', () => {
  it('is due a month after the data arrived, and nobody is reminded while it is far off', async () => {
    const [line] = (await lines('pageSize=10')).items;
    expect(line!.dueOn).toBe(addMonths(todayInChina(t.clock.now), 1));
    expect(line!.overdue).toBe(false);
    expect((await lines('atRisk=true')).total).toBe(0);
    expect(await runDeadlineReminders(t.deps)).toEqual({ reminded: 0 });
  });

  it('lists the line at risk in its last week and tells the province maker once a day', async () => {
    const [line] = (await lines('pageSize=10')).items;
    t.clock.now = new Date(`${addDays(line!.dueOn, -3)}T02:00:00Z`);
    expect((await lines('atRisk=true')).total).toBe(1);
    expect((await lines('overdue=true')).total).toBe(0);
    expect(await runDeadlineReminders(t.deps)).toEqual({ reminded: 1 });
    expect(await runDeadlineReminders(t.deps)).toEqual({ reminded: 0 });
    const [message] = await sms(makerPhone);
    expect(message!.body).toContain('0笔已逾期、1笔将在7日内到期');
    expect(await sms(wuxiPhone)).toEqual([]);
  });

  it('lists it overdue once the day has passed, and reminds again the next day', async () => {
    const [line] = (await lines('pageSize=10')).items;
    t.clock.now = new Date(`${addDays(line!.dueOn, 1)}T02:00:00Z`);
    const overdue = await lines('overdue=true');
    expect(overdue.items).toMatchObject([{ overdue: true, state: 'in_batch' }]);
    expect(await runDeadlineReminders(t.deps)).toEqual({ reminded: 1 });
    const bodies = (await sms(makerPhone)).map((m) => m.body);
    expect(bodies).toHaveLength(2);
    expect(bodies.some((b) => b.includes('1笔已逾期、0笔将在7日内到期'))).toBe(true);
  });
});
