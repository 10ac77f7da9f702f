import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeeImport } from '../../contracts/fee-refunds/responses.js';
import { feeCollections, feeCollectionStaging } from '../../server/modules/fee-refunds/tables.js';
import { importChanges, importRows } from '../../server/modules/imports/tables.js';
import { createTestApp, type TestApp } from '../support/app.js';
import {
  cellsFile,
  collectionRow,
  creditRow,
  enterpriseRow,
  feeImported,
  unionCells,
  type Cells,
  jiangsuRefundStaff,
} from '../support/fee-refunds.js';
import { uniqueUscc, type LoggedIn } from '../support/factories.js';
import { multipartBody } from '../support/imports.js';

// The tax import's fast lane (typed staging by COPY, one INSERT … SELECT per chunk, rollback by
// import) through the HTTP API: counts and stored rows to the fen with good, rejected, repeated
// and already stored rows; the same file twice; rollback of exactly one import, refused once a
// run computed it; and a file of 20,000 rows committed whole.

let t: TestApp;
let maker: LoggedIn;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  ({ maker } = await jiangsuRefundStaff(t));
});
afterAll(() => t.close());

const tk = (c: Cells) => c['电子税票号码']!;
const storedOf = (importId: string) =>
  t.deps.db
    .select()
    .from(feeCollections)
    .where(eq(feeCollections.importId, importId))
    .orderBy(asc(feeCollections.eTicketNo), asc(feeCollections.periodFrom));
const countOf = async (where: ReturnType<typeof sql>) =>
  (
    await t.deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(feeCollections)
      .where(where)
  )[0]!.n;

async function upload(rows: Cells[], filename = 'tax.csv') {
  const res = await maker.request({
    method: 'POST',
    url: '/api/fee-refunds/imports',
    ...multipartBody({ kind: 'tax' }, filename, cellsFile(rows)),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ id: string }>().id;
}

async function finished(id: string): Promise<FeeImport> {
  for (let i = 0; i < 1200; i++) {
    await t.jobs.idle();
    const body = (await maker.get(`/api/fee-refunds/imports/${id}`)).json<FeeImport>();
    if (body.status !== 'running') return body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`import ${id} still running`);
}

describe('fee refunds: the tax import’s fast lane', () => {
  const a = uniqueUscc('320505');
  const b = uniqueUscc('320583');
  const earlier = collectionRow(a, '88.88');
  const good1 = collectionRow(a, '1234.56', { 计税依据: '61728.00' });
  const good2 = collectionRow(b, '0.01', { 税率: '2%', 计税依据: '0.50', 所属区划代码: '320583' });
  const good3 = collectionRow(b, '200.00', { 纳税人名称: '名称\t带制表符\\与反斜杠', 所属区划代码: '320583' });
  let firstId = '';

  it('counts good, rejected, repeated and already stored rows, and stores each good one once, to the fen', async () => {
    const before = await feeImported(t, maker, 'tax', [earlier]);
    expect(before).toMatchObject({ status: 'committed', rowsAccepted: 1, rowsDuplicate: 0 });
    const rows = [
      good1, // row 2
      collectionRow(a, '-1.00', { 计税依据: '50.00' }), // 3: negative
      good2, // 4
      { ...good1, 实缴金额: '9999.99' }, // 5: same ticket and period as row 2: duplicate, the first wins
      { ...earlier }, // 6: stored by the earlier import: duplicate
      collectionRow(a, '1.00', { 所属区划代码: '329999' }), // 7: unknown region
      good3, // 8
      collectionRow(b, '5.00', { 电子税票号码: '' }), // 9: no e-ticket
    ];
    firstId = await upload(rows, 'mixed.csv');
    const done = await finished(firstId);
    expect(done).toMatchObject({
      status: 'committed',
      rowsTotal: 8,
      rowsAccepted: 5,
      rowsRejected: 3,
      rowsDuplicate: 2,
      progress: 1,
    });
    expect(done.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'paid'],
      [7, 'regionCode'],
      [9, 'eTicketNo'],
    ]);
    const stored = await storedOf(firstId);
    const expected = [good1, good2, good3]
      .map((c) => ({
        eTicketNo: tk(c),
        uscc: c['统一社会信用代码'],
        taxpayerName: c['纳税人名称'],
        paidFen: Math.round(Number(c['实缴金额']) * 100),
        wageBaseFen: Math.round(Number(c['计税依据']) * 100),
        rateBp: 200,
        periodFrom: '2024-01-01',
        periodTo: '2024-03-31',
        taxOfficeName: c['征收税务机关'],
        treasuryDate: '2024-04-15',
        regionCode: c['所属区划代码'],
      }))
      .sort((x, y) => x.eTicketNo.localeCompare(y.eTicketNo));
    expect(stored.map((s) => ({ ...s, id: undefined, importId: undefined, createdAt: undefined }))).toEqual(
      expected.map((e) => ({ ...e, id: undefined, importId: undefined, createdAt: undefined })),
    );
    expect(stored.find((s) => s.eTicketNo === tk(good1))!.paidFen).toBe(123_456);
    expect(await countOf(sql`e_ticket_no = ${tk(earlier)}`)).toBe(1);
    // Nothing left behind: no staged rows, no accepted rows as JSON, no per-record change list.
    const staged = await t.deps.db
      .select()
      .from(feeCollectionStaging)
      .where(eq(feeCollectionStaging.importId, firstId));
    expect(staged).toEqual([]);
    const json = await t.deps.db.select().from(importRows).where(eq(importRows.importId, firstId));
    expect(json.map((r) => r.rowNo).sort((x, y) => x - y)).toEqual([3, 7, 9]);
    expect(await t.deps.db.select().from(importChanges).where(eq(importChanges.importId, firstId))).toEqual([]);

    const xlsx = await maker.get(`/api/fee-refunds/imports/${firstId}/errors.xlsx`);
    expect(xlsx.statusCode).toBe(200);
  });

  it('changes nothing with the same file again, or the same rows in another file', async () => {
    const rows = [good1, collectionRow(a, '-1.00', { 计税依据: '50.00' }), good2, good3];
    const total = await countOf(sql`true`);
    const again = await upload(
      [
        good1,
        collectionRow(a, '-1.00', { 计税依据: '50.00' }),
        good2,
        { ...good1, 实缴金额: '9999.99' },
        { ...earlier },
        collectionRow(a, '1.00', { 所属区划代码: '329999' }),
        good3,
        collectionRow(b, '5.00', { 电子税票号码: '' }),
      ],
      'other-name.csv',
    );
    // Other tickets in the rejected rows make other bytes: a new import, all of whose rows are duplicates.
    expect(await finished(again)).toMatchObject({ status: 'committed', rowsAccepted: 5, rowsDuplicate: 5 });
    expect(await countOf(sql`true`)).toBe(total);
    const sameBytes = cellsFile(rows);
    const send = () =>
      maker.request({
        method: 'POST',
        url: '/api/fee-refunds/imports',
        ...multipartBody({ kind: 'tax' }, 'x.csv', sameBytes),
      });
    const one = (await send()).json<{ id: string }>().id;
    expect(await finished(one)).toMatchObject({ status: 'committed', rowsAccepted: 3, rowsDuplicate: 3 });
    const two = (await send()).json<{ id: string }>().id;
    expect(two).toBe(one);
    expect(await finished(two)).toMatchObject({ status: 'committed', rowsAccepted: 3, rowsDuplicate: 3 });
    expect(await countOf(sql`true`)).toBe(total);
  });

  it('rolls back exactly the rows of one import, and refuses once a run computed one of them', async () => {
    const c = uniqueUscc('320505');
    const other = await feeImported(t, maker, 'tax', [collectionRow(c, '10.00')]);
    const mine = await feeImported(t, maker, 'tax', [collectionRow(c, '20.00'), collectionRow(c, '30.00')]);
    expect(await countOf(sql`uscc = ${c}`)).toBe(3);
    const undo = await maker.post(`/api/fee-refunds/imports/${mine.id}/rollback`);
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.json<FeeImport>().status).toBe('rolled_back');
    expect(await storedOf(mine.id)).toEqual([]);
    expect((await storedOf(other.id)).map((s) => s.paidFen)).toEqual([1000]);

    // A small enterprise with a union, its July collection reconciled, computed by the July run.
    const d = enterpriseRow();
    Object.assign(d, unionCells(d['统一社会信用代码']!, '七月企业'));
    expect((await feeImported(t, maker, 'enterprises', [d])).rowsRejected).toBe(0);
    const july = collectionRow(d['统一社会信用代码']!, '66.66', {
      入库日期: '2024-07-15',
      税款所属期起: '2024-06-01',
      税款所属期止: '2024-06-30',
    });
    const computed = await feeImported(t, maker, 'tax', [july, collectionRow(c, '40.00', { 入库日期: '2024-07-15' })]);
    expect(computed.rowsAccepted).toBe(2);
    const credit = creditRow('106.66', { 入账日期: '2024-07-15' });
    expect((await feeImported(t, maker, 'bank_credits', [credit])).rowsRejected).toBe(0);
    const run = await maker.post('/api/fee-refunds/runs', { regionCode: '320000', month: '2024-07' });
    expect(run.statusCode, run.body).toBe(200);
    const refused = await maker.post(`/api/fee-refunds/imports/${computed.id}/rollback`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ message: string }>().message).toContain('已计算返还，不能撤销');
    expect((await maker.get(`/api/fee-refunds/imports/${computed.id}`)).json<FeeImport>().status).toBe('committed');
    expect(await storedOf(computed.id)).toHaveLength(2);
  });

  it('commits a file of 20,000 rows whole, every name read whole across the stored pieces', async () => {
    const rows: Cells[] = [];
    const u = uniqueUscc('320506');
    // Distinct Chinese names: a character cut between the file's stored pieces (1 MB) or the
    // slices they are read back in (48 KB) would show as a changed name.
    for (let i = 0; i < 20_000; i++)
      rows.push(
        collectionRow(u, `${(i % 500) + 1}.${String(i % 100).padStart(2, '0')}`, {
          所属区划代码: '320506',
          纳税人名称: `苏州第${i}号五金制品有限公司`,
        }),
      );
    expect(cellsFile(rows).length).toBeGreaterThan(3 * 1024 * 1024);
    const expectedFen = rows.reduce((sum, r) => sum + Math.round(Number(r['实缴金额']) * 100), 0);
    const id = await upload(rows, 'big.csv');
    const done = await finished(id);
    expect(done).toMatchObject({ status: 'committed', rowsTotal: 20_000, rowsAccepted: 20_000, rowsDuplicate: 0 });
    const [sum] = await t.deps.db
      .select({ n: sql<number>`count(*)::int`, fen: sql<string>`sum(${feeCollections.paidFen})::text` })
      .from(feeCollections)
      .where(eq(feeCollections.importId, id));
    expect(sum).toEqual({ n: 20_000, fen: String(expectedFen) });
    const [names] = await t.deps.db
      .select({
        distinct: sql<number>`count(distinct ${feeCollections.taxpayerName})::int`,
        whole: sql<number>`count(*) filter (where ${feeCollections.taxpayerName} ~ '^苏州第[0-9]+号五金制品有限公司$')::int`,
      })
      .from(feeCollections)
      .where(eq(feeCollections.importId, id));
    expect(names).toEqual({ distinct: 20_000, whole: 20_000 });
    // The ids are UUIDv7-shaped and ordered as the file is (what keeps the key's index appended
    // to, not scattered): the n-th id holds the n-th row's name.
    const numbered = t.deps.db
      .select({
        id: feeCollections.id,
        name: feeCollections.taxpayerName,
        n: sql<number>`row_number() over (order by ${feeCollections.id})`.as('n'),
      })
      .from(feeCollections)
      .where(eq(feeCollections.importId, id))
      .as('numbered');
    const [ordered] = await t.deps.db
      .select({
        v7: sql<number>`count(*) filter (where ${numbered.id}::text ~ '^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$')::int`,
        outOfOrder: sql<number>`count(*) filter (where substring(${numbered.name} from '[0-9]+')::int <> ${numbered.n} - 1)::int`,
      })
      .from(numbered);
    expect(ordered).toEqual({ v7: 20_000, outOfOrder: 0 });
  }, 120_000);
});
