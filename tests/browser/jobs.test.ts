import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob } from '../../server/modules/jobs/define.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { newAdmin } from '../support/factories.js';
import { ensureWebBuilt, launchChromium, menuKeys, newDeskPage, signIn } from './support.js';

// The administrator's jobs page: the queues with their counts, a failed job with its error and
// the retry that runs it again, and a running job's live progress bar (server-sent events).

let failing = true;
const flakyJob = defineJob({
  name: 'test.browser-flaky',
  payload: z.object({}),
  handler: async () => {
    if (failing) throw new Error('短信网关无响应 / the SMS gateway did not answer');
  },
});

let step: () => void = () => undefined;
const stepsJob = defineJob({
  name: 'test.browser-steps',
  payload: z.object({}),
  handler: async (_deps, _payload, ctx) => {
    for (let i = 1; i <= 3; i++) {
      await new Promise<void>((resolve) => (step = resolve));
      await ctx.progress(i / 3, { zh: `已导入 ${i} / 3 批`, en: `imported batch ${i} of 3` });
    }
  },
});

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ensureWebBuilt();
  t = await createTestApp({
    serveWeb: true,
    demoScale: null,
    jobs: { definitions: [flakyJob, stepsJob], schedule: true },
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const admin = await newAdmin(t);
  browser = await launchChromium();
  page = await newDeskPage(browser);
  await signIn(page, baseUrl, admin.username, admin.password);
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const tab = (name: string) => page.getByRole('tab', { name });

describe('jobs page', () => {
  it('is in the administrator’s menu', async () => {
    expect(await menuKeys(page)).toContain('jobs');
  });

  it('shows a failed job with its error, and retries it', async () => {
    await t.jobs.send(flakyJob, {});
    await t.jobs.idle();
    await page.goto(`${baseUrl}/jobs`);
    const queue = page.getByTestId('job-queues').locator('tr', { hasText: 'test.browser-flaky' });
    await expect.poll(() => queue.innerText()).toMatch(/1/);

    await tab('失败').click();
    const row = page.getByTestId('jobs-failed').locator('tr.ant-table-row', { hasText: 'test.browser-flaky' });
    await row.waitFor();
    expect(await row.innerText()).toContain('短信网关无响应');

    failing = false;
    await row.getByTestId('job-retry').click();
    await page.getByText('已重新排队').waitFor();
    await t.jobs.idle();
    await tab('已完成').click();
    await page.getByTestId('jobs-completed').locator('tr.ant-table-row', { hasText: 'test.browser-flaky' }).waitFor();
  });

  it('follows a running job’s progress live, in the chosen language, to its end', async () => {
    await t.jobs.send(stepsJob, {});
    await page.goto(`${baseUrl}/jobs`);
    const row = page.getByTestId('jobs-active').locator('tr.ant-table-row', { hasText: 'test.browser-steps' });
    await row.waitFor();
    await row.locator('.ant-table-row-expand-icon').click();
    const progress = page.getByTestId('job-progress');
    await progress.waitFor();

    step();
    await expect.poll(() => page.getByTestId('job-progress-message').innerText()).toBe('已导入 1 / 3 批');
    expect(await progress.getAttribute('data-percent')).toBe('33');
    step();
    await expect.poll(() => page.getByTestId('job-progress-message').innerText()).toBe('已导入 2 / 3 批');
    step();
    await expect.poll(() => progress.getAttribute('data-state')).toBe('completed');
    expect(await page.getByTestId('job-progress-message').innerText()).toBe('已导入 3 / 3 批');
    expect(await progress.getAttribute('data-percent')).toBe('100');
  });

  it('lists the schedules with their cron and time zone', async () => {
    await page.goto(`${baseUrl}/jobs`);
    await tab('定时').click();
    const clocks = page.getByTestId('job-schedules').locator('tr.ant-table-row', { hasText: 'disputes.clocks' });
    await clocks.waitFor();
    expect(await clocks.innerText()).toContain('*/15 * * * *');
    expect(await clocks.innerText()).toContain('Asia/Shanghai');
  });
});
