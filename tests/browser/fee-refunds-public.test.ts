import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.js';
import { lastFeeCodeTo, refundedEnterprises, type RefundedEnterprises } from '../support/fee-refunds-public.js';
import { unionCells } from '../support/fee-refunds.js';
import { newAccount } from '../support/factories.js';
import { ensureWebBuilt, launchChromium, menuKeys, newDeskPage, signIn, startServer } from './support.js';

// An enterprise on a 375 px phone checks its fee refunds at /refunds: its USCC, the code texted to
// the registered phone, then its refunds as cards, newest month first, the account by its last
// four digits, a held refund explained; in English the same, in English words. The employer's own
// account sees the same cards from its menu, without a code.

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let phone: Page;
let e: RefundedEnterprises;

const scrollWidth = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth);

beforeAll(async () => {
  ensureWebBuilt();
  ({ t, baseUrl } = await startServer({ demoScale: null }));
  e = await refundedEnterprises(t);
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 375, height: 740 },
    locale: 'zh-CN',
    timezoneId: 'Europe/London',
    hasTouch: true,
  });
  phone = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function signInAs(uscc: string, contactPhone: string) {
  await phone.getByTestId('refunds-uscc').fill(uscc.toLowerCase());
  await phone.getByTestId('refunds-request-code').click();
  await phone.getByTestId('refunds-code-sent').waitFor();
  await phone.getByTestId('refunds-code').fill(await lastFeeCodeTo(t, contactPhone));
  await phone.getByTestId('refunds-verify').click();
  await phone.getByTestId('refunds-enterprise').waitFor();
}

describe('/refunds: an enterprise’s refunds on the phone', () => {
  it('asks for the USCC and the texted code, then shows the refunds as cards at 375 px', async () => {
    await phone.goto(`${baseUrl}/refunds`);
    expect(await phone.getByTestId('refunds-title').innerText()).toBe('查询经费返还');
    // A wrong code is refused in words, naming what is left.
    await phone.getByTestId('refunds-uscc').fill(e.withUnion.uscc);
    await phone.getByTestId('refunds-request-code').click();
    await phone.getByTestId('refunds-code-sent').waitFor();
    const right = await lastFeeCodeTo(t, e.withUnion.contactPhone);
    await phone.getByTestId('refunds-code').fill(right === '000000' ? '111111' : '000000');
    await phone.getByTestId('refunds-verify').click();
    await phone.getByTestId('refunds-error').waitFor();
    expect(await phone.getByTestId('refunds-error').innerText()).toContain('还可尝试 4 次');
    await phone.getByTestId('refunds-code').fill(right);
    await phone.getByTestId('refunds-verify').click();
    await phone.getByTestId('refunds-enterprise').waitFor();

    expect(await phone.getByTestId('refunds-enterprise').innerText()).toBe(e.withUnion.name);
    expect(await phone.getByTestId('refund-month').allInnerTexts()).toEqual(['2024-05', '2024-04']);
    expect(await phone.getByTestId('refund-amount').allInnerTexts()).toEqual(['¥50.00', '¥200.00']);
    expect(await phone.getByTestId('refund-state').allInnerTexts()).toEqual(['支付中', '支付中']);
    const accountNo = unionCells(e.withUnion.uscc)['工会账户账号']!;
    const account = await phone.getByTestId('refund-account').first().innerText();
    expect(account).toContain(`尾号 ${accountNo.slice(-4)}`);
    expect(await phone.locator('body').innerText()).not.toContain(accountNo);
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(375);
    await phone.screenshot({ path: '/tmp/yz-fee-refunds-public.png', fullPage: true });
  });

  it('explains a held refund, and reads in English after the switch', async () => {
    await phone.getByTestId('refunds-sign-out').click();
    // The next code for a USCC may be asked a minute later: the server's clock moves on.
    t.clock.now = new Date(t.clock.now.getTime() + 61_000);
    await signInAs(e.noUnion.uscc, e.noUnion.contactPhone);
    expect(await phone.getByTestId('refund-state').allInnerTexts()).toEqual(['暂存筹备金']);
    expect(await phone.getByTestId('refund-advice').innerText()).toContain('筹备金');
    expect(await phone.getByTestId('refund-amount').innerText()).toBe('¥150.00');

    await phone.evaluate(() => localStorage.setItem('yz_lang', 'en'));
    await phone.reload();
    await phone.getByTestId('refunds-enterprise').waitFor();
    expect(await phone.getByTestId('refunds-title').innerText()).toBe('Check your fee refunds');
    expect(await phone.getByTestId('refund-state').innerText()).toBe('Held as preparation fund');
    expect(await phone.getByTestId('refund-advice').innerText()).toContain('preparation fund');
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(375);
  });
});

describe('/my-fee-refunds: the employer’s account', () => {
  it('finds its enterprise’s refunds in its menu, and nothing of another enterprise', async () => {
    const agentAccount = await newAccount(t, {
      role: 'employer_agent',
      employerId: e.withUnion.id,
      regionCode: '320505',
    });
    const desk = await newDeskPage(browser);
    await signIn(desk, baseUrl, agentAccount.username, agentAccount.password);
    expect(await menuKeys(desk)).toContain('myFeeRefunds');
    await desk.getByTestId('menu-myFeeRefunds').click();
    await desk.getByTestId('refunds-enterprise').waitFor();
    expect(await desk.locator('h1').innerText()).toBe('本单位经费返还');
    expect(await desk.getByTestId('refunds-enterprise').innerText()).toBe(e.withUnion.name);
    expect(await desk.getByTestId('refund-month').allInnerTexts()).toEqual(['2024-05', '2024-04']);
    expect(await desk.getByTestId('refund-amount').allInnerTexts()).toEqual(['¥50.00', '¥200.00']);
    expect(await desk.locator('body').innerText()).not.toContain(e.other.name);
    // Union staff have no such entry: the page is the employer's.
    const staffPage = await staffDesk();
    expect(await menuKeys(staffPage)).not.toContain('myFeeRefunds');
    await staffPage.context().close();
    await desk.context().close();
  });
});

async function staffDesk(): Promise<Page> {
  const desk = await newDeskPage(browser);
  const staff = await newAccount(t, { role: 'union_staff', regionCode: '320000' });
  await signIn(desk, baseUrl, staff.username, staff.password);
  return desk;
}
