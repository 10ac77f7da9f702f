import fs from 'node:fs';
import path from 'node:path';
import { and, like } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../server/modules/notifications/tables.js';
import type { TestApp } from '../support/app.js';
import { actOn, lastCodeTo } from '../support/disputes.js';
import { newCase, type NewCase } from '../support/factories.js';
import { ensureWebBuilt, launchChromium, newDeskPage, signIn, startServer } from './support.js';

// What a worker, an employer and a mediator reach is usable without sight and by keyboard: axe-core
// finds nothing serious or critical (contrast, names, labels), each page has its title and one h1,
// no two elements share an id, Esc closes dialogs, and the focus ring is not the colour of an error.

const AXE_SOURCE = fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let phone: BrowserContext;
let c: NewCase;
let employerLink = '';

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core on the page as it is now; answers its serious and critical findings. */
async function seriousFindings(p: Page): Promise<Finding[]> {
  // Evaluated, not added as a script tag: the app's CSP refuses inline scripts.
  await p.evaluate(AXE_SOURCE);
  const found = await p.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations as {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: string[]; failureSummary?: string }[];
    }[];
  });
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    }));
}

/** The page's structure: its title, its h1s, and the ids used more than once. */
function structure(p: Page) {
  return p.evaluate(() => {
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    return {
      title: document.title,
      h1: [...document.querySelectorAll('h1')].map((h) => (h as HTMLElement).innerText),
      duplicateIds: [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))],
    };
  });
}

/** The checks every page passes; `titleStart` is the page's own name in its document title. */
async function expectAccessible(p: Page, titleStart: string): Promise<void> {
  await p.waitForTimeout(300); // antd's entry animations end
  expect(await seriousFindings(p)).toEqual([]);
  const s = await structure(p);
  expect(s.title.startsWith(`${titleStart} · `)).toBe(true);
  expect(s.h1).toHaveLength(1);
  expect(s.duplicateIds).toEqual([]);
}

beforeAll(async () => {
  ensureWebBuilt();
  ({ t, baseUrl } = await startServer({ demoScale: null }));
  browser = await launchChromium();
  phone = await browser.newContext({
    viewport: { width: 375, height: 740 },
    locale: 'zh-CN',
    timezoneId: 'Europe/London',
    hasTouch: true,
  });
  c = await newCase(t, { stage: 'mediating' });
  // A second case of the same studio, whose employer has just been sent its answer link.
  const contacted = await newCase(t, { stage: 'consultation', mediator: c.mediator });
  const sent = await actOn(c.mediator, contacted.id, 'contact_employer', { channel: 'sms', reached: true });
  expect(sent.statusCode).toBe(200);
  const messages = await t.deps.db
    .select({ body: outbox.body })
    .from(outbox)
    .where(and(like(outbox.topic, `dispute_case:${contacted.id}`), like(outbox.body, '%/e/%')));
  const token = /\/e\/([A-Za-z0-9_-]{16,})/.exec(messages[0]!.body)![1];
  employerLink = `${baseUrl}/e/${token}`;
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the worker and employer pages on a phone (375 px)', () => {
  it('the online application', async () => {
    const p = await phone.newPage();
    await p.goto(`${baseUrl}/apply`);
    await p.getByTestId('apply-next').waitFor();
    await expectAccessible(p, '申请调解');
    await p.close();
  });

  it('the tracking sign-in and the worker’s case', async () => {
    const p = await phone.newPage();
    await p.goto(`${baseUrl}/track`);
    await p.getByTestId('track-request-code').waitFor();
    await expectAccessible(p, '查询案件进度');

    await p.getByTestId('track-case-number').fill(c.caseNumber);
    await p.getByTestId('track-phone').fill(c.worker.phone);
    await p.getByTestId('track-request-code').click();
    await p.getByTestId('track-code-sent').waitFor();
    await p.getByTestId('track-code').fill((await lastCodeTo(t, c.worker.phone))!);
    await p.getByTestId('track-verify').click();
    await p.locator('[data-testid="track-case"][data-stage="mediating"]').waitFor();
    await expectAccessible(p, '查询案件进度');
    await p.close();
  });

  it('the employer’s answer link', async () => {
    const p = await phone.newPage();
    await p.goto(employerLink);
    await p.getByTestId('employer-page').waitFor();
    await expectAccessible(p, '用人单位答复');
    await p.close();
  });

  it('the calculator', async () => {
    const p = await phone.newPage();
    await p.goto(`${baseUrl}/calc`);
    await p.getByTestId('calc-title').waitFor();
    await expectAccessible(p, '劳动权益计算');
    await p.close();
  });
});

describe('the staff pages on a desk (1366 px)', () => {
  let desk: Page;

  beforeAll(async () => {
    desk = await newDeskPage(browser);
    await signIn(desk, baseUrl, c.mediator.username, c.mediator.password);
  });

  afterAll(async () => {
    await desk?.context().close();
  });

  it('the case list', async () => {
    await desk.goto(`${baseUrl}/disputes`);
    await desk.locator('[data-testid="case-table"] .ant-table-row').first().waitFor();
    await expectAccessible(desk, '调解案件');
  });

  it('the case page, whose action dialogs close with Esc', async () => {
    await desk.goto(`${baseUrl}/disputes/${c.id}`);
    await desk.locator('[data-testid="case-page"][data-stage="mediating"]').waitFor();
    await expectAccessible(desk, '调解案件');
    expect(await desk.getByTestId('case-number').evaluate((e) => e.tagName)).toBe('H1');

    const action = desk.locator('[data-testid="actions-panel"] button[data-testid^="action-"]').first();
    await action.click();
    const dialog = desk.locator('.ant-modal-wrap:visible');
    await dialog.waitFor();
    await desk.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('shows a blue focus ring, not the red of an error, on buttons and fields reached by keyboard', async () => {
    await desk.goto(`${baseUrl}/disputes`);
    await desk.getByTestId('case-search').waitFor();
    await desk.getByTestId('case-search').focus();
    await desk.keyboard.press('Tab'); // the stage select
    await desk.keyboard.press('Tab'); // the open-only checkbox
    await desk.keyboard.press('Tab'); // the search button
    const button = await desk.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { testId: el.dataset.testid, outline: `${style.outlineStyle} ${style.outlineColor}` };
    });
    expect(button).toEqual({ testId: 'case-search-submit', outline: 'solid rgb(9, 88, 217)' });

    await desk.getByTestId('case-search').focus();
    await desk.waitForTimeout(300); // the border's transition
    const field = await desk
      .locator('.ant-input-affix-wrapper:has([data-testid="case-search"])')
      .evaluate((e) => getComputedStyle(e).borderTopColor);
    expect(field).toBe('rgb(9, 88, 217)');
  });
});

describe('the signed-in frame on a phone', () => {
  it('closes the menu drawer with Esc', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'zh-CN' });
    const p = await context.newPage();
    await signIn(p, baseUrl, c.mediator.username, c.mediator.password);
    await p.getByTestId('menu-toggle').click();
    const drawer = p.locator('.ant-drawer-open');
    await drawer.waitFor();
    await p.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    await context.close();
  });
});
