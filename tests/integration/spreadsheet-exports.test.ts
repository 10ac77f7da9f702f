import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { newAccount, newCase, newMediator } from '../support/factories.js';

// Every XLSX the app writes neutralises text a spreadsheet would run as a formula: here the
// dispute statistics, whose groups are named by people (a mediator's display name).

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
});
afterAll(() => t.close());

describe('spreadsheet exports', () => {
  it('writes a mediator named like a formula as text in the statistics workbook', async () => {
    const name = '=HYPERLINK("http://evil.example","点我")';
    const mediator = await newMediator(t, { displayName: name });
    await newCase(t, { mediator, stage: 'consultation' });
    const union = await newAccount(t, { role: 'union_staff', regionCode: '442000' });
    const res = await union.get('/api/disputes/stats.xlsx');
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const labels: unknown[] = [];
    book.getWorksheet('按调解员')!.eachRow((row) => labels.push(row.getCell(1).value));
    expect(labels).toContain(`'${name}`);
    for (const sheet of book.worksheets)
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(typeof cell.value === 'string' ? cell.value : '').not.toMatch(/^[=+\-@]/);
          expect(cell.formula).toBeUndefined();
        }),
      );
  });
});
