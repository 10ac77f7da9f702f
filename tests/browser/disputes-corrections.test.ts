import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.js';
import { FACTORY_PASSWORD, newCase, newMediator, type NewCase } from '../support/factories.js';
import { ensureWebBuilt, launchChromium, newDeskPage, signIn, startServer } from './support.js';

// The mediator corrects a party and the claims on the case page; the page, the saved analysis's
// warning and the case log follow.

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let mediator: Awaited<ReturnType<typeof newMediator>>;
let story: NewCase;

beforeAll(async () => {
  ensureWebBuilt();
  ({ t, baseUrl } = await startServer({ demoScale: null }));
  browser = await launchChromium();
  mediator = await newMediator(t);
  story = await newCase(t, { mediator });
  const analysed = await mediator.post(`/api/disputes/${story.id}/analysis`, {});
  expect(analysed.statusCode, analysed.body).toBe(200);
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('correcting a case on its page', () => {
  it('corrects the liable contractor’s address for service and a claim amount, with the reason kept', async () => {
    const page = await newDeskPage(browser);
    await signIn(page, baseUrl, mediator.username, FACTORY_PASSWORD);
    await page.goto(`${baseUrl}/disputes/${story.id}`);
    await page.getByTestId('party-gc').waitFor();

    await page.getByTestId('party-correct-gc').click();
    await page.getByTestId('correct-service-address').fill('中山市东区博爱路 6 号');
    // The reason is required: saving without it names the field.
    await page.getByTestId('correct-party-save').click();
    await page.getByText('请说明更正原因').waitFor();
    await page.getByTestId('correct-reason').fill('送达地址登记错误，已电话核实');
    await page.getByTestId('correct-party-save').click();
    await page.getByTestId('correct-party-save').waitFor({ state: 'detached' });
    expect(await page.getByTestId('party-gc').innerText()).toContain('中山市东区博爱路 6 号');

    await page.getByTestId('facts-correct').click();
    const amount = page.getByTestId('intake-claim-0').getByPlaceholder('金额');
    await amount.fill('65000');
    await page.getByTestId('correct-reason').fill('工资总额按工资条更正');
    await page.getByTestId('correct-facts-save').click();
    await page.getByTestId('correct-facts-save').waitFor({ state: 'detached' });
    expect(await page.getByTestId('facts-panel').innerText()).toContain('65,000');
    await page.getByTestId('analysis-outdated').waitFor();
    expect(await page.getByTestId('events-panel').innerText()).toContain('更正案件信息');
    await page.context().close();
  });
});
