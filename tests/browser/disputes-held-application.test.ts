import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.js';
import { nextAddress, onlineApplication } from '../support/disputes.js';
import { FACTORY_PASSWORD, newMediator, newPerson, uniquePhone, type Person } from '../support/factories.js';
import { ensureWebBuilt, launchChromium, newDeskPage, signIn, startServer } from './support.js';

// An online application typed with a registered person's resident ID and another phone: the
// studio's list tags it, the case page shows both side by side, and the mediator decides.

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let mediator: Awaited<ReturnType<typeof newMediator>>;
let registered: Person;
let caseNumber = '';
const newPhone = uniquePhone();

beforeAll(async () => {
  ensureWebBuilt();
  ({ t, baseUrl } = await startServer({ demoScale: null }));
  browser = await launchChromium();
  mediator = await newMediator(t);
  registered = await newPerson(t);
  const body = onlineApplication(t, {
    workerName: registered.name,
    phone: newPhone,
    mediationBodyId: mediator.studio.id,
  });
  body.worker = { ...body.worker, residentId: registered.residentId };
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/public/disputes/apply',
    payload: body,
    remoteAddress: nextAddress(),
  });
  if (res.statusCode !== 200) throw new Error(`apply: ${res.statusCode} ${res.body}`);
  caseNumber = res.json<{ caseNumber: string }>().caseNumber;
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('a held online application', () => {
  it('is tagged in the queue, compared on the case page, and decided as the same person', async () => {
    const page = await newDeskPage(browser);
    await signIn(page, baseUrl, mediator.username, FACTORY_PASSWORD);
    await page.goto(`${baseUrl}/disputes/to-assign`);
    const row = page.locator('.ant-table-row').filter({ hasText: caseNumber });
    await row.getByTestId('identity-held-tag').waitFor();
    expect(await row.getByTestId('identity-held-tag').innerText()).toBe('待核验身份');

    await row.getByRole('link', { name: caseNumber }).click();
    const held = page.getByTestId('identity-held');
    await held.waitFor();
    expect(await page.getByTestId('identity-applicant').innerText()).toContain(newPhone);
    expect(await page.getByTestId('identity-registered').innerText()).toContain(registered.phone);
    expect(await held.getByTestId('identity-differs-phone').count()).toBe(2);
    expect(await held.getByTestId('identity-differs-name').count()).toBe(0);

    await page.getByTestId('identity-same').click();
    const form = page.getByTestId('identity-same-form');
    await form.getByText(newPhone).click();
    await page.getByTestId('identity-same-form-save').click();
    const decided = page.getByTestId('identity-decided');
    await decided.waitFor();
    expect(await decided.getAttribute('data-decision')).toBe('same_person');
    expect(await page.getByTestId('identity-held').count()).toBe(0);
    await page.context().close();

    // The phone chosen in the form is now the registered person's.
    expect((await mediator.get(`/api/people/${registered.id}`)).json()).toMatchObject({ phone: newPhone });
  });
});
