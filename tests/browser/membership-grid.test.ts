import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organiser } from '../../contracts/membership/grid.js';
import type { TestApp } from '../support/app.js';
import { FACTORY_PASSWORD, newAccount, type LoggedIn } from '../support/factories.js';
import { GOLMUD, HAIXI, newUnionOrganization } from '../support/membership.js';
import { ensureWebBuilt, launchChromium, newDeskPage, signIn, startServer } from './support.js';

// The grid on screen: an organiser on a 375 px phone sees their joining QR, logs a visit with a
// photo and finds it in their list; the prefecture's staff see it on the board and download the
// workbook with it.

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let staff: LoggedIn;
let organiserAccount: LoggedIn;
let organiser: Organiser;

/** A 1×1 PNG: the smallest real photo. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  ensureWebBuilt();
  ({ t, baseUrl } = await startServer({ demoScale: null }));
  staff = await newAccount(t, { role: 'union_staff', regionCode: HAIXI });
  organiserAccount = await newAccount(t, { role: 'union_organiser', regionCode: GOLMUD });
  const organization = await newUnionOrganization(t, { regionCode: GOLMUD, name: '格尔木市快递员工会联合会' });
  const res = await staff.post('/api/membership/grid/organisers', {
    name: '韩组织员',
    organizationId: organization.id,
    accountId: organiserAccount.id,
  });
  expect(res.statusCode, res.body).toBe(200);
  organiser = res.json<Organiser>();
  const area = await staff.post('/api/membership/grid/areas', {
    name: '格尔木昆仑经济区',
    kind: 'regions',
    items: [GOLMUD],
    organizationId: organization.id,
    organiserId: organiser.id,
  });
  expect(area.statusCode, area.body).toBe(200);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the grid on screen', () => {
  it('an organiser on a phone logs a visit with a photo and sees it listed', async () => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 740 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      hasTouch: true,
      isMobile: true,
    });
    const phone: Page = await context.newPage();
    await signIn(phone, baseUrl, organiserAccount.username, FACTORY_PASSWORD);
    await phone.goto(`${baseUrl}/my-organising`);
    const qr = phone.getByTestId('my-qr');
    await qr.waitFor();
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    expect(await phone.getByTestId('my-link-url').innerText()).toContain(`?o=${organiser.code}`);

    await phone.getByTestId('visit-place').fill('格尔木市昆仑路顺丰营业部');
    await phone.getByTestId('visit-met').fill('8');
    await phone.getByTestId('visit-sites').locator('input').fill('顺丰速运');
    await phone.keyboard.press('Enter');
    await phone.getByTestId('visit-photos').setInputFiles({ name: 'IMG_0001.png', mimeType: 'image/png', buffer: PNG });
    await phone.getByTestId('visit-photo-chosen').waitFor();
    await phone.getByTestId('visit-save').click();

    const item = phone.getByTestId('my-visit').filter({ hasText: '格尔木市昆仑路顺丰营业部' });
    await item.waitFor();
    expect(await item.innerText()).toContain('见到 8 人');
    expect(await item.innerText()).toContain('顺丰速运');
    const photo = item.getByTestId('my-visit-photo');
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    // The visit's own QR carries the organiser and the visit, so joins made there are credited to it.
    await item.getByTestId('my-visit-qr-toggle').click();
    const link = (await item.getByTestId('my-visit-qr').getAttribute('data-link'))!;
    expect(link).toMatch(/\/join\/[^?]+\?o=[A-Z0-9]+&v=[0-9a-f-]{36}$/);
    const joining = await context.newPage();
    await joining.goto(link.replace(/^https?:\/\/[^/]+/, baseUrl));
    await expect.poll(() => joining.getByTestId('join-organiser').innerText()).toContain(organiser.name);
    await joining.close();
    await expect
      .poll(() => phone.getByTestId('my-figures').getByTestId('figure-workersMet').innerText())
      .toContain('8');
    // Nothing runs off the side of the phone.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await phone.screenshot({ path: '/tmp/yz-membership-organiser.png', fullPage: true });
    // A photo taken by mistake comes off with a tap and a confirmation.
    await photo.click();
    await phone.locator('.ant-popconfirm-buttons .ant-btn-dangerous').click();
    await expect.poll(() => item.getByTestId('my-visit-photo').count()).toBe(0);
    await context.close();
  });

  it('the staff see the visit on the board and download the workbook with it', async () => {
    const desk = await newDeskPage(browser);
    await signIn(desk, baseUrl, staff.username, FACTORY_PASSWORD);
    await desk.goto(`${baseUrl}/membership/grid`);
    const board = desk.getByTestId('grid-board');
    const areaRow = board.locator('tr', { hasText: '格尔木昆仑经济区' });
    await areaRow.waitFor();
    expect(await areaRow.innerText()).toContain('韩组织员');
    await expect.poll(() => areaRow.innerText()).toMatch(/\b8\b/);
    const league = desk.getByTestId('grid-league');
    expect(await league.locator('tr', { hasText: '韩组织员' }).innerText()).toContain('格尔木市快递员工会联合会');

    const download = desk.waitForEvent('download');
    await desk.getByTestId('grid-xlsx').click();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await (await download).path());
    const rows = book.getWorksheet('网格 Areas')!.getSheetValues().filter(Boolean) as unknown[][];
    // area, kind, organiser, visits, workers met
    expect(rows.find((r) => r.includes('格尔木昆仑经济区'))!.slice(1, 6)).toEqual([
      '格尔木昆仑经济区',
      '行政区域',
      '韩组织员',
      1,
      8,
    ]);

    // Another period: the figures answer for those days (none of the visit), and back to this month.
    await desk.getByTestId('grid-from').fill('2020-01-01');
    await desk.getByTestId('grid-to').fill('2020-01-31');
    await desk.getByTestId('grid-apply').click();
    await expect.poll(() => desk.getByTestId('grid-period').innerText()).toContain('2020-01-01');
    await expect.poll(() => areaRow.innerText()).not.toMatch(/\b8\b/);
    await desk.getByTestId('grid-reset').click();
    await expect.poll(() => areaRow.innerText()).toMatch(/\b8\b/);

    await desk.getByTestId('grid-tab-organisers').click();
    await desk.getByTestId('organisers-table').locator('tr', { hasText: organiser.code }).waitFor();
    await desk.screenshot({ path: '/tmp/yz-membership-grid.png', fullPage: true });
    await desk.context().close();
  });
});
