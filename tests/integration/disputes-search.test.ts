import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../server/modules/notifications/tables.js';
import { createTestApp, type Agent, type TestApp } from '../support/app.js';
import { newAccount, newCase, newMediator, type LoggedIn, type NewCase, type Studio } from '../support/factories.js';
import { nextAddress, onlineApplication } from '../support/disputes.js';

// The studio's case search (any part of a number, a name or a phone) and its "to assign" queue of
// online applications, with the SMS that tells the studio's mediators one has arrived.

let t: TestApp;
let studio: Studio;
let mediator: LoggedIn;
let colleaguePhone: string;
let found: NewCase;
let other: NewCase;

const CONTRACTOR = '中山市鼎峰建设工程有限公司';

beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  t.clock.now = new Date('2025-06-09T02:00:00Z');
  const first = await newMediator(t);
  studio = first.studio;
  mediator = first;
  // A colleague with a phone, to hear of online applications.
  colleaguePhone = '13655500001';
  await newAccount(t, {
    role: 'mediator',
    regionCode: studio.regionCode,
    organizationId: studio.organizationId,
    phone: colleaguePhone,
  });
  found = await newCase(t, {
    mediator: first,
    worker: { name: '欧阳振华', phone: '13788812345' },
    intake: (base) => {
      const parties = base.construction!.parties.map((p) => (p.id === 'gc' ? { ...p, name: CONTRACTOR } : p));
      return { ...base, construction: { ...base.construction!, parties } };
    },
  });
  // The same worker's name, in another city's studio.
  const elsewhere = await newMediator(t, { regionCode: '440100' });
  other = await newCase(t, { mediator: elsewhere, worker: { name: '欧阳振华', phone: '13788854321' } });
}, 60_000);
afterAll(() => t.close());

const search = async (who: Agent, q: string) => {
  const res = await who.get(`/api/disputes?q=${encodeURIComponent(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: { id: string }[] }>().items.map((i) => i.id);
};

describe('the case search', () => {
  it('finds a case by a middle part of its number, and by its digits alone', async () => {
    // 粤中工调〔2025〕000001号: a piece from inside, the digits run together, the year and number apart.
    const digits = found.caseNumber.replace(/\D/g, '');
    const middle = found.caseNumber.slice(2, found.caseNumber.length - 3);
    for (const q of [middle, digits, digits.slice(3), `${digits.slice(0, 4)} ${digits.slice(-3)}`])
      expect(await search(mediator, q), q).toContain(found.id);
  });

  it('finds a case by a part of the worker’s name, the contractor’s name and the end of the worker’s phone', async () => {
    for (const q of ['阳振', '欧阳振华', '鼎峰建设', '12345', '137888 12345'])
      expect(await search(mediator, q), q).toContain(found.id);
    expect(await search(mediator, '鼎峰建设 欧阳')).toEqual([found.id]);
    expect(await search(mediator, '鼎峰建设 王')).toEqual([]);
  });

  it('shows no case of another region, whatever it names', async () => {
    const ids = await search(mediator, '欧阳振华');
    expect(ids).toContain(found.id);
    expect(ids).not.toContain(other.id);
    expect(await search(mediator, '54321')).toEqual([]);
  });

  it('takes % and _ literally', async () => {
    expect(await search(mediator, '%')).toEqual([]);
    expect(await search(mediator, '_')).toEqual([]);
    expect(await search(mediator, '欧阳%华')).toEqual([]);
    expect(await search(mediator, '欧阳_华')).toEqual([]);
    expect(await search(mediator, '\\')).toEqual([]);
  });
});

describe('the "to assign" queue', () => {
  let applicationId = '';
  let caseNumber = '';

  it('lists an online application that has no mediator, and not a counter case', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/disputes/apply',
      payload: onlineApplication(t, {
        sequence: 77,
        workerName: '网申职工',
        phone: '13766600077',
        mediationBodyId: studio.id,
      }),
      remoteAddress: nextAddress(),
    });
    expect(res.statusCode, res.body).toBe(200);
    caseNumber = res.json<{ caseNumber: string }>().caseNumber;
    const queue = (await mediator.get('/api/disputes?unassigned=true')).json<{
      items: { id: string; caseNumber: string; mediatorName: string | null }[];
    }>();
    expect(queue.items.map((i) => i.caseNumber)).toEqual([caseNumber]);
    expect(queue.items[0]!.mediatorName).toBeNull();
    applicationId = queue.items[0]!.id;
    // The counter case (registered by its mediator) is not waiting for anyone.
    expect(queue.items.map((i) => i.id)).not.toContain(found.id);
    // The application is found by its applicant's name like any case.
    expect(await search(mediator, '网申')).toEqual([applicationId]);
  });

  it('tells the studio’s mediators by SMS that an application waits for a mediator', async () => {
    const sms = await t.deps.db.select().from(outbox).where(eq(outbox.recipient, colleaguePhone));
    const notice = sms.find((m) => m.body.includes(caseNumber));
    expect(notice?.body).toContain('新的在线调解申请，待分配调解员');
    expect(notice?.topic).toBe(`dispute_case:${applicationId}`);
    // Only the online application asked for a mediator.
    expect(sms.filter((m) => m.body.includes('待分配'))).toHaveLength(1);
  });

  it('leaves the queue once a mediator is assigned', async () => {
    const assigned = await mediator.post(`/api/disputes/${applicationId}/assign`, {
      mediatorAccountId: mediator.id,
      noConflictDeclared: true,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect((await mediator.get('/api/disputes?unassigned=true')).json().items).toEqual([]);
  });

  it('refuses a filter value it does not know, naming the field', async () => {
    const res = await mediator.get('/api/disputes?unassigned=maybe');
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('unassigned');
  });
});
