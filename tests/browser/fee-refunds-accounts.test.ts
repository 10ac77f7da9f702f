import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type TestApp } from '../support/app.js';
import { allowNames, expectEnglish } from './english-support.js';
import { ensureWebBuilt, launchChromium, newDeskPage, signIn, startServer } from './support.js';

// The union's accounts tab as Jiangsu's checker uses it: the province's paying account and a
// county federation's pooled account set through the forms, a city refused as a pooled account
// with the reason on the field, and the tab in English.

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ensureWebBuilt();
  ({ t, baseUrl } = await startServer());
  browser = await launchChromium();
  page = await newDeskPage(browser);
  await signIn(page, baseUrl, 'js_checker', DEMO_PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('fee-refund union accounts', () => {
  it('sets the paying account and a county pooled account, refuses a city, and reads in English', async () => {
    await page.goto(`${baseUrl}/fee-refunds?tab=accounts`);
    const paying = page.getByTestId('fee-accounts-paying').locator('tr.ant-table-row');
    const pooled = page.getByTestId('fee-accounts-pooled').locator('tr.ant-table-row');
    const fill = async (kind: 'paying' | 'pooled', region: string, name: string, no: string, bank: string) => {
      await page.getByTestId(`fee-account-${kind}-region`).fill(region);
      await page.getByTestId(`fee-account-${kind}-name`).fill(name);
      await page.getByTestId(`fee-account-${kind}-no`).fill(no);
      await page.getByTestId(`fee-account-${kind}-bank`).fill(bank);
      await page.getByTestId(`fee-account-${kind}-save`).click();
    };
    const province = () => fill('paying', '320000', '江苏省总工会', '3200000000000001', '102301000011');
    const county = (region: string) =>
      fill('pooled', region, '苏州市虎丘区总工会归集户', '3205050000000009', '102305000505');
    await province();
    await expect.poll(() => paying.allInnerTexts()).toContainEqual(expect.stringContaining('3200000000000001'));
    expect(await paying.first().innerText()).toContain('江苏省');

    // A city has no pooled account: the reason shows on the region field, nothing is saved.
    await county('320500');
    const form = page.locator('form[id="fee-account-pooled"]');
    await expect
      .poll(() => form.locator('.ant-form-item-explain-error').allInnerTexts())
      .toEqual([expect.stringContaining('归集账户只设在县级')]);
    expect(await pooled.count()).toBe(0);

    await county('320505');
    await expect.poll(() => pooled.allInnerTexts()).toEqual([expect.stringContaining('虎丘区')]);
    const row = await pooled.first().innerText();
    expect(row).toContain('3205050000000009');
    expect(row).toContain('102305000505');

    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('fee-tab-accounts').innerText()).toBe('Union accounts');
    expect(await page.locator('.ant-card-head-title').allInnerTexts()).toContain("County federations' pooled accounts");
    const names = [...(await paying.allInnerTexts()), ...(await pooled.allInnerTexts())];
    allowNames(...names.flatMap((text) => text.split(/\t|\n/)).filter((cell) => /[\u4e00-\u9fff]/.test(cell)));
    await expectEnglish(page, 'fee-refund union accounts');
  });
});
