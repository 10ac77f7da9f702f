import { and, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Db, DbOrTx } from '../../db/client.js';
import { jobProgress } from './tables.js';

/** pg-boss's own schema: read here, never written except through pg-boss. */
export const BOSS_SCHEMA = 'pgboss';
/** pg-boss's internal queues (the cron hand-over) are not the application's jobs. */
const INTERNAL = '__pgboss__%';

/** What pg-boss needs of a connection (its `db` option). */
export interface BossDb {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

function rowsOf<T>(result: unknown): T[] {
  // node-postgres answers a multi-statement text with one result per statement.
  const last: unknown = Array.isArray(result) ? result[result.length - 1] : result;
  return (last as { rows?: T[] } | undefined)?.rows ?? [];
}

/**
 * pg-boss on the application's own connection: the node-postgres pool, or the one PGlite
 * connection. pg-boss sends its migration scripts as one text of many statements without
 * parameters: PGlite runs those through exec (query takes one statement), and a failed script
 * leaves its transaction open on the only connection, hence the ROLLBACK.
 */
export function bossDbOf(db: Db, kind: 'pglite' | 'postgres'): BossDb {
  const client = (db as unknown as { $client: unknown }).$client;
  if (kind === 'postgres') {
    const pool = client as pg.Pool;
    return { executeSql: async (text, values) => ({ rows: rowsOf(await pool.query(text, values)) }) };
  }
  const lite = client as PGlite;
  return {
    async executeSql(text, values) {
      if (values?.length) return { rows: (await lite.query(text, values)).rows };
      try {
        return { rows: rowsOf(await lite.exec(text)) };
      } catch (err) {
        await lite.exec('ROLLBACK').catch(() => undefined);
        throw err;
      }
    },
  };
}

/**
 * pg-boss inside the caller's transaction (a send that exists only if the transaction commits).
 * pg-boss's numbered parameters become Drizzle parameters (each one value: an array stays an
 * array, not a list), so the same code serves both drivers.
 */
export function bossDbInTx(tx: DbOrTx): BossDb {
  return {
    async executeSql(text, values = []) {
      const parts = text.split(/\$(\d+)/);
      const chunks: SQL[] = [];
      parts.forEach((part, i) =>
        chunks.push(i % 2 === 0 ? sql.raw(part) : sql`${sql.param(values[Number(part) - 1])}`),
      );
      return { rows: rowsOf(await tx.execute(sql.join(chunks))) };
    },
  };
}

export interface ProgressRow {
  jobId: string;
  jobName: string;
  fraction: number;
  messageZh: string | null;
  messageEn: string | null;
  createdBy: string | null;
  updatedAt: Date;
}

export const progressRepo = {
  /** The row of a job sent from a request: who started it, before it runs. */
  async started(db: DbOrTx, jobId: string, jobName: string, createdBy: string, now: Date) {
    await db.insert(jobProgress).values({ jobId, jobName, createdBy, updatedAt: now }).onConflictDoNothing();
  },

  async save(db: DbOrTx, row: Omit<ProgressRow, 'createdBy'>) {
    const { jobId: _key, ...values } = row;
    await db.insert(jobProgress).values(row).onConflictDoUpdate({ target: jobProgress.jobId, set: values });
  },

  async byJob(db: DbOrTx, jobId: string): Promise<ProgressRow | null> {
    const [row] = await db.select().from(jobProgress).where(eq(jobProgress.jobId, jobId));
    return row ?? null;
  },

  /** Rows of jobs long finished (pg-boss deletes its own archive after its retention). */
  async deleteBefore(db: DbOrTx, before: Date, jobName?: string) {
    await db
      .delete(jobProgress)
      .where(and(lt(jobProgress.updatedAt, before), jobName ? eq(jobProgress.jobName, jobName) : undefined));
  },
};

export type BossState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

export interface JobRow {
  id: string;
  name: string;
  state: BossState;
  retryCount: number;
  retryLimit: number;
  createdOn: Date;
  startedOn: Date | null;
  startAfter: Date;
  completedOn: Date | null;
  errorMessage: string | null;
  fraction: number | null;
  messageZh: string | null;
  messageEn: string | null;
  progressAt: Date | null;
  createdBy: string | null;
}

/** Live jobs and the archive (pg-boss moves finished jobs there after a while) as one list. */
const allJobs = sql.raw(`(
  SELECT id, name, state, retry_count, retry_limit, created_on, started_on, start_after, completed_on, output
  FROM ${BOSS_SCHEMA}.job
  UNION ALL
  SELECT id, name, state, retry_count, retry_limit, created_on, started_on, start_after, completed_on, output
  FROM ${BOSS_SCHEMA}.archive
)`);

const jobColumns = sql`j.id::text AS "id", j.name AS "name", j.state::text AS "state",
  j.retry_count AS "retryCount", j.retry_limit AS "retryLimit", j.created_on AS "createdOn",
  j.started_on AS "startedOn", j.start_after AS "startAfter", j.completed_on AS "completedOn",
  CASE WHEN j.state IN ('failed', 'retry') THEN left(j.output->>'message', 500) END AS "errorMessage",
  p.fraction AS "fraction", p.message_zh AS "messageZh", p.message_en AS "messageEn",
  p.updated_at AS "progressAt", p.created_by::text AS "createdBy"`;

export interface JobListFilter {
  states?: BossState[];
  name?: string;
}

export interface QueueRow {
  name: string;
  policy: string;
  retryLimit: number;
  created: number;
  retry: number;
  active: number;
  completed: number;
  failed: number;
  cancelled: number;
  cron: string | null;
  timezone: string | null;
}

export const bossRepo = {
  async list(
    db: DbOrTx,
    filter: JobListFilter,
    limit: number,
    offset: number,
  ): Promise<{ items: JobRow[]; total: number }> {
    const where = sql.join(
      [
        sql`j.name NOT LIKE ${INTERNAL}`,
        filter.name ? sql`j.name = ${filter.name}` : undefined,
        filter.states?.length
          ? sql`j.state::text IN (${sql.join(
              filter.states.map((s) => sql`${s}`),
              sql`, `,
            )})`
          : undefined,
      ].filter((c): c is SQL => !!c),
      sql` AND `,
    );
    const items = rowsOf<JobRow>(
      await db.execute(sql`SELECT ${jobColumns} FROM ${allJobs} j LEFT JOIN job_progress p ON p.job_id = j.id
        WHERE ${where} ORDER BY j.created_on DESC, j.id LIMIT ${limit} OFFSET ${offset}`),
    );
    const [count] = rowsOf<{ n: number }>(
      await db.execute(sql`SELECT count(*)::int AS n FROM ${allJobs} j WHERE ${where}`),
    );
    return { items, total: count?.n ?? 0 };
  },

  async byId(db: DbOrTx, id: string): Promise<JobRow | null> {
    const [row] = rowsOf<JobRow>(
      await db.execute(sql`SELECT ${jobColumns} FROM ${allJobs} j LEFT JOIN job_progress p ON p.job_id = j.id
        WHERE j.id = ${id}::uuid AND j.name NOT LIKE ${INTERNAL} LIMIT 1`),
    );
    return row ?? null;
  },

  /** Jobs of these queues not yet finished: queued, waiting for a retry, or running. */
  async openJobs(db: DbOrTx, names: string[]): Promise<number> {
    if (!names.length) return 0;
    const [row] = rowsOf<{ n: number }>(
      await db.execute(sql`SELECT count(*)::int AS n FROM ${sql.raw(`${BOSS_SCHEMA}.job`)}
        WHERE state < 'completed' AND name IN (${sql.join(
          names.map((n) => sql`${n}`),
          sql`, `,
        )})`),
    );
    return row?.n ?? 0;
  },

  /** Each queue with its jobs counted by state and its schedule, if any. */
  async queues(db: DbOrTx): Promise<QueueRow[]> {
    return rowsOf<QueueRow>(
      await db.execute(sql`
        SELECT q.name AS "name", q.policy AS "policy", q.retry_limit AS "retryLimit",
          count(*) FILTER (WHERE j.state = 'created')::int AS "created",
          count(*) FILTER (WHERE j.state = 'retry')::int AS "retry",
          count(*) FILTER (WHERE j.state = 'active')::int AS "active",
          count(*) FILTER (WHERE j.state = 'completed')::int AS "completed",
          count(*) FILTER (WHERE j.state = 'failed')::int AS "failed",
          count(*) FILTER (WHERE j.state = 'cancelled')::int AS "cancelled",
          s.cron AS "cron", s.timezone AS "timezone"
        FROM ${sql.raw(`${BOSS_SCHEMA}.queue`)} q
        LEFT JOIN ${allJobs} j ON j.name = q.name
        LEFT JOIN ${sql.raw(`${BOSS_SCHEMA}.schedule`)} s ON s.name = q.name
        WHERE q.name NOT LIKE ${INTERNAL}
        GROUP BY q.name, q.policy, q.retry_limit, s.cron, s.timezone
        ORDER BY q.name`),
    );
  },
};
