import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeMembershipDemo } from '../../server/seed/membership.js';
import { DEMO_PASSWORD, type TestApp } from '../support/app.js';
import { allowNames, expectEnglish } from './english-support.js';
import { ensureWebBuilt, launchChromium, newDeskPage, signIn, startServer } from './support.js';

// Haixi's union staff (hx_union) open the membership figures: the seed's 7 unions, 324 members,
// 12,471 insured workers and 69 recommended, with the counties and the months, in both languages.

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ensureWebBuilt();
  ({ t, baseUrl } = await startServer({ demoScale: 0.01 }));
  await writeMembershipDemo(t.deps);
  browser = await launchChromium();
  page = await newDeskPage(browser);
  await signIn(page, baseUrl, 'hx_union', DEMO_PASSWORD);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const total = (key: string) => page.getByTestId(`membership-total-${key}`).innerText();

describe('the membership figures', () => {
  it('shows Haixi’s figures from the rows, by county and month, and reads in English', async () => {
    await page.goto(`${baseUrl}/membership/reports`);
    await expect.poll(() => total('members'), { timeout: 15_000 }).toBe('324');
    expect(await total('organizations')).toBe('7');
    expect(await total('insured')).toBe('12,471');
    expect(await total('recommended')).toBe('69');
    const areas = page.getByTestId('membership-areas').locator('tr.ant-table-row');
    expect(await areas.count()).toBeGreaterThanOrEqual(4);
    expect((await areas.allInnerTexts()).join('\n')).toContain('格尔木市');
    await page.getByTestId('membership-chart-monthly').locator('canvas').first().waitFor();
    await page.getByTestId('lang-switch').click();
    await expect
      .poll(() => page.getByTestId('membership-reports').locator('h1, h2, h3, h4').first().innerText())
      .toContain('Membership figures');
    // Region names are data: they stay as the register spells them.
    const names = await areas.locator('td:first-child').allInnerTexts();
    const title = await page.getByTestId('membership-reports').locator('h1, h2, h3, h4').first().innerText();
    allowNames(...names, ...title.split(' · ').slice(1));
    await expectEnglish(page, 'membership figures');
  });
});
