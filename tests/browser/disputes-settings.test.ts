import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type TestApp } from '../support/app.js';
import { ensureWebBuilt, launchChromium, menuKeys, signIn, startServer, newDeskPage } from './support.js';

// The mediation settings page: an administrator changes the joint-mediation triggers and the
// working-day calendar; a mediator sees them read-only and keeps the mediators' profiles.

let t: TestApp;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuilt();
  ({ t, baseUrl } = await startServer());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const newPage = () => newDeskPage(browser);

/** The <input> of a form control with this test id (antd puts the id on the input or its wrapper). */
const inputOf = (page: Page, testId: string) =>
  page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

const openSettings = async (page: Page) => {
  await page.goto(`${baseUrl}/disputes/settings`);
  await page.getByTestId('mediators-table').locator('.ant-table-row').first().waitFor();
};

describe('mediation settings', () => {
  it('lets the administrator change the triggers and the calendar', async () => {
    const page = await newPage();
    await signIn(page, baseUrl, 'admin', DEMO_PASSWORD);
    expect(await menuKeys(page)).toContain('disputesSettings');
    await openSettings(page);

    const rows = page.getByTestId('mediators-table').locator('.ant-table-row');
    // Every studio's mediators for the nationwide administrator (Zhongshan and Guangzhou in the demo).
    const listed = (await (await page.request.get(`${baseUrl}/api/disputes/mediators`)).json()).items as unknown[];
    expect(listed.length).toBeGreaterThan(1);
    await expect.poll(() => rows.count()).toBe(listed.length);
    await expect.poll(() => page.getByTestId('mediators-table').innerText()).toContain('黄丽华');

    // Expertise is edited in a modal; the tag shows in the table after saving.
    await rows.filter({ hasText: '黄丽华' }).getByRole('button').click();
    await page.getByTestId('mediator-expertise').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '建筑业' })
      .first()
      .click();
    await page.locator('.ant-modal-title').filter({ hasText: '编辑调解员' }).click(); // closes the dropdown
    await page.getByTestId('mediator-form-save').click();
    await page.getByTestId('mediator-form-save').waitFor({ state: 'hidden' });
    await expect.poll(() => rows.filter({ hasText: '黄丽华' }).innerText()).toContain('建筑业');

    // Joint-mediation triggers: 8 workers, saved and still there after a reload.
    const workers = inputOf(page, 'joint-min-workers');
    await workers.fill('8');
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/disputes/settings/joint-mediation') && r.request().method() === 'PUT',
    );
    await page.getByTestId('joint-save').click();
    expect((await saved).status()).toBe(200);
    await page.reload();
    await inputOf(page, 'joint-min-workers').waitFor();
    await expect.poll(() => inputOf(page, 'joint-min-workers').inputValue()).toBe('8');

    // A local stoppage becomes a holiday of the working-day calendar.
    await inputOf(page, 'calendar-date').fill('2026-12-24');
    await inputOf(page, 'calendar-note').fill('台风停工（市政府通知）');
    await page.getByTestId('calendar-add').click();
    const row = page.getByTestId('calendar-table').locator('.ant-table-row').filter({ hasText: '2026-12-24' });
    await row.waitFor();
    expect(await row.innerText()).toContain('台风停工（市政府通知）');
    expect(await row.innerText()).toContain('休息日');
    await page.context().close();
  });

  it('shows a mediator the triggers and calendar read-only', async () => {
    const page = await newPage();
    await signIn(page, baseUrl, 'zs_mediator', DEMO_PASSWORD);
    expect(await menuKeys(page)).toContain('disputesSettings');
    await openSettings(page);
    await page.getByTestId('joint-readonly').waitFor();
    await inputOf(page, 'joint-min-workers').waitFor();
    expect(await inputOf(page, 'joint-min-workers').isDisabled()).toBe(true);
    expect(await inputOf(page, 'joint-min-workers').inputValue()).toBe('8');
    expect(await page.getByTestId('joint-save').count()).toBe(0);
    expect(await page.getByTestId('calendar-form').count()).toBe(0);
    await page.getByTestId('calendar-table').locator('.ant-table-row').filter({ hasText: '2026-12-24' }).waitFor();
    // The server refuses the change too.
    const res = await page.request.put(`${baseUrl}/api/disputes/settings/joint-mediation`, {
      data: { minWorkers: 2, minClaimFen: 0, onMediatorRequest: true },
    });
    expect([403, 401]).toContain(res.status());
    await page.context().close();
  });

  it('keeps the page from judges', async () => {
    const page = await newPage();
    await signIn(page, baseUrl, 'zs_judge', DEMO_PASSWORD);
    expect(await menuKeys(page)).not.toContain('disputesSettings');
    await page.goto(`${baseUrl}/disputes/settings`);
    await expect.poll(() => page.getByTestId('mediators-card').count()).toBe(0);
    await page.context().close();
  });
});
