import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Station } from '../../contracts/stations/api.js';
import type { TestApp } from '../support/app.js';
import { FACTORY_PASSWORD, newAccount, type LoggedIn } from '../support/factories.js';
import { newStation, stationStaff } from '../support/stations.js';
import { ensureWebBuilt, launchChromium, newDeskPage, signIn, startServer } from './support.js';

// A company gives water to a station: the staff add the item, record the donation picking the
// company's account by its name (no id typed), and the company, signed in, sees it on its own page.

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let staff: LoggedIn;
let donor: LoggedIn;
let station: Station;

beforeAll(async () => {
  ensureWebBuilt();
  ({ t, baseUrl } = await startServer({ demoScale: null }));
  staff = await stationStaff(t);
  donor = await newAccount(t, { role: 'donor', regionCode: '340104', displayName: '合肥爱心饮品有限公司' });
  await newAccount(t, { role: 'donor', regionCode: '340102', displayName: '瑶海爱心超市' });
  station = await newStation(t, staff, { name: '滨湖世纪社区幸福驿站' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('a donation recorded through the donor picker', () => {
  it('reaches the stock and the donor company’s own page', async () => {
    const desk = await newDeskPage(browser);
    await signIn(desk, baseUrl, staff.username, FACTORY_PASSWORD);
    await desk.goto(`${baseUrl}/stations/${station.code}`);
    const panel = desk.getByTestId('supplies-panel');
    await panel.getByTestId('supply-add').click();
    await desk.getByTestId('supply-name').fill('矿泉水');
    await desk.locator('#station-supply-create_unit').click();
    await desk.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '瓶' }).click();
    await desk.locator('#station-supply-create_lowAt').fill('10');
    await desk.getByTestId('supply-save').click();
    await panel.getByTestId('supply-row').first().waitFor();

    await panel.getByTestId('supply-donate').first().click();
    await desk.locator('#station-supply-move_quantity').fill('48');
    const picker = desk.getByTestId('supply-donor-account');
    await picker.click();
    await desk.keyboard.type('饮品');
    const option = desk.locator('.ant-select-dropdown:visible .ant-select-item-option', {
      hasText: '合肥爱心饮品有限公司',
    });
    // Typing narrows the list on the server to the one company by that name.
    await expect
      .poll(() => desk.locator('.ant-select-dropdown:visible .ant-select-item-option').allInnerTexts())
      .toEqual([expect.stringContaining('合肥爱心饮品有限公司')]);
    await option.click();
    await desk.getByTestId('supply-save').click();
    await panel.getByTestId('supply-move').first().waitFor();
    expect(await panel.getByTestId('supply-row').first().innerText()).toContain('48');
    expect(await panel.getByTestId('supply-move').first().innerText()).toContain('合肥爱心饮品有限公司');
    await desk.context().close();

    const company = await newDeskPage(browser);
    await signIn(company, baseUrl, donor.username, FACTORY_PASSWORD);
    await company.goto(`${baseUrl}/my-donations`);
    const card = company.getByTestId('donation-card').first();
    await card.waitFor();
    expect(await card.innerText()).toContain('矿泉水');
    expect(await card.innerText()).toContain('48');
    await company.context().close();
  });
});
