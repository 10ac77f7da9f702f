import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../server/core/identifiers/uscc.js';
import { createTestApp, type Agent, type TestApp } from '../support/app.js';
import { newAccount, newAdmin, newCase, uniquePhone, uniqueUscc, type LoggedIn } from '../support/factories.js';
import { committed, csvFile, EMPLOYER_HEADERS, uploaded, uploadFile, xlsxFile } from '../support/imports.js';

let t: TestApp;
let union: LoggedIn;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  union = await newAccount(t, { role: 'union_staff', regionCode: '442000' });
});
afterAll(() => t.close());

function employerRows(n: number, name = '中山市南朗建筑劳务有限公司'): string[][] {
  return Array.from({ length: n }, (_, i) => [
    uniqueUscc('442000'),
    `${name}${i + 1}号`,
    '442000',
    'E47',
    '冯建华',
    uniquePhone(),
  ]);
}

async function employerByUscc(a: Agent, uscc: string) {
  const res = await a.get(`/api/employers?q=${uscc}`);
  return res.json<{ items: { id: string; name: string; contactName: string | null; usccCheckWarning: boolean }[] }>()
    .items[0];
}

async function rejectedSheet(a: Agent, id: string): Promise<string[][]> {
  const res = await a.get(`/api/imports/${id}/rejected.xlsx`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

describe('imports: reading files', () => {
  it('names the job checking the file, whose progress events the importer may follow to the end', async () => {
    const first = await uploaded(t, union, '进度.csv', csvFile([EMPLOYER_HEADERS, ...employerRows(2)], 'utf-8'));
    expect(first.jobId).toEqual(expect.any(String));
    const events = await union.get(`/api/jobs/${first.jobId as string}/events`);
    expect(events.statusCode, events.body).toBe(200);
    expect(events.headers['content-type']).toContain('text/event-stream');
    expect(events.body).toMatch(/event: end\ndata: \{[^\n]*"completed"/);
    // Another importer of the same region did not start it and may not follow it.
    const other = await newAccount(t, { role: 'union_staff', regionCode: '442000' });
    expect((await other.get(`/api/jobs/${first.jobId as string}/events`)).statusCode).toBe(403);
  });

  it('reads UTF-8, UTF-8 with BOM, GB18030 CSV and XLSX into the same employers', async () => {
    const rows = employerRows(3, '中山市小榄镇五金制品厂（普通合伙）');
    const data = [EMPLOYER_HEADERS, ...rows];
    const first = await uploaded(t, union, '单位.csv', csvFile(data, 'utf-8'));
    expect(first).toMatchObject({ status: 'validated', encoding: 'utf-8', totalRows: 3, rejectedRows: 0 });
    expect(await committed(t, union, first.id as string)).toMatchObject({ status: 'committed', inserted: 3 });
    const employer = await employerByUscc(union, rows[0]![0]!);
    expect(employer?.name).toBe('中山市小榄镇五金制品厂（普通合伙）1号');
    // The same rows in every other encoding and format: read alike, so nothing changes.
    const others: [string, Buffer, string | null][] = [
      ['单位-bom.csv', csvFile(data, 'utf-8-bom'), 'utf-8'],
      ['单位-gbk.csv', csvFile(data, 'gb18030'), 'gb18030'],
      ['单位.xlsx', await xlsxFile(data), null],
    ];
    for (const [filename, content, encoding] of others) {
      const found = await uploaded(t, union, filename, content);
      expect(found, filename).toMatchObject({ status: 'validated', encoding, totalRows: 3, rejectedRows: 0 });
      const done = await committed(t, union, found.id as string);
      expect(done, filename).toMatchObject({ status: 'committed', inserted: 0, updated: 0, unchanged: 3 });
    }
  });

  it('maps headers by name: aliases, any order, case and spaces; unknown headers reported', async () => {
    const [row] = employerRows(1);
    const headers = ['  region CODE ', 'Name', 'uscc', '行业', '备注', 'Contact Phone'];
    const cells = [row![2]!, row![1]!, row![0]!.toLowerCase(), row![3]!, '随便写', row![5]!];
    const found = await uploaded(t, union, 'aliases.csv', csvFile([headers, cells]));
    expect(found).toMatchObject({ status: 'validated', totalRows: 1, rejectedRows: 0, unknownHeaders: ['备注'] });
    await committed(t, union, found.id as string);
    expect((await employerByUscc(union, row![0]!))?.name).toBe(row![1]);
  });

  it('refuses a whole file that lacks a required column, naming it', async () => {
    const found = await uploaded(
      t,
      union,
      'no-region.csv',
      csvFile([
        ['统一社会信用代码', '单位名称', '行业代码'],
        [uniqueUscc(), '某公司', 'E47'],
      ]),
    );
    expect(found.status).toBe('failed');
    expect(found.failure).toMatchObject({
      zh: expect.stringContaining('行政区划代码'),
      en: expect.stringContaining('Region code'),
    });
    const commit = await union.post(`/api/imports/${found.id}/commit`);
    expect(commit.statusCode).toBe(409);
  });

  it('refuses files that are not CSV or XLSX, judged by their bytes', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const zip = Buffer.from('504b0304140000000800' + '00'.repeat(40), 'hex');
    const html = Buffer.from(
      '<!DOCTYPE html><html><body><table><tr><td>统一社会信用代码</td></tr></table></body></html>',
    );
    const binary = Buffer.from([0x00, 0x01, 0x02, 0x03, 0x41, 0x42]);
    for (const [name, content] of [
      ['a.csv', png],
      ['b.xlsx', zip],
      ['c.csv', html],
      ['d.csv', binary],
    ] as const) {
      const res = await uploadFile(union, name, content);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(415);
      expect(res.json().field).toBe('file');
    }
    const empty = await uploadFile(union, 'e.csv', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
  });

  it('refuses a file over the size limit', async () => {
    const limit = t.deps.config.importMaxBytes;
    t.deps.config.importMaxBytes = 64 * 1024;
    try {
      const big = csvFile([EMPLOYER_HEADERS, ...employerRows(2000)]);
      expect(big.length).toBeGreaterThan(64 * 1024);
      const res = await uploadFile(union, 'big.csv', big);
      expect(res.statusCode, res.body).toBe(413);
      expect(res.json().message).toContain('MB');
    } finally {
      t.deps.config.importMaxBytes = limit;
    }
    // A workbook has a lower cap: its streaming reader keeps the shared strings in memory.
    const xlsxLimit = t.deps.config.importXlsxMaxBytes;
    t.deps.config.importXlsxMaxBytes = 16 * 1024;
    try {
      const book = await xlsxFile([EMPLOYER_HEADERS, ...employerRows(1500)]);
      expect(book.length).toBeGreaterThan(16 * 1024);
      const res = await uploadFile(union, 'big.xlsx', book);
      expect(res.statusCode, res.body).toBe(413);
    } finally {
      t.deps.config.importXlsxMaxBytes = xlsxLimit;
    }
  });
});

describe('imports: rows', () => {
  it('rejects rows with their row numbers, fields and reasons; duplicates after the first', async () => {
    const good = employerRows(2);
    const first17 = good[0]![0]!.slice(0, 17);
    const wrongCheck = first17 + (usccCheckChar(first17) === '0' ? '1' : '0');
    const data = [
      EMPLOYER_HEADERS,
      good[0]!,
      ['12345', '短格式公司', '442000', 'E47', '', ''],
      [uniqueUscc(), 'X', '442000', 'E47', '', ''],
      [uniqueUscc(), '外地公司', '110101', 'E47', '', ''],
      [uniqueUscc(), '不存在区划公司', '449999', 'E47', '', ''],
      ['', '', '', '', '', ''],
      [good[0]![0]!, '重复的公司', '442000', 'E47', '', ''],
      good[1]!,
    ];
    const found = await uploaded(t, union, 'mixed.csv', csvFile(data));
    expect(found).toMatchObject({ status: 'validated', totalRows: 7, rejectedRows: 5 });
    const rejected = found.rejected as { row: number; field: string; zh: string; en: string }[];
    expect(rejected.find((e) => e.row === 3)).toMatchObject({ field: 'uscc', zh: expect.stringContaining('18位') });
    expect(rejected.find((e) => e.row === 4)).toMatchObject({ field: 'name', zh: expect.stringContaining('单位名称') });
    expect(rejected.find((e) => e.row === 5)).toMatchObject({
      field: 'regionCode',
      en: 'This employer is outside your region',
    });
    expect(rejected.find((e) => e.row === 6)).toMatchObject({ field: 'regionCode', en: 'Unknown region code' });
    expect(rejected.find((e) => e.row === 8)).toMatchObject({
      field: 'uscc',
      zh: expect.stringContaining('与第 2 行重复'),
    });
    expect(rejected.some((e) => e.row === 7)).toBe(false);
    // The duplicate's cells are in the download too, in the file's columns.
    const sheet = await rejectedSheet(union, found.id as string);
    expect(sheet.find((r) => r[0] === '8')?.slice(4, 7)).toEqual([good[0]![0]!, '重复的公司', '442000']);
    // A failing check character: rejected unless the importer accepts such warnings.
    const warn = [EMPLOYER_HEADERS, [wrongCheck, '校验位有误的公司', '442000', 'E47', '', '']];
    const strict = await uploaded(t, union, 'warn.csv', csvFile(warn));
    expect(strict).toMatchObject({ rejectedRows: 1 });
    expect((strict.rejected as { zh: string }[])[0]!.zh).toContain('校验位');
    const lenient = await uploaded(t, union, 'warn.csv', csvFile(warn), { kind: 'employers', acceptWarnings: 'true' });
    expect(lenient).toMatchObject({ rejectedRows: 0, acceptWarnings: true });
    await committed(t, union, lenient.id as string);
    expect((await employerByUscc(union, wrongCheck))?.usccCheckWarning).toBe(true);
  });

  it('lists rejected rows in an XLSX with formula cells neutralised', async () => {
    const data = [
      EMPLOYER_HEADERS,
      ['=HYPERLINK("http://evil.example")', '+cmd|calc', '442000', 'E47', '@SUM(A1)', '-1'],
    ];
    const found = await uploaded(t, union, 'formula.csv', csvFile(data));
    expect(found.rejectedRows).toBe(1);
    const rows = await rejectedSheet(union, found.id as string);
    expect(rows[0]!.slice(0, 4)).toEqual(['行号 Row', '字段 Field', '原因', 'Reason']);
    const line = rows[1]!;
    expect(line[0]).toBe('2');
    expect(line.slice(4)).toEqual([
      '\'=HYPERLINK("http://evil.example")',
      "'+cmd|calc",
      '442000',
      'E47',
      "'@SUM(A1)",
      "'-1",
    ]);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@]/);
  });
});

describe('imports: idempotent commits and rollback', () => {
  it('answers the same import for the same file, and a changed file updates; rollback restores', async () => {
    const rows = employerRows(3);
    const file = csvFile([EMPLOYER_HEADERS, ...rows]);
    const first = await uploaded(t, union, 'v1.csv', file);
    const again = await uploadFile(union, 'v1-again.csv', file);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.id);
    expect((await committed(t, union, first.id as string)).inserted).toBe(3);
    const third = await uploadFile(union, 'v1.csv', file);
    expect(third.json()).toMatchObject({ id: first.id, status: 'committed', inserted: 3 });
    const recommit = await union.post(`/api/imports/${first.id}/commit`);
    expect(recommit.json()).toMatchObject({ status: 'committed', inserted: 3 });

    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    const changed = rows.map((r, i) => (i === 0 ? [r[0]!, r[1]!, r[2]!, r[3]!, '改过的联系人', r[5]!] : r));
    const added = employerRows(1);
    const v2 = await uploaded(t, union, 'v2.csv', csvFile([EMPLOYER_HEADERS, ...changed, ...added]));
    const done = await committed(t, union, v2.id as string);
    expect(done).toMatchObject({ inserted: 1, updated: 1, unchanged: 2 });
    expect((await employerByUscc(union, rows[0]![0]!))?.contactName).toBe('改过的联系人');

    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    const undone = await union.post(`/api/imports/${v2.id}/rollback`);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()).toMatchObject({ status: 'rolled_back' });
    expect((await employerByUscc(union, rows[0]![0]!))?.contactName).toBe('冯建华');
    expect(await employerByUscc(union, added[0]![0]!)).toBeUndefined();
    const admin = await newAdmin(t);
    const audit = (await admin.get(`/api/audit?entityType=import&entityId=${v2.id}`)).json<{
      items: { action: string }[];
    }>();
    expect(audit.items.map((i) => i.action).sort()).toEqual([
      'import.committed',
      'import.rolled_back',
      'import.uploaded',
    ]);
    // Rolled back, the file may be imported again as a new import.
    const anew = await uploadFile(union, 'v2.csv', csvFile([EMPLOYER_HEADERS, ...changed, ...added]));
    expect(anew.json().id).not.toBe(v2.id);
  });

  it('refuses a rollback while a dispute case names an employer the import created', async () => {
    const rows = employerRows(2);
    const found = await uploaded(t, union, 'cases.csv', csvFile([EMPLOYER_HEADERS, ...rows]));
    await committed(t, union, found.id as string);
    const created = await employerByUscc(union, rows[0]![0]!);
    await newCase(t, {
      employer: {
        id: created!.id,
        uscc: rows[0]![0]!,
        name: rows[0]![1]!,
        regionCode: '442000',
        contactPhone: rows[0]![5]!,
      },
    });
    const res = await union.post(`/api/imports/${found.id}/rollback`);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().message).toContain('调解案件');
    expect((await union.get(`/api/imports/${found.id}`)).json().status).toBe('committed');
    expect(await employerByUscc(union, rows[1]![0]!)).toBeDefined();
  });

  it('rolls back a later import, then the earlier one it changed', async () => {
    const rows = employerRows(1);
    const a = await uploaded(t, union, 'a.csv', csvFile([EMPLOYER_HEADERS, ...rows]));
    await committed(t, union, a.id as string);
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    const changed = [[...rows[0]!.slice(0, 4), '第二次导入', rows[0]![5]!]];
    const b = await uploaded(t, union, 'b.csv', csvFile([EMPLOYER_HEADERS, ...changed]));
    expect((await committed(t, union, b.id as string)).updated).toBe(1);
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    expect((await union.post(`/api/imports/${b.id}/rollback`)).statusCode).toBe(200);
    expect((await employerByUscc(union, rows[0]![0]!))?.contactName).toBe('冯建华');
    const undoA = await union.post(`/api/imports/${a.id}/rollback`);
    expect(undoA.statusCode, undoA.body).toBe(200);
    expect(await employerByUscc(union, rows[0]![0]!)).toBeUndefined();
  });

  it('refuses a rollback when an imported employer was edited since', async () => {
    const rows = employerRows(1);
    const found = await uploaded(t, union, 'edited.csv', csvFile([EMPLOYER_HEADERS, ...rows]));
    await committed(t, union, found.id as string);
    const created = await employerByUscc(union, rows[0]![0]!);
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    const put = await union.put(`/api/employers/${created!.id}`, {
      uscc: rows[0]![0],
      name: '后来改名的公司',
      regionCode: '442000',
      industryCode: 'E47',
    });
    expect(put.statusCode, put.body).toBe(200);
    const res = await union.post(`/api/imports/${found.id}/rollback`);
    expect(res.statusCode).toBe(409);
    expect(res.json().messageEn).toContain('changed after it');
  });
});

describe('imports: the pages behind it', () => {
  it('lists imports per kind, paged, and serves the template', async () => {
    const list = await union.get('/api/imports?kind=employers&pageSize=2');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ page: 1, pageSize: 2 });
    expect(list.json().total).toBeGreaterThan(2);
    expect(list.json().items).toHaveLength(2);
    const kinds = await union.get('/api/imports/kinds');
    expect(kinds.json()[0]).toMatchObject({ kind: 'employers', title: { zh: '用人单位' } });
    const template = await union.get('/api/imports/kinds/employers/template.xlsx');
    expect(template.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect((book.worksheets[0]!.getRow(1).values as unknown[]).slice(1, 4)).toEqual([
      '统一社会信用代码',
      '单位名称',
      '行政区划代码',
    ]);
  });

  it('keeps progress on the import row', async () => {
    const found = await uploaded(t, union, 'progress.csv', csvFile([EMPLOYER_HEADERS, ...employerRows(2)]));
    expect(found).toMatchObject({ progress: 1, progressMessage: { zh: '检查完成', en: 'Checked' } });
  });
});

describe('imports: refusals', () => {
  let id: string;
  let judge: Agent;
  let otherRegion: Agent;
  beforeAll(async () => {
    id = (await uploaded(t, union, 'refusals.csv', csvFile([EMPLOYER_HEADERS, ...employerRows(1)]))).id as string;
    judge = await newAccount(t, { role: 'judge' });
    otherRegion = await newAccount(t, { role: 'union_staff', regionCode: '440300' });
  });

  const routes = () =>
    [
      { method: 'GET', url: '/api/imports/kinds' },
      { method: 'GET', url: '/api/imports/kinds/employers/template.xlsx' },
      { method: 'GET', url: '/api/imports?kind=employers' },
      { method: 'GET', url: `/api/imports/${id}` },
      { method: 'GET', url: `/api/imports/${id}/rejected.xlsx` },
      { method: 'POST', url: `/api/imports/${id}/commit` },
      { method: 'POST', url: `/api/imports/${id}/rollback` },
    ] as const;

  it('answers 401 without a login', async () => {
    for (const r of routes()) expect((await t.app.inject(r)).statusCode, r.url).toBe(401);
    const upload = await t.app.inject({ method: 'POST', url: '/api/imports' });
    expect(upload.statusCode).toBe(401);
  });

  it('answers 403 to a role that may not import the kind', async () => {
    for (const r of routes().filter((r) => r.url !== '/api/imports/kinds'))
      expect((await judge.request(r)).statusCode, r.url).toBe(403);
    expect((await judge.get('/api/imports/kinds')).json()).toEqual([]);
    const upload = await uploadFile(judge, 'x.csv', csvFile([EMPLOYER_HEADERS, ...employerRows(1)]));
    expect(upload.statusCode).toBe(403);
  });

  it('answers 403 for an import of another region', async () => {
    for (const r of routes().filter((r) => r.url.includes(id)))
      expect((await otherRegion.request(r)).statusCode, r.url).toBe(403);
    const list = await otherRegion.get('/api/imports?kind=employers');
    expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  it('answers 400 to bad input, 404 to an unknown import', async () => {
    expect((await union.get('/api/imports/not-a-uuid')).statusCode).toBe(400);
    expect((await union.post('/api/imports/not-a-uuid/commit')).statusCode).toBe(400);
    expect((await union.get('/api/imports?kind=BAD KIND')).statusCode).toBe(400);
    expect((await union.get('/api/imports')).statusCode).toBe(400);
    expect((await union.get('/api/imports?kind=nosuchkind')).statusCode).toBe(400);
    expect((await union.get('/api/imports/kinds/nosuchkind/template.xlsx')).statusCode).toBe(400);
    expect((await union.get('/api/imports/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const notMultipart = await union.post('/api/imports', { kind: 'employers' });
    expect(notMultipart.statusCode).toBe(400);
    const noKind = await uploadFile(union, 'x.csv', csvFile([EMPLOYER_HEADERS]), {});
    expect(noKind.statusCode).toBe(400);
    expect(noKind.json().field).toBe('kind');
    const badKind = await uploadFile(union, 'x.csv', csvFile([EMPLOYER_HEADERS]), { kind: 'people_x' });
    expect(badKind.statusCode).toBe(400);
    const rollbackUncommitted = await union.post(`/api/imports/${id}/rollback`);
    expect(rollbackUncommitted.statusCode).toBe(409);
  });

  it('needs the CSRF token for an upload', async () => {
    const res = await union.request({
      method: 'POST',
      url: '/api/imports',
      headers: { 'x-csrf-token': 'wrong' },
    });
    expect(res.statusCode).toBe(403);
  });
});
