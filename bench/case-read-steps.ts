import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { FieldCipher, resolveMasterKey } from '../server/core/crypto.js';
import type { Deps } from '../server/core/deps.js';
import { openDatabase } from '../server/db/client.js';
import { calendarFor, todayOf } from '../server/modules/disputes/calendar.js';
import { clocksOf } from '../server/modules/disputes/case-record.js';
import { caseDetail } from '../server/modules/disputes/case-view.js';
import { caseRepo } from '../server/modules/disputes/repository.js';
import { disputeCases } from '../server/modules/disputes/tables.js';

// Where a case read spends its time, step by step, on an already loaded database (sequential, no load):
//   DATABASE_URL=postgres://…/yz_bench_kept npx tsx bench/case-read-steps.ts [caseId]
// Keep a database with `BENCH_KEEP_DB=name npm run bench -- --scenario disputes --smoke`.

const N = Number(process.env.STEPS_N ?? 300);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}
function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length * 0.95)] ?? 0;
}

async function time(name: string, fn: () => Promise<unknown> | unknown) {
  for (let i = 0; i < 20; i++) await fn();
  const xs: number[] = [];
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  console.log(`${name.padEnd(46)} p50 ${median(xs).toFixed(2)} ms  p95 ${p95(xs).toFixed(2)} ms`);
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-steps-'));
const config = loadConfig({ ...process.env, YIZHAN_DATA_DIR: dataDir, YIZHAN_DEMO_DATA: 'false', LOG_LEVEL: 'warn' });
const database = await openDatabase({ url: config.databaseUrl });
const deps: Deps = {
  db: database.db,
  config,
  cipher: new FieldCipher(resolveMasterKey(undefined, dataDir)),
  logger: pino({ level: 'warn' }),
  now: () => new Date(),
};
try {
  const [pick] = process.argv[2]
    ? [{ id: process.argv[2] }]
    : await deps.db
        .select({ id: disputeCases.id })
        .from(disputeCases)
        .where(sql`${disputeCases.caseNumber} not like 'BENCH-%'`)
        .orderBy(sql`${disputeCases.appliedOn} desc`)
        .limit(1);
  const id = pick!.id;
  const row = (await caseRepo.byId(deps.db, id))!;
  console.log(`case ${row.caseNumber}: ${JSON.stringify(row).length} bytes in the row`);
  await time('byId (loadReadable)', () => caseRepo.byId(deps.db, id));
  await time('calendarFor (cached)', () => calendarFor(deps));
  await time('events', () => caseRepo.events(deps.db, id));
  await time('sessions', () => caseRepo.sessions(deps.db, id));
  await time('payments', () => caseRepo.payments(deps.db, id));
  await time('evidence', () => caseRepo.evidence(deps.db, id));
  const calendar = await calendarFor(deps);
  await time('clocksOf', () => clocksOf(row, calendar, todayOf(deps)));
  await time('caseDetail (all steps, no HTTP)', () => caseDetail(deps, row, null));
  const detail = await caseDetail(deps, row, null);
  console.log(`detail: ${JSON.stringify(detail).length} bytes of JSON`);
  await time('JSON.stringify(detail)', () => JSON.stringify(detail));
  const { caseDetailSchema } = await import('../contracts/disputes/responses.js');
  await time('caseDetailSchema.safeParse(detail)', () => caseDetailSchema.safeParse(detail));

  const app = await buildApp(deps, { serveWeb: false });
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'zs_mediator', password: 'Yizhan2026' },
  });
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  const { resolveSession } = await import('../server/modules/auth/service.js');
  const token = decodeURIComponent(cookie.split('=')[1]!);
  await time('resolveSession (auth hook)', () => resolveSession(deps, token));
  const serverTimes: number[] = [];
  await time('GET /api/disputes/:id (inject, whole request)', async () => {
    const r = await app.inject({ method: 'GET', url: `/api/disputes/${id}`, headers: { cookie } });
    if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body}`);
    serverTimes.push(Number(/dur=([\d.]+)/.exec(String(r.headers['server-timing']))![1]));
  });
  console.log(
    `server-timing of those: p50 ${median(serverTimes).toFixed(2)} ms, p95 ${p95(serverTimes).toFixed(2)} ms`,
  );
  await time('GET /api/disputes?page=3 (inject, list)', async () => {
    const r = await app.inject({ method: 'GET', url: `/api/disputes?page=3&pageSize=20`, headers: { cookie } });
    if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body}`);
  });
  await app.close();
} finally {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
