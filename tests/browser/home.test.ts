import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.js';
import { FACTORY_PASSWORD, newAccount, newCase, newEmployer, newMediator, type NewCase } from '../support/factories.js';
import { ensureWebBuilt, launchChromium, menuKeys, newDeskPage, signIn, startServer } from './support.js';

// The home page per role: a mediator signing in lands on their work (due soon, to assign, open
// cases); an employer's agent finds its cases in the menu and on its home.

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let mediator: Awaited<ReturnType<typeof newMediator>>;
let employerCase: NewCase;
let agentName = '';
let unionName = '';

beforeAll(async () => {
  ensureWebBuilt();
  ({ t, baseUrl } = await startServer({ demoScale: null }));
  browser = await launchChromium();
  mediator = await newMediator(t);
  const employer = await newEmployer(t);
  employerCase = await newCase(t, { mediator, employer });
  agentName = (await newAccount(t, { role: 'employer_agent', employerId: employer.id })).username;
  unionName = (await newAccount(t, { role: 'union_staff' })).username;
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the home page', () => {
  it('lands a mediator on their work: due soon, to assign and open cases', async () => {
    const page = await newDeskPage(browser);
    await signIn(page, baseUrl, mediator.username, FACTORY_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByTestId('home-mediator').waitFor();
    for (const section of ['home-due-soon', 'home-to-assign', 'home-open'])
      expect(await page.getByTestId(section).isVisible()).toBe(true);
    expect(await page.getByTestId('home-open').innerText()).toContain(employerCase.caseNumber);
    expect(await page.getByTestId('home-open-total').getAttribute('data-total')).toBe('1');
    // Mediators read the statistics: the region's figures stay below their work.
    await page.getByTestId('home-figures').waitFor();
    await page.context().close();
  });

  it('gives an employer’s agent a menu entry for its cases, and its cases on the home', async () => {
    const page = await newDeskPage(browser);
    await signIn(page, baseUrl, agentName, FACTORY_PASSWORD);
    await page.getByTestId('home-employer').waitFor();
    expect(await page.getByTestId('home-employer').innerText()).toContain(employerCase.caseNumber);
    expect(await page.getByTestId('home-figures').count()).toBe(0);
    expect(await menuKeys(page)).toContain('myCases');
    await page.getByTestId('menu-myCases').click();
    await page.getByTestId('my-cases-table').locator('.ant-table-row').first().waitFor();
    expect(await page.getByTestId('my-cases-table').innerText()).toContain(employerCase.caseNumber);
    expect(await page.getByText('我的案件').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('shows union staff the figures and their chart, as before', async () => {
    const page = await newDeskPage(browser);
    await signIn(page, baseUrl, unionName, FACTORY_PASSWORD);
    await page.getByTestId('figure-dispute_cases').waitFor();
    await page.getByTestId('figure-dispute_settled_yuan').waitFor();
    await page.getByTestId('home-figures').locator('canvas').first().waitFor();
    expect(await page.getByTestId('home-mediator').count()).toBe(0);
    expect(await page.getByTestId('home-employer').count()).toBe(0);
    await page.context().close();
  });
});
