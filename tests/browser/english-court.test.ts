import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.js';
import { actOn } from '../support/disputes.js';
import { newCase, newJudge, newMediator, type NewCase } from '../support/factories.js';
import { brokenStepWords, closeModal, englishPage, expectEnglish, openModal } from './english-support.js';
import { ensureWebBuilt, launchChromium, signIn, startServer } from './support.js';

// The court's side and the later stages in English: the judge's home, confirmation queue and
// review dialogs; the mediator's dialogs after a ruling and after a refusal; a case referred after
// filing, submitted to the court, whose judge records the mediation document; a case that ended,
// referred to arbitration.

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let mediator: Awaited<ReturnType<typeof newMediator>>;
let judge: Awaited<ReturnType<typeof newJudge>>;
let applied: NewCase;
let ruled: NewCase;
let refused: NewCase;
let submitted: NewCase;
let closed: NewCase;
let court: Page;
let studio: Page;

const ok = (res: { statusCode: number; body: string }) => expect(res.statusCode, res.body).toBe(200);

beforeAll(async () => {
  ensureWebBuilt();
  ({ t, baseUrl } = await startServer({ demoScale: null }));
  mediator = await newMediator(t);
  judge = await newJudge(t, { court: mediator.studio.court });
  applied = await newCase(t, { mediator, judge, stage: 'confirmation_applied' });
  ruled = await newCase(t, { mediator, judge, stage: 'ruling_issued' });
  refused = await newCase(t, { mediator, judge, stage: 'confirmation_refused' });
  submitted = await newCase(t, {
    mediator,
    stage: 'agreement_signed',
    intake: (base) => ({ ...base, kind: 'court_post_filing_ordinary' }),
  });
  ok(await actOn(mediator, submitted.id, 'submit_agreement_to_court', { requested: 'mediation_document' }));
  closed = await newCase(t, { mediator, stage: 'mediating' });
  ok(await actOn(mediator, closed.id, 'close_failed', { reason: 'deadlock', referral: 'arbitration' }));
  browser = await launchChromium();
  court = await englishPage(browser);
  await signIn(court, baseUrl, judge.username, judge.password);
  studio = await englishPage(browser);
  await signIn(studio, baseUrl, mediator.username, mediator.password);
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function openCase(page: Page, c: NewCase): Promise<void> {
  await page.goto(`${baseUrl}/disputes/${c.id}`);
  await page.getByTestId('case-steps').waitFor();
  await page.getByTestId('documents-panel').waitFor();
  await page.waitForTimeout(150);
}

/** Every action the actions panel offers, each dialog opened, checked (its selects too) and closed. */
async function checkActions(page: Page, where: string): Promise<string[]> {
  const codes = await page
    .getByTestId('actions-panel')
    .locator('button[data-testid^="action-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.replace(/^action-/, '')));
  for (const code of codes) {
    await page.getByTestId(`action-${code}`).click();
    const modal = openModal(page);
    await modal.waitFor();
    await page.waitForTimeout(150);
    await expectEnglish(page, `${where}: ${code}`);
    const selects = modal.locator('.ant-select:not(.ant-select-disabled)');
    for (let i = 0; i < (await selects.count()); i++) {
      await selects.nth(i).click();
      if (await page.locator('.ant-select-dropdown:visible').count())
        await expectEnglish(page, `${where}: ${code}, select ${i + 1}`);
      await selects.nth(i).click();
    }
    await closeModal(page);
  }
  return codes;
}

describe('the court side and the later stages in English', () => {
  it('the judge: home, confirmation queue, and the review dialogs of an application', async () => {
    const page = court;
    await page.getByTestId('home-queue').locator('.ant-table-row').first().waitFor();
    await page.waitForTimeout(200);
    await expectEnglish(page, 'judge home');

    await page.getByTestId('menu-disputesQueue').click();
    await page.locator('[data-testid="queue-table"] tr.ant-table-row').first().waitFor();
    await expectEnglish(page, 'confirmation queue');

    await openCase(page, applied);
    await expectEnglish(page, 'confirmation_applied (judge)');
    expect(await brokenStepWords(page)).toEqual([]);
    const actions = await checkActions(page, 'confirmation_applied (judge)');
    expect(actions).toEqual(expect.arrayContaining(['issue_ruling', 'refuse_confirmation']));
  });

  it('the mediator after a ruling and after a refusal', async () => {
    const page = studio;
    await openCase(page, ruled);
    await page.getByTestId('ruling-no').waitFor();
    await expectEnglish(page, 'ruling_issued');
    expect(await page.getByTestId('confirmation-review').innerText()).toMatch(/Not voluntary: Does not apply/);
    expect(await checkActions(page, 'ruling_issued')).toContain('record_payment');

    await openCase(page, refused);
    await expectEnglish(page, 'confirmation_refused');
    expect(await checkActions(page, 'confirmation_refused')).toContain('amend_agreement');
  });

  it('a case referred after filing: submitted by the mediator, recorded by the judge', async () => {
    const page = court;
    await page.setViewportSize({ width: 1024, height: 800 });
    await openCase(page, submitted);
    await expectEnglish(page, 'agreement_submitted (judge)');
    expect(await brokenStepWords(page)).toEqual([]);
    expect(await checkActions(page, 'agreement_submitted (judge)')).toContain('record_mediation_document');
  });

  it('a case that ended, referred to arbitration', async () => {
    const page = studio;
    await openCase(page, closed);
    await page.getByTestId('filing-package-json').waitFor();
    await expectEnglish(page, 'closed_failed');
    expect(await page.getByTestId('case-summary').innerText()).toContain('Referred to labor arbitration');
  });
});
