import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../server/modules/notifications/tables.js';
import { agent, createTestApp, type Agent, type TestApp } from '../support/app.js';
import { newAdmin, newJudge, newMediator, type Studio } from '../support/factories.js';
import { actOn, constructionIntake, onlineApplication } from '../support/disputes.js';

let t: TestApp;
let mediator: Agent;
let studio: Studio;
let judge: Agent;
/** The studio's six mediators, one of them 刘志明, whose profile the settings test changes. */
const STUDIO_MEDIATORS = 6;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  t.clock.now = new Date('2025-06-09T02:00:00Z');
  const first = await newMediator(t);
  mediator = first;
  studio = first.studio;
  await newMediator(t, { studio, displayName: '刘志明' });
  for (let n = 2; n < STUDIO_MEDIATORS; n++) await newMediator(t, { studio });
  judge = await newJudge(t, { court: studio.court });
});
afterAll(() => t.close());

const later = (minutes: number) => {
  t.clock.now = new Date(t.clock.now.getTime() + minutes * 60_000);
};

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2219bc30000000049454e44ae426082',
  'hex',
);
function multipart(filename: string, content: Buffer) {
  const boundary = '----yizhan-test-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('the worker applies online and tracks the case from a phone', () => {
  let caseNumber = '';
  let caseId = '';

  it('registers an online application without an account and texts the case number', async () => {
    const intake = onlineApplication(t, {
      sequence: 7,
      workerName: '陈小军',
      phone: '13712345678',
      mediationBodyId: studio.id,
    });
    const res = await agent(t.app).post('/api/public/disputes/apply', intake);
    expect(res.statusCode, res.body).toBe(200);
    caseNumber = res.json().caseNumber;
    const sms = await t.deps.db.select().from(outbox).where(eq(outbox.recipient, '13712345678'));
    expect(sms[0]!.body).toContain(caseNumber);
    const list = (await mediator.get(`/api/disputes?q=${encodeURIComponent(caseNumber)}`)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0].mediatorName).toBeNull();
    caseId = list.items[0].id;
  });

  it('finds the case by any part of the worker’s name or by its number', async () => {
    for (const q of ['陈', '陈小', '陈小军', '小军', caseNumber]) {
      const items = (await mediator.get(`/api/disputes?q=${encodeURIComponent(q)}`)).json().items;
      expect(
        items.map((i: { id: string }) => i.id),
        q,
      ).toContain(caseId);
    }
    expect((await mediator.get(`/api/disputes?q=${encodeURIComponent('陈大军')}`)).json().items).toHaveLength(0);
    expect((await mediator.get(`/api/disputes?q=${encodeURIComponent('%')}`)).json().items).toHaveLength(0);
  });

  it('proposes the least-loaded mediator and assigns with a no-conflict declaration', async () => {
    const proposals = (await mediator.get(`/api/disputes/${caseId}/mediator-proposals`)).json();
    expect(proposals.proposals.length).toBeGreaterThan(0);
    const chosen = proposals.proposals[0].mediatorId ?? proposals.proposals[0].id;
    const refused = await mediator.post(`/api/disputes/${caseId}/assign`, {
      mediatorAccountId: chosen,
      noConflictDeclared: false,
    });
    expect(refused.statusCode).toBe(400);
    const assigned = await mediator.post(`/api/disputes/${caseId}/assign`, {
      mediatorAccountId: chosen,
      noConflictDeclared: true,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().mediatorId).toBe(chosen);
  });

  it('the same answer whether or not the phone matches, and a code only to the right phone', async () => {
    const anon = agent(t.app);
    const wrong = await anon.post('/api/public/disputes/track/request-code', { caseNumber, phone: '13000000000' });
    later(2); // one code a minute per case
    const right = await anon.post('/api/public/disputes/track/request-code', { caseNumber, phone: '13712345678' });
    expect(wrong.json()).toEqual(right.json());
    expect(await t.deps.db.select().from(outbox).where(eq(outbox.recipient, '13000000000'))).toHaveLength(0);
    const code = (await t.deps.db.select().from(outbox).where(eq(outbox.recipient, '13712345678')))
      .map((m) => m.body.match(/验证码 (\d{6})/)?.[1])
      .find(Boolean)!;
    for (let i = 0; i < 5; i++)
      await anon.post('/api/public/disputes/track/verify', {
        caseNumber,
        code: code === '999999' ? '999998' : '999999',
      });
    // Five wrong codes lock the case's verification: even the right code is refused for a while.
    const locked = await anon.post('/api/public/disputes/track/verify', { caseNumber, code });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().message).toBe('验证码错误次数过多，为保护您的案件，请 15 分钟后再试');
  });

  it('shows the worker plain-Chinese steps and the clocks that concern them', async () => {
    later(16); // after the lock
    const anon = agent(t.app);
    await anon.post('/api/public/disputes/track/request-code', { caseNumber, phone: '13712345678' });
    const msgs = await t.deps.db.select().from(outbox).where(eq(outbox.recipient, '13712345678'));
    const code = msgs
      .map((m) => m.body.match(/验证码 (\d{6})/)?.[1])
      .filter(Boolean)
      .at(-1)!;
    const { caseToken } = (await anon.post('/api/public/disputes/track/verify', { caseNumber, code })).json();
    const view = (
      await anon.request({ method: 'GET', url: '/api/public/disputes/track', headers: { 'x-case-token': caseToken } })
    ).json();
    expect(view.steps[0].description).toMatch(/收到/);
    expect(view.phoneMasked).toBe('137****5678');
    expect(JSON.stringify(view)).not.toContain('361102');
    expect((await anon.get('/api/public/disputes/track')).statusCode).toBe(401);
  });

  it('accepts evidence by content and size, refusing a disguised file', async () => {
    const ok = await mediator.request({
      method: 'POST',
      url: `/api/disputes/${caseId}/evidence`,
      ...multipart('工资条.png', PNG),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().mime).toBe('image/png');
    const fake = await mediator.request({
      method: 'POST',
      url: `/api/disputes/${caseId}/evidence`,
      ...multipart('工资条.pdf', Buffer.from('MZ this is not a pdf')),
    });
    expect(fake.statusCode).toBe(415);
    const detail = (await mediator.get(`/api/disputes/${caseId}`)).json();
    expect(detail.evidence).toHaveLength(1);
    const file = await mediator.get(`/api/disputes/${caseId}/evidence/${detail.evidence[0].id}`);
    expect(file.rawPayload.equals(PNG)).toBe(true);
  });
});

describe('employer counter-proposal and joint mediation', () => {
  it('records a counter-proposal made through the link', async () => {
    const intake = constructionIntake(t, { sequence: 8, workerName: '黄志强' });
    intake.worker = { ...intake.worker, phone: '13612345678' };
    intake.construction!.parties[1] = { ...intake.construction!.parties[1]!, contactPhone: '13611112222' };
    const c = (await mediator.post('/api/disputes', intake)).json();
    await actOn(mediator, c.id, 'start_consultation');
    await actOn(mediator, c.id, 'contact_employer', { channel: 'sms', reached: true });
    const [sms] = await t.deps.db.select().from(outbox).where(eq(outbox.recipient, '13611112222'));
    const token = sms!.body.match(/\/e\/([A-Za-z0-9_-]+)/)![1]!;
    const missing = await agent(t.app).post(`/api/public/disputes/employer/${token}/answer`, { answer: 'counter' });
    expect(missing.json().field).toBe('counterAmountFen');
    const res = await agent(t.app).post(`/api/public/disputes/employer/${token}/answer`, {
      answer: 'counter',
      counterAmountFen: 6_000_000,
      note: '可分三期',
    });
    expect(res.statusCode, res.body).toBe(200);
    const detail = (await mediator.get(`/api/disputes/${c.id}`)).json();
    expect(detail.record.counterOffer.amountFen).toBe(6_000_000);
    expect(detail.record.state.employerAnswer).toBe('counter');

    // The link answers once: the page says so, and a second answer is refused without any SMS.
    const view = (await agent(t.app).get(`/api/public/disputes/employer/${token}`)).json();
    expect(view).toMatchObject({ answered: 'counter', canAnswer: false });
    const sent = (await t.deps.db.select().from(outbox)).length;
    for (const again of [
      { answer: 'counter', counterAmountFen: 1_000_000 },
      { answer: 'decline' },
      { answer: 'accept' },
    ]) {
      const res = await agent(t.app).post(`/api/public/disputes/employer/${token}/answer`, again);
      expect(res.statusCode).toBe(409);
      expect(res.json().message).toMatch(
        /已答复（提出了金额方案），不能再次提交。如需更改，请联系调解员（电话 0760-88880001）/,
      );
    }
    expect((await t.deps.db.select().from(outbox)).length).toBe(sent);
    const after = (await mediator.get(`/api/disputes/${c.id}`)).json();
    expect(after.record.counterOffer.amountFen).toBe(6_000_000);
    expect(after.version).toBe(detail.version);
  });

  it('refuses a counter-offer larger than the documents can state', async () => {
    const intake = constructionIntake(t, { sequence: 10, workerName: '林大伟' });
    intake.worker = { ...intake.worker, phone: '13612345679' };
    intake.construction!.parties[1] = { ...intake.construction!.parties[1]!, contactPhone: '13611113333' };
    const c = (await mediator.post('/api/disputes', intake)).json();
    await actOn(mediator, c.id, 'start_consultation');
    await actOn(mediator, c.id, 'contact_employer', { channel: 'sms', reached: true });
    const [sms] = await t.deps.db.select().from(outbox).where(eq(outbox.recipient, '13611113333'));
    const token = sms!.body.match(/\/e\/([A-Za-z0-9_-]+)/)![1]!;
    const huge = await agent(t.app).post(`/api/public/disputes/employer/${token}/answer`, {
      answer: 'counter',
      counterAmountFen: 10_000_000_001,
    });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().field).toBe('counterAmountFen');
    const hidden = await agent(t.app).post(`/api/public/disputes/employer/${token}/answer`, {
      answer: 'decline',
      note: '不同意\u202e',
    });
    expect(hidden.json().field).toBe('note');
  });

  it('flags a collective case of 12 workers for a judge, who then sees it', async () => {
    const intake = constructionIntake(t, { sequence: 9, workerName: '刘德明' });
    intake.worker = { ...intake.worker, phone: '13512345678' };
    intake.workerCount = 12;
    intake.representatives = [
      { name: '刘德明', phone: '13512345678' },
      { name: '王建新', phone: '13512345679' },
      { name: '周国平', phone: '13512345670' },
    ];
    const c = (await mediator.post('/api/disputes', intake)).json();
    expect(c.joint).toBe(true);
    expect(c.record.jointReasons[0].message).toMatch(/12/);
    const judges = (await mediator.get(`/api/disputes/${c.id}/judges`)).json().items;
    expect(judges.length).toBeGreaterThan(0);
    const invited = await mediator.post(`/api/disputes/${c.id}/invite-judge`, { judgeAccountId: judges[0].id });
    expect(invited.json().judgeName).toBe(judges[0].name);
    expect((await judge.get(`/api/disputes/${c.id}`)).statusCode).toBe(200);
  });
});

describe('studio settings', () => {
  it('mediator profiles: expertise and declared conflicts steer the proposals', async () => {
    const list = (await mediator.get('/api/disputes/mediators')).json().items;
    expect(list.length).toBe(STUDIO_MEDIATORS);
    const target = list.find((m: { name: string }) => m.name.includes('刘志明'));
    // Another mediator's profile is kept by the studio manager or an administrator, not by a colleague.
    const payload = { expertise: ['construction', 'wage_arrears'], available: true, conflictEmployerIds: [] };
    expect(
      (await mediator.request({ method: 'PUT', url: `/api/disputes/mediators/${target.id}/profile`, payload }))
        .statusCode,
    ).toBe(403);
    const admin = await newAdmin(t);
    const res = await admin.request({ method: 'PUT', url: `/api/disputes/mediators/${target.id}/profile`, payload });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await mediator.get('/api/disputes/mediators'))
      .json()
      .items.find((m: { id: string }) => m.id === target.id);
    expect(after.expertise).toEqual(['construction', 'wage_arrears']);
  });

  it('joint-mediation triggers are configuration changed by an administrator only', async () => {
    const admin = await newAdmin(t);
    expect(
      (
        await mediator.request({
          method: 'PUT',
          url: '/api/disputes/settings/joint-mediation',
          payload: { minWorkers: 5, minClaimFen: 5_000_000, onMediatorRequest: true },
        })
      ).statusCode,
    ).toBe(403);
    const set = await admin.request({
      method: 'PUT',
      url: '/api/disputes/settings/joint-mediation',
      payload: { minWorkers: 5, minClaimFen: 5_000_000, onMediatorRequest: true },
    });
    expect(set.statusCode).toBe(200);
    const intake = constructionIntake(t, { sequence: 12, workerName: '周海生' });
    intake.worker = { ...intake.worker, phone: '13312345678' };
    const c = (await mediator.post('/api/disputes', intake)).json();
    expect(c.joint).toBe(true);
    expect(c.record.jointReasons.map((r: { code: string }) => r.code)).toContain('large_claim');
  });
});
