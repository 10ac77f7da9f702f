import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addYears, timeInChina, todayInChina } from '../../contracts/dates.js';
import type { TestApp } from '../support/app.js';
import { lastCodeTo } from '../support/disputes.js';
import { newCase, type NewCase } from '../support/factories.js';
import { ensureWebBuilt, launchChromium, startServer } from './support.js';

// The worker on a 375 px phone: signs in to /track, uploads a photo of a pay slip and sees it
// listed; a file that is no picture is refused in words; the signed agreement is offered as a PDF.
// The next session shows in China time with its link, and a near arbitration deadline as a banner.

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let phone: Page;
let c: NewCase;

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2219bc30000000049454e44ae426082',
  'hex',
);
const scrollWidth = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth);

beforeAll(async () => {
  ensureWebBuilt();
  ({ t, baseUrl } = await startServer({ demoScale: null }));
  c = await newCase(t, { stage: 'agreement_signed' });
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 375, height: 740 },
    locale: 'zh-CN',
    timezoneId: 'Europe/London',
    hasTouch: true,
    acceptDownloads: true,
  });
  phone = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('/track: the worker’s files on the phone', () => {
  it('uploads a photo at 375 px and sees it listed; the agreement can be downloaded, no ruling yet', async () => {
    await phone.goto(`${baseUrl}/track`);
    await phone.getByTestId('track-case-number').fill(c.caseNumber);
    await phone.getByTestId('track-phone').fill(c.worker.phone);
    await phone.getByTestId('track-request-code').click();
    await phone.getByTestId('track-code-sent').waitFor();
    await phone.getByTestId('track-code').fill((await lastCodeTo(t, c.worker.phone))!);
    await phone.getByTestId('track-verify').click();
    await phone.getByTestId('track-evidence').waitFor();
    expect(await phone.getByTestId('track-evidence').innerText()).toContain('您还没有上传证据');

    // The camera or a photo: the input offers both, the server judges the bytes.
    const input = phone.locator('[data-testid="track-evidence"] input[type="file"]');
    expect(await input.getAttribute('accept')).toBe('image/*,application/pdf');
    await input.setInputFiles({ name: '五月工资条.png', mimeType: 'image/png', buffer: PNG });
    await phone.getByTestId('track-evidence-item').filter({ hasText: '五月工资条.png' }).waitFor();
    expect(await phone.getByTestId('track-evidence-item').count()).toBe(1);
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(375);

    await input.setInputFiles({ name: '照片.png', mimeType: 'image/png', buffer: Buffer.from('not a picture at all') });
    await phone.getByTestId('track-upload-error').waitFor();
    expect(await phone.getByTestId('track-upload-error').innerText()).toContain('文件名与内容不符');
    expect(await phone.getByTestId('track-evidence-item').count()).toBe(1);

    const detail = (await c.mediator.get(`/api/disputes/${c.id}`)).json<{ evidence: { uploadedBy: string }[] }>();
    expect(detail.evidence.map((e) => e.uploadedBy)).toEqual(['申请人']);

    expect(await phone.getByTestId('track-download-ruling').count()).toBe(0);
    const [download] = await Promise.all([
      phone.waitForEvent('download'),
      phone.getByTestId('track-download-agreement').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`调解协议书-${c.caseNumber}.pdf`);
    await phone.screenshot({ path: '/tmp/yz-track-files.png', fullPage: true });
  });

  it('shows the next session in China time with its link, and the arbitration deadline as a banner, at 375 px', async () => {
    // Knew of the harm a year ago less ten days: the last day to apply for arbitration is near.
    const harmKnownOn = addDays(addYears(todayInChina(t.clock.now), -1), 10);
    const near = await newCase(t, {
      stage: 'mediating',
      intake: (base) => ({ ...base, employment: { ...base.employment, endDate: null, harmKnownOn } }),
    });
    const startsAt = new Date(t.clock.now.getTime() + 2 * 86_400_000);
    const scheduled = await near.mediator.post(`/api/disputes/${near.id}/sessions`, {
      mode: 'video',
      scheduledAt: startsAt.toISOString(),
      meetingUrl: 'https://meeting.example.cn/j/8801',
    });
    expect(scheduled.statusCode, scheduled.body).toBe(200);

    const page = await phone.context().newPage();
    await page.goto(`${baseUrl}/track`);
    await page.getByTestId('track-case-number').fill(near.caseNumber);
    await page.getByTestId('track-phone').fill(near.worker.phone);
    await page.getByTestId('track-request-code').click();
    await page.getByTestId('track-code-sent').waitFor();
    await page.getByTestId('track-code').fill((await lastCodeTo(t, near.worker.phone))!);
    await page.getByTestId('track-verify').click();

    const banner = page.getByTestId('track-warning-limitation');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('申请劳动仲裁的最后一天是');
    const session = page.getByTestId('track-session');
    expect(await session.count()).toBe(1);
    // The phone is set to London time: the session still reads in China time.
    const [day, time] = timeInChina(startsAt).split('T');
    const text = await session.innerText();
    expect(text).toContain(`${day}`);
    expect(text).toContain(`${time}`);
    expect(text).toContain('视频调解');
    expect(await page.getByTestId('track-session-link').getAttribute('href')).toBe('https://meeting.example.cn/j/8801');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: '/tmp/yz-track-sessions.png', fullPage: true });
  });
});
