import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addYears, todayInChina } from '../../contracts/dates.js';
import type { TestApp } from '../support/app.js';
import { lastCodeTo, nextAddress } from '../support/disputes.js';
import { newCase, newMediator, uniquePhone, type NewCase } from '../support/factories.js';
import { brokenStepWords, closeModal, englishPage, expectEnglish, openModal } from './english-support.js';
import { ensureWebBuilt, launchChromium, signIn, startServer } from './support.js';

// The case page in English as the mediator works it, stage by stage: every panel (parties, facts,
// notices, analysis, agreement, sessions, evidence, history, deadlines, documents, assignment,
// messages) and every dialog the page offers, opened one by one, with the server's notes, bases and
// warnings in English; the stepper wraps whole words at 1024 and 1366 px.

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let page: Page;
let mediator: Awaited<ReturnType<typeof newMediator>>;
let collective: NewCase;
let mediating: NewCase;
let signed: NewCase;

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2219bc30000000049454e44ae426082',
  'hex',
);

/** The worker sends a photo from the phone (/track), as the case's evidence. */
async function workerSendsPhoto(c: NewCase): Promise<void> {
  const remoteAddress = nextAddress();
  const ask = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload, remoteAddress });
  await ask('/api/public/disputes/track/request-code', { caseNumber: c.caseNumber, phone: c.worker.phone });
  const code = await lastCodeTo(t, c.worker.phone);
  const verified = await ask('/api/public/disputes/track/verify', { caseNumber: c.caseNumber, code });
  const boundary = '----yizhan-english-boundary';
  const sent = await t.app.inject({
    method: 'POST',
    url: '/api/public/disputes/track/evidence',
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="pay-slip.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      PNG,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'x-case-token': verified.json<{ caseToken: string }>().caseToken,
    },
    remoteAddress,
  });
  expect(sent.statusCode, sent.body).toBe(200);
}

beforeAll(async () => {
  ensureWebBuilt();
  ({ t, baseUrl } = await startServer({ demoScale: null }));
  mediator = await newMediator(t);
  // Twelve workers, a mediator asking for a judge and a limitation date near: every intake notice.
  const harmKnownOn = addDays(addYears(todayInChina(t.clock.now), -1), 10);
  collective = await newCase(t, {
    mediator,
    intake: (base) => ({
      ...base,
      workerCount: 12,
      representatives: [
        { name: '代表甲', phone: uniquePhone() },
        { name: '代表乙', phone: uniquePhone() },
        { name: '代表丙', phone: uniquePhone() },
      ],
      mediatorRequestsJudge: true,
      employment: { ...base.employment, harmKnownOn },
    }),
  });
  const analysed = await mediator.post(`/api/disputes/${collective.id}/analysis`, {});
  expect(analysed.statusCode, analysed.body).toBe(200);
  // A union case (its own clocks: the 15 days, the studio's service standard), with a session.
  mediating = await newCase(t, {
    mediator,
    stage: 'mediating',
    intake: (base) => ({ ...base, kind: 'union_mediation' }),
  });
  const session = await mediator.post(`/api/disputes/${mediating.id}/sessions`, {
    mode: 'video',
    scheduledAt: new Date(t.clock.now.getTime() + 86_400_000).toISOString(),
    meetingUrl: 'https://meeting.example.cn/j/2201',
  });
  expect(session.statusCode, session.body).toBe(200);
  await workerSendsPhoto(mediating);
  signed = await newCase(t, { mediator, stage: 'agreement_signed' });
  browser = await launchChromium();
  page = await englishPage(browser);
  await signIn(page, baseUrl, mediator.username, mediator.password);
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function openCase(c: NewCase): Promise<void> {
  await page.goto(`${baseUrl}/disputes/${c.id}`);
  await page.getByTestId('case-steps').waitFor();
  await page
    .getByTestId('outbox-panel')
    .getByText(/SMS|E-mail|None/)
    .first()
    .waitFor();
}

/** Opens a dialog with `open`, checks it (and the options of each of its selects), closes it. */
async function checkDialog(where: string, open: () => Promise<void>): Promise<void> {
  await open();
  const modal = openModal(page);
  await modal.waitFor();
  await page.waitForTimeout(150);
  await expectEnglish(page, where);
  const selects = modal.locator('.ant-select:not(.ant-select-disabled)');
  for (let i = 0; i < (await selects.count()); i++) {
    await selects.nth(i).click();
    const options = page.locator('.ant-select-dropdown:visible');
    if (await options.count()) await expectEnglish(page, `${where}, select ${i + 1}`);
    await selects.nth(i).click();
  }
  await closeModal(page);
}

/** Every action the actions panel offers, opened one by one. */
async function checkActions(stage: string): Promise<string[]> {
  const codes = await page
    .getByTestId('actions-panel')
    .locator('button[data-testid^="action-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.replace(/^action-/, '')));
  for (const code of codes) await checkDialog(`${stage}: ${code}`, () => page.getByTestId(`action-${code}`).click());
  return codes;
}

describe('the case page in English', () => {
  it('at intake: notices, parties, facts, analysis, deadlines; every dialog; the stepper at 1366 and 1024 px', async () => {
    await openCase(collective);
    await page.getByTestId('notice-joint').waitFor();
    await page.getByTestId('analysis-total').waitFor();
    await expectEnglish(page, 'intake');
    // The statutes of the analysis are named in English beside the Chinese.
    expect(await page.getByTestId('analysis-panel').innerText()).toContain('Labor Contract Law (劳动合同法) art. 82');
    expect(await page.getByTestId('clocks-panel').innerText()).toContain(
      'Labor Dispute Mediation and Arbitration Law (劳动争议调解仲裁法) art. 27',
    );
    expect(await page.getByTestId('case-summary').innerText()).toMatch(/¥[\d,]+\.\d{2}/);
    expect(await brokenStepWords(page)).toEqual([]);
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.waitForTimeout(200);
    expect(await brokenStepWords(page)).toEqual([]);
    await expectEnglish(page, 'intake at 1024 px');
    await page.setViewportSize({ width: 1366, height: 900 });

    expect(await checkActions('intake')).toContain('start_consultation');
    await checkDialog('intake: correct a party', () => page.getByTestId('party-correct-gc').click());
    await checkDialog('intake: correct the facts', () => page.getByTestId('facts-correct').click());
    await checkDialog('intake: schedule a session', () => page.getByTestId('session-schedule').click());
    await checkDialog('intake: reassign the mediator', () => page.getByTestId('assign-mediator').click());
    await checkDialog('intake: invite a judge', () => page.getByTestId('invite-judge').click());
  });

  it('while mediating a union case: sessions, the minutes, and every dialog', async () => {
    await openCase(mediating);
    await page.getByTestId('session-0').waitFor();
    await expectEnglish(page, 'mediating');
    // The worker's photo is listed as sent by the applicant, in English.
    expect(await page.getByTestId('evidence-item').innerText()).toContain('Applicant (worker)');
    expect(await brokenStepWords(page)).toEqual([]);
    const actions = await checkActions('mediating');
    expect(actions).toContain('set_agreement_terms');
    expect(actions).toContain('continue_mediation');
    await checkDialog('mediating: minutes', () => page.getByTestId('session-0-minutes').click());
  });

  it('with the agreement signed: the agreement, its payments, and every dialog', async () => {
    await openCase(signed);
    await page.getByTestId('agreement-panel').waitFor();
    await expectEnglish(page, 'agreement_signed');
    expect(await page.getByTestId('agreement-total').innerText()).toMatch(/^¥[\d,]+\.\d{2}$/);
    expect(await checkActions('agreement_signed')).toContain('apply_confirmation');
    await checkDialog('agreement_signed: correct a party', () => page.getByTestId('party-correct-gc').click());
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.waitForTimeout(200);
    expect(await brokenStepWords(page)).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 900 });
  });
});
