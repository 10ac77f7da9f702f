import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../support/app.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { actOn, termsHashOf } from '../support/disputes.js';
import { newCase, newMediator, type LoggedIn, type Studio } from '../support/factories.js';

// What the case page offers is what the state machine would accept: nothing refused on click.

let t: TestApp;
let mediator: LoggedIn & { studio: Studio };
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  mediator = await newMediator(t);
});
afterAll(() => t.close());

async function offered(a: Agent, id: string): Promise<string[]> {
  const res = await a.get(`/api/disputes/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ availableActions: string[] }>().availableActions;
}

const at = (day: string) => (t.clock.now = new Date(`${day}T02:00:00Z`));

describe('actions offered only when the state machine would take them', () => {
  it('enforcement is offered only once an agreed payment is overdue', async () => {
    const c = await newCase(t, {
      mediator,
      stage: 'ruling_issued',
      day: '2025-06-03',
      installments: [{ dueOn: '2025-07-30', amountFen: 5_000_000 }],
    });
    expect(await offered(mediator, c.id)).not.toContain('apply_enforcement');
    expect((await actOn(mediator, c.id, 'apply_enforcement')).statusCode).toBe(409);

    at('2025-08-06');
    expect(await offered(mediator, c.id)).toContain('apply_enforcement');
  });

  it('a payment order is offered only once an agreed payment is overdue', async () => {
    const c = await newCase(t, {
      mediator,
      stage: 'agreement_signed',
      day: '2025-06-10',
      installments: [{ dueOn: '2025-08-10', amountFen: 5_000_000 }],
    });
    expect(await offered(mediator, c.id)).not.toContain('apply_payment_order');
    at('2025-08-20');
    expect(await offered(mediator, c.id)).toContain('apply_payment_order');
  });

  it('"performed" is offered only when nothing is outstanding', async () => {
    const c = await newCase(t, {
      mediator,
      stage: 'agreement_signed',
      day: '2025-06-17',
      installments: [
        { dueOn: '2025-07-17', amountFen: 3_000_000 },
        { dueOn: '2025-08-17', amountFen: 2_000_000 },
      ],
    });
    at('2025-07-18');
    expect(await offered(mediator, c.id)).toContain('record_payment');
    expect(await offered(mediator, c.id)).not.toContain('mark_performed');

    const first = await actOn(mediator, c.id, 'record_payment', { amountFen: 3_000_000, paidOn: '2025-07-17' });
    expect(first.statusCode, first.body).toBe(200);
    expect(await offered(mediator, c.id)).not.toContain('mark_performed');
    const refused = await actOn(mediator, c.id, 'mark_performed', { workerConfirmed: true });
    expect(refused.statusCode).toBe(409);

    const rest = await actOn(mediator, c.id, 'record_payment', { amountFen: 2_000_000, paidOn: '2025-07-18' });
    expect(rest.statusCode, rest.body).toBe(200);
    const now = await offered(mediator, c.id);
    expect(now).toContain('mark_performed');
    // Everything is paid: there is no payment left to record.
    expect(now).not.toContain('record_payment');
  });

  it('a party that has signed is not offered a second signature, and one sent is refused', async () => {
    const c = await newCase(t, { mediator, stage: 'mediating', day: '2025-06-24' });
    const set = await actOn(mediator, c.id, 'set_agreement_terms', {
      terms: { installments: [{ dueOn: '2025-07-30', amountFen: 5_000_000 }], claimTypes: ['wage_arrears'] },
    });
    expect(set.statusCode, set.body).toBe(200);
    const termsHash = await termsHashOf(mediator, c.id);
    const sign = (signer: 'worker' | 'employer') =>
      actOn(mediator, c.id, 'record_party_signature', { signer, termsHash, method: 'paper' });

    expect((await sign('worker')).statusCode).toBe(200);
    // The employer has still to sign: the action stays, for the employer.
    expect(await offered(mediator, c.id)).toContain('record_party_signature');
    const again = await sign('worker');
    expect(again.statusCode).toBe(409);
    expect(again.json().messageEn).toMatch(/already recorded/);

    expect((await sign('employer')).statusCode).toBe(200);
    expect(await offered(mediator, c.id)).not.toContain('record_party_signature');
  });

  it("consent is offered while a party's consent is still to come, not again for one given", async () => {
    const c = await newCase(t, { mediator, stage: 'consultation', day: '2025-06-30' });
    expect(await offered(mediator, c.id)).toContain('record_consent');
    const worker = await actOn(mediator, c.id, 'record_consent', { party: 'worker' });
    expect(worker.statusCode, worker.body).toBe(200);
    // The worker has consented, and the employer's consent waits for the employer to be reached.
    expect(await offered(mediator, c.id)).not.toContain('record_consent');
    expect((await actOn(mediator, c.id, 'record_consent', { party: 'worker' })).statusCode).toBe(409);

    const reached = await actOn(mediator, c.id, 'contact_employer', { channel: 'phone', reached: true });
    expect(reached.statusCode, reached.body).toBe(200);
    expect(await offered(mediator, c.id)).toContain('record_consent');
  });

  it('a payment dated in the future is refused, naming the date field in both languages', async () => {
    const c = await newCase(t, { mediator, stage: 'agreement_signed', day: '2025-07-07' });
    const res = await actOn(mediator, c.id, 'record_payment', { amountFen: 100_000, paidOn: '2025-07-08' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION', field: 'paidOn' });
    expect(res.json().message).toContain('付款日期');
    expect(res.json().messageEn).toContain('payment date');
    const today = await actOn(mediator, c.id, 'record_payment', { amountFen: 100_000, paidOn: '2025-07-07' });
    expect(today.statusCode, today.body).toBe(200);
  });

  it('minutes of a session held in the future are refused, naming the time field', async () => {
    const c = await newCase(t, { mediator, stage: 'mediating', day: '2025-07-14' });
    const scheduled = await mediator.post(`/api/disputes/${c.id}/sessions`, {
      mode: 'in_person',
      scheduledAt: '2025-07-14T01:00:00Z',
      location: '调解室 1',
    });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    const sessionId = scheduled.json<{ sessions: { id: string }[] }>().sessions[0]!.id;
    const minutes = (heldAt: string) =>
      mediator.post(`/api/disputes/${c.id}/sessions/${sessionId}/minutes`, {
        minutes: '双方就工资数额达成一致意见。',
        heldAt,
      });
    const future = await minutes('2025-07-15T01:00:00Z');
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ code: 'VALIDATION', field: 'heldAt' });
    expect((await minutes('2025-07-14T01:30:00Z')).statusCode).toBe(200);
  });
});
