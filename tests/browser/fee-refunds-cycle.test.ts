import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeeBatch } from '../../contracts/fee-refunds/runs.js';
import type { Page as ApiPage } from '../../contracts/paging.js';
import { DEMO_PASSWORD, loginAs, type Agent, type TestApp } from '../support/app.js';
import { pain002Xml } from '../support/bank-files.js';
import { uniqueUscc } from '../support/factories.js';
import {
  HUQIU_OFFICE,
  cellsFile,
  collectionRow,
  creditRow,
  enterpriseRow,
  unionCells,
  type Cells,
} from '../support/fee-refunds.js';
import { allowNames, expectEnglish } from './english-support.js';
import { choose, ensureWebBuilt, launchChromium, newDeskPage, signIn, startServer } from './support.js';

// The refund cycle as Jiangsu's province union staff use it: the registry, the tax data and the
// bank's credits uploaded on the import tab, the (tax office, date) group reconciled, the month
// computed into a batch, submitted by its maker (js_union) and approved by a checker (js_checker).
// October 2026 has no demo data, so the month holds only this test's collection.

const MONTH = '2026-10';
const DAY = '2026-10-15';

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let page: Page;
let checker: Agent;

beforeAll(async () => {
  ensureWebBuilt();
  ({ t, baseUrl } = await startServer());
  // The account the province's refunds are paid from (a run needs one), set as the checker would.
  checker = await loginAs(t.app, 'js_checker');
  const res = await checker.put('/api/fee-refunds/paying-accounts/320000', {
    bankCode: '102301000011',
    accountNo: '3200000000000001',
    accountName: '江苏省总工会',
  });
  expect(res.statusCode, res.body).toBe(200);
  browser = await launchChromium();
  page = await newDeskPage(browser);
  await signIn(page, baseUrl, 'js_union', DEMO_PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const importId = () => new URL(page.url()).searchParams.get('import');
const count = (key: string) => page.getByTestId(`fee-import-count-${key}`).getAttribute('data-value');

/** Uploads a file of the kind chosen and waits until this upload (not the one before) is done. */
async function upload(kindText: string, name: string, rows: Cells[]) {
  await choose(page, 'fee-import-kind', kindText);
  const before = importId();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('fee-import-upload').click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: cellsFile(rows) });
  await expect.poll(importId, { timeout: 15_000 }).not.toBe(before);
  await expect
    .poll(() => page.getByTestId('fee-import-status').getAttribute('data-status'), { timeout: 30_000 })
    .toBe('committed');
  expect([await count('total'), await count('accepted'), await count('rejected')]).toEqual(['1', '1', '0']);
}

/** A date picker's text box, typed into and confirmed (the test id is on the input or around it). */
const pickerInput = (testId: string) => page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`);

/** The reconciliation group of the test's office and day, after asking for October. */
async function groupStatus(): Promise<string | null> {
  const row = page
    .getByTestId('fee-recon-groups')
    .locator('tr.ant-table-row')
    .filter({ hasText: HUQIU_OFFICE })
    .filter({ hasText: DAY });
  if ((await row.count()) !== 1) return null;
  return row.getByTestId('fee-recon-status').getAttribute('data-status');
}

async function showOctober() {
  const inputs = pickerInput('fee-recon-window');
  await inputs.nth(0).click();
  await inputs.nth(0).fill(`${MONTH}-01`);
  await inputs.nth(0).press('Enter');
  await inputs.nth(1).fill(`${MONTH}-31`);
  await inputs.nth(1).press('Enter');
  await page.getByTestId('fee-recon-search').click();
}

describe('fee-refund cycle', () => {
  const uscc = uniqueUscc('320505');
  const name = `苏州虎丘返还测试有限公司${uscc.slice(-6)}`;
  const enterprise = { ...enterpriseRow({ 统一社会信用代码: uscc, 企业名称: name }), ...unionCells(uscc, name) };
  let batchNo = '';

  it('imports tax and bank data, reconciles, computes a month, and a batch is submitted and approved', async () => {
    await page.goto(`${baseUrl}/fee-refunds?tab=import`);
    await upload('企业名录', '企业名录.csv', [enterprise]);
    expect(await page.getByTestId('fee-import-template').getAttribute('href')).toMatch(/kind=enterprises$/);
    await upload('税务征收数据', '税务征收.csv', [
      // The last quarter of 2024 (the seeded Jiangsu policy runs to 2024-12-31), paid late in 2026.
      collectionRow(uscc, '200.00', { 税款所属期起: '2024-10-01', 税款所属期止: '2024-12-31', 入库日期: DAY }),
    ]);
    expect(await page.getByTestId('fee-import-template').getAttribute('href')).toMatch(/kind=tax$/);

    await page.getByTestId('fee-tab-reconciliation').click();
    await showOctober();
    await expect.poll(groupStatus, { timeout: 15_000 }).toBe('no_credit');

    await page.getByTestId('fee-tab-import').click();
    await upload('银行入账流水', '银行入账.csv', [creditRow('200.00', { 入账日期: DAY })]);
    await page.getByTestId('fee-tab-reconciliation').click();
    await page.getByTestId('fee-recon-search').click();
    await expect.poll(groupStatus, { timeout: 15_000 }).toBe('reconciled');

    await page.getByTestId('fee-tab-runs').click();
    await page.getByTestId('fee-run-region').fill('320000');
    const month = pickerInput('fee-run-month');
    await month.click();
    await month.fill(MONTH);
    // Tab, not Enter: Enter would submit the form as well, and the click below would run it twice.
    await month.press('Tab');
    await page.getByTestId('fee-run-compute').click();
    // The run's answer, or (to fail with it) the server's refusal or the form's complaint.
    const runOutcome = async () => {
      const refusal = page.locator('[data-testid="fee-run-error"], .ant-form-item-explain-error');
      if (await refusal.count()) return (await refusal.allInnerTexts()).join(' ');
      const done = page.getByTestId('fee-run-collections');
      return (await done.count()) ? await done.getAttribute('data-value') : null;
    };
    await expect.poll(runOutcome, { timeout: 30_000 }).toBe('1');

    const list = await checker.get('/api/fee-refunds/batches?status=draft&pageSize=100');
    expect(list.statusCode, list.body).toBe(200);
    const batch = list.json<ApiPage<FeeBatch>>().items.find((b) => b.month === MONTH);
    expect(batch).toMatchObject({ lines: 1, totalFen: expect.any(Number) });
    batchNo = batch!.batchNo;
    const statusOf = (p: Page) => p.getByTestId(`fee-batch-status-${batchNo}`).getAttribute('data-status');
    await expect.poll(() => statusOf(page), { timeout: 15_000 }).toBe('draft');
    await page.getByTestId(`fee-batch-submit-${batchNo}`).click();
    await expect.poll(() => statusOf(page), { timeout: 15_000 }).toBe('submitted');
    // The maker may not approve what they submitted: no approve button for js_union.
    expect(await page.getByTestId(`fee-batch-approve-${batchNo}`).count()).toBe(0);

    await page.getByTestId('fee-tab-lines').click();
    await page.getByTestId('fee-line-uscc').fill(uscc);
    await page.getByTestId('fee-line-search').click();
    const line = page.getByTestId('fee-lines').locator('tr.ant-table-row');
    await expect.poll(() => line.allInnerTexts(), { timeout: 15_000 }).toEqual([expect.stringContaining(name)]);
    expect(await line.first().getByTestId('fee-line-state').getAttribute('data-state')).toBe('in_batch');

    const second = await newDeskPage(browser);
    try {
      await signIn(second, baseUrl, 'js_checker', DEMO_PASSWORD);
      await second.goto(`${baseUrl}/fee-refunds?tab=runs`);
      await second.getByTestId(`fee-batch-approve-${batchNo}`).click();
      const confirm = second.locator('.ant-modal-confirm');
      await expect.poll(() => confirm.innerText()).toContain(batchNo);
      await confirm.locator('.ant-btn-primary').click();
      await expect.poll(() => approvalOutcome(second, batchNo), { timeout: 15_000 }).toBe('approved');
      expect(await second.getByTestId(`fee-batch-file-${batchNo}`).getAttribute('href')).toBe(
        `/api/fee-refunds/batches/${batch!.id}/payment-file?format=pain.001`,
      );
      expect(await second.getByTestId(`fee-batch-csv-${batchNo}`).getAttribute('href')).toMatch(/format=csv$/);

      // The cycle's tabs read in English too (names of enterprises, offices and accounts stay as they are).
      await second.getByTestId('lang-switch').click();
      await expect.poll(() => statusOf(second)).toBe('approved');
      await expect
        .poll(() => second.getByTestId(`fee-batch-status-${batchNo}`).innerText())
        .toBe('Approved, awaiting the bank');
      allowNames(name, HUQIU_OFFICE, '江苏省总工会');
      await expectEnglish(second, 'fee-refund batches');
      await second.getByTestId('fee-tab-reconciliation').click();
      await second.getByTestId('fee-recon-totals').waitFor();
      await expectEnglish(second, 'fee-refund reconciliation');
      await second.getByTestId('fee-tab-lines').click();
      await second.getByTestId('fee-line-uscc').fill(uscc);
      await second.getByTestId('fee-line-search').click();
      await expect.poll(() => second.getByTestId('fee-line-state').first().innerText()).toBe('Being paid');
      await expectEnglish(second, 'fee-refund lines');
    } finally {
      await second.context().close();
    }
  });

  /**
   * The batch's status once the confirmation has closed, or what stands in the way: the server's
   * refusal as the page shows it, or the confirmation still open (so a failure names its cause).
   */
  async function approvalOutcome(p: Page, no: string): Promise<string | null> {
    const refusal = p.locator('.ant-message-error');
    if (await refusal.count()) return `refused: ${(await refusal.allInnerTexts()).join(' ')}`;
    if (await p.locator('.ant-modal-confirm').count()) return 'confirmation still open';
    return p.getByTestId(`fee-batch-status-${no}`).getAttribute('data-status');
  }

  /** Approves a batch as js_checker in a browser of their own. */
  async function approveAsChecker(no: string) {
    const second = await newDeskPage(browser);
    try {
      await signIn(second, baseUrl, 'js_checker', DEMO_PASSWORD);
      await second.goto(`${baseUrl}/fee-refunds?tab=runs`);
      await second.getByTestId(`fee-batch-approve-${no}`).click();
      const confirm = second.locator('.ant-modal-confirm');
      await expect.poll(() => confirm.innerText()).toContain(no);
      await confirm.locator('.ant-btn-primary').click();
      await expect.poll(() => approvalOutcome(second, no), { timeout: 15_000 }).toBe('approved');
    } finally {
      await second.context().close();
    }
  }

  /** Uploads a bank result file on the runs tab and answers the counts it shows. */
  async function bankResult(name: string, content: string) {
    await page.getByTestId('fee-tab-runs').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('fee-bank-return-upload').click();
    await (await chooser).setFiles({ name, mimeType: 'application/xml', buffer: Buffer.from(content) });
    const read = (key: string) => page.getByTestId(`fee-bank-return-${key}`).innerText();
    await expect.poll(() => read('matched'), { timeout: 15_000 }).toBe('1');
    return { paid: await read('paid'), returned: await read('returned') };
  }

  async function lineState() {
    await page.getByTestId('fee-tab-lines').click();
    await page.getByTestId('fee-line-uscc').fill(uscc);
    await page.getByTestId('fee-line-search').click();
    return page.getByTestId('fee-line-state').first().getAttribute('data-state');
  }

  /** The statistics tab's figure for the province's year of the test's month. */
  async function provinceRate() {
    await page.getByTestId('fee-tab-stats').click();
    const year = pickerInput('fee-stats-year');
    if ((await year.inputValue()) !== MONTH.slice(0, 4)) {
      await year.fill(MONTH.slice(0, 4));
      await year.press('Tab');
    }
    return page.getByTestId('fee-stats-total-rateByCount').innerText();
  }

  /** The biweekly workbook's cell under 已返还企业数 of the total row, downloaded from the tab. */
  async function workbookRefunded(): Promise<number> {
    const download = page.waitForEvent('download');
    await page.getByTestId('fee-stats-workbook').click();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await (await download).path());
    const sheet = book.worksheets[0]!;
    let header = 0;
    let col = 0;
    sheet.eachRow((row, n) => {
      row.eachCell((cell, c) => {
        if (cell.text === '已返还企业数') [header, col] = [n, c];
      });
    });
    expect(header).toBeGreaterThan(0);
    return Number(sheet.getRow(sheet.rowCount).getCell(col).value);
  }

  it('pays through the bank: the file, a rejected account, the account fixed, re-batched and paid', async () => {
    expect(batchNo).not.toBe('');
    await page.goto(`${baseUrl}/fee-refunds?tab=runs`);
    const statusOf = (no: string) => page.getByTestId(`fee-batch-status-${no}`).getAttribute('data-status');
    await expect.poll(() => statusOf(batchNo), { timeout: 15_000 }).toBe('approved');
    // The maker downloads the payment file the bank takes.
    const download = page.waitForEvent('download');
    await page.getByTestId(`fee-batch-file-${batchNo}`).click();
    const file = await (await download).path();
    const xml = readFileSync(file, 'utf8');
    expect(xml).toContain('pain.001.001.10');
    const endToEndId = /<EndToEndId>([^<]+)<\/EndToEndId>/.exec(xml)![1]!;

    // The bank rejects the payment: the union's account is closed.
    const rejected = pain002Xml({
      messageId: 'BANK-STS-CYCLE',
      originalMessageId: batchNo,
      statuses: [{ endToEndId, status: 'RJCT', reasonCode: 'AC04', reasonText: '账户已销户' }],
    });
    expect(await bankResult('pain002.xml', rejected)).toEqual({ paid: '0', returned: '1' });
    await expect.poll(lineState, { timeout: 15_000 }).toBe('returned');
    // The statistics say so: the one enterprise due a refund has not had it.
    await expect.poll(provinceRate, { timeout: 15_000 }).toBe('0.0%');
    expect(await workbookRefunded()).toBe(0);

    // Nothing to re-batch while the registry still has the closed account.
    await page.getByTestId('fee-tab-runs').click();
    await page.getByTestId('fee-rebatch').click();
    // A warning: no line batched, one still waiting for its account.
    const rebatched = page.getByTestId('fee-rebatch-result');
    await expect.poll(() => rebatched.getAttribute('class'), { timeout: 15_000 }).toContain('ant-alert-warning');

    // The account is fixed in the registry, then the line goes into a new batch.
    await page.getByTestId('fee-tab-import').click();
    await upload('企业名录', '企业名录-新账户.csv', [{ ...enterprise, 工会账户账号: '6222020000123456789' }]);
    await page.getByTestId('fee-tab-runs').click();
    await page.getByTestId('fee-rebatch').click();
    await expect.poll(() => rebatched.getAttribute('class'), { timeout: 15_000 }).toContain('ant-alert-success');
    await expect
      .poll(
        async () => {
          const items = (await checker.get('/api/fee-refunds/batches?status=draft&pageSize=100')).json<
            ApiPage<FeeBatch>
          >().items;
          return items.find((b) => b.month === MONTH)?.batchNo ?? null;
        },
        { timeout: 15_000 },
      )
      .not.toBeNull();
    const redo = (await checker.get('/api/fee-refunds/batches?status=draft&pageSize=100'))
      .json<ApiPage<FeeBatch>>()
      .items.find((b) => b.month === MONTH)!;
    await page.reload();
    await page.getByTestId(`fee-batch-submit-${redo.batchNo}`).click();
    await expect.poll(() => statusOf(redo.batchNo), { timeout: 15_000 }).toBe('submitted');
    await approveAsChecker(redo.batchNo);

    // The bank books it: paid to the new account.
    await page.reload();
    const download2 = page.waitForEvent('download');
    await page.getByTestId(`fee-batch-file-${redo.batchNo}`).click();
    const xml2 = readFileSync(await (await download2).path(), 'utf8');
    expect(xml2).toContain('6222020000123456789');
    const paidId = /<EndToEndId>([^<]+)<\/EndToEndId>/.exec(xml2)![1]!;
    expect(paidId).not.toBe(endToEndId);
    const booked = pain002Xml({
      messageId: 'BANK-STS-CYCLE-2',
      originalMessageId: redo.batchNo,
      statuses: [{ endToEndId: paidId, status: 'ACSC' }],
    });
    expect(await bankResult('pain002-2.xml', booked)).toEqual({ paid: '1', returned: '0' });
    await expect.poll(lineState, { timeout: 15_000 }).toBe('paid');

    // The dashboard and the biweekly table follow: refunded, and Suzhou opens on its counties.
    await expect.poll(provinceRate, { timeout: 15_000 }).toBe('100.0%');
    expect(await workbookRefunded()).toBe(1);
    await page.getByTestId('fee-stats-rows').locator('tr.ant-table-row').filter({ hasText: '苏州' }).click();
    await expect.poll(() => page.getByTestId('fee-stats-rate-320505').innerText(), { timeout: 15_000 }).toBe('100.0%');
  });
});
