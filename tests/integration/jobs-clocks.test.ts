import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../server/core/deps.js';
import { disputeClocksJob } from '../../server/modules/disputes/clocks-job.js';
import type { ReminderRunResult } from '../../server/modules/disputes/reminders.js';
import { outbox } from '../../server/modules/notifications/tables.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { loadConfig } from '../../server/config.js';
import { jobDefinitions } from '../../server/modules/jobs/registry.js';
import { newAdmin, newCase, newMediator, type NewCase } from '../support/factories.js';

// The dispute clocks on the job queue: a retried run — whole, or after a failure midway —
// sends no reminder twice, because each one is recorded with its message in the locked write.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
});
afterAll(() => t.close());

/** The job's handler as the runner calls it (its output is what runReminders counted). */
const run = async (deps: Deps, attempt = 1) =>
  (await disputeClocksJob.handler(
    deps,
    {},
    {
      jobId: crypto.randomUUID(),
      attempt,
      signal: new AbortController().signal,
      progress: async () => undefined,
    },
  )) as ReminderRunResult;

/** The messages about these cases, by recipient and text (a duplicate shows as a count above 1). */
async function messagesAbout(cases: NewCase[]) {
  const rows = await t.deps.db.select().from(outbox).where(like(outbox.topic, 'dispute_case:%'));
  const ids = new Set(cases.map((c) => `dispute_case:${c.id}`));
  const counts = new Map<string, number>();
  for (const r of rows.filter((m) => ids.has(m.topic!))) {
    const key = `${r.recipient} ${r.body}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Deps whose database fails the `failAt`-th transaction, as a crash midway through a run would. */
function failingAt(failAt: number): Deps {
  let n = 0;
  const db = new Proxy(t.deps.db, {
    get(target, prop, receiver) {
      if (prop === 'transaction') {
        return (...args: Parameters<Deps['db']['transaction']>) => {
          n += 1;
          if (n === failAt) return Promise.reject(new Error('connection lost midway'));
          return target.transaction(...args);
        };
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  return { ...t.deps, db };
}

describe('dispute clocks job', () => {
  it('sends each reminder once when the handler runs twice on the same day', async () => {
    t.clock.now = new Date('2025-06-02T02:00:00Z');
    const mediator = await newMediator(t);
    const cases = [
      await newCase(t, { day: '2025-06-02', stage: 'consultation', mediator }),
      await newCase(t, { day: '2025-06-02', stage: 'consultation', mediator }),
    ];
    const session = await mediator.post(`/api/disputes/${cases[0]!.id}/sessions`, {
      mode: 'in_person',
      scheduledAt: '2025-06-04T08:00:00Z',
      location: '中山市调解中心',
    });
    expect(session.statusCode, session.body).toBe(200);
    t.clock.now = new Date('2025-06-04T02:00:00Z');
    const first = await run(t.deps);
    expect(first.remindersSent).toBeGreaterThanOrEqual(2);
    expect(first.sessionReminders).toBe(1);
    const second = await run(t.deps, 2);
    expect(second).toMatchObject({ remindersSent: 0, sessionReminders: 0 });
    const counts = await messagesAbout(cases);
    expect(counts.size).toBeGreaterThanOrEqual(3);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('a run that fails midway and is retried sends every reminder exactly once', async () => {
    // The same days as above (the factories' administrator signed in then): the earlier cases
    // were reminded today already and need no write.
    t.clock.now = new Date('2025-06-02T02:00:00Z');
    const mediator = await newMediator(t);
    const cases = [
      await newCase(t, { day: '2025-06-02', stage: 'consultation', mediator }),
      await newCase(t, { day: '2025-06-02', stage: 'consultation', mediator }),
      await newCase(t, { day: '2025-06-02', stage: 'consultation', mediator }),
    ];
    t.clock.now = new Date('2025-06-04T02:00:00Z');
    // The second case's write fails: the first case's reminders are committed, the rest are not.
    await expect(run(failingAt(2))).rejects.toThrow(/midway/);
    const partial = await messagesAbout(cases);
    expect(partial.size).toBeGreaterThan(0);

    const retried = await run(t.deps, 2);
    expect(retried.remindersSent).toBeGreaterThan(0);
    await run(t.deps, 3);
    const counts = await messagesAbout(cases);
    expect(counts.size).toBeGreaterThan(partial.size);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    // Every case got its reminder.
    const reminded = new Set(
      [...counts.keys()].flatMap((k) => cases.filter((c) => k.includes(c.caseNumber)).map((c) => c.id)),
    );
    expect(reminded.size).toBe(3);
  });

  it('runs through the queue when sent, and is in the registry with its schedule', async () => {
    const id = await t.jobs.send(disputeClocksJob, {});
    await t.jobs.idle();
    const admin = await newAdmin(t);
    const job = (await admin.get(`/api/jobs/${id}`)).json();
    expect(job).toMatchObject({ name: 'disputes.clocks', state: 'completed', attempts: 1 });

    const clocks = (env: Record<string, string>) =>
      jobDefinitions(loadConfig(env)).find((d) => d.name === 'disputes.clocks')!;
    expect(clocks({}).schedule).toEqual({ cron: '*/15 * * * *', payload: {} });
    expect(clocks({ DISPUTE_CLOCKS_CRON: '0 9 * * *' }).schedule?.cron).toBe('0 9 * * *');
    expect(clocks({ DISPUTE_CLOCKS_CRON: 'off' }).schedule).toBeUndefined();
  });
});
