// The worker's /track page lists the case's sessions (China time, the place or the link, nothing
// internal), and the worker is warned of the deadlines to apply for arbitration in words meant for
// a worker: by SMS once per step (a month, a week, once passed), even after a failed mediation
// referred the worker to arbitration, and as a banner on /track. Staff keep their own reminders.
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeInput } from '../../contracts/disputes.js';
import type { WorkerView } from '../../contracts/disputes/public-views.js';
import { disputeClocksJob } from '../../server/modules/disputes/clocks-job.js';
import type { ReminderRunResult } from '../../server/modules/disputes/reminders.js';
import { outbox } from '../../server/modules/notifications/tables.js';
import { agent, createTestApp, type TestApp } from '../support/app.js';
import { lastCodeTo, nextAddress } from '../support/disputes.js';
import { newCase, newMediator, type LoggedIn, type NewCase, type Studio } from '../support/factories.js';

let t: TestApp;
let mediator: LoggedIn & { studio: Studio };

// Signed in on the last day the scenarios reach, so the sign-in outlives their moves back in time.
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  t.clock.now = new Date('2026-03-10T02:00:00Z');
  mediator = await newMediator(t);
});
afterAll(() => t.close());

/** 10:00 in China on `day`. */
const at = (day: string) => {
  t.clock.now = new Date(`${day}T02:00:00Z`);
};

/** The clocks job as the queue runs it. */
const runJob = async () =>
  (await disputeClocksJob.handler(
    t.deps,
    {},
    { jobId: crypto.randomUUID(), attempt: 1, signal: new AbortController().signal, progress: async () => undefined },
  )) as ReminderRunResult;

async function textsTo(c: NewCase, recipient: string): Promise<string[]> {
  const rows = await t.deps.db
    .select({ body: outbox.body })
    .from(outbox)
    .where(and(eq(outbox.topic, `dispute_case:${c.id}`), eq(outbox.recipient, recipient)))
    .orderBy(asc(outbox.createdAt));
  return rows.map((r) => r.body);
}

/** The worker's tracking session per case (codes are limited per phone): signed in once, while it lasts. */
const tokens = new Map<string, { token: string; until: number }>();

/** The worker's /track view as the phone reads it: case number, phone, texted code, then the case token. */
async function trackView(c: NewCase): Promise<WorkerView> {
  let held = tokens.get(c.id);
  if (!held || held.until <= t.clock.now.getTime()) {
    const remoteAddress = nextAddress();
    const payload = { caseNumber: c.caseNumber, phone: c.worker.phone };
    const inject = (url: string, body: object) => t.app.inject({ method: 'POST', url, payload: body, remoteAddress });
    expect((await inject('/api/public/disputes/track/request-code', payload)).statusCode).toBe(200);
    const code = await lastCodeTo(t, c.worker.phone);
    const verified = await inject('/api/public/disputes/track/verify', { caseNumber: c.caseNumber, code });
    expect(verified.statusCode, verified.body).toBe(200);
    held = { token: verified.json<{ caseToken: string }>().caseToken, until: t.clock.now.getTime() + 3_600_000 };
    tokens.set(c.id, held);
  }
  const res = await t.app.inject({
    method: 'GET',
    url: '/api/public/disputes/track',
    headers: { 'x-case-token': held.token },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<WorkerView>();
}

/** What a staff reminder says and a worker is never sent. */
const STAFF_WORDS = /请核实|提醒调解员|请立即处理|依据：|【提醒】|【今日到期】|【已逾期】|调解员可以/;

describe('the sessions on /track', () => {
  let c: NewCase;
  const MINUTES = '双方对欠薪数额基本无异议，包工头李某电话 13800009999，下次确认付款计划。';
  const LINK = 'https://meeting.tencent.com/dm/yz2025061301';

  beforeAll(async () => {
    c = await newCase(t, { day: '2025-06-09', stage: 'mediating', mediator });
    const schedule = async (body: object) => {
      const res = await mediator.post(`/api/disputes/${c.id}/sessions`, body);
      expect(res.statusCode, res.body).toBe(200);
    };
    await schedule({ mode: 'in_person', scheduledAt: '2025-06-05T06:30:00Z', location: '中山市总工会调解室 1' });
    await schedule({ mode: 'phone', scheduledAt: '2025-06-07T02:00:00Z' });
    await schedule({ mode: 'video', scheduledAt: '2025-06-12T16:30:00Z', meetingUrl: LINK });
    await schedule({ mode: 'in_person', scheduledAt: '2025-06-10T06:30:00Z', location: '中山市总工会调解室 2' });
    const detail = (await mediator.get(`/api/disputes/${c.id}`)).json<{
      sessions: { id: string; scheduledAt: string }[];
    }>();
    const first = detail.sessions.find((s) => s.scheduledAt.startsWith('2025-06-05'))!;
    const minutes = await mediator.post(`/api/disputes/${c.id}/sessions/${first.id}/minutes`, {
      minutes: MINUTES,
      heldAt: '2025-06-05T08:00:00Z',
    });
    expect(minutes.statusCode, minutes.body).toBe(200);
  });

  it('lists upcoming sessions first, soonest first, then held and past ones, in China time', async () => {
    const { sessions } = await trackView(c);
    expect(sessions.map((s) => [s.date, s.time, s.mode, s.status])).toEqual([
      ['2025-06-10', '14:30', 'in_person', 'upcoming'],
      // 16:30 UTC is half past midnight the next day in China.
      ['2025-06-13', '00:30', 'video', 'upcoming'],
      ['2025-06-07', '10:00', 'phone', 'past'],
      ['2025-06-05', '14:30', 'in_person', 'held'],
    ]);
    expect(sessions[0]!.location).toBe('中山市总工会调解室 2');
    expect(sessions[3]!.location).toBe('中山市总工会调解室 1');
    expect(sessions[2]).toMatchObject({ location: null, meetingUrl: null });
  });

  it('gives a video session its link, and the place only to a session in person', async () => {
    const video = (await trackView(c)).sessions.find((s) => s.mode === 'video')!;
    expect(video).toMatchObject({ meetingUrl: LINK, location: null, scheduledAt: '2025-06-12T16:30:00.000Z' });
  });

  it('shows nothing internal: no minutes, no ids, no reminder bookkeeping, no phone but the worker’s own masked', async () => {
    const view = await trackView(c);
    for (const s of view.sessions)
      expect(Object.keys(s).sort()).toEqual([
        'date',
        'location',
        'meetingUrl',
        'mode',
        'scheduledAt',
        'status',
        'time',
      ]);
    const body = JSON.stringify(view);
    expect(body).not.toContain('13800009999');
    expect(body).not.toContain('双方对欠薪数额');
    expect(body).not.toMatch(/minutes|reminderSentAt|heldAt|caseId/);
  });

  it('is for the worker with a verified code only, and shows that worker’s case alone', async () => {
    const anon = agent(t.app);
    expect((await anon.get('/api/public/disputes/track')).statusCode).toBe(401);
    const forged = await anon.request({
      method: 'GET',
      url: '/api/public/disputes/track',
      headers: { 'x-case-token': 'not-a-real-token' },
    });
    expect(forged.statusCode).toBe(401);
    const other = await newCase(t, { day: '2025-06-09', stage: 'consultation', mediator });
    expect((await trackView(other)).sessions).toEqual([]);
  });
});

/** Knew of the harm on 2025-03-01: the year runs out on Sunday 2026-03-01, so the last day is Monday 2026-03-02. */
const knewOfHarm = (kind: IntakeInput['kind']) => (base: IntakeInput) => ({
  ...base,
  kind,
  employment: { ...base.employment, endDate: '2025-12-31', harmKnownOn: '2025-03-01' },
});
const limitationTexts = (texts: string[]) => texts.filter((b) => b.includes('申请劳动仲裁'));

describe('the arbitration limitation, told to the worker (劳动争议调解仲裁法第二十七条)', () => {
  let c: NewCase;
  beforeAll(async () => {
    c = await newCase(t, {
      day: '2026-02-02',
      stage: 'consultation',
      mediator,
      intake: knewOfHarm('court_pre_filing'),
    });
  });

  it('a month before: one SMS in plain words with the last day moved off the Sunday, however often the job runs', async () => {
    at('2026-02-02');
    const first = await runJob();
    expect(first.workerWarnings).toBeGreaterThanOrEqual(1);
    await runJob();
    const texts = limitationTexts(await textsTo(c, c.worker.phone));
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain('申请劳动仲裁的最后一天是 2026-03-02（还有 28 天）');
    expect(texts[0]).toContain('劳动人事争议仲裁委员会申请仲裁');
    expect(texts[0]).toContain('可以问您的调解员');
    expect(texts[0]).not.toMatch(STAFF_WORDS);
  });

  it('a week before: one more, and the /track page shows the same warning with the last day', async () => {
    at('2026-02-24');
    await runJob();
    await runJob();
    const texts = limitationTexts(await textsTo(c, c.worker.phone));
    expect(texts).toHaveLength(2);
    expect(texts[1]).toContain('最后一天是 2026-03-02（还有 6 天）');
    const { warnings } = await trackView(c);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ clock: 'limitation', kind: 'near', dueOn: '2026-03-02', daysLeft: 6 });
    expect(texts[1]).toContain(warnings[0]!.text);
    expect(warnings[0]!.textEn).toContain('2026-03-02');
  });

  it('on the last day the mediator gets the staff reminder; the worker never gets staff wording', async () => {
    at('2026-03-02');
    await runJob();
    const staff = await textsTo(c, `account:${mediator.username}`);
    expect(staff.some((b) => b.includes('【今日到期】仲裁时效') && b.includes('依据：'))).toBe(true);
    const toWorker = await textsTo(c, c.worker.phone);
    expect(limitationTexts(toWorker)).toHaveLength(2);
    for (const body of toWorker) expect(body).not.toMatch(STAFF_WORDS);
  });
});

describe('after a failed mediation referred the worker to arbitration (第十四条第三款)', () => {
  let c: NewCase;
  beforeAll(async () => {
    c = await newCase(t, { day: '2026-02-02', stage: 'consultation', mediator, intake: knewOfHarm('union_mediation') });
  });

  it('the closed case still warns the worker, once per step, up to the day after the last one', async () => {
    // Fifteen days on, the union mediation ends without agreement: the job closes it and refers the worker.
    at('2026-02-18');
    expect((await runJob()).closedForDeadline).toBeGreaterThanOrEqual(1);
    const detail = (await mediator.get(`/api/disputes/${c.id}`)).json<{ stage: string; referral: string }>();
    expect(detail).toMatchObject({ stage: 'closed_failed', referral: 'arbitration' });
    expect(limitationTexts(await textsTo(c, c.worker.phone)).filter((b) => b.includes('还有 12 天'))).toHaveLength(1);

    at('2026-03-03');
    await runJob();
    await runJob();
    const overdue = (await textsTo(c, c.worker.phone)).filter((b) => b.includes('已于 2026-03-02 届满'));
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toContain('期限可能重新计算');
    expect(overdue[0]).toContain('劳动人事争议仲裁委员会');
    expect(overdue[0]).not.toMatch(STAFF_WORDS);
    // No staff reminder of a closed case.
    expect((await textsTo(c, `account:${mediator.username}`)).some((b) => b.includes('仲裁时效'))).toBe(false);
  });

  it('the /track page of the closed case shows the deadline as passed', async () => {
    at('2026-03-03');
    const { warnings, stage } = await trackView(c);
    expect(stage).toBe('closed_failed');
    expect(warnings[0]).toMatchObject({ clock: 'limitation', kind: 'overdue', dueOn: '2026-03-02', daysLeft: -1 });
  });
});
