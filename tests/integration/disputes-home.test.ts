import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../contracts/dates.js';
import type { Home, HomeList } from '../../contracts/disputes/home.js';
import { disputeCases } from '../../server/modules/disputes/tables.js';
import { agent, createTestApp, type Agent, type TestApp } from '../support/app.js';
import { nextAddress, onlineApplication } from '../support/disputes.js';
import {
  newAccount,
  newCase,
  newCourt,
  newEmployer,
  newJudge,
  newMediator,
  newStudio,
  uniquePhone,
  type NewCase,
} from '../support/factories.js';

// The home page per role (GET /api/disputes/home): a mediator's own open cases, those due within
// three days (overdue first) and the region's online applications nobody has taken; a judge's
// confirmation queue; an employer's own cases; nothing for a role without such work.

let t: TestApp;
let mediator: Awaited<ReturnType<typeof newMediator>>;
let otherMediator: Awaited<ReturnType<typeof newMediator>>;
let overdue: NewCase;
let dueSoon: NewCase;
let dueLater: NewCase;
let othersCase: NewCase;
let confirming: NewCase;
let localApplication = '';
let farApplication = '';
let today = '';

const at = (day: string) => {
  t.clock.now = new Date(`${day}T02:00:00Z`);
};
const dueOn = async (id: string) =>
  (await t.deps.db.select({ d: disputeCases.nextDueOn }).from(disputeCases).where(eq(disputeCases.id, id)))[0]!.d!;
const homeOf = async (who: Agent, query = ''): Promise<Home> => {
  const res = await who.get(`/api/disputes/home${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Home>();
};
const numbers = (list: HomeList | undefined) => list?.items.map((c) => c.caseNumber) ?? [];

/** An online application to a studio, as a worker sends it from a phone; its case number. */
async function applyOnline(studioId: string, sequence: number): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/public/disputes/apply',
    payload: onlineApplication(t, { sequence, phone: uniquePhone(), mediationBodyId: studioId }),
    remoteAddress: nextAddress(),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ caseNumber: string }>().caseNumber;
}

beforeAll(async () => {
  // Sessions of the longest allowed life, so the accounts still read their home weeks later.
  t = await createTestApp({ demoScale: null, env: { SESSION_TTL_HOURS: String(24 * 30) } });
  at('2025-06-02');
  mediator = await newMediator(t);
  otherMediator = await newMediator(t, { studio: mediator.studio });
  // A new case must be contacted within days: registered a week apart, the deadlines fall a week apart.
  overdue = await newCase(t, { mediator, day: '2025-06-02' });
  dueSoon = await newCase(t, { mediator, day: '2025-06-09' });
  othersCase = await newCase(t, { mediator: otherMediator, day: '2025-06-09' });
  dueLater = await newCase(t, { mediator, day: '2025-06-19' });
  confirming = await newCase(t, { mediator, day: '2025-06-09', stage: 'confirmation_applied' });
  localApplication = await applyOnline(mediator.studio.id, 51);
  farApplication = await applyOnline((await newStudio(t, { regionCode: '440300' })).id, 52);
  // The day before the second case falls due: the first is overdue, the third ten days or more away.
  today = addDays(await dueOn(dueSoon.id), -1);
  at(today);
}, 300_000);
afterAll(() => t?.close());

describe('a mediator’s home', () => {
  it('lists their own open cases, not another mediator’s nor unassigned ones', async () => {
    const home = await homeOf(mediator);
    expect(home.today).toBe(today);
    expect(home.court).toBeNull();
    expect(home.employer).toBeNull();
    const open = numbers(home.mediator?.open);
    expect(open).toEqual(
      expect.arrayContaining([overdue.caseNumber, dueSoon.caseNumber, dueLater.caseNumber, confirming.caseNumber]),
    );
    expect(open).not.toContain(othersCase.caseNumber);
    expect(open).not.toContain(localApplication);
    expect(home.mediator?.open.total).toBe(4);
  });

  it('shows what falls due within three days, overdue first, and not a case due in ten', async () => {
    expect((await dueOn(overdue.id)) < today).toBe(true);
    expect((await dueOn(dueLater.id)) > addDays(today, 9)).toBe(true);
    const home = await homeOf(mediator);
    expect(home.mediator?.dueWithinDays).toBe(3);
    expect(numbers(home.mediator?.dueSoon)).toEqual([overdue.caseNumber, dueSoon.caseNumber]);
    expect(home.mediator?.dueSoon.items.map((c) => c.risk)).toEqual(['overdue', 'due_soon']);
    expect(home.mediator?.dueSoon.total).toBe(2);
  });

  it('offers the online applications of its region to assign, not another region’s', async () => {
    const home = await homeOf(mediator);
    expect(numbers(home.mediator?.toAssign)).toEqual([localApplication]);
    expect(home.mediator?.toAssign.items[0]?.mediatorName).toBeNull();
    expect(numbers(home.mediator?.toAssign)).not.toContain(farApplication);
    // The other mediator of the studio sees the same application, and their own case as due.
    const other = await homeOf(otherMediator);
    expect(numbers(other.mediator?.toAssign)).toEqual([localApplication]);
    expect(numbers(other.mediator?.open)).toEqual([othersCase.caseNumber]);
  });

  it('answers at most the rows asked for (20 at most), with the number of all', async () => {
    const home = await homeOf(mediator, '?limit=2');
    expect(home.mediator?.open.items).toHaveLength(2);
    expect(home.mediator?.open.total).toBe(4);
    expect(home.mediator?.open.totalCapped).toBe(false);
    const tooMany = await mediator.get('/api/disputes/home?limit=21');
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().field).toBe('limit');
  });
});

describe('a judge’s home', () => {
  it('shows the court’s confirmation queue and nothing of a mediator’s work', async () => {
    const judge = await newJudge(t, { court: mediator.studio.court });
    const home = await homeOf(judge);
    expect(numbers(home.court?.queue)).toEqual([confirming.caseNumber]);
    expect(home.court?.queue.total).toBe(1);
    expect(home.mediator).toBeNull();
    expect(home.employer).toBeNull();
  });

  it('shows a judge of another court an empty queue', async () => {
    const stranger = await newJudge(t, { court: await newCourt(t) });
    const home = await homeOf(stranger);
    expect(home.court?.queue.items).toEqual([]);
    expect(home.court?.queue.total).toBe(0);
  });
});

describe('an employer’s home', () => {
  it('lists the cases its employer answers for, and no other', async () => {
    const employer = await newEmployer(t);
    at('2025-06-09');
    const own = await newCase(t, { mediator, employer });
    at(today);
    const agentOf = await newAccount(t, { role: 'employer_agent', employerId: employer.id });
    const home = await homeOf(agentOf);
    expect(numbers(home.employer?.cases)).toEqual([own.caseNumber]);
    expect(home.employer?.cases.total).toBe(1);
    expect(home.mediator).toBeNull();
    expect(home.court).toBeNull();
  });
});

describe('who may ask', () => {
  it('refuses a caller without a session', async () => {
    const res = await agent(t.app).get('/api/disputes/home');
    expect(res.statusCode).toBe(401);
  });

  it('gives union staff and donors an empty home (their page shows the figures)', async () => {
    for (const role of ['union_staff', 'donor'] as const) {
      const home = await homeOf(await newAccount(t, { role }));
      expect(home).toEqual({ today, mediator: null, court: null, employer: null });
    }
  });

  it('gives an employer account without an employer no cases', async () => {
    const home = await homeOf(await newAccount(t, { role: 'employer_agent' }));
    expect(home.employer).toBeNull();
  });
});
