import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type TestApp } from '../support/app.js';
import { uniqueUscc } from '../support/factories.js';
import { csvFile } from '../support/imports.js';
import { allowNames, expectEnglish } from './english-support.js';
import { ensureWebBuilt, launchChromium, menuKeys, newDeskPage, signIn, startServer } from './support.js';

// The fee-refund enterprise registry as Jiangsu's province union staff use it: upload the registry
// file, read why a row was not taken, find the enterprise taken with its size class, then read the
// page in English.

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ensureWebBuilt();
  ({ t, baseUrl } = await startServer());
  browser = await launchChromium();
  page = await newDeskPage(browser);
  await signIn(page, baseUrl, 'js_union', DEMO_PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const HEADERS = [
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
];

const status = () => page.getByTestId('fee-import-status').getAttribute('data-status');
const count = (key: string) => page.getByTestId(`fee-import-count-${key}`).getAttribute('data-value');

describe('fee-refund enterprise registry', () => {
  it('imports a file, shows the rejected row, lists the enterprise with its size class, reads in English, and rolls back', async () => {
    const uscc = uniqueUscc('320505');
    const name = `苏州虎丘精密制造有限公司${uscc.slice(-6)}`;
    // 工业 (C35) with 25 staff and 300 万元 revenue: 小型 (工信部联企业〔2011〕300号第四条（二）: 20 staff
    // and 300 万元 and above). Row 3's code has 11 characters, not 18.
    const file = csvFile([
      HEADERS,
      [
        uscc,
        name,
        '320505',
        'C35',
        '25',
        '300',
        '120.5',
        '是',
        '2019-03-08',
        '102305002019',
        '0010203040506070',
        `${name}工会委员会`,
        '001305000016',
        '0000123456',
        name,
      ],
      ['91320505ABC', '苏州格式错误有限公司', '320505', 'C35', '25', '300', '120.5', '否', '', '', '', '', '', '', ''],
    ]);

    await page.goto(`${baseUrl}/`);
    expect(await menuKeys(page)).toContain('feeRefunds');
    await page.getByTestId('menu-feeRefunds').click();
    await page.waitForURL(/\/fee-refunds/);
    await page.getByTestId('fee-tab-import').click();
    await page.locator('input[type=file]').setInputFiles({ name: '企业名录.csv', mimeType: 'text/csv', buffer: file });
    await expect.poll(status, { timeout: 30_000 }).toBe('committed');
    expect([await count('total'), await count('accepted'), await count('rejected'), await count('duplicate')]).toEqual([
      '2',
      '1',
      '1',
      '0',
    ]);
    const rejected = page.getByTestId('fee-import-rejected').locator('tr.ant-table-row');
    await expect.poll(() => rejected.count()).toBe(1);
    const cells = await rejected.first().locator('td').allInnerTexts();
    expect(cells).toEqual(['3', '统一社会信用代码', expect.stringContaining('应为18位，当前为11位')]);
    expect(await page.getByTestId('fee-import-errors-download').getAttribute('href')).toMatch(
      /^\/api\/fee-refunds\/imports\/[^/]+\/errors\.xlsx$/,
    );
    await expect.poll(() => page.getByTestId('fee-import-rollback').isVisible()).toBe(true);

    await page.getByTestId('fee-tab-registry').click();
    await page.getByPlaceholder('企业名称或信用代码').fill(uscc);
    await page.getByTestId('fee-enterprise-search').click();
    const rows = page.getByTestId('fee-enterprises').locator('tr.ant-table-row');
    await expect.poll(() => rows.allInnerTexts()).toEqual([expect.stringContaining(name)]);
    const row = await rows.first().innerText();
    expect(row).toContain('小型企业');
    expect(row).toContain('已建会');
    // The union's account shows its last four digits only.
    expect(row).toContain('**** 6070');
    expect(row).not.toContain('0010203040506070');

    await rows.first().getByTestId('fee-enterprise-open').click();
    const detail = page.getByTestId('fee-enterprise-detail');
    await expect.poll(() => detail.isVisible()).toBe(true);
    expect(await detail.innerText()).toContain('120.5');
    await page.locator('.ant-drawer-close').click();
    await expect.poll(() => detail.isVisible()).toBe(false);

    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Fee refunds');
    await expect.poll(() => rows.first().innerText()).toContain('Small enterprise');
    expect(await rows.first().innerText()).toContain('Has a union');
    allowNames(name);
    await expectEnglish(page, 'fee-refund registry');

    await page.getByTestId('fee-tab-import').click();
    const reason = await rejected.first().locator('td').allInnerTexts();
    expect(reason).toEqual(['3', 'USCC', expect.stringContaining('must be 18 characters long (got 11)')]);
    expect(await page.getByTestId('fee-import-counts').innerText()).toContain('Already in the registry');
    await expectEnglish(page, 'fee-refund import');

    // Rolled back (after its confirmation), the enterprise leaves the registry.
    await page.getByTestId('fee-import-rollback').click();
    await page.locator('.ant-popover .ant-btn-primary').click();
    await expect.poll(status, { timeout: 30_000 }).toBe('rolled_back');
    await page.getByTestId('fee-tab-registry').click();
    await page.getByTestId('fee-enterprise-search').click();
    await expect.poll(() => rows.count()).toBe(0);
  });

  it('lets the checker declare a finance enterprise small, with its grounds, in English', async () => {
    const uscc = uniqueUscc('320505');
    const name = `苏州虎丘小额贷款有限公司${uscc.slice(-6)}`;
    // A finance enterprise (J66): the 2011 standard does not class it, so its class stays open.
    const file = csvFile([
      HEADERS,
      [uscc, name, '320505', 'J66', '12', '800', '3000', '否', '', '', '', '', '001305000016', '0000765432', name],
    ]);
    await page.getByTestId('fee-tab-import').click();
    await page.locator('input[type=file]').setInputFiles({ name: 'registry.csv', mimeType: 'text/csv', buffer: file });
    await expect.poll(status, { timeout: 30_000 }).toBe('committed');
    await page.getByTestId('fee-tab-registry').click();
    await page.getByTestId('fee-enterprise-q').fill(uscc);
    await page.getByTestId('fee-enterprise-search').click();
    const rows = page.getByTestId('fee-enterprises').locator('tr.ant-table-row');
    await expect.poll(() => rows.allInnerTexts()).toEqual([expect.stringContaining(name)]);
    await rows.first().getByTestId('fee-enterprise-open').click();
    const declared = page.getByTestId('fee-declared-class');
    await expect.poll(() => declared.innerText()).toBe('As the standard computes it (none declared)');

    // Declaring without grounds is refused on the field, and nothing changes.
    await page.getByTestId('fee-eligibility-class').click();
    await page.locator('.ant-select-item-option', { hasText: 'Small enterprise' }).click();
    await page.getByTestId('fee-eligibility-save').click();
    const form = page.getByTestId('fee-eligibility-form');
    await expect
      .poll(() => form.locator('.ant-form-item-explain-error').allInnerTexts())
      .toEqual(['Give the grounds when you declare a size class or an exclusion']);
    expect(await declared.innerText()).toBe('As the standard computes it (none declared)');

    await page.getByTestId('fee-eligibility-reason').fill('银发〔2015〕309号: assets 30 million yuan, small');
    await page.getByTestId('fee-eligibility-save').click();
    await expect.poll(() => declared.innerText()).toBe('Small enterprise');
    expect(await page.getByTestId('fee-enterprise-detail').innerText()).toContain('银发〔2015〕309号');
    allowNames(name, '银发〔2015〕309号: assets 30 million yuan, small', '银发〔2015〕309号');
    await expectEnglish(page, 'fee-refund eligibility');
    await page.locator('.ant-drawer-close').click();
  });
});
