import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.js';
import { newCase, type NewCase } from '../support/factories.js';
import { ensureWebBuilt, launchChromium, signIn, startServer } from './support.js';

// The web app in English: the pages a mediator and a worker use show no raw string keys and no
// Chinese outside the places Chinese belongs (people's and bodies' names, case numbers, and the
// Chinese name beside a statute's English one).

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let page: Page;
let c: NewCase;

/** The first part of every string key (t('disputes.yuan') starts with 'disputes'). */
const NAMESPACES = [
  'app',
  'pageTitles',
  'menu',
  'layout',
  'common',
  'jobProgress',
  'calc',
  'laborParams',
  'accounts',
  'audit',
  'auth',
  'courts',
  'dashboard',
  'demoPhone',
  'disputes',
  'disputesPublic',
  'employers',
  'imports',
  'jobs',
  'me',
  'messages',
  'organizations',
  'people',
  'regions',
];
const KEY = /\b[a-z]+\.[a-zA-Z_.]+\b/g;
const HAN = /\p{Script=Han}/u;

/**
 * The words of the page's furniture (buttons, labels, headings, column titles, steps, hints,
 * alerts), with what may stay Chinese taken out: the Chinese name beside a statute's English one,
 * case numbers, and names quoted in a sentence.
 */
async function chromeTexts(p: Page): Promise<string[]> {
  const texts = await p
    .locator(
      [
        'button',
        'th',
        'label',
        '.ant-menu-title-content',
        '.ant-steps-item-title',
        '.ant-descriptions-item-label',
        '.ant-card-head-title',
        '.ant-alert-title',
        '.ant-alert-description',
        '.ant-form-item-extra',
        '.ant-typography-secondary',
        '.ant-empty-description',
        'h1',
        'h2',
        'h3',
        'h4',
      ].join(', '),
    )
    .evaluateAll((els) =>
      els
        // Not the language switch (it names the other language in it), the signed-in person's name,
        // or what is shown in Chinese on purpose (the bilingual disclaimer).
        .filter((e) => (e as HTMLElement).offsetParent !== null)
        .filter((e) => !e.closest('[data-testid="lang-switch"], [data-testid="user-menu"], [lang="zh-CN"]'))
        .map((e) => {
          const copy = e.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('[lang="zh-CN"]').forEach((zh) => zh.remove());
          return copy.textContent ?? '';
        }),
    );
  return texts
    .map((s) =>
      s
        // The Chinese name beside a statute's English one.
        .replace(/\([^()]*\p{Script=Han}[^()]*\)/gu, '')
        // A case number (粤中工调〔2026〕000001号).
        .replace(/\p{Script=Han}+〔\d{4}〕\d+号/gu, '')
        // A name quoted in a sentence (the crew boss “李某（包工头）”).
        .replace(/“[^”]*”/g, '')
        .trim(),
    )
    .filter(Boolean);
}

async function problemsOn(p: Page): Promise<{ keys: string[]; chinese: string[] }> {
  const body = await p.locator('body').innerText();
  const keys = [...body.matchAll(KEY)].map((m) => m[0]).filter((k) => NAMESPACES.includes(k.split('.')[0]!));
  const chinese = (await chromeTexts(p)).filter((s) => HAN.test(s));
  return { keys: [...new Set(keys)], chinese: [...new Set(chinese)] };
}

beforeAll(async () => {
  ensureWebBuilt();
  ({ t, baseUrl } = await startServer({ demoScale: null }));
  c = await newCase(t, { stage: 'agreement_signed' });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
  await context.addInitScript(() => localStorage.setItem('yz_lang', 'en'));
  page = await context.newPage();
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
    expect(await problemsOn(page)).toEqual({ keys: [], chinese: [] });
  });

  it('a case page, its stepper wrapping whole words', async () => {
    await page.locator('[data-testid="case-table"] tr.ant-table-row a').first().click();
    await page.getByTestId('case-steps').waitFor();
    await page.getByTestId('actions-panel').waitFor();
    expect(await problemsOn(page)).toEqual({ keys: [], chinese: [] });
    const breaks = await page
      .locator('[data-testid="case-steps"] .ant-steps-item-title')
      .first()
      .evaluate((e) => getComputedStyle(e).wordBreak);
    expect(breaks).toBe('normal');
  });

  it('the calculator, its statutes named in English with the Chinese name beside', async () => {
    await page.goto(`${baseUrl}/calc`);
    await page.locator('.yz-calc').first().waitFor();
    expect(await problemsOn(page)).toEqual({ keys: [], chinese: [] });

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
    expect(await problemsOn(page)).toEqual({ keys: [], chinese: [] });
  });

  it('the worker’s tracking page', async () => {
    await page.goto(`${baseUrl}/track`);
    await page.getByTestId('track-case-number').waitFor();
    expect(await problemsOn(page)).toEqual({ keys: [], chinese: [] });
  });
});
