import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../server/modules/audit/tables.js';
import { feeCollections, feeCollectionStaging } from '../../server/modules/fee-refunds/tables.js';
import { expireCheckedImportsJob } from '../../server/modules/imports/expire-job.js';
import { importRows } from '../../server/modules/imports/tables.js';
import { createTestApp, loginAs, type Agent, type TestApp } from '../support/app.js';
import { cellsFile, collectionRow } from '../support/fee-refunds.js';
import { FACTORY_PASSWORD, newAccount, uniquePhone, uniqueUscc, type LoggedIn } from '../support/factories.js';
import { committed, csvFile, EMPLOYER_HEADERS, uploaded } from '../support/imports.js';

// A checked import that nobody commits is discarded after 7 days by the daily job: it fails
// with the reason in both languages, its accepted staged rows go (a tax file's typed staging
// rows too), its rejected rows and their reasons stay, nothing reaches the records, and it can
// no longer be committed. A younger one, or one committed in time, is left alone.

let t: TestApp;
let union: LoggedIn;
/** The union's session now (signed in again after the clock moves on). */
let agent: Agent;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  union = await newAccount(t, { role: 'union_staff', regionCode: '320000' });
  agent = union;
});
afterAll(() => t.close());

const DAY = 86_400_000;
const count = async (table: typeof feeCollectionStaging | typeof feeCollections, importId: string) =>
  (
    await t.deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(table)
      .where(eq(table.importId, importId))
  )[0]!.n;
const rowsOf = async (importId: string) =>
  (
    await t.deps.db
      .select({
        n: sql<number>`count(*)::int`,
        rejected: sql<number>`(count(*) filter (where errors is not null))::int`,
      })
      .from(importRows)
      .where(eq(importRows.importId, importId))
  )[0]!;

async function runExpiry() {
  await t.jobs.send(expireCheckedImportsJob, {});
  await t.jobs.idle();
}

describe('imports: checked but never committed', () => {
  it('discards an old checked tax file and an old employer file, keeps the reasons, leaves a young one', async () => {
    const start = t.clock.now;
    // A tax file (bulk lane) with two good rows and one without its e-ticket number.
    const good = [collectionRow(uniqueUscc('320505'), '10.00'), collectionRow(uniqueUscc('320505'), '20.00')];
    const bad = collectionRow(uniqueUscc('320505'), '5.00', { 电子税票号码: '' });
    const tax = await uploaded(t, agent, 'tax.csv', cellsFile([...good, bad]), { kind: 'fee_tax' });
    expect(tax).toMatchObject({ status: 'validated', totalRows: 3, rejectedRows: 1 });
    expect(await count(feeCollectionStaging, tax.id as string)).toBe(2);
    // An employer file (the usual lane: accepted rows staged as JSON).
    const employers = await uploaded(
      t,
      union,
      'employers.csv',
      csvFile([EMPLOYER_HEADERS, [uniqueUscc('320505'), '苏州甲公司', '320505', 'C35', '王', uniquePhone()]]),
    );
    expect(employers.status).toBe('validated');
    expect((await rowsOf(employers.id as string)).n).toBe(1);

    // Six days on: nothing is discarded yet, and a new file is checked.
    t.clock.now = new Date(start.getTime() + 6 * DAY);
    agent = await loginAs(t.app, union.username, FACTORY_PASSWORD); // the first session has timed out
    const young = await uploaded(t, agent, 'young.csv', cellsFile([collectionRow(uniqueUscc('320505'), '30.00')]), {
      kind: 'fee_tax',
    });
    await runExpiry();
    expect((await agent.get(`/api/imports/${tax.id}`)).json().status).toBe('validated');

    // Eight days on: the two old ones are discarded, the young one (two days old) is not.
    t.clock.now = new Date(start.getTime() + 8 * DAY);
    agent = await loginAs(t.app, union.username, FACTORY_PASSWORD);
    await runExpiry();
    const expired = (await agent.get(`/api/imports/${tax.id}`)).json<{
      status: string;
      failure: { zh: string; en: string } | null;
    }>();
    expect(expired.status).toBe('failed');
    expect(expired.failure?.zh).toContain('7 天内未提交');
    expect(expired.failure?.en).toContain('Upload the file again');
    expect(await count(feeCollectionStaging, tax.id as string)).toBe(0);
    expect(await count(feeCollections, tax.id as string)).toBe(0);
    // The rejected row and its reason stay readable.
    expect(await rowsOf(tax.id as string)).toEqual({ n: 1, rejected: 1 });
    expect((await agent.get(`/api/imports/${tax.id}/rejected.xlsx`)).statusCode).toBe(200);
    expect((await agent.post(`/api/imports/${tax.id}/commit`)).statusCode).toBe(409);

    expect((await agent.get(`/api/imports/${employers.id}`)).json().status).toBe('failed');
    expect((await rowsOf(employers.id as string)).n).toBe(0);

    const audit = await t.deps.db
      .select({ entityId: auditLog.entityId })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'import.expired')));
    expect(audit.map((a) => a.entityId).sort()).toEqual([tax.id, employers.id].sort());

    // The young one still commits, whole.
    const done = await committed(t, agent, young.id as string);
    expect(done).toMatchObject({ status: 'committed', inserted: 1 });
    expect(await count(feeCollections, young.id as string)).toBe(1);
    // Later runs find nothing more to discard.
    t.clock.now = new Date(start.getTime() + 30 * DAY);
    agent = await loginAs(t.app, union.username, FACTORY_PASSWORD);
    await runExpiry();
    expect((await agent.get(`/api/imports/${young.id}`)).json().status).toBe('committed');
  });
});
