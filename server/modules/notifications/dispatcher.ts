import type { Deps } from '../../core/deps.js';
import { providersFor } from './providers/index.js';
import { asSendError, type OutgoingMessage } from './providers/types.js';
import { outboxRepo, type Outcome, type OutboxRow } from './repository.js';
import type { AttemptStatus, MessageStatus } from './tables.js';

export interface DispatchResult {
  claimed: number;
  sent: number;
  delivered: number;
  retrying: number;
  failed: number;
  expired: number;
}

/** Outcomes are written per transaction up to this many, and no later than this after the first. */
const RECORD_EVERY = 25;
const RECORD_WITHIN_MS = 1000;

const CODE_MAX_AGE_MS = 10 * 60_000; // a code is valid for 10 minutes: a later one only confuses
const MAX_BACKOFF_MS = 3600_000;

function outgoing(row: OutboxRow): OutgoingMessage {
  return {
    id: row.id,
    channel: row.channel,
    kind: row.kind,
    recipient: row.recipient,
    subject: row.subject,
    body: row.body,
    template: row.template,
    variables: row.variables,
  };
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

/**
 * One pass of the dispatcher: claims due messages (a short statement that marks them
 * 'sending' under a lease), sends each through its channel's provider outside any transaction,
 * and records the attempt with its outcome: sent; a transient failure back to pending after an
 * exponential backoff, failed after MESSAGE_MAX_ATTEMPTS; a permanent failure failed at once.
 * Safe to run on several instances at once (the claims are disjoint).
 */
export async function dispatchDue(
  deps: Deps,
  opts: { limit?: number; signal?: AbortSignal } = {},
): Promise<DispatchResult> {
  const m = deps.config.messages;
  const now = deps.now();
  const result: DispatchResult = { claimed: 0, sent: 0, delivered: 0, retrying: 0, failed: 0, expired: 0 };
  result.expired = await outboxRepo.expire(
    deps.db,
    new Date(now.getTime() - m.maxAgeHours * 3600_000),
    new Date(now.getTime() - CODE_MAX_AGE_MS),
  );
  const limit = opts.limit ?? m.batch;
  // The lease covers the whole batch: the last message of a batch waits for the lanes ahead of it.
  const leaseMs = Math.max(m.leaseSeconds * 1000, Math.ceil(limit / m.concurrency) * m.sendTimeoutMs + 30_000);
  const claimed = await outboxRepo.claimDue(deps.db, now, limit, new Date(now.getTime() + leaseMs));
  result.claimed = claimed.length;
  const providers = providersFor(deps.config, deps.logger);
  const signal = opts.signal ?? new AbortController().signal;
  // Outcomes are written a few at a time, one transaction each (a commit per message would make
  // the database's fsync the limit). An instance that dies before writing them sends those
  // messages again once their lease runs out: delivery is at least once.
  const outcomes: Outcome[] = [];
  let oldestOutcome = 0;
  const writes: Promise<void>[] = [];
  const flush = async () => {
    const chunk = outcomes.splice(0);
    oldestOutcome = Date.now();
    if (!chunk.length) return;
    await deps.db.transaction((tx) => outboxRepo.recordOutcomes(tx, chunk));
  };

  await eachLimited(claimed, m.concurrency, async (row) => {
    const provider = providers[row.channel];
    // A claim past the allowance comes from instances that died while sending: stop there.
    if (row.attempts > m.maxAttempts) {
      await outboxRepo.settle(deps.db, row.id, row.attempts, {
        status: 'failed',
        lastError: `no answer after ${m.maxAttempts} attempt(s)`,
      });
      result.failed++;
      return;
    }
    const started = performance.now();
    let status: AttemptStatus = 'ok';
    let error: string | null = null;
    let providerMessageId: string | null = null;
    let finalStatus: MessageStatus = 'sent';
    try {
      const r = await provider.send(outgoing(row), signal);
      providerMessageId = r.providerMessageId;
      finalStatus = r.status;
    } catch (err) {
      const e = asSendError(err);
      status = e.kind;
      error = e.message.slice(0, 500);
    }
    const durationMs = Math.round(performance.now() - started);
    const at = deps.now();
    const giveUp = status === 'permanent' || (status === 'transient' && row.attempts >= m.maxAttempts);
    const backoffMs = Math.min(m.retryBaseSeconds * 1000 * 2 ** (row.attempts - 1), MAX_BACKOFF_MS);
    if (!outcomes.length) oldestOutcome = Date.now();
    outcomes.push({
      attempt: { messageId: row.id, provider: provider.name, status, providerMessageId, error, durationMs, at },
      claim: row.attempts,
      status: status === 'ok' ? finalStatus : giveUp ? 'failed' : 'pending',
      nextAttemptAt: status !== 'ok' && !giveUp ? new Date(at.getTime() + backoffMs) : null,
    });
    // Written while the lane goes on sending; every write is awaited before the pass ends.
    if (outcomes.length >= RECORD_EVERY || Date.now() - oldestOutcome > RECORD_WITHIN_MS) writes.push(flush());
    if (status === 'ok') result[finalStatus === 'delivered' ? 'delivered' : 'sent']++;
    else if (giveUp) result.failed++;
    else result.retrying++;
    // The error text may name the address (an SMTP reply does): the log says only what happened.
    if (status !== 'ok')
      deps.logger.warn(
        { messageId: row.id, provider: provider.name, outcome: status, attempt: row.attempts, gaveUp: giveUp },
        'message not sent',
      );
  });
  writes.push(flush());
  await Promise.all(writes);
  return result;
}
