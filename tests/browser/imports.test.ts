import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type TestApp } from '../support/app.js';
import { uniquePhone, uniqueUscc } from '../support/factories.js';
import { csvFile, EMPLOYER_HEADERS } from '../support/imports.js';
import { ensureWebBuilt, launchChromium, newDeskPage, signIn, startServer } from './support.js';

// The employer register's bulk import, as an administrator does it: open it from the register,
// upload a GBK (GB18030) CSV as government systems export it, read why a row was rejected,
// import the rest, and find the new employers in the register.

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ensureWebBuilt();
  ({ t, baseUrl } = await startServer());
  browser = await launchChromium();
  page = await newDeskPage(browser);
  await signIn(page, baseUrl, 'admin', DEMO_PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const status = () => page.getByTestId('import-status').getAttribute('data-status');

describe('employers import page', () => {
  it('uploads a GB18030 CSV, shows the rejected row, commits, and the employers are in the register', async () => {
    const name = `中山市导入测试五金厂${Date.now() % 100000}`;
    const file = csvFile(
      [
        EMPLOYER_HEADERS,
        [uniqueUscc('442000'), `${name}甲`, '442000', 'C13', '冯建华', uniquePhone()],
        ['91442000ABC', `${name}乙`, '442000', 'C13', '', ''],
        [uniqueUscc('442000'), `${name}丙`, '442000', 'C13', '', ''],
      ],
      'gb18030',
    );
    await page.goto(`${baseUrl}/employers`);
    await page.getByTestId('employers-import').click();
    await page.waitForURL(/\/employers\/import/);
    await page.locator('input[type=file]').setInputFiles({ name: '单位名录.csv', mimeType: 'text/csv', buffer: file });
    await expect.poll(status, { timeout: 30_000 }).toBe('validated');
    const counts = await page.getByTestId('import-counts').innerText();
    expect(counts).toContain('3');
    const rejected = page.getByTestId('import-rejected').locator('tr.ant-table-row');
    await expect.poll(() => rejected.count()).toBe(1);
    const reason = await rejected.first().innerText();
    expect(reason).toContain('3');
    expect(reason).toContain('统一社会信用代码');
    expect(reason).toContain('18位');

    await page.getByTestId('import-commit').click();
    await page.locator('.ant-popover .ant-btn-primary').click();
    await expect.poll(status, { timeout: 30_000 }).toBe('committed');
    expect(await page.getByTestId('import-done').innerText()).toContain('2');
    await expect.poll(() => page.getByTestId('import-history').locator('tr.ant-table-row').count()).toBeGreaterThan(0);

    await page.getByRole('button', { name: /返回列表/ }).click();
    await page.getByPlaceholder('名称或信用代码').fill(name);
    await page.getByTestId('list-search').click();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect
      .poll(() => rows.allInnerTexts())
      .toEqual([expect.stringContaining(`${name}丙`), expect.stringContaining(`${name}甲`)]);
  });
});
