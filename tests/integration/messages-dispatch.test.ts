import { sql } from 'drizzle-orm';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchDue } from '../../server/modules/notifications/dispatcher.js';
import { startDispatchKicker } from '../../server/modules/notifications/kicker.js';
import { closeProviders } from '../../server/modules/notifications/providers/index.js';
import { tencentSmsProvider } from '../../server/modules/notifications/providers/tencent-sms.js';
import { OUTBOX_CHANNEL, outboxRepo } from '../../server/modules/notifications/repository.js';
import { notify, notifyCode, type Message } from '../../server/modules/notifications/service.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { startSmtpPeer, startTencentPeer, startWebhookPeer } from '../support/message-peers.js';

// The dispatcher against real local peers: an SMTP server, a Tencent Cloud SMS API that checks
// the TC3 signature itself, and a signed webhook gateway; on PGlite and on PostgreSQL.

const SECRET_ID = 'AKIDtestdispatcher0001';
const SECRET_KEY = 'tencent-secret-key-never-logged';
const SMTP_PASS = 'smtp-pass-never-logged';
const WEBHOOK_SECRET = 'webhook-secret-never-logged';

let seq = 0;
const phone = () => `139${String(Date.now() % 1e4).padStart(4, '0')}${String(++seq).padStart(4, '0')}`;

async function write(t: TestApp, message: Message) {
  await t.deps.db.transaction((tx) => notify(tx, message));
  const [row] = await outboxRepo.latestTo(t.deps.db, message.recipient, 1);
  return row!.id;
}
const byId = async (t: TestApp, id: string) => (await outboxRepo.byId(t.deps.db, id))!;
const later = (t: TestApp, seconds: number) => {
  t.clock.now = new Date(t.clock.now.getTime() + seconds * 1000);
};
const notice = (to: string, caseNumber = 'C-1') =>
  ({
    channel: 'sms',
    recipient: to,
    template: 'dispute.case_notice',
    variables: { caseNumber, message: '调解员已受理' },
  }) as const;

describe('dispatching to SMTP and Tencent Cloud SMS', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  let sms: Awaited<ReturnType<typeof startTencentPeer>>;
  const log = new PassThrough();
  let logText = '';
  log.on('data', (c: Buffer) => (logText += c.toString()));

  beforeAll(async () => {
    smtp = await startSmtpPeer({ user: 'yizhan', pass: SMTP_PASS });
    sms = await startTencentPeer({ [SECRET_ID]: SECRET_KEY });
    t = await createTestApp({
      demoScale: null,
      logTo: log,
      env: {
        EMAIL_PROVIDER: 'smtp',
        SMTP_URL: smtp.url,
        SMTP_FROM: 'Yizhan <noreply@yizhan.example.org>',
        SMS_PROVIDER: 'tencent',
        TENCENTCLOUD_SECRET_ID: SECRET_ID,
        TENCENTCLOUD_SECRET_KEY: SECRET_KEY,
        TENCENT_SMS_SDK_APP_ID: '1400000001',
        TENCENT_SMS_SIGN_NAME: '一站',
        TENCENT_SMS_ENDPOINT: sms.url,
        TENCENT_SMS_TEMPLATES: 'dispute.case_notice=100001, dispute.worker_code=100002',
        MESSAGE_RETRY_BASE_SECONDS: '10',
        MESSAGE_MAX_ATTEMPTS: '3',
        MESSAGE_SEND_TIMEOUT_MS: '500',
      },
    });
  });
  afterAll(async () => {
    await closeProviders(t.deps.config);
    await t.close();
    await smtp.close();
    await sms.close();
  });

  it('sends an e-mail through the SMTP server, signed in, with its subject and text', async () => {
    const id = await write(t, {
      channel: 'email',
      recipient: 'hr@employer.example.com',
      template: 'dispute.case_notice_email',
      variables: { caseNumber: 'C-9', message: '请于三日内答复' },
    });
    const r = await dispatchDue(t.deps);
    expect(r.sent).toBe(1);
    const row = await byId(t, id);
    expect(row.status).toBe('sent');
    expect(row.provider).toBe('smtp');
    expect(row.sentAt).not.toBeNull();
    const mail = smtp.received.at(-1)!;
    expect(mail.to).toEqual(['hr@employer.example.com']);
    expect(mail.raw).toContain(`Message-ID: <${id}@yizhan.outbox>`);
    expect(smtp.logins()).toBeGreaterThan(0);
    const attempts = await outboxRepo.attemptsOf(t.deps.db, id);
    expect(attempts.map((a) => [a.attemptNo, a.status, a.provider])).toEqual([[1, 'ok', 'smtp']]);
  });

  it('retries a 450 after the backoff and gives up at once on a 550', async () => {
    smtp.plan('busy@employer.example.com', 'transient');
    smtp.plan('gone@employer.example.com', 'permanent');
    const busy = await write(t, { channel: 'email', recipient: 'busy@employer.example.com', subject: 's', body: 'b' });
    const gone = await write(t, { channel: 'email', recipient: 'gone@employer.example.com', subject: 's', body: 'b' });
    const first = await dispatchDue(t.deps);
    expect(first).toMatchObject({ retrying: 1, failed: 1 });
    expect((await byId(t, gone)).status).toBe('failed');
    expect((await byId(t, gone)).lastError).toMatch(/550/);
    const waiting = await byId(t, busy);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    expect(waiting.lastError).toMatch(/450/);
    // Not before the backoff (10 s for the first retry)…
    expect((await dispatchDue(t.deps)).claimed).toBe(0);
    later(t, 11);
    expect((await dispatchDue(t.deps)).sent).toBe(1);
    expect(await byId(t, busy)).toMatchObject({ status: 'sent', attempts: 2 });
    const attempts = await outboxRepo.attemptsOf(t.deps.db, busy);
    expect(attempts.map((a) => a.status)).toEqual(['transient', 'ok']);
  });

  it('sends SMS by template id and parameters, signed so that the peer accepts it', async () => {
    const to = phone();
    const id = await write(t, notice(to, 'C-2'));
    expect((await dispatchDue(t.deps)).sent).toBe(1);
    expect(sms.refused).toEqual([]);
    expect(sms.received.at(-1)).toEqual({
      phone: `+86${to}`,
      templateId: '100001',
      params: ['C-2', '调解员已受理'],
      signName: '一站',
      sdkAppId: '1400000001',
      sessionContext: id,
    });
    expect(await byId(t, id)).toMatchObject({
      status: 'sent',
      provider: 'tencent',
      providerMessageId: expect.stringMatching(/^sn-/),
    });
  });

  it('is refused by the peer when signed with another key (the peer checks the signature)', async () => {
    const forged = tencentSmsProvider(
      { ...t.deps.config.messages.tencent!, secretKey: 'not-the-right-secret-key' },
      1000,
    );
    const sent = forged.send(
      {
        id: '00000000-0000-4000-8000-000000000001',
        channel: 'sms',
        kind: 'notice',
        recipient: phone(),
        subject: null,
        body: 'x',
        template: 'dispute.case_notice',
        variables: { caseNumber: 'C-0', message: 'x' },
      },
      new AbortController().signal,
    );
    await expect(sent).rejects.toMatchObject({
      kind: 'permanent',
      message: expect.stringMatching(/^AuthFailure.SignatureFailure/),
    });
    expect(sms.refused).toEqual(['AuthFailure.SignatureFailure']);
    sms.refused.length = 0;
  });

  it('retries LimitExceeded and time-outs with a growing backoff, and fails after the limit', async () => {
    const limited = phone();
    const slow = phone();
    sms.plan(`+86${limited}`, 'transient');
    sms.plan(`+86${slow}`, 'timeout', 'timeout', 'timeout');
    const a = await write(t, notice(limited));
    const b = await write(t, notice(slow));
    expect(await dispatchDue(t.deps)).toMatchObject({ claimed: 2, retrying: 2 });
    expect((await byId(t, a)).lastError).toMatch(/LimitExceeded/);
    expect((await byId(t, b)).lastError).toBe('timed out');
    later(t, 11);
    expect(await dispatchDue(t.deps)).toMatchObject({ sent: 1, retrying: 1 });
    expect((await byId(t, a)).status).toBe('sent');
    // The second retry waits twice as long (20 s).
    later(t, 11);
    expect((await dispatchDue(t.deps)).claimed).toBe(0);
    later(t, 10);
    expect(await dispatchDue(t.deps)).toMatchObject({ failed: 1 });
    const gaveUp = await byId(t, b);
    expect(gaveUp).toMatchObject({ status: 'failed', attempts: 3, lastError: 'timed out' });
    const tries = await outboxRepo.attemptsOf(t.deps.db, b);
    expect(tries.map((x) => x.status)).toEqual(['transient', 'transient', 'transient']);
    expect(tries.every((x) => x.durationMs >= 400)).toBe(true);
  });

  it('fails at once on a wrong number, an unmapped template, or a recipient that is no phone', async () => {
    const wrong = phone();
    sms.plan(`+86${wrong}`, 'permanent');
    const a = await write(t, notice(wrong));
    const b = await write(t, {
      channel: 'sms',
      recipient: phone(),
      template: 'dispute.registered',
      variables: { caseNumber: 'C-3' },
    });
    const c = await write(t, { ...notice('（无联系方式）') });
    expect(await dispatchDue(t.deps)).toMatchObject({ failed: 3 });
    expect((await byId(t, a)).lastError).toMatch(/InvalidParameterValue.IncorrectPhoneNumber/);
    expect((await byId(t, b)).lastError).toMatch(/no Tencent template id for dispute.registered/);
    expect((await byId(t, c)).lastError).toBe('not a mobile number');
  });

  it('takes over a message whose sender died (its lease ran out) and sends it once', async () => {
    const to = phone();
    const id = await write(t, notice(to));
    // An instance claims it and dies before sending.
    const lease = t.deps.config.messages.leaseSeconds;
    await outboxRepo.claimDue(t.deps.db, t.clock.now, 100, new Date(t.clock.now.getTime() + lease * 1000));
    expect((await byId(t, id)).status).toBe('sending');
    expect((await dispatchDue(t.deps)).claimed).toBe(0);
    later(t, lease + 1);
    expect((await dispatchDue(t.deps)).sent).toBe(1);
    expect(await byId(t, id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(sms.received.filter((r) => r.sessionContext === id)).toHaveLength(1);
  });

  it('sends each message once when dispatchers run at the same time', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await write(t, notice(phone())));
    const runs = await Promise.all([1, 2, 3].map(() => dispatchDue(t.deps, { limit: 5 })));
    const again = await dispatchDue(t.deps);
    expect(runs.reduce((n, r) => n + r.sent, 0) + again.sent).toBe(12);
    for (const id of ids) expect(sms.received.filter((r) => r.sessionContext === id)).toHaveLength(1);
  });

  it('does not send what waited too long: a code after 10 minutes, a notice after MESSAGE_MAX_AGE_HOURS', async () => {
    const to = phone();
    await t.deps.db.transaction((tx) =>
      notifyCode(tx, t.deps, {
        channel: 'sms',
        recipient: to,
        template: 'dispute.worker_code',
        variables: { code: '123456', purpose: '查询案件进度', caseNumber: 'C-4' },
      }),
    );
    const id = (await outboxRepo.latestTo(t.deps.db, to, 1))[0]!.id;
    later(t, 11 * 60);
    expect((await dispatchDue(t.deps)).expired).toBe(1);
    expect(await byId(t, id)).toMatchObject({ status: 'failed', lastError: 'expired before it could be sent' });
  });

  it('never logs a secret, a code or a whole number', async () => {
    const to = phone();
    sms.plan(`+86${to}`, 'transient');
    await t.deps.db.transaction((tx) =>
      notifyCode(tx, t.deps, {
        channel: 'sms',
        recipient: to,
        template: 'dispute.worker_code',
        variables: { code: '987123', purpose: '查询案件进度', caseNumber: 'C-5' },
      }),
    );
    await dispatchDue(t.deps);
    later(t, 11);
    await dispatchDue(t.deps);
    expect(logText).toContain('message not sent');
    for (const secret of [SECRET_KEY, SMTP_PASS, '987123', to, 'hr@employer.example.com'])
      expect(logText).not.toContain(secret);
  });
});

describe('dispatching to a signed webhook gateway', () => {
  let t: TestApp;
  let hook: Awaited<ReturnType<typeof startWebhookPeer>>;
  beforeAll(async () => {
    hook = await startWebhookPeer(WEBHOOK_SECRET);
    t = await createTestApp({
      demoScale: null,
      env: {
        SMS_PROVIDER: 'webhook',
        SMS_WEBHOOK_URL: `${hook.url}/sms`,
        SMS_WEBHOOK_SECRET: WEBHOOK_SECRET,
        MESSAGE_RETRY_BASE_SECONDS: '5',
        MESSAGE_SEND_TIMEOUT_MS: '500',
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await hook.close();
  });

  it('posts the template, its parameters and the text, with an HMAC the gateway verifies', async () => {
    const to = phone();
    const id = await write(t, notice(to, 'C-6'));
    expect((await dispatchDue(t.deps)).sent).toBe(1);
    expect(hook.refused).toEqual([]);
    expect(hook.received.at(-1)).toEqual({
      to,
      template: 'dispute.case_notice',
      params: ['C-6', '调解员已受理'],
      text: '【一站】案件C-6：调解员已受理',
      messageId: id,
    });
    expect(await byId(t, id)).toMatchObject({
      status: 'sent',
      provider: 'webhook',
      providerMessageId: expect.stringMatching(/^wh-/),
    });
  });

  it('retries a 503 and a time-out, fails on a 422', async () => {
    const busy = phone();
    const slow = phone();
    const bad = phone();
    hook.plan(busy, 'transient');
    hook.plan(slow, 'timeout');
    hook.plan(bad, 'permanent');
    const [a, b, c] = [await write(t, notice(busy)), await write(t, notice(slow)), await write(t, notice(bad))];
    expect(await dispatchDue(t.deps)).toMatchObject({ retrying: 2, failed: 1 });
    expect((await byId(t, c)).lastError).toMatch(/HTTP 422/);
    later(t, 6);
    expect(await dispatchDue(t.deps)).toMatchObject({ sent: 2 });
    expect((await byId(t, a)).status).toBe('sent');
    expect((await byId(t, b)).status).toBe('sent');
  });
});

describe('messages leave on commit (NOTIFY → LISTEN → dispatcher job)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demoScale: null });
  });
  afterAll(() => t.close());

  it('delivers a committed message within moments without a tick, and nothing of a rolled-back one', async () => {
    const kicker = await startDispatchKicker(t.deps);
    try {
      const to = phone();
      await expect(
        t.deps.db.transaction(async (tx) => {
          await notify(tx, notice(to));
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      const id = await write(t, notice(to));
      const started = Date.now();
      while ((await byId(t, id)).status !== 'delivered' && Date.now() - started < 5000)
        await new Promise((r) => setTimeout(r, 25));
      expect(await byId(t, id)).toMatchObject({ status: 'delivered', provider: 'log' });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(await outboxRepo.latestTo(t.deps.db, to, 5)).toHaveLength(1);
    } finally {
      await kicker.stop();
    }
  });

  // On PostgreSQL one pooled connection holds the LISTEN; PGlite listens in-process.
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'listens again after its connection is cut, and stops cleanly after that',
    { timeout: 30_000 },
    async () => {
      const kicker = await startDispatchKicker(t.deps);
      try {
        const cut = await t.deps.db.execute(
          sql`select pg_terminate_backend(pid) as cut from pg_stat_activity
              where datname = current_database() and query = ${`LISTEN ${OUTBOX_CHANNEL}`} and pid <> pg_backend_pid()`,
        );
        expect((cut as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
        // the kicker connects again after 5 s; a message written after that leaves without a tick
        await new Promise((r) => setTimeout(r, 6000));
        const id = await write(t, notice(phone()));
        const started = Date.now();
        while ((await byId(t, id)).status !== 'delivered' && Date.now() - started < 8000)
          await new Promise((r) => setTimeout(r, 25));
        expect((await byId(t, id)).status).toBe('delivered');
      } finally {
        await kicker.stop();
      }
    },
  );
});
