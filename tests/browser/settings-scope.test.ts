import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, loginAs, type TestApp } from '../support/app.js';
import { ensureWebBuilt, launchChromium, signIn, startServer, newDeskPage } from './support.js';

// What the pages offer follows what the server allows: a regional administrator sees the
// nationwide settings read-only, a mediator edits only their own profile, and the sign-in page
// shows the server's answer when sign-in is paused.

let t: TestApp;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuilt();
  ({ t, baseUrl } = await startServer());
  browser = await launchChromium();
  const admin = await loginAs(t.app, 'admin');
  const res = await admin.post('/api/accounts', {
    username: 'zs_admin',
    password: 'Zhongshan2026',
    displayName: '中山市 · 系统管理员',
    roles: ['system_admin'],
    regionCode: '442000',
  });
  expect(res.statusCode, res.body).toBe(200);
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const newPage = () => newDeskPage(browser);

const openSettings = async (page: Page) => {
  await page.goto(`${baseUrl}/disputes/settings`);
  await page.getByTestId('mediators-table').locator('.ant-table-row').first().waitFor();
};

describe('settings and sign-in as the server decides', () => {
  it('shows a regional administrator the nationwide settings read-only', async () => {
    const page = await newPage();
    await signIn(page, baseUrl, 'zs_admin', 'Zhongshan2026');
    await openSettings(page);
    await page.getByTestId('joint-readonly').waitFor();
    expect(await page.getByTestId('joint-save').count()).toBe(0);
    expect(await page.getByTestId('calendar-form').count()).toBe(0);
    // A studio manager within the region: every mediator's row can be edited.
    expect(await page.locator('[data-testid^="mediator-edit-"]').count()).toBe(6);
    await page.context().close();
  });

  it('lets a mediator edit only their own row', async () => {
    const page = await newPage();
    await signIn(page, baseUrl, 'zs_mediator', DEMO_PASSWORD);
    await openSettings(page);
    const own = t.ids!.accountIds.get('zs_mediator')!;
    expect(
      await page
        .locator('[data-testid^="mediator-edit-"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid'))),
    ).toEqual([`mediator-edit-${own}`]);
    await page.context().close();
  });

  it('shows the server’s message when sign-in is paused', async () => {
    const page = await newPage();
    for (let i = 0; i < 5; i++)
      await page.request.post(`${baseUrl}/api/auth/login`, { data: { username: 'zs_clerk', password: `wrong${i}pw` } });
    await page.goto(`${baseUrl}/login`);
    await page.getByTestId('login-username').fill('zs_clerk');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').innerText()).toContain('暂停登录');
    await page.context().close();
  });
});
