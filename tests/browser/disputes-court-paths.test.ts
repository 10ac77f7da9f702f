import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../server/modules/notifications/tables.js';
import type { TestApp } from '../support/app.js';
import { newCase, newJudge, type LoggedIn } from '../support/factories.js';
import { choose, ensureWebBuilt, launchChromium, newDeskPage, runAction, signIn, startServer } from './support.js';

// The court paths after an agreement, clicked through the case page:
// - a post-filing case (委托调解) does not apply for judicial confirmation: the mediator submits the
//   agreement to the court and the judge records the court's mediation document (特邀调解规定第二十条;
//   民事诉讼法第一百条: in effect once both parties have signed for it);
// - after a refused confirmation (民事诉讼法第二百零六条) the worker's phone page lists the ways
//   forward with the last day to apply for arbitration (劳动争议调解仲裁法第二十七条), and closing
//   the case refers it to arbitration unless a direct-suit ground is named (第五条、第十五条).
// The cases are built over HTTP with the factories on a fixed day; the server and the browsers
// share that day, so the dates the forms suggest are the server's.

const DAY = '2025-06-02';
const NOW = new Date(`${DAY}T02:00:00Z`); // 10:00 in China

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

/** A desk page on the shared day, signed in as this account. */
async function deskAs(who: LoggedIn): Promise<Page> {
  const page = await newDeskPage(browser);
  await page.clock.setFixedTime(NOW);
  await signIn(page, baseUrl, who.username, who.password);
  return page;
}

async function openCase(page: Page, id: string, stage: string): Promise<void> {
  await page.goto(`${baseUrl}/disputes/${id}`);
  await page.locator(`[data-testid="case-page"][data-stage="${stage}"]`).waitFor();
}

/** The modal's visible form errors (antd shows them under the fields). */
const formErrors = (page: Page) => page.locator('.ant-modal-wrap:visible .ant-form-item-explain-error');
const scrollWidth = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth);

describe('a post-filing case: the agreement goes to the court, which makes a mediation document', () => {
  it('is submitted by the mediator in the page and recorded by the judge; confirmation is never offered', async () => {
    t.clock.now = NOW;
    const c = await newCase(t, {
      stage: 'agreement_signed',
      day: DAY,
      intake: (base) => ({ ...base, kind: 'court_post_filing_ordinary' }),
    });
    const judge = await newJudge(t, { court: c.mediator.studio.court });

    const page = await deskAs(c.mediator);
    await openCase(page, c.id, 'agreement_signed');
    expect(await page.getByTestId('case-summary').innerText()).toContain('诉中委托调解（普通程序）');
    expect(await page.getByTestId('action-apply_confirmation').count()).toBe(0);
    const submit = page.getByTestId('action-submit_agreement_to_court');
    expect(await submit.innerText()).toBe('向法院提交调解协议');

    await runAction(page, 'submit_agreement_to_court', 'agreement_submitted', async () => {
      const modal = page.locator('.ant-modal-wrap:visible');
      expect(await modal.innerText()).toContain('特邀调解规定第二十条');
      // A mediation document is asked for unless told otherwise.
      expect(await modal.getByRole('radio', { name: '由法院制作调解书' }).isChecked()).toBe(true);
      await page.waitForTimeout(300);
      await modal.locator('.ant-modal').screenshot({ path: '/tmp/yz-court-submit.png' });
    });
    expect(await page.getByTestId('case-stage').innerText()).toBe('调解协议已提交法院');
    expect(await page.getByTestId('agreement-panel').innerText()).toMatch(/提交法院\s*2025-06-02 · 由法院制作调解书/);
    expect(await page.getByTestId('action-apply_confirmation').count()).toBe(0);
    // No confirmation deadline runs for a post-filing case.
    const clocks = await page.getByTestId('clocks-panel').innerText();
    expect(clocks).not.toContain('共同申请司法确认');
    expect(clocks).not.toContain('确认或驳回裁定');
    // The mediator does not record the court's documents.
    expect(await page.getByTestId('action-record_mediation_document').count()).toBe(0);

    const court = await deskAs(judge);
    await openCase(court, c.id, 'agreement_submitted');
    expect(await court.getByTestId('case-stage').innerText()).toBe('调解协议已提交法院');
    expect(await court.getByTestId('action-record_withdrawal').isVisible()).toBe(true);
    await runAction(court, 'record_mediation_document', 'mediation_document_issued', async () => {
      expect(await court.getByTestId('document-issued').inputValue()).toBe(DAY);
      await court.getByTestId('document-no').fill('（2025）粤2071民初88号');
      await court.getByTestId('document-served-worker').fill(DAY);
      await court.getByTestId('document-served-employer').fill(DAY);
      await court.waitForTimeout(300);
      await court
        .locator('.ant-modal-wrap:visible .ant-modal')
        .screenshot({ path: '/tmp/yz-court-mediation-document.png' });
    });
    expect(await court.getByTestId('case-stage').innerText()).toBe('调解书生效');
    expect(await court.getByTestId('mediation-document').innerText()).toBe(
      '（2025）粤2071民初88号，职工 2025-06-02 签收，用人单位 2025-06-02 签收，2025-06-02 生效',
    );
    expect(await court.getByTestId('case-steps').innerText()).toContain('调解书生效');
    await court.waitForTimeout(300);
    await court.screenshot({ path: '/tmp/yz-court-document-issued.png', fullPage: true });
    await court.context().close();

    await page.reload();
    await page.locator('[data-testid="case-page"][data-stage="mediation_document_issued"]').waitFor();
    expect(await page.getByTestId('action-apply_confirmation').count()).toBe(0);
    await page.context().close();
  });
});

describe('after a refused confirmation: arbitration first, a lawsuit only on its ground', () => {
  it('shows the worker the ways forward with the last day, and the mediator refers the case to arbitration', async () => {
    // The job ended 2025-03-31 with wages unpaid: a year for arbitration from then
    // (劳动争议调解仲裁法第二十七条第四款); 2026-03-31 is a Tuesday.
    const c = await newCase(t, { stage: 'confirmation_refused', day: DAY });
    t.clock.now = NOW;

    const phone = await browser.newContext({
      viewport: { width: 375, height: 740 },
      locale: 'zh-CN',
      timezoneId: 'Europe/London',
      hasTouch: true,
    });
    const worker = await phone.newPage();
    await worker.clock.setFixedTime(NOW);
    await worker.goto(`${baseUrl}/track`);
    await worker.getByTestId('track-case-number').fill(c.caseNumber);
    await worker.getByTestId('track-phone').fill(c.worker.phone);
    await worker.getByTestId('track-request-code').click();
    await worker.getByTestId('track-code-sent').waitFor();
    // No SMS gateway in tests: the code is read from the outbox, as the phone would show it.
    const sms = await t.deps.db.select().from(outbox).where(eq(outbox.recipient, c.worker.phone));
    const code = sms
      .map((m) => m.body.match(/验证码 (\d{6})/)?.[1])
      .filter(Boolean)
      .at(-1)!;
    await worker.getByTestId('track-code').fill(code);
    await worker.getByTestId('track-verify').click();
    await worker.locator('[data-testid="track-case"][data-stage="confirmation_refused"]').waitFor();
    expect(await worker.getByTestId('track-current-step').innerText()).toBe('不予确认');

    const steps = worker.getByTestId('track-next-steps');
    expect(await steps.innerText()).toContain('您接下来可以怎么做');
    const order = await steps
      .locator('[data-testid^="track-next-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(order).toEqual([
      'track-next-amend',
      'track-next-remediate',
      'track-next-arbitration',
      'track-next-direct_suit',
    ]);
    const arbitration = await worker.getByTestId('track-next-arbitration').innerText();
    expect(arbitration).toContain('劳动仲裁');
    expect(arbitration).toContain('请在 2026-03-31 前申请');
    expect(arbitration).toContain('最晚 2026-03-31');
    expect(await worker.getByTestId('track-next-amend').innerText()).toContain('重新签字');
    expect(await worker.getByTestId('track-next-direct_suit').innerText()).toContain('工资欠条');
    expect(await scrollWidth(worker)).toBeLessThanOrEqual(375);
    await steps.scrollIntoViewIfNeeded();
    await worker.waitForTimeout(300);
    await worker.screenshot({ path: '/tmp/yz-court-worker-next-steps.png', fullPage: true });

    // The mediator closes the case in the page.
    const page = await deskAs(c.mediator);
    await openCase(page, c.id, 'confirmation_refused');
    await runAction(page, 'close_failed', 'closed_failed', async () => {
      const modal = page.locator('.ant-modal-wrap:visible');
      expect(await modal.innerText()).toContain('劳动争议默认转仲裁');
      expect(await page.getByTestId('action-close-reason').innerText()).toContain('法院不予确认，不再调解');
      expect(await page.getByTestId('action-referral').innerText()).toContain('转仲裁');
      // A lawsuit without a ground: the form says arbitration comes first and will not send it.
      await choose(page, 'action-referral', '转立案');
      await page.getByTestId('direct-suit').waitFor();
      expect(await modal.innerText()).toContain('劳动争议一般须先申请劳动仲裁');
      await page.waitForTimeout(300);
      await modal.locator('.ant-modal').screenshot({ path: '/tmp/yz-court-close-lawsuit.png' });
      await page.getByTestId('action-submit').click();
      await expect
        .poll(() => formErrors(page).allInnerTexts())
        .toContain('法院驳回确认申请后直接起诉，须选择所依据的情形，否则请转仲裁');
      expect(await page.getByTestId('case-page').getAttribute('data-stage')).toBe('confirmation_refused');
      // Back to the default: arbitration.
      await choose(page, 'action-referral', '转仲裁');
      await page.getByTestId('direct-suit').waitFor({ state: 'detached' });
      await page.waitForTimeout(300);
      await modal.locator('.ant-modal').screenshot({ path: '/tmp/yz-court-close-arbitration.png' });
    });
    expect(await page.getByTestId('case-stage').innerText()).toBe('调解终止');
    expect(await page.getByTestId('case-summary').innerText()).toContain('法院不予确认，不再调解 · 转仲裁');
    await page.context().close();

    // The worker's page now says where to go, and by when.
    await worker.reload();
    await worker.locator('[data-testid="track-case"][data-stage="closed_failed"]').waitFor();
    expect(await worker.getByTestId('track-case').innerText()).toContain('转仲裁');
    expect(await worker.getByTestId('track-next-arbitration').innerText()).toContain('最晚 2026-03-31');
    expect(await worker.getByTestId('track-next-direct_suit').count()).toBe(0);
    expect(await scrollWidth(worker)).toBeLessThanOrEqual(375);
    await worker.screenshot({ path: '/tmp/yz-court-worker-closed.png', fullPage: true });
    await phone.close();
  });
});
