import { execSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../support/app.js';

/** Builds web/dist once if it is missing (a stale build is the caller's business). */
export function ensureWebBuilt(): void {
  if (fs.existsSync(path.resolve('web/dist/index.html'))) return;
  execSync('npx vite build --config web/vite.config.ts', { stdio: 'inherit' });
}

/**
 * The real server, listening on a free local port and serving web/dist: with the demo data unless
 * `demoScale` is null (a test that builds its own cases with the factories).
 */
export async function startServer(opts: { demoScale?: number | null } = {}): Promise<{ t: TestApp; baseUrl: string }> {
  const t = await createTestApp({ serveWeb: true, demoScale: opts.demoScale });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  return { t, baseUrl: `http://127.0.0.1:${port}` };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

/** Opens the navigation (a drawer on phones) and returns the keys of the menu items shown. */
export async function menuKeys(page: Page): Promise<string[]> {
  const toggle = page.getByTestId('menu-toggle');
  if (await toggle.isVisible()) {
    await toggle.click();
    await page.locator('.ant-drawer-open [data-testid^="menu-"]').first().waitFor();
  } else {
    await page.locator('.ant-layout-sider [data-testid^="menu-"]').first().waitFor();
  }
  const ids = await page
    .locator('.ant-menu [data-testid^="menu-"]:visible')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
  return ids.map((id) => id.replace(/^menu-/, ''));
}

/** A desk-sized page in Chinese, in a fresh context (no cookies from another test). */
export async function newDeskPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Europe/London',
  });
  return context.newPage();
}

/**
 * Opens the antd select with this test id and picks the option with this text, then waits until the
 * select shows it. On a busy machine the list may still be moving when the click lands (it then
 * hits the option beside it, or nothing): the pick is then made again, up to three times.
 */
export async function choose(p: Page, testId: string, text: string): Promise<void> {
  const select = p.getByTestId(testId);
  const openList = p.locator('.ant-select-dropdown:visible');
  for (let attempt = 1; ; attempt++) {
    if (await openList.count()) {
      await p.keyboard.press('Escape');
      await openList.first().waitFor({ state: 'hidden' });
    }
    await select.click();
    await openList.locator('.ant-select-item-option').filter({ hasText: text }).first().click();
    const deadline = Date.now() + 3000;
    while (Date.now() < deadline) {
      if ((await select.innerText()).includes(text)) return;
      await p.waitForTimeout(100);
    }
    if (attempt === 3) throw new Error(`${testId}: "${text}" was clicked three times and never shown as chosen`);
  }
}

/**
 * Runs one action of the case page: opens its form, lets `fill` answer it, submits, and waits for the
 * stage (or fails with the server's message, which the form shows).
 */
export async function runAction(
  p: Page,
  action: string,
  nextStage: string | null,
  fill?: () => Promise<void>,
): Promise<void> {
  const version = Number(await p.getByTestId('case-page').getAttribute('data-version'));
  await p.getByTestId(`action-${action}`).click();
  await p.getByTestId('action-submit').waitFor();
  if (fill) await fill();
  await p.getByTestId('action-submit').click();
  const done = p.locator(
    nextStage
      ? `[data-testid="case-page"][data-stage="${nextStage}"][data-version="${version + 1}"]`
      : `[data-testid="case-page"][data-version="${version + 1}"]`,
  );
  const failed = p.locator('.ant-modal-wrap:visible [data-testid="action-error"]');
  await Promise.race([done.waitFor(), failed.waitFor()]);
  if (await failed.isVisible()) throw new Error(`${action}: ${await failed.innerText()}`);
  await p.getByTestId('action-submit').waitFor({ state: 'hidden' });
}
