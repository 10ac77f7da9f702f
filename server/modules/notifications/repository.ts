import { and, asc, desc, eq, gte, inArray, like, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { escapeLike, inRegion } from '../../core/scope.js';
import type { DbOrTx } from '../../db/client.js';
import { attempts, outbox, type AttemptStatus, type MessageChannel, type MessageStatus } from './tables.js';

export type OutboxInsert = typeof outbox.$inferInsert;
export type OutboxRow = typeof outbox.$inferSelect;

export interface AttemptRecord {
  messageId: string;
  provider: string;
  status: AttemptStatus;
  providerMessageId: string | null;
  error: string | null;
  durationMs: number;
  at: Date;
}

/** One attempt of a claim and where it leaves the message. */
export interface Outcome {
  attempt: AttemptRecord;
  /** The message's attempt count when it was claimed. */
  claim: number;
  status: MessageStatus;
  /** When a retry is due (pending only). */
  nextAttemptAt: Date | null;
}

/** The channel every instance LISTENs on; a NOTIFY is delivered only when the writing transaction commits. */
export const OUTBOX_CHANNEL = 'yizhan_outbox';

export interface MessageFilter {
  scope: string | null;
  /** A phone number or e-mail address, whole or its end (the last digits of a number). */
  recipient?: string;
  status?: MessageStatus;
  channel?: MessageChannel;
  from?: Date;
  to?: Date;
}

function where(f: MessageFilter): SQL | undefined {
  return and(
    f.scope ? inRegion(outbox.regionCode, f.scope) : undefined,
    f.recipient
      ? or(eq(outbox.recipient, f.recipient), like(outbox.recipient, `%${escapeLike(f.recipient)}`))
      : undefined,
    f.status ? eq(outbox.status, f.status) : undefined,
    f.channel ? eq(outbox.channel, f.channel) : undefined,
    f.from ? gte(outbox.createdAt, f.from) : undefined,
    f.to ? lt(outbox.createdAt, f.to) : undefined,
  );
}

export const outboxRepo = {
  async insert(tx: DbOrTx, message: OutboxInsert): Promise<void> {
    await tx.insert(outbox).values(message);
  },

  /** Wakes every instance's dispatcher once the caller's transaction commits (never before, never on rollback). */
  async signalCommit(tx: DbOrTx): Promise<void> {
    await tx.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);
  },

  /** The newest `limit` messages to one recipient. */
  async latestTo(db: DbOrTx, recipient: string, limit: number) {
    return db.select().from(outbox).where(eq(outbox.recipient, recipient)).orderBy(desc(outbox.createdAt)).limit(limit);
  },

  /** Pending messages written before the cut-offs are not worth sending any more. */
  async expire(db: DbOrTx, noticesBefore: Date, codesBefore: Date): Promise<number> {
    const rows = await db
      .update(outbox)
      .set({ status: 'failed', lastError: 'expired before it could be sent', leaseUntil: null })
      .where(
        and(
          eq(outbox.status, 'pending'),
          or(lt(outbox.createdAt, noticesBefore), and(eq(outbox.kind, 'code'), lt(outbox.createdAt, codesBefore))),
        ),
      )
      .returning({ id: outbox.id });
    return rows.length;
  },

  /**
   * Claims up to `limit` due messages in one statement: pending ones whose time has come, and
   * 'sending' ones whose lease ran out (the instance sending them died). SKIP LOCKED lets
   * concurrent dispatchers take disjoint sets; the lease keeps the claim after the commit.
   */
  async claimDue(db: DbOrTx, now: Date, limit: number, leaseUntil: Date): Promise<OutboxRow[]> {
    const due = db
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        or(
          // A message not tried yet is due at once (its next_attempt_at is the database's clock).
          and(eq(outbox.status, 'pending'), or(eq(outbox.attempts, 0), lte(outbox.nextAttemptAt, now))),
          and(eq(outbox.status, 'sending'), lt(outbox.leaseUntil, now)),
        ),
      )
      .orderBy(asc(outbox.nextAttemptAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    return db
      .update(outbox)
      .set({ status: 'sending', attempts: sql`${outbox.attempts} + 1`, leaseUntil })
      .where(inArray(outbox.id, due))
      .returning();
  },

  /** The outcome of the claim numbered `attempt`; a claim another instance took over meanwhile is left alone. */
  async settle(tx: DbOrTx, id: string, attempt: number, values: Partial<OutboxInsert>): Promise<boolean> {
    const rows = await tx
      .update(outbox)
      .set({ ...values, leaseUntil: null })
      .where(and(eq(outbox.id, id), eq(outbox.status, 'sending'), eq(outbox.attempts, attempt)))
      .returning({ id: outbox.id });
    return rows.length > 0;
  },

  /**
   * Writes the attempts of a batch and settles their messages in two statements (rows passed
   * as one JSON parameter): a round trip per message would cap the dispatcher. A message whose
   * claim another instance took over meanwhile (its attempt count moved on) is left alone.
   */
  async recordOutcomes(tx: DbOrTx, outcomes: Outcome[]): Promise<void> {
    if (!outcomes.length) return;
    const rows = JSON.stringify(
      outcomes.map((o) => ({
        id: o.attempt.messageId,
        claim: o.claim,
        provider: o.attempt.provider,
        outcome: o.attempt.status,
        provider_message_id: o.attempt.providerMessageId,
        error: o.attempt.error,
        duration_ms: o.attempt.durationMs,
        at: o.attempt.at.toISOString(),
        status: o.status,
        next_attempt_at: o.nextAttemptAt?.toISOString() ?? null,
      })),
    );
    const v = sql`jsonb_to_recordset(${rows}::jsonb) as v(id uuid, claim int, provider text, outcome text,
      provider_message_id text, error text, duration_ms int, at timestamptz, status text, next_attempt_at timestamptz)`;
    await tx.execute(sql`insert into ${attempts}
      (message_id, attempt_no, provider, status, provider_message_id, error, duration_ms, at)
      select v.id, (select coalesce(max(a.attempt_no), 0) + 1 from ${attempts} a where a.message_id = v.id),
        v.provider, v.outcome, v.provider_message_id, v.error, v.duration_ms, v.at
      from ${v}`);
    await tx.execute(sql`update ${outbox} o set
        status = v.status,
        provider = v.provider,
        provider_message_id = case when v.outcome = 'ok' then v.provider_message_id else o.provider_message_id end,
        sent_at = case when v.outcome = 'ok' then v.at else o.sent_at end,
        last_error = v.error,
        next_attempt_at = coalesce(v.next_attempt_at, o.next_attempt_at),
        lease_until = null
      from ${v}
      where o.id = v.id and o.status = 'sending' and o.attempts = v.claim`);
  },

  async list(db: DbOrTx, f: MessageFilter, limit: number, offset: number) {
    const items = await db
      .select()
      .from(outbox)
      .where(where(f))
      .orderBy(desc(outbox.createdAt), desc(outbox.id))
      .limit(limit)
      .offset(offset);
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(outbox)
      .where(where(f));
    return { items, total: count?.n ?? 0 };
  },

  async byId(db: DbOrTx, id: string, lock = false): Promise<OutboxRow | undefined> {
    const q = db.select().from(outbox).where(eq(outbox.id, id));
    const [row] = lock ? await q.for('update') : await q;
    return row;
  },

  async attemptsOf(db: DbOrTx, id: string) {
    return db.select().from(attempts).where(eq(attempts.messageId, id)).orderBy(asc(attempts.attemptNo));
  },

  /** A failed message back in the queue with a fresh allowance of attempts. */
  async requeue(tx: DbOrTx, id: string, now: Date): Promise<void> {
    await tx
      .update(outbox)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: now, lastError: null, leaseUntil: null })
      .where(and(eq(outbox.id, id), eq(outbox.status, 'failed')));
  },
};
