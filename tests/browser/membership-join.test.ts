import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberCard } from '../../contracts/membership/api.js';
import type { Organization } from '../../contracts/organizations.js';
import { loginAs, type Agent, type TestApp } from '../support/app.js';
import { uniquePhone, uniqueResidentId } from '../support/factories.js';
import { GOLMUD, HAIXI, memberCodeTo } from '../support/membership.js';
import { allowNames, closeModal, expectEnglish } from './english-support.js';
import { choose, ensureWebBuilt, launchChromium, newDeskPage, signIn, startServer } from './support.js';

// A courier on a 375 px phone opens a Haixi joint union's joining link, asks for the texted code
// and applies; the union's staff approve it in the queue at a desk; the courier's member card
// opens on the phone without another code. Later the courier applies at a Golmud union, is offered
// a transfer of the membership, accepts it with the phone's session, and once approved the card
// names the new union and the history holds both stays. The pages also read in English.

const FIRST = { name: '海西州新就业形态劳动者联合工会', code: 'HX-JOIN' };
const SECOND = { name: '格尔木市快递行业工会', code: 'GLM-EXPRESS' };
const STAFF = { username: 'hx_union_staff', password: 'Haixi-Union-2026' };
const ORGANISER = { username: 'hx_join_organiser', password: 'Haixi-Organiser-2026' };
let organiserCode = '';
const courier = {
  name: '韩小快',
  phone: uniquePhone(),
  residentId: uniqueResidentId({ regionCode: GOLMUD, birthYear: 1994 }),
};
/** The same ID with its check character changed: the server refuses it. */
const badResidentId = `${courier.residentId.slice(0, 17)}${courier.residentId[17] === '0' ? '1' : '0'}`;

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let phone: Page;
let desk: Page;
let admin: Agent;
let memberNo = '';

const scrollWidth = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth);

/** The form item holding the field with this test id: its error text, once shown. */
const fieldError = (p: Page, testId: string) =>
  p.locator('.ant-form-item', { has: p.getByTestId(testId) }).locator('.ant-form-item-explain-error');

async function newUnion(body: { name: string; code: string; kind: string; regionCode: string }) {
  const res = await admin.post('/api/organizations', { ...body, chairName: '马主席', approverAccountId: null });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Organization>();
}

/** The card as the phone's kept session opens it (what its QR encodes, for the staff's check). */
async function cardOfPhone(): Promise<MemberCard> {
  const stored = await phone.evaluate(() => localStorage.getItem('yz_member_session'));
  const { token } = JSON.parse(stored ?? '{}') as { token?: string };
  const res = await t.app.inject({
    method: 'GET',
    url: '/api/public/membership/card',
    headers: { 'x-member-token': token ?? '' },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<MemberCard>();
}

/** The staff's queue, searched for the courier's pending applications. */
async function openQueue() {
  await desk.goto(`${baseUrl}/membership`);
  await desk.getByTestId('queue-q').fill(courier.name);
  await desk.getByTestId('queue-search').click();
  const row = desk.locator('[data-testid="applications-table"] tr.ant-table-row', { hasText: courier.name });
  await row.waitFor();
  expect(await row.count()).toBe(1);
  return row;
}

/** The courier's form, filled as a rider would (the code left to the caller). */
async function fillJoinForm(residentId: string) {
  await phone.getByTestId('join-name').fill(courier.name);
  await phone.getByTestId('join-phone').fill(courier.phone);
  await phone.getByTestId('join-resident-id').fill(residentId);
  await choose(phone, 'join-occupation', '快递员');
  await phone.getByTestId('join-employer').fill('顺丰');
  await phone.getByTestId('join-consent').check();
}

beforeAll(async () => {
  ensureWebBuilt();
  ({ t, baseUrl } = await startServer());
  admin = await loginAs(t.app, 'admin');
  const first = await newUnion({ ...FIRST, kind: 'joint', regionCode: HAIXI });
  await newUnion({ ...SECOND, kind: 'industry', regionCode: GOLMUD });
  // Nobody of the demo covers Haixi: its union staff, who decide for both unions (no approver named).
  const staff = await admin.post('/api/accounts', {
    ...STAFF,
    displayName: '海西州工会审批员',
    roles: ['union_staff'],
    regionCode: HAIXI,
  });
  expect(staff.statusCode, staff.body).toBe(200);
  // The organiser whose QR the courier scans: an account to sign in with, and their record.
  const account = await admin.post('/api/accounts', {
    ...ORGANISER,
    displayName: '韩永福',
    roles: ['union_organiser'],
    regionCode: HAIXI,
  });
  expect(account.statusCode, account.body).toBe(200);
  const created = await admin.post('/api/membership/grid/organisers', {
    name: '韩永福',
    organizationId: first.id,
    accountId: account.json<{ id: string }>().id,
  });
  expect(created.statusCode, created.body).toBe(200);
  organiserCode = created.json<{ code: string }>().code;
  allowNames(FIRST.name, SECOND.name, courier.name);
  browser = await launchChromium();
  const phoneContext = await browser.newContext({
    viewport: { width: 375, height: 740 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    hasTouch: true,
  });
  phone = await phoneContext.newPage();
  desk = await newDeskPage(browser);
  await signIn(desk, baseUrl, STAFF.username, STAFF.password);
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('joining from a union’s link', () => {
  it('takes a courier’s application on a 375 px phone, the ID’s typing slip shown on its field', async () => {
    // The organiser's QR: the union's code and the organiser's.
    await phone.goto(`${baseUrl}/join/${FIRST.code.toLowerCase()}?o=${organiserCode}`);
    expect(await phone.getByTestId('join-union-name').innerText()).toBe(FIRST.name);
    expect(await phone.getByTestId('join-organiser').innerText()).toContain('韩永福');
    await fillJoinForm(badResidentId);
    await phone.getByTestId('join-request-code').click();
    await expect.poll(() => memberCodeTo(t, courier.phone).catch(() => null)).toMatch(/^\d{6}$/);
    // The button counts down the wait before another code.
    // (The code is in the outbox when the server commits, a moment before the page hears back.)
    await expect.poll(() => phone.getByTestId('join-request-code').isDisabled()).toBe(true);
    await phone.getByTestId('join-code').fill(await memberCodeTo(t, courier.phone));
    await phone.screenshot({ path: '/tmp/yz-membership-join.png', fullPage: true });
    await phone.getByTestId('join-submit').click();
    // The server checks the ID before it spends the code: the same code works once the ID is fixed.
    await fieldError(phone, 'join-resident-id').waitFor();
    expect(await fieldError(phone, 'join-resident-id').innerText()).toMatch(/身份证/);
    await phone.getByTestId('join-resident-id').fill(courier.residentId);
    await phone.getByTestId('join-submit').click();
    await phone.getByTestId('join-result').waitFor();
    expect(await phone.getByTestId('join-application-no').innerText()).toMatch(/^RH\d{8}-\d{5}$/);
    expect(await phone.getByTestId('join-result').innerText()).toContain('短信');
    await phone.screenshot({ path: '/tmp/yz-membership-sent.png', fullPage: true });
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(375);
  });

  it('shows the application in the staff’s queue with the ID masked, and approves it there', async () => {
    const row = await openQueue();
    const text = await row.innerText();
    await desk.screenshot({ path: '/tmp/yz-membership-queue.png', fullPage: true });
    expect(text).toContain(FIRST.name);
    expect(text).toContain(`${courier.residentId.slice(0, 4)}**********${courier.residentId.slice(-4)}`);
    expect(text).not.toContain(courier.residentId);
    expect(text).toContain('1994-');
    // Ticked and approved with the bulk action: the answer counts it.
    await row.locator('.ant-checkbox-input').check();
    await desk.getByTestId('approve-selected').click();
    await desk.getByTestId('approve-selected-confirm').click();
    await desk.getByTestId('bulk-answer').waitFor();
    expect(await desk.getByTestId('bulk-answer').innerText()).toContain('已批准 1 条');
    await expect.poll(() => row.count()).toBe(0);
  });

  it('counts the join to the organiser whose QR it came from', async () => {
    const organiserPhone = await browser.newPage({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' });
    try {
      await signIn(organiserPhone, baseUrl, ORGANISER.username, ORGANISER.password);
      await organiserPhone.goto(`${baseUrl}/my-organising`);
      const figure = (key: string) =>
        organiserPhone.getByTestId('my-figures').getByTestId(`figure-${key}`).locator('.ant-statistic-content-value');
      await expect.poll(() => figure('joined').innerText(), { timeout: 15_000 }).toBe('1');
      expect(await figure('applications').innerText()).toBe('1');
    } finally {
      await organiserPhone.close();
    }
  });

  it('opens the member card on the phone without another code', async () => {
    await phone.goto(`${baseUrl}/member-card`);
    await phone.getByTestId('member-card').waitFor();
    memberNo = await phone.getByTestId('member-no').innerText();
    expect(memberNo).toMatch(new RegExp(`^${HAIXI}\\d{10}$`));
    expect(await phone.getByTestId('member-card-org').innerText()).toBe(FIRST.name);
    expect(await phone.getByTestId('member-card-qr').locator('svg').count()).toBe(1);
    expect(await phone.locator('[data-testid="member-application"][data-status="approved"]').count()).toBe(1);
    expect(await phone.getByTestId('member-stay').count()).toBe(1);
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(375);
  });
});

describe('moving the membership to another union', () => {
  it('offers the member a transfer, accepted with the phone’s session instead of a code', async () => {
    await phone.goto(`${baseUrl}/join/${SECOND.code}`);
    expect(await phone.getByTestId('join-union-name').innerText()).toBe(SECOND.name);
    await fillJoinForm(courier.residentId);
    // The phone proved its number when it applied: no code asked for.
    expect(await phone.locator('.ant-form-item', { has: phone.getByTestId('join-code') }).innerText()).toContain(
      '不用再填验证码',
    );
    await phone.getByTestId('join-submit').click();
    await phone.getByTestId('transfer-offer').waitFor();
    const offer = await phone.getByTestId('transfer-offer-text').innerText();
    expect(offer).toContain(FIRST.name);
    expect(offer).toContain(SECOND.name);
    await phone.screenshot({ path: '/tmp/yz-membership-transfer.png', fullPage: true });
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(375);
    await phone.getByTestId('transfer-accept').click();
    await phone.getByTestId('join-result').waitFor();
    expect(await phone.getByTestId('join-result').innerText()).toContain('转会');
  });

  it('is approved by the staff one row at a time, the row naming where the member comes from', async () => {
    const row = await openQueue();
    expect(await row.getByTestId('application-from').innerText()).toContain(FIRST.name);
    await row.getByTestId('application-approve').click();
    await desk.getByTestId('approve-confirm').click();
    await expect.poll(() => row.count()).toBe(0);
  });

  it('shows the new union on the card, the same member number, and both stays', async () => {
    await phone.goto(`${baseUrl}/member-card`);
    await phone.getByTestId('member-card').waitFor();
    expect(await phone.getByTestId('member-card-org').innerText()).toBe(SECOND.name);
    expect(await phone.getByTestId('member-no').innerText()).toBe(memberNo);
    const stays = phone.getByTestId('member-stay');
    expect(await stays.count()).toBe(2);
    expect(await stays.nth(0).getAttribute('data-status')).toBe('transferred');
    expect(await stays.nth(0).innerText()).toContain(FIRST.name);
    expect(await stays.nth(1).getAttribute('data-status')).toBe('active');
    await phone.screenshot({ path: '/tmp/yz-membership-card.png', fullPage: true });
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(375);
  });
});

describe('the register', () => {
  it('lists the member with both stays, keeps a field at its version, and checks the card', async () => {
    await desk.goto(`${baseUrl}/membership/members`);
    await desk.getByTestId('members-q').fill(courier.name);
    await desk.getByTestId('members-search').click();
    // A row per stay: the member now, at the second union (the first stay ended in the transfer).
    const row = desk.locator('[data-testid="members-table"] tr.ant-table-row', { hasText: SECOND.name });
    await row.waitFor();
    await row.getByTestId('member-open').click();
    const drawer = desk.getByTestId('member-drawer');
    await drawer.waitFor();
    expect(await desk.getByTestId('member-history-table').locator('tr.ant-table-row').count()).toBe(2);
    await desk.screenshot({ path: '/tmp/yz-membership-member.png', fullPage: true });
    const version = Number(await drawer.getAttribute('data-version'));
    await desk.getByTestId('member-post').fill('快递员');
    await desk.getByTestId('member-save').click();
    await desk.locator(`[data-testid="member-drawer"][data-version="${version + 1}"]`).waitFor();
    await desk.locator('.ant-drawer-close').click();
    // What the card's QR holds, as a scanner types it into the box.
    const { card } = await cardOfPhone();
    await desk.getByTestId('verify-card-input').locator('input').fill(card!.cardCode);
    await desk.getByTestId('verify-card-input').locator('input').press('Enter');
    const result = desk.getByTestId('verify-card-result');
    await result.waitFor();
    expect(await result.getAttribute('data-valid')).toBe('true');
    expect(await result.innerText()).toContain(memberNo);
  });
});

describe('the organizations list', () => {
  it('shows each union’s joining code as a link to its joining page, and the code in the form', async () => {
    await desk.goto(`${baseUrl}/organizations`);
    const link = desk.locator(`a[href="/join/${FIRST.code}"]`);
    await link.waitFor();
    expect(await link.innerText()).toBe(FIRST.code);
    const row = desk.locator('tr.ant-table-row', { has: link });
    await row.getByTestId('row-edit').click();
    expect(await desk.getByTestId('organization-code').inputValue()).toBe(FIRST.code);
    expect(await desk.getByTestId('organization-chair').inputValue()).toBe('马主席');
    await closeModal(desk);
  });
});

describe('in English', () => {
  it('shows the server’s refusal of a field in the language chosen, also after switching', async () => {
    await phone.goto(`${baseUrl}/join/${FIRST.code}`);
    await fillJoinForm(badResidentId);
    await phone.getByTestId('join-submit').click();
    await fieldError(phone, 'join-resident-id').waitFor();
    expect(await fieldError(phone, 'join-resident-id').innerText()).toMatch(/\p{Script=Han}/u);
    await phone.getByTestId('lang-switch').click();
    await expect.poll(() => fieldError(phone, 'join-resident-id').innerText()).not.toMatch(/\p{Script=Han}/u);
    await expectEnglish(phone, 'the joining page');
    await phone.screenshot({ path: '/tmp/yz-membership-join-en.png', fullPage: true });
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(375);
  });

  it('reads the staff’s queue and register in English', async () => {
    await desk.goto(`${baseUrl}/membership`);
    await desk.getByTestId('applications-table').waitFor();
    await desk.getByTestId('lang-switch').click();
    await desk.getByTestId('queue-status').getByText('Awaiting approval').waitFor();
    await expectEnglish(desk, 'the approval queue');
    await desk.goto(`${baseUrl}/membership/members`);
    await desk.getByTestId('members-table').locator('tr.ant-table-row').first().waitFor();
    await expectEnglish(desk, 'the register');
    await desk
      .locator('[data-testid="members-table"] tr.ant-table-row', { hasText: SECOND.name })
      .getByTestId('member-open')
      .click();
    await desk.getByTestId('member-drawer').waitFor();
    await expectEnglish(desk, 'a member');
  });

  it('reads the member card in English', async () => {
    await phone.goto(`${baseUrl}/member-card`);
    await phone.getByTestId('member-card').waitFor();
    await expectEnglish(phone, 'the member card');
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(375);
  });
});
