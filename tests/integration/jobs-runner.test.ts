import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { progressCleanupJob } from '../../server/modules/jobs/cleanup-job.js';
import { defineJob } from '../../server/modules/jobs/define.js';
import { progressRepo } from '../../server/modules/jobs/repository.js';
import { JobRunner, type AnyJobDefinition } from '../../server/modules/jobs/runner.js';
import { createTestApp, type TestApp } from '../support/app.js';

// The runner itself: a job sent in a transaction exists only if it commits; a stop lets a job
// finish within the timeout, or hands it back to the queue for another instance; readiness
// says when the database, its migrations or the runner are not there.

const echoed: string[] = [];
const echoJob = defineJob({
  name: 'test.echo',
  payload: z.object({ text: z.string() }),
  handler: async (_deps, payload) => {
    echoed.push(payload.text);
  },
});

const slowStarted: string[] = [];
/** First run: waits for the stop's signal (obeys) or `ms`; any later run finishes at once. */
const slowJob = defineJob({
  name: 'test.slow',
  payload: z.object({ obeys: z.boolean(), ms: z.number().int() }),
  handler: async (_deps, payload, ctx) => {
    slowStarted.push(ctx.jobId);
    if (ctx.attempt > 1) return { attempt: ctx.attempt };
    if (payload.obeys) {
      await new Promise((_, reject) => ctx.signal.addEventListener('abort', () => reject(new Error('stopped'))));
    }
    await new Promise((resolve) => setTimeout(resolve, payload.ms));
    return { attempt: ctx.attempt };
  },
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null, jobs: { definitions: [echoJob] } });
});
afterAll(() => t.close());

function runner(definitions: AnyJobDefinition[]) {
  return new JobRunner(t.deps, t.database, definitions, {
    pollingIntervalMs: 100,
    schedule: false,
    stopTimeoutMs: 500,
  });
}

async function stateOf(id: string): Promise<string | undefined> {
  const res = await t.database.db.execute(sql`SELECT state::text AS state FROM pgboss.job WHERE id = ${id}::uuid`);
  return (res as { rows: { state: string }[] }).rows[0]?.state;
}

async function until(check: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('sending in a transaction', () => {
  it('queues the job only when the transaction commits', async () => {
    await expect(
      t.deps.db.transaction(async (tx) => {
        await t.jobs.sendInTx(tx, echoJob, { text: 'rolled back' });
        throw new Error('the caller changed its mind');
      }),
    ).rejects.toThrow(/changed its mind/);
    await t.deps.db.transaction(async (tx) => {
      await t.jobs.sendInTx(tx, echoJob, { text: 'committed' });
    });
    await t.jobs.idle();
    expect(echoed).toEqual(['committed']);
  });

  it('checks the payload again before the handler (a row written past the schema fails, unrun)', async () => {
    // Straight through pg-boss, as an older version of the app or a hand-written row would.
    const boss = (t.jobs as unknown as { boss: { send(name: string, data: object): Promise<string> } }).boss;
    const id = await boss.send('test.echo', { text: 42 });
    await t.jobs.idle();
    expect(await stateOf(id)).toBe('failed');
    expect(echoed).not.toContain(42);
  });

  it('validates the payload in the transaction too', async () => {
    await expect(t.deps.db.transaction((tx) => t.jobs.sendInTx(tx, echoJob, { text: 1 } as never))).rejects.toThrow();
  });
});

describe('graceful stop', () => {
  it('lets a running job finish within the timeout', async () => {
    const a = runner([slowJob]);
    await a.start();
    const id = (await a.send(slowJob, { obeys: false, ms: 200 }))!;
    await until(() => slowStarted.includes(id));
    await a.stop(2000);
    expect(await stateOf(id)).toBe('completed');
  });

  it('hands back a job that stops at the signal, and another instance finishes it once', async () => {
    const a = runner([slowJob]);
    await a.start();
    // No retries: a hand-back is not a failure and must not use one up.
    const id = (await a.send(slowJob, { obeys: true, ms: 0 }))!;
    await until(() => slowStarted.includes(id));
    await a.stop();
    expect(await stateOf(id)).toBe('retry');

    const b = runner([slowJob]);
    await b.start();
    await until(() => slowStarted.filter((s) => s === id).length === 2, 10_000);
    await b.idle();
    expect(await stateOf(id)).toBe('completed');
    await b.stop();
    expect(slowStarted.filter((s) => s === id)).toHaveLength(2);
  });

  it('hands back a job still running after the timeout, and does not complete it later', async () => {
    const a = runner([slowJob]);
    await a.start();
    const id = (await a.send(slowJob, { obeys: false, ms: 1500 }))!;
    await until(() => slowStarted.includes(id));
    const stopped = Date.now();
    await a.stop(300);
    expect(Date.now() - stopped).toBeLessThan(1400);
    expect(await stateOf(id)).toBe('retry');
    // The abandoned handler ends; its result is not recorded over the hand-back.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await stateOf(id)).toBe('retry');
  });
});

describe('readiness', () => {
  it('/readyz checks the database, the migrations and the job runner; /healthz only the process', async () => {
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode, ready.body).toBe(200);
    expect(ready.json()).toEqual({ ok: true, database: 'ok', migrations: 'current', jobs: 'running', reasons: [] });

    const other = await createTestApp({ demoScale: null });
    try {
      await other.database.db.execute(
        sql`DELETE FROM drizzle.__drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM drizzle.__drizzle_migrations)`,
      );
      const behind = await other.app.inject({ method: 'GET', url: '/readyz' });
      expect(behind.statusCode).toBe(503);
      expect(behind.json()).toMatchObject({ ok: false, migrations: 'behind', jobs: 'running' });
      expect(behind.json().reason).toMatch(/migrations/);

      await other.jobs.stop();
      const stopped = await other.app.inject({ method: 'GET', url: '/readyz' });
      expect(stopped.statusCode).toBe(503);
      expect(stopped.json()).toMatchObject({ jobs: 'stopped' });
      expect(stopped.json().reasons).toContain('任务队列未运行 / the job queue is not running');
      expect((await other.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });
});

describe('progress clean-up', () => {
  it('deletes the progress rows of jobs older than pg-boss keeps them', async () => {
    const old = crypto.randomUUID();
    const recent = crypto.randomUUID();
    const now = t.deps.now();
    await progressRepo.started(
      t.deps.db,
      old,
      'test.echo',
      crypto.randomUUID(),
      new Date(now.getTime() - 16 * 86_400_000),
    );
    await progressRepo.started(
      t.deps.db,
      recent,
      'test.echo',
      crypto.randomUUID(),
      new Date(now.getTime() - 86_400_000),
    );
    await t.jobs.send(progressCleanupJob, {});
    await t.jobs.idle();
    expect(await progressRepo.byJob(t.deps.db, old)).toBeNull();
    expect(await progressRepo.byJob(t.deps.db, recent)).not.toBeNull();
  });
});
