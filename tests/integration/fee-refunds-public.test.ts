import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeeEnterpriseRefunds } from '../../contracts/fee-refunds/public.js';
import { agent, createTestApp, type TestApp } from '../support/app.js';
import { unionCells } from '../support/fee-refunds.js';
import { feeCodesSent, lastFeeCodeTo, refundedEnterprises } from '../support/fee-refunds-public.js';
import { newAccount, uniqueUscc, type Employer, type LoggedIn } from '../support/factories.js';

// An enterprise reads its own refunds: by USCC and a code texted to the phone the employers
// register has for it, or signed in as the employer's agent. Through HTTP: where the code goes,
// what a right or wrong code does, the lockout, the same answer for an unknown code, the limit per
// address, one enterprise's session never showing another's lines, the session's end.

let t: TestApp;
let staff: LoggedIn;
let withUnion: Employer;
let noUnion: Employer;
let other: Employer;
let address = 1;
/** Each call from its own address unless told (the per-address limits are tested on purpose). */
const nextAddress = () => `192.0.2.${address++}`;

const post = (url: string, payload: object, remoteAddress = nextAddress()) =>
  t.app.inject({ method: 'POST', url: `/api/public/fee-refunds/${url}`, payload, remoteAddress });
const linesWith = (token: string, query = '') =>
  t.app.inject({
    method: 'GET',
    url: `/api/public/fee-refunds/lines${query}`,
    headers: { 'x-fee-token': token },
    remoteAddress: nextAddress(),
  });

/** One code a minute per USCC and phone: the clock moves on before the next one is asked for. */
const laterByAMinute = () => {
  t.clock.now = new Date(t.clock.now.getTime() + 61_000);
};

const feeCodes = () => feeCodesSent(t);
const lastCodeTo = (phone: string) => lastFeeCodeTo(t, phone);

/** Code sent, code read from the phone, session opened. */
async function signIn(e: Employer): Promise<string> {
  laterByAMinute();
  expect((await post('request-code', { uscc: e.uscc })).statusCode).toBe(200);
  const res = await post('verify', { uscc: e.uscc, code: await lastCodeTo(e.contactPhone) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ token: string }>().token;
}

beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  ({ staff, withUnion, noUnion, other } = await refundedEnterprises(t));
});
afterAll(() => t.close());

describe('an enterprise checks its refunds with its USCC and a texted code', () => {
  it('texts the code only to the phone the employers register has, and answers the same for an unknown USCC', async () => {
    const known = await post('request-code', { uscc: withUnion.uscc.toLowerCase() });
    expect(known.statusCode, known.body).toBe(200);
    const unknown = await post('request-code', { uscc: uniqueUscc('320505') });
    expect(unknown.statusCode).toBe(200);
    expect(unknown.json()).toEqual(known.json());
    expect(known.json()).toEqual({ sent: true });
    const codes = await feeCodes();
    expect(codes.map((c) => c.recipient)).toEqual([withUnion.contactPhone]);
  });

  it('opens a session with the right code, showing the lines newest month first in the enterprise’s words', async () => {
    const code = await lastCodeTo(withUnion.contactPhone);
    const res = await post('verify', { uscc: withUnion.uscc, code });
    expect(res.statusCode, res.body).toBe(200);
    const { token } = res.json<{ token: string }>();
    const lines = await linesWith(token);
    expect(lines.statusCode, lines.body).toBe(200);
    const view = lines.json<FeeEnterpriseRefunds>();
    expect(view).toMatchObject({ uscc: withUnion.uscc, enterpriseName: withUnion.name, total: 2, page: 1 });
    expect(view.items.map((l) => l.month)).toEqual(['2024-05', '2024-04']);
    const april = view.items[1]!;
    expect(april).toMatchObject({
      amountFen: 20000,
      destination: 'union_account',
      state: 'in_batch',
      stateText: { zh: '支付中', en: 'Being paid' },
      account: { name: '甲企业工会委员会', last4: expect.stringMatching(/^\d{4}$/) },
      paidOn: null,
    });
    // Only the last four digits leave the server.
    expect(lines.body).not.toContain(unionCells(withUnion.uscc)['工会账户账号']);
    // The same code never opens a second session.
    expect((await post('verify', { uscc: withUnion.uscc, code })).statusCode).toBe(400);
  });

  it('tells a held line is kept as preparation fund until a union is set up', async () => {
    const view = (await linesWith(await signIn(noUnion))).json<FeeEnterpriseRefunds>();
    expect(view.items).toHaveLength(1);
    expect(view.items[0]).toMatchObject({
      state: 'held',
      amountFen: 15000,
      account: null,
      stateText: { zh: '暂存筹备金' },
      advice: { zh: expect.stringContaining('筹备金') },
    });
  });

  it('counts a wrong code, and locks the USCC after five, even against the right code', async () => {
    await post('request-code', { uscc: other.uscc });
    const right = await lastCodeTo(other.contactPhone);
    const wrong = right === '000000' ? '111111' : '000000';
    const first = await post('verify', { uscc: other.uscc, code: wrong });
    expect(first.statusCode).toBe(400);
    expect(first.json()).toMatchObject({ field: 'code', message: expect.stringContaining('还可尝试 4 次') });
    expect(first.json().messageEn).toContain('4 attempt(s) left');
    for (let i = 0; i < 4; i++) expect((await post('verify', { uscc: other.uscc, code: wrong })).statusCode).toBe(400);
    const locked = await post('verify', { uscc: other.uscc, code: right });
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ field: 'code', message: expect.stringContaining('分钟后再试') });
  });

  it('answers an unknown USCC’s code like a wrong one', async () => {
    const res = await post('verify', { uscc: uniqueUscc('320505'), code: '123456' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'code', message: expect.stringContaining('验证码不正确') });
  });

  it('refuses a malformed USCC naming the field, in both languages', async () => {
    const res = await post('request-code', { uscc: '123' });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('uscc');
    expect(`${res.json().message}`).toContain('统一社会信用代码');
  });

  it('limits code requests per address, before any lookup', async () => {
    const ip = '198.51.100.7';
    for (let i = 0; i < 5; i++)
      expect((await post('request-code', { uscc: uniqueUscc('320505') }, ip)).statusCode).toBe(200);
    const refused = await post('request-code', { uscc: withUnion.uscc }, ip);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().message).toContain('获取验证码过于频繁');
  });

  it('never shows one enterprise’s lines through another’s session or code', async () => {
    const token = await signIn(withUnion);
    const view = (await linesWith(token, `?uscc=${noUnion.uscc}`)).json<FeeEnterpriseRefunds>();
    expect(view.uscc).toBe(withUnion.uscc);
    expect(view.items.every((l) => l.state !== 'held')).toBe(true);
    // A code texted to one enterprise opens nothing for another.
    laterByAMinute();
    await post('request-code', { uscc: withUnion.uscc });
    const code = await lastCodeTo(withUnion.contactPhone);
    expect((await post('verify', { uscc: noUnion.uscc, code })).statusCode).toBe(400);
  });

  it('refuses a missing, forged or expired session', async () => {
    const token = await signIn(noUnion);
    expect((await linesWith(token)).statusCode).toBe(200);
    const none = await t.app.inject({ method: 'GET', url: '/api/public/fee-refunds/lines' });
    expect(none.statusCode).toBe(401);
    expect((await linesWith('forged-token')).statusCode).toBe(401);
    t.clock.now = new Date(t.clock.now.getTime() + 31 * 60_000);
    const expired = await linesWith(token);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().message).toContain('重新获取验证码');
  });
});

describe('the employer’s account sees its own refunds', () => {
  it('answers the same view for the employer agent’s enterprise only', async () => {
    const agentOfOther = await newAccount(t, { role: 'employer_agent', employerId: other.id, regionCode: '320505' });
    const res = await agentOfOther.get('/api/fee-refunds/my-refunds');
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json<FeeEnterpriseRefunds>();
    expect(view).toMatchObject({ uscc: other.uscc, enterpriseName: other.name, total: 1 });
    expect(view.items[0]).toMatchObject({ month: '2024-04', amountFen: 9000 });
    expect((await staff.get('/api/fee-refunds/my-refunds')).statusCode).toBe(403);
    expect((await agent(t.app).get('/api/fee-refunds/my-refunds')).statusCode).toBe(401);
  });
});
