import { index, pgTable, real, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * How far a job is, as its handler last said (pg-boss keeps no progress), and who started it
 * from a request (that account may follow the job). One row per job; the queue's own rows live
 * in the pgboss schema, which pg-boss creates and migrates itself.
 */
export const jobProgress = pgTable(
  'job_progress',
  {
    /** pg-boss's job id. */
    jobId: uuid('job_id').primaryKey(),
    jobName: varchar('job_name', { length: 100 }).notNull(),
    /** 0..1 */
    fraction: real('fraction').notNull().default(0),
    messageZh: varchar('message_zh', { length: 300 }),
    messageEn: varchar('message_en', { length: 300 }),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('job_progress_updated_idx').on(t.updatedAt)],
);
