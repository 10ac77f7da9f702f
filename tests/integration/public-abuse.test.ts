import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../server/core/crypto.js';
import { disputeAccessTokens } from '../../server/modules/disputes/tables.js';
import { outbox } from '../../server/modules/notifications/tables.js';
import { createTestApp, type Agent, type TestApp } from '../support/app.js';
import { newMediator, type Studio } from '../support/factories.js';
import { constructionIntake, nextAddress, onlineApplication } from '../support/disputes.js';

// Codes by SMS are the workers' only credential without an account: they must not be guessable
// by trying, nor a way to flood somebody's phone.

let t: TestApp;
let mediator: Agent;
let studio: Studio;
let sequence = 100;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  t.clock.now = new Date('2025-06-09T02:00:00Z');
  const first = await newMediator(t);
  mediator = first;
  studio = first.studio;
});
afterAll(() => t.close());

const later = (minutes: number) => {
  t.clock.now = new Date(t.clock.now.getTime() + minutes * 60_000);
};

/** A case registered at the counter for a worker with this phone. */
async function caseFor(phone: string) {
  const intake = constructionIntake(t, { sequence: sequence++, workerName: '测试职工' });
  intake.worker = { ...intake.worker, phone };
  const res = await mediator.post('/api/disputes', intake);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ id: string; caseNumber: string }>();
}

const requestCode = (caseNumber: string, phone: string, remoteAddress = nextAddress()) =>
  t.app.inject({
    method: 'POST',
    url: '/api/public/disputes/track/request-code',
    payload: { caseNumber, phone },
    remoteAddress,
  });
const verify = (caseNumber: string, code: string, remoteAddress = nextAddress()) =>
  t.app.inject({
    method: 'POST',
    url: '/api/public/disputes/track/verify',
    payload: { caseNumber, code },
    remoteAddress,
  });
const codesTo = async (phone: string) =>
  (await t.deps.db.select().from(outbox).where(eq(outbox.recipient, phone)))
    .map((m) => m.body.match(/验证码 (\d{6})/)?.[1])
    .filter((c): c is string => !!c);
const otherThan = (code: string) => (code === '000000' ? '111111' : '000000');

describe('asking for codes', () => {
  it('the sixth request for a case within an hour is refused, saying how many minutes to wait', async () => {
    const phone = '13800110001';
    const c = await caseFor(phone);
    for (let i = 0; i < 5; i++) {
      expect((await requestCode(c.caseNumber, phone)).statusCode).toBe(200);
      later(2);
    }
    const sixth = await requestCode(c.caseNumber, phone);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().message).toMatch(/^获取验证码过于频繁，请 (5\d|60) 分钟后再试$/);
    expect(sixth.json().messageEn).toMatch(/try again in \d+ minute/);
    expect(await codesTo(phone)).toHaveLength(5);
  });

  it('one code a minute per case, whichever phone is typed, and an unknown case is counted alike', async () => {
    const phone = '13800110002';
    const c = await caseFor(phone);
    expect((await requestCode(c.caseNumber, '13000000001')).statusCode).toBe(200);
    const right = await requestCode(c.caseNumber, phone);
    expect(right.statusCode).toBe(429);
    expect(right.json().message).toContain('请 1 分钟后再试');
    // The same two answers for a number no case has: the refusal does not tell cases apart.
    expect((await requestCode('粤中工调〔2025〕999999号', '13000000002')).statusCode).toBe(200);
    const unknown = await requestCode('粤中工调〔2025〕999999号', '13000000003');
    expect(unknown.json()).toMatchObject({ code: 'RATE_LIMITED', message: right.json().message });
  });

  it('one address cannot work through many phones and cases', async () => {
    const address = '203.0.113.7';
    for (let i = 0; i < 20; i++) {
      const res = await requestCode(
        `粤中工调〔2025〕9${String(i).padStart(5, '0')}号`,
        `1390000${String(i).padStart(4, '0')}`,
        address,
      );
      expect(res.statusCode, `request ${i + 1}`).toBe(200);
      later(1);
    }
    const refused = await requestCode('粤中工调〔2025〕988888号', '13900008888', address);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().message).toMatch(/请 \d+ 分钟后再试/);
    // Another address is not affected.
    expect((await requestCode('粤中工调〔2025〕988888号', '13900008888')).statusCode).toBe(200);
  });

  it('the per-server brake against floods also says when to try again', async () => {
    const address = '203.0.113.99';
    const answers = [];
    for (let i = 0; i < 31; i++)
      answers.push(await t.app.inject({ method: 'GET', url: '/api/public/disputes/studios', remoteAddress: address }));
    expect(answers.slice(0, 30).every((r) => r.statusCode === 200)).toBe(true);
    expect(answers[30]!.statusCode).toBe(429);
    expect(answers[30]!.json().message).toMatch(/^请求过于频繁，请 1 分钟后再试$/);
  });
});

describe('trying codes', () => {
  it('five wrong codes lock the case; a new code does not bring new attempts; the lock doubles', async () => {
    const phone = '13800110003';
    const c = await caseFor(phone);
    await requestCode(c.caseNumber, phone);
    const [first] = await codesTo(phone);
    for (let i = 0; i < 5; i++) {
      const wrong = await verify(c.caseNumber, otherThan(first!));
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().field).toBe('code');
    }
    later(2);
    expect((await requestCode(c.caseNumber, phone)).statusCode).toBe(200);
    const second = (await codesTo(phone)).at(-1)!;
    const refused = await verify(c.caseNumber, second);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({
      code: 'RATE_LIMITED',
      field: 'code',
      message: '验证码错误次数过多，为保护您的案件，请 15 分钟后再试',
    });

    later(16);
    expect((await requestCode(c.caseNumber, phone)).statusCode).toBe(200);
    const third = (await codesTo(phone)).at(-1)!;
    for (let i = 0; i < 5; i++) await verify(c.caseNumber, otherThan(third));
    const again = await verify(c.caseNumber, third);
    expect(again.json().message).toBe('验证码错误次数过多，为保护您的案件，请 30 分钟后再试');
  });

  it('a right code within the attempts opens the case and clears the count', async () => {
    const phone = '13800110004';
    const c = await caseFor(phone);
    await requestCode(c.caseNumber, phone);
    const [code] = await codesTo(phone);
    for (let i = 0; i < 4; i++) await verify(c.caseNumber, otherThan(code!));
    const ok = await verify(c.caseNumber, code!);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().caseToken).toBeTruthy();
  });

  it('codes are stored under the server key, not as a plain SHA-256 anybody can reverse', async () => {
    const phone = '13800110005';
    const c = await caseFor(phone);
    await requestCode(c.caseNumber, phone);
    const [code] = await codesTo(phone);
    const rows = await t.deps.db
      .select()
      .from(disputeAccessTokens)
      .where(and(eq(disputeAccessTokens.caseId, c.id), eq(disputeAccessTokens.purpose, 'worker_code')));
    expect(rows).toHaveLength(1);
    // Hashing all million codes finds a plain SHA-256 at once; a keyed one needs the server's key.
    for (const plain of [`${c.id}:worker_code:${code}`, code!]) expect(rows[0]!.tokenHash).not.toBe(sha256Hex(plain));
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('applying online', () => {
  const apply = (body: object, remoteAddress = nextAddress()) =>
    t.app.inject({ method: 'POST', url: '/api/public/disputes/apply', payload: body, remoteAddress });

  it('five applications a day per phone', async () => {
    const phone = '13700220001';
    for (let i = 0; i < 5; i++)
      expect(
        (await apply(onlineApplication(t, { mediationBodyId: studio.id, phone, sequence: 200 + i }))).statusCode,
      ).toBe(200);
    const sixth = await apply(onlineApplication(t, { mediationBodyId: studio.id, phone, sequence: 205 }));
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().message).toMatch(/^提交申请过于频繁，请 \d+ (分钟|小时)后再试$/);
  });

  it('twenty applications a day per address', async () => {
    const address = '198.51.100.9';
    for (let i = 0; i < 20; i++)
      expect(
        (
          await apply(
            onlineApplication(t, {
              mediationBodyId: studio.id,
              phone: `1370033${String(i).padStart(4, '0')}`,
              sequence: 300 + i,
            }),
            address,
          )
        ).statusCode,
      ).toBe(200);
    expect(
      (await apply(onlineApplication(t, { mediationBodyId: studio.id, phone: '13700339999', sequence: 399 }), address))
        .statusCode,
    ).toBe(429);
  });

  it('the SMS an application sends counts against the phone, like the codes', async () => {
    const phone = '13700440001';
    const res = await apply(onlineApplication(t, { mediationBodyId: studio.id, phone, sequence: 400 }));
    const { caseNumber } = res.json();
    // Four code requests and the application's SMS make the phone's five an hour.
    for (let i = 0; i < 4; i++) {
      later(2);
      expect((await requestCode(caseNumber, phone)).statusCode).toBe(200);
    }
    later(2);
    expect((await requestCode(caseNumber, phone)).statusCode).toBe(429);
  });
});
