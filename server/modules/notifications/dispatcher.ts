import type { Deps } from '../../core/deps.js';
import { providersFor } from './providers/index.js';
import { asSendError, type OutgoingMessage } from './providers/types.js';
import { outboxRepo, type OutboxRow } from './repository.js';
import type { AttemptStatus, MessageStatus } from './tables.js';

export interface DispatchResult {
  claimed: number;
  sent: number;
  delivered: number;
  retrying: number;
  failed: number;
  expired: number;
}

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
  const claimed = await outboxRepo.claimDue(
    deps.db,
    now,
    opts.limit ?? m.batch,
    new Date(now.getTime() + m.leaseSeconds * 1000),
  );
  result.claimed = claimed.length;
  const providers = providersFor(deps.config, deps.logger);
  const signal = opts.signal ?? new AbortController().signal;

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
    await deps.db.transaction(async (tx) => {
      await outboxRepo.recordAttempt(tx, {
        messageId: row.id,
        provider: provider.name,
        status,
        providerMessageId,
        error,
        durationMs,
        at,
      });
      await outboxRepo.settle(
        tx,
        row.id,
        row.attempts,
        status === 'ok'
          ? { status: finalStatus, provider: provider.name, providerMessageId, sentAt: at, lastError: null }
          : giveUp
            ? { status: 'failed', provider: provider.name, lastError: error }
            : {
                status: 'pending',
                provider: provider.name,
                lastError: error,
                nextAttemptAt: new Date(at.getTime() + backoffMs),
              },
      );
    });
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
  return result;
}
