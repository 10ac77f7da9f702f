import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../server/core/errors.js';
import { dispatchDue } from '../../server/modules/notifications/dispatcher.js';
import { outboxRepo } from '../../server/modules/notifications/repository.js';
import { notify, notifyCode, type Message } from '../../server/modules/notifications/service.js';
import { agent, createTestApp, type TestApp } from '../support/app.js';
import { newAccount, newAdmin, newCase, uniquePhone, type LoggedIn } from '../support/factories.js';
import { startWebhookPeer } from '../support/message-peers.js';

// The administrators' messages page (list, detail with attempts, retry) and the per-phone limit
// on one-time codes.

const API = '/api/notifications/messages';

describe('the messages page', () => {
  let t: TestApp;
  let hook: Awaited<ReturnType<typeof startWebhookPeer>>;
  let admin: LoggedIn;
  let zsAdmin: LoggedIn;
  const zsPhone = uniquePhone();
  const bjPhone = uniquePhone();
  const codePhone = uniquePhone();
  const ids: Record<string, string> = {};

  async function write(key: string, message: Message) {
    await t.deps.db.transaction((tx) => notify(tx, message));
    ids[key] = (await outboxRepo.latestTo(t.deps.db, message.recipient, 1))[0]!.id;
  }

  beforeAll(async () => {
    hook = await startWebhookPeer('webhook-secret-for-admin-tests');
    t = await createTestApp({
      demoScale: null,
      env: {
        SMS_PROVIDER: 'webhook',
        SMS_WEBHOOK_URL: hook.url,
        SMS_WEBHOOK_SECRET: 'webhook-secret-for-admin-tests',
      },
    });
    admin = await newAdmin(t);
    zsAdmin = await newAccount(t, { role: 'system_admin', regionCode: '442000' });
    hook.plan(zsPhone, 'permanent');
    await write('zsFailed', {
      channel: 'sms',
      recipient: zsPhone,
      template: 'dispute.case_notice',
      variables: { caseNumber: 'C-1', message: '请补充证据' },
      regionCode: '442000',
    });
    await t.deps.db.transaction((tx) =>
      notifyCode(tx, t.deps, {
        channel: 'sms',
        recipient: codePhone,
        template: 'dispute.worker_code',
        variables: { code: '246813', purpose: '查询案件进度', caseNumber: 'C-1' },
        regionCode: '442001',
      }),
    );
    ids.zsCode = (await outboxRepo.latestTo(t.deps.db, codePhone, 1))[0]!.id;
    await write('bj', { channel: 'sms', recipient: bjPhone, body: '北京的通知', regionCode: '110101' });
    await write('mail', {
      channel: 'email',
      recipient: 'hr@zs.example.com',
      subject: '主题',
      body: '正文',
      regionCode: '442000',
    });
    await dispatchDue(t.deps);
  });
  afterAll(async () => {
    await t.close();
    await hook.close();
  });

  it('refuses without a login, to other roles, and bad input with a 400 naming the field', async () => {
    const anon = agent(t.app);
    expect((await anon.get(API)).statusCode).toBe(401);
    expect((await anon.get(`${API}/${ids.bj}`)).statusCode).toBe(401);
    expect((await anon.post(`${API}/${ids.bj}/retry`)).statusCode).toBe(401);
    for (const role of ['union_staff', 'mediator'] as const) {
      const other = await newAccount(t, { role });
      expect((await other.get(API)).statusCode).toBe(403);
      expect((await other.get(`${API}/${ids.bj}`)).statusCode).toBe(403);
      expect((await other.post(`${API}/${ids.bj}/retry`)).statusCode).toBe(403);
    }
    for (const [url, field] of [
      [`${API}?status=lost`, 'status'],
      [`${API}?channel=fax`, 'channel'],
      [`${API}?from=2025-02-30`, 'from'],
      [`${API}?recipient=%00%00`, 'recipient'],
      [`${API}/not-a-uuid`, 'id'],
    ] as const) {
      const res = await admin.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().field, url).toBe(field);
    }
    expect((await admin.post(`${API}/not-a-uuid/retry`)).statusCode).toBe(400);
    expect((await admin.get(`${API}/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
  });

  it('lists the region’s messages with their status, codes hidden, and finds them by the end of the number', async () => {
    const all = (await admin.get(`${API}?pageSize=50`)).json();
    expect(all.total).toBe(4);
    const zs = (await zsAdmin.get(`${API}?pageSize=50`)).json();
    expect(zs.items.map((m: { id: string }) => m.id).sort()).toEqual([ids.zsFailed, ids.zsCode, ids.mail].sort());
    const code = zs.items.find((m: { id: string }) => m.id === ids.zsCode);
    expect(code).toMatchObject({ kind: 'code', template: 'dispute.worker_code', status: 'sent', provider: 'webhook' });
    expect(code.body).toContain('验证码 ******');
    expect(code.body).not.toContain('246813');
    const bySuffix = (await admin.get(`${API}?recipient=${zsPhone.slice(-4)}`)).json();
    expect(bySuffix.items.map((m: { recipient: string }) => m.recipient)).toEqual([zsPhone]);
    expect((await admin.get(`${API}?recipient=${zsPhone}&status=failed`)).json().items).toHaveLength(1);
    expect((await admin.get(`${API}?channel=email`)).json().items[0]).toMatchObject({
      recipient: 'hr@zs.example.com',
      status: 'delivered',
    });
    expect((await admin.get(`${API}?from=2000-01-01&to=2000-01-02`)).json().total).toBe(0);
  });

  it('shows a message with its attempts, and refuses another region’s', async () => {
    const detail = (await zsAdmin.get(`${API}/${ids.zsFailed}`)).json();
    expect(detail).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringMatching(/HTTP 422/) });
    expect(detail.attemptLog).toEqual([
      expect.objectContaining({
        attemptNo: 1,
        provider: 'webhook',
        status: 'permanent',
        error: expect.stringMatching(/422/),
      }),
    ]);
    expect((await zsAdmin.get(`${API}/${ids.bj}`)).statusCode).toBe(403);
    expect((await zsAdmin.post(`${API}/${ids.bj}/retry`)).statusCode).toBe(403);
  });

  it('sends a failed message again, audited; anything else is refused with 409', async () => {
    const res = await zsAdmin.post(`${API}/${ids.zsFailed}/retry`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'pending', attempts: 0, lastError: null });
    expect((await zsAdmin.post(`${API}/${ids.zsFailed}/retry`)).statusCode).toBe(409);
    expect((await zsAdmin.post(`${API}/${ids.mail}/retry`)).json().field).toBe('status');
    await dispatchDue(t.deps);
    const after = (await zsAdmin.get(`${API}/${ids.zsFailed}`)).json();
    expect(after.status).toBe('sent');
    expect(after.attemptLog.map((a: { attemptNo: number; status: string }) => [a.attemptNo, a.status])).toEqual([
      [1, 'permanent'],
      [2, 'ok'],
    ]);
    const audit = (await admin.get('/api/audit?action=message.retried')).json();
    expect(audit.items[0]).toMatchObject({
      entityId: ids.zsFailed,
      regionCode: '442000',
      after: { status: 'pending' },
    });
  });
});

describe('one-time codes per phone', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demoScale: null, env: { SMS_CODES_PER_HOUR: '2' } });
  });
  afterAll(() => t.close());

  const code = (to: string) => ({
    channel: 'sms' as const,
    recipient: to,
    template: 'dispute.worker_code' as const,
    variables: { code: '111111', purpose: '查询案件进度', caseNumber: 'C-1' },
  });

  it('refuses the code past SMS_CODES_PER_HOUR in an hour, in both languages, and writes nothing', async () => {
    const to = uniquePhone();
    for (let i = 0; i < 2; i++) await t.deps.db.transaction((tx) => notifyCode(tx, t.deps, code(to)));
    const refused = t.deps.db.transaction((tx) => notifyCode(tx, t.deps, code(to)));
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringMatching(/^验证码发送过于频繁，请 \d+ 分钟后再试$/),
      messageEn: expect.stringMatching(/^Too many one-time codes sent to this number; try again in \d+ minute\(s\)$/),
    });
    expect(await outboxRepo.latestTo(t.deps.db, to, 10)).toHaveLength(2);
    // Another phone is not affected; the hour over, the phone may get codes again.
    await t.deps.db.transaction((tx) => notifyCode(tx, t.deps, code(uniquePhone())));
    t.clock.now = new Date(t.clock.now.getTime() + 3601_000);
    await t.deps.db.transaction((tx) => notifyCode(tx, t.deps, code(to)));
  });

  it('answers the worker asking for one code too many with a 429', async () => {
    const c = await newCase(t);
    const anon = agent(t.app);
    const ask = () =>
      anon.request({
        method: 'POST',
        url: '/api/public/disputes/track/request-code',
        payload: { caseNumber: c.caseNumber, phone: c.worker.phone },
      });
    for (let i = 0; i < 2; i++) {
      expect((await ask()).statusCode).toBe(200);
      t.clock.now = new Date(t.clock.now.getTime() + 2 * 60_000);
    }
    const third = await ask();
    expect(third.statusCode).toBe(429);
    expect(third.json().message).toMatch(/^验证码发送过于频繁/);
    expect(third.json().messageEn).toMatch(/^Too many one-time codes/);
  });

  it('keeps a code out of notify(): a one-time code is written only through notifyCode', async () => {
    const to = uniquePhone();
    await expect(t.deps.db.transaction((tx) => notify(tx, code(to)))).rejects.toThrow(/notifyCode/);
  });
});
