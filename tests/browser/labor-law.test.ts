import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type TestApp } from '../support/app.js';
import { choose as chooseOption, ensureWebBuilt, launchChromium, menuKeys, signIn, startServer } from './support.js';

// The server calculates as of today (China time); every date below is well in the past, so the
// amounts do not depend on the day the test runs. 2018-09-01 → 2024-02-27 is 5 years 5 months
// 27 days: 5.5 months × ¥6,500 = ¥35,750 (Zhongshan has no average-wage figure, so no cap).

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ensureWebBuilt();
  ({ t, baseUrl } = await startServer());
  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 375, height: 740 },
    locale: 'zh-CN',
    timezoneId: 'Europe/London',
    hasTouch: true,
  });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** Lets antd's motion (step icons, error messages) settle before a screenshot. */
const settle = () => page.waitForTimeout(400);

const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);

const choose = (testId: string, text: string) => chooseOption(page, testId, text);

async function next(): Promise<void> {
  await page.getByTestId('calc-next').click();
}

/** Fills the four steps; the extras step is left empty. */
async function fillZhongshanLayOff(
  opts: { city?: string; code?: string; endDate?: string; screenshot?: string } = {},
): Promise<void> {
  if (opts.code) {
    await choose('calc-city', opts.city ?? '其他地区');
    await page.getByTestId('calc-region-code').fill(opts.code);
  } else {
    await choose('calc-city', opts.city ?? '中山市');
  }
  await next();
  await page.getByTestId('calc-hire-date').fill('2018-09-01');
  await page.getByTestId('calc-situation-art41').click();
  await page.getByTestId('calc-end-date').fill(opts.endDate ?? '2024-02-27');
  if (opts.screenshot) {
    await settle();
    await page.screenshot({ path: opts.screenshot, fullPage: true });
  }
  await next();
}

const fieldError = (testId: string) =>
  page
    .locator('.ant-form-item')
    .filter({ has: page.getByTestId(testId) })
    .locator('.ant-form-item-explain-error');

describe('labor-law pages', () => {
  it('lets a worker on a phone work out a lay-off without signing in', async () => {
    await page.goto(`${baseUrl}/calc`);
    await page.getByTestId('calc-title').waitFor();
    expect(await page.getByTestId('calc-title').innerText()).toBe('算一算我应得多少钱');
    // each page has its own document title
    await expect.poll(() => page.title()).toBe('劳动权益计算 · 一站 Yizhan');
    expect(await page.getByTestId('public-sign-in').innerText()).toBe('工作人员登录');
    expect(await page.getByTestId('user-menu').count()).toBe(0);

    // Each step is checked before moving on.
    await next();
    expect(await fieldError('calc-city').innerText()).toBe('请选择您工作的城市');
    expect(await page.getByTestId('calc-step').innerText()).toContain('第 1 步');

    await fillZhongshanLayOff({ screenshot: '/tmp/yz-calc-dates.png' });
    expect(await page.getByTestId('calc-step').innerText()).toContain('第 3 步');
    await page.getByTestId('calc-wage').fill('6500元 x');
    await next();
    expect(await fieldError('calc-wage').innerText()).toContain('请填写数字');
    await page.getByTestId('calc-wage').fill('6500');
    await next();
    expect(await page.getByTestId('calc-next').innerText()).toMatch(/开始计算/);
    await settle();
    await page.screenshot({ path: '/tmp/yz-calc-extras.png', fullPage: true });
    await next();

    const item = page.getByTestId('calc-item-economic_compensation');
    await item.waitFor();
    expect(await item.getByTestId('calc-item-name').innerText()).toBe('经济补偿');
    expect(await item.getByTestId('calc-item-amount').innerText()).toBe('35,750.00 元');
    expect(await item.getByTestId('calc-item-basis').innerText()).toContain('劳动合同法第四十七条');
    expect(await item.getByTestId('calc-item-explanation').innerText()).toContain(
      '5.5 个月 × 6,500.00 元 = 35,750.00 元',
    );
    expect(await page.getByTestId('calc-total-amount').innerText()).toBe('35,750.00 元');
    expect(await page.getByTestId('calc-as-of').innerText()).toMatch(/^计算日期 \d{4}-\d{2}-\d{2}$/);
    // More than a year has passed since the last day of work: the limitation warning leads.
    const firstAlert = page.locator('[data-testid="calc-result"] .ant-alert').first();
    expect(await firstAlert.getAttribute('data-testid')).toBe('calc-warning-limitation_expired_risk');
    expect(await firstAlert.getAttribute('class')).toContain('ant-alert-error');
    expect(await page.getByTestId('calc-warning-average_wage_missing').getAttribute('class')).toContain(
      'ant-alert-warning',
    );
    expect(await page.getByTestId('calc-inputs').innerText()).toContain('中山市');
    expect(await page.getByTestId('calc-disclaimer').innerText()).toContain(
      '本结果依据法律条文计算，仅供参考，具体以仲裁、法院认定为准',
    );
    expect(await scrollWidth()).toBeLessThanOrEqual(375);
    await settle();
    await page.screenshot({ path: '/tmp/yz-calc-result.png', fullPage: true });

    // The printed page: no header or buttons, the inputs, the date and both disclaimers.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-header').isVisible()).toBe(false);
    expect(await page.getByTestId('calc-print').isVisible()).toBe(false);
    expect(await page.getByTestId('calc-inputs').isVisible()).toBe(true);
    expect(await page.getByTestId('calc-disclaimer').innerText()).toContain('for reference only');
    await page.screenshot({ path: '/tmp/yz-calc-print.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });

  it('recalculates in English when the language is switched', async () => {
    await page.getByTestId('lang-switch').click();
    const item = page.getByTestId('calc-item-economic_compensation');
    // If the result went away, say what the page shows instead.
    const itemName = async () =>
      (await item.count())
        ? item.getByTestId('calc-item-name').innerText()
        : `(no result shown) ${(await page.locator('.yz-calc').innerText()).slice(0, 300)}`;
    await expect.poll(itemName).toBe('Economic compensation');
    await expect
      .poll(() => item.getByTestId('calc-item-explanation').innerText())
      .toContain('5.5 months × ¥6,500.00 = ¥35,750.00');
    expect(await item.getByTestId('calc-item-amount').innerText()).toBe('¥35,750.00');
    expect(await page.getByTestId('calc-total-amount').innerText()).toBe('¥35,750.00');
    await expect
      .poll(() => page.getByTestId('calc-warning-limitation_expired_risk').innerText())
      .toContain('time-barred');
    expect(await page.getByTestId('calc-print').innerText()).toBe('Print');
    expect(await scrollWidth()).toBeLessThanOrEqual(375);
    await page.screenshot({ path: '/tmp/yz-calc-result-en.png', fullPage: true });
  });

  it('shows bad input at the field: dates on the form, an unknown region from the server', async () => {
    await page.getByTestId('calc-restart').click();
    await fillZhongshanLayOff({ city: 'Somewhere else', code: '999999', endDate: '2018-08-31' });
    expect(await fieldError('calc-end-date').innerText()).toBe('The last day of work cannot be before the hire date');
    expect(await page.getByTestId('calc-step').innerText()).toBe('Step 2 of 4');

    await page.getByTestId('calc-end-date').fill('2024-02-27');
    await next();
    await page.getByTestId('calc-wage').fill('6,500.00');
    await next();
    await next();
    // The server does not know 999999: back on step 1 with its message at the code.
    await expect.poll(() => fieldError('calc-region-code').innerText()).toBe('Unknown region code (GB/T 2260)');
    expect(await page.getByTestId('calc-step').innerText()).toBe('Step 1 of 4');
    expect(await scrollWidth()).toBeLessThanOrEqual(375);
    await settle();
    await page.screenshot({ path: '/tmp/yz-calc-error.png', fullPage: true });

    await page.getByTestId('calc-region-code').fill('442000');
    await next();
    await next();
    await next();
    await next();
    await page.getByTestId('calc-result').waitFor();
    expect(await page.getByTestId('calc-total-amount').innerText()).toBe('¥35,750.00');
  });

  it('links the login page to the calculator', async () => {
    await page.getByTestId('public-sign-in').click();
    await page.getByTestId('login-submit').waitFor();
    expect(await page.getByTestId('login-calc-link').innerText()).toContain('What am I owed?');
    await page.screenshot({ path: '/tmp/yz-login-calc-link.png', fullPage: true });
    await page.getByTestId('login-calc-link').click();
    await page.waitForURL(`${baseUrl}/calc`);
    await page.getByTestId('calc-title').waitFor();
  });

  it('shows union staff the local wage figures and the calculator in their menu', async () => {
    await page.getByTestId('lang-switch').click();
    await signIn(page, baseUrl, 'zs_union', DEMO_PASSWORD);
    const keys = await menuKeys(page);
    expect(keys).toEqual(expect.arrayContaining(['calc', 'laborParams']));
    await page.getByTestId('menu-laborParams').click();
    await page.waitForURL(`${baseUrl}/labor-params`);
    const rows = page.locator('[data-testid="labor-params-table"] tr.ant-table-row');
    await rows.first().waitFor();
    const zhongshan = rows.filter({ hasText: '中山' }).filter({ hasText: '1,900.00' });
    expect(await zhongshan.count()).toBeGreaterThan(0);
    expect(await zhongshan.first().innerText()).toContain('月最低工资标准');
    expect(await page.getByTestId('labor-param-create').isVisible()).toBe(true);
    expect(await scrollWidth()).toBeLessThanOrEqual(375);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: '/tmp/yz-labor-params.png', fullPage: true });

    // Amounts are edited in yuan and saved exactly.
    const figure = rows.filter({ hasText: '中山' }).filter({ hasText: '2021-12-01' });
    await figure.getByTestId('labor-param-edit').click();
    const amount = page.getByTestId('labor-param-amount');
    await expect.poll(() => amount.inputValue()).toBe('1900');
    await amount.fill('1,950.50');
    await page.getByTestId('labor-param-form-save').click();
    await expect.poll(() => figure.innerText()).toContain('1,950.50');

    // Signed in, the calculator opens inside the app frame.
    await page.getByTestId('menu-calc').click();
    await page.getByTestId('calc-title').waitFor();
    expect(await page.getByTestId('user-menu').isVisible()).toBe(true);
  });
  it('counts double wages at each month’s own pay when the worker enters a raise, and asks why an art. 38 worker quit', async () => {
    // Hired 2020-01-01 at ¥5,000 with no contract, raised to ¥15,000 in January 2021, quit on
    // 2021-03-31 over unpaid wages: 11 × ¥5,000 = ¥55,000 (劳动合同法第八十二条; 实施条例第六条).
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${baseUrl}/calc`);
    await choose('calc-city', '中山市');
    await next();
    await page.getByTestId('calc-hire-date').fill('2020-01-01');
    await page.getByTestId('calc-situation-art38').click();
    await page.getByTestId('calc-end-date').fill('2021-03-31');
    await next();
    expect(await fieldError('calc-art38-reason').innerText()).toBe('请选一项');
    await choose('calc-art38-reason', '克扣或无故拖欠工资');
    await next();
    await page.getByTestId('calc-wage').fill('7500');
    await page.getByTestId('calc-wage-changes').click();
    // the first line starts with the month of hiring and the wage typed above; set it to ¥5,000
    expect(await page.getByTestId('calc-wage-change-from-0').inputValue()).toBe('2020-01');
    await page.getByTestId('calc-wage-change-wage-0').fill('5000');
    await page.getByTestId('calc-wage-change-from-1').fill('2021-01');
    await page.getByTestId('calc-wage-change-wage-1').fill('15000');
    expect(await scrollWidth()).toBeLessThanOrEqual(375);
    await next();
    await page.getByTestId('calc-no-contract').click();
    await next();

    const item = page.getByTestId('calc-item-double_wage_no_contract');
    await item.waitFor();
    expect(await item.getByTestId('calc-item-amount').innerText()).toBe('55,000.00 元');
    expect(await item.getByTestId('calc-item-explanation').innerText()).toContain('11 个月 × 5,000.00 元');
    expect(await page.getByTestId('calc-inputs').innerText()).toContain('克扣或无故拖欠工资');
    expect(await scrollWidth()).toBeLessThanOrEqual(375);
    await settle();
    await page.screenshot({ path: '/tmp/yz-calc-raise.png', fullPage: true });
  });
  it('counts unpaid wages month by month from stretches the worker enters', async () => {
    // Laid off on 2024-02-27 after January and February went unpaid (¥6,500 and ¥3,000 missing).
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${baseUrl}/calc`);
    await fillZhongshanLayOff();
    await page.getByTestId('calc-wage').fill('6500');
    await next();
    await page.getByTestId('calc-unpaid').click();
    await page.getByTestId('calc-unpaid-from-0').fill('2024-01');
    await page.getByTestId('calc-unpaid-to-0').fill('2024-01');
    await page.getByTestId('calc-unpaid-amount-0').fill('6500');
    await page.getByTestId('calc-unpaid-add').click();
    await page.getByTestId('calc-unpaid-from-1').fill('2024-02');
    await page.getByTestId('calc-unpaid-to-1').fill('2024-01');
    await page.getByTestId('calc-unpaid-amount-1').fill('3000');
    await next();
    // a stretch that runs backwards is caught at the field
    expect(await fieldError('calc-unpaid-to-1').innerText()).toBe('结束月份不能早于开始月份');
    await page.getByTestId('calc-unpaid-to-1').fill('2024-02');
    expect(await scrollWidth()).toBeLessThanOrEqual(375);
    await next();

    const item = page.getByTestId('calc-item-unpaid_wages');
    await item.waitFor();
    expect(await item.getByTestId('calc-item-name').innerText()).toBe('欠发的工资');
    expect(await item.getByTestId('calc-item-amount').innerText()).toBe('9,500.00 元');
    expect(await item.getByTestId('calc-item-basis').innerText()).toContain('劳动法第五十条');
    expect(await page.getByTestId('calc-total-amount').innerText()).toBe('45,250.00 元'); // + 35,750 severance
    expect(await page.getByTestId('calc-warning-unpaid_wages_bureau_penalty').innerText()).toContain(
      '劳动合同法第八十五条',
    );
    await settle();
    await page.screenshot({ path: '/tmp/yz-calc-unpaid.png', fullPage: true });
  });
});
