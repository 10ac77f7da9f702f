import { and, eq, isNotNull } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../../server/modules/people/tables.js';
import { DEMO_PASSWORD, type TestApp } from '../support/app.js';
import { ensureWebBuilt, launchChromium, signIn, startServer } from './support.js';

// The web app and the API documentation under the Content-Security-Policy: they render, and the
// browser reports no violation. The people search by resident ID goes in a POST body, not a URL.

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const requestedUrls: string[] = [];

beforeAll(async () => {
  ensureWebBuilt();
  ({ t, baseUrl } = await startServer());
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  await context.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  page = await context.newPage();
  page.on('request', (r) => requestedUrls.push(r.url()));
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

describe('under the Content-Security-Policy', () => {
  it('the web app loads, signs in and renders the people page without a violation', async () => {
    const first = await page.goto(`${baseUrl}/`);
    expect(first!.headers()['content-security-policy']).toContain("script-src 'self'");
    await signIn(page, baseUrl, 'admin', DEMO_PASSWORD);
    await page.getByTestId('figure-people').waitFor();
    await page.locator('canvas').first().waitFor();
    await page.getByTestId('menu-people').click();
    await page.locator('.ant-table-row').first().waitFor();
    expect(await violations()).toEqual([]);
  });

  it('finds a person by the full resident ID without the number ever appearing in a URL', async () => {
    const [row] = await t.deps.db
      .select()
      .from(people)
      .where(and(isNotNull(people.residentIdEnc), eq(people.regionCode, '442000')))
      .limit(1);
    const residentId = t.deps.cipher.decrypt(row!.residentIdEnc!);
    requestedUrls.length = 0;
    const search = page.getByPlaceholder('姓名、手机号或完整身份证号');
    await search.fill(residentId);
    await search.press('Enter');
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(1);
    expect(await page.locator('.ant-table-row').first().innerText()).toContain(row!.name);
    expect(requestedUrls.some((u) => u.includes('/api/people/search'))).toBe(true);
    expect(requestedUrls.filter((u) => u.includes(residentId))).toEqual([]);
    expect(await violations()).toEqual([]);
  });

  it('the API documentation renders', async () => {
    await page.goto(`${baseUrl}/api/docs`);
    await page.locator('.swagger-ui .info .title').waitFor();
    expect(await page.locator('.swagger-ui .info .title').innerText()).toContain('Yizhan');
    await page.locator('.opblock').first().waitFor();
    expect(await violations()).toEqual([]);
  });
});
