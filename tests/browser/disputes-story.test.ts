import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildResidentId } from '../../server/core/identifiers/resident-id.js';
import { employers } from '../../server/modules/employers/tables.js';
import { DEMO_PASSWORD, type TestApp } from '../support/app.js';
import { pdfText, squash } from '../../server/modules/disputes/documents/test-support.js';
import { choose, ensureWebBuilt, launchChromium, runAction, signIn, startServer } from './support.js';

// The seed's story in the browser: a construction worker's crew boss owes him a year of wages and
// has vanished; the studio registers the oral application, names the general contractor (条例第三十六条),
// the contractor accepts and signs by its link, the worker signs on the phone with SMS codes, the court
// confirms, the money is paid. The server runs on the real clock, so every date is relative to today.

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let staff: BrowserContext;
let page: Page;
let phoneContext: BrowserContext;
let caseId = '';
let caseNumber = '';
let employerLink = '';
let contractor: { name: string; uscc: string };

const WORKER_PHONE = '13912340001';
const chinaDay = (offsetDays = 0) =>
  new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const settle = (p: Page = page) => p.waitForTimeout(400);
const scrollWidth = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth);
const stage = (s: string) => page.locator(`[data-testid="case-page"][data-stage="${s}"]`).waitFor();

beforeAll(async () => {
  ensureWebBuilt();
  ({ t, baseUrl } = await startServer());
  browser = await launchChromium();
  staff = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Europe/London',
  });
  page = await staff.newPage();
  phoneContext = await browser.newContext({
    viewport: { width: 375, height: 740 },
    locale: 'zh-CN',
    timezoneId: 'Europe/London',
    hasTouch: true,
  });
  // The demo employer account's company plays the general contractor.
  const [row] = await t.deps.db
    .select()
    .from(employers)
    .where(eq(employers.id, t.ids!.employerIds.get('anchor-employer')!));
  contractor = { name: row!.name, uscc: row!.uscc };
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** One action of the case page (by default the mediator's). */
const act = (action: string, nextStage: string | null, fill?: () => Promise<void>, p: Page = page) =>
  runAction(p, action, nextStage, fill);

/**
 * The latest SMS code sent to the worker for this purpose, read on the demo phone (the demo has
 * no SMS gateway); the mediator's outbox shows the code hidden.
 */
async function latestCode(purpose: string): Promise<string> {
  const staffView = (await (await page.request.get(`${baseUrl}/api/disputes/${caseId}/outbox`)).json()).items as {
    body: string;
  }[];
  expect(staffView.filter((m) => m.body.includes(purpose)).every((m) => m.body.includes('验证码 ******'))).toBe(true);
  const res = await page.request.get(`${baseUrl}/api/public/demo-phone?to=${WORKER_PHONE}`);
  expect(res.status()).toBe(200);
  const sms = ((await res.json()).items as { body: string }[]).find((m) => m.body.includes(purpose));
  return sms!.body.match(/验证码 (\d{6})/)![1]!;
}

describe('the seed story in the browser', () => {
  it('registers the oral application of a construction worker at the counter', async () => {
    await signIn(page, baseUrl, 'zs_mediator', DEMO_PASSWORD);
    await page.getByTestId('menu-disputes').click();
    await page.getByTestId('case-table').waitFor();
    await page.getByTestId('dispute-create').click();
    await page.waitForURL(`${baseUrl}/disputes/new`);
    await page.getByTestId('intake-form').waitFor();

    await choose(page, 'intake-court', '中山市第一人民法院');
    expect(await page.getByTestId('intake-oral').isChecked()).toBe(true);
    await page.getByTestId('intake-worker-name').fill('宋建军');
    await page.getByTestId('intake-worker-phone').fill(WORKER_PHONE);
    await page
      .getByTestId('intake-worker-id')
      .fill(buildResidentId({ regionCode: '361102', birthDate: '1982-04-18', sequence: 31 }));
    await page.getByTestId('intake-hire-date').fill(chinaDay(-400));
    await page.getByTestId('intake-end-date').fill(chinaDay(-20));
    // Unpaid for a year, the worker quit: a resignation over the employer's fault (劳动合同法第三十八条).
    await choose(page, 'intake-leaving-reason', '劳动者因用人单位过错被迫解除（第三十八条）');
    await choose(page, 'intake-art38-reason', '克扣或无故拖欠工资');
    await page.getByTestId('intake-monthly-wage').fill('7000');
    await page.getByTestId('intake-claim-0').getByTestId('intake-claim-amount').fill('84,000');
    await expect.poll(() => page.getByTestId('intake-claim-total').innerText()).toContain('84,000.00');

    // The hiring chain: developer → general contractor → crew boss, who hired the worker and vanished.
    await page.getByTestId('intake-is-construction').click();
    await page.getByTestId('party-typical').click();
    await page.getByTestId('party-0-name').fill('中山市翠亨置业有限公司');
    await page.getByTestId('party-1-name').fill(contractor.name);
    await page.getByTestId('party-1-uscc').fill(contractor.uscc);
    await page.getByTestId('party-1-phone').fill('13800002222');
    await page.getByTestId('party-1-email').fill('hr@huayu.example.cn');
    await page.getByTestId('party-1-service-address').fill('中山市东区中山四路 88 号');
    // One list: the crew boss is the chain's hiring party, not a second employer typed above.
    await page.getByTestId('intake-employer-in-chain').waitFor();
    await page.getByTestId('party-2-name').fill('李某（包工头）');
    await page.getByTestId('intake-boss-reachable').getByText('否').click();
    const preview = page.getByTestId('intake-liability-preview');
    await expect.poll(() => preview.innerText()).toContain(contractor.name);
    expect(await preview.innerText()).toContain('第三十六条');
    await page
      .getByTestId('intake-narrative')
      .fill('申请人在某住宅项目做钢筋工一年多，包工头李某拖欠劳务费后失联，申请人多次找中间承包人、发包人均无果。');
    await page.screenshot({ path: '/tmp/yz-disputes-intake.png', fullPage: true });

    await page.getByTestId('intake-submit').click();
    await page.waitForURL(/\/disputes\/[0-9a-f-]{36}$/);
    caseId = page.url().split('/').pop()!;
    await stage('intake');
    caseNumber = await page.getByTestId('case-number').innerText();
    expect(caseNumber).toMatch(/^粤中工调〔\d{4}〕\d{6}号$/);
    expect(await page.getByTestId('liability-party').innerText()).toBe(contractor.name);
    expect(await page.getByTestId('liability-basis').innerText()).toContain('第三十六条');
    expect(await page.getByTestId('case-respondent').innerText()).toBe(contractor.name);
    const contact = page.getByTestId('clock-contact');
    expect(await contact.getByTestId('clock-basis').innerText()).toContain('在线调解规则');
    expect(await contact.getAttribute('data-status')).toBe('running');
    // A pre-filing case: the rule of online mediation, not the studio's service standard.
    expect(await contact.getByTestId('clock-service-standard').count()).toBe(0);
    expect(await page.getByTestId('clock-mediation').getByTestId('clock-basis').innerText()).toContain('特邀调解');
  });

  it('runs the analysis and contacts the contractor, whose answer link goes out by SMS and e-mail', async () => {
    await page.getByTestId('analysis-run').click();
    await page.getByTestId('analysis-item-double_wage_no_contract').waitFor();
    expect(await page.getByTestId('analysis-total').innerText()).toMatch(/^[\d,]+\.\d{2} 元$/);
    expect(await page.getByTestId('analysis-item-double_wage_no_contract').innerText()).toContain(
      '劳动合同法第八十二条',
    );
    // the reason for leaving recorded at intake: economic compensation under art. 46(1)
    expect(await page.getByTestId('analysis-item-economic_compensation').innerText()).toContain(
      '劳动合同法第四十六条第一项',
    );

    // Evidence: a PDF goes into the case file and opens from it.
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    await page
      .getByTestId('evidence-panel')
      .locator('input[type="file"]')
      .setInputFiles({ name: '工友证言.pdf', mimeType: 'application/pdf', buffer: pdf });
    const item = page.getByTestId('evidence-item').filter({ hasText: '工友证言.pdf' });
    await item.waitFor();
    const opened = await page.request.get(`${baseUrl}${await item.getByRole('link').getAttribute('href')}`);
    expect(opened.headers()['content-type']).toContain('application/pdf');

    await act('start_consultation', 'consultation');
    await act('record_consent', null, async () => {
      await page.getByTestId('action-party').getByText('职工').click();
    });
    await page.locator('[data-testid="event-item"][data-action="record_consent"]').waitFor();
    await act('contact_employer', 'employer_contacted', async () => {
      await choose(page, 'action-channel', '短信');
    });
    // The mediator sees that the link went out, but not the link itself.
    await page.getByTestId('outbox-panel').getByText('/e/******').first().waitFor();
    expect(await page.getByTestId('outbox-panel').innerText()).toContain('hr@huayu.example.cn');
    // The contractor's phone (the demo phone) has the real link.
    const phone = await phoneContext.newPage();
    await phone.goto(`${baseUrl}/demo/phone?to=13800002222`);
    const link = phone.getByTestId('phone-link').filter({ hasText: '/e/' }).first();
    await link.waitFor();
    employerLink = (await link.innerText()).replace(/^https?:\/\/[^/]+/, baseUrl);
    await phone.close();
    expect(await page.getByTestId('doc-negotiation-proposal-pdf').isDisabled()).toBe(false);
    expect(await page.getByTestId('doc-civil-ruling-pdf').isDisabled()).toBe(true);
    await settle();
    await page.screenshot({ path: '/tmp/yz-disputes-case-contacted.png', fullPage: true });
  });

  it('lets the contractor accept mediation on its phone without an account', async () => {
    const employer = await phoneContext.newPage();
    await employer.goto(employerLink);
    await employer.getByTestId('employer-page').waitFor();
    expect(await employer.getByTestId('employer-case-number').innerText()).toBe(caseNumber);
    expect(await employer.getByTestId('employer-liability').innerText()).toContain('第三十六条');
    expect(await employer.getByTestId('user-menu').count()).toBe(0);
    expect(await scrollWidth(employer)).toBeLessThanOrEqual(375);
    await employer.screenshot({ path: '/tmp/yz-disputes-employer-link.png', fullPage: true });
    await employer.getByTestId('employer-accept').click();
    await employer.getByTestId('employer-answered').waitFor();
    await employer.close();

    await page.reload();
    await stage('consented');
  });

  it('holds an in-person session with minutes and signs the agreement as mediator, with the seal', async () => {
    await act('start_mediation', 'mediating');
    await page.getByTestId('session-schedule').click();
    await page.getByTestId('session-at').fill(`${chinaDay(1)}T10:00`);
    await page.getByTestId('session-location').fill('中山市法院诉讼服务中心调解室 3');
    await page.getByTestId('session-form-save').click();
    await page.getByTestId('session-0').waitFor();
    await page.getByTestId('session-0-minutes').click();
    await page.getByTestId('minutes-text').fill('总承包单位同意先行垫付拖欠的劳务费 84,000 元，分两期支付。');
    await page.getByTestId('minutes-form-save').click();
    await expect.poll(() => page.getByTestId('session-0').innerText()).toContain('垫付');

    await act('set_agreement_terms', null, async () => {
      await page.getByTestId('instalment-0').getByTestId('instalment-due').fill(chinaDay(10));
      await page.getByTestId('instalment-0').getByTestId('instalment-amount').fill('50000');
      await page.getByTestId('instalment-add').click();
      await page.getByTestId('instalment-1').getByTestId('instalment-due').fill(chinaDay(40));
      await page.getByTestId('instalment-1').getByTestId('instalment-amount').fill('34000');
      await page.getByTestId('terms-summary').fill('总承包单位垫付拖欠劳务费，分两期支付');
    });
    await act('sign_agreement', null, async () => {
      expect(await page.getByTestId('terms-being-signed').innerText()).toContain('84,000.00');
      await page.getByTestId('terms-seal').click();
      await settle();
      await page.screenshot({ path: '/tmp/yz-disputes-sign.png' });
    });
    await page.locator('[data-testid="signature-mediator"][data-signed="true"]').waitFor();
    expect(await page.getByTestId('agreement-total').innerText()).toBe('84,000.00 元');
    expect(await page.locator('[data-testid="payments-table"] tr.ant-table-row').count()).toBe(2);
  });

  it('has the contractor sign by its link and the worker sign on the phone with an SMS code', async () => {
    const employer = await phoneContext.newPage();
    await employer.goto(employerLink);
    expect(await employer.getByTestId('employer-page').getAttribute('data-link-state')).toBe('sign');
    // The contractor signs in a person's name, with the code texted to its registered phone.
    await employer.getByTestId('employer-signer-name').fill('周经理');
    await employer.getByTestId('employer-get-code').click();
    // The code is in the outbox once the page says where it went (the request is answered).
    await employer.getByText('验证码已发送至贵方登记的手机 138****2222').waitFor();
    const inbox = await page.request.get(`${baseUrl}/api/public/demo-phone?to=13800002222`);
    const codeSms = ((await inbox.json()).items as { body: string }[]).find((m) => m.body.includes('代表'));
    await employer.getByTestId('employer-sign-code').fill(codeSms!.body.match(/验证码 (\d{6})/)![1]!);
    await employer.getByTestId('employer-sign').click();
    await employer.getByTestId('employer-sign-ok').click();
    await employer.getByTestId('employer-signed').waitFor();
    expect(await employer.getByTestId('employer-page').getAttribute('data-link-state')).toBe('signed');
    await employer.close();

    const worker = await phoneContext.newPage();
    await worker.goto(`${baseUrl}/track`);
    await worker.getByTestId('track-title').waitFor();
    expect(await scrollWidth(worker)).toBeLessThanOrEqual(375);
    await worker.getByTestId('track-case-number').fill(caseNumber);
    await worker.getByTestId('track-phone').fill(WORKER_PHONE);
    await worker.getByTestId('track-request-code').click();
    await worker.getByTestId('track-code-sent').waitFor();
    await worker.getByTestId('track-code').fill(await latestCode('查询案件进度'));
    await worker.getByTestId('track-verify').click();
    await worker.getByTestId('track-case').waitFor();
    expect(await worker.getByTestId('track-current-step').innerText()).toBe('调解中');
    expect(await worker.getByTestId('track-steps').innerText()).toContain('调解有期限');
    expect(await worker.getByTestId('track-clock-mediation').innerText()).toContain('特邀调解');
    expect(await worker.getByTestId('track-agreement').innerText()).toContain('84,000.00 元');
    expect(await worker.evaluate(() => sessionStorage.getItem('yz_case_token'))).toBeTruthy();
    expect(await scrollWidth(worker)).toBeLessThanOrEqual(375);
    await settle(worker);
    await worker.screenshot({ path: '/tmp/yz-disputes-track.png', fullPage: true });

    await worker.getByTestId('track-sign-start').click();
    await worker.getByTestId('track-sign-code').waitFor();
    await worker.getByTestId('track-sign-code').fill(await latestCode('确认签署'));
    await worker.getByTestId('track-sign-confirm').click();
    await worker.locator('[data-testid="track-case"][data-stage="agreement_signed"]').waitFor();
    expect(await worker.getByTestId('track-current-step').innerText()).toBe('达成协议');
    await worker.screenshot({ path: '/tmp/yz-disputes-track-signed.png', fullPage: true });
    await worker.close();

    await page.reload();
    await stage('agreement_signed');
    expect(await page.getByTestId('doc-mediation-agreement-pdf').isDisabled()).toBe(false);
    // The agreement's signatories are those who signed, and how: the contractor by link and code, in 周经理's name.
    const agreementPdf = await page.request.get(
      `${baseUrl}/api/disputes/${caseId}/documents/mediation-agreement?format=pdf`,
    );
    const agreement = (await pdfText(await agreementPdf.body())).flat;
    expect(agreement).toContain(squash(`被申请人（施工总承包单位）：${contractor.name}`));
    expect(agreement).toContain(squash('送达地址中山市东区中山四路 88 号'));
    expect(agreement).toContain(squash('经调解链接及短信验证码电子签署），签署人周经理'));
    expect(agreement).toContain(squash('宋建军（经短信验证码电子签署）'));
    expect(agreement).not.toContain(squash('李某（包工头）'));
  });

  it('applies jointly for judicial confirmation; the judge rules from the queue', async () => {
    await act('apply_confirmation', 'confirmation_applied', async () => {
      for (const m of ['agreement', 'identityProofs', 'contactDetails', 'mediationProof'])
        await page.getByTestId(`material-${m}`).click();
    });

    const court = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Europe/London',
    });
    const judge = await court.newPage();
    await signIn(judge, baseUrl, 'zs_judge', DEMO_PASSWORD);
    await judge.getByTestId('menu-disputesQueue').click();
    const row = judge.locator('[data-testid="queue-table"] tr.ant-table-row').filter({ hasText: caseNumber });
    await row.waitFor();
    await row.getByRole('link', { name: caseNumber }).click();
    await judge.locator('[data-testid="case-page"][data-stage="confirmation_applied"]').waitFor();
    expect(await judge.getByTestId('action-refuse_confirmation').isVisible()).toBe(true);
    // The judge answers every refusal ground; none applies, so the agreement is confirmed.
    await act(
      'issue_ruling',
      'ruling_issued',
      async () => {
        for (const g of [
          'violates_mandatory_law',
          'harms_state_public_or_third_party',
          'offends_public_order',
          'not_voluntary',
          'content_unclear',
        ])
          await judge.getByTestId(`review-${g}-no`).click();
        await judge.getByTestId('action-clerk-name').fill('林晓雯');
        await judge.screenshot({ path: '/tmp/yz-disputes-ruling.png' });
      },
      judge,
    );
    expect(await judge.getByTestId('confirmation-review').innerText()).toContain('违背公序良俗：不存在');
    expect(await judge.getByTestId('ruling-no').innerText()).toMatch(/^（\d{4}）粤2071民特\d+号$/);
    expect(await judge.getByTestId('doc-civil-ruling-pdf').isDisabled()).toBe(false);
    const pdf = await judge.request.get(`${baseUrl}/api/disputes/${caseId}/documents/civil-ruling?format=pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    // The ruling names the judge and the clerk, and the parties that applied: the contractor, not the crew boss.
    const ruling = (await pdfText(await pdf.body())).flat;
    expect(ruling).toContain(squash('书记员林晓雯'));
    expect(ruling).toMatch(/审判员[^＿]{2,4}/);
    expect(ruling).toContain(squash(contractor.name));
    expect(ruling).not.toContain(squash('李某（包工头）'));
    const application = await judge.request.get(
      `${baseUrl}/api/disputes/${caseId}/documents/confirmation-application?format=pdf`,
    );
    const applied = (await pdfText(await application.body())).flat;
    expect(applied).toContain(squash(`申请人（施工总承包单位）：${contractor.name}`));
    expect(applied).toContain(squash('中山市东区中山四路 88 号'));
    expect(applied).toContain(squash(`申请人${contractor.name}的营业执照副本复印件一份`));
    expect(applied).not.toContain(squash('李某（包工头）'));
    await court.close();
  });

  it('records the payments and closes the case as performed', async () => {
    await page.reload();
    await stage('ruling_issued');
    await act('record_payment', null, async () => {
      expect(await page.getByTestId('payment-amount').inputValue()).toBe('50000');
    });
    await expect
      .poll(() => page.locator('[data-testid="payments-table"] tr.ant-table-row').first().innerText())
      .toContain(chinaDay());
    await act('record_payment', null, async () => {
      expect(await page.getByTestId('payment-amount').inputValue()).toBe('34000');
    });
    await act('mark_performed', 'performed', async () => {
      await page.getByTestId('action-worker-confirmed').click();
    });
    expect(await page.getByTestId('case-stage').innerText()).toBe('履行完毕');
    expect(await page.getByTestId('clocks-panel').innerText()).toContain('民事诉讼法');
    await settle();
    await page.screenshot({ path: '/tmp/yz-disputes-case.png', fullPage: true });
    await page
      .getByTestId('case-page')
      .locator('.ant-card')
      .first()
      .screenshot({ path: '/tmp/yz-disputes-case-header.png' });
    await page.getByTestId('agreement-panel').screenshot({ path: '/tmp/yz-disputes-agreement.png' });
    await page.getByTestId('notices-panel').screenshot({ path: '/tmp/yz-disputes-notices.png' });

    // In English: stage, deadlines and their statutes follow the language switch.
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('case-stage').innerText()).toBe('Performed');
    expect(await page.getByTestId('clocks-panel').innerText()).toContain('Civil Procedure Law');
    expect(await page.getByTestId('liability-basis').innerText()).toContain(
      'Regulations on Ensuring Payment of Wages to Migrant Workers (保障农民工工资支付条例) art. 36',
    );
    await page.getByTestId('clocks-panel').screenshot({ path: '/tmp/yz-disputes-clocks-en.png' });
    // The log says how each party acted in English, their names as written.
    const log = await page.getByTestId('events-panel').innerText();
    expect(log).toContain(`周经理 (for ${contractor.name}, signed by link with a code)`);
    expect(log).toContain(`${contractor.name} (by link)`);
    expect(log).toContain('宋建军 (signed with a code sent to the phone)');
    expect(log).not.toMatch(/（(链接|手机验证码签署)）/);
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('case-stage').innerText()).toBe('履行完毕');
  });

  it('finds the case in the list by its number, and lists cases near a deadline', async () => {
    await page.getByTestId('menu-disputes').click();
    await page.getByTestId('case-search').fill(caseNumber);
    await page.getByTestId('case-search-submit').click();
    const rows = page.locator('[data-testid="case-table"] tr.ant-table-row');
    // Performed cases are not open: the open-only filter hides it, unticking shows it.
    await page.getByText('仅在办').click();
    await page.getByTestId('case-search-submit').click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('履行完毕');
    // The search is kept in the address: a reload, and Back from another tab, bring the same list.
    const searched = new URL(page.url());
    expect(searched.searchParams.get('q')).toBe(caseNumber);
    expect(searched.searchParams.get('open')).toBe('false');
    await page.reload();
    await rows.first().waitFor();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await page.getByTestId('case-search').inputValue()).toBe(caseNumber);
    await page.getByTestId('tab-at-risk').click();
    await page.waitForURL(`${baseUrl}/disputes/at-risk`);
    await page.getByTestId('case-table').waitFor();
    await page.locator('[data-testid="case-table"] .ant-spin-spinning').waitFor({ state: 'detached' });
    await page.screenshot({ path: '/tmp/yz-disputes-at-risk.png' });
    await page.goBack();
    await page.waitForURL(searched.toString());
    await rows.first().waitFor();
    await expect.poll(() => page.getByTestId('case-search').inputValue()).toBe(caseNumber);
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('履行完毕');
  });

  it('shows the statistics with a chart and exports them', async () => {
    await page.getByTestId('menu-disputesStats').click();
    await page.getByTestId('stat-received').waitFor();
    await page.locator('canvas').first().waitFor();
    expect(Number((await page.getByTestId('stat-succeeded').innerText()).replace(/\D/g, ''))).toBeGreaterThan(0);
    await page.getByTestId('dim-claim_type').click();
    await expect.poll(() => page.getByTestId('stats-table').innerText()).toContain('拖欠工资');
    await page.waitForTimeout(1500); // the chart animates in
    await page.screenshot({ path: '/tmp/yz-disputes-stats.png', fullPage: true });
    const xlsx = await page.request.get(`${baseUrl}/api/disputes/stats.xlsx`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
  });

  it('takes an online application from a worker on a phone, in plain words', async () => {
    const worker = await phoneContext.newPage();
    await worker.goto(`${baseUrl}/apply`);
    await worker.getByTestId('apply-title').waitFor();
    expect(await worker.getByTestId('public-sign-in').isVisible()).toBe(true);
    await worker.getByTestId('apply-next').click();
    await worker.locator('.ant-form-item-explain-error').first().waitFor();
    await worker.getByTestId('apply-name').fill('王小军');
    await worker.getByTestId('apply-phone').fill('13912340002');
    await worker.getByTestId('apply-next').click();
    await worker.getByTestId('apply-studio-442000').click();
    await worker.getByTestId('apply-on-site-yes').click();
    await worker.getByTestId('apply-hired-by-boss').click();
    await worker.getByTestId('apply-employer-name').fill('张某');
    await worker.getByTestId('apply-boss-reachable-no').click();
    await worker.getByTestId('apply-contractor').fill(contractor.name);
    expect(await scrollWidth(worker)).toBeLessThanOrEqual(375);
    await settle(worker);
    await worker.screenshot({ path: '/tmp/yz-disputes-apply.png', fullPage: true });
    await worker.getByTestId('apply-next').click();
    await worker.getByTestId('apply-hire-date').fill(chinaDay(-200));
    await worker.getByTestId('apply-end-date').fill(chinaDay(-10));
    await worker.getByTestId('apply-wage').fill('6500');
    await worker.getByTestId('apply-contract-no').click();
    await worker.getByTestId('apply-next').click();
    await worker.getByTestId('apply-claim-wage_arrears').click();
    await worker.getByTestId('apply-amount-wage_arrears').fill('19500');
    await worker.getByTestId('apply-narrative').fill('包工头张某拖欠三个月工资后联系不上。');
    expect(await scrollWidth(worker)).toBeLessThanOrEqual(375);
    await worker.getByTestId('apply-next').click();
    await worker.getByTestId('apply-case-number').waitFor();
    expect(await worker.getByTestId('apply-case-number').innerText()).toMatch(/^粤中工调〔\d{4}〕\d{6}号/);
    expect(await scrollWidth(worker)).toBeLessThanOrEqual(375);
    await worker.screenshot({ path: '/tmp/yz-disputes-apply-done.png', fullPage: true });
    await worker.close();
  });
});
