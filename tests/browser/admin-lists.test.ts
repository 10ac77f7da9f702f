import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, loginAs, type TestApp } from '../support/app.js';
import { ensureWebBuilt, launchChromium, newDeskPage, signIn, startServer } from './support.js';

// The administrator's lists (one list page for all of them): each shows its rows, pages through
// the server's pages, filters by its search form, and shows an edit in the table once saved.

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

const rows = () => page.locator('.ant-table-tbody tr.ant-table-row');
const rowTexts = () => rows().allInnerTexts();

/** Opens a list page and waits for its first rows; answers the total the pagination states. */
async function open(path: string): Promise<number> {
  await page.goto(`${baseUrl}${path}`);
  await rows().first().waitFor();
  const total = await page.locator('.ant-pagination-total-text').innerText();
  return Number(total.replace(/\D/g, ''));
}

/** Page 2 shows other rows than page 1, asked from the server as page 2. */
async function pagesToSecond(api: string): Promise<void> {
  const first = await rowTexts();
  expect(first).toHaveLength(20);
  const asked = page.waitForRequest((r) => r.url().includes(api) && (r.postData() ?? r.url()).includes('page'));
  await page.locator('.ant-pagination-item-2').click();
  await asked;
  await expect.poll(async () => (await rowTexts())[0]).not.toBe(first[0]);
  expect(await page.locator('.ant-pagination-item-active').innerText()).toBe('2');
  expect(await rowTexts()).not.toEqual(first);
}

/** Types into the search form's text box and searches; every row shown then contains the text. */
async function searchFor(placeholder: string, text: string): Promise<void> {
  await page.getByPlaceholder(placeholder).fill(text);
  await page.getByTestId('list-search').click();
  await expect.poll(async () => (await rowTexts()).every((r) => r.includes(text))).toBe(true);
  expect(await rows().count()).toBeGreaterThan(0);
}

/** Edits the first row shown: `fill` changes the form, then the saved value appears in that row. */
async function editFirstRow(formTestId: string, fill: () => Promise<void>, shows: string): Promise<void> {
  await rows().first().getByTestId('row-edit').click();
  await page.getByTestId(`${formTestId}-save`).waitFor();
  await fill();
  await page.getByTestId(`${formTestId}-save`).click();
  await page.getByTestId(`${formTestId}-save`).waitFor({ state: 'hidden' });
  await expect.poll(async () => (await rowTexts())[0]).toContain(shows);
}

const field = (formTestId: string, label: string) =>
  page.getByTestId(formTestId).locator('.ant-form-item').filter({ hasText: label }).locator('input').first();

describe('the administrator’s lists', () => {
  it('employers: rows, a second page, a search by name, an edit', async () => {
    expect(await open('/employers')).toBeGreaterThan(20);
    await pagesToSecond('/api/employers');
    const name = (await rows().first().locator('td').first().innerText()).trim();
    await searchFor('名称或信用代码', name);
    await editFirstRow('employer-form', () => field('employer-form', '联系人').fill('周小燕'), '周小燕');
  });

  it('organizations: rows, a search by name, an edit', async () => {
    await open('/organizations');
    const name = (await rows().first().locator('td').first().innerText()).trim();
    await searchFor('按名称查询', name);
    await editFirstRow(
      'organization-form',
      () => field('organization-form', '联系电话').fill('0760-88880001'),
      '0760-88880001',
    );
  });

  it('accounts: rows, a search by username, an edit', async () => {
    await open('/accounts');
    await searchFor('用户名、姓名或手机号', 'zs_clerk');
    await editFirstRow(
      'account-form',
      () => field('account-form', '显示名称').fill('中山法院 · 书记员小王'),
      '书记员小王',
    );
  });

  it('people: rows, a second page, a search by name sent in the body, an edit', async () => {
    expect(await open('/people')).toBeGreaterThan(20);
    await pagesToSecond('/api/people/search');
    const name = (await rows().first().locator('td').first().innerText()).trim();
    await searchFor('姓名、手机号或完整身份证号', name);
    await editFirstRow('person-form', () => field('person-form', '职业').fill('钢筋工'), '钢筋工');
  });

  it('courts: rows, and a filter by region (Guangzhou, picked province then city)', async () => {
    const all = await open('/courts');
    expect(await rowTexts()).toEqual(expect.arrayContaining([expect.stringContaining('中山市第一人民法院')]));
    await page.locator('.ant-form-inline .ant-cascader').click();
    await page.locator('.ant-cascader-menu-item').filter({ hasText: '广东省' }).first().click();
    await page.locator('.ant-cascader-menu-item').filter({ hasText: '广州市' }).first().click();
    await page.keyboard.press('Escape');
    await page.getByTestId('list-search').click();
    await expect.poll(async () => (await rowTexts()).every((r) => r.includes('广州市'))).toBe(true);
    const total = Number((await page.locator('.ant-pagination-total-text').innerText()).replace(/\D/g, ''));
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(all);
  });

  it('local wage figures: rows, a filter by city, an edit', async () => {
    await open('/labor-params');
    await page.getByTestId('labor-params-region').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '中山' })
      .first()
      .click();
    await expect.poll(async () => (await rowTexts()).every((r) => r.includes('442000'))).toBe(true);
    await rows().first().getByTestId('labor-param-edit').click();
    await page.getByTestId('labor-param-source').fill('中山市人民政府公告（复核）');
    await page.getByTestId('labor-param-form-save').click();
    await page.getByTestId('labor-param-form-save').waitFor({ state: 'hidden' });
    await expect.poll(async () => (await rowTexts())[0]).toContain('复核');
  });

  it('audit log: more than a page of records, a second page, a search by action, no edit link', async () => {
    // The demo writes no audit records: more than a page of them, by registering people through the API.
    const admin = await loginAs(t.app, 'admin');
    for (let i = 0; i < 20; i++) {
      const res = await admin.post('/api/people', { name: `审计测试${i}`, regionCode: '442000' });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect(await open('/audit')).toBeGreaterThan(20);
    expect(await page.getByTestId('row-edit').count()).toBe(0);
    await pagesToSecond('/api/audit');
    // Actions are picked and shown by their names, not their codes (employer.updated).
    await page.getByLabel('操作', { exact: true }).fill('修改用人单位');
    await page.keyboard.press('Enter');
    await page.getByTestId('audit-search').click();
    await expect
      .poll(async () => (await rowTexts()).every((r) => r.includes('修改用人单位') && !r.includes('employer.updated')))
      .toBe(true);
    expect(await rows().count()).toBeGreaterThan(0);
  });

  it('regions: the provinces, and a province opened to its cities', async () => {
    await page.goto(`${baseUrl}/regions`);
    await page.getByTestId('region-440000').waitFor();
    await page
      .locator('.ant-tree-treenode')
      .filter({ has: page.getByTestId('region-440000') })
      .locator('.ant-tree-switcher')
      .click();
    await page.getByTestId('region-442000').waitFor();
    expect(await page.getByTestId('region-442000').innerText()).toContain('中山市');
  });
});
