import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.js';
import { FACTORY_PASSWORD, newMediator } from '../support/factories.js';
import { ensureWebBuilt, launchChromium, signIn, startServer } from './support.js';

// A page's code may arrive after the app has rendered (a slow phone, a busy machine): the page is
// then shown through React.lazy. What the user has typed must survive everything that renders the
// page again afterwards, such as switching the language. The page's element must therefore stay
// the same element: a page whose code arrived late must not be mounted afresh once it is here.

let t: TestApp;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuilt();
  ({ t, baseUrl } = await startServer({ demoScale: null }));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** The calculator's code arrives this long after it was asked for. */
async function slowCalculatorCode(page: Page, ms: number): Promise<void> {
  await page.route(/\/assets\/CalcPage-[^/]+\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await route.continue();
  });
}

/** Goes to step 2 with a hire date, marks the form's DOM node, switches the language. */
async function typeThenSwitchLanguage(page: Page): Promise<void> {
  await page.getByTestId('calc-title').waitFor();
  await page.getByTestId('calc-city').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '中山市' }).click();
  await page.getByTestId('calc-next').click();
  await page.getByTestId('calc-hire-date').fill('2018-09-01');
  expect(await page.getByTestId('calc-step').innerText()).toContain('第 2 步');
  // A node mounted afresh would not carry this mark.
  await page.getByTestId('calc-hire-date').evaluate((el) => el.setAttribute('data-mark', 'typed-here'));

  await page.getByTestId('lang-switch').click();
  await expect.poll(() => page.getByTestId('calc-step').innerText()).toBe('Step 2 of 4');
  expect(await page.getByTestId('calc-hire-date').inputValue()).toBe('2018-09-01');
  expect(await page.getByTestId('calc-hire-date').getAttribute('data-mark')).toBe('typed-here');
}

describe('a page whose code arrived late', () => {
  it('keeps what a worker typed when the language is switched (public frame, page opened directly)', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await slowCalculatorCode(page, 800);
    await page.goto(`${baseUrl}/calc`);
    await typeThenSwitchLanguage(page);
    await context.close();
  });

  it('keeps what a mediator typed when the language is switched (app frame, reached from the menu)', async () => {
    const mediator = await newMediator(t);
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, baseUrl, mediator.username, FACTORY_PASSWORD);
    // The app frame already shows a page; the calculator's code is asked for only now, and is slow.
    await slowCalculatorCode(page, 800);
    await page.getByTestId('menu-calc').click();
    await typeThenSwitchLanguage(page);
    await context.close();
  });
});
