import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.js';
import { newCase, type NewCase } from '../support/factories.js';
import { brokenStepWords, englishPage, expectEnglish } from './english-support.js';
import { ensureWebBuilt, launchChromium, signIn, startServer } from './support.js';

// The web app in English: the pages a mediator and a worker use show no raw string keys and no
// Chinese outside the places Chinese belongs (people's and bodies' names, case numbers, and the
// Chinese name beside a statute's English one).

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let page: Page;
let c: NewCase;

beforeAll(async () => {
  ensureWebBuilt();
  ({ t, baseUrl } = await startServer({ demoScale: null }));
  c = await newCase(t, { stage: 'agreement_signed' });
  browser = await launchChromium();
  page = await englishPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the web app in English', () => {
  it('the case list', async () => {
    await signIn(page, baseUrl, c.mediator.username, c.mediator.password);
    await page.goto(`${baseUrl}/disputes`);
    await page.locator('[data-testid="case-table"] tr.ant-table-row').first().waitFor();
    await expectEnglish(page, page.url());
  });

  it('a case page, its stepper wrapping whole words at 1366, 1024 and 800 px', async () => {
    await page.locator('[data-testid="case-table"] tr.ant-table-row a').first().click();
    await page.getByTestId('case-steps').waitFor();
    await page.getByTestId('actions-panel').waitFor();
    await expectEnglish(page, page.url());
    const breaks = await page
      .locator('[data-testid="case-steps"] .ant-steps-item-title')
      .first()
      .evaluate((e) => getComputedStyle(e).wordBreak);
    expect(breaks).toBe('normal');
    expect(await brokenStepWords(page)).toEqual([]);
    for (const width of [1024, 800]) {
      await page.setViewportSize({ width, height: 800 });
      await page.waitForTimeout(200);
      expect(await brokenStepWords(page), `${width} px`).toEqual([]);
    }
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it('the calculator, its statutes named in English with the Chinese name beside', async () => {
    await page.goto(`${baseUrl}/calc`);
    await page.locator('.yz-calc').first().waitFor();
    await expectEnglish(page, page.url());

    await page.getByTestId('calc-city').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'Zhongshan' }).click();
    await page.getByTestId('calc-next').click();
    await page.getByTestId('calc-hire-date').fill('2018-09-01');
    await page.getByTestId('calc-situation-art41').click();
    await page.getByTestId('calc-end-date').fill('2024-02-27');
    await page.getByTestId('calc-next').click();
    await page.getByTestId('calc-wage').fill('6500');
    await page.getByTestId('calc-next').click();
    await page.getByTestId('calc-next').click();
    const item = page.getByTestId('calc-item-economic_compensation');
    await item.waitFor();
    expect(await item.getByTestId('calc-item-basis').innerText()).toContain('Labor Contract Law (劳动合同法) art. 47');
    expect(await item.getByTestId('calc-item-amount').innerText()).not.toMatch(/元/);
    await expectEnglish(page, page.url());
  });

  it('the worker’s tracking page', async () => {
    await page.goto(`${baseUrl}/track`);
    await page.getByTestId('track-case-number').waitFor();
    await expectEnglish(page, page.url());
  });
});
