import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchDue } from '../../server/modules/notifications/dispatcher.js';
import { outboxRepo } from '../../server/modules/notifications/repository.js';
import { notify, notifyCode } from '../../server/modules/notifications/service.js';
import { DEMO_PASSWORD, type TestApp } from '../support/app.js';
import { uniquePhone } from '../support/factories.js';
import { ensureWebBuilt, launchChromium, menuKeys, newDeskPage, signIn, startServer } from './support.js';

// The administrator's messages page: find a message by the end of the number, see its status and
// attempts, send a failed one again; one-time codes stay hidden.

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let page: Page;
const failedPhone = uniquePhone();
const codePhone = uniquePhone();

beforeAll(async () => {
  ensureWebBuilt();
  ({ t, baseUrl } = await startServer());
  await dispatchDue(t.deps, { limit: 1000 }); // the demo's messages, delivered to the log
  // A message the gateway refused: claimed, tried once, failed for good.
  await t.deps.db.transaction((tx) =>
    notify(tx, {
      channel: 'sms',
      recipient: failedPhone,
      template: 'dispute.case_notice',
      variables: { caseNumber: 'C-1', message: '请补充证据' },
    }),
  );
  const [claimed] = await outboxRepo.claimDue(t.deps.db, t.clock.now, 1, new Date(t.clock.now.getTime() + 60_000));
  await t.deps.db.transaction((tx) =>
    outboxRepo.recordOutcomes(tx, [
      {
        attempt: {
          messageId: claimed!.id,
          provider: 'webhook',
          status: 'permanent',
          providerMessageId: null,
          error: 'HTTP 422: unknown number',
          durationMs: 12,
          at: t.clock.now,
        },
        claim: 1,
        status: 'failed',
        nextAttemptAt: null,
      },
    ]),
  );
  await t.deps.db.transaction((tx) =>
    notifyCode(tx, t.deps, {
      channel: 'sms',
      recipient: codePhone,
      template: 'dispute.worker_code',
      variables: { code: '864209', purpose: '查询案件进度', caseNumber: 'C-2' },
    }),
  );
  browser = await launchChromium();
  page = await newDeskPage(browser);
  await signIn(page, baseUrl, 'admin', DEMO_PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const rows = () => page.locator('[data-testid="messages-table"] .ant-table-tbody tr.ant-table-row');

async function search(recipient: string) {
  await page.getByPlaceholder('完整号码、邮箱，或号码末几位').fill(recipient);
  await page.getByTestId('messages-search').click();
  await expect.poll(async () => (await rows().allInnerTexts()).every((r) => r.includes(recipient))).toBe(true);
}

describe('messages page', () => {
  it('is in the administrator’s menu', async () => {
    await page.goto(`${baseUrl}/`);
    expect(await menuKeys(page)).toContain('messages');
  });

  it('finds a failed message by the last digits, shows its attempts and sends it again', async () => {
    await page.goto(`${baseUrl}/messages`);
    await rows().first().waitFor();
    await search(failedPhone.slice(-6));
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().innerText()).toContain('发送失败');
    await rows().first().getByTestId('message-open').click();
    const drawer = page.getByTestId('message-drawer');
    await drawer.getByTestId('message-attempts').waitFor();
    expect(await drawer.getByTestId('message-attempts').innerText()).toContain('HTTP 422: unknown number');
    expect(await drawer.getByTestId('message-body').innerText()).toBe('【一站】案件C-1：请补充证据');
    await drawer.getByTestId('message-retry').click();
    await drawer.getByTestId('message-status-pending').waitFor();
    expect(await drawer.getByTestId('message-retry').count()).toBe(0);
    await expect.poll(async () => rows().first().innerText()).toContain('待发送');
    const row = await outboxRepo.byId(t.deps.db, (await outboxRepo.latestTo(t.deps.db, failedPhone, 1))[0]!.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('shows a one-time code message with the code hidden', async () => {
    await page.keyboard.press('Escape');
    await search(codePhone);
    await expect.poll(() => rows().count()).toBe(1);
    const text = await rows().first().innerText();
    expect(text).toContain('验证码');
    expect(text).not.toContain('864209');
  });
});
