import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addYears, todayInChina } from '../../contracts/dates.js';
import type { TestApp } from '../support/app.js';
import { actOn, lastCodeTo } from '../support/disputes.js';
import { newCase, newMediator, newStudio, type NewCase } from '../support/factories.js';
import { englishPage, expectEnglish } from './english-support.js';
import { ensureWebBuilt, launchChromium, startServer } from './support.js';

// The worker's pages in English on a 375 px phone: the online application step by step (with its
// messages), /track's sign-in (a wrong code answered in English), and the worker's case: its
// sessions and deadline banners, the agreement to sign, and the ways forward after a refusal.

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let phone: Page;
let near: NewCase;
let toSign: NewCase;
let refused: NewCase;

const scrollWidth = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth);
const ok = (res: { statusCode: number; body: string }) => expect(res.statusCode, res.body).toBe(200);

beforeAll(async () => {
  ensureWebBuilt();
  ({ t, baseUrl } = await startServer({ demoScale: null }));
  const mediator = await newMediator(t);
  // A second studio: the worker chooses where they worked.
  await newStudio(t, { regionCode: '440300' });
  // Knew of the harm a year ago less ten days: the last day to apply for arbitration is near.
  const harmKnownOn = addDays(addYears(todayInChina(t.clock.now), -1), 10);
  near = await newCase(t, {
    mediator,
    stage: 'mediating',
    intake: (base) => ({ ...base, employment: { ...base.employment, endDate: null, harmKnownOn } }),
  });
  for (const session of [
    { mode: 'video', meetingUrl: 'https://meeting.example.cn/j/8801' },
    { mode: 'in_person', location: '中山市总工会调解室' },
    { mode: 'phone' },
  ])
    ok(
      await mediator.post(`/api/disputes/${near.id}/sessions`, {
        ...session,
        scheduledAt: new Date(t.clock.now.getTime() + 2 * 86_400_000).toISOString(),
      }),
    );
  toSign = await newCase(t, { mediator, stage: 'mediating' });
  ok(
    await actOn(mediator, toSign.id, 'set_agreement_terms', {
      terms: {
        installments: [{ dueOn: addDays(todayInChina(t.clock.now), 30), amountFen: 8_400_000 }],
        claimTypes: ['wage_arrears'],
      },
    }),
  );
  refused = await newCase(t, { mediator, stage: 'confirmation_refused' });
  browser = await launchChromium();
  phone = await englishPage(browser, { phone: true });
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** Signs in to /track as the worker of `c`, with the code texted to the worker's phone. */
async function track(c: NewCase): Promise<void> {
  await phone.goto(`${baseUrl}/track`);
  await phone.getByTestId('track-case-number').fill(c.caseNumber);
  await phone.getByTestId('track-phone').fill(c.worker.phone);
  await phone.getByTestId('track-request-code').click();
  await phone.getByTestId('track-code-sent').waitFor();
  await phone.getByTestId('track-code').fill((await lastCodeTo(t, c.worker.phone))!);
  await phone.getByTestId('track-verify').click();
  await phone.getByTestId('track-case').waitFor();
  await phone.waitForTimeout(200);
}

describe('the worker’s pages in English, at 375 px', () => {
  it('the online application, step by step, with its messages', async () => {
    await phone.goto(`${baseUrl}/apply`);
    await phone.getByTestId('apply-title').waitFor();
    await expectEnglish(phone, 'apply: you');
    await phone.getByTestId('apply-next').click();
    await phone.locator('.ant-form-item-explain-error').first().waitFor();
    await expectEnglish(phone, 'apply: you, sent empty');
    await phone.getByTestId('apply-name').fill('王小军');
    await phone.getByTestId('apply-phone').fill('13912340002');
    await phone.getByTestId('apply-next').click();

    await phone.getByTestId('apply-studio-442000').waitFor();
    await phone.getByTestId('apply-next').click();
    await phone.locator('[data-testid="apply-step-employer"] .ant-form-item-explain-error').first().waitFor();
    await expectEnglish(phone, 'apply: employer, sent empty');
    expect(await phone.getByTestId('apply-studio-440300').innerText()).toContain('Shenzhen');
    await phone.getByTestId('apply-studio-442000').click();
    await phone.getByTestId('apply-on-site-yes').click();
    await phone.getByTestId('apply-hired-by-boss').click();
    await phone.getByTestId('apply-employer-name').fill('张某');
    await phone.getByTestId('apply-boss-reachable-no').click();
    await phone.getByTestId('apply-contractor').fill('中山市华裕建筑劳务有限公司');
    await expectEnglish(phone, 'apply: employer');
    await phone.getByTestId('apply-next').click();

    await phone.getByTestId('apply-hire-date').waitFor();
    await phone.getByTestId('apply-next').click();
    await phone.locator('[data-testid="apply-step-work"] .ant-form-item-explain-error').first().waitFor();
    await expectEnglish(phone, 'apply: work, sent empty');
    await phone.getByTestId('apply-hire-date').fill(addDays(todayInChina(t.clock.now), -200));
    await phone.getByTestId('apply-end-date').fill(addDays(todayInChina(t.clock.now), -10));
    await phone.getByTestId('apply-wage').fill('6500');
    await phone.getByTestId('apply-contract-no').click();
    await phone.getByTestId('apply-next').click();

    await phone.getByTestId('apply-claim-wage_arrears').click();
    await phone.getByTestId('apply-amount-wage_arrears').fill('19500');
    await phone.getByTestId('apply-narrative').fill('包工头张某拖欠三个月工资后联系不上。');
    await expectEnglish(phone, 'apply: claims');
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(375);
    await phone.getByTestId('apply-next').click();
    await phone.getByTestId('apply-case-number').waitFor();
    await expectEnglish(phone, 'apply: sent');
  });

  it('/track: the sign-in, a wrong code answered in English; the case with its sessions and deadline banner', async () => {
    await phone.goto(`${baseUrl}/track`);
    await phone.getByTestId('track-title').waitFor();
    await expectEnglish(phone, 'track sign-in');
    await phone.getByTestId('track-request-code').click();
    await phone.locator('.ant-form-item-explain-error').first().waitFor();
    await expectEnglish(phone, 'track sign-in, sent empty');
    await phone.getByTestId('track-case-number').fill(near.caseNumber);
    await phone.getByTestId('track-phone').fill(near.worker.phone);
    await phone.getByTestId('track-request-code').click();
    await phone.getByTestId('track-code-sent').waitFor();
    await expectEnglish(phone, 'track: code sent');
    const right = (await lastCodeTo(t, near.worker.phone))!;
    await phone.getByTestId('track-code').fill(right === '000000' ? '111111' : '000000');
    await phone.getByTestId('track-verify').click();
    await phone.getByTestId('track-error').waitFor();
    await expectEnglish(phone, 'track: a wrong code');

    await phone.getByTestId('track-code').fill(right);
    await phone.getByTestId('track-verify').click();
    await phone.getByTestId('track-warning-limitation').waitFor();
    expect(await phone.getByTestId('track-session').count()).toBe(3);
    await expectEnglish(phone, 'worker case: sessions and warnings');
    expect(await phone.getByTestId('track-warnings').innerText()).toContain(
      'The last day to apply for labor arbitration',
    );
    expect(await phone.getByTestId('track-case').innerText()).toContain(
      'Labor Dispute Mediation and Arbitration Law (劳动争议调解仲裁法) art. 27',
    );
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(375);
    await phone.getByTestId('track-sign-out').click();
  });

  it('the worker’s case: the agreement to sign, and the ways forward after a refusal', async () => {
    await track(toSign);
    await phone.getByTestId('track-sign').waitFor();
    await expectEnglish(phone, 'worker case: to sign');
    expect(await phone.getByTestId('track-agreement').innerText()).toMatch(/¥84,000\.00 \(Unpaid wages\)/);
    await phone.getByTestId('track-sign-out').click();

    await track(refused);
    await phone.getByTestId('track-next-steps').waitFor();
    await expectEnglish(phone, 'worker case: refused');
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(375);
  });
});
