import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditLog } from '../../server/modules/audit/tables.js';
import { defineJob } from '../../server/modules/jobs/define.js';
import { eq } from 'drizzle-orm';
import { agent, createTestApp, type TestApp } from '../support/app.js';
import { newAccount, newAdmin, type LoggedIn } from '../support/factories.js';

// The job queue through its API: a job that keeps failing is retried with backoff and lands in
// the failed state, an administrator retries it, a long job's progress reaches the browser as
// server-sent events, and every route refuses who may not use it.

const flakyRuns: { at: number; attempt: number; id: string }[] = [];
/** How many runs fail before the job succeeds. */
let flakyFailures = 0;
const flakyJob = defineJob({
  name: 'test.flaky',
  payload: z.object({ label: z.string() }),
  retry: { limit: 2, delaySeconds: 1, backoff: true },
  handler: async (_deps, _payload, ctx) => {
    flakyRuns.push({ at: Date.now(), attempt: ctx.attempt, id: ctx.jobId });
    if (flakyRuns.filter((r) => r.id === ctx.jobId).length <= flakyFailures)
      throw new Error('上游服务不可用 / upstream unavailable');
    return { ok: true };
  },
});

let releaseProgress: () => void = () => undefined;
const progressJob = defineJob({
  name: 'test.progress',
  payload: z.object({ steps: z.number().int().min(1).max(10) }),
  handler: async (_deps, payload, ctx) => {
    await new Promise<void>((resolve) => (releaseProgress = resolve));
    for (let i = 1; i <= payload.steps; i++) {
      await ctx.progress(i / payload.steps, { zh: `第 ${i} 步`, en: `step ${i}` });
      await new Promise((resolve) => setTimeout(resolve, 120));
    }
  },
});

let t: TestApp;
let admin: LoggedIn;
let staff: LoggedIn;

beforeAll(async () => {
  t = await createTestApp({ demoScale: null, jobs: { definitions: [flakyJob, progressJob] } });
  admin = await newAdmin(t);
  staff = await newAccount(t, { role: 'mediator' });
});
afterAll(() => t.close());

describe('a job that keeps failing', () => {
  let id: string;

  it('is retried with backoff, then visible as failed with its error', async () => {
    flakyFailures = 3;
    id = (await t.jobs.send(flakyJob, { label: 'a' }))!;
    await t.jobs.idle();
    const runs = flakyRuns.filter((r) => r.id === id);
    expect(runs.map((r) => r.attempt)).toEqual([1, 2, 3]);
    // retryDelay 1 s doubled per retry (with pg-boss's jitter: 1–2 s, then 2–4 s).
    expect(runs[1]!.at - runs[0]!.at).toBeGreaterThanOrEqual(900);
    expect(runs[2]!.at - runs[1]!.at).toBeGreaterThanOrEqual(1900);

    const failed = await admin.get('/api/jobs?state=failed');
    expect(failed.statusCode, failed.body).toBe(200);
    const job = failed.json().items.find((j: { id: string }) => j.id === id);
    expect(job).toMatchObject({ name: 'test.flaky', state: 'failed', attempts: 3, retryLimit: 2 });
    expect(job.errorMessage).toContain('upstream unavailable');
    expect(job.errorMessage).not.toMatch(/\.ts|at /); // the message only, never a stack
    expect((await admin.get(`/api/jobs/${id}`)).json()).toMatchObject({ id, state: 'failed' });

    const queues = (await admin.get('/api/jobs/queues')).json();
    expect(queues.running).toBe(true);
    expect(queues.items.find((q: { name: string }) => q.name === 'test.flaky').counts.failed).toBe(1);
  });

  it('runs again when an administrator retries it, with an audit record', async () => {
    const res = await admin.post(`/api/jobs/${id}/retry`);
    expect(res.statusCode, res.body).toBe(200);
    await t.jobs.idle();
    expect((await admin.get(`/api/jobs/${id}`)).json()).toMatchObject({ state: 'completed', attempts: 4 });
    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.map((a) => a.action)).toEqual(['job.retried']);
    // Only a failed job can be retried.
    const again = await admin.post(`/api/jobs/${id}/retry`);
    expect(again.statusCode).toBe(409);
    expect(again.json().field).toBe('state');
  });

  it('pages the list and filters it by name and state', async () => {
    flakyFailures = 0;
    for (const label of ['b', 'c', 'd']) await t.jobs.send(flakyJob, { label });
    await t.jobs.idle();
    const page = (await admin.get('/api/jobs?name=test.flaky&state=completed&pageSize=2&page=2')).json();
    expect(page).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(2);
    expect((await admin.get('/api/jobs?name=test.nothing')).json().total).toBe(0);
  });
});

describe('progress as server-sent events', () => {
  let base: string;
  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  /** Reads the stream to its end; `onOpen` runs once the first event arrived. */
  async function readEvents(url: string, cookie: string, onOpen: () => void) {
    const res = await fetch(url, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    const events: { event: string; data: Record<string, unknown> }[] = [];
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.startsWith(':')) continue;
        const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
        const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null') as Record<string, unknown>;
        events.push({ event, data });
        if (events.length === 1) onOpen();
      }
    }
    return events;
  }

  it('sends each step in order to the account that started the job, then the end', async () => {
    const id = (await t.jobs.send(progressJob, { steps: 4 }, { startedBy: staff.id }))!;
    const events = await readEvents(`${base}/api/jobs/${id}/events`, staff.cookie!, () => releaseProgress());
    const fractions = events.filter((e) => e.event === 'progress').map((e) => e.data.fraction as number);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(new Set(fractions).size).toBe(fractions.length);
    expect(fractions.filter((f) => f > 0).length).toBeGreaterThanOrEqual(3);
    const last = events.filter((e) => e.event === 'progress').at(-1)!;
    expect(last.data.message).toEqual({ zh: '第 4 步', en: 'step 4' });
    expect(events.at(-1)).toEqual({ event: 'end', data: { state: 'completed', errorMessage: null } });
    // The last progress is kept with the job.
    expect((await staff.get(`/api/jobs/${id}`)).json().progress).toMatchObject({ fraction: 1 });
  });

  it('refuses the stream to anyone else but the administrator', async () => {
    const id = (await t.jobs.send(progressJob, { steps: 1 }, { startedBy: staff.id }))!;
    const other = await newAccount(t, { role: 'mediator' });
    expect((await other.get(`/api/jobs/${id}/events`)).statusCode).toBe(403);
    expect((await other.get(`/api/jobs/${id}`)).statusCode).toBe(403);
    expect((await agent(t.app).get(`/api/jobs/${id}/events`)).statusCode).toBe(401);
    const events = await readEvents(`${base}/api/jobs/${id}/events`, admin.cookie!, () => releaseProgress());
    expect(events.at(-1)!.event).toBe('end');
  });
});

describe('refusals', () => {
  it('keeps the admin routes to the jobs permission', async () => {
    const anonymous = agent(t.app);
    for (const url of ['/api/jobs/queues', '/api/jobs', `/api/jobs/${crypto.randomUUID()}`]) {
      expect((await anonymous.get(url)).statusCode, url).toBe(401);
    }
    expect((await staff.get('/api/jobs/queues')).statusCode).toBe(403);
    expect((await staff.get('/api/jobs')).statusCode).toBe(403);
    const failedId = (await admin.get('/api/jobs?state=completed')).json().items[0].id;
    expect((await staff.post(`/api/jobs/${failedId}/retry`)).statusCode).toBe(403);
    expect((await anonymous.post(`/api/jobs/${failedId}/retry`)).statusCode).toBe(401);
  });

  it('answers bad input with 400 naming the field, and an unknown job with 404', async () => {
    const badState = await admin.get('/api/jobs?state=broken');
    expect(badState.statusCode).toBe(400);
    expect(badState.json().field).toBe('state');
    expect((await admin.get('/api/jobs?page=0')).statusCode).toBe(400);
    expect((await admin.get('/api/jobs/not-a-job')).statusCode).toBe(400);
    expect((await admin.get('/api/jobs/not-a-job/events')).statusCode).toBe(400);
    expect((await admin.get(`/api/jobs/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/jobs/${crypto.randomUUID()}/events`)).statusCode).toBe(404);
    expect((await admin.post(`/api/jobs/${crypto.randomUUID()}/retry`)).statusCode).toBe(404);
  });

  it('refuses a payload its schema does not accept, and a job not in the registry', async () => {
    await expect(t.jobs.send(flakyJob, { label: 5 } as never)).rejects.toThrow();
    const stranger = defineJob({ name: 'test.unregistered', payload: z.object({}), handler: async () => null });
    await expect(t.jobs.send(stranger, {})).rejects.toThrow(/registry/);
  });
});
