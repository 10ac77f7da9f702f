import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeInput } from '../../contracts/disputes.js';
import { docxText } from '../../server/modules/disputes/documents/test-support.js';
import type { TestApp } from '../support/app.js';
import { newCase, newJudge, type LoggedIn } from '../support/factories.js';
import { ensureWebBuilt, launchChromium, newDeskPage, runAction, signIn, startServer } from './support.js';

// The legal forms of the case page, clicked through in the browser:
// - after a refused confirmation the agreement is amended by mediation (民事诉讼法第二百零六条): both
//   parties consent, new terms, the case is mediating again; the judge's form says a labor dispute
//   goes to arbitration first (劳动争议调解仲裁法第五条);
// - union mediation past its 15 days goes on when both parties want it, and the worker is told
//   arbitration is open at any time (劳动争议调解仲裁法第十四条);
// - a pre-filing mediation is extended by the days the parties agree, beyond 30 (特邀调解规定第二十七条);
// - a payment order for the eligible part of a mixed agreement (劳动争议调解仲裁法第十六条).
// The cases are built over HTTP with the factories; the server and the browser then share DAY.

const DAY = '2025-06-02'; // a Monday
const NOW = new Date(`${DAY}T02:00:00Z`); // 10:00 in China
/** Registered three weeks before DAY: a union case's 15 days are over by then, a pre-filing case's 30 are not. */
const EARLIER = '2025-05-12';

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

const modalOf = (page: Page) => page.locator('.ant-modal-wrap:visible');
const shot = async (page: Page, path: string) => {
  await page.waitForTimeout(300);
  await modalOf(page).locator('.ant-modal').screenshot({ path });
};
/** Both parties' consent, ticked in the form. */
async function bothConsent(page: Page): Promise<void> {
  await modalOf(page).getByRole('checkbox', { name: '职工同意' }).check();
  await modalOf(page).getByRole('checkbox', { name: '用人单位同意' }).check();
}
const kindOf = (kind: IntakeInput['kind']) => (base: IntakeInput) => ({ ...base, kind });

describe('after a refused confirmation: the agreement amended by mediation', () => {
  it('the judge refuses (arbitration first), the mediator amends the terms and the case is mediating again', async () => {
    const c = await newCase(t, { stage: 'confirmation_applied', day: DAY });
    t.clock.now = NOW;
    const judge = await newJudge(t, { court: c.mediator.studio.court });

    const court = await deskAs(judge);
    await openCase(court, c.id, 'confirmation_applied');
    await runAction(court, 'refuse_confirmation', 'confirmation_refused', async () => {
      const text = await modalOf(court).innerText();
      expect(text).toContain('当事人可以通过调解变更原协议或者达成新协议');
      expect(text).toContain('劳动争议须先申请仲裁，仅法定情形可直接起诉');
      expect(text).not.toContain('重新调解或者向法院起诉');
      for (const g of ['violates_mandatory_law', 'harms_state_public_or_third_party', 'offends_public_order'])
        await court.getByTestId(`review-${g}-no`).click();
      await court.getByTestId('review-not_voluntary-no').click();
      await court.getByTestId('review-content_unclear-yes').click();
      await modalOf(court).getByRole('radio', { name: '内容不明确，无法确认' }).check();
      await court.getByTestId('action-clerk-name').fill('林晓雯');
      await modalOf(court).getByLabel('驳回说明').fill('付款时间约定不明');
      await shot(court, '/tmp/yz-legal-refuse.png');
    });
    expect(await court.getByTestId('case-stage').innerText()).toBe('不予确认');
    await court.context().close();

    const page = await deskAs(c.mediator);
    await openCase(page, c.id, 'confirmation_refused');
    // The worker's SMS about the refusal says the same: arbitration first, not a lawsuit.
    const sms = page.getByTestId('outbox-item').filter({ hasText: c.worker.phone });
    await expect
      .poll(() => sms.allInnerTexts())
      .toEqual(
        expect.arrayContaining([expect.stringContaining('劳动争议须先申请劳动仲裁，仅法律规定的情形可以直接起诉')]),
      );
    expect((await sms.allInnerTexts()).join('')).not.toContain('也可以向人民法院提起诉讼');
    await runAction(page, 'amend_agreement', 'mediating', async () => {
      const modal = modalOf(page);
      expect(await modal.innerText()).toContain('民事诉讼法第二百零六条');
      // The refused terms are the starting point: one instalment of the whole claim.
      expect(await modal.getByTestId('instalment-amount').inputValue()).toBe('84000');
      await modal.getByTestId('instalment-0').getByTestId('instalment-due').fill('2025-06-30');
      await modal.getByTestId('instalment-0').getByTestId('instalment-amount').fill('40000');
      await modal.getByTestId('instalment-add').click();
      await modal.getByTestId('instalment-1').getByTestId('instalment-due').fill('2025-07-31');
      await modal.getByTestId('instalment-1').getByTestId('instalment-amount').fill('44000');
      await modal
        .getByTestId('terms-summary')
        .fill('分两期支付：6 月 30 日前 4 万元，7 月 31 日前 4.4 万元，银行转账。');
      await expect.poll(() => modal.innerText()).toContain('84,000.00');
      // Without both parties' consent the form will not send it.
      await page.getByTestId('action-submit').click();
      await expect.poll(() => modal.locator('.ant-form-item-explain-error').allInnerTexts()).toContain('须双方均同意');
      await bothConsent(page);
      await shot(page, '/tmp/yz-legal-amend.png');
    });
    expect(await page.getByTestId('case-stage').innerText()).toBe('调解中');
    const agreement = await page.getByTestId('agreement-panel').innerText();
    expect(agreement).toContain('分两期支付：6 月 30 日前 4 万元');
    expect(await page.getByTestId('agreement-total').innerText()).toContain('84,000.00');
    // The instalment table follows the amended terms.
    const rows = await page.getByTestId('payments-table').locator('tbody tr').allInnerTexts();
    expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
      '1 2025-06-30 40,000.00 元 0.00 元 未付',
      '2 2025-07-31 44,000.00 元 0.00 元 未付',
    ]);
    for (const k of ['worker', 'employer', 'mediator'])
      expect(await page.getByTestId(`signature-${k}`).getAttribute('data-signed')).toBe('false');
    // Each party signs the amended agreement anew.
    expect(await page.getByTestId('action-record_party_signature').isVisible()).toBe(true);
    await page.waitForTimeout(300);
    await page.screenshot({ path: '/tmp/yz-legal-amended.png', fullPage: true });
    await page.context().close();
  });
});

describe('union mediation past its 15 days (劳动争议调解仲裁法第十四条)', () => {
  it('both parties agree to go on; the page and the worker’s SMS say arbitration is open at any time', async () => {
    const c = await newCase(t, { stage: 'mediating', day: EARLIER, intake: kindOf('union_mediation') });
    t.clock.now = NOW;
    const page = await deskAs(c.mediator);
    await openCase(page, c.id, 'mediating');
    expect(await page.getByTestId('action-extend_mediation').count()).toBe(0);
    await runAction(page, 'continue_mediation', 'mediating', async () => {
      const text = await modalOf(page).innerText();
      expect(text).toContain('这不是延长期限');
      await bothConsent(page);
      await shot(page, '/tmp/yz-legal-continue.png');
    });
    const notice = await page.getByTestId('notice-arbitration-open').innerText();
    expect(notice).toContain(`双方当事人于 ${DAY} 同意在十五日期限（2025-05-27 届满）后继续调解`);
    expect(notice).toContain('职工可以随时依法申请劳动争议仲裁');
    const sms = page.getByTestId('outbox-item').filter({ hasText: '随时依法申请劳动争议仲裁' });
    await sms.first().waitFor();
    expect(await sms.first().innerText()).toContain(c.worker.phone);
    expect(await sms.first().innerText()).toContain('调解已超过十五日（2025-05-27 届满）');
    // Recorded once: the page no longer offers it.
    expect(await page.getByTestId('action-continue_mediation').count()).toBe(0);
    await page.waitForTimeout(300);
    await page.screenshot({ path: '/tmp/yz-legal-continued.png', fullPage: true });
    await page.context().close();
  });
});

describe('a pre-filing mediation extended by the days the parties agree (特邀调解规定第二十七条)', () => {
  it('45 days, more than 30, before the period ends: the mediation clock moves by 45 days', async () => {
    const c = await newCase(t, { stage: 'mediating', day: EARLIER });
    t.clock.now = NOW;
    const page = await deskAs(c.mediator);
    await openCase(page, c.id, 'mediating');
    const clock = page.getByTestId('clock-mediation');
    expect(await clock.getByTestId('clock-due').innerText()).toBe('截止 2025-06-11');
    await runAction(page, 'extend_mediation', 'mediating', async () => {
      const modal = modalOf(page);
      expect(await modal.innerText()).toContain('不受 30 日限制');
      await page.getByTestId('action-extension-days').fill('45');
      await bothConsent(page);
      await shot(page, '/tmp/yz-legal-extend.png');
    });
    await expect.poll(() => clock.getByTestId('clock-due').innerText()).toBe('截止 2025-07-26');
    await page.context().close();
  });
});

describe('a payment order for the eligible part of a mixed agreement (劳动争议调解仲裁法第十六条)', () => {
  it('the mediator names the wage part and its amount; the application asks for that part only', async () => {
    const c = await newCase(t, {
      stage: 'agreement_signed',
      day: EARLIER,
      intake: kindOf('union_mediation'),
      claims: [
        { type: 'wage_arrears', amountFen: 8_400_000, description: '拖欠工资' },
        { type: 'double_wage', amountFen: 1_000_000, description: '未签劳动合同二倍工资' },
      ],
      installments: [{ dueOn: '2025-05-20', amountFen: 9_400_000 }],
    });
    t.clock.now = NOW;
    const page = await deskAs(c.mediator);
    await openCase(page, c.id, 'agreement_signed');
    await runAction(page, 'apply_payment_order', 'payment_order_applied', async () => {
      const modal = modalOf(page);
      expect(await modal.innerText()).toContain('用人单位在协议约定期限内不履行的，劳动者可以持调解协议书');
      expect(await modal.innerText()).toContain('《劳动争议调解仲裁法》第十六条');
      // Only the eligible part is offered, and it is chosen to start with.
      const part = page.getByTestId('payment-order-part');
      expect(await part.getByRole('checkbox').count()).toBe(1);
      expect(await part.getByRole('checkbox', { name: '拖欠工资' }).isChecked()).toBe(true);
      // More than is due and unpaid: the server's message shows in the form.
      await page.getByTestId('payment-order-amount').fill('94,000.01');
      await page.getByTestId('action-submit').click();
      await expect.poll(() => modal.getByTestId('action-error').isVisible()).toBe(true);
      expect(await modal.getByTestId('action-error').innerText()).toContain(
        '申请金额 94,000.01 元超过协议到期未付的金额 94,000.00 元',
      );
      await page.getByTestId('payment-order-amount').fill('84,000');
      await shot(page, '/tmp/yz-legal-payment-order.png');
    });
    expect(await page.getByTestId('case-stage').innerText()).toBe('申请支付令');

    const stored = await (await page.request.get(`${baseUrl}/api/disputes/${c.id}`)).json();
    expect(stored.record.state.paymentOrder).toEqual({ claimTypes: ['wage_arrears'], amountFen: 8_400_000 });
    const link = page.getByTestId('doc-payment-order-application-docx');
    const docx = await page.request.get(`${baseUrl}${await link.getAttribute('href')}`);
    expect(docx.status()).toBe(200);
    const { flat } = await docxText(await docx.body());
    expect(flat).toContain('本申请仅就其中拖欠工资部分申请支付令，请求金额为');
    expect(flat).toContain('84,000.00');
    await page.context().close();
  });
});
