import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type TestApp } from '../support/app.js';
import { ensureWebBuilt, launchChromium, menuKeys, signIn, startServer } from './support.js';

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ensureWebBuilt();
  ({ t, baseUrl } = await startServer());
  browser = await launchChromium();
  // One browser profile for the whole story, so the language choice carries over.
  context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Europe/London',
  });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('web shell', () => {
  it('signs in an administrator in Chinese and shows the admin menu', async () => {
    await page.goto(`${baseUrl}/`);
    await page.getByTestId('login-submit').waitFor();
    expect(await page.locator('body').innerText()).toContain('工会一站式服务平台');
    await page.screenshot({ path: '/tmp/yz-login.png' });

    await signIn(page, baseUrl, 'admin', DEMO_PASSWORD);
    const keys = await menuKeys(page);
    expect(keys).toEqual(expect.arrayContaining(['home', 'accounts', 'audit', 'organizations', 'regions']));
    expect(keys).not.toContain('me');
    await expect.poll(() => page.getByTestId('menu-accounts').innerText()).toBe('账号与角色');
    await page.getByTestId('figure-people').waitFor();
    await page.locator('canvas').first().waitFor();
    await page.screenshot({ path: '/tmp/yz-admin-home.png' });
  });

  it('opens the audit log with rows shown in Shanghai time', async () => {
    await page.getByTestId('menu-audit').click();
    await page.waitForURL(`${baseUrl}/audit`);
    const rows = page.locator('[data-testid="audit-table"] tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.first().locator('td').nth(1).innerText()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await page.screenshot({ path: '/tmp/yz-audit.png' });
  });

  it('switches to English, including antd and the menu, then signs out', async () => {
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('menu-audit').innerText()).toBe('Audit log');
    expect(await page.getByTestId('menu-accounts').innerText()).toBe('Accounts');
    expect(await page.evaluate(() => localStorage.getItem('yz_lang'))).toBe('en');
    // The antd locale follows: the table's pagination speaks English.
    expect(await page.locator('.ant-pagination-total-text').innerText()).toMatch(/in total/);

    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-submit').waitFor();
    expect(await page.getByTestId('login-submit').innerText()).toMatch(/Sign in/);
  });

  it('gives a worker on a phone only their own pages, with a masked ID and no sideways scrolling', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    await signIn(page, baseUrl, 'worker', DEMO_PASSWORD);
    await page.waitForURL(`${baseUrl}/me`);
    const resident = page.getByTestId('me-resident-id');
    await resident.waitFor();
    expect(await resident.innerText()).toContain('**********');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    const keys = await menuKeys(page);
    expect(keys).toContain('me');
    expect(keys).not.toContain('accounts');
    expect(keys).not.toContain('audit');
    expect(await page.getByTestId('menu-me').innerText()).toBe('Me');
    await page.waitForTimeout(400); // let the drawer finish sliding in for the screenshot
    await page.screenshot({ path: '/tmp/yz-worker-menu.png' });
    await page.keyboard.press('Escape');
  });

  it('keeps the language choice across a reload and fits Chinese on a phone too', async () => {
    await page.reload();
    await page.getByTestId('me-resident-id').waitFor();
    expect(await page.getByTestId('lang-switch').innerText()).toBe('中文');
    expect(await page.locator('body').innerText()).toContain('My record');

    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('body').innerText()).toContain('我的档案');
    await page.reload();
    await page.getByTestId('me-resident-id').waitFor();
    expect(await page.locator('body').innerText()).toContain('我的档案');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: '/tmp/yz-worker-me.png', fullPage: true });
  });
});
