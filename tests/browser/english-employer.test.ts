import { like } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInChina } from '../../contracts/dates.js';
import { outbox } from '../../server/modules/notifications/tables.js';
import type { TestApp } from '../support/app.js';
import { actOn, lastCodeTo } from '../support/disputes.js';
import { newCase, newMediator, type NewCase } from '../support/factories.js';
import { allowNames, englishPage, expectEnglish, openModal } from './english-support.js';
import { ensureWebBuilt, launchChromium, startServer } from './support.js';

// The employer's one-time link in English on a 375 px phone, in each of its states: to answer
// (with the counter-offer dialog and its "above the claim" question), answered and waiting, to
// sign (signed with an SMS code), signed, closed, and a link that is not valid; and the public
// calculator at 375 px.

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let phone: Page;
let toAnswer: NewCase;
let toSign: NewCase;
let closed: NewCase;

/** The contractor's phone in the construction story (tests/support/disputes.ts). */
const CONTRACTOR_PHONE = '13800002222';
const scrollWidth = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth);
const ok = (res: { statusCode: number; body: string }) => expect(res.statusCode, res.body).toBe(200);

/** The answer link texted for this case (the staff's outbox hides it; the database has it). */
async function linkOf(c: NewCase): Promise<string> {
  const sent = await t.deps.db
    .select({ body: outbox.body })
    .from(outbox)
    .where(like(outbox.body, `%${c.caseNumber}%/e/%`));
  const token = sent.map((m) => /\/e\/([A-Za-z0-9_-]+)/.exec(m.body)?.[1]).find(Boolean);
  if (!token) throw new Error(`no link for ${c.caseNumber}`);
  return `${baseUrl}/e/${token}`;
}

async function openLink(c: NewCase, state: string): Promise<void> {
  await phone.goto(await linkOf(c));
  await phone.locator(`[data-testid="employer-page"][data-link-state="${state}"]`).waitFor();
  await phone.waitForTimeout(150);
}

beforeAll(async () => {
  ensureWebBuilt();
  ({ t, baseUrl } = await startServer({ demoScale: null }));
  const mediator = await newMediator(t);
  allowNames(mediator.studio.name);
  toAnswer = await newCase(t, { mediator, stage: 'employer_contacted' });
  toSign = await newCase(t, { mediator, stage: 'mediating' });
  ok(
    await actOn(mediator, toSign.id, 'set_agreement_terms', {
      terms: {
        installments: [{ dueOn: addDays(todayInChina(t.clock.now), 30), amountFen: 8_400_000 }],
        claimTypes: ['wage_arrears'],
      },
    }),
  );
  closed = await newCase(t, { mediator, stage: 'mediating' });
  ok(await actOn(mediator, closed.id, 'close_failed', { reason: 'deadlock', referral: 'arbitration' }));
  browser = await launchChromium();
  phone = await englishPage(browser, { phone: true });
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the employer’s link in English, at 375 px', () => {
  it('to answer: the request, the counter-offer and its question; answered, it waits', async () => {
    await openLink(toAnswer, 'answer');
    await expectEnglish(phone, 'employer link: answer');
    expect(await phone.getByTestId('employer-liability').innerText()).toContain(
      'Regulations on Ensuring Payment of Wages to Migrant Workers (保障农民工工资支付条例) art. 36',
    );
    expect(await phone.getByTestId('liability-explanation').innerText()).toMatch(/must pay the wages owed/);
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(375);

    await phone.getByTestId('employer-counter').click();
    await openModal(phone).waitFor();
    await expectEnglish(phone, 'employer link: counter-offer');
    await phone.getByTestId('employer-counter-amount').fill('x');
    await openModal(phone).getByRole('button', { name: 'Send' }).click();
    await phone.locator('.ant-modal-wrap:visible .ant-form-item-explain-error').waitFor();
    await expectEnglish(phone, 'employer link: counter-offer, not an amount');
    await phone.getByTestId('employer-counter-amount').fill('999999');
    await openModal(phone).getByRole('button', { name: 'Send' }).click();
    await phone.getByTestId('employer-over-claim-ok').waitFor();
    await expectEnglish(phone, 'employer link: above the claim');
    await phone.locator('.ant-modal-confirm').getByRole('button', { name: 'Cancel' }).click();
    await openModal(phone).locator('.ant-modal-close').click();

    await phone.getByTestId('employer-accept').click();
    await phone.getByTestId('employer-answered').waitFor();
    await phone.locator('[data-testid="employer-page"][data-link-state="waiting"]').waitFor();
    await expectEnglish(phone, 'employer link: waiting');
  });

  it('to sign: the agreement, signed with a code; then signed', async () => {
    await openLink(toSign, 'sign');
    await phone.getByTestId('employer-sign-form').waitFor();
    await expectEnglish(phone, 'employer link: sign');
    await phone.getByTestId('employer-sign').click();
    await phone.locator('.ant-form-item-explain-error').first().waitFor();
    await expectEnglish(phone, 'employer link: sign, nothing typed');
    await phone.getByTestId('employer-signer-name').fill('周经理');
    await phone.getByTestId('employer-get-code').click();
    await phone.getByText(/A code was sent to your registered mobile/).waitFor();
    await expectEnglish(phone, 'employer link: code sent');
    await phone.getByTestId('employer-sign-code').fill((await lastCodeTo(t, CONTRACTOR_PHONE))!);
    await phone.getByTestId('employer-sign').click();
    await phone.getByTestId('employer-sign-ok').waitFor();
    await expectEnglish(phone, 'employer link: sign?');
    await phone.getByTestId('employer-sign-ok').click();
    await phone.getByTestId('employer-signed').waitFor();
    await phone.locator('[data-testid="employer-page"][data-link-state="signed"]').waitFor();
    await expectEnglish(phone, 'employer link: signed');
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(375);
  });

  it('closed, and a link that is not valid', async () => {
    await openLink(closed, 'closed');
    await expectEnglish(phone, 'employer link: closed');
    await phone.goto(`${baseUrl}/e/not-a-valid-link-token-at-all-000000`);
    await phone.getByTestId('employer-invalid').waitFor();
    await expectEnglish(phone, 'employer link: not valid');
  });

  it('the calculator at 375 px, from the first question to the result', async () => {
    await phone.goto(`${baseUrl}/calc`);
    await phone.locator('.yz-calc').first().waitFor();
    await expectEnglish(phone, 'calculator');
    await phone.getByTestId('calc-city').click();
    await phone
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: 'Zhongshan' })
      .click();
    await phone.getByTestId('calc-next').click();
    await phone.getByTestId('calc-hire-date').fill('2006-09-01');
    await phone.getByTestId('calc-situation-art41').click();
    await phone.getByTestId('calc-end-date').fill('2024-02-27');
    await expectEnglish(phone, 'calculator: dates');
    await phone.getByTestId('calc-next').click();
    await phone.getByTestId('calc-wage').fill('6500');
    await expectEnglish(phone, 'calculator: wage');
    await phone.getByTestId('calc-next').click();
    await expectEnglish(phone, 'calculator: extras');
    await phone.getByTestId('calc-next').click();
    await phone.getByTestId('calc-item-economic_compensation').waitFor();
    await expectEnglish(phone, 'calculator: result');
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(375);
  });
});
