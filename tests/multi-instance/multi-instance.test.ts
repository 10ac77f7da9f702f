import crypto from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
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
import { startWebhookPeer } from '../support/message-peers.js';
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
let gateway: Awaited<ReturnType<typeof startWebhookPeer>>;
/** How long the SMS gateway takes to answer; raised for the SIGKILL test. */
const gatewayTiming = { delayMs: 0 };
let env: Record<string, string> = {};
const GATEWAY_SECRET = 'multi-instance-gateway-secret';

describe.skipIf(!URL_SET)('several instances on one PostgreSQL', () => {
  beforeAll(async () => {
    gateway = await startWebhookPeer(GATEWAY_SECRET, gatewayTiming);
    // Every process that may dispatch (the three instances and this test's own app) sends SMS
    // through the same signed gateway, so the gateway sees every message whoever sends it.
    const sms = { SMS_PROVIDER: 'webhook', SMS_WEBHOOK_URL: gateway.url, SMS_WEBHOOK_SECRET: GATEWAY_SECRET };
    t = await createTestApp({ demoScale: null, env: sms });
    // This process only sets up and checks: the three instances do every background job.
    await t.jobs.stop();
    // The instances share one encryption key; the setup app writes with the same one.
    t.deps.cipher = new FieldCipher(Buffer.from(KEY, 'base64'));
    studio = await newStudio(t, { caseNumberPrefix: '多实例' });
    const url = (t.database.db as unknown as { $client: pg.Pool }).$client.options.connectionString!;
    env = {
      DATABASE_URL: url,
      YIZHAN_ENCRYPTION_KEY: KEY,
      ...sms,
      // The clocks job every minute; a claim of 8 messages whose lease (8 ÷ 8 lanes × 5 s + 30 s)
      // runs out 35 s after its instance died, so the SIGKILL test need not wait minutes.
      DISPUTE_CLOCKS_CRON: '* * * * *',
      MESSAGE_LEASE_SECONDS: '10',
      MESSAGE_DISPATCH_BATCH: '8',
      MESSAGE_SEND_TIMEOUT_MS: '5000',
    };
    instances = await Promise.all(['one', 'two', 'three'].map((name) => startInstance(name, env)));
  });

  afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    await t?.close();
    await gateway?.close();
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

  it('sends every SMS of those intakes once, whichever instance dispatches it', async () => {
    const sms = await waitForSms((rows) => rows.every((r) => r.status === 'sent'), 60_000);
    expect(sms.length).toBeGreaterThanOrEqual(200);
    const ids = gateway.received.map((m) => m.messageId);
    expect(new Set(ids).size, 'one delivery per message').toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(sms.map((r) => r.id)));
    expect(gateway.refused).toEqual([]);
  });

  it('runs the dispute clocks job once per tick across the three instances', async () => {
    // Instances schedule `* * * * *`; each has kept the schedule since it started.
    const runs = await waitFor(async () => {
      const rows = await clockRuns();
      return rows.some((r) => r.state === 'completed') ? rows : null;
    }, 80_000);
    const perMinute = new Map<string, number>();
    for (const r of runs) perMinute.set(r.minute, (perMinute.get(r.minute) ?? 0) + 1);
    expect(
      [...perMinute.values()].every((n) => n === 1),
      JSON.stringify([...perMinute]),
    ).toBe(true);
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

  it('refuses to start an instance whose encryption key differs from the one the database holds', async () => {
    const other = crypto.randomBytes(32).toString('base64');
    const start = startInstance('wrong-key', { ...env, YIZHAN_ENCRYPTION_KEY: other }, { readyTimeoutMs: 60_000 });
    await expect(start).rejects.toThrow(/exited before it was ready[\s\S]*(密钥|key)/i);
  });

  it('finishes on another instance, once, the sending an instance was doing when it was killed (SIGKILL)', async () => {
    // Only `one` is left (the test above stopped the others): it alone claims the next messages.
    const one = instances[0]!;
    const mediator = await newMediator(t, { studio });
    const session = await login(one, mediator.username, FACTORY_PASSWORD);
    gatewayTiming.delayMs = 4000;
    const before = new Set((await smsRows()).map((r) => r.id));
    const story = constructionIntake(t, { courtId: studio.court.id });
    for (let i = 0; i < 12; i++) {
      const body = { ...story, worker: { ...story.worker, phone: uniquePhone(), residentId: uniqueResidentId() } };
      expect((await session.post('/api/disputes', body)).status).toBe(200);
    }
    const fresh = async () => (await smsRows()).filter((r) => !before.has(r.id));
    // Wait until `one` is in the middle of sending (the gateway holds its requests), then kill it.
    await waitFor(async () => ((await fresh()).some((r) => r.status === 'sending') ? true : null), 30_000);
    const inFlight = (await fresh()).filter((r) => r.status === 'sending').map((r) => r.id);
    await one.kill();
    gatewayTiming.delayMs = 0;
    // A new instance takes the claimed messages over once their lease has run out.
    const four = await startInstance('four', env);
    instances.push(four);
    const done = await waitFor(async () => {
      const rows = await fresh();
      return rows.length === 12 && rows.every((r) => r.status === 'sent') ? rows : null;
    }, 150_000);
    const got = gateway.received.map((m) => m.messageId).filter((id) => !before.has(id));
    expect(new Set(got)).toEqual(new Set(done.map((r) => r.id)));
    // At least once: only a message the gateway already had when its sender died comes twice.
    const twice = got.filter((id, i) => got.indexOf(id) !== i);
    expect(
      twice.every((id) => inFlight.includes(id)),
      `${twice.length} repeats`,
    ).toBe(true);
    // Each message is recorded sent once, by the instance that finished it.
    const sentAttempts = await rowsOf<{ id: string; n: number }>(
      sql`SELECT message_id AS id, count(*)::int AS n FROM notification_attempts
          WHERE status = 'ok' AND message_id IN ${sql.raw(`('${done.map((r) => r.id).join("','")}')`)}
          GROUP BY message_id`,
    );
    expect(sentAttempts.length).toBe(12);
    expect(sentAttempts.every((r) => r.n === 1)).toBe(true);
  }, 200_000);
});

const REVIEW_OK = {
  violates_mandatory_law: false,
  harms_state_public_or_third_party: false,
  offends_public_order: false,
  not_voluntary: false,
  content_unclear: false,
};

async function smsByStatus(): Promise<string> {
  const rows = await rowsOf<{ status: string; n: number; err: string | null }>(
    sql`SELECT status, count(*)::int AS n, max(last_error) AS err FROM notification_outbox GROUP BY status`,
  );
  return JSON.stringify(rows);
}

async function smsRows(): Promise<{ id: string; status: string }[]> {
  return rowsOf(sql`SELECT id::text, status FROM notification_outbox WHERE channel = 'sms' ORDER BY created_at`);
}

async function waitForSms(done: (rows: { id: string; status: string }[]) => boolean, timeoutMs: number) {
  return waitFor(async () => {
    const rows = await smsRows();
    return rows.length && done(rows) ? rows : null;
  }, timeoutMs);
}

/** The clocks job's runs as pg-boss keeps them (live and archived), with the minute each was sent for. */
async function clockRuns(): Promise<{ state: string; minute: string }[]> {
  const q = (table: string) =>
    sql.raw(`SELECT state::text, to_char(date_trunc('minute', created_on), 'YYYY-MM-DD HH24:MI') AS minute
             FROM pgboss.${table} WHERE name = 'disputes.clocks'`);
  return [
    ...(await rowsOf<{ state: string; minute: string }>(q('job'))),
    ...(await rowsOf<{ state: string; minute: string }>(q('archive'))),
  ];
}

async function rowsOf<T>(query: SQL): Promise<T[]> {
  const result: unknown = await t.database.db.execute(query);
  return (result as { rows: T[] }).rows;
}

async function waitFor<T>(probe: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting; messages by status: ${await smsByStatus()}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
