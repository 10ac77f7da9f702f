import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Deps } from './core/deps.js';
import { errorForLog } from './core/http.js';
import { migrationsFolder } from './db/client.js';

export interface Readiness {
  ok: boolean;
  database: 'ok' | 'unavailable';
  migrations: 'current' | 'behind' | 'unknown';
  jobs: 'running' | 'stopped';
  /** What is not ready, in Chinese and English (empty when ready). */
  reasons: string[];
  /** The reasons as one line. */
  reason?: string;
}

/** The newest migration of this build (drizzle records its `when` as created_at once applied). */
function lastMigrationMillis(): number | null {
  try {
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
      entries: { when: number }[];
    };
    return journal.entries.at(-1)?.when ?? null;
  } catch {
    return null;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Ready for traffic: the database answers, its schema is this build's (the last migration is
 * applied), and the job runner is working the queues.
 */
export async function readiness(
  deps: Deps,
  jobsRunning: boolean,
  log: { warn(details: object, message: string): void },
): Promise<Readiness> {
  const reasons: string[] = [];
  let database: Readiness['database'] = 'ok';
  let migrations: Readiness['migrations'] = 'unknown';
  try {
    const result = await withTimeout(
      deps.db.execute(sql`SELECT max(created_at)::text AS "last" FROM drizzle.__drizzle_migrations`),
      3000,
    );
    const applied = Number((result as { rows: { last: string | null }[] }).rows[0]?.last ?? 0);
    const expected = lastMigrationMillis();
    migrations = expected !== null && applied >= expected ? 'current' : 'behind';
    if (migrations === 'behind') reasons.push('数据库迁移未完成 / database migrations are not current');
  } catch (err) {
    log.warn({ error: errorForLog(err) }, 'readiness check: database not answering');
    database = 'unavailable';
    reasons.push('数据库无响应 / database does not answer');
  }
  if (!jobsRunning) reasons.push('任务队列未运行 / the job queue is not running');
  return {
    ok: reasons.length === 0,
    database,
    migrations,
    jobs: jobsRunning ? 'running' : 'stopped',
    reasons,
    ...(reasons.length ? { reason: reasons.join('; ') } : {}),
  };
}
