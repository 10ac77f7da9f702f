// The worker's /track accepts the case number in any reasonable spelling, and respelling it gives no
// fresh attempts at the code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agent, createTestApp, type TestApp } from '../support/app.js';
import { constructionIntake, lastCodeTo } from '../support/disputes.js';
import { newMediator } from '../support/factories.js';

let t: TestApp;
let caseNumber = '';
const PHONE = '13912340001'; // the worker's phone in the factory intake

beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  t.clock.now = new Date('2025-06-09T02:00:00Z');
  const mediator = await newMediator(t);
  const res = await mediator.post('/api/disputes', constructionIntake(t));
  expect(res.statusCode, res.body).toBe(200);
  caseNumber = res.json().caseNumber;
});
afterAll(() => t.close());

const later = (minutes: number) => {
  t.clock.now = new Date(t.clock.now.getTime() + minutes * 60_000);
};
const lastCode = () => lastCodeTo(t, PHONE);

/** 粤中工调〔2025〕000001号 → 粤中工调（２０２５）１号: full-width, other brackets, no leading zeros. */
function respelled(n: string): string {
  const m = /^(.*)〔(\d{4})〕0*(\d+)号$/.exec(n)!;
  const wide = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  return `${m[1]}（${wide(m[2]!)}）${wide(m[3]!)}号`;
}

describe('/track and the case number as typed', () => {
  it('finds the case under a respelled number and under the number without the studio prefix', async () => {
    const anon = agent(t.app);
    for (const typed of [
      respelled(caseNumber),
      caseNumber
        .replace(/^[^〔]+/, '')
        .replace('〔', '')
        .replace('〕', '-'),
    ]) {
      const before = await lastCode();
      expect(
        (await anon.post('/api/public/disputes/track/request-code', { caseNumber: typed, phone: PHONE })).statusCode,
      ).toBe(200);
      const code = await lastCode();
      expect(code, typed).toBeDefined();
      expect(code).not.toBe(before);
      const verified = await anon.post('/api/public/disputes/track/verify', { caseNumber: typed, code });
      expect(verified.statusCode, verified.body).toBe(200);
      later(2); // one code a minute per case
    }
  });

  it('counts every spelling of one number as one: respelling gives no fresh attempts', async () => {
    const anon = agent(t.app);
    later(20);
    await anon.post('/api/public/disputes/track/request-code', { caseNumber, phone: PHONE });
    const code = (await lastCode())!;
    const wrong = code === '999999' ? '999998' : '999999';
    for (let i = 0; i < 5; i++)
      await anon.post('/api/public/disputes/track/verify', {
        caseNumber: i % 2 ? caseNumber : respelled(caseNumber),
        code: wrong,
      });
    const locked = await anon.post('/api/public/disputes/track/verify', { caseNumber: respelled(caseNumber), code });
    expect(locked.statusCode).toBe(429);
  });

  it('a number that matches nothing gets the same answer, and its code check fails', async () => {
    const anon = agent(t.app);
    later(20);
    const res = await anon.post('/api/public/disputes/track/request-code', {
      caseNumber: '粤中工调〔2019〕999999号',
      phone: PHONE,
    });
    expect(res.statusCode).toBe(200);
    const verify = await anon.post('/api/public/disputes/track/verify', {
      caseNumber: '粤中工调〔2019〕999999号',
      code: '123456',
    });
    expect(verify.statusCode).toBe(400);
  });
});

describe('a mangled employer link', () => {
  it.each([
    'abc', // cut short by a chat app
    'x'.repeat(90), // pasted twice over
    'AbCdEfGhIjKlMnOpQrStUvWx%E3%80%82', // a full stop glued on and encoded
  ])('answers %s with a plain sentence, not a validator message', async (token) => {
    const anon = agent(t.app);
    const view = await anon.get(`/api/public/disputes/employer/${token}`);
    expect(view.statusCode).toBe(404);
    expect(view.json().message).toBe('链接无效或已过期，请联系调解员');
    expect(view.json().messageEn).toBe('The link is invalid or has expired; contact the mediator');
    const answer = await anon.post(`/api/public/disputes/employer/${token}/answer`, { answer: 'accept' });
    expect(answer.statusCode).toBe(404);
    expect(answer.json().message).toBe('链接无效或已过期，请联系调解员');
  });
});
