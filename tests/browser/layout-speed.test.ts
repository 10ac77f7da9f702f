import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.js';
import { newAdmin, newCase, type LoggedIn, type NewCase } from '../support/factories.js';
import { ensureWebBuilt, launchChromium, signIn, startServer } from './support.js';

// The staff pages at the widths they are used at: at 1024 px the case page shows what to do next
// at the top and its stage stepper fits; at 1366 px no list column is squeezed to a character's
// width; and the case list and the case page answer clicks within a second of being opened.

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let c: NewCase;
let admin: LoggedIn;

beforeAll(async () => {
  ensureWebBuilt();
  ({ t, baseUrl } = await startServer({ demoScale: null }));
  browser = await launchChromium();
  c = await newCase(t, { stage: 'mediating' });
  for (const stage of ['intake', 'consultation', 'employer_contacted'] as const)
    await newCase(t, { stage, mediator: c.mediator });
  admin = await newAdmin(t);
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function deskAs(who: LoggedIn, width: number, height: number): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height },
    locale: 'zh-CN',
    timezoneId: 'Europe/London',
  });
  const page = await context.newPage();
  await signIn(page, baseUrl, who.username, who.password);
  return page;
}

async function box(page: Page, testId: string) {
  const b = await page.getByTestId(testId).boundingBox();
  if (!b) throw new Error(`${testId} is not shown`);
  return b;
}

describe('the case page at 1024 px', () => {
  it('shows what to do next above the panels without scrolling, and the whole stage stepper', async () => {
    const page = await deskAs(c.mediator, 1024, 768);
    await page.goto(`${baseUrl}/disputes/${c.id}`);
    await page.locator('[data-testid="case-page"][data-stage="mediating"]').waitFor();
    const actions = await box(page, 'actions-panel');
    const facts = await box(page, 'facts-panel');
    expect(actions.y + actions.height).toBeLessThanOrEqual(768);
    expect(actions.y + actions.height).toBeLessThanOrEqual(facts.y);
    expect(await page.locator('[data-testid="actions-panel"] button[data-testid^="action-"]').count()).toBeGreaterThan(
      0,
    );

    const stepper = await page.getByTestId('case-steps').evaluate((steps) => {
      const frame = steps.parentElement!;
      return {
        needs: frame.scrollWidth,
        has: frame.clientWidth,
        items: steps.querySelectorAll('.ant-steps-item').length,
      };
    });
    expect(stepper.items).toBeGreaterThanOrEqual(7);
    expect(stepper.needs).toBeLessThanOrEqual(stepper.has);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    await page.screenshot({ path: '/tmp/yz-case-1024.png' });
    await page.context().close();
  });

  it('keeps the actions at the top of the side column at 1366 px', async () => {
    const page = await deskAs(c.mediator, 1366, 900);
    await page.goto(`${baseUrl}/disputes/${c.id}`);
    await page.locator('[data-testid="case-page"][data-stage="mediating"]').waitFor();
    const actions = await box(page, 'actions-panel');
    const facts = await box(page, 'facts-panel');
    const clocks = await box(page, 'clocks-panel');
    expect(actions.x).toBeGreaterThan(facts.x + facts.width);
    expect(actions.y + actions.height).toBeLessThanOrEqual(clocks.y);
    expect(actions.y + actions.height).toBeLessThanOrEqual(900);
    await page.context().close();
  });
});

/** Each column of the page's first table: its header, its width, and on how many lines the header runs. */
function columns(page: Page) {
  return page
    .locator('.ant-table-thead')
    .first()
    .evaluate((head) =>
      [...head.querySelectorAll('th')]
        .filter((th) => (th as HTMLElement).innerText.trim() !== '')
        .map((th) => {
          const range = document.createRange();
          range.selectNodeContents(th);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
          return {
            header: (th as HTMLElement).innerText.trim(),
            width: Math.round(th.getBoundingClientRect().width),
            lines,
          };
        }),
    );
}

describe('the lists at 1366 px', () => {
  it('gives every column room for its header on one line', async () => {
    const mediator = await deskAs(c.mediator, 1366, 900);
    const lists: [Page, string][] = [[mediator, '/disputes']];
    const desk = await deskAs(admin, 1366, 900);
    for (const path of [
      '/organizations',
      '/employers',
      '/people',
      '/courts',
      '/labor-params',
      '/accounts',
      '/audit',
      '/messages',
    ])
      lists.push([desk, path]);
    const narrow: string[] = [];
    for (const [page, path] of lists) {
      await page.goto(`${baseUrl}${path}`);
      await page.locator('.ant-table-thead th').first().waitFor();
      await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
      const cols = await columns(page);
      expect(cols.length).toBeGreaterThan(2);
      for (const col of cols)
        if (col.width < 64 || col.lines > 1) narrow.push(`${path} ${col.header}: ${col.width}px, ${col.lines} lines`);
    }
    expect(narrow).toEqual([]);
    // The case list's rows: a case number on one line.
    const number = mediator.locator('[data-testid="case-table"] .ant-table-row td').first();
    await mediator.goto(`${baseUrl}/disputes`);
    await number.waitFor();
    const height = await number.evaluate((td) => {
      const range = document.createRange();
      range.selectNodeContents(td);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(height).toBe(1);
    await mediator.context().close();
    await desk.context().close();
  });
});

/**
 * Opens the URL and answers the milliseconds from the start of the navigation until `shown` is on
 * screen and `button` can be clicked (measured in the page, every animation frame).
 */
async function timeToInteractive(page: Page, url: string, shown: string, button: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  const ready = await page.waitForFunction(
    ([shownSelector, buttonSelector]) => {
      const el = document.querySelector(shownSelector);
      const btn = document.querySelector<HTMLButtonElement>(buttonSelector);
      if (!el || !btn || btn.disabled || btn.getBoundingClientRect().width === 0) return false;
      return Math.round(performance.now());
    },
    [shown, button] as const,
    { polling: 'raf', timeout: 30_000 },
  );
  const ms = Number(await ready.jsonValue());
  await page.locator(button).first().click({ trial: true });
  return ms;
}

/** The median of three openings (the first with the page's code not yet in the browser's cache). */
async function medianOf3(measure: () => Promise<number>): Promise<{ median: number; all: number[] }> {
  const all = [await measure(), await measure(), await measure()];
  return { median: [...all].sort((a, b) => a - b)[1]!, all };
}

// The target: both interactive in under 1 s. Measured on this 2-core machine with nothing else
// running, medians of three: the list 0.94 s and the case page 1.23 s before any speed work; after
// caching the build, starting the sign-in check and the case read with the app and rendering code that
// is already here without a lazy suspend, the case page 0.88-1.09 s. Two causes remained (2026-12-06,
// found with a CPU profile and a timeline of the page): antd generating its CSS-in-JS styles while the
// page rendered (a 370-570 ms task; now its prebuilt stylesheet, theme.ts zeroRuntime, a 180 ms task),
// and the page's code arriving some tens of ms after the frame was drawn, which made the page suspend
// and React hold it back for 300 ms (now the first render waits for that code behind the start-up
// spinner, routes.tsx). The case page then measured 0.47-0.53 s (0.72 s with its code not cached).
describe('speed', () => {
  it('lets the browser keep the built code: hashed assets for good, the page itself asked for each time', async () => {
    const html = await fetch(`${baseUrl}/disputes`);
    expect(html.headers.get('cache-control')).toMatch(/no-store|no-cache/);
    const script = (await html.text()).match(/\/assets\/[\w-]+\.js/)![0];
    const asset = await fetch(`${baseUrl}${script}`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // A second opening takes every script from the browser's cache: nothing crosses the network.
    const page = await deskAs(c.mediator, 1366, 900);
    await page.goto(`${baseUrl}/disputes/${c.id}`);
    await page.getByTestId('case-page').waitFor();
    await page.goto(`${baseUrl}/disputes/${c.id}`);
    await page.getByTestId('case-page').waitFor();
    const fetched = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/assets/') && (e as PerformanceResourceTiming).transferSize > 0)
        .map((e) => e.name),
    );
    expect(fetched).toEqual([]);
    await page.context().close();
  });

  it('measures when the case list and the case page become interactive', async () => {
    const page = await deskAs(c.mediator, 1366, 900);
    const list = await medianOf3(() =>
      timeToInteractive(
        page,
        `${baseUrl}/disputes`,
        '[data-testid="case-table"] .ant-table-row',
        '[data-testid="dispute-create"]',
      ),
    );
    console.log(`case list interactive: ${list.median} ms (${list.all.join(', ')})`);
    const casePage = await medianOf3(() =>
      timeToInteractive(
        page,
        `${baseUrl}/disputes/${c.id}`,
        '[data-testid="case-page"]',
        '[data-testid="actions-panel"] button[data-testid^="action-"]',
      ),
    );
    console.log(`case page interactive: ${casePage.median} ms (${casePage.all.join(', ')})`);
    expect(list.median).toBeLessThan(1000);
    expect(casePage.median).toBeLessThan(1000);
    await page.context().close();
  });
});
