import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.js';
import { nextAddress, onlineApplication } from '../support/disputes.js';
import {
  newAccount,
  newAdmin,
  newCase,
  newEmployer,
  newMediator,
  newPerson,
  uniquePhone,
  type LoggedIn,
} from '../support/factories.js';
import { englishPage, expectEnglish } from './english-support.js';
import { choose, ensureWebBuilt, launchChromium, signIn, startServer } from './support.js';

// The staff pages of the disputes module in English, per role: the mediator's home, case list
// (all, at risk, to assign), counter intake (construction mode too, with its validation messages
// and the liable party) and settings; union staff's home figures and the statistics; the employer's
// agent's home and "My cases"; the nationwide administrator's settings forms.

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let mediator: Awaited<ReturnType<typeof newMediator>>;
let unionStaff: LoggedIn;
let agent: LoggedIn;
let admin: LoggedIn;
let worker: LoggedIn;

beforeAll(async () => {
  ensureWebBuilt();
  ({ t, baseUrl } = await startServer({ demoScale: null }));
  mediator = await newMediator(t);
  const employer = await newEmployer(t);
  await newCase(t, { mediator, employer, stage: 'ruling_issued' });
  await newCase(t, { mediator, stage: 'mediating' });
  // An online application nobody has taken yet: the studio's "to assign" list.
  const applied = await t.app.inject({
    method: 'POST',
    url: '/api/public/disputes/apply',
    payload: onlineApplication(t, { sequence: 7, phone: uniquePhone(), mediationBodyId: mediator.studio.id }),
    remoteAddress: nextAddress(),
  });
  expect(applied.statusCode, applied.body).toBe(200);
  unionStaff = await newAccount(t, { role: 'union_staff' });
  agent = await newAccount(t, { role: 'employer_agent', employerId: employer.id });
  admin = await newAdmin(t);
  worker = await newAccount(t, { role: 'worker', personId: (await newPerson(t)).id });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function deskAs(who: LoggedIn): Promise<Page> {
  const page = await englishPage(browser);
  await signIn(page, baseUrl, who.username, who.password);
  return page;
}

const rows = (p: Page, table: string) => p.locator(`[data-testid="${table}"] tr.ant-table-row`);

describe('the staff pages in English', () => {
  it('the mediator: home, the case list’s three tabs, the settings', async () => {
    const page = await deskAs(mediator);
    await page.getByTestId('home-mediator').waitFor();
    await page.getByTestId('home-figures').locator('canvas').first().waitFor();
    await expectEnglish(page, 'mediator home');
    expect(await page.getByTestId('home-scope').innerText()).toContain('Zhongshan');

    await page.getByTestId('menu-disputes').click();
    await rows(page, 'case-table').first().waitFor();
    await expectEnglish(page, 'case list');
    for (const tab of ['tab-at-risk', 'tab-to-assign']) {
      await page.getByTestId(tab).click();
      await page.locator('[data-testid="case-table"] .ant-spin-spinning').waitFor({ state: 'detached' });
      await page.waitForTimeout(200);
      await expectEnglish(page, tab);
    }
    expect(await rows(page, 'case-table').count()).toBe(1);

    await page.getByTestId('menu-disputesSettings').click();
    await rows(page, 'mediators-table').first().waitFor();
    await page.getByTestId('calendar-card').waitFor();
    await expectEnglish(page, 'settings (mediator)');
    await page.locator('[data-testid^="mediator-edit-"]').first().click();
    await page.locator('.ant-modal-wrap:visible .ant-modal').waitFor();
    await expectEnglish(page, 'settings: a mediator’s profile');
    await page.context().close();
  });

  it('the mediator’s counter intake, in construction mode, with its messages and the liable party', async () => {
    const page = await deskAs(mediator);
    await page.goto(`${baseUrl}/disputes/new`);
    await page.getByTestId('intake-form').waitFor();
    await expectEnglish(page, 'intake form');
    // Sent empty: every message names what is missing, in English.
    await page.getByTestId('intake-submit').click();
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    await expectEnglish(page, 'intake form, sent empty');

    await page.getByTestId('intake-hire-date').fill('2023-03-01');
    await page.getByTestId('intake-end-date').fill('2025-03-31');
    await choose(page, 'intake-leaving-reason', 'employer’s fault');
    await page.getByTestId('intake-art38-reason').waitFor();
    await page.getByTestId('intake-is-construction').click();
    await page.getByTestId('party-typical').click();
    await page.getByTestId('party-0-name').fill('中山市翠亨置业有限公司');
    await page.getByTestId('party-1-name').fill('中山市华裕建筑劳务有限公司');
    await page.getByTestId('party-2-name').fill('李某');
    await page.getByTestId('intake-boss-reachable').getByText('No').click();
    await expect.poll(() => page.getByTestId('intake-liability-preview').innerText()).toContain('中山市华裕建筑');
    await page.getByTestId('intake-employer-in-chain').waitFor();
    await expectEnglish(page, 'intake form, construction');
    await page.context().close();
  });

  it('union staff: the home figures and the statistics by each dimension', async () => {
    const page = await deskAs(unionStaff);
    await page.getByTestId('figure-dispute_settled_yuan').waitFor();
    await page.getByTestId('home-figures').locator('canvas').first().waitFor();
    await expectEnglish(page, 'union staff home');
    expect(await page.getByTestId('figure-dispute_settled_yuan').innerText()).toContain('CNY');

    await page.getByTestId('menu-disputesStats').click();
    await page.getByTestId('stat-received').waitFor();
    await page.locator('canvas').first().waitFor();
    await expectEnglish(page, 'statistics');
    for (const d of ['claim_type', 'sector', 'court', 'mediator']) {
      await page.getByTestId(`dim-${d}`).click();
      await page.locator('[data-testid="stats-table"] .ant-spin-spinning').waitFor({ state: 'detached' });
      await page.waitForTimeout(200);
      await expectEnglish(page, `statistics by ${d}`);
    }
    await page.context().close();
  });

  it('the employer’s agent: home and “My cases”', async () => {
    const page = await deskAs(agent);
    await page.getByTestId('home-employer').locator('.ant-table-row').first().waitFor();
    await expectEnglish(page, 'employer agent home');
    await page.getByTestId('menu-myCases').click();
    await rows(page, 'my-cases-table').first().waitFor();
    await expectEnglish(page, 'my cases');
    await page.context().close();
  });

  it('a worker’s account: “Me”, where it lands, and the home', async () => {
    const page = await deskAs(worker);
    await page.getByTestId('me-resident-id').waitFor();
    await expectEnglish(page, 'worker: me');
    await page.getByTestId('menu-home').click();
    await page.getByTestId('home-work').waitFor();
    await page.waitForTimeout(300);
    await expectEnglish(page, 'worker home');
    await page.context().close();
  });

  it('the nationwide administrator’s settings: the joint-mediation triggers and the calendar', async () => {
    const page = await deskAs(admin);
    await page.goto(`${baseUrl}/disputes/settings`);
    await page.getByTestId('joint-form').waitFor();
    await page.getByTestId('calendar-form').waitFor();
    await expectEnglish(page, 'settings (administrator)');
    await page.context().close();
  });
});
