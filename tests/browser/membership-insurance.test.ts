import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInChina } from '../../contracts/dates.js';
import type { ApplicationAnswer } from '../../contracts/membership/api.js';
import { DEMO_PASSWORD, loginAs, type TestApp } from '../support/app.js';
import { csvFile } from '../support/imports.js';
import { applyFromPhone, approveApplication, newApplicant, newUnionOrganization } from '../support/membership.js';
import { ensureWebBuilt, launchChromium, newDeskPage, signIn, startServer } from './support.js';

// The members' insurance list as Zhongshan's union staff upload it: one row is refused (its
// resident ID's check character), the rest are imported, and the coverage of the members shows them.

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ensureWebBuilt();
  ({ t, baseUrl } = await startServer());
  browser = await launchChromium();
  page = await newDeskPage(browser);
  await signIn(page, baseUrl, 'zs_union', DEMO_PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const status = () => page.getByTestId('import-status').getAttribute('data-status');
const covered = async () => Number(await page.getByTestId('coverage-total').getAttribute('data-covered'));

describe('membership insurance page', () => {
  it('uploads a list with one bad row, shows the row’s reason, commits the rest, and the coverage counts them', async () => {
    // Two members of a Zhongshan union, approved by the region's staff.
    const staff = await loginAs(t.app, 'zs_union');
    const organization = await newUnionOrganization(t, { regionCode: '442000' });
    const members = [newApplicant({ name: '黄骑手' }), newApplicant({ name: '陈快递' })];
    for (const who of members) {
      const applied = await applyFromPhone(t, organization.code, who);
      expect(applied.statusCode, applied.body).toBe(200);
      await approveApplication(t, applied.json<ApplicationAnswer>().applicationNo!, staff);
    }
    const today = todayInChina(t.deps.now());
    const bad = members[1]!.residentId.slice(0, 17) + (members[1]!.residentId.endsWith('0') ? '1' : '0');
    const file = csvFile([
      ['姓名', '身份证号', '手机号', '险种', '保险公司', '保单号', '起保日期', '终保日期'],
      ...members.map((m) => [
        m.name,
        m.residentId,
        m.phone,
        '职业伤害保障',
        '中国平安',
        '',
        addDays(today, -1),
        addDays(today, 300),
      ]),
      ['马司机', bad, '', '工伤保险', '中国人寿', '', today, addDays(today, 30)],
    ]);

    await page.goto(`${baseUrl}/membership/insurance`);
    await page.getByTestId('coverage-total').waitFor();
    const before = await covered();
    await page
      .getByTestId('insurance-import')
      .locator('input[type=file]')
      .setInputFiles({ name: '参保名单.csv', mimeType: 'text/csv', buffer: file });
    await expect.poll(status, { timeout: 30_000 }).toBe('validated');
    const rejected = page.getByTestId('import-rejected').locator('tr.ant-table-row');
    await expect.poll(() => rejected.count()).toBe(1);
    const reason = await rejected.first().innerText();
    expect(reason).toContain('4');
    expect(reason).toContain('身份证号');
    expect(reason).toContain('校验位');

    await page.getByTestId('import-commit').click();
    await page.locator('.ant-popover .ant-btn-primary').click();
    await expect.poll(status, { timeout: 30_000 }).toBe('committed');
    expect(await page.getByTestId('import-done').innerText()).toContain('2');
    // The commit refreshes the coverage: both members are covered today.
    await expect.poll(covered, { timeout: 10_000 }).toBe(before + 2);
    const organizations = page.getByTestId('coverage-organizations');
    await expect.poll(() => organizations.innerText()).toContain(organization.name);
  });
});
