import crypto from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FieldCipher } from '../../server/core/crypto.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { constructionIntake } from '../support/disputes.js';
import {
  FACTORY_PASSWORD,
  newAccount,
  newCase,
  newJudge,
  newMediator,
  newStudio,
  uniquePhone,
  uniqueResidentId,
  type Studio,
} from '../support/factories.js';
import { login, startInstance, tryLogin, type Instance, type Session } from './instances.js';

// Three app instances (separate processes) on one PostgreSQL database behave like one: the
// sign-in lockout counts across them, and concurrent intakes and rulings spread over them get
// unique, consecutive numbers. The test's own in-process app (createTestApp) makes the fresh
// database and the accounts; the instances serve everything else over HTTP from 127.0.0.1.

const URL_SET = !!process.env.TEST_DATABASE_URL;
const KEY = crypto.randomBytes(32).toString('base64');

let t: TestApp;
let instances: Instance[] = [];
let studio: Studio;

describe.skipIf(!URL_SET)('several instances on one PostgreSQL', () => {
  beforeAll(async () => {
    t = await createTestApp({ demoScale: null });
    // The instances share one encryption key; the setup app writes with the same one.
    t.deps.cipher = new FieldCipher(Buffer.from(KEY, 'base64'));
    studio = await newStudio(t, { caseNumberPrefix: '多实例' });
    const url = (t.database.db as unknown as { $client: pg.Pool }).$client.options.connectionString!;
    const env = { DATABASE_URL: url, YIZHAN_ENCRYPTION_KEY: KEY, REMINDER_INTERVAL_MINUTES: '0' };
    instances = await Promise.all(['one', 'two', 'three'].map((name) => startInstance(name, env)));
  });

  afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    await t?.close();
  });

  it('locks the sign-in after 5 failures spread over the three instances', async () => {
    const account = await newAccount(t, { role: 'union_staff' });
    // Every request comes from 127.0.0.1 (no TRUST_PROXY): one account+address bucket.
    for (let i = 0; i < 5; i++) {
      const r = await tryLogin(instances[i % 3]!, account.username, `wrong-${i}-pw`);
      expect(r.status, `${instances[i % 3]!.name}: ${r.message}`).toBe(401);
      expect(r.message).toBe('用户名或密码错误');
    }
    // Now even the right password is refused, on every instance, with the time to wait.
    for (const instance of instances) {
      const r = await tryLogin(instance, account.username, FACTORY_PASSWORD);
      expect(r.status, instance.name).toBe(401);
      expect(r.message).toMatch(/15 分钟/);
      expect(r.messageEn).toMatch(/15 minute/);
    }
  });

  it('gives 200 concurrent intakes spread over the three 200 distinct consecutive case numbers', async () => {
    const mediator = await newMediator(t, { studio });
    const sessions: Session[] = await Promise.all(instances.map((i) => login(i, mediator.username, FACTORY_PASSWORD)));
    const story = constructionIntake(t, { courtId: studio.court.id });
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const body = { ...story, worker: { ...story.worker, phone: uniquePhone(), residentId: uniqueResidentId() } };
        const res = await sessions[i % 3]!.post('/api/disputes', body);
        return { status: res.status, body: (await res.json()) as { caseNumber?: string; message?: string } };
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    const failed = answers.filter((a) => a.status !== 200);
    expect(failed.slice(0, 3), `${failed.length} intakes failed`).toEqual([]);
    const numbers = answers.map((a) => a.body.caseNumber!);
    expect(new Set(numbers).size).toBe(200);
    const seqs = numbers.map((n) => Number(/〔\d{4}〕(\d+)号$/.exec(n)![1])).sort((a, b) => a - b);
    expect(seqs[199]! - seqs[0]!).toBe(199);
    expect(seqs[0]).toBe(1);
    console.log(`200 intakes over 3 instances: ${seconds.toFixed(1)} s (${(200 / seconds).toFixed(0)}/s)`);
  });

  it('gives concurrent rulings spread over the three distinct consecutive ruling numbers', async () => {
    const mediator = await newMediator(t, { studio });
    const judge = await newJudge(t, { court: studio.court });
    const cases = [];
    for (let i = 0; i < 9; i++) cases.push(await newCase(t, { stage: 'confirmation_applied', mediator, judge }));
    const sessions = await Promise.all(instances.map((i) => login(i, judge.username, FACTORY_PASSWORD)));
    const answers = await Promise.all(
      cases.map(async (c, i) => {
        const s = sessions[i % 3]!;
        const { version } = (await (await s.get(`/api/disputes/${c.id}`)).json()) as { version: number };
        const payload = { action: 'issue_ruling', payload: {}, version, review: REVIEW_OK };
        const res = await s.post(`/api/disputes/${c.id}/actions`, payload);
        return { status: res.status, text: await res.text() };
      }),
    );
    expect(answers.filter((a) => a.status !== 200).map((a) => a.text)).toEqual([]);
    const numbers = answers.map((a) => /（\d{4}）[^"]*?民特(\d+)号/.exec(a.text)?.[1]).map(Number);
    expect(new Set(numbers).size).toBe(9);
    expect(numbers.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('keeps serving when one instance is killed (SIGKILL) and another stopped (SIGTERM)', async () => {
    const [one, two, three] = instances as [Instance, Instance, Instance];
    await three.kill();
    expect(await three.exited).toBeNull();
    expect(await two.stop()).toBe(0);
    const mediator = await newMediator(t, { studio });
    const session = await login(one, mediator.username, FACTORY_PASSWORD);
    const story = constructionIntake(t, { courtId: studio.court.id });
    const res = await session.post('/api/disputes', {
      ...story,
      worker: { ...story.worker, residentId: uniqueResidentId() },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(((await res.json()) as { caseNumber: string }).caseNumber).toMatch(/^多实例〔\d{4}〕\d{6}号$/);
  });

  // TODO(lead, after wiring checkEncryptionKey into server/main.ts): start a fourth instance with
  // another YIZHAN_ENCRYPTION_KEY and assert it exits before listening, naming the key.
  it.todo('refuses to start an instance whose encryption key differs from the one the database holds');

  // TODO(jobs runner, lead): once pg-boss runs the dispute clocks job, start the instances with a
  // short schedule and assert one clocks run per tick across the three (count the runs pg-boss
  // records, or the audit rows the job writes for one fixed tick).
  it.todo('runs the dispute clocks job once per tick across the three instances');

  // TODO(messages dispatcher, lead): point SMS_PROVIDER at a local signed-webhook peer (see the
  // notifications tests), queue messages through intake on all three, and assert the peer got
  // each message exactly once.
  it.todo('sends every SMS once, whichever instance dispatches it');

  // TODO(jobs runner, lead): queue a long job (one with ctx.progress steps and a pause), wait
  // until one instance reports it running, `await thatInstance.kill()` (SIGKILL, no shutdown
  // code), and assert another instance finishes it once after expireInSeconds (set it short).
  it.todo('finishes once on another instance a job whose instance was killed with SIGKILL mid-run');
});

const REVIEW_OK = {
  violates_mandatory_law: false,
  harms_state_public_or_third_party: false,
  offends_public_order: false,
  not_voluntary: false,
  content_unclear: false,
};
